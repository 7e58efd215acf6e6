import { count, type IdentifierResult, validateFixedDigits } from './identifier-result.ts';

/**
 * Customs broker licence number.
 *
 * Source: ../shared/domain/ctpat-program.md §2 (CBP customs-broker eligibility page): "active
 * broker licence serial number (5 digits)". Exactly 5 digits, leading zeros kept. A leading
 * "License No." / "Licence #" label is removed. The broker's filer code, the other identifier
 * that page asks for, is `validateEntryFilerCode` in cbp-entry-number.ts.
 */

export const BROKER_LICENCE_MESSAGES = {
  characters: 'a customs broker licence number has only digits',
  length: (digits: number) =>
    `a customs broker licence number has 5 digits; this has ${count(digits, 'digit')}`,
  zero: 'a customs broker licence number is never all zeros',
} as const;

const LABELS = ['LICENSE', 'LICENCE', 'LIC'];

export function validateCustomsBrokerLicenceNumber(raw: unknown): IdentifierResult {
  return validateFixedDigits(raw, {
    code: 'broker_licence',
    length: 5,
    labels: LABELS,
    messages: BROKER_LICENCE_MESSAGES,
  });
}
