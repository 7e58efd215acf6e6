import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/**
 * The one database type every repository takes. Both drivers (PGlite, node-postgres) produce a
 * PgDatabase, and a transaction is one too, so repositories work inside and outside
 * transactions alike.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

/** Arbitrary constant key for the advisory lock that serialises concurrent migrators. */
const MIGRATION_LOCK_KEY = 7_224_001;

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
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.driver === 'pglite') {
    if (target.dataDir !== null) {
      await mkdir(target.dataDir, { recursive: true });
    }
    // pg_trgm backs the organisation name search index, as it does on PostgreSQL.
    const client = new PGlite({
      ...(target.dataDir === null ? {} : { dataDir: target.dataDir }),
      extensions: { pg_trgm },
    });
    await client.waitReady;
    const db: Db = drizzlePglite({ client });
    return {
      db,
      driver: 'pglite',
      ping: async () => {
        await client.query('select 1');
      },
      applyMigrations: async (folder) => {
        // PGlite is single-process and single-connection: no other migrator can exist.
        await migratePglite(drizzlePglite({ client }), { migrationsFolder: folder });
      },
      close: async () => {
        if (!client.closed) {
          await client.close();
        }
      },
    };
  }

  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    // A pool error (e.g. the server restarted) must not crash the process; the next query
    // reports it to its caller instead.
    allowExitOnIdle: false,
  });
  pool.on('error', () => {});
  const db: Db = drizzleNodePg({ client: pool });
  let closed = false;
  return {
    db,
    driver: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    applyMigrations: async (folder) => {
      const connection = await pool.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migrateNodePg(drizzleNodePg({ client: connection }), { migrationsFolder: folder });
        } finally {
          await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        connection.release();
      }
    },
    close: async () => {
      if (!closed) {
        closed = true;
        await pool.end();
      }
    },
  };
}
