import {
  cleanInput,
  count,
  type IdentifierProblem,
  type IdentifierResult,
  invalid,
  problem,
  valid,
} from './identifier-result.ts';

/**
 * Mexican RFC (Registro Federal de Contribuyentes), the SAT taxpayer number.
 *
 * Sources: ../shared/domain/ctpat-program.md §2 (CBP: 12 characters for a persona moral,
 * 13 for a persona física) and identifiers-and-clocks.md "Identifiers" (YYMMDD date inside;
 * last character a SAT check digit; validate the structure strictly, a check-digit mismatch is
 * a warning because widely used test RFCs fail it).
 *
 * Structure: 3 (company) or 4 (individual) letters from the name, where Ñ and & are letters
 * here; 6 digits YYMMDD, a real calendar date; a 3-character homoclave of letters and digits,
 * whose last character is the check digit.
 *
 * Check digit (SAT's mod-11 algorithm, as implemented and tested against a list of real RFCs
 * in python-stdnum's `stdnum/mx/rfc.py`): each of the first 11 or 12 characters takes its
 * index in "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ" (so & is 24, space 37, Ñ 38); a company's
 * 11 characters get one leading space so both kinds have 12; the values are weighted 13 down
 * to 2 and added; check = (11 − sum mod 11) mod 11, written "A" when it is 10.
 *
 * Documented choices:
 * - The century of YYMMDD is unknown (19YY or 20YY), so 29 February is a real date when YY is
 *   a multiple of 4 (2000 was a leap year).
 * - The homoclave is checked only for letters and digits: SAT's narrower alphabet for its first
 *   two characters is not applied, because real RFCs in use break it (python-stdnum's tests
 *   list some) and the brief is to accept what is plausibly valid.
 * - SAT's generic RFCs XAXX010101000 (general public) and XEXX010101000 (foreign taxpayers)
 *   are structurally valid and accepted with a warning: they are never a company's own RFC.
 * - SAT's list of replaced "inconvenient words" in the first four letters is not checked.
 * - Accents other than Ñ are not letters of an RFC: "É" is refused, not folded to "E".
 */

export const RFC_MESSAGES = {
  characters: 'an RFC has only letters (including Ñ and &) and digits',
  length: (characters: number) =>
    `an RFC has 12 characters for a company (persona moral) or 13 for an individual (persona física); this has ${count(characters, 'character')}`,
  missingHomoclave:
    'this RFC is missing its 3-character homoclave: an RFC has 12 characters for a company or 13 for an individual',
  nameLetters: (letters: number) =>
    `the first ${letters} characters of a ${letters === 3 ? '12' : '13'}-character RFC are letters from the name`,
  dateDigits: (from: number) =>
    `characters ${from} to ${from + 5} of an RFC are a date, YYMMDD, in digits`,
  dateInvalid: (yymmdd: string) => `the date in an RFC (YYMMDD) is not a real date: ${yymmdd}`,
  homoclave: 'the last 3 characters of an RFC, the homoclave, are letters or digits',
  checkDigit: (expected: string, given: string) =>
    `the RFC's check digit should be ${expected}, not ${given}: confirm the RFC with SAT (some RFCs in use do not pass this check)`,
  generic:
    "this is one of SAT's generic RFCs (general public or foreign taxpayer), not a company's own RFC",
} as const;

const M = RFC_MESSAGES;

const CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

const GENERIC_RFCS: ReadonlySet<string> = new Set(['XAXX010101000', 'XEXX010101000']);

/**
 * SAT's check digit for the first 11 (company) or 12 (individual) characters of an RFC, or
 * null when they contain a character outside the check alphabet.
 */
export function rfcCheckDigit(withoutCheckDigit: string): string | null {
  if (withoutCheckDigit.length !== 11 && withoutCheckDigit.length !== 12) {
    return null;
  }
  const padded = withoutCheckDigit.padStart(12, ' ');
  let sum = 0;
  for (let index = 0; index < 12; index += 1) {
    const value = CHECK_ALPHABET.indexOf(padded.charAt(index));
    if (value < 0) {
      return null;
    }
    sum += value * (13 - index);
  }
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

function isLeapYearTwoDigit(yy: number): boolean {
  // 19YY or 20YY: both centuries agree except for 00, where 2000 is a leap year.
  return yy % 4 === 0;
}

/** True when YYMMDD is a real date in 19YY or 20YY. */
export function isRfcDate(yymmdd: string): boolean {
  if (!/^[0-9]{6}$/.test(yymmdd)) {
    return false;
  }
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1) {
    return false;
  }
  const monthDays = [31, isLeapYearTwoDigit(yy) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return dd <= (monthDays[mm - 1] ?? 0);
}

export function validateMexicanRfc(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  // NFKC in cleanInput already composed "N" + combining tilde into "Ñ".
  const text = cleaned.replace(/[\s._-]/g, '');
  if (!/^[A-Z0-9Ñ&]+$/.test(text)) {
    return invalid(problem('rfc_characters', M.characters));
  }
  if (text.length === 10 && /^[A-ZÑ&]{4}[0-9]{6}$/.test(text)) {
    return invalid(problem('rfc_missing_homoclave', M.missingHomoclave));
  }
  if (text.length !== 12 && text.length !== 13) {
    return invalid(problem('rfc_length', M.length(text.length)));
  }
  const nameLength = text.length - 9;
  const name = text.slice(0, nameLength);
  const date = text.slice(nameLength, nameLength + 6);
  const homoclave = text.slice(nameLength + 6);
  const problems: IdentifierProblem[] = [];
  if (!/^[A-ZÑ&]+$/.test(name)) {
    problems.push(problem('rfc_name_letters', M.nameLetters(nameLength)));
  }
  if (!/^[0-9]{6}$/.test(date)) {
    problems.push(problem('rfc_date_digits', M.dateDigits(nameLength + 1)));
  } else if (!isRfcDate(date)) {
    problems.push(problem('rfc_date_invalid', M.dateInvalid(date)));
  }
  if (!/^[A-Z0-9]{3}$/.test(homoclave)) {
    problems.push(problem('rfc_homoclave', M.homoclave));
  }
  const [first, ...more] = problems;
  if (first !== undefined) {
    return invalid(first, ...more);
  }
  const warnings: string[] = [];
  const expected = rfcCheckDigit(text.slice(0, -1));
  const given = text.slice(-1);
  if (expected !== null && expected !== given) {
    warnings.push(M.checkDigit(expected, given));
  }
  if (GENERIC_RFCS.has(text)) {
    warnings.push(M.generic);
  }
  return valid(text, warnings);
}
