import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, type HttpMethod } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import {
  ApiTokenListSchema,
  CreatedApiTokenSchema,
} from '../../../domain/accounts/api-token.schema.ts';
import type { Permission } from '../../../domain/authorization/permissions.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);

function inject(options: InjectOptions) {
  return testApp.app.inject(options);
}

function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** A request authenticated by an API token, as a machine client sends it (no cookie). */
function withToken(
  token: string,
  method: HttpMethod,
  url: string,
  payload?: Record<string, unknown>,
) {
  return inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
}

/** A company admin (api_tokens:manage, no MFA required) in a new member company. */
async function signedInAdmin(): Promise<{ user: TestUser; session: SignedIn }> {
  const user = await createUser(testApp.database.db, { role: 'company_admin' });
  return { user, session: await signIn(testApp.app, user) };
}

async function createToken(
  session: SignedIn,
  body: { name?: string; permissions: Permission[]; expiresInDays?: number },
) {
  const response = await call('POST', '/api/v1/api-tokens', session, {
    name: 'ERP sync',
    expiresInDays: 30,
    ...body,
  });
  if (response.statusCode !== 201) {
    throw new Error(`token creation failed: ${response.statusCode} ${response.body}`);
  }
  return CreatedApiTokenSchema.parse(response.json());
}

const StoredTokenSchema = z.object({
  rows: z.array(
    z.object({ token_hash: z.string(), prefix: z.string(), organisation_id: z.string() }),
  ),
});

const AuditRowsSchema = z.object({
  rows: z.array(
    z.object({
      action: z.string(),
      organisation_id: z.string().nullable(),
      actor_user_id: z.string().nullable(),
      actor_api_token_id: z.string().nullable(),
      data: z.string(),
    }),
  ),
});

async function auditRowsOf(tokenId: string) {
  const result = await testApp.database.db.execute(
    sql`select action, organisation_id, actor_user_id, actor_api_token_id,
               coalesce(before::text, '') || coalesce(after::text, '') as data
        from audit_events where target_id = ${tokenId} order by id`,
  );
  return AuditRowsSchema.parse(result).rows;
}

describe('creating an API token', () => {
  it('returns the token once, stores only its SHA-256 and a display prefix, and audits it', async () => {
    const { user, session } = await signedInAdmin();

    const created = await createToken(session, {
      name: '  Nightly ERP export  ',
      permissions: ['users:read', 'organisations:read', 'users:read'],
      expiresInDays: 90,
    });

    expect(created.token).toMatch(/^ctpat_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    expect(created.name).toBe('Nightly ERP export');
    expect(created.permissions).toEqual(['organisations:read', 'users:read']);
    expect(created.expiresAt).toBe(new Date(TEST_NOW.getTime() + 90 * 86_400_000).toISOString());

    const stored = StoredTokenSchema.parse(
      await testApp.database.db.execute(
        sql`select token_hash, prefix, organisation_id from api_tokens where id = ${created.id}`,
      ),
    ).rows;
    expect(stored).toEqual([
      {
        token_hash: createHash('sha256').update(created.token).digest('hex'),
        prefix: created.prefix,
        organisation_id: user.organisation.id,
      },
    ]);

    const audit = await auditRowsOf(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'api_token.created',
      organisation_id: user.organisation.id,
      actor_user_id: user.id,
    });
    expect(audit[0]?.data).toContain('Nightly ERP export');
    expect(audit[0]?.data).not.toContain(created.token);
    expect(audit[0]?.data).not.toContain(created.token.slice(10));
    expect(
      (await verifyAuditTrail(testApp.database.db, 1000, { chain: user.organisation.id })).ok,
    ).toBe(true);
  });

  it('refuses bad input, naming the fields', async () => {
    const { session } = await signedInAdmin();
    const attempt = (payload: Record<string, unknown>) =>
      call('POST', '/api/v1/api-tokens', session, payload);
    const pathsOf = async (payload: Record<string, unknown>) => {
      const response = await attempt(payload);
      expect(response.statusCode).toBe(400);
      return response.json().error.details.issues.map((issue: { path: string }) => issue.path);
    };

    expect(await pathsOf({ name: ' ', permissions: [], expiresInDays: 0 })).toEqual([
      'body.name',
      'body.permissions',
      'body.expiresInDays',
    ]);
    expect(
      await pathsOf({ name: 'x'.repeat(101), permissions: ['users:read'], expiresInDays: 366 }),
    ).toEqual(['body.name', 'body.expiresInDays']);
    expect(
      await pathsOf({ name: 'n', permissions: ['organisations:read:any'], expiresInDays: 1 }),
    ).toEqual(['body.permissions.0']);
    expect(
      await pathsOf({ name: 'n', permissions: ['users:read', 'account:manage'], expiresInDays: 1 }),
    ).toEqual(['body.permissions.1']);
    expect(await pathsOf({ name: 'n', permissions: ['no:such'], expiresInDays: 1 })).toEqual([
      'body.permissions.0',
    ]);
  });

  it('refuses permissions the creator does not hold (403)', async () => {
    // The administrator manages tokens but does not read the audit trail.
    const admin = await createUser(testApp.database.db, { role: 'administrator' });
    const session = await signInWithMfaSettled(testApp.app, testApp.database.db, admin);

    const response = await call('POST', '/api/v1/api-tokens', session, {
      name: 'n',
      permissions: ['users:read', 'audit:read'],
      expiresInDays: 1,
    });
    const allowed = await call('POST', '/api/v1/api-tokens', session, {
      name: 'n',
      permissions: ['users:read'],
      expiresInDays: 1,
    });

    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { permissions: ['audit:read'] },
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('is for people holding api_tokens:manage, signed in, with the CSRF token', async () => {
    const contributor = await createUser(testApp.database.db, { role: 'contributor' });
    const contributorSession = await signIn(testApp.app, contributor);
    const { session } = await signedInAdmin();
    const payload = { name: 'n', permissions: ['users:read'], expiresInDays: 1 };

    const anonymous = await inject({ method: 'POST', url: '/api/v1/api-tokens', payload });
    const notAllowed = await call('POST', '/api/v1/api-tokens', contributorSession, payload);
    const withoutCsrf = await inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: session.cookie },
      payload,
    });

    expect(anonymous.statusCode).toBe(401);
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.json().error.code).toBe('FORBIDDEN');
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().error.code).toBe('CSRF_FAILED');
  });
});

