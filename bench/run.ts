import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import {
  type BenchDatabase,
  describeBenchDatabase,
  recreateBenchDatabase,
  resolveBenchDatabase,
  whyUnreachable,
} from './bench-database.ts';
import { REPO_ROOT } from './child-server.ts';
import { LATENCY_TARGET_MS, measureFirstPageLatency } from './first-page-latency.ts';
import { measureInitialJs } from './initial-js.ts';
import { measureListThroughput, THROUGHPUT_TARGET_RATIO } from './list-throughput.ts';
import { measureMemberSearchLatency } from './member-search-latency.ts';
import { measureProfileOpenAndPdf } from './profile-open-and-pdf.ts';
import { measureProtestQueueLatency } from './protest-queue-latency.ts';
import { type BenchRow, formatTable, judge, type Target, writeReport } from './report.ts';
import { seedProductionScale } from './seed-production-scale.ts';
import { MEMORY_TARGET_MB, measureServerMemory } from './server-memory.ts';
import { measureValidationLists } from './validation-lists.bench.ts';
import { measureValidationPackage } from './validation-package.bench.ts';

/**
 * `npm run bench`: the speed and memory targets, each measured beside a baseline taken in the
 * same run on the same machine, so a slow or busy machine moves both and the ratio stays
 * meaningful. Never part of `npm test`: it takes minutes and needs quiet cores.
 *
 * All load goes to 127.0.0.1 and every run is bounded in time (about 3 minutes in total).
 * Exit code: 1 when a target FAILs or nothing at all could be measured, else 0 (SKIP and N/A
 * rows do not fail the run). Results: the table below, and bench/results/latest.json.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/ctpat_bench;
 * dropped and recreated every run; the member-search benchmark uses <name>_registry beside it,
 * the protest queue <name>_protests, the validation lists <name>_validations),
 * BENCH_DURATION_SECONDS (load duration per server, 1-30,
 * default 10).
 */
const DEFAULT_DURATION_SECONDS = 10;
const WARMUP_SECONDS = 2;
const LATENCY_WARMUP_REQUESTS = 30;
/** The requirement asks for at least 500; the slowest page (~10 ms) keeps this to seconds. */
const LATENCY_MEASURED_REQUESTS = 500;
/** Issue 4 asks for at least 300; the common-fragment search (~50 ms) dominates its time. */
const MEMBER_SEARCH_MEASURED_REQUESTS = 300;
/** Issue 7: six queue pages at 1,000,000 protests (~5-10 ms each). */
const PROTEST_QUEUE_MEASURED_REQUESTS = 300;
/** Issue 5: opening the full profile (~20 ms) is cheap; each document is ~0.1-0.3 s. */
const PROFILE_OPEN_MEASURED_REQUESTS = 200;
const PROFILE_DOCUMENT_RUNS = 10;
/** Issue 6: each preparation package (PDF + DOCX, stored) is ~0.5 s. */
const VALIDATION_PACKAGE_RUNS = 10;
/** Issue 6: fourteen validation list pages (~1-15 ms each) and three metrics reports. */
const VALIDATION_LIST_MEASURED_REQUESTS = 300;

