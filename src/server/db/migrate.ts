import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import type { DatabaseHandle, Db } from './database.ts';
import { applyReferenceData, type ReferenceDataResult } from './reference-data.ts';

/** The part of drizzle-kit's meta/_journal.json we read: migration tags in order. */
const JournalSchema = z.object({ entries: z.array(z.object({ tag: z.string() })) });

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface MigrationResult {
  /** Tags of the migrations this run applied, oldest first (empty when up to date). */
  applied: string[];
  total: number;
  /** What the reference-data step added after the migrations (reference-data.ts). */
  referenceData: ReferenceDataResult;
}

/**
 * Applies every committed migration not yet applied, then the reference data
 * (reference-data.ts). Idempotent: drizzle's journal table (drizzle.__drizzle_migrations)
 * records each applied migration by hash, and reference rows already present are kept.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<MigrationResult> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const before = await appliedHashes(handle.db);
  await handle.applyMigrations(MIGRATIONS_FOLDER);
  const tags = await migrationTags();
  const applied = migrations
    .map((migration, index) => ({ hash: migration.hash, tag: tags[index] ?? String(index) }))
    .filter((migration) => !before.has(migration.hash))
    .map((migration) => migration.tag);
  // Reference data the schema is incomplete without (MRA partner programs): idempotent.
  const referenceData = await applyReferenceData(handle.db);
  return { applied, total: migrations.length, referenceData };
}

/** Both drivers answer execute() with `{ rows }`; the row shape is ours to check. */
const PresenceResultSchema = z.object({ rows: z.array(z.object({ present: z.boolean() })) });
const HashResultSchema = z.object({ rows: z.array(z.object({ hash: z.string() })) });

async function appliedHashes(db: Db): Promise<Set<string>> {
  const presence = PresenceResultSchema.parse(
    await db.execute(
      sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
    ),
  );
  if (presence.rows[0]?.present !== true) {
    return new Set();
  }
  const hashes = HashResultSchema.parse(
    await db.execute(sql`select hash from drizzle.__drizzle_migrations`),
  );
  return new Set(hashes.rows.map((row) => row.hash));
}

async function migrationTags(): Promise<string[]> {
  const raw = await readFile(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8');
  return JournalSchema.parse(JSON.parse(raw)).entries.map((entry) => entry.tag);
}
