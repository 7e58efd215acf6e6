/**
 * The 27 member states of the European Union (ISO 3166-1 alpha-2; Greece is GR here, not the
 * EU's own "EL"), as listed in Article 52 of the Treaty on European Union since the United
 * Kingdom left on 31 January 2020. The CBP–EU mutual recognition arrangement (mra-programs.ts,
 * `eu-aeo`) covers AEOs certified by any of them, so a partner under the EU program may be in
 * any of these countries. Update this list when membership changes.
 */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/** The program's country code that stands for the whole European Union. */
export const EUROPEAN_UNION_CODE = 'EU';

/**
 * Whether a partner in `partnerCountryCode` can hold a certification under a program of
 * `programCountryCode`: the same country, or any member state for the EU program.
 */
export function partnerCountryMatchesProgram(
  programCountryCode: string,
  partnerCountryCode: string,
): boolean {
  if (programCountryCode === EUROPEAN_UNION_CODE) {
    return EU_MEMBER_STATES.has(partnerCountryCode);
  }
  return programCountryCode === partnerCountryCode;
}
