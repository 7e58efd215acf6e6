import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';

/** Which database this test project runs on (vitest.config.ts sets TEST_DB_DRIVER). */
export function testDatabaseDriver(): 'pglite' | 'postgres' {
  return process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A migrated database for one test file. PGlite: a fresh in-memory database. PostgreSQL: the
 * shared TEST_DATABASE_URL database, migrated once by the global setup; tests isolate themselves
 * by creating their own organisations (tenants) with the factories, never by truncating.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testDatabaseDriver() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) {
      throw new Error('TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL');
    }
    return openDatabase({ driver: 'postgres', url, poolSize: 4 });
  }
  const database = await openDatabase({ driver: 'pglite', dataDir: null });
  await migrateDatabase(database);
  return database;
}
