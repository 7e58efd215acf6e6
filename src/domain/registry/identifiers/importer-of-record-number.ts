import {
  cleanInput,
  type IdentifierInvalid,
  type IdentifierProblem,
  type IdentifierResult,
  invalid,
  isAllZeros,
  isDigits,
  problem,
  stripLeadingLabel,
  valid,
} from './identifier-result.ts';

/**
 * Importer of record number (19 CFR 24.5; CBP Form 5106) and the plain IRS employer
 * identification number.
 *
 * Sources: ../shared/domain/identifiers-and-clocks.md "Identifiers" and
 * trade-compliance-protests-exams.md §3.5 (CBP Form 5106, bmsi.com's copy of the form
 * instructions): an importer number is one of
 * - the IRS EIN with a 2-character suffix, `NN-NNNNNNNXX`; the suffix never uses the letters
 *   O, I or Z (verified in both documents);
 * - the SSN, `NNN-NN-NNNN`;
 * - a CBP-assigned number, `YYDDPP-NNNNN` (YY the year assigned, DDPP the district and port).
 *   An ITIN is not a valid importer number (§3.5).
 *
 * Documented choices (not settled by the documents; see the report's ADR list):
 * - An EIN without its suffix (`NN-NNNNNNN`) is accepted as an importer number and stored
 *   without a suffix: the CTPAT eligibility page asks for "IRS EIN", and inventing "00" would
 *   store a number nobody gave us.
 * - SSN rules are the SSA's published ones (background knowledge): area 000 and 666 never
 *   issued, group 00 and serial 0000 never issued; an area starting with 9 is the ITIN range,
 *   which §3.5 excludes. Each is a problem, not a warning.
 * - The IRS's list of valid EIN prefixes is not checked (not in the documents, and it changes);
 *   only the all-zero EIN is refused.
 * - The layout decides the form: 9 digits or 11 digits without any separator are ambiguous
 *   (EIN or SSN; EIN with a numeric suffix or CBP-assigned number), so they are refused with a
 *   message asking for the hyphens rather than guessed.
 */

export const IMPORTER_NUMBER_MESSAGES = {
  format:
    'must be an EIN with its 2-character suffix (NN-NNNNNNNXX), an EIN (NN-NNNNNNN), an SSN (NNN-NN-NNNN) or a CBP-assigned number (YYDDPP-NNNNN)',
  characters: 'may contain only digits, hyphens and, in an EIN suffix, letters',
  ambiguousNine:
    '9 digits without hyphens could be an EIN (NN-NNNNNNN) or an SSN (NNN-NN-NNNN): write it with its hyphens',
  ambiguousEleven:
    '11 digits without hyphens could be an EIN with a numeric suffix (NN-NNNNNNNXX) or a CBP-assigned number (YYDDPP-NNNNN): write it with its hyphens',
  einDigits: 'an EIN has 9 digits (NN-NNNNNNN) before its suffix',
  einAllZeros: 'an EIN is never all zeros',
  einSuffixCharacters: 'an EIN suffix has 2 characters, letters or digits',
  einSuffixForbiddenLetter: 'an EIN suffix never uses the letters O, I or Z',
  ssnDigits: 'an SSN has 9 digits (NNN-NN-NNNN)',
  ssnArea000: 'an SSN never starts with 000',
  ssnArea666: 'an SSN never starts with 666',
  ssnArea9:
    'an SSN never starts with 9 (numbers starting with 9 are ITINs, which are not accepted as importer numbers)',
  ssnGroup00: 'an SSN never has 00 as its middle group',
  ssnSerial0000: 'an SSN never ends with 0000',
  cbpAssignedDigits: 'a CBP-assigned importer number has 11 digits (YYDDPP-NNNNN)',
  einOnlyFormat: 'must be an EIN: 9 digits, written NN-NNNNNNN',
  einOnlyHasSuffix:
    'an EIN has 9 digits (NN-NNNNNNN): leave out the 2-character suffix of the importer number',
} as const;

const M = IMPORTER_NUMBER_MESSAGES;

export type ImporterNumberForm = 'ein_with_suffix' | 'ein' | 'ssn' | 'cbp_assigned';

/** Labels people type before the number; removed before parsing. */
const LABELS = ['IOR', 'FEIN', 'EIN', 'IRS', 'SSN', 'CBP'];

/** Splits on hyphens and spaces (cleanInput already turned every dash into "-"). */
function groupsOf(text: string): string[] {
  return text.split(/[\s-]+/).filter((group) => group.length > 0);
}

function checkEin(nine: string): IdentifierProblem[] {
  if (!isDigits(nine) || nine.length !== 9) {
    return [problem('ein_digits', M.einDigits)];
  }
  if (isAllZeros(nine)) {
    return [problem('ein_all_zeros', M.einAllZeros)];
  }
  return [];
}

function checkSuffix(suffix: string): IdentifierProblem[] {
  if (!/^[A-Z0-9]{2}$/.test(suffix)) {
    return [problem('ein_suffix_characters', M.einSuffixCharacters)];
  }
  if (/[OIZ]/.test(suffix)) {
    return [problem('ein_suffix_forbidden_letter', M.einSuffixForbiddenLetter)];
  }
  return [];
}

