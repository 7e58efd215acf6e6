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
 * D-U-N-S number (Dun & Bradstreet): 9 digits, often written `NN-NNN-NNNN`.
 *
 * Source: ../shared/domain/ctpat-program.md §2 (exporters: "documentable EIN or DUNS"); the
 * 9-digit format is D&B's published one (background knowledge). Hyphens and spaces are
 * accepted anywhere; a leading "DUNS" / "D-U-N-S" label is removed.
 *
 * Documented choice: the canonical value is the 9 digits without hyphens (the form D&B's own
 * look-ups take). No check digit is verified: D&B publishes none.
 */

export const DUNS_MESSAGES = {
  characters: 'a D-U-N-S number has only digits',
  length: (digits: number) => `a D-U-N-S number has 9 digits; this has ${count(digits, 'digit')}`,
  zero: 'a D-U-N-S number is never all zeros',
} as const;

const LABELS = ['D-U-N-S', 'DUNS', 'D U N S'];

export function validateDunsNumber(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const digits = stripLeadingLabel(cleaned, LABELS).replace(/[\s.-]/g, '');
  if (!isDigits(digits)) {
    return invalid(problem('duns_characters', DUNS_MESSAGES.characters));
  }
  if (digits.length !== 9) {
    return invalid(problem('duns_length', DUNS_MESSAGES.length(digits.length)));
  }
  if (isAllZeros(digits)) {
    return invalid(problem('duns_zero', DUNS_MESSAGES.zero));
  }
  return valid(digits);
}
