import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enrolTotp, totpCode } from '../../../../tests/factories/mfa.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import {
  MfaStatusSchema,
  RecoveryCodesSchema,
  TotpEnrolmentSchema,
} from '../../../domain/accounts/mfa.schema.ts';
import { SessionViewSchema } from '../../../domain/accounts/session.schema.ts';
import { ROLE_PERMISSIONS } from '../../../domain/authorization/permissions.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { MAX_WRONG_CODES_PER_SESSION } from './mfa.service.ts';
import { TOTP_PERIOD_SECONDS, totpCodeForStep, totpStepAt } from './totp.ts';

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;
const RECOVERY_CODE = /^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/;

async function sessionView(session: SignedIn) {
  return SessionViewSchema.parse((await call('GET', '/api/v1/auth/session', session)).json());
}

async function mfaStatus(session: SignedIn) {
  const response = await call('GET', '/api/v1/account/mfa', session);
  expect(response.statusCode).toBe(200);
  return MfaStatusSchema.parse(response.json());
}

/** Sets up an authenticator app in `session` and returns its secret and recovery codes. */
function enrol(session: SignedIn): Promise<{ secret: string; recoveryCodes: string[] }> {
  return enrolTotp(testApp.app, session, clock.now());
}

/** A six-digit code that is none of the codes accepted at `at` (the step before, now, after). */
function wrongCode(secret: string, at: Date): string {
  const step = totpStepAt(at);
  const accepted = new Set([-1, 0, 1].map((offset) => totpCodeForStep(secret, step + offset)));
  for (let candidate = 123456; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!accepted.has(code)) {
      return code;
    }
  }
}

async function signedInAndVerified(user: TestUser, secret: string): Promise<SignedIn> {
  clock.advance(STEP_MS);
  const session = await signIn(testApp.app, user);
  const verified = await call('POST', '/api/v1/auth/mfa/verify', session, {
    code: totpCode(secret, clock.now()),
  });
  expect(verified.statusCode).toBe(200);
  return session;
}

async function auditRowsOf(userId: string) {
  const result = await testApp.database.db.execute(
    sql`select action, target_type, target_id,
               coalesce(before::text, '') || ' ' || coalesce(after::text, '') as data
          from audit_events
         where actor_user_id = ${userId} or target_id = ${userId}
         order by id`,
  );
  return RowsSchema(
    z.object({
      action: z.string(),
      target_type: z.string(),
      target_id: z.string().nullable(),
      data: z.string(),
    }),
  ).parse(result).rows;
}

async function notificationKindsOf(userId: string): Promise<string[]> {
  const result = await testApp.database.db.execute(
    sql`select kind from notifications where user_id = ${userId} order by created_at, kind`,
  );
  return RowsSchema(z.object({ kind: z.string() }))
    .parse(result)
    .rows.map((row) => row.kind);
}

