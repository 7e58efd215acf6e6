import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The one database type every repository takes. Both drivers (PGlite, node-postgres) produce a
 * PgDatabase, and a transaction is one too, so repositories work inside and outside
 * transactions alike.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseTarget =
  | { driver: 'pglite'; dataDir: string | null }
  | { driver: 'postgres'; url: string; poolSize?: number };

export interface DatabaseHandle {
  readonly db: Db;
  readonly driver: DatabaseTarget['driver'];
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /**
   * Applies pending migrations from `folder` in one transaction while holding an advisory lock
   * on a dedicated connection, so concurrent starters cannot both migrate.
   */
  applyMigrations(folder: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the embedded PGlite database (in `dataDir`, or in memory when null) or a PostgreSQL pool.
 * Opening a pool does not connect; call ping() to find out whether the server answers.
 *
 * Each driver is imported only when it is used: a PostgreSQL server never loads PGlite's
 * WebAssembly glue, and the embedded server never loads node-postgres (bench/server-memory.ts
 * measures the resident set size, which every loaded module adds to).
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.driver === 'pglite') {
    const { openPgliteDatabase } = await import('./pglite-database.ts');
    return openPgliteDatabase(target.dataDir);
  }
  const { openPostgresDatabase } = await import('./postgres-database.ts');
  return openPostgresDatabase(target.url, target.poolSize);
}
