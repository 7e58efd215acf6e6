import {
  cleanInput,
  count,
  type IdentifierResult,
  invalid,
  isAllZeros,
  isDigits,
  problem,
  stripLeadingLabel,
  valid,
} from './identifier-result.ts';

/**
 * U.S. DOT number (FMCSA).
 *
 * Source: ../shared/domain/identifiers-and-clocks.md "Identifiers": digits only; current numbers
 * have 7 or more digits (CBP's highway-carrier page still says 6, which is out of date).
 *
 * Documented choices:
 * - 1 to 8 digits are accepted (older, shorter numbers are still in use); fewer than 7 is a
 *   warning, not a problem. The upper bound of 8 is a choice with headroom over today's 7-digit
 *   numbers, not a published limit.
 * - Leading zeros are removed (with a warning), so "0123456" and "123456" store the same value.
 * - A leading "USDOT", "US DOT" or "DOT" label, with "No.", "#" or ":", is removed, and so are
 *   spaces, hyphens and thousands separators between digits.
 */

export const USDOT_MESSAGES = {
  characters: 'a USDOT number has only digits',
  zero: 'a USDOT number is never zero',
  length: (digits: number) =>
    `a USDOT number has at most 8 digits; this has ${count(digits, 'digit')}`,
  short: 'current USDOT numbers have 7 or more digits: check that no digit is missing',
  leadingZeros: 'leading zeros were removed',
} as const;

const LABELS = ['USDOT', 'US DOT', 'US-DOT', 'DOT'];

export function validateUsdotNumber(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const digits = stripLeadingLabel(cleaned, LABELS).replace(/[\s,.-]/g, '');
  if (!isDigits(digits)) {
    return invalid(problem('usdot_characters', USDOT_MESSAGES.characters));
  }
  if (isAllZeros(digits)) {
    return invalid(problem('usdot_zero', USDOT_MESSAGES.zero));
  }
  const value = digits.replace(/^0+/, '');
  if (value.length > 8) {
    return invalid(problem('usdot_length', USDOT_MESSAGES.length(value.length)));
  }
  const warnings: string[] = [];
  if (value !== digits) warnings.push(USDOT_MESSAGES.leadingZeros);
  if (value.length < 7) warnings.push(USDOT_MESSAGES.short);
  return valid(value, warnings);
}