describe('listing and revoking API tokens', () => {
  it("lists the organisation's tokens, never another's, and never a secret", async () => {
    const { user, session } = await signedInAdmin();
    const other = await signedInAdmin();
    const first = await createToken(session, { name: 'first', permissions: ['users:read'] });
    clock.advance(1000);
    const second = await createToken(session, {
      name: 'second',
      permissions: ['organisations:read'],
      expiresInDays: 1,
    });
    const foreign = await createToken(other.session, { permissions: ['users:read'] });

    const response = await call('GET', '/api/v1/api-tokens', session);

    expect(response.statusCode).toBe(200);
    const list = ApiTokenListSchema.parse(response.json());
    expect(list.items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(list.items[1]).toEqual({
      id: first.id,
      name: 'first',
      prefix: first.prefix,
      permissions: ['users:read'],
      status: 'active',
      createdBy: { userId: user.id, email: user.email, displayName: expect.any(String) },
      createdAt: TEST_NOW.toISOString(),
      expiresAt: first.expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(response.body).not.toContain(first.token);
    expect(response.body).not.toContain(foreign.id);
    expect(response.body).not.toContain('hash');
  });

  it('revokes a token once (audited), and answers 404 for another tenant’s token', async () => {
    const { user, session } = await signedInAdmin();
    const other = await signedInAdmin();
    const token = await createToken(session, { permissions: ['users:read'] });
    const foreign = await createToken(other.session, { permissions: ['organisations:read'] });
    clock.advance(5000);

    const revoke = () => call('DELETE', `/api/v1/api-tokens/${token.id}`, session);
    const first = await revoke();
    const again = await revoke();
    const crossTenant = await call('DELETE', `/api/v1/api-tokens/${foreign.id}`, session);
    const unknown = await call('DELETE', `/api/v1/api-tokens/${randomUUID()}`, session);
    const list = ApiTokenListSchema.parse(
      (await call('GET', '/api/v1/api-tokens', session)).json(),
    );
    const stillWorks = await withToken(foreign.token, 'GET', '/api/v1/organisations');

    expect(first.statusCode).toBe(204);
    expect(again.statusCode).toBe(204);
    expect(crossTenant.statusCode).toBe(404);
    expect(crossTenant.json().error.code).toBe('NOT_FOUND');
    expect(unknown.statusCode).toBe(404);
    expect(stillWorks.statusCode).toBe(200);
    expect(list.items[0]).toMatchObject({
      id: token.id,
      status: 'revoked',
      revokedAt: new Date(TEST_NOW.getTime() + 5000).toISOString(),
    });
    expect((await auditRowsOf(token.id)).map((row) => row.action)).toEqual([
      'api_token.created',
      'api_token.revoked',
    ]);
    expect((await auditRowsOf(token.id))[1]?.actor_user_id).toBe(user.id);
  });
});

describe('authenticating with an API token', () => {
  it('acts for its organisation with exactly its permissions, and records when it was used', async () => {
    const { user, session } = await signedInAdmin();
    const other = await signedInAdmin();
    const token = await createToken(session, { permissions: ['organisations:read'] });
    clock.advance(60_000);

    const directory = await withToken(token.token, 'GET', '/api/v1/organisations');
    const foreign = await withToken(
      token.token,
      'GET',
      `/api/v1/organisations/${other.user.organisation.id}`,
    );
    const tokens = await withToken(token.token, 'GET', '/api/v1/api-tokens');
    const audit = await withToken(token.token, 'GET', '/api/v1/audit-events');
    const sessions = await withToken(token.token, 'GET', '/api/v1/auth/sessions');

    expect(directory.statusCode).toBe(200);
    // organisations:read without :any reaches only the token's own organisation.
    expect(directory.json().items.map((org: { id: string }) => org.id)).toEqual([
      user.organisation.id,
    ]);
    expect(foreign.statusCode).toBe(404);
    for (const refused of [tokens, audit, sessions]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
    const list = ApiTokenListSchema.parse(
      (await call('GET', '/api/v1/api-tokens', session)).json(),
    );
    expect(list.items[0]?.lastUsedAt).toBe(new Date(TEST_NOW.getTime() + 60_000).toISOString());
  });

  it('answers 401 for a revoked, an expired, an unknown or a malformed token', async () => {
    const { session } = await signedInAdmin();
    const revoked = await createToken(session, { permissions: ['organisations:read'] });
    const expiring = await createToken(session, {
      permissions: ['organisations:read'],
      expiresInDays: 1,
    });
    await call('DELETE', `/api/v1/api-tokens/${revoked.id}`, session);
    const beforeExpiry = await withToken(expiring.token, 'GET', '/api/v1/organisations');
    clock.advance(86_400_000);

    const attempts = [
      bearer(revoked.token),
      bearer(expiring.token),
      bearer(`ctpat_${randomBytes(32).toString('base64url')}`),
      bearer(expiring.token.slice(6)),
      { authorization: `Basic ${expiring.token}` },
      { authorization: 'Bearer' },
    ];
    expect(beforeExpiry.statusCode).toBe(200);
    for (const headers of attempts) {
      const response = await inject({ method: 'GET', url: '/api/v1/organisations', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('needs no CSRF token, cannot mint tokens, and may revoke with api_tokens:manage', async () => {
    const { user, session } = await signedInAdmin();
    const manager = await createToken(session, { permissions: ['api_tokens:manage'] });
    const victim = await createToken(session, { permissions: ['users:read'] });

    const mint = await withToken(manager.token, 'POST', '/api/v1/api-tokens', {
      name: 'offspring',
      permissions: ['api_tokens:manage'],
      expiresInDays: 365,
    });
    const list = await withToken(manager.token, 'GET', '/api/v1/api-tokens');
    const revoke = await withToken(manager.token, 'DELETE', `/api/v1/api-tokens/${victim.id}`);
    const crossSite = await inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${victim.id}`,
      headers: { ...bearer(manager.token), origin: 'https://evil.example' },
    });

    expect(mint.statusCode).toBe(403);
    expect(mint.json().error.message).toContain('people');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect(revoke.statusCode).toBe(204);
    expect(crossSite.statusCode).toBe(403);
    const audit = await auditRowsOf(victim.id);
    expect(audit.map((row) => row.action)).toEqual(['api_token.created', 'api_token.revoked']);
    expect(audit[1]).toMatchObject({ actor_user_id: null, actor_api_token_id: manager.id });
    expect(
      (await verifyAuditTrail(testApp.database.db, 1000, { chain: user.organisation.id })).ok,
    ).toBe(true);
  });
});
