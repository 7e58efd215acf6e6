import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/db/database.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
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
  BENCH_MEMBER_ID,
  countSeededValidations,
  MEMBER_AUTH_HEADERS,
  officeId,
  seedValidationScale,
  signInValidationBenchUsers,
  specialistId,
  VALIDATION_COUNT,
} from './seed-validation-scale.ts';
import { percentile, timeInterleaved } from './timing.ts';

/**
 * Issue 6: the first page of every validation list at production scale answers in p95 ≤ 20 ms
 * on PostgreSQL (the first-page target, LATENCY_TARGET_MS), beside a bare Fastify serving the
 * same page from memory, measured in the same run and alternating request by request.
 *
 * Scale (seed-validation-scale.ts): 12,600 members, 60,000 validations over twenty years, ~5.5
 * million findings, responses and ~580,000 staff-hour rows. Pages, first page and default sort:
 * - CBP's list (GET /api/v1/cbp/validations): unfiltered, this plan year (what the screen asks
 *   by default), this year and an office, an office, a specialist, open only;
 * - the due list (GET /api/v1/cbp/validations/due): this year (overdue included), next year,
 *   next year for an office;
 * - the workload per specialist (GET /api/v1/cbp/validations/workload): every office, one office;
 * - the member's own list (GET /api/v1/validations) as the company's administrator;
 * - the CBP member queue at suspension risk (GET /api/v1/registry/members?suspensionRisk=true)
 *   and, since every queue page now counts overdue required actions, the unfiltered queue;
 * - INFO rows (no target, fewer requests): the consistency metrics (GET
 *   /api/v1/cbp/validations/metrics) over all time, the last 4 years (the screen's default:
 *   one revalidation cycle), the last 12 months,
 *   the last 12 months of one office.
 *
 * Requests go through app.inject() into the real app (buildApp on openDatabase's pool, request
 * logging on) signed in as a supervisory specialist (every CBP page) or the member's
 * administrator. Before timing, one request per page runs with its SQL captured; each SELECT is
 * EXPLAIN (ANALYZE, BUFFERS)ed with its parameters and printed, and the row's note names the
 * sequential scans of the large tables and the sorts.
 *
 * The data lives in its own database (the main one's name + `_validations`, dropped and
 * recreated). BENCH_REUSE_VALIDATIONS=1 keeps a database already holding the full set.
 * Run alone: `node bench/validation-lists.bench.ts`.
 */
const PAGE_SIZE = 25;
const METRICS_WARMUP = 1;
const METRICS_MEASURED = 10;
const LARGE_TABLES = [
  'validations',
  'validation_findings',
  'validation_responses',
  'validation_hours',
  'partner_memberships',
  'partner_entity_types',
  'organisations',
  'memberships',
  'users',
];

export interface ValidationListsOptions {
  benchDatabase: BenchDatabase;
  warmupRequests: number;
  measuredRequests: number;
  log: (message: string) => void;
}

export function validationListsBenchDatabase(main: BenchDatabase): BenchDatabase {
  const url = new URL(main.url);
  url.pathname = `/${main.name}_validations`;
  return resolveBenchDatabase({ BENCH_DATABASE_URL: url.toString() });
}

