import { count, type IdentifierResult, validateFixedDigits } from './identifier-result.ts';

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
  return validateFixedDigits(raw, {
    code: 'duns',
    length: 9,
    labels: LABELS,
    messages: DUNS_MESSAGES,
  });
}
