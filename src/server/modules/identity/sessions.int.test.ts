import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUser, signIn, TEST_PASSWORD } from '../../../../tests/factories/user.factory.ts';
import { apiCaller } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import { SessionViewSchema } from '../../../domain/accounts/session.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);

function inject(options: InjectOptions) {
  return testApp.app.inject(options);
}

describe('sign-in', () => {
  it('signs in with the right password: an httpOnly SameSite cookie and the session view', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });

    const response = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email.toUpperCase(), password: user.password },
    });

    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'ctpat_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const view = SessionViewSchema.parse(response.json());
    expect(view.signedIn && view.user.email).toBe(user.email);
    expect(view.signedIn && view.organisationId).toBe(user.organisation.id);
    expect(view.signedIn && view.role).toBe('contributor');
    expect(view.signedIn && view.mfa).toBe('not_required');
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });

    const wrong = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: 'not-the-password-at-all' },
      remoteAddress: '198.51.100.1',
    });
    const unknown = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: `nobody-${randomUUID()}@example.test`, password: 'whatever-it-is-here' },
      remoteAddress: '198.51.100.2',
    });

    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.cookies).toEqual([]);
  });

  it('locks the account after five failures, even against the right password, until the lock ends', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const attempt = (password: string, n: number) =>
      inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: user.email, password },
        remoteAddress: `203.0.113.${n}`,
      });

    for (let n = 1; n <= 6; n += 1) {
      expect((await attempt('wrong-password-again', n)).statusCode).toBe(401);
    }
    const whileLocked = await attempt(TEST_PASSWORD, 50);
    clock.advance(61_000);
    const afterLock = await attempt(TEST_PASSWORD, 51);

    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(afterLock.statusCode).toBe(200);
  });

  it('refuses a client address after too many failures, whatever the account', async () => {
    const address = '192.0.2.77';
    for (let n = 0; n < 21; n += 1) {
      await inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: `probe-${n}@example.test`, password: 'guessing-passwords' },
        remoteAddress: address,
      });
    }
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const response = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: user.password },
      remoteAddress: address,
    });
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('RATE_LIMITED');
  });

  it('rate-limits sign-in requests from one address (10 a minute)', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 11; n += 1) {
      const response = await inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'someone@example.test', password: 'x' },
        remoteAddress: '192.0.2.150',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('refuses malformed input, naming the fields', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'not-an-email', password: 'x'.repeat(2000) },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(['body.email', 'body.password']);
  });
});

describe('sessions', () => {
  it('needs the CSRF token on state-changing requests signed in by cookie', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);

    const without = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: session.cookie },
    });
    const forged = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged-token' },
    });
    const crossSite = await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { ...session.headers, origin: 'https://evil.example' },
    });
    const proper = await call('POST', '/api/v1/auth/sign-out', session);

    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    expect(forged.statusCode).toBe(403);
    expect(crossSite.statusCode).toBe(403);
    expect(proper.statusCode).toBe(204);
    const after = await call('GET', '/api/v1/auth/session', session);
    expect(after.json()).toEqual({ signedIn: false });
  });

  it('treats a tampered cookie as no session', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);
    const tampered = `${session.cookie.slice(0, -2)}xx`;

    const response = await inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: tampered },
    });

    expect(response.json()).toEqual({ signedIn: false });
  });

  it('ends a session after 30 idle minutes, and after 12 hours whatever the activity', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const idle = await signIn(testApp.app, user);
    clock.advance(31 * 60_000);
    expect((await call('GET', '/api/v1/auth/session', idle)).json()).toEqual({ signedIn: false });

    clock.set(TEST_NOW);
    const busy = await signIn(testApp.app, user);
    for (let minutes = 0; minutes < 12 * 60; minutes += 20) {
      clock.advance(20 * 60_000);
      await call('GET', '/api/v1/auth/session', busy);
    }
    const late = await call('GET', '/api/v1/auth/session', busy);
    expect(late.json()).toEqual({ signedIn: false });
  });

  it('lists the user’s sessions and signs out everywhere else', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const first = await signIn(testApp.app, user);
    const second = await signIn(testApp.app, user);

    const list = await call('GET', '/api/v1/auth/sessions', second);
    expect(list.json().items).toHaveLength(2);
    expect(list.json().items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const revoked = await call('POST', '/api/v1/auth/sign-out-everywhere-else', second);
    expect(revoked.json()).toEqual({ revoked: 1 });
    expect((await call('GET', '/api/v1/auth/session', first)).json()).toEqual({ signedIn: false });
    expect((await call('GET', '/api/v1/auth/session', second)).json().signedIn).toBe(true);
  });

  it("answers 404 for another user's session and for an organisation the user is not in", async () => {
    const alice = await createUser(testApp.database.db, { role: 'contributor' });
    const bob = await createUser(testApp.database.db, { role: 'contributor' });
    const aliceSession = await signIn(testApp.app, alice);
    await signIn(testApp.app, bob);
    const bobSessions = await call('GET', '/api/v1/auth/sessions', await signIn(testApp.app, bob));
    const bobSessionId: string = bobSessions.json().items[0].id;

    const revoke = await call('DELETE', `/api/v1/auth/sessions/${bobSessionId}`, aliceSession);
    const switchOrg = await call('PUT', '/api/v1/auth/session/organisation', aliceSession, {
      organisationId: bob.organisation.id,
    });

    expect(revoke.statusCode).toBe(404);
    expect(switchOrg.statusCode).toBe(404);
  });

  it('holds a company officer without an authenticator to MFA enrolment', async () => {
    const officer = await createUser(testApp.database.db, { role: 'company_officer' });
    const session = await signIn(testApp.app, officer);

    const view = await call('GET', '/api/v1/auth/session', session);
    const directory = await call('GET', '/api/v1/auth/sessions', session);

    expect(view.json().mfa).toBe('enrolment_required');
    expect(view.json().permissions).toEqual(['mfa:enrol']);
    expect(directory.statusCode).toBe(401);
    expect(directory.json().error).toMatchObject({
      code: 'MFA_REQUIRED',
      details: { mfa: 'enrolment_required' },
    });
  });

  it('audits sign-ins and failures in an intact chain, without any password', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    await inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: user.email, password: 'wrong-password-here' },
      remoteAddress: '192.0.2.200',
    });
    await signIn(testApp.app, user);

    const result = await testApp.database.db.execute(
      sql`select action, coalesce(before::text, '') || coalesce(after::text, '') as data
          from audit_events where target_id = ${user.id} or actor_user_id = ${user.id} order by id`,
    );
    const rows = z
      .object({ rows: z.array(z.object({ action: z.string(), data: z.string() })) })
      .parse(result);
    const actions = rows.rows.map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(['session.sign_in_failed', 'session.signed_in']),
    );
    expect(JSON.stringify(rows.rows)).not.toContain(user.password);
    expect((await verifyAuditTrail(testApp.database.db)).ok).toBe(true);
  });
});