describe('enrolment', () => {
  it('takes a company officer from enrolment_required to verified with the role’s permissions', async () => {
    const officer = await createUser(testApp.database.db, { role: 'company_officer' });
    const session = await signIn(testApp.app, officer);
    expect(await sessionView(session)).toMatchObject({
      mfa: 'enrolment_required',
      permissions: ['mfa:enrol'],
    });
    expect(await mfaStatus(session)).toEqual({
      enrolled: false,
      pendingEnrolment: false,
      recoveryCodesRemaining: 0,
    });

    const started = await call('POST', '/api/v1/account/mfa/totp', session);
    expect(started.statusCode).toBe(200);
    const enrolment = TotpEnrolmentSchema.parse(started.json());
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(enrolment.otpauthUri);
    expect(`${uri.protocol}//${uri.host}`).toBe('otpauth://totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/OpenCTPAT:${officer.email}`);
    expect(uri.searchParams.get('issuer')).toBe('OpenCTPAT');
    expect(uri.searchParams.get('secret')).toBe(enrolment.secret);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(await mfaStatus(session)).toMatchObject({ enrolled: false, pendingEnrolment: true });

    const wrong = await call('POST', '/api/v1/account/mfa/totp/confirm', session, {
      code: wrongCode(enrolment.secret, clock.now()),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { issues: [{ path: 'body.code' }] },
    });
    expect(await sessionView(session)).toMatchObject({ mfa: 'enrolment_required' });

    // The step before the current one still counts (the phone's clock may lag a little).
    const confirmed = await call('POST', '/api/v1/account/mfa/totp/confirm', session, {
      code: totpCode(enrolment.secret, new Date(clock.now().getTime() - STEP_MS)),
    });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = RecoveryCodesSchema.parse(confirmed.json());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) {
      expect(code).toMatch(RECOVERY_CODE);
    }

    const view = await sessionView(session);
    expect(view.signedIn && view.mfa).toBe('verified');
    expect(view.signedIn && view.user.hasAuthenticator).toBe(true);
    expect(view.signedIn && view.permissions).toEqual([...ROLE_PERMISSIONS.company_officer].sort());
    expect((await call('GET', '/api/v1/auth/sessions', session)).statusCode).toBe(200);
    expect(await mfaStatus(session)).toEqual({
      enrolled: true,
      pendingEnrolment: false,
      recoveryCodesRemaining: 10,
    });
    expect(await notificationKindsOf(officer.id)).toContain('mfa_enrolled');
  });

  it('restarts an unconfirmed enrolment with a new secret, and refuses once one is confirmed', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);
    const first = TotpEnrolmentSchema.parse(
      (await call('POST', '/api/v1/account/mfa/totp', session)).json(),
    );
    const second = TotpEnrolmentSchema.parse(
      (await call('POST', '/api/v1/account/mfa/totp', session)).json(),
    );
    expect(second.secret).not.toBe(first.secret);

    const withOld = await call('POST', '/api/v1/account/mfa/totp/confirm', session, {
      code: totpCode(first.secret, clock.now()),
    });
    if (totpCode(first.secret, clock.now()) !== totpCode(second.secret, clock.now())) {
      expect(withOld.statusCode).toBe(400);
    }
    const confirmed = await call('POST', '/api/v1/account/mfa/totp/confirm', session, {
      code: totpCode(second.secret, clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);

    const again = await call('POST', '/api/v1/account/mfa/totp', session);
    const confirmAgain = await call('POST', '/api/v1/account/mfa/totp/confirm', session, {
      code: totpCode(second.secret, clock.now()),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    expect(confirmAgain.statusCode).toBe(409);
  });

  it('refuses to confirm when no enrolment was started', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);
    const response = await call('POST', '/api/v1/account/mfa/totp/confirm', session, {
      code: '123456',
    });
    expect(response.statusCode).toBe(409);
  });
});

