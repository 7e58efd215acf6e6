import {
  cleanInput,
  count,
  type IdentifierResult,
  invalid,
  isDigits,
  problem,
  valid,
  validateFixedDigits,
} from './identifier-result.ts';

/**
 * IATA codes.
 *
 * - Airline code (air carriers: "active IATA/airline code registered with CBP",
 *   ctpat-program.md §2): the 2-character IATA airline designator (letters or digits, never two
 *   digits, e.g. AA, U2, 5X) or the 3-digit IATA airline prefix (accounting code, e.g. 001).
 *   The two forms are background knowledge of IATA's published formats; the documents settle
 *   neither. A 3-letter code is an ICAO designator and is refused with a message saying so
 *   (documented choice: CBP asks for the IATA code).
 * - Organisation number (air freight consolidators: "IATA organization number (6 digits)",
 *   ctpat-program.md §2, CBP consolidator eligibility page): exactly 6 digits, as the document
 *   says. Documented choice, to verify: IATA's cargo agent codes are commonly 7 digits plus a
 *   check digit (background knowledge); if CBP means that number, this rule must change.
 */

export const IATA_MESSAGES = {
  airlineFormat:
    'an IATA airline code is a 2-character designator (letters or digits, e.g. AA or U2) or a 3-digit airline prefix (e.g. 001)',
  airlineTwoDigits: 'a 2-character IATA airline designator is never two digits',
  airlineIcao:
    'a 3-letter code is an ICAO airline designator: enter the 2-character IATA designator or the 3-digit IATA airline prefix',
  organisationCharacters: 'an IATA organisation number has only digits',
  organisationLength: (digits: number) =>
    `an IATA organisation number has 6 digits; this has ${count(digits, 'digit')}`,
  organisationZero: 'an IATA organisation number is never all zeros',
} as const;

export function validateIataAirlineCode(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const code = cleaned.replace(/[\s.-]/g, '');
  if (/^[A-Z0-9]{2}$/.test(code)) {
    return isDigits(code)
      ? invalid(problem('iata_airline_code_two_digits', IATA_MESSAGES.airlineTwoDigits))
      : valid(code);
  }
  if (/^[0-9]{3}$/.test(code)) {
    return valid(code);
  }
  if (/^[A-Z]{3}$/.test(code)) {
    return invalid(problem('iata_airline_code_icao', IATA_MESSAGES.airlineIcao));
  }
  return invalid(problem('iata_airline_code_format', IATA_MESSAGES.airlineFormat));
}

export function validateIataOrganisationNumber(raw: unknown): IdentifierResult {
  return validateFixedDigits(raw, {
    code: 'iata_organisation_number',
    length: 6,
    labels: ['IATA'],
    messages: {
      characters: IATA_MESSAGES.organisationCharacters,
      length: IATA_MESSAGES.organisationLength,
      zero: IATA_MESSAGES.organisationZero,
    },
  });
}
