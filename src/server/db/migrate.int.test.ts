import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openTestDatabase } from '../../../tests/setup/test-database.ts';
import type { DatabaseHandle } from './database.ts';
import { migrateDatabase } from './migrate.ts';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe(migrateDatabase.name, () => {
  it('applies nothing when the schema is up to date (idempotent)', async () => {
    const result = await migrateDatabase(database);
    expect(result.applied).toEqual([]);
    expect(result.total).toBeGreaterThanOrEqual(1);
  });

  it('leaves the tables and constraints of the committed migrations in place', async () => {
    const result = await database.db.execute(
      sql`select to_regclass('public.organisations') is not null as present`,
    );
    expect(
      z.object({ rows: z.array(z.object({ present: z.boolean() })) }).parse(result).rows,
    ).toEqual([{ present: true }]);
    // The database itself refuses a member company without an entity type.
    await expect(
      database.db.execute(sql`
        insert into organisations (id, kind, legal_name, country_code, city, entity_types, created_at, updated_at)
        values (gen_random_uuid(), 'member_company', 'No Types', 'US', 'Reno', '{}', now(), now())`),
    ).rejects.toThrow();
  });
});
