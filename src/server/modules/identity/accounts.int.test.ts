import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUser, type SignedIn, signIn } from '../../../../tests/factories/user.factory.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import { AccountProfileSchema } from '../../../domain/accounts/account.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { PASSWORD_RESET_TTL_MS } from './accounts.service.ts';

const clock = mutableClock(TEST_NOW);
let testApp: TestApp;

beforeAll(async () => {
  testApp = await buildTestApp({ clock });
});

beforeEach(() => {
  clock.set(TEST_NOW);
});

afterAll(async () => {
  await testApp.close();
});

const NEW_PASSWORD = 'harbour-juniper-compass-88';

let addressCounter = 0;
/** A fresh client address per request: these routes are rate-limited per address. */
function nextAddress(): string {
  addressCounter += 1;
  return `10.93.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

function call(
  method: NonNullable<InjectOptions['method']>,
  url: string,
  session: SignedIn | null,
  payload?: Record<string, unknown>,
  remoteAddress = nextAddress(),
) {
  return testApp.app.inject({
    method,
    url,
    remoteAddress,
    ...(session
      ? { headers: method === 'GET' ? { cookie: session.cookie } : session.headers }
      : {}),
    ...(payload ? { payload } : {}),
  });
}

const RowsSchema = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row) });

async function emailsTo(address: string, subjectStart: string) {
  const result = await testApp.database.db.execute(
    sql`select subject, text_body from email_outbox
         where to_address = ${address} and subject like ${`${subjectStart}%`}
         order by created_at, id`,
  );
  return RowsSchema(z.object({ subject: z.string(), text_body: z.string() })).parse(result).rows;
}

/** The token in the newest e-mail to `address` whose subject starts so, read from its link. */
async function tokenFromEmail(address: string, subjectStart: string, path: string) {
  const text = (await emailsTo(address, subjectStart)).at(-1)?.text_body ?? '';
  const match = new RegExp(`http://localhost:3000${path}\\?token=([\\w-]+)`).exec(text);
  if (!match?.[1]) {
    throw new Error(`no e-mail "${subjectStart}" with a ${path} link to ${address}`);
  }
  return match[1];
}

const RESET_SUBJECT = 'Reset your OpenCTPAT password';
const CONFIRM_SUBJECT = 'Confirm your new e-mail address';

function errorCode(response: { json(): unknown }): string {
  return z.object({ error: z.object({ code: z.string() }) }).parse(response.json()).error.code;
}

function issuePaths(response: { json(): unknown }): string[] {
  return z
    .object({
      error: z.object({ details: z.object({ issues: z.array(z.object({ path: z.string() })) }) }),
    })
    .parse(response.json())
    .error.details.issues.map((issue) => issue.path);
}

async function isSignedIn(session: SignedIn): Promise<boolean> {
  return (await call('GET', '/api/v1/auth/session', session)).json().signedIn === true;
}

async function signInStatus(email: string, password: string): Promise<number> {
  const response = await call('POST', '/api/v1/auth/sign-in', null, { email, password });
  return response.statusCode;
}

async function auditActionsOn(userId: string): Promise<string[]> {
  const result = await testApp.database.db.execute(
    sql`select action from audit_events where target_id = ${userId} order by id`,
  );
  return RowsSchema(z.object({ action: z.string() }))
    .parse(result)
    .rows.map((row) => row.action);
}

async function auditText(): Promise<string> {
  const result = await testApp.database.db.execute(
    sql`select coalesce(before::text, '') || coalesce(after::text, '') as data from audit_events`,
  );
  return JSON.stringify(RowsSchema(z.object({ data: z.string() })).parse(result).rows);
}

describe('the profile', () => {
  it('shows and changes the name and language of the signed-in user only', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);

    const before = AccountProfileSchema.parse(
      (await call('GET', '/api/v1/account', session)).json(),
    );
    expect(before).toMatchObject({ id: user.id, email: user.email, preferredLanguage: 'en' });

    const changed = await call('PATCH', '/api/v1/account', session, {
      displayName: '  María López ',
      preferredLanguage: 'es',
    });
    expect(changed.statusCode).toBe(200);
    expect(AccountProfileSchema.parse(changed.json())).toEqual({
      id: user.id,
      email: user.email,
      displayName: 'María López',
      preferredLanguage: 'es',
    });
    expect((await call('GET', '/api/v1/account', session)).json().displayName).toBe('María López');
    expect(await auditActionsOn(user.id)).toEqual(['user.updated']);

    const invalid = await call('PATCH', '/api/v1/account', session, {
      displayName: 'x'.repeat(101),
      preferredLanguage: 'fr',
    });
    expect(invalid.statusCode).toBe(400);
    expect(issuePaths(invalid)).toEqual(['body.displayName', 'body.preferredLanguage']);
    expect((await call('PATCH', '/api/v1/account', session, { displayName: ' ' })).statusCode).toBe(
      400,
    );
    expect((await call('GET', '/api/v1/account', null)).statusCode).toBe(401);
  });
});

