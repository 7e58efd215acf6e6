import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle, Db } from './database.ts';

/** The embedded PostgreSQL (PGlite, WebAssembly) in `dataDir`, or in memory when null. */
export async function openPgliteDatabase(dataDir: string | null): Promise<DatabaseHandle> {
  if (dataDir !== null) {
    await mkdir(dataDir, { recursive: true });
  }
  // pg_trgm backs the organisation name search index, as it does on PostgreSQL.
  const client = new PGlite({
    ...(dataDir === null ? {} : { dataDir }),
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
