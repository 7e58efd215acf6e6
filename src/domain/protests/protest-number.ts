import {
  cleanInput,
  count,
  type IdentifierProblem,
  isAllZeros,
  problem,
  stripLeadingLabel,
} from '../registry/identifiers/identifier-result.ts';

/**
 * CBP protest numbers: port (4 digits) + year + serial (6 digits).
 *
 * Source: ../shared/domain/identifiers-and-clocks.md "Identifiers" and
 * trade-compliance-protests-exams.md §2.7: ACE-era numbers carry a 4-digit year
 * (`PPPP-YYYY-NNNNNN`, seen in CBP rulings HQ H298167 and H298171); pre-ACE numbers a 2-digit
 * year (`PPPP-YY-NNNNNN`, e.g. 2704-93-103961, 3004-01-100052); both are printed with or without
 * hyphens (550107100546 = 5501-07-100546). Every form is accepted when recording an existing
 * protest; new protests are assigned the ACE form (`formatAceProtestNumber`).
 *
 * Reading: spaces and hyphens (any dash) separate the groups, a leading "Protest No." label is
 * dropped. Without separators the length decides: 14 digits ACE, 12 pre-ACE. With separators
 * the groups must be 4-4-6 or 4-2-6; any other grouping is refused rather than guessed.
 * A port or serial of all zeros is refused (no such port or protest).
 *
 * Two-digit years (ADR 0024): a pre-ACE number was issued before the ACE Protest Module took
 * over protest filing (deployed 27 August 2016; ABI/ACS electronic protest filing retired), so
 * its year cannot be later than 2016. Pivot: `00`–`16` are 2000–2016 and `17`–`99` are
 * 1917–1999. A fixed pivot tied to the event that ended the 2-digit form, not a sliding window
 * on today's date, so a stored number never changes meaning as time passes. The canonical
 * value of a pre-ACE number keeps its 2-digit year: it is the number CBP issued.
 *
 * A 4-digit year before 2016 is accepted with a warning (ACE numbers start in 2016; someone may
 * have widened an old number by hand). Years before 1900 are refused.
 */

export const PROTEST_NUMBER_FORMS = ['ace', 'pre_ace'] as const;
export type ProtestNumberForm = (typeof PROTEST_NUMBER_FORMS)[number];

export interface ProtestNumber {
  /** 4 digits: 2-digit district + 2-digit port, e.g. "2704". */
  readonly port: string;
  /** Always 4 digits, whatever the form. */
  readonly year: number;
  /** 6 digits, leading zeros kept. */
  readonly serial: string;
  readonly form: ProtestNumberForm;
}

export type ProtestNumberResult =
  | {
      readonly ok: true;
      /** Canonical spelling to store: `PPPP-YYYY-NNNNNN` or `PPPP-YY-NNNNNN`. */
      readonly value: string;
      readonly protestNumber: ProtestNumber;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly IdentifierProblem[] };

/** The last year a 2-digit (pre-ACE) protest number can stand for. */
export const LAST_PRE_ACE_PROTEST_YEAR = 2016;
export const FIRST_PROTEST_YEAR = 1900;

export const PROTEST_NUMBER_MESSAGES = {
  characters: 'a protest number has only digits, in groups separated by hyphens or spaces',
  length: (digits: number) =>
    `a protest number has 14 digits (PPPP-YYYY-NNNNNN) or, before ACE, 12 (PPPP-YY-NNNNNN); this has ${count(digits, 'digit')}`,
  grouping: (groups: string) =>
    `the digits are grouped ${groups}; a protest number is grouped 4-4-6 (PPPP-YYYY-NNNNNN) or, before ACE, 4-2-6 (PPPP-YY-NNNNNN)`,
  portZero: 'the port, the first 4 digits of a protest number, is never 0000',
  serialZero: 'the serial, the last 6 digits of a protest number, is never 000000',
  yearTooEarly: (year: number) =>
    `the year ${year} is before ${FIRST_PROTEST_YEAR}: look for a mistyped digit`,
  aceYearBeforeAce: (year: number) =>
    `protest numbers with a 4-digit year start in ${LAST_PRE_ACE_PROTEST_YEAR}; check the year ${year}, or write the number as CBP issued it`,
} as const;

const M = PROTEST_NUMBER_MESSAGES;

