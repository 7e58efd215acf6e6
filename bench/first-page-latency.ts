import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/db/database.ts';
import type {
  OrganisationFilter,
  OrganisationKey,
} from '../src/server/modules/organisations/organisations.repository.ts';
import { encodeOrganisationCursor } from '../src/server/modules/organisations/organisations.service.ts';
import { captureListSql } from './list-sql.ts';
import { BENCH_AUTH_HEADERS } from './load.ts';
import type { BenchRow } from './report.ts';
import { COMMON_NAME_FRAGMENT, RARE_NAME_FRAGMENT } from './seed-production-scale.ts';
import { percentile, timeInterleaved, timeOnce } from './timing.ts';

/**
 * Target 2: p95 latency of one list page, one request at a time, on PostgreSQL at production
 * scale: the first page, the filtered first pages the directory UI offers (kind, name search)
 * and a deep keyset page. Sequential requests measure the cost of one request, not queueing.
 *
 * Requests go through app.inject() into the real app (buildApp on openDatabase's pool), so the
 * number is the server's own time: routing, hooks, validation, the query, serialization.
 * Request logging stays on (level info, written to a discarding stream) as in production.
 *
 * Baseline per row: the very SQL the repository issues for that page (captured from drizzle's
 * logger), run directly with pg on one connection, alternating request by request with the app
 * so background load hits both alike. measured - baseline is the application's
 * overhead; a high baseline points at the query plan instead. A `select 1` row shows the bare
 * round trip over the app's pool.
 */
export const LATENCY_TARGET_MS = 20;
const PAGE_SIZE = 25;
/** How deep the "deep cursor" page starts: most of the way through the directory. */
const DEEP_OFFSET = 10_000;

export interface LatencyOptions {
  databaseUrl: string;
  warmupRequests: number;
  measuredRequests: number;
}

interface Variant {
  id: string;
  name: string;
  url: string;
  filter: OrganisationFilter;
}

async function deepKey(pool: pg.Pool): Promise<OrganisationKey> {
  const result = await pool.query<{ legal_name: string; id: string }>(
    'select legal_name, id from organisations order by legal_name, id offset $1 limit 1',
    [DEEP_OFFSET],
  );
  const row = result.rows[0];
  if (!row) {
    throw new Error(`fewer than ${DEEP_OFFSET} organisations: was the database seeded?`);
  }
  return { legalName: row.legal_name, id: row.id };
}

function variants(deep: OrganisationKey): Variant[] {
  const base = { onlyOrganisationId: null, limit: PAGE_SIZE + 1 };
  const list = '/api/v1/organisations?limit=25';
  return [
    { id: 'first-page', name: 'first page', url: list, filter: base },
    {
      id: 'first-page-kind',
      name: 'kind=cbp_office',
      url: `${list}&kind=cbp_office`,
      filter: { ...base, kind: 'cbp_office' },
    },
    {
      id: 'first-page-q-common',
      name: `q=${COMMON_NAME_FRAGMENT}`,
      url: `${list}&q=${encodeURIComponent(COMMON_NAME_FRAGMENT)}`,
      filter: { ...base, nameContains: COMMON_NAME_FRAGMENT },
    },
    {
      id: 'first-page-q-rare',
      name: `q=${RARE_NAME_FRAGMENT} (< 1 page of matches)`,
      url: `${list}&q=${encodeURIComponent(RARE_NAME_FRAGMENT)}`,
      filter: { ...base, nameContains: RARE_NAME_FRAGMENT },
    },
    {
      id: 'deep-cursor-page',
      name: `cursor after row ${DEEP_OFFSET}`,
      url: `${list}&cursor=${encodeOrganisationCursor(deep)}`,
      filter: { ...base, after: deep },
    },
  ];
}

/** Log lines are formatted as in production, then dropped (the cheapest possible sink). */
const discard = { write: (_line: string) => {} };

export async function measureFirstPageLatency(options: LatencyOptions): Promise<BenchRow[]> {
  let database: DatabaseHandle | null = null;
  let app: FastifyInstance | null = null;
  // One connection, like a single sequential client: the baseline's round trips.
  const rawPool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
  try {
    database = await openDatabase({ driver: 'postgres', url: options.databaseUrl });
    app = await buildApp({
      config: {
        logLevel: 'info',
        logPretty: false,
        nodeEnv: 'production',
        webDistDir: '/nonexistent-ctpat-bench-web-dist',
      },
      database,
      logStream: discard,
    });
    await app.ready();
    const server = app;
    const handle = database;

    const rows: BenchRow[] = [];
    for (const variant of variants(await deepKey(rawPool))) {
      const probe = await server.inject({
        method: 'GET',
        url: variant.url,
        headers: BENCH_AUTH_HEADERS,
      });
      if (probe.statusCode !== 200) {
        throw new Error(
          `GET ${variant.url} answered ${probe.statusCode}: ${probe.body.slice(0, 300)}`,
        );
      }
      const items = (probe.json<{ items: unknown[] }>().items ?? []).length;
      const query = await captureListSql(rawPool, variant.filter);
      const timed = await timeInterleaved(
        options.measuredRequests,
        options.warmupRequests,
        async () =>
          (await server.inject({ method: 'GET', url: variant.url, headers: BENCH_AUTH_HEADERS }))
            .statusCode === 200,
        async () => {
          await rawPool.query(query.text, query.values);
          return true;
        },
      );
      const p50 = percentile(timed.a, 0.5);
      rows.push({
        id: `latency-${variant.id}`,
        name: `2. p95 ${variant.name}`,
        unit: 'ms',
        measured: percentile(timed.a, 0.95),
        baseline: percentile(timed.b, 0.95),
        baselineLabel: 'same SQL via pg',
        target: { kind: 'at-most', value: LATENCY_TARGET_MS },
        note: `${items} items; p50 ${p50.toFixed(2)} ms, max ${Math.max(...timed.a).toFixed(1)} ms over ${options.measuredRequests} requests`,
        ...(timed.failures > 0 ? { invalid: `${timed.failures} requests did not answer 200` } : {}),
      });
    }

    const ping: number[] = [];
    for (let i = 0; i < options.warmupRequests + options.measuredRequests; i += 1) {
      const { ms } = await timeOnce(async () => {
        await handle.db.execute(sql`select 1`);
        return true;
      });
      if (i >= options.warmupRequests) {
        ping.push(ms);
      }
    }
    rows.push({
      id: 'latency-select-1',
      name: '   p95 select 1 round trip (app pool)',
      unit: 'ms',
      measured: percentile(ping, 0.95),
      baseline: null,
      baselineLabel: '',
      target: { kind: 'none' },
      note: 'the floor under every row above: one PostgreSQL round trip through drizzle',
    });
    return rows;
  } finally {
    await app?.close();
    await database?.close();
    await rawPool.end();
  }
}