describe('verification at sign-in', () => {
  it('holds a new session at verification_required until the code, and never takes a code twice', async () => {
    const officer = await createUser(testApp.database.db, { role: 'company_officer' });
    const { secret } = await enrol(await signIn(testApp.app, officer));
    const enrolmentCode = totpCode(secret, clock.now());

    const session = await signIn(testApp.app, officer);
    const pending = await sessionView(session);
    expect(pending.signedIn && pending.mfa).toBe('verification_required');
    expect(pending.signedIn && pending.permissions).toEqual([]);
    const blocked = await call('GET', '/api/v1/auth/sessions', session);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error).toMatchObject({
      code: 'MFA_REQUIRED',
      details: { mfa: 'verification_required' },
    });

    // The code that confirmed the enrolment was used: replaying it fails, even in another session.
    const replayed = await call('POST', '/api/v1/auth/mfa/verify', session, {
      code: enrolmentCode,
    });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().error).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { issues: [{ path: 'body.code', message: expect.stringMatching(/already used/) }] },
    });

    clock.advance(STEP_MS);
    const code = totpCode(secret, clock.now());
    const verified = await call('POST', '/api/v1/auth/mfa/verify', session, { code });
    expect(verified.statusCode).toBe(200);
    const view = SessionViewSchema.parse(verified.json());
    expect(view.signedIn && view.mfa).toBe('verified');
    expect(view.signedIn && view.permissions).toEqual([...ROLE_PERMISSIONS.company_officer].sort());
    expect((await call('GET', '/api/v1/auth/sessions', session)).statusCode).toBe(200);

    const another = await signIn(testApp.app, officer);
    const replayedElsewhere = await call('POST', '/api/v1/auth/mfa/verify', another, { code });
    expect(replayedElsewhere.statusCode).toBe(400);
    expect(replayedElsewhere.json().error.code).toBe('MFA_CODE_INVALID');
    const stillPending = await sessionView(another);
    expect(stillPending.signedIn && stillPending.mfa).toBe('verification_required');
  });

  it('answers a wrong code with 400 MFA_CODE_INVALID and malformed input with the field', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const { secret } = await enrol(await signIn(testApp.app, user));
    clock.advance(STEP_MS);
    const session = await signIn(testApp.app, user);

    const wrong = await call('POST', '/api/v1/auth/mfa/verify', session, {
      code: wrongCode(secret, clock.now()),
    });
    const malformed = await call('POST', '/api/v1/auth/mfa/verify', session, { code: '12ab56' });
    const neither = await call('POST', '/api/v1/auth/mfa/verify', session, {});
    const both = await call('POST', '/api/v1/auth/mfa/verify', session, {
      code: '123456',
      recoveryCode: 'abcd-efgh-jkmn',
    });

    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { issues: [{ path: 'body.code', message: expect.any(String) }] },
    });
    for (const response of [malformed, neither, both]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'body.code' }] },
      });
    }
    const view = await sessionView(session);
    expect(view.signedIn && view.mfa).toBe('verification_required');
  });

  it('answers 401 without a session and 409 for an account without an authenticator', async () => {
    const anonymous = await call('POST', '/api/v1/auth/mfa/verify', null, { code: '123456' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');

    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);
    const without = await call('POST', '/api/v1/auth/mfa/verify', session, { code: '123456' });
    expect(without.statusCode).toBe(409);
  });

  it('accepts a recovery code once, in any case, and tells the user how many are left', async () => {
    const user = await createUser(testApp.database.db, { role: 'company_officer' });
    const { recoveryCodes } = await enrol(await signIn(testApp.app, user));
    const [code] = recoveryCodes;
    if (code === undefined) {
      throw new Error('no recovery code');
    }

    const first = await signIn(testApp.app, user);
    const used = await call('POST', '/api/v1/auth/mfa/verify', first, {
      recoveryCode: code.toUpperCase(),
    });
    expect(used.statusCode).toBe(200);
    const view = SessionViewSchema.parse(used.json());
    expect(view.signedIn && view.mfa).toBe('verified');
    expect(await mfaStatus(first)).toMatchObject({ recoveryCodesRemaining: 9 });

    const second = await signIn(testApp.app, user);
    const again = await call('POST', '/api/v1/auth/mfa/verify', second, { recoveryCode: code });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({
      code: 'MFA_CODE_INVALID',
      details: { issues: [{ path: 'body.recoveryCode' }] },
    });
    const notAcode = await call('POST', '/api/v1/auth/mfa/verify', second, {
      recoveryCode: 'definitely not one',
    });
    expect(notAcode.statusCode).toBe(400);
    const stillPending = await sessionView(second);
    expect(stillPending.signedIn && stillPending.mfa).toBe('verification_required');

    expect(await notificationKindsOf(user.id)).toContain('recovery_code_used');
    const notice = await testApp.database.db.execute(
      sql`select params->>'remaining' as remaining from notifications
           where user_id = ${user.id} and kind = 'recovery_code_used'`,
    );
    expect(RowsSchema(z.object({ remaining: z.string() })).parse(notice).rows).toEqual([
      { remaining: '9' },
    ]);
  });

  it('ends the session after ten wrong codes in a row, counting from the last success', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const { secret } = await enrol(await signIn(testApp.app, user));
    clock.advance(STEP_MS);

    // Nine wrong, one right: the count starts over.
    const patient = await signIn(testApp.app, user);
    for (let n = 0; n < MAX_WRONG_CODES_PER_SESSION - 1; n += 1) {
      const wrong = await call('POST', '/api/v1/auth/mfa/verify', patient, {
        code: wrongCode(secret, clock.now()),
      });
      expect(wrong.statusCode).toBe(400);
    }
    const right = await call('POST', '/api/v1/auth/mfa/verify', patient, {
      code: totpCode(secret, clock.now()),
    });
    expect(right.statusCode).toBe(200);
    const afterReset = await call('POST', '/api/v1/auth/mfa/verify', patient, {
      code: wrongCode(secret, clock.now()),
    });
    expect(afterReset.statusCode).toBe(400);
    expect((await sessionView(patient)).signedIn).toBe(true);

    // Ten wrong in a row: the session is gone and the password step starts over.
    const guesser = await signIn(testApp.app, user);
    const statuses: number[] = [];
    for (let n = 0; n < MAX_WRONG_CODES_PER_SESSION; n += 1) {
      const response = await call('POST', '/api/v1/auth/mfa/verify', guesser, {
        code: wrongCode(secret, clock.now()),
      });
      statuses.push(response.statusCode);
      if (n === MAX_WRONG_CODES_PER_SESSION - 1) {
        expect(response.json().error.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(statuses.slice(0, -1).every((status) => status === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(401);
    expect(await sessionView(guesser)).toEqual({ signedIn: false });
    clock.advance(STEP_MS);
    const tooLate = await call('POST', '/api/v1/auth/mfa/verify', guesser, {
      code: totpCode(secret, clock.now()),
    });
    expect(tooLate.statusCode).toBe(401);

    const audit = await auditRowsOf(user.id);
    expect(audit.filter((row) => row.action === 'mfa.verification_failed')).toHaveLength(
      2 * MAX_WRONG_CODES_PER_SESSION,
    );
    expect(
      audit.some(
        (row) => row.action === 'session.revoked' && row.data.includes('too_many_wrong_mfa'),
      ),
    ).toBe(true);
  });

  it('rate-limits code checks from one address (10 a minute)', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 11; n += 1) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/mfa/verify',
        payload: { code: '123456' },
        remoteAddress: '192.0.2.99',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('turning MFA off and recovery codes', () => {
  it('refuses to turn MFA off for a company officer', async () => {
    const officer = await createUser(testApp.database.db, { role: 'company_officer' });
    const { secret } = await enrol(await signIn(testApp.app, officer));
    const session = await signedInAndVerified(officer, secret);
    clock.advance(STEP_MS);

    const response = await call('DELETE', '/api/v1/account/mfa/totp', session, {
      code: totpCode(secret, clock.now()),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await mfaStatus(session)).toMatchObject({ enrolled: true });
  });

  it('lets a contributor turn MFA off with a current code; pending sessions are revoked', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const { secret } = await enrol(await signIn(testApp.app, user));
    const session = await signedInAndVerified(user, secret);
    const pending = await signIn(testApp.app, user);
    clock.advance(STEP_MS);

    const wrong = await call('DELETE', '/api/v1/account/mfa/totp', session, {
      code: wrongCode(secret, clock.now()),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('MFA_CODE_INVALID');

    const response = await call('DELETE', '/api/v1/account/mfa/totp', session, {
      code: totpCode(secret, clock.now()),
    });
    expect(response.statusCode).toBe(204);
    expect(await mfaStatus(session)).toEqual({
      enrolled: false,
      pendingEnrolment: false,
      recoveryCodesRemaining: 0,
    });
    const view = await sessionView(session);
    expect(view.signedIn && view.mfa).toBe('not_required');
    // The session that never gave a code does not slip through now that MFA is off.
    expect(await sessionView(pending)).toEqual({ signedIn: false });

    const left = await testApp.database.db.execute(
      sql`select (select count(*) from totp_authenticators where user_id = ${user.id})::int
               + (select count(*) from recovery_codes where user_id = ${user.id})::int as n`,
    );
    expect(RowsSchema(z.object({ n: z.coerce.number() })).parse(left).rows).toEqual([{ n: 0 }]);
    expect(await notificationKindsOf(user.id)).toContain('mfa_disabled');
  });

  it('replaces the recovery codes: the old set stops working, the new one works', async () => {
    const user = await createUser(testApp.database.db, { role: 'company_officer' });
    const { secret, recoveryCodes: old } = await enrol(await signIn(testApp.app, user));
    const session = await signedInAndVerified(user, secret);
    clock.advance(STEP_MS);

    const regenerated = await call('POST', '/api/v1/account/mfa/recovery-codes', session, {
      code: totpCode(secret, clock.now()),
    });
    expect(regenerated.statusCode).toBe(200);
    const { recoveryCodes: fresh } = RecoveryCodesSchema.parse(regenerated.json());
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => old.includes(code))).toEqual([]);
    expect(await mfaStatus(session)).toMatchObject({ recoveryCodesRemaining: 10 });

    const next = await signIn(testApp.app, user);
    const withOld = await call('POST', '/api/v1/auth/mfa/verify', next, { recoveryCode: old[0] });
    const withNew = await call('POST', '/api/v1/auth/mfa/verify', next, {
      recoveryCode: fresh[0],
    });
    expect(withOld.statusCode).toBe(400);
    expect(withNew.statusCode).toBe(200);
    expect(await notificationKindsOf(user.id)).toContain('recovery_codes_regenerated');
  });

  it('needs the CSRF token and the right permission on the account routes', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, user);
    const withoutCsrf = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/account/mfa/totp',
      headers: { cookie: session.cookie },
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().error.code).toBe('CSRF_FAILED');
    const anonymous = await call('GET', '/api/v1/account/mfa', null);
    expect(anonymous.statusCode).toBe(401);

    // A session still waiting for its code may do nothing but verify (and sign out).
    const { secret } = await enrol(session);
    const pending = await signIn(testApp.app, user);
    for (const [method, url] of [
      ['GET', '/api/v1/account/mfa'],
      ['POST', '/api/v1/account/mfa/totp'],
      ['POST', '/api/v1/account/mfa/recovery-codes'],
      ['DELETE', '/api/v1/account/mfa/totp'],
    ] as const) {
      const code = totpCode(secret, new Date(clock.now().getTime() + STEP_MS));
      const response = await call(method, url, pending, method === 'GET' ? undefined : { code });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('MFA_REQUIRED');
    }
  });
});

describe('secrets and the audit trail', () => {
  it('stores the secret encrypted, audits every change without secrets, keeps the chain intact', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const first = await signIn(testApp.app, user);
    const { secret, recoveryCodes } = await enrol(first);

    const stored = await testApp.database.db.execute(
      sql`select secret_encrypted from totp_authenticators where user_id = ${user.id}`,
    );
    const [row] = RowsSchema(z.object({ secret_encrypted: z.string() })).parse(stored).rows;
    expect(row?.secret_encrypted).toMatch(/^v1\./);
    expect(row?.secret_encrypted).not.toContain(secret);
    expect(row?.secret_encrypted.toLowerCase()).not.toContain(secret.toLowerCase());
    const hashes = await testApp.database.db.execute(
      sql`select code_hash from recovery_codes where user_id = ${user.id}`,
    );
    const storedHashes = RowsSchema(z.object({ code_hash: z.string() }))
      .parse(hashes)
      .rows.map((hashRow) => hashRow.code_hash);
    expect(storedHashes).toHaveLength(10);
    for (const code of recoveryCodes) {
      expect(storedHashes).not.toContain(code);
    }

    clock.advance(STEP_MS);
    const second = await signIn(testApp.app, user);
    await call('POST', '/api/v1/auth/mfa/verify', second, { code: wrongCode(secret, clock.now()) });
    await call('POST', '/api/v1/auth/mfa/verify', second, { code: totpCode(secret, clock.now()) });
    const third = await signIn(testApp.app, user);
    await call('POST', '/api/v1/auth/mfa/verify', third, { recoveryCode: recoveryCodes[1] });
    clock.advance(STEP_MS);
    const regenerated = await call('POST', '/api/v1/account/mfa/recovery-codes', third, {
      code: totpCode(secret, clock.now()),
    });
    const fresh = RecoveryCodesSchema.parse(regenerated.json()).recoveryCodes;
    clock.advance(STEP_MS);
    const disabled = await call('DELETE', '/api/v1/account/mfa/totp', third, {
      code: totpCode(secret, clock.now()),
    });
    expect(disabled.statusCode).toBe(204);

    const audit = await auditRowsOf(user.id);
    expect(
      audit.map((event) => event.action).filter((action) => action.startsWith('mfa.')),
    ).toEqual([
      'mfa.enrolment_started',
      'mfa.enrolled',
      'mfa.verification_failed',
      'mfa.verified',
      'mfa.recovery_code_used',
      'mfa.recovery_codes_regenerated',
      'mfa.disabled',
    ]);
    const everything = JSON.stringify(audit);
    expect(everything).not.toContain(secret);
    for (const code of [...recoveryCodes, ...fresh]) {
      expect(everything).not.toContain(code);
    }
    expect(await verifyAuditTrail(testApp.database.db)).toMatchObject({ ok: true });
  });
});
