import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/db/database.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import {
  OPEN_PROTEST_STATUSES,
  type ProtestQueueSearch,
  type QueueKey,
  queueStatements,
} from '../src/server/modules/protests/protest-queue.repository.ts';
import { encodeCursor } from '../src/server/page-cursor.ts';
import {
  type BenchDatabase,
  describeBenchDatabase,
  recreateBenchDatabase,
  resolveBenchDatabase,
} from './bench-database.ts';
import { LATENCY_TARGET_MS } from './first-page-latency.ts';
import { BENCH_AUTH_HEADERS } from './load.ts';
import { type BenchRow, formatTable, judge } from './report.ts';
import {
  countSeeded,
  PROTEST_COUNT,
  seedProtestScale,
  signInSeededReviewer,
} from './seed-protest-scale.ts';
import { percentile, timeInterleaved } from './timing.ts';

/**
 * Issue 7: p95 latency of CBP's protest review queue (GET /api/v1/cbp/protests) at 1,000,000
 * protests, one request at a time: the first page, by Center, unassigned, Trade Compliance
 * only, a page deep in the queue (after the 50,000th open protest) and a search by entry
 * number. Target: the first-page target (LATENCY_TARGET_MS). Requests go through app.inject()
 * into the real app (buildApp on openDatabase's pool, request logging on), signed in as a seeded
 * protest reviewer: authentication, MFA state, `protest:read:any`, validation, the query, the
 * clocks of each row and serialization.
 *
 * Baseline per row: a bare Fastify() with one route returning that very page, captured once
 * from the app, measured with inject the same way and alternating request by request.
 *
 * Each variant's statements are EXPLAIN ANALYZEd on the seeded set (the SQL the repository
 * builds: `queueStatements`): the row is invalid unless the plan reads one of the queue's
 * partial indexes with no Sort node. The memory row reports the resident set of this process,
 * which runs the app, before the app is built and after the measured requests.
 *
 * The data lives in its own database (the main one's name + `_protests`, dropped and recreated).
 */
const PAGE_SIZE = 25;
const DEEP_OPEN_ROWS = 50_000;
const LIST_PATH = '/api/v1/cbp/protests';
const QUEUE_INDEXES = [
  'protests_queue_idx',
  'protests_center_queue_idx',
  'protests_reviewer_queue_idx',
];
const MB = 1024 * 1024;

export interface ProtestQueueOptions {
  benchDatabase: BenchDatabase;
  warmupRequests: number;
  measuredRequests: number;
  log: (message: string) => void;
}

export function protestBenchDatabase(main: BenchDatabase): BenchDatabase {
  const url = new URL(main.url);
  url.pathname = `/${main.name}_protests`;
  return resolveBenchDatabase({ BENCH_DATABASE_URL: url.toString() });
}

/**
 * Drops, recreates, migrates and seeds the database; with BENCH_REUSE_PROTESTS=1 (while
 * developing) a database already holding the full set is kept and only signed in again.
 */
async function prepare(database: BenchDatabase, log: (message: string) => void): Promise<void> {
  if (process.env.BENCH_REUSE_PROTESTS === '1') {
    const handle = await openDatabase({ driver: 'postgres', url: database.url });
    try {
      const seeded = await countSeeded(handle.db);
      if (seeded.protests === PROTEST_COUNT) {
        await signInSeededReviewer(handle.db);
        log(`  ${describeBenchDatabase(database)}: reusing ${seeded.protests} seeded protests`);
        return;
      }
    } catch {
      // Not there or not seeded: seed it below.
    } finally {
      await handle.close();
    }
  }
  log(`  ${describeBenchDatabase(database)} (dropped and recreated)`);
  await recreateBenchDatabase(database);
  const handle = await openDatabase({ driver: 'postgres', url: database.url });
  try {
    await migrateDatabase(handle);
    const seeded = await seedProtestScale(handle.db);
    log(
      `  seeded ${seeded.protests} protests (${seeded.open} open, ${seeded.rank0} with a running deemed-denial clock, ${seeded.tradeCompliance} Trade Compliance) in ${seeded.seconds.toFixed(1)} s (${seeded.steps.join(', ')})`,
    );
  } finally {
    await handle.close();
  }
}

