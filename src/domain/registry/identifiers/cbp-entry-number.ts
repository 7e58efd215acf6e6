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
 * CBP entry number and entry filer code.
 *
 * Source: ../shared/domain/identifiers-and-clocks.md "Identifiers" (CBP Form 7501
 * instructions, Appendix 1; CATAIR Appendix E) and trade-compliance-protests-exams.md §3.5:
 * `XXX-NNNNNNN-C` = 3-character entry filer code + 7-digit transaction number (leading zeros
 * kept) + 1 check digit computed on the first 10 characters:
 * 1. letters become digits: A–I → 1–9, J–R → 1–9, S–Z → 2–9 (the IBM zone-digit table; the
 *    document rates the letter table medium confidence);
 * 2. the digits in positions 2, 4, 6, 8 and 10 from the left are doubled, a doubled value above
 *    9 counting as the sum of its digits;
 * 3. the ten values are added; check digit = (10 − sum mod 10) mod 10.
 * The document verified the algorithm on real entry numbers published in CBP rulings.
 *
 * Filer codes follow one of the patterns NNN, ANN, AAN, AAA, ANA, NAN, NNA, NAA (A a letter,
 * N a digit). Those eight patterns are every combination of letter and digit in three places,
 * so the rule is simply "3 letters or digits, no special characters".
 *
 * Normalisation: spaces, hyphens and dots anywhere are dropped and the canonical hyphens put
 * back, so "abc12345675", "ABC 1234567 5" and "ABC-1234567-5" are one value.
 * A wrong check digit is a problem (not a warning): the algorithm is verified, and a wrong
 * check digit almost always means a mistyped number.
 */

export const ENTRY_NUMBER_MESSAGES = {
  characters: 'an entry number has only letters, digits and hyphens',
  length: (characters: number) =>
    `an entry number has 11 characters (XXX-NNNNNNN-C); this has ${count(characters, 'character')}`,
  filerCode: 'the first 3 characters of an entry number, the filer code, are letters or digits',
  transaction: 'characters 4 to 10 of an entry number, the transaction number, are digits',
  checkCharacter: 'the last character of an entry number, the check digit, is a digit',
  checkDigit: (expected: number, given: string) =>
    `the check digit should be ${expected}, not ${given}: look for a mistyped character`,
  filerCodeCharacters: 'a filer code has only letters and digits',
  filerCodeLength: (characters: number) =>
    `a filer code has 3 letters or digits; this has ${count(characters, 'character')}`,
} as const;

const M = ENTRY_NUMBER_MESSAGES;

/** The digit a filer-code character stands for (letters per the table above). */
function digitValue(character: string): number | null {
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 73) return code - 64; // A-I → 1-9
  if (code >= 74 && code <= 82) return code - 73; // J-R → 1-9
  if (code >= 83 && code <= 90) return code - 81; // S-Z → 2-9
  return null;
}

/**
 * The check digit for the first 10 characters of an entry number (filer code + transaction
 * number, no hyphens, upper case), or null when they are not 10 letters and digits.
 */
export function entryNumberCheckDigit(firstTen: string): number | null {
  if (!/^[A-Z0-9]{10}$/.test(firstTen)) {
    return null;
  }
  let sum = 0;
  for (let index = 0; index < 10; index += 1) {
    const value = digitValue(firstTen.charAt(index));
    if (value === null) {
      return null;
    }
    // Positions 2, 4, 6, 8, 10 counted from 1 are the odd indexes counted from 0.
    const doubled = index % 2 === 1 ? value * 2 : value;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

/** `XXX-NNNNNNN-C` from 11 characters without separators. */
export function formatEntryNumber(eleven: string): string {
  return `${eleven.slice(0, 3)}-${eleven.slice(3, 10)}-${eleven.slice(10)}`;
}

export function validateCbpEntryNumber(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const text = cleaned.replace(/[\s.-]/g, '');
  if (!/^[A-Z0-9]+$/.test(text)) {
    return invalid(problem('entry_number_characters', M.characters));
  }
  if (text.length !== 11) {
    return invalid(problem('entry_number_length', M.length(text.length)));
  }
  const filerCode = text.slice(0, 3);
  const transaction = text.slice(3, 10);
  const check = text.slice(10);
  const problems: IdentifierProblem[] = [];
  // The filer code is letters and digits by construction here; the other two parts are not.
  if (!/^[0-9]{7}$/.test(transaction)) {
    problems.push(problem('entry_number_transaction', M.transaction));
  }
  if (!/^[0-9]$/.test(check)) {
    problems.push(problem('entry_number_check_character', M.checkCharacter));
  }
  const [first, ...more] = problems;
  if (first !== undefined) {
    return invalid(first, ...more);
  }
  const expected = entryNumberCheckDigit(filerCode + transaction);
  if (expected === null) {
    // Unreachable: the first ten characters were checked above. Kept as a problem, not a throw.
    return invalid(problem('entry_number_filer_code', M.filerCode));
  }
  if (String(expected) !== check) {
    return invalid(problem('entry_number_check_digit', M.checkDigit(expected, check)));
  }
  return valid(formatEntryNumber(text));
}

/** Entry filer code (customs brokers, ctpat-program.md §2): 3 letters or digits. */
export function validateEntryFilerCode(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const code = cleaned.replace(/[\s.-]/g, '');
  if (!/^[A-Z0-9]+$/.test(code)) {
    return invalid(problem('filer_code_characters', M.filerCodeCharacters));
  }
  if (code.length !== 3) {
    return invalid(problem('filer_code_length', M.filerCodeLength(code.length)));
  }
  return valid(code);
}