async function prepare(database: BenchDatabase, log: (message: string) => void): Promise<void> {
  if (process.env.BENCH_REUSE_VALIDATIONS === '1') {
    const handle = await openDatabase({ driver: 'postgres', url: database.url });
    try {
      const seeded = await countSeededValidations(handle.db);
      if (seeded.validations === VALIDATION_COUNT) {
        await signInValidationBenchUsers(handle.db);
        log(
          `  ${describeBenchDatabase(database)}: reusing ${seeded.validations} validations, ~${seeded.findings} findings`,
        );
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
    const seeded = await seedValidationScale(handle.db);
    log(
      `  seeded ${seeded.members} members, ${seeded.validations} validations (${seeded.open} open), ~${seeded.findings} findings, ${seeded.responses} responses, ${seeded.hours} hour rows in ${seeded.seconds.toFixed(1)} s (${seeded.steps.join(', ')})`,
    );
  } finally {
    await handle.close();
  }
}

interface Variant {
  id: string;
  name: string;
  path: string;
  query: string;
  headers: Readonly<Record<string, string>>;
  /** A list page: judged against the first-page target; otherwise INFO with fewer requests. */
  list: boolean;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function variants(): Variant[] {
  const today = new Date();
  const year = today.getUTCFullYear();
  const cycleAgo = new Date(today.getTime() - 4 * 365 * 86_400_000);
  const yearAgo = new Date(today.getTime() - 365 * 86_400_000);
  const office = officeId(3);
  const cbp = (id: string, name: string, path: string, query = '', list = true): Variant => ({
    id,
    name,
    path,
    query,
    headers: BENCH_AUTH_HEADERS,
    list,
  });
  const page = `limit=${PAGE_SIZE}`;
  return [
    cbp('cbp-unfiltered', 'CBP list, unfiltered', '/api/v1/cbp/validations', page),
    cbp('cbp-year', `CBP list, year=${year}`, '/api/v1/cbp/validations', `${page}&year=${year}`),
    cbp(
      'cbp-year-office',
      `CBP list, year=${year} + office`,
      '/api/v1/cbp/validations',
      `${page}&year=${year}&officeId=${office}`,
    ),
    cbp('cbp-office', 'CBP list, office', '/api/v1/cbp/validations', `${page}&officeId=${office}`),
    cbp(
      'cbp-specialist',
      'CBP list, specialist',
      '/api/v1/cbp/validations',
      `${page}&specialistId=${specialistId(3, 4)}`,
    ),
    cbp('cbp-open', 'CBP list, open=true', '/api/v1/cbp/validations', `${page}&open=true`),
    cbp(
      'due-this-year',
      `due list, year=${year}`,
      '/api/v1/cbp/validations/due',
      `${page}&year=${year}`,
    ),
    cbp(
      'due-next-year',
      `due list, year=${year + 1}`,
      '/api/v1/cbp/validations/due',
      `${page}&year=${year + 1}`,
    ),
    cbp(
      'due-next-year-office',
      `due list, year=${year + 1} + office`,
      '/api/v1/cbp/validations/due',
      `${page}&year=${year + 1}&officeId=${office}`,
    ),
    cbp('workload', 'workload, every office', '/api/v1/cbp/validations/workload'),
    cbp(
      'workload-office',
      'workload, one office',
      '/api/v1/cbp/validations/workload',
      `officeId=${office}`,
    ),
    {
      id: 'member-own',
      name: 'member’s own validations',
      path: '/api/v1/validations',
      query: page,
      headers: MEMBER_AUTH_HEADERS,
      list: true,
    },
    cbp(
      'member-queue-risk',
      'member queue, suspensionRisk=true',
      '/api/v1/registry/members',
      `${page}&suspensionRisk=true`,
    ),
    cbp('member-queue', 'member queue, unfiltered', '/api/v1/registry/members', page),
    cbp('metrics-all', 'metrics, all time', '/api/v1/cbp/validations/metrics', '', false),
    cbp(
      'metrics-cycle',
      'metrics, last 4 years (the screen default)',
      '/api/v1/cbp/validations/metrics',
      `from=${isoDay(cycleAgo)}`,
      false,
    ),
    cbp(
      'metrics-year',
      'metrics, last 12 months',
      '/api/v1/cbp/validations/metrics',
      `from=${isoDay(yearAgo)}&to=${isoDay(today)}`,
      false,
    ),
    cbp(
      'metrics-year-office',
      'metrics, last 12 months + office',
      '/api/v1/cbp/validations/metrics',
      `from=${isoDay(yearAgo)}&to=${isoDay(today)}&officeId=${office}`,
      false,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// The SQL of one request, captured from node-postgres, and its plans

interface Statement {
  text: string;
  values: unknown[];
}

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

/** Runs `request` with every query the app's pool sends recorded. */
async function captureStatements<T>(
  request: () => Promise<T>,
): Promise<{ result: T; statements: Statement[] }> {
  const prototype = pg.Client.prototype as unknown as { query: QueryFn };
  const original = prototype.query;
  const captured: Statement[] = [];
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args;
    if (typeof config === 'string') {
      captured.push({ text: config, values: Array.isArray(values) ? values : [] });
    } else if (config && typeof config === 'object' && 'text' in config) {
      const object = config as { text: string; values?: unknown[] };
      captured.push({
        text: object.text,
        values: object.values ?? (Array.isArray(values) ? values : []),
      });
    }
    return original.apply(this, args);
  };
  try {
    return { result: await request(), statements: captured };
  } finally {
    prototype.query = original;
  }
}

interface PlanSummary {
  statements: number;
  executionMs: number;
  /** "Seq Scan on validations (60000 rows)" for each large table read whole. */
  seqScans: string[];
  sorts: number;
  indexes: string[];
  text: string;
}

const READS_DATA = new RegExp(`\\b(${LARGE_TABLES.join('|')})\\b`);

/** "validations (60000 rows read)" for each sequential scan of a large table in `plan`. */
function seqScansOf(plan: string): string[] {
  const lines = plan.split('\n');
  const scans: string[] = [];
  for (const [index, line] of lines.entries()) {
    const match = /Seq Scan on (\w+).*\(actual time=[^ ]+ rows=(\d+) loops=(\d+)\)/.exec(line);
    const table = match?.[1];
    if (!match || !table || !LARGE_TABLES.includes(table)) continue;
    // The scan's own detail lines (deeper than the node) may say how many rows it filtered out.
    const depth = line.search(/\S/);
    let removed = 0;
    for (const next of lines.slice(index + 1)) {
      if (next.search(/\S/) <= depth || next.includes('->')) break;
      removed += Number(/Rows Removed by Filter: (\d+)/.exec(next)?.[1] ?? 0);
    }
    const loops = Number(match[3]);
    scans.push(`${table} (${(Number(match[2]) + removed) * loops} rows read)`);
  }
  return scans;
}

async function explainStatements(client: pg.Client, statements: Statement[]): Promise<PlanSummary> {
  const plans: string[] = [];
  const summary: PlanSummary = {
    statements: 0,
    executionMs: 0,
    seqScans: [],
    sorts: 0,
    indexes: [],
    text: '',
  };
  for (const statement of statements) {
    const text = statement.text.trim();
    // Only reads (EXPLAIN ANALYZE runs the statement), only those of the listed tables, and not
    // the session lookup of authentication (the same in every request).
    if (!/^(select|with)\b/i.test(text) || !READS_DATA.test(text) || /from "sessions"/.test(text)) {
      continue;
    }
    const result = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${text}`,
      statement.values,
    );
    const plan = result.rows.map((line) => line['QUERY PLAN']).join('\n');
    summary.statements += 1;
    summary.executionMs += Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
    summary.seqScans.push(...seqScansOf(plan));
    summary.sorts += [...plan.matchAll(/\bSort\b(?! Key| Method)/g)].length;
    for (const match of plan.matchAll(/(?:using|Bitmap Index Scan on) (\w+)/g)) {
      if (match[1] && !summary.indexes.includes(match[1])) summary.indexes.push(match[1]);
    }
    plans.push(`${text.replace(/\s+/g, ' ')}\n${plan}`);
  }
  summary.text = plans.join('\n--- next statement ---\n');
  return summary;
}

function planNote(plan: PlanSummary): string {
  const scans = plan.seqScans.length > 0 ? `seq scan ${plan.seqScans.join(', ')}` : 'no seq scan';
  const indexes = plan.indexes.length > 0 ? `indexes ${plan.indexes.join(', ')}` : 'no index';
  return `SQL ${plan.executionMs.toFixed(2)} ms in ${plan.statements} statements, ${scans}, ${plan.sorts} sorts, ${indexes}`;
}

async function bareServer(
  path: string,
  body: string,
  contentType: string,
): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get(path, (_request, reply) => {
    reply.header('content-type', contentType).send(body);
  });
  await bare.ready();
  return bare;
}

const discard = { write: (_line: string) => {} };

function itemsOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const object = body as { items?: unknown[]; nextCursor?: string | null };
    if (Array.isArray(object.items)) {
      return `${object.items.length} items${object.nextCursor ? ' + next cursor' : ''}`;
    }
  }
  return 'a report';
}

export async function measureValidationLists(options: ValidationListsOptions): Promise<BenchRow[]> {
  const database = validationListsBenchDatabase(options.benchDatabase);
  await prepare(database, options.log);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let handle: DatabaseHandle | null = null;
  let app: FastifyInstance | null = null;
  try {
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
    const only = process.env.BENCH_VALIDATION_VARIANTS?.split(',');
    for (const variant of variants()) {
      if (only && !only.includes(variant.id)) continue;
      const url = `${variant.path}${variant.query ? `?${variant.query}` : ''}`;
      const get = () => server.inject({ method: 'GET', url, headers: variant.headers });
      // One request first: a cold statement cache must not be what is captured.
      await get();
      const { result: probe, statements } = await captureStatements(get);
      if (probe.statusCode !== 200) {
        throw new Error(`GET ${url} answered ${probe.statusCode}: ${probe.body.slice(0, 300)}`);
      }
      const plan = await explainStatements(client, statements);
      options.log(
        `  EXPLAIN ${variant.name} (${url}):\n${plan.text
          .split('\n')
          .map((line) => `    ${line.length > 240 ? `${line.slice(0, 240)}…` : line}`)
          .join('\n')}`,
      );
      const bare = await bareServer(
        variant.path,
        probe.body,
        String(probe.headers['content-type']),
      );
      try {
        const measured = variant.list ? options.measuredRequests : METRICS_MEASURED;
        const timed = await timeInterleaved(
          measured,
          variant.list ? options.warmupRequests : METRICS_WARMUP,
          async () => (await get()).statusCode === 200,
          async () => (await bare.inject({ method: 'GET', url: variant.path })).statusCode === 200,
        );
        rows.push({
          id: `validation-lists-${variant.id}`,
          name: `10. ${variant.name} p95`,
          unit: 'ms',
          measured: percentile(timed.a, 0.95),
          baseline: percentile(timed.b, 0.95),
          baselineLabel: 'bare Fastify, same page',
          target: variant.list ? { kind: 'at-most', value: LATENCY_TARGET_MS } : { kind: 'none' },
          note: `${itemsOf(probe.json())}; p50 ${percentile(timed.a, 0.5).toFixed(2)} ms (baseline ${percentile(timed.b, 0.5).toFixed(2)} ms) over ${measured} requests; ${planNote(plan)}`,
          ...(timed.failures > 0 ? { invalid: `${timed.failures} requests failed` } : {}),
        });
        options.log(
          `  ${variant.name}: p95 ${percentile(timed.a, 0.95).toFixed(2)} ms, p50 ${percentile(timed.a, 0.5).toFixed(2)} ms`,
        );
      } finally {
        await bare.close();
      }
    }
    return rows;
  } finally {
    await app?.close();
    await handle?.close();
    await client.end();
  }
}

// `node bench/validation-lists.bench.ts`: this benchmark alone (BENCH_DATABASE_URL as npm run bench).
if (import.meta.main) {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const started = performance.now();
  const rows = await measureValidationLists({
    benchDatabase: resolveBenchDatabase(),
    warmupRequests: 30,
    measuredRequests: 300,
    log,
  });
  const judged = rows.map(judge);
  log(formatTable(judged));
  log(`member: ${BENCH_MEMBER_ID}; took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exit(judged.some((row) => row.status === 'FAIL') ? 1 : 0);
}