describe('changing the password', () => {
  it('checks the current password and the policy, then ends every other session', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const other = await signIn(testApp.app, user);
    const current = await signIn(testApp.app, user);

    const wrongCurrent = await call('POST', '/api/v1/account/password', current, {
      currentPassword: 'not-my-password-at-all',
      newPassword: NEW_PASSWORD,
    });
    const weakNew = await call('POST', '/api/v1/account/password', current, {
      currentPassword: user.password,
      newPassword: 'password1234',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(issuePaths(wrongCurrent)).toEqual(['body.currentPassword']);
    expect(weakNew.statusCode).toBe(400);
    expect(issuePaths(weakNew)).toEqual(['body.newPassword']);
    expect(await isSignedIn(other)).toBe(true);

    const changed = await call('POST', '/api/v1/account/password', current, {
      currentPassword: user.password,
      newPassword: NEW_PASSWORD,
    });

    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ revokedSessions: 1 });
    expect(await isSignedIn(other)).toBe(false);
    expect(await isSignedIn(current)).toBe(true);
    expect(await signInStatus(user.email, user.password)).toBe(401);
    expect(await signInStatus(user.email, NEW_PASSWORD)).toBe(200);
    const inbox = await call('GET', '/api/v1/notifications', current);
    expect(inbox.json().items.map((n: { kind: string }) => n.kind)).toContain('password_changed');
    expect(await emailsTo(user.email, 'Your OpenCTPAT password was changed')).toHaveLength(1);
    // (then the attempt with the old password)
    expect(await auditActionsOn(user.id)).toEqual([
      'user.password_changed',
      'session.sign_in_failed',
    ]);
    const audit = await auditText();
    expect(audit).not.toContain(NEW_PASSWORD);
    expect(audit).not.toContain(user.password);
  });
});

