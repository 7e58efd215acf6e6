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
 * Manufacturer identification code (MID), 19 CFR Part 102, Appendix ("Textile and Apparel
 * Manufacturer Identification"): a validator and a builder.
 *
 * Verified against the Appendix's own text (eCFR, https://ecfr.io/Title-19/Part-102/Appendix,
 * read through the search tool; also summarised in ../shared/domain/identifiers-and-clocks.md
 * and trade-compliance-protests-exams.md §3.5):
 * - up to 15 characters, no spaces;
 * - the first 2 characters are the ISO code of the country of origin; "CA" is not valid:
 *   Canada uses the province codes in CANADIAN_PROVINCE_CODES (all 13 codes are the
 *   Appendix's own list; the shared documents quote XO, XQ, XC and XV);
 * - then the first three characters of each of the first two "words" of the manufacturer's
 *   name; a one-word name gives only its first three characters ("Amalgamated Plastics Corp."
 *   → AMAPLA, "Bergstrom" → BER; note: three, not six);
 * - two or more initials together are treated as a single word ("A.B.C. Company" and
 *   "A B C Company" → ABCCOM, "O.A.S.I.S. Corp." → OASCOR; the text read stopped there, so
 *   the further examples "Dr. Martin Luther King Jr. Inc." → DRMAR and "Shavings B L Inc." →
 *   SHABL, used in the tests, are the Appendix as remembered, not as read);
 * - words such as "Company" and "Corp." are NOT skipped: the Appendix's own examples use them;
 * - the English words "a", "an", "and", "of" and "the" are ignored (the shared documents name
 *   "the", "and", "of"; "a" and "an" come from the brief and the Appendix as remembered);
 * - then the largest number on the street address line, at most its first 4 digits;
 * - then the first three letters of the city.
 *
 * From a secondary source (FedEx's MID page, which paraphrases the Appendix; medium confidence):
 * "11455 Main Street Suite 9999" → 1145 (the largest number, cut to its first four digits, not
 * the largest four-digit number); digits joined by commas or hyphens form one number
 * ("12,34,56 Akasaka Road" → 1234); a street named by a number ("7 12th Street") does not
 * count, which is implemented for ordinal street numbers (1st, 2nd, 3rd, 12th ...).
 *
 * Documented choices (not settled by the sources):
 * - Punctuation in the name is dropped; periods, apostrophes and hyphens join what they
 *   separate ("O'Neil" → ONEIL, "Rawles-Aden" and "Rawles - Aden" → RAWLESADEN, one word);
 *   other punctuation (commas, "&", "/", brackets) separates words.
 * - Accented letters are folded to A–Z (é → E); other characters (non-Latin scripts) are left
 *   out with a warning: the name must be given as written in Latin letters on the invoice.
 * - A lone single letter that is "A" is the article; a single letter on its own that is not
 *   next to another single letter is a word of its own.
 * - Leading zeros of the address number are dropped ("No. 007" → 7).
 * - The builder also takes ISO 3166-2 province codes (ON, QC, BC, ...) for Canada and maps
 *   them to the Appendix's X-codes (ISO 3166-2:CA is background knowledge).
 * - The validator checks structure only: 2 letters, then letters and digits, ending with a
 *   letter (the city), 4 to 15 characters. Country codes are not checked against the ISO list
 *   (no list in the domain yet); an X-code other than a province code is a warning.
 */

/** The Appendix's Canadian province and territory codes (§2 of the Appendix). */
export const CANADIAN_PROVINCE_CODES = {
  XA: 'Alberta',
  XB: 'New Brunswick',
  XC: 'British Columbia',
  XM: 'Manitoba',
  XN: 'Nova Scotia',
  XO: 'Ontario',
  XP: 'Prince Edward Island',
  XQ: 'Quebec',
  XS: 'Saskatchewan',
  XT: 'Northwest Territories',
  XV: 'Nunavut',
  XW: 'Newfoundland (Labrador)',
  XY: 'Yukon Territory',
} as const;

export type CanadianProvinceCode = keyof typeof CANADIAN_PROVINCE_CODES;

/** ISO 3166-2:CA subdivision codes → the Appendix's codes (background knowledge, see above). */
const ISO_PROVINCE_TO_MID: Readonly<Record<string, CanadianProvinceCode>> = {
  AB: 'XA',
  NB: 'XB',
  BC: 'XC',
  MB: 'XM',
  NS: 'XN',
  ON: 'XO',
  PE: 'XP',
  QC: 'XQ',
  SK: 'XS',
  NT: 'XT',
  NU: 'XV',
  NL: 'XW',
  YT: 'XY',
};

export function isCanadianProvinceCode(code: string): code is CanadianProvinceCode {
  return Object.hasOwn(CANADIAN_PROVINCE_CODES, code);
}

const PROVINCE_LIST = Object.keys(CANADIAN_PROVINCE_CODES).join(', ');

export const MID_MESSAGES = {
  characters: 'a MID has only letters A to Z and digits, with no spaces',
  tooLong: (characters: number) =>
    `a MID has at most 15 characters; this has ${count(characters, 'character')}`,
  tooShort: 'a MID has a 2-letter country code, letters from the name and letters from the city',
  country: 'a MID starts with the 2-letter ISO code of the country of origin',
  canada: `"CA" is not valid in a MID: Canadian manufacturers use their province code (${PROVINCE_LIST})`,
  cityLetters: 'a MID ends with letters from the city name',
  unknownXCode: (code: string) =>
    `${code} is not one of the Canadian province codes used in MIDs (${PROVINCE_LIST}): check the country code`,
  // Builder
  builderCountry: 'must be a 2-letter ISO country code, e.g. CN',
  builderProvinceRequired: `a Canadian manufacturer's MID uses the province code: give one of ${PROVINCE_LIST} (or ON, QC, BC ...)`,
  builderProvinceUnknown: `is not a Canadian province code: use one of ${PROVINCE_LIST} (or ON, QC, BC ...)`,
  builderProvinceIgnored: 'the province code was ignored: only Canadian MIDs use a province code',
  builderNameEmpty: 'has no letters or digits to build the MID from',
  builderCityEmpty: 'has no letters to build the MID from',
  builderNotLatin:
    'some characters are not Latin letters or digits and were left out: use the name as written in Latin letters on the invoice',
  builderNotText: 'must be text',
} as const;

const M = MID_MESSAGES;

/**
 * Validates a MID's structure (see the choices above). Canonical value: upper case, spaces,
 * hyphens and dots removed.
 */
export function validateManufacturerIdentificationCode(raw: unknown): IdentifierResult {
  const cleaned = cleanInput(raw);
  if (typeof cleaned !== 'string') {
    return cleaned;
  }
  const mid = cleaned.replace(/[\s.-]/g, '');
  if (!/^[A-Z0-9]+$/.test(mid)) {
    return invalid(problem('mid_characters', M.characters));
  }
  if (mid.length > 15) {
    return invalid(problem('mid_too_long', M.tooLong(mid.length)));
  }
  const country = mid.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(country)) {
    return invalid(problem('mid_country', M.country));
  }
  if (country === 'CA') {
    return invalid(problem('mid_canada', M.canada));
  }
  const problems: IdentifierProblem[] = [];
  if (mid.length < 4) {
    problems.push(problem('mid_too_short', M.tooShort));
  } else if (!/[A-Z]$/.test(mid)) {
    problems.push(problem('mid_city_letters', M.cityLetters));
  }
  const [first, ...more] = problems;
  if (first !== undefined) {
    return invalid(first, ...more);
  }
  const warnings: string[] = [];
  if (country.startsWith('X') && !isCanadianProvinceCode(country)) {
    warnings.push(M.unknownXCode(country));
  }
  return valid(mid, warnings);
}

// ---------------------------------------------------------------------------------------------
// Builder

export interface MidInput {
  /** ISO 3166-1 alpha-2 country of origin (CA for Canada, or directly a province X-code). */
  countryCode: string;
  /** Canada only: the Appendix's X-code (XO) or the ISO 3166-2 code (ON). */
  provinceCode?: string | null;
  manufacturerName: string;
  /** The street address line (not the city or postal-code line). */
  streetAddress: string;
  city: string;
}

export type MidInputField = keyof MidInput;

export interface MidBuildProblem extends IdentifierProblem {
  /** The input field the problem is about, for `body.<field>: <message>`. */
  field: MidInputField;
}

export interface MidBuildStep {
  part: 'country' | 'name' | 'address' | 'city';
  /** What the step read, after clean-up. */
  input: string;
  /** What it contributed to the MID (may be empty, e.g. no number in the address). */
  output: string;
  /** The rule applied, in plain English, for display next to the result. */
  explanation: string;
}

export type MidBuildResult =
  | { ok: true; value: string; warnings: string[]; steps: MidBuildStep[] }
  | { ok: false; problems: MidBuildProblem[] };

const IGNORED_NAME_WORDS: ReadonlySet<string> = new Set(['A', 'AN', 'AND', 'OF', 'THE']);

/** Latin letters that do not decompose into a base letter and an accent. */
const LATIN_EXTRAS: Readonly<Record<string, string>> = {
  Æ: 'AE',
  Œ: 'OE',
  Ø: 'O',
  Ł: 'L',
  Đ: 'D',
  Ð: 'D',
  Þ: 'TH',
  Ħ: 'H',
  Ŀ: 'L',
  Ŧ: 'T',
};

/**
 * Folds accents (é → E) and the Latin letters above, turns dash-like characters into "-" and
 * upper-cases; keeps every other character as it is.
 */
function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[ÆŒØŁĐÐÞĦĿŦ]/g, (letter) => LATIN_EXTRAS[letter] ?? letter)
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-');
}

