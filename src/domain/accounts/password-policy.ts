/**
 * Password rules from NIST SP 800-63B §5.1.1.2: at least 12 characters here (the standard's
 * floor is 8; the issue asks 12), long passphrases allowed, no composition rules, and a check
 * against known common or breached passwords and context words. The common list is passed in
 * (the server loads it) so this rule stays pure.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Generous, to allow passphrases, but bounded so hashing cost stays bounded. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_context';

export interface PasswordContext {
  /** Words that must not appear in the password: the e-mail's local part, the product name. */
  words: readonly string[];
}

/** Length counts Unicode code points, as the standard asks, not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

export function checkPassword(
  password: string,
  isCommon: (candidate: string) => boolean,
  context: PasswordContext,
): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return 'too_short';
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return 'too_long';
  }
  const lower = password.normalize('NFC').toLowerCase();
  if (isCommon(lower)) {
    return 'common';
  }
  const tooPredictable = context.words
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= 4)
    .some((word) => lower.includes(word));
  return tooPredictable ? 'contains_context' : null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  common: 'is a commonly used or breached password; choose another',
  contains_context: 'must not contain your e-mail name or the product name',
};