/** The 4-digit year of a pre-ACE 2-digit year (pivot above: 00–16 → 2000s, 17–99 → 1900s). */
export function yearOfTwoDigitYear(twoDigits: number): number {
  if (!Number.isInteger(twoDigits) || twoDigits < 0 || twoDigits > 99) {
    throw new RangeError(`A 2-digit year is 0 to 99, not ${twoDigits}`);
  }
  return twoDigits <= LAST_PRE_ACE_PROTEST_YEAR % 100 ? 2000 + twoDigits : 1900 + twoDigits;
}

function layout(groups: readonly string[]): ProtestNumberForm | IdentifierProblem {
  const digits = groups.join('');
  if (groups.length === 1) {
    if (digits.length === 14) return 'ace';
    if (digits.length === 12) return 'pre_ace';
    return problem('protest_number_length', M.length(digits.length));
  }
  const shape = groups.map((group) => group.length).join('-');
  if (shape === '4-4-6') return 'ace';
  if (shape === '4-2-6') return 'pre_ace';
  if (digits.length === 12 || digits.length === 14) {
    return problem('protest_number_grouping', M.grouping(shape));
  }
  return problem('protest_number_length', M.length(digits.length));
}

/** Reads a protest number in any historical form. Never throws. */
export function parseProtestNumber(raw: unknown): ProtestNumberResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const text = stripLeadingLabel(cleaned, ['PROTEST']).trim();
  if (!/^[0-9]+(?:[\s-]+[0-9]+)*$/.test(text)) {
    return { ok: false, problems: [problem('protest_number_characters', M.characters)] };
  }
  const groups = text.split(/[\s-]+/);
  const form = layout(groups);
  if (typeof form !== 'string') {
    return { ok: false, problems: [form] };
  }
  const digits = groups.join('');
  const yearDigits = form === 'ace' ? 4 : 2;
  const port = digits.slice(0, 4);
  const yearText = digits.slice(4, 4 + yearDigits);
  const serial = digits.slice(4 + yearDigits);
  const year = form === 'ace' ? Number(yearText) : yearOfTwoDigitYear(Number(yearText));
  const problems: IdentifierProblem[] = [];
  if (isAllZeros(port)) {
    problems.push(problem('protest_number_port_zero', M.portZero));
  }
  if (year < FIRST_PROTEST_YEAR) {
    problems.push(problem('protest_number_year', M.yearTooEarly(year)));
  }
  if (isAllZeros(serial)) {
    problems.push(problem('protest_number_serial_zero', M.serialZero));
  }
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  const warnings =
    form === 'ace' && year < LAST_PRE_ACE_PROTEST_YEAR ? [M.aceYearBeforeAce(year)] : [];
  return {
    ok: true,
    value: `${port}-${yearText}-${serial}`,
    protestNumber: { port, year, serial, form },
    warnings,
  };
}

function requirePort(port: string): void {
  if (!/^[0-9]{4}$/.test(port) || isAllZeros(port)) {
    throw new RangeError(`A port code is 4 digits, not all zeros; got "${port}"`);
  }
}

function requireSerial(serial: string | number): string {
  const text = typeof serial === 'number' ? String(serial).padStart(6, '0') : serial;
  if (!/^[0-9]{6}$/.test(text) || isAllZeros(text)) {
    throw new RangeError(`A protest serial is 6 digits, not all zeros; got "${String(serial)}"`);
  }
  return text;
}

/**
 * The ACE form `PPPP-YYYY-NNNNNN` for a new protest. `serial` may be the number from a sequence
 * (padded to 6 digits). Throws a RangeError on a port, year or serial that cannot be one.
 */
export function formatAceProtestNumber(
  port: string,
  year: number,
  serial: string | number,
): string {
  requirePort(port);
  if (!Number.isInteger(year) || year < FIRST_PROTEST_YEAR || year > 9999) {
    throw new RangeError(`A protest year is ${FIRST_PROTEST_YEAR} to 9999, not ${year}`);
  }
  return `${port}-${year}-${requireSerial(serial)}`;
}

/** The canonical spelling of a parsed number in its own form. */
export function formatProtestNumber(number: ProtestNumber): string {
  if (number.form === 'ace') {
    return formatAceProtestNumber(number.port, number.year, number.serial);
  }
  requirePort(number.port);
  if (yearOfTwoDigitYear(number.year % 100) !== number.year) {
    throw new RangeError(`${number.year} cannot be written as a pre-ACE 2-digit year`);
  }
  return `${number.port}-${String(number.year % 100).padStart(2, '0')}-${requireSerial(number.serial)}`;
}
