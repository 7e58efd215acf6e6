import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { safeEqual } from '../../security/tokens.ts';

/**
 * TOTP (RFC 6238) as every authenticator app does it by default: HMAC-SHA1, 6 digits, 30-second
 * steps. Pure helpers: the time always comes from the caller (the service context's clock).
 */
export const TOTP_ISSUER = 'OpenCTPAT';
export const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
const TOTP_ALGORITHM = 'SHA1';
/** A code of the step before or after the current one is still accepted (clock drift, typing). */
export const TOTP_WINDOW = 1;

/** A new random secret (160 bits, the RFC 4226 recommendation), base32 for manual entry. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountName: string): string {
  return totpOf(secretBase32, accountName).toString();
}

/** The 30-second time step an instant falls in. */
export function totpStepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of one time step (what an authenticator app shows during that step). */
export function totpCodeForStep(secretBase32: string, step: number): string {
  return totpOf(secretBase32, '').generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

export type TotpCheck =
  | { outcome: 'accepted'; step: number }
  /** The code is right but its step was already used: a replay. */
  | { outcome: 'replayed' }
  | { outcome: 'wrong' };

/**
 * Checks `code` against the steps around `at` (± TOTP_WINDOW). A step at or before
 * `lastUsedStep` is never accepted again, so a code seen once (over a shoulder, in a proxy log)
 * cannot be replayed. Every candidate step is compared, in constant time, whatever matches.
 */
export function checkTotpCode(
  secretBase32: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): TotpCheck {
  const current = totpStepAt(at);
  let accepted: number | null = null;
  let replayed = false;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step += 1) {
    if (!safeEqual(totpCodeForStep(secretBase32, step), code)) {
      continue;
    }
    if (lastUsedStep !== null && step <= lastUsedStep) {
      replayed = true;
    } else {
      accepted ??= step;
    }
  }
  if (accepted !== null) {
    return { outcome: 'accepted', step: accepted };
  }
  return replayed ? { outcome: 'replayed' } : { outcome: 'wrong' };
}

/** How many recovery codes a user holds after enrolment or regeneration. */
export const RECOVERY_CODE_COUNT = 10;

/** Lower-case letters and digits without look-alikes (0/o, 1/l/i): easy to read and type. */
const RECOVERY_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;

/** One random recovery code, `xxxx-xxxx-xxxx` (about 59 bits). */
export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < RECOVERY_GROUPS; group += 1) {
    let text = '';
    for (let index = 0; index < RECOVERY_GROUP_LENGTH; index += 1) {
      text += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    }
    groups.push(text);
  }
  return groups.join('-');
}

/** A fresh set of distinct recovery codes. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    codes.add(generateRecoveryCode());
  }
  return [...codes];
}

/**
 * The canonical form (`xxxx-xxxx-xxxx`) of a recovery code as a person typed it: any case,
 * with or without dashes and spaces. Null when it cannot be a recovery code at all.
 */
export function normaliseRecoveryCode(typed: string): string | null {
  const plain = typed.toLowerCase().replace(/[\s-]/g, '');
  const length = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;
  if (plain.length !== length || [...plain].some((char) => !RECOVERY_ALPHABET.includes(char))) {
    return null;
  }
  const groups: string[] = [];
  for (let start = 0; start < length; start += RECOVERY_GROUP_LENGTH) {
    groups.push(plain.slice(start, start + RECOVERY_GROUP_LENGTH));
  }
  return groups.join('-');
}