describe('password reset', () => {
  it('e-mails a one-hour link, sets the new password, clears the lockout and ends every session', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);
    // Lock the account with wrong passwords.
    for (let n = 0; n < 6; n += 1) {
      await call('POST', '/api/v1/auth/sign-in', null, {
        email: user.email,
        password: 'wrong-password-again',
      });
    }
    expect(await signInStatus(user.email, user.password)).toBe(401);

    const requested = await call('POST', '/api/v1/auth/password-reset', null, {
      email: user.email.toUpperCase(),
    });
    expect(requested.statusCode).toBe(202);
    const token = await tokenFromEmail(user.email, RESET_SUBJECT, '/reset-password');
    const email = (await emailsTo(user.email, RESET_SUBJECT))[0];
    expect(email?.text_body).toContain(
      `expires on ${new Date(TEST_NOW.getTime() + PASSWORD_RESET_TTL_MS).toISOString()}`,
    );

    const weak = await call('POST', '/api/v1/auth/password-reset/complete', null, {
      token,
      password: 'qwertyuiop12',
    });
    expect(weak.statusCode).toBe(400);
    expect(issuePaths(weak)).toEqual(['body.password']);

    const completed = await call('POST', '/api/v1/auth/password-reset/complete', null, {
      token,
      password: NEW_PASSWORD,
    });
    expect(completed.statusCode).toBe(204);
    expect(await isSignedIn(session)).toBe(false);
    // The lockout is gone: the new password works at once; the old one does not.
    expect(await signInStatus(user.email, user.password)).toBe(401);
    expect(await signInStatus(user.email, NEW_PASSWORD)).toBe(200);

    const reused = await call('POST', '/api/v1/auth/password-reset/complete', null, {
      token,
      password: 'another-fine-passphrase-9',
    });
    expect(reused.statusCode).toBe(400);
    expect(errorCode(reused)).toBe('TOKEN_INVALID');
    expect(await auditActionsOn(user.id)).toEqual(
      expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']),
    );
    const audit = await auditText();
    expect(audit).not.toContain(token);
    expect(audit).not.toContain(NEW_PASSWORD);
    expect((await verifyAuditTrail(testApp.database.db)).ok).toBe(true);
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const unknownEmail = `nobody-${randomUUID().slice(0, 8)}@example.test`;

    const known = await call('POST', '/api/v1/auth/password-reset', null, { email: user.email });
    const unknown = await call('POST', '/api/v1/auth/password-reset', null, {
      email: unknownEmail,
    });

    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    expect(await emailsTo(user.email, RESET_SUBJECT)).toHaveLength(1);
    expect(await emailsTo(unknownEmail, '')).toEqual([]);
  });

  it('refuses an expired link and an older link once a newer one was sent', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    await call('POST', '/api/v1/auth/password-reset', null, { email: user.email });
    const first = await tokenFromEmail(user.email, RESET_SUBJECT, '/reset-password');
    clock.advance(60_000);
    await call('POST', '/api/v1/auth/password-reset', null, { email: user.email });
    const second = await tokenFromEmail(user.email, RESET_SUBJECT, '/reset-password');
    expect(second).not.toBe(first);

    const older = await call('POST', '/api/v1/auth/password-reset/complete', null, {
      token: first,
      password: NEW_PASSWORD,
    });
    clock.advance(PASSWORD_RESET_TTL_MS);
    const expired = await call('POST', '/api/v1/auth/password-reset/complete', null, {
      token: second,
      password: NEW_PASSWORD,
    });

    for (const response of [older, expired]) {
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('TOKEN_INVALID');
    }
    expect(older.json()).toEqual(expired.json());
  });

  it('rate-limits reset requests per address (5 in 15 minutes)', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 6; n += 1) {
      const response = await call(
        'POST',
        '/api/v1/auth/password-reset',
        null,
        { email: `probe-${n}@example.test` },
        '192.0.2.99',
      );
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe('changing the e-mail address', () => {
  it('confirms by a link sent to the new address, then tells the old one', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);
    const newEmail = `moved-${randomUUID().slice(0, 8)}@example.test`;

    const wrongPassword = await call('POST', '/api/v1/account/email', session, {
      newEmail,
      currentPassword: 'not-the-password-here',
    });
    expect(issuePaths(wrongPassword)).toEqual(['body.currentPassword']);

    const requested = await call('POST', '/api/v1/account/email', session, {
      newEmail: newEmail.toUpperCase(),
      currentPassword: user.password,
    });
    expect(requested.statusCode).toBe(202);
    // Nothing changes until the link is followed.
    expect((await call('GET', '/api/v1/account', session)).json().email).toBe(user.email);
    const token = await tokenFromEmail(newEmail, CONFIRM_SUBJECT, '/account/confirm-email');

    // Confirmation by the token alone (e.g. on a phone that is not signed in).
    const confirmed = await call('POST', '/api/v1/account/email/confirm', null, { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ email: newEmail });

    expect((await call('GET', '/api/v1/account', session)).json().email).toBe(newEmail);
    const notice = await emailsTo(user.email, 'Your OpenCTPAT e-mail address was changed');
    expect(notice).toHaveLength(1);
    expect(notice[0]?.text_body).toContain(newEmail);
    expect(await signInStatus(newEmail, user.password)).toBe(200);
    expect(await signInStatus(user.email, user.password)).toBe(401);

    const reused = await call('POST', '/api/v1/account/email/confirm', null, { token });
    expect(reused.statusCode).toBe(400);
    expect(errorCode(reused)).toBe('TOKEN_INVALID');
    expect(await auditActionsOn(user.id)).toEqual([
      'user.email_change_requested',
      'user.email_changed',
    ]);
    expect(await auditText()).not.toContain(token);
  });

  it('refuses an address that belongs to another account, at request and at confirmation', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const other = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);

    const taken = await call('POST', '/api/v1/account/email', session, {
      newEmail: other.email,
      currentPassword: user.password,
    });
    expect(taken.statusCode).toBe(409);
    expect(errorCode(taken)).toBe('CONFLICT');

    const newEmail = `race-${randomUUID().slice(0, 8)}@example.test`;
    await call('POST', '/api/v1/account/email', session, {
      newEmail,
      currentPassword: user.password,
    });
    const token = await tokenFromEmail(newEmail, CONFIRM_SUBJECT, '/account/confirm-email');
    // Someone else takes the address before the link is followed.
    await createUser(testApp.database.db, { role: 'contributor', email: newEmail });

    const confirm = await call('POST', '/api/v1/account/email/confirm', null, { token });
    expect(confirm.statusCode).toBe(409);
    expect((await call('GET', '/api/v1/account', session)).json().email).toBe(user.email);

    const malformed = await call('POST', '/api/v1/account/email', session, {
      newEmail: `${'a'.repeat(250)}@example.test`,
      currentPassword: user.password,
    });
    expect(issuePaths(malformed)).toEqual(['body.newEmail']);
  });
});
