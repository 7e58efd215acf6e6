import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import {
  checkPassword,
  PASSWORD_PROBLEM_MESSAGES,
  type PasswordProblem,
} from '../../domain/accounts/password-policy.ts';
import { AppError } from '../../domain/errors/error-codes.ts';

/**
 * argon2id with the OWASP-recommended minimum cost (19 MiB, 2 iterations, 1 lane), which is
 * also @node-rs/argon2's default; the parameters travel inside each PHC string, so raising them
 * later re-hashes nobody by force and old hashes still verify.
 */
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody has, verified when the e-mail is unknown so that a sign-in for an
 * unknown address takes as long as one for a known address (no account enumeration by timing).
 */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-that-never-matches-anything');
  return decoyHash;
}

/** ~49,000 common and breached passwords shipped with @zxcvbn-ts/language-common. */
let common: ReadonlySet<string> | null = null;
function isCommonPassword(candidate: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return common.has(candidate);
}

/** Throws VALIDATION_FAILED naming `field` when the password breaks the policy. */
export function assertAcceptablePassword(password: string, email: string, field: string): void {
  const problem: PasswordProblem | null = checkPassword(password, isCommonPassword, {
    words: [email.split('@')[0] ?? '', 'ctpat', 'openctpat'],
  });
  if (problem) {
    throw new AppError('VALIDATION_FAILED', 'The password is not acceptable', {
      issues: [{ path: field, message: PASSWORD_PROBLEM_MESSAGES[problem] }],
    });
  }
}