/** True when the text has letters or digits outside A–Z and 0–9 (after folding accents). */
function hasNonLatin(folded: string): boolean {
  return /[\p{L}\p{N}]/u.test(folded.replace(/[A-Z0-9]/g, ''));
}

/** The name's words after the Appendix's rules (initials grouped, small words ignored). */
export function midNameWords(manufacturerName: string): string[] {
  const joined = foldLatin(manufacturerName)
    // Periods, apostrophes and hyphens (spaced or not) join what they separate.
    .replace(/\s*-\s*/g, '')
    .replace(/['’.]/g, '');
  const tokens = joined
    .replace(/[^A-Z0-9]+/g, ' ')
    .split(' ')
    .filter((token) => token.length > 0);
  // Two or more single characters in a row are initials: one word.
  const grouped: { word: string; initials: boolean }[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) {
      grouped.push({ word: run.join(''), initials: true });
    } else if (run.length === 1) {
      grouped.push({ word: run.join(''), initials: false });
    }
    run = [];
  };
  for (const token of tokens) {
    if (token.length === 1) {
      run.push(token);
    } else {
      flush();
      grouped.push({ word: token, initials: false });
    }
  }
  flush();
  return grouped
    .filter((entry) => entry.initials || !IGNORED_NAME_WORDS.has(entry.word))
    .map((entry) => entry.word);
}

/** The number part: the largest number on the street line, first 4 digits, or "". */
export function midAddressNumber(streetAddress: string): string {
  const text = foldLatin(streetAddress)
    // Digits joined by commas or hyphens are one number: "12,34,56" and "12-34" → 123456, 1234.
    .replace(/([0-9])[,-](?=[0-9])/g, '$1');
  let largest = '';
  for (const match of text.matchAll(/[0-9]+/g)) {
    const after = text.slice((match.index ?? 0) + match[0].length);
    // A street named by an ordinal number ("12th Street") is a name, not the address number.
    if (/^(?:ST|ND|RD|TH)(?![A-Z])/.test(after)) {
      continue;
    }
    const digits = match[0].replace(/^0+(?=[0-9])/, '');
    const larger =
      digits.length > largest.length || (digits.length === largest.length && digits > largest);
    if (larger) {
      largest = digits;
    }
  }
  return largest.slice(0, 4);
}

/** The city part: its first three letters A–Z (accents folded, digits and spaces skipped). */
export function midCityLetters(city: string): string {
  return foldLatin(city)
    .replace(/[^A-Z]/g, '')
    .slice(0, 3);
}

function resolveCountry(
  input: MidInput,
  problems: MidBuildProblem[],
  warnings: string[],
): MidBuildStep | null {
  const country = typeof input.countryCode === 'string' ? foldLatin(input.countryCode).trim() : '';
  const provinceRaw = typeof input.provinceCode === 'string' ? input.provinceCode : '';
  const province = foldLatin(provinceRaw).trim();
  if (!/^[A-Z]{2}$/.test(country)) {
    problems.push({ field: 'countryCode', code: 'mid_country', message: M.builderCountry });
    return null;
  }
  if (isCanadianProvinceCode(country)) {
    return {
      part: 'country',
      input: country,
      output: country,
      explanation: `${country} is the MID code for ${CANADIAN_PROVINCE_CODES[country]}, Canada`,
    };
  }
  if (country !== 'CA') {
    if (province.length > 0) {
      warnings.push(M.builderProvinceIgnored);
    }
    if (country.startsWith('X')) {
      warnings.push(M.unknownXCode(country));
    }
    return {
      part: 'country',
      input: country,
      output: country,
      explanation: `${country}: the ISO code of the country of origin`,
    };
  }
  if (province.length === 0) {
    problems.push({
      field: 'provinceCode',
      code: 'mid_province_required',
      message: M.builderProvinceRequired,
    });
    return null;
  }
  const code = isCanadianProvinceCode(province) ? province : ISO_PROVINCE_TO_MID[province];
  if (code === undefined) {
    problems.push({
      field: 'provinceCode',
      code: 'mid_province_unknown',
      message: M.builderProvinceUnknown,
    });
    return null;
  }
  return {
    part: 'country',
    input: `CA, ${province}`,
    output: code,
    explanation: `"CA" is not used in MIDs: ${CANADIAN_PROVINCE_CODES[code]} is ${code}`,
  };
}

function nameStep(words: string[]): MidBuildStep {
  const [first = '', second] = words;
  if (second === undefined) {
    return {
      part: 'name',
      input: first,
      output: first.slice(0, 3),
      explanation: 'one word in the name: its first three characters',
    };
  }
  return {
    part: 'name',
    input: `${first} ${second}`,
    output: first.slice(0, 3) + second.slice(0, 3),
    explanation:
      'the first three characters of each of the first two words (initials together count as one word; "a", "an", "and", "of" and "the" are ignored)',
  };
}

/**
 * Builds a MID from the manufacturer's country, name, street address line and city, returning
 * the MID and the steps taken (for display). The result always passes
 * validateManufacturerIdentificationCode.
 */
export function buildMid(input: MidInput): MidBuildResult {
  const problems: MidBuildProblem[] = [];
  const warnings: string[] = [];
  const text = (value: unknown, field: MidInputField): string => {
    if (typeof value === 'string') return value;
    problems.push({ field, code: 'not_text', message: M.builderNotText });
    return '';
  };
  const name = text(input.manufacturerName, 'manufacturerName');
  const street = typeof input.streetAddress === 'string' ? input.streetAddress : '';
  const city = text(input.city, 'city');

  const countryStep = resolveCountry(input, problems, warnings);

  const words = midNameWords(name);
  if (words.length === 0 && typeof input.manufacturerName === 'string') {
    problems.push({
      field: 'manufacturerName',
      code: 'mid_name_empty',
      message: M.builderNameEmpty,
    });
  }
  const cityLetters = midCityLetters(city);
  if (cityLetters.length === 0 && typeof input.city === 'string') {
    problems.push({ field: 'city', code: 'mid_city_empty', message: M.builderCityEmpty });
  }
  if (countryStep === null || problems.length > 0) {
    // resolveCountry records a problem whenever it returns null.
    return { ok: false, problems };
  }
  if (hasNonLatin(foldLatin(name)) || hasNonLatin(foldLatin(city))) {
    warnings.push(M.builderNotLatin);
  }
  const number = midAddressNumber(street);
  const steps: MidBuildStep[] = [
    countryStep,
    nameStep(words),
    {
      part: 'address',
      input: street.trim(),
      output: number,
      explanation:
        number.length === 0
          ? 'no number on the street address line: this part is left out'
          : 'the largest number on the street address line, at most its first four digits',
    },
    {
      part: 'city',
      input: city.trim(),
      output: cityLetters,
      explanation: 'the first three letters of the city',
    },
  ];
  const value = steps.map((step) => step.output).join('');
  return { ok: true, value, warnings, steps };
}
