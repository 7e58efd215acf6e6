import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createOrganisation } from '../../tests/factories/organisation.factory.ts';
import { captureOutput } from '../../tests/setup/cli-output.ts';
import { TEST_NOW } from '../../tests/setup/test-app.ts';
import { testDatabaseDriver } from '../../tests/setup/test-database.ts';
import type { Actor } from '../domain/authorization/permissions.ts';
import { type Db, openDatabase } from '../server/db/database.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { appendAuditEvent } from '../server/modules/audit/audit.service.ts';
import { runCli } from './main.ts';

/**
 * `ctpat audit verify` against the database the CLI is configured with. Tampering with the
 * trail breaks it for every reader, so on PostgreSQL these tests tamper in a scratch database of
 * their own (created next to TEST_DATABASE_URL, dropped afterwards) when the test user may create
 * one; otherwise in the shared database, in a fresh chain, restoring each row at once.
 */

const TRIGGER = 'audit_events_no_update_or_delete';

let postgresUrl: string | null = null;
let dropScratchDatabase: (() => Promise<void>) | null = null;
let dataDir: string;
let output: string[];

async function createScratchDatabase(sharedUrl: string): Promise<string> {
  const name = `ctpat_verify_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ driver: 'postgres', url: sharedUrl, poolSize: 1 });
  try {
    await admin.db.execute(sql.raw(`create database ${name}`));
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    if (z.object({ code: z.literal('42501') }).safeParse(cause).success) {
      // No CREATEDB privilege: fall back to the shared database.
      return sharedUrl;
    }
    throw error;
  } finally {
    await admin.close();
  }
  dropScratchDatabase = async () => {
    const again = await openDatabase({ driver: 'postgres', url: sharedUrl, poolSize: 1 });
    try {
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    } finally {
      await again.close();
    }
  };
  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  // One data directory for the file: creating a PGlite database takes seconds, so the tests
  // share it and each works in a chain of its own.
  dataDir = await mkdtemp(path.join(tmpdir(), 'ctpat-audit-verify-'));
  if (testDatabaseDriver() === 'postgres') {
    const shared = process.env.TEST_DATABASE_URL;
    if (!shared) {
      throw new Error('TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL');
    }
    postgresUrl = await createScratchDatabase(shared);
  }
  await withCliDatabase(async () => {});
});

afterAll(async () => {
  await dropScratchDatabase?.();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  vi.stubEnv('DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', postgresUrl ?? '');
  output = captureOutput();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/**
 * Opens the database the CLI will use (PGlite in DATA_DIR, or PostgreSQL), migrated, and closes
 * it again: embedded PGlite allows one process on its files at a time.
 */
async function withCliDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const handle = postgresUrl
    ? await openDatabase({ driver: 'postgres', url: postgresUrl, poolSize: 2 })
    : await openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    await migrateDatabase(handle);
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const SOMEONE_ID = '00000000-0000-4000-8000-000000000001';
const someone: Actor = {
  kind: 'user',
  userId: SOMEONE_ID,
  sessionId: '00000000-0000-4000-8000-000000000002',
  organisationId: null,
  role: 'company_admin',
  mfa: 'not_required',
  permissions: new Set(),
};

/** A new organisation (a fresh chain) with `count` audit events; their ids by seq. */
async function chainWithEvents(count: number): Promise<{ chain: string; ids: number[] }> {
  return withCliDatabase(async (db) => {
    const organisation = await createOrganisation(db);
    const ids: number[] = [];
    for (let seq = 1; seq <= count; seq += 1) {
      const row = await db.transaction((tx) =>
        appendAuditEvent(
          tx,
          {
            actor: someone,
            now: new Date(TEST_NOW.getTime() + seq * 1000),
            requestId: null,
            clientAddress: null,
          },
          {
            action: 'user.updated',
            targetType: 'user',
            targetId: SOMEONE_ID,
            organisationId: organisation.id,
            after: { displayName: `Name ${seq}` },
          },
        ),
      );
      ids.push(row.id);
    }
    return { chain: organisation.id, ids };
  });
}

const SavedRowSchema = z.object({ rows: z.array(z.object({ saved: z.string() })).length(1) });

/**
 * Changes audit rows as someone with table-owner rights could: the append-only trigger is
 * switched off and on again inside one transaction, so no other session ever sees it off.
 * Returns the row as it was, to put it back with restoreRow.
 */
async function tamper(chain: string, seq: number, change: 'after' | 'action' | 'delete') {
  return withCliDatabase(async (db) => {
    const [original] = SavedRowSchema.parse(
      await db.execute(
        sql`select to_jsonb(a)::text as saved from audit_events a
            where chain = ${chain} and seq = ${seq}`,
      ),
    ).rows;
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`alter table audit_events disable trigger ${TRIGGER}`));
      const where = sql`chain = ${chain} and seq = ${seq}`;
      if (change === 'after') {
        await tx.execute(
          sql`update audit_events set after = '{"displayName":"Mallory"}'::jsonb where ${where}`,
        );
      } else if (change === 'action') {
        await tx.execute(sql`update audit_events set action = 'user.created' where ${where}`);
      } else {
        await tx.execute(sql`delete from audit_events where ${where}`);
      }
      await tx.execute(sql.raw(`alter table audit_events enable trigger ${TRIGGER}`));
    });
    return original?.saved ?? '';
  });
}

/** Puts a row back exactly as it was (same id, same content). */
async function restoreRow(saved: string): Promise<void> {
  await withCliDatabase((db) =>
    db.transaction(async (tx) => {
      await tx.execute(sql.raw(`alter table audit_events disable trigger ${TRIGGER}`));
      await tx.execute(sql`delete from audit_events where id = (${saved}::jsonb ->> 'id')::bigint`);
      await tx.execute(
        sql`insert into audit_events overriding system value
            select * from jsonb_populate_record(null::audit_events, ${saved}::jsonb)`,
      );
      await tx.execute(sql.raw(`alter table audit_events enable trigger ${TRIGGER}`));
    }),
  );
}

async function verify(...args: string[]): Promise<{ code: number; text: string }> {
  output.splice(0);
  const code = await runCli(['audit', 'verify', ...args]);
  return { code, text: output.join('') };
}

describe('ctpat audit verify', () => {
  it('reports an intact trail: every chain, or the one asked for', async () => {
    const { chain } = await chainWithEvents(3);

    const all = await verify();
    const one = await verify('--chain', chain);

    expect(all.code).toBe(0);
    expect(all.text).toMatch(/Audit trail intact: \d+ events in \d+ chains\./);
    expect(one.code).toBe(0);
    expect(one.text).toContain('Audit trail intact: 3 events in 1 chains.');
  });

  for (const change of ['after', 'action'] as const) {
    it(`detects an edited event (${change}), naming its chain, seq and id`, async () => {
      const { chain, ids } = await chainWithEvents(3);

      const saved = await tamper(chain, 2, change);
      const one = await verify('--chain', chain);
      const all = await verify();
      await restoreRow(saved);
      const restored = await verify('--chain', chain);

      const expected =
        `Audit trail broken: chain ${chain}, seq 2, event id ${ids[1]}: ` +
        'its content does not match its hash (the event was edited).';
      expect(one.code).toBe(1);
      expect(one.text).toContain(expected);
      expect(one.text).toContain('1 event(s) verified before it.');
      expect(all.code).toBe(1);
      expect(all.text).toContain(expected);
      expect(restored.code).toBe(0);
      expect(restored.text).toContain('Audit trail intact: 3 events in 1 chains.');
    });
  }

  it('detects a deleted event (a gap in the chain), and a deleted first event', async () => {
    const { chain, ids } = await chainWithEvents(3);

    const middle = await tamper(chain, 2, 'delete');
    const gap = await verify('--chain', chain);
    await restoreRow(middle);
    const first = await tamper(chain, 1, 'delete');
    const headless = await verify('--chain', chain);
    await restoreRow(first);
    const restored = await verify('--chain', chain);

    expect(gap.code).toBe(1);
    expect(gap.text).toContain(
      `Audit trail broken: chain ${chain}, seq 3, event id ${ids[2]}: ` +
        'event 2 is missing (deleted?): the chain jumps to 3.',
    );
    expect(headless.code).toBe(1);
    expect(headless.text).toContain(
      `chain ${chain}, seq 2, event id ${ids[1]}: event 1 is missing`,
    );
    expect(restored.code).toBe(0);
  });

  it('fails for a chain with no events, and prints its help', async () => {
    const unknown = await verify('--chain', 'no-such-chain');
    const help = await verify('--help');

    expect(unknown.code).toBe(1);
    expect(unknown.text).toContain('ctpat: No audit events in chain no-such-chain.');
    expect(help.code).toBe(0);
    expect(help.text).toContain('Usage: ctpat audit verify [options]');
  });
});