function checkSsn(area: string, group: string, serial: string): IdentifierProblem[] {
  if (!isDigits(area + group + serial)) {
    return [problem('ssn_digits', M.ssnDigits)];
  }
  const problems: IdentifierProblem[] = [];
  if (area === '000') problems.push(problem('ssn_area_000', M.ssnArea000));
  if (area === '666') problems.push(problem('ssn_area_666', M.ssnArea666));
  if (area.startsWith('9')) problems.push(problem('ssn_area_9', M.ssnArea9));
  if (group === '00') problems.push(problem('ssn_group_00', M.ssnGroup00));
  if (serial === '0000') problems.push(problem('ssn_serial_0000', M.ssnSerial0000));
  return problems;
}

function result(value: string, problems: IdentifierProblem[]): IdentifierResult {
  const [first, ...more] = problems;
  return first === undefined ? valid(value) : invalid(first, ...more);
}

function einWithSuffix(nine: string, suffix: string): IdentifierResult {
  return result(`${nine.slice(0, 2)}-${nine.slice(2)}${suffix}`, [
    ...checkEin(nine),
    ...checkSuffix(suffix),
  ]);
}

function ein(nine: string): IdentifierResult {
  return result(`${nine.slice(0, 2)}-${nine.slice(2)}`, checkEin(nine));
}

function ssn(area: string, group: string, serial: string): IdentifierResult {
  return result(`${area}-${group}-${serial}`, checkSsn(area, group, serial));
}

function cbpAssigned(first: string, second: string): IdentifierResult {
  if (!isDigits(first + second)) {
    return invalid(problem('cbp_assigned_digits', M.cbpAssignedDigits));
  }
  return valid(`${first}-${second}`);
}

/** Cleans and splits the input, or returns the failure. */
function prepare(raw: unknown): string[] | IdentifierInvalid {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const text = stripLeadingLabel(cleaned, LABELS);
  if (!/^[0-9A-Z\s-]+$/.test(text)) {
    return invalid(problem('importer_number_characters', M.characters));
  }
  return groupsOf(text);
}

/**
 * Validates an importer of record number in any of its forms. Canonical values:
 * `NN-NNNNNNNXX`, `NN-NNNNNNN`, `NNN-NN-NNNN`, `YYDDPP-NNNNN`.
 */
export function validateImporterOfRecordNumber(raw: unknown): IdentifierResult {
  const groups = prepare(raw);
  if (!Array.isArray(groups)) {
    return groups;
  }
  const [a = '', b = '', c = ''] = groups;
  const layout = groups.map((group) => group.length).join(',');
  switch (layout) {
    case '2,9': // 12-3456789AB
      return einWithSuffix(a + b.slice(0, 7), b.slice(7));
    case '2,7,2': // 12-3456789-AB
      return einWithSuffix(a + b, c);
    case '2,7': // 12-3456789
      return ein(a + b);
    case '3,2,4': // 123-45-6789
      return ssn(a, b, c);
    case '6,5': // 260101-12345
      return cbpAssigned(a, b);
    case '9':
      return isDigits(a)
        ? invalid(problem('importer_number_ambiguous', M.ambiguousNine))
        : invalid(problem('importer_number_format', M.format));
    case '11':
      if (isDigits(a)) {
        return invalid(problem('importer_number_ambiguous', M.ambiguousEleven));
      }
      // A letter can only be in an EIN suffix, so the layout is not in doubt.
      return einWithSuffix(a.slice(0, 9), a.slice(9));
    default:
      return invalid(problem('importer_number_format', M.format));
  }
}

/** Which form a canonical importer number (the `value` of a valid result) has. */
export function importerNumberForm(canonical: string): ImporterNumberForm | null {
  if (/^[0-9]{2}-[0-9]{7}[A-Z0-9]{2}$/.test(canonical)) return 'ein_with_suffix';
  if (/^[0-9]{2}-[0-9]{7}$/.test(canonical)) return 'ein';
  if (/^[0-9]{3}-[0-9]{2}-[0-9]{4}$/.test(canonical)) return 'ssn';
  if (/^[0-9]{6}-[0-9]{5}$/.test(canonical)) return 'cbp_assigned';
  return null;
}

/**
 * Validates a plain IRS employer identification number (the exporter's "documentable EIN",
 * ctpat-program.md §2). Canonical value `NN-NNNNNNN`.
 */
export function validateEin(raw: unknown): IdentifierResult {
  const groups = prepare(raw);
  if (!Array.isArray(groups)) {
    return groups;
  }
  const [a = '', b = ''] = groups;
  const layout = groups.map((group) => group.length).join(',');
  if (layout === '2,7') return ein(a + b);
  if (layout === '9' && isDigits(a)) return ein(a);
  const suffixed = layout === '2,9' || layout === '2,7,2' || (layout === '11' && !isDigits(a));
  return suffixed
    ? invalid(problem('ein_has_suffix', M.einOnlyHasSuffix))
    : invalid(problem('ein_format', M.einOnlyFormat));
}
