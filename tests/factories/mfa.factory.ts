import type { FastifyInstance } from 'fastify';
import { TOTP } from 'otpauth';
import { expect } from 'vitest';
import { RecoveryCodesSchema, TotpEnrolmentSchema } from '../../src/domain/accounts/mfa.schema.ts';
import { apiCaller } from '../setup/api-caller.ts';
import { type SignedIn, signIn, type TestUser } from './user.factory.ts';

/** The current TOTP code for a base32 secret (what an authenticator app would show). */
export function totpCode(secret: string, at: Date): string {
  return new TOTP({ secret }).generate({ timestamp: at.getTime() });
}

/**
 * Sets up an authenticator app in `session` through the real routes, confirming it with the
 * code of `at` (the app's clock now): the session counts as verified. Returns the secret and the
 * recovery codes.
 */
export async function enrolTotp(
  app: FastifyInstance,
  session: SignedIn,
  at: Date,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const call = apiCaller({ app });
  const started = await call('POST', '/api/v1/account/mfa/totp', session);
  expect(started.statusCode).toBe(200);
  const { secret } = TotpEnrolmentSchema.parse(started.json());
  const confirmed = await call('POST', '/api/v1/account/mfa/totp/confirm', session, {
    code: totpCode(secret, at),
  });
  expect(confirmed.statusCode).toBe(200);
  return { secret, recoveryCodes: RecoveryCodesSchema.parse(confirmed.json()).recoveryCodes };
}

/**
 * Signs in and sets up an authenticator through the real routes (see enrolTotp): a session
 * with two-step verification done, e.g. for a company officer or a CBP role.
 */
export async function signInWithTotpEnrolled(
  app: FastifyInstance,
  user: TestUser,
  at: Date,
): Promise<SignedIn> {
  const session = await signIn(app, user);
  await enrolTotp(app, session, at);
  return session;
}