interface Variant {
  id: string;
  name: string;
  query: string;
  search: ProtestQueueSearch;
  after?: QueueKey;
}

const OPEN = OPEN_PROTEST_STATUSES;

async function variants(client: pg.Client): Promise<Variant[]> {
  const deep = await client.query<{ priority_rank: number; priority_date: string; id: string }>(
    `select priority_rank, to_char(priority_date, 'YYYY-MM-DD') as priority_date, id from protests
     where status in ('filed', 'under_review', 'under_further_review')
     order by priority_rank, priority_date, id offset $1 limit 1`,
    [DEEP_OPEN_ROWS],
  );
  const entry = await client.query<{ entry_number: string }>(
    `select e.entry_number from protest_entries e join protests p on p.id = e.protest_id
     where p.status = 'under_review' order by p.id limit 1`,
  );
  const row = deep.rows[0];
  const entryNumber = entry.rows[0]?.entry_number;
  if (!row || !entryNumber) {
    throw new Error('the protest set is smaller than expected: was it seeded?');
  }
  const after = { rank: Number(row.priority_rank), date: row.priority_date, id: row.id };
  return [
    { id: 'first-page', name: 'first page', query: '', search: { statuses: OPEN } },
    {
      id: 'center',
      name: 'center=ELE',
      query: 'center=ELE',
      search: { statuses: OPEN, center: 'ELE' },
    },
    {
      id: 'unassigned',
      name: 'reviewer=unassigned',
      query: 'reviewer=unassigned',
      search: { statuses: OPEN, reviewerUserId: null },
    },
    {
      id: 'trade-compliance',
      name: 'tradeCompliance=true',
      query: 'tradeCompliance=true',
      search: { statuses: OPEN, tradeCompliance: true },
    },
    {
      id: 'deep-cursor',
      name: `cursor after open row ${DEEP_OPEN_ROWS}`,
      query: `cursor=${encodeCursor([after.rank, after.date, after.id])}`,
      search: { statuses: OPEN },
      after,
    },
    {
      id: 'entry-number',
      name: 'q=entry number',
      query: `q=${encodeURIComponent(entryNumber)}`,
      search: { statuses: OPEN, numbers: [entryNumber] },
    },
  ];
}

interface PlanCheck {
  indexes: string[];
  sorted: boolean;
  executionMs: number;
  text: string;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statements the repository builds for the variant's page. */
async function explain(client: pg.Client, db: DatabaseHandle['db'], variant: Variant) {
  const plans: string[] = [];
  for (const statement of queueStatements(db, variant.search, variant.after, PAGE_SIZE + 1)) {
    const result = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.params,
    );
    plans.push(result.rows.map((line) => line['QUERY PLAN']).join('\n'));
  }
  const text = plans.join('\n--- next part of the queue ---\n');
  return {
    indexes: [...new Set([...text.matchAll(/using (\w+) on/gi)].map((match) => match[1] ?? ''))],
    sorted: /\bSort\b/.test(text),
    executionMs: [...text.matchAll(/Execution Time: ([\d.]+) ms/g)].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    ),
    text,
  } satisfies PlanCheck;
}

async function bareServer(body: string, contentType: string): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get(LIST_PATH, (_request, reply) => {
    reply.header('content-type', contentType).send(body);
  });
  await bare.ready();
  return bare;
}

const discard = { write: (_line: string) => {} };

function planProblem(variant: Variant, plan: PlanCheck): string | undefined {
  if (variant.id === 'entry-number') {
    return plan.indexes.includes('protest_entries_entry_idx')
      ? undefined
      : `the plan does not use protest_entries_entry_idx: ${plan.indexes.join(', ')}`;
  }
  if (!plan.indexes.some((index) => QUEUE_INDEXES.includes(index))) {
    return `the plan uses no queue index (${plan.indexes.join(', ') || 'none'})`;
  }
  return plan.sorted ? 'the plan sorts rows' : undefined;
}

