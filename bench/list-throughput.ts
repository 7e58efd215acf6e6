import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import {
  BARE_SERVER_ENTRY,
  type ChildServer,
  REAL_SERVER_ENTRY,
  realServerNodeArgs,
  startChildServer,
} from './child-server.ts';
import { captureListSql, FIRST_PAGE_FILTER } from './list-sql.ts';
import {
  capturePayload,
  LIST_PATH,
  type LoadResult,
  loadProblems,
  mergeLoads,
  realServerEnv,
  runLoad,
} from './load.ts';
import type { BenchRow } from './report.ts';

/**
 * Target 1: requests/s of the authorized, tenant-scoped list endpoint (the whole app: helmet,
 * request ids, authorization, zod validation and serialization, metrics, PostgreSQL at
 * production scale) against a bare Fastify serving the same bytes. The ratio is the price of
 * everything we add on top of the framework; machine speed cancels out.
 *
 * The real server runs with the production default LOG_LEVEL=info (request log lines to a
 * discarded stdout): what a deployment pays unless configured otherwise. For information, two
 * more servers: the real one with LOG_LEVEL=warn (the cost of request logging), and a bare
 * Fastify that runs the repository's SQL with pg (the cost of any database-backed endpoint, so
 * the remaining gap is visibly ours).
 *
 * Fairness: all three servers are child processes started the same way, idle while another is
 * loaded (one loaded server at a time: two would fight for the 2 cores). The measured time is
 * split into rounds that alternate the servers, in rotating order, so a burst of background
 * load (a test run, another build) hits all of them alike instead of one.
 */
export const THROUGHPUT_CONNECTIONS = 50;
export const THROUGHPUT_TARGET_RATIO = 0.5;
const ROUNDS = 2;

export interface ThroughputOptions {
  databaseUrl: string;
  workDir: string;
  warmupSeconds: number;
  /** Measured seconds per server, summed over the rounds. */
  durationSeconds: number;
}

interface Contender {
  key: 'info' | 'warn' | 'bare' | 'bare-sql';
  server: ChildServer;
  slices: LoadResult[];
}

function load(contender: Contender, seconds: number): Promise<LoadResult> {
  return runLoad({
    url: `${contender.server.baseUrl}${LIST_PATH}`,
    connections: THROUGHPUT_CONNECTIONS,
    durationSeconds: seconds,
  });
}

/** The repository's first-page SQL, in a file for the bare Fastify + pg server. */
async function captureFirstPageSql(options: ThroughputOptions): Promise<string> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  try {
    const query = await captureListSql(pool, FIRST_PAGE_FILTER);
    const file = path.join(options.workDir, 'list-first-page.sql.json');
    await writeFile(file, JSON.stringify(query));
    return file;
  } finally {
    await pool.end();
  }
}

export async function measureListThroughput(options: ThroughputOptions): Promise<BenchRow[]> {
  const contenders: Contender[] = [];
  try {
    for (const level of ['info', 'warn'] as const) {
      const server = await startChildServer({
        entry: REAL_SERVER_ENTRY,
        nodeArgs: realServerNodeArgs(),
        env: realServerEnv(options.databaseUrl, level, options.workDir),
        label: `real server (LOG_LEVEL=${level})`,
      });
      contenders.push({ key: level, server, slices: [] });
    }
    const first = contenders[0];
    if (!first) {
      throw new Error('no real server started');
    }
    const payloadFile = await capturePayload(first.server.baseUrl, options.workDir);
    const bareServer = await startChildServer({
      entry: BARE_SERVER_ENTRY,
      env: { BENCH_PAYLOAD_FILE: payloadFile },
      label: 'bare Fastify server',
    });
    contenders.push({ key: 'bare', server: bareServer, slices: [] });
    const sqlFile = await captureFirstPageSql(options);
    const bareSqlServer = await startChildServer({
      entry: BARE_SERVER_ENTRY,
      env: { BENCH_SQL_FILE: sqlFile, BENCH_DATABASE_URL: options.databaseUrl },
      label: 'bare Fastify + pg server',
    });
    contenders.push({ key: 'bare-sql', server: bareSqlServer, slices: [] });

    // Warm-up: JIT, connection pools and PostgreSQL caches, so the measured windows are steady.
    for (const contender of contenders) {
      await load(contender, options.warmupSeconds);
    }
    const slice = Math.max(1, options.durationSeconds / ROUNDS);
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const contender of order) {
        contender.slices.push(await load(contender, slice));
      }
    }
  } finally {
    await Promise.all(contenders.map((contender) => contender.server.stop()));
  }

  const result = (key: Contender['key']): LoadResult => {
    const contender = contenders.find((candidate) => candidate.key === key);
    if (!contender) {
      throw new Error(`no ${key} server was measured`);
    }
    return mergeLoads(contender.slices);
  };
  const bare = result('bare');
  const ours = result('info');
  const row = (
    id: string,
    name: string,
    measured: LoadResult,
    baseline: { result: LoadResult; label: string },
    judged: boolean,
    note: string,
  ): BenchRow => {
    const baselineProblems = loadProblems(baseline.result);
    const invalid = [loadProblems(measured), baselineProblems && `baseline: ${baselineProblems}`]
      .filter(Boolean)
      .join('; ');
    return {
      id,
      name,
      unit: 'req/s',
      measured: measured.requestsPerSecond,
      baseline: baseline.result.requestsPerSecond,
      baselineLabel: baseline.label,
      target: judged
        ? { kind: 'ratio-at-least', value: THROUGHPUT_TARGET_RATIO }
        : { kind: 'none' },
      note: `${note}; p99 ${measured.latencyP99Ms} ms vs ${baseline.result.latencyP99Ms} ms`,
      ...(invalid ? { invalid } : {}),
    };
  };
  const bareFastify = { result: bare, label: 'bare Fastify' };
  return [
    row(
      'list-throughput',
      '1. List throughput (GET /api/v1/organisations?limit=25)',
      ours,
      bareFastify,
      true,
      `real server, production default LOG_LEVEL=info; ${THROUGHPUT_CONNECTIONS} connections, ${ours.seconds.toFixed(0)} s per server in ${ROUNDS} alternating rounds`,
    ),
    row(
      'list-throughput-log-warn',
      '   same, LOG_LEVEL=warn (no request logs)',
      result('warn'),
      bareFastify,
      false,
      'for information: what request logging costs',
    ),
    row(
      'list-throughput-vs-bare-sql',
      '   ours vs bare Fastify running the same SQL',
      ours,
      { result: result('bare-sql'), label: 'bare Fastify + pg' },
      false,
      'for information: the baseline pays the database round trip too, so the ratio is the cost of our layers (drizzle, zod, hooks, plugins)',
    ),
  ];
}
