import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { DatabaseHandle, Db } from './database.ts';

/** Arbitrary constant key for the advisory lock that serialises concurrent migrators. */
const MIGRATION_LOCK_KEY = 7_224_001;

/** A PostgreSQL pool of `poolSize` connections (10 by default); opening it does not connect. */
export function openPostgresDatabase(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
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
