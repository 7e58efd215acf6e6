import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/server/db/database.ts';

/**
 * The benchmarks own a dedicated PostgreSQL database, dropped and recreated on every run, so
 * results never depend on what tests or a developer left behind. BENCH_DATABASE_URL overrides
 * the default; its database name must contain "bench" so that an override can never drop a
 * database someone cares about.
 */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/ctpat_bench';

const SAFE_DATABASE_NAME = /^[a-z_][a-z0-9_]*$/;
const CONNECT_TIMEOUT_MS = 3_000;

export interface BenchDatabase {
  /** Where the benchmarks' database lives. */
  url: string;
  /** The same server's `postgres` database, used to drop and create `url`'s database. */
  adminUrl: string;
  name: string;
}

export function resolveBenchDatabase(
  env: Record<string, string | undefined> = process.env,
): BenchDatabase {
  const url = env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!SAFE_DATABASE_NAME.test(name) || !name.includes('bench')) {
    throw new Error(
      `BENCH_DATABASE_URL must name a database like ctpat_bench (lower case, containing "bench"); got "${name}". The benchmark drops and recreates it.`,
    );
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return { url, adminUrl: admin.toString(), name };
}

/** Host, port and database, never a password: safe to print and to store in latest.json. */
export function describeBenchDatabase(database: BenchDatabase): string {
  const parsed = new URL(database.url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}/${database.name}`;
}

/** Resolves to null when the server answers, or to the reason it does not. */
export async function whyUnreachable(database: BenchDatabase): Promise<string | null> {
  const client = new pg.Client({
    connectionString: database.adminUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Drops (forcing out stale sessions of an earlier, interrupted run) and creates the database. */
export async function recreateBenchDatabase(database: BenchDatabase): Promise<void> {
  const client = new pg.Client({
    connectionString: database.adminUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  await client.connect();
  try {
    // The name was checked against SAFE_DATABASE_NAME, so quoting it is enough.
    await client.query(`drop database if exists "${database.name}" with (force)`);
    await client.query(`create database "${database.name}"`);
  } finally {
    await client.end();
  }
}

/**
 * A benchmark's own data: a fresh `<bench database>_<suffix>` on the benchmarks' PostgreSQL
 * when there is one, else PGlite in memory; with a line saying which, for the log.
 */
export async function openOwnBenchData(
  benchDatabase: BenchDatabase | null | undefined,
  suffix: string,
): Promise<{ handle: DatabaseHandle; where: string }> {
  if (benchDatabase) {
    const url = new URL(benchDatabase.url);
    url.pathname = `/${benchDatabase.name}_${suffix}`;
    const database = resolveBenchDatabase({ BENCH_DATABASE_URL: url.toString() });
    await recreateBenchDatabase(database);
    return {
      handle: await openDatabase({ driver: 'postgres', url: database.url }),
      where: `${describeBenchDatabase(database)} (dropped and recreated)`,
    };
  }
  return {
    handle: await openDatabase({ driver: 'pglite', dataDir: null }),
    where: 'PGlite in memory (no benchmark PostgreSQL)',
  };
}
