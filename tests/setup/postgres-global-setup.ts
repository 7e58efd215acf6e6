import { openDatabase } from '../../src/server/db/database.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';

/** Migrates the PostgreSQL test database once before the integration-postgres project runs. */
export async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('integration-postgres needs TEST_DATABASE_URL');
  }
  const database = await openDatabase({ driver: 'postgres', url, poolSize: 1 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}
