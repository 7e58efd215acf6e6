import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditActionsOn, auditTrailText } from '../../../../tests/factories/audit.factory.ts';
import { emailsTo, tokenFromEmail } from '../../../../tests/factories/outbox.factory.ts';
import { createUser, type SignedIn, signIn } from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import { AccountProfileSchema } from '../../../domain/accounts/account.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { PASSWORD_RESET_TTL_MS } from './accounts.service.ts';

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);

const NEW_PASSWORD = 'harbour-juniper-compass-88';

const RESET_SUBJECT = 'Reset your OpenCTPAT password';
const CONFIRM_SUBJECT = 'Confirm your new e-mail address';

async function isSignedIn(session: SignedIn): Promise<boolean> {
  return (await call('GET', '/api/v1/auth/session', session)).json().signedIn === true;
}

async function signInStatus(email: string, password: string): Promise<number> {
  const response = await call('POST', '/api/v1/auth/sign-in', null, { email, password });
  return response.statusCode;
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
    expect(await auditActionsOn(testApp.database.db, user.id)).toEqual(['user.updated']);

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
    expect(
      await emailsTo(testApp.database.db, user.email, 'Your OpenCTPAT password was changed'),
    ).toHaveLength(1);
    // (then the attempt with the old password)
    expect(await auditActionsOn(testApp.database.db, user.id)).toEqual([
      'user.password_changed',
      'session.sign_in_failed',
    ]);
    const audit = await auditTrailText(testApp.database.db);
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
    const token = await tokenFromEmail(
      testApp.database.db,
      user.email,
      RESET_SUBJECT,
      '/reset-password',
    );
    const email = (await emailsTo(testApp.database.db, user.email, RESET_SUBJECT))[0];
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
    expect(await auditActionsOn(testApp.database.db, user.id)).toEqual(
      expect.arrayContaining(['user.password_reset_requested', 'user.password_reset']),
    );
    const audit = await auditTrailText(testApp.database.db);
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
    expect(await emailsTo(testApp.database.db, user.email, RESET_SUBJECT)).toHaveLength(1);
    expect(await emailsTo(testApp.database.db, unknownEmail, '')).toEqual([]);
  });

  it('refuses an expired link and an older link once a newer one was sent', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    await call('POST', '/api/v1/auth/password-reset', null, { email: user.email });
    const first = await tokenFromEmail(
      testApp.database.db,
      user.email,
      RESET_SUBJECT,
      '/reset-password',
    );
    clock.advance(60_000);
    await call('POST', '/api/v1/auth/password-reset', null, { email: user.email });
    const second = await tokenFromEmail(
      testApp.database.db,
      user.email,
      RESET_SUBJECT,
      '/reset-password',
    );
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
    const token = await tokenFromEmail(
      testApp.database.db,
      newEmail,
      CONFIRM_SUBJECT,
      '/account/confirm-email',
    );

    // Confirmation by the token alone (e.g. on a phone that is not signed in).
    const confirmed = await call('POST', '/api/v1/account/email/confirm', null, { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ email: newEmail });

    expect((await call('GET', '/api/v1/account', session)).json().email).toBe(newEmail);
    const notice = await emailsTo(
      testApp.database.db,
      user.email,
      'Your OpenCTPAT e-mail address was changed',
    );
    expect(notice).toHaveLength(1);
    expect(notice[0]?.text_body).toContain(newEmail);
    expect(await signInStatus(newEmail, user.password)).toBe(200);
    expect(await signInStatus(user.email, user.password)).toBe(401);

    const reused = await call('POST', '/api/v1/account/email/confirm', null, { token });
    expect(reused.statusCode).toBe(400);
    expect(errorCode(reused)).toBe('TOKEN_INVALID');
    expect(await auditActionsOn(testApp.database.db, user.id)).toEqual([
      'user.email_change_requested',
      'user.email_changed',
    ]);
    expect(await auditTrailText(testApp.database.db)).not.toContain(token);
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
    const token = await tokenFromEmail(
      testApp.database.db,
      newEmail,
      CONFIRM_SUBJECT,
      '/account/confirm-email',
    );
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