function durationSeconds(): number {
  const raw = Number(process.env.BENCH_DURATION_SECONDS ?? DEFAULT_DURATION_SECONDS);
  return Number.isInteger(raw) && raw >= 1 && raw <= 30 ? raw : DEFAULT_DURATION_SECONDS;
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A benchmark that threw becomes one FAIL row saying why, and the run goes on. */
async function guarded(
  id: string,
  name: string,
  measure: () => Promise<BenchRow[]>,
): Promise<BenchRow[]> {
  const started = performance.now();
  log(`- ${name} ...`);
  try {
    const rows = await measure();
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return rows;
  } catch (error) {
    log(`  failed: ${errorMessage(error)}`);
    return [
      {
        id,
        name,
        unit: '',
        measured: null,
        baseline: null,
        baselineLabel: '',
        target: { kind: 'none' },
        invalid: `benchmark failed: ${errorMessage(error)}`,
      },
    ];
  }
}

function skippedPostgresRows(reason: string): BenchRow[] {
  const row = (id: string, name: string, unit: string, target: Target): BenchRow => ({
    id,
    name,
    unit,
    measured: null,
    baseline: null,
    baselineLabel: '',
    target,
    note: `SKIP: ${reason}`,
  });
  return [
    row('list-throughput', '1. List throughput', 'req/s', {
      kind: 'ratio-at-least',
      value: THROUGHPUT_TARGET_RATIO,
    }),
    row('latency-first-page', '2. First page p95', 'ms', {
      kind: 'at-most',
      value: LATENCY_TARGET_MS,
    }),
    row('server-memory', '3. Server peak RSS, 200 concurrent clients', 'MB', {
      kind: 'at-most',
      value: MEMORY_TARGET_MB,
    }),
  ];
}

/**
 * Other work on the machine (a test run, a browser) slows the servers unevenly. Baselines taken
 * in the same run, and interleaved where it matters, absorb most of it; say so when it happens.
 */
function warnIfBusy(when: string): void {
  const [oneMinute = 0] = os.loadavg();
  const cores = os.cpus().length;
  if (oneMinute > cores * 0.5) {
    log(
      `  note: the machine is busy ${when} (load average ${oneMinute.toFixed(1)} on ${cores} cores): absolute numbers are noisy, ratios less so`,
    );
  }
}

async function preparePostgres(database: BenchDatabase): Promise<void> {
  await recreateBenchDatabase(database);
  const handle = await openDatabase({ driver: 'postgres', url: database.url });
  try {
    const migration = await migrateDatabase(handle);
    log(`  migrated (${migration.total} migrations)`);
    const seeded = await seedProductionScale(handle.db);
    log(
      `  seeded ${seeded.memberCompanies} member companies + ${seeded.cbpOffices} CBP offices in ${seeded.seconds.toFixed(1)} s`,
    );
  } finally {
    await handle.close();
  }
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const duration = durationSeconds();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'ctpat-bench-'));
  const rows: BenchRow[] = [];
  // Row 6 (issue 4, the member registry) prints after the numbered rows 1-5.
  const registryRows: BenchRow[] = [];
  // Row 8 (issue 7, the protest review queue) prints after them.
  const protestRows: BenchRow[] = [];
  // Row 10 (issue 6, the validation lists) prints after row 9.
  const validationListRows: BenchRow[] = [];
  let databaseDescription: string | null = null;

  try {
    log(`OpenCTPAT benchmarks (node ${process.version}, ${os.cpus().length} cores)`);
    warnIfBusy('at start');
    // Why the PostgreSQL benchmarks cannot run, or null when they can.
    let database: BenchDatabase | null = null;
    let skipReason: string | null;
    try {
      database = resolveBenchDatabase();
      const unreachable = await whyUnreachable(database);
      skipReason =
        unreachable === null
          ? null
          : `${describeBenchDatabase(database)} is not reachable (${unreachable}); start it or set BENCH_DATABASE_URL`;
    } catch (error) {
      skipReason = errorMessage(error);
    }

    if (database !== null && skipReason === null) {
      const db = database;
      databaseDescription = describeBenchDatabase(db);
      log(`- preparing ${databaseDescription} (dropped and recreated) ...`);
      try {
        await preparePostgres(db);
      } catch (error) {
        skipReason = `could not prepare the benchmark database: ${errorMessage(error)}`;
      }
    }

    if (database !== null && skipReason === null) {
      const url = database.url;
      // Latency first, before any server has run; then the load benchmarks, one loaded server
      // at a time.
      const latency = await guarded('latency', '2. First page p95 (PostgreSQL)', () =>
        measureFirstPageLatency({
          databaseUrl: url,
          warmupRequests: LATENCY_WARMUP_REQUESTS,
          measuredRequests: LATENCY_MEASURED_REQUESTS,
        }),
      );
      const benchDatabase = database;
      const memberSearch = await guarded(
        'member-search',
        '6. Member search p95 at 100,000 members (PostgreSQL)',
        () =>
          measureMemberSearchLatency({
            benchDatabase,
            warmupRequests: LATENCY_WARMUP_REQUESTS,
            measuredRequests: MEMBER_SEARCH_MEASURED_REQUESTS,
            log,
          }),
      );
      const protestQueue = await guarded(
        'protest-queue',
        '8. Protest queue p95 at 1,000,000 protests (PostgreSQL)',
        () =>
          measureProtestQueueLatency({
            benchDatabase,
            warmupRequests: LATENCY_WARMUP_REQUESTS,
            measuredRequests: PROTEST_QUEUE_MEASURED_REQUESTS,
            log,
          }),
      );
      const throughput = await guarded('list-throughput', '1. List throughput', () =>
        measureListThroughput({
          databaseUrl: url,
          workDir,
          warmupSeconds: WARMUP_SECONDS,
          durationSeconds: duration,
        }),
      );
      const memory = await guarded('server-memory', '3. Server peak RSS under 200 clients', () =>
        measureServerMemory({ databaseUrl: url, workDir, durationSeconds: duration }),
      );
      const validationLists = await guarded(
        'validation-lists',
        '10. Validation lists p95 at 60,000 validations (PostgreSQL)',
        () =>
          measureValidationLists({
            benchDatabase,
            warmupRequests: LATENCY_WARMUP_REQUESTS,
            measuredRequests: VALIDATION_LIST_MEASURED_REQUESTS,
            log,
          }),
      );
      rows.push(...throughput, ...latency, ...memory);
      registryRows.push(...memberSearch);
      protestRows.push(...protestQueue);
      validationListRows.push(...validationLists);
    } else {
      const reason = skipReason ?? 'no benchmark database';
      log(`- SKIP the PostgreSQL benchmarks: ${reason}`);
      rows.push(...skippedPostgresRows(reason));
      registryRows.push({
        id: 'member-search',
        name: '6. Member search p95 at 100,000 members',
        unit: 'ms',
        measured: null,
        baseline: null,
        baselineLabel: '',
        target: { kind: 'at-most', value: LATENCY_TARGET_MS },
        note: `SKIP: ${reason}`,
      });
      protestRows.push({
        id: 'protest-queue',
        name: '8. Protest queue p95 at 1,000,000 protests',
        unit: 'ms',
        measured: null,
        baseline: null,
        baselineLabel: '',
        target: { kind: 'at-most', value: LATENCY_TARGET_MS },
        note: `SKIP: ${reason}`,
      });
      validationListRows.push({
        id: 'validation-lists',
        name: '10. Validation lists p95 at 60,000 validations',
        unit: 'ms',
        measured: null,
        baseline: null,
        baselineLabel: '',
        target: { kind: 'at-most', value: LATENCY_TARGET_MS },
        note: `SKIP: ${reason}`,
      });
    }

    rows.push(
      ...(await guarded('initial-js', '4. Initial JavaScript', () =>
        measureInitialJs(REPO_ROOT, workDir),
      )),
    );
    // Issue 5: the full Security Profile opened and generated as documents (row 5 and row 7),
    // on the benchmark PostgreSQL when it answers, else on PGlite.
    const profileDatabase = skipReason === null ? database : null;
    const profileRows = await guarded(
      'generated-document',
      '5./7. Security Profile: open and generate documents',
      () =>
        measureProfileOpenAndPdf({
          benchDatabase: profileDatabase,
          warmupRequests: LATENCY_WARMUP_REQUESTS,
          measuredRequests: PROFILE_OPEN_MEASURED_REQUESTS,
          documentRuns: PROFILE_DOCUMENT_RUNS,
          log,
        }),
    );
    rows.push(...profileRows.filter((row) => row.id.startsWith('generated-document')));
    rows.push(...registryRows);
    rows.push(...profileRows.filter((row) => !row.id.startsWith('generated-document')));
    rows.push(...protestRows);
    // Issue 6: the validation preparation package for the full importer profile (row 9).
    rows.push(
      ...(await guarded('validation-package', '9. Validation preparation package', () =>
        measureValidationPackage({
          benchDatabase: profileDatabase,
          runs: VALIDATION_PACKAGE_RUNS,
          log,
        }),
      )),
    );
    // Issue 6: the validation lists at production scale (row 10).
    rows.push(...validationListRows);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  warnIfBusy('at the end');
  const judged = rows.map(judge);
  const finishedAt = new Date();
  const file = await writeReport(
    {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
      machine: {
        node: process.version,
        platform: process.platform,
        cpus: os.cpus().length,
        loadAverage: os.loadavg(),
      },
      database: databaseDescription,
      rows: judged,
    },
    path.join(REPO_ROOT, 'bench', 'results'),
  );
  log('');
  log(formatTable(judged));
  log('');
  log(
    `Written to ${path.relative(process.cwd(), file)}; took ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s.`,
  );

  const measuredAny = judged.some((row) => row.measured !== null);
  if (!measuredAny) {
    log('Nothing could be measured.');
    return 1;
  }
  return judged.some((row) => row.status === 'FAIL') ? 1 : 0;
}

// Exit explicitly: a leftover socket or timer must not keep a finished run alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