export async function measureProtestQueueLatency(
  options: ProtestQueueOptions,
): Promise<BenchRow[]> {
  const database = protestBenchDatabase(options.benchDatabase);
  await prepare(database, options.log);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let handle: DatabaseHandle | null = null;
  let app: FastifyInstance | null = null;
  try {
    const rssBefore = process.memoryUsage().rss;
    handle = await openDatabase({ driver: 'postgres', url: database.url });
    app = await buildApp({
      config: {
        logLevel: 'info',
        logPretty: false,
        nodeEnv: 'production',
        webDistDir: '/nonexistent-ctpat-bench-web-dist',
      },
      database: handle,
      logStream: discard,
    });
    await app.ready();
    const server = app;
    const rows: BenchRow[] = [];
    let peakRss = process.memoryUsage().rss;
    for (const variant of await variants(client)) {
      const url = `${LIST_PATH}?limit=${PAGE_SIZE}${variant.query ? `&${variant.query}` : ''}`;
      const plan = await explain(client, handle.db, variant);
      options.log(`  EXPLAIN ${variant.name}:\n${plan.text.replace(/^/gm, '    ')}`);
      const probe = await server.inject({ method: 'GET', url, headers: BENCH_AUTH_HEADERS });
      if (probe.statusCode !== 200) {
        throw new Error(`GET ${url} answered ${probe.statusCode}: ${probe.body.slice(0, 300)}`);
      }
      const page = probe.json<{ items: unknown[]; nextCursor: string | null }>();
      const bare = await bareServer(probe.body, String(probe.headers['content-type']));
      try {
        const timed = await timeInterleaved(
          options.measuredRequests,
          options.warmupRequests,
          async () =>
            (await server.inject({ method: 'GET', url, headers: BENCH_AUTH_HEADERS }))
              .statusCode === 200,
          async () => (await bare.inject({ method: 'GET', url: LIST_PATH })).statusCode === 200,
        );
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        const problem = planProblem(variant, plan);
        rows.push({
          id: `protest-queue-${variant.id}`,
          name: `8. protest queue p95 ${variant.name}`,
          unit: 'ms',
          measured: percentile(timed.a, 0.95),
          baseline: percentile(timed.b, 0.95),
          baselineLabel: 'bare Fastify, same page',
          target: { kind: 'at-most', value: LATENCY_TARGET_MS },
          note: `${page.items.length} items${page.nextCursor ? ' + next cursor' : ''}; p50 ${percentile(timed.a, 0.5).toFixed(2)} ms over ${options.measuredRequests} requests at ${PROTEST_COUNT} protests; plan: ${plan.indexes.join(', ')}${plan.sorted ? ' + Sort' : ', no sort'}, ${plan.executionMs.toFixed(2)} ms`,
          ...(timed.failures > 0 || problem
            ? {
                invalid: [
                  timed.failures > 0 ? `${timed.failures} requests failed` : '',
                  problem ?? '',
                ]
                  .filter(Boolean)
                  .join('; '),
              }
            : {}),
        });
      } finally {
        await bare.close();
      }
    }
    rows.push({
      id: 'protest-queue-rss',
      name: '8. protest queue: RSS of the process serving it',
      unit: 'MB',
      measured: peakRss / MB,
      baseline: rssBefore / MB,
      baselineLabel: 'same process before the app was built',
      target: { kind: 'none' },
      note: 'the app runs in the benchmark process (app.inject); peak sampled after each variant',
    });
    return rows;
  } finally {
    await app?.close();
    await handle?.close();
    await client.end();
  }
}

// `node bench/protest-queue-latency.ts`: this benchmark alone (BENCH_DATABASE_URL as npm run bench).
if (import.meta.main) {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const started = performance.now();
  const rows = await measureProtestQueueLatency({
    benchDatabase: resolveBenchDatabase(),
    warmupRequests: 30,
    measuredRequests: 300,
    log,
  });
  const judged = rows.map(judge);
  log(formatTable(judged));
  log(`took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exit(judged.some((row) => row.status === 'FAIL') ? 1 : 0);
}
