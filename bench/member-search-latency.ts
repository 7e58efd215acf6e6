import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/db/database.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { encodeCursor } from '../src/server/page-cursor.ts';
import {
  type BenchDatabase,
  describeBenchDatabase,
  recreateBenchDatabase,
  resolveBenchDatabase,
} from './bench-database.ts';
import { LATENCY_TARGET_MS } from './first-page-latency.ts';
import { BENCH_AUTH_HEADERS } from './load.ts';
import type { BenchRow } from './report.ts';
import {
  REGISTRY_COMMON_FRAGMENT,
  REGISTRY_MEMBER_COUNT,
  REGISTRY_RARE_FRAGMENT,
  seedRegistryScale,
} from './seed-registry-scale.ts';
import { percentile, timeInterleaved } from './timing.ts';

/**
 * Issue 4: p95 latency of the CBP member list (GET /api/v1/registry/members) at 100,000 member
 * companies, one request at a time: the first page, filtered by state, by entity type, by a
 * common and a rare name fragment, the applications queue (applicants, oldest submission
 * first), and a deep keyset page. Target: the first-page target
 * (LATENCY_TARGET_MS).
 *
 * Requests go through app.inject() into the real app (buildApp on openDatabase's pool, request
 * logging on), signed in as the seeded CBP specialist, as in first-page-latency.ts.
 *
 * Baseline per row: a bare Fastify() with one route that returns that very page, captured once
 * from the app and pre-serialized, measured with inject the same way and alternating request by
 * request with the app. measured - baseline is the whole cost of producing the page: auth,
 * permission, validation, the query and serialization.
 *
 * The data lives in its own benchmark database (the main one's name + `_registry`, dropped and
 * recreated), so the directory benchmarks keep their 11,400 rows.
 */
const PAGE_SIZE = 25;
/** How deep the "deep cursor" page starts: most of the way through the registry. */
const DEEP_OFFSET = 90_000;
const LIST_PATH = '/api/v1/registry/members';

export interface MemberSearchOptions {
  /** The main benchmark database; the registry one sits beside it on the same server. */
  benchDatabase: BenchDatabase;
  warmupRequests: number;
  measuredRequests: number;
  log: (message: string) => void;
}

export function registryBenchDatabase(main: BenchDatabase): BenchDatabase {
  const url = new URL(main.url);
  url.pathname = `/${main.name}_registry`;
  return resolveBenchDatabase({ BENCH_DATABASE_URL: url.toString() });
}

async function prepare(database: BenchDatabase, log: (message: string) => void): Promise<void> {
  log(`  ${describeBenchDatabase(database)} (dropped and recreated)`);
  await recreateBenchDatabase(database);
  const handle = await openDatabase({ driver: 'postgres', url: database.url });
  try {
    await migrateDatabase(handle);
    const seeded = await seedRegistryScale(handle.db);
    log(
      `  seeded ${seeded.memberCompanies} member companies (${seeded.entityTypeRows} entity types) in ${seeded.seconds.toFixed(1)} s`,
    );
  } finally {
    await handle.close();
  }
}

async function deepCursor(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ legal_name: string; id: string }>(
      `select o.legal_name, o.id from partner_memberships m join organisations o on o.id = m.organisation_id
       order by o.legal_name, o.id offset $1 limit 1`,
      [DEEP_OFFSET],
    );
    const row = result.rows[0];
    if (!row) {
      throw new Error(`fewer than ${DEEP_OFFSET} members: was the database seeded?`);
    }
    // The list's cursor names its sort (member-queue.service.ts).
    return encodeCursor(['name', row.legal_name, row.id]);
  } finally {
    await client.end();
  }
}

interface Variant {
  id: string;
  name: string;
  url: string;
}

function variants(cursor: string): Variant[] {
  const list = `${LIST_PATH}?limit=${PAGE_SIZE}`;
  return [
    { id: 'first-page', name: 'first page', url: list },
    { id: 'state', name: 'state=certified', url: `${list}&state=certified` },
    { id: 'entity-type', name: 'entityType=importer', url: `${list}&entityType=importer` },
    {
      id: 'q-common',
      name: `q=${REGISTRY_COMMON_FRAGMENT}`,
      url: `${list}&q=${encodeURIComponent(REGISTRY_COMMON_FRAGMENT)}`,
    },
    {
      id: 'q-rare',
      name: `q=${REGISTRY_RARE_FRAGMENT} (< 1 page)`,
      url: `${list}&q=${encodeURIComponent(REGISTRY_RARE_FRAGMENT)}`,
    },
    {
      id: 'queue-submitted',
      name: 'queue: state=applicant, sort=submitted',
      url: `${list}&state=applicant&sort=submitted`,
    },
    {
      id: 'deep-cursor',
      name: `cursor after row ${DEEP_OFFSET}`,
      url: `${list}&cursor=${cursor}`,
    },
  ];
}

/** The baseline: one route serving the captured page, nothing else (no hooks, no logging). */
async function bareServer(body: string, contentType: string): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get(LIST_PATH, (_request, reply) => {
    reply.header('content-type', contentType).send(body);
  });
  await bare.ready();
  return bare;
}

/** Log lines are formatted as in production, then dropped (the cheapest possible sink). */
const discard = { write: (_line: string) => {} };

export async function measureMemberSearchLatency(
  options: MemberSearchOptions,
): Promise<BenchRow[]> {
  const registry = registryBenchDatabase(options.benchDatabase);
  await prepare(registry, options.log);

  let database: DatabaseHandle | null = null;
  let app: FastifyInstance | null = null;
  try {
    database = await openDatabase({ driver: 'postgres', url: registry.url });
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

    const rows: BenchRow[] = [];
    for (const variant of variants(await deepCursor(registry.url))) {
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
      const page = probe.json<{ items: unknown[]; nextCursor: string | null }>();
      const contentType = String(probe.headers['content-type'] ?? 'application/json');
      const bare = await bareServer(probe.body, contentType);
      try {
        const timed = await timeInterleaved(
          options.measuredRequests,
          options.warmupRequests,
          async () =>
            (await server.inject({ method: 'GET', url: variant.url, headers: BENCH_AUTH_HEADERS }))
              .statusCode === 200,
          async () => (await bare.inject({ method: 'GET', url: variant.url })).statusCode === 200,
        );
        const p50 = percentile(timed.a, 0.5);
        rows.push({
          id: `member-search-${variant.id}`,
          name: `6. members p95 ${variant.name}`,
          unit: 'ms',
          measured: percentile(timed.a, 0.95),
          baseline: percentile(timed.b, 0.95),
          baselineLabel: 'bare Fastify, same page',
          target: { kind: 'at-most', value: LATENCY_TARGET_MS },
          note: `${page.items.length} items${page.nextCursor ? ' + next cursor' : ''}; p50 ${p50.toFixed(2)} ms, max ${Math.max(...timed.a).toFixed(1)} ms over ${options.measuredRequests} requests at ${REGISTRY_MEMBER_COUNT} members`,
          ...(timed.failures > 0
            ? { invalid: `${timed.failures} requests did not answer 200` }
            : {}),
        });
      } finally {
        await bare.close();
      }
    }
    return rows;
  } finally {
    await app?.close();
    await database?.close();
  }
}
