import { PASSWORD_MIN_LENGTH, passwordLength } from '../../domain/accounts/password-policy.ts';

/**
 * Checks the browser runs before sending a form: they return which rule failed, and the form
 * shows the translated message. The server applies the same rules (and more) again.
 */
export function isBlank(value: string): boolean {
  return value.trim() === '';
}

/** Loose on purpose: something@something.something; the server has the final word. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

export function isLongEnoughPassword(value: string): boolean {
  return passwordLength(value) >= PASSWORD_MIN_LENGTH;
}

export function isTotpCode(value: string): boolean {
  return /^\d{6}$/.test(value.replaceAll(/\s/g, ''));
}

/** "123 456" (as some apps show it) → "123456". */
export function normaliseTotpCode(value: string): string {
  return value.replaceAll(/\s/g, '');
}
