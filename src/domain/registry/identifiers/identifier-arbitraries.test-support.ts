import fc from 'fast-check';
import { entryNumberCheckDigit } from './cbp-entry-number.ts';
import type { IdentifierKind } from './identifier-kinds.ts';
import { rfcCheckDigit } from './mexican-rfc.ts';

/**
 * fast-check generators of valid identifiers, for the property tests only (never imported by
 * production code). Each generator yields `{ canonical, written }`: the canonical value the
 * validator must return, and one of the ways a person might write it (lower case, spaces,
 * other hyphens, a label), which must normalise back to `canonical`.
 */
export interface WrittenIdentifier {
  canonical: string;
  written: string;
}

const DIGITS = '0123456789'.split('');
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const ALPHANUMERIC = [...LETTERS, ...DIGITS];

export const digitsOf = (length: number) =>
  fc
    .array(fc.constantFrom(...DIGITS), { minLength: length, maxLength: length })
    .map((d) => d.join(''));

const lettersOf = (minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...LETTERS), { minLength, maxLength }).map((l) => l.join(''));

const alphanumericOf = (minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...ALPHANUMERIC), { minLength, maxLength }).map((c) => c.join(''));

const notAllZeros = (length: number) => digitsOf(length).filter((d) => !/^0+$/.test(d));

/** Dash-like characters that must read as "-". */
const dash = fc.constantFrom('-', '\u2013', '\u2014', '\u2011', '\u2212', ' - ');

/** Surrounding white space and letter case, applied to any written form. */
function decorate(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.boolean(), fc.constantFrom('', ' ', '  ', '\t'), fc.constantFrom('', ' ', '\n'))
    .map(([t, lower, before, after]) => `${before}${lower ? t.toLowerCase() : t}${after}`);
}

function written(
  canonical: fc.Arbitrary<string>,
  variants: (canonical: string) => fc.Arbitrary<string>,
): fc.Arbitrary<WrittenIdentifier> {
  return canonical.chain((c) => decorate(variants(c)).map((w) => ({ canonical: c, written: w })));
}

const SUFFIX_CHARACTERS = ALPHANUMERIC.filter((c) => !['O', 'I', 'Z'].includes(c));

const einWithSuffix = written(
  fc
    .tuple(
      notAllZeros(9),
      fc.array(fc.constantFrom(...SUFFIX_CHARACTERS), { minLength: 2, maxLength: 2 }),
    )
    .map(([nine, suffix]) => `${nine.slice(0, 2)}-${nine.slice(2)}${suffix.join('')}`),
  (c) => {
    const [head = '', tail = ''] = c.split('-');
    const forms = [
      fc.constant(c),
      dash.map((d) => `${head}${d}${tail}`),
      dash.map((d) => `${head}${d}${tail.slice(0, 7)}${d}${tail.slice(7)}`),
      fc.constant(`IOR ${c}`),
    ];
    // Without hyphens the layout is only certain when the suffix has a letter.
    return /[A-Z]/.test(tail.slice(7))
      ? fc.oneof(...forms, fc.constant(head + tail))
      : fc.oneof(...forms);
  },
);

const ssn = written(
  fc
    .tuple(
      fc.integer({ min: 1, max: 899 }).filter((area) => area !== 666),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 1, max: 9999 }),
    )
    .map(
      ([area, group, serial]) =>
        `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`,
    ),
  (c) => dash.map((d) => c.replaceAll('-', d)),
);

const cbpAssigned = written(
  fc.tuple(digitsOf(6), digitsOf(5)).map(([a, b]) => `${a}-${b}`),
  (c) => dash.map((d) => c.replace('-', d)),
);

const einPlain = written(
  notAllZeros(9).map((nine) => `${nine.slice(0, 2)}-${nine.slice(2)}`),
  (c) =>
    fc.oneof(
      fc.constant(c.replace('-', '')),
      dash.map((d) => c.replace('-', d)),
      fc.constant(`EIN: ${c}`),
    ),
);

/** As an importer number, 9 digits without a hyphen are ambiguous (EIN or SSN): not used. */
const einAsImporterNumber = written(
  notAllZeros(9).map((nine) => `${nine.slice(0, 2)}-${nine.slice(2)}`),
  (c) =>
    fc.oneof(
      fc.constant(c),
      dash.map((d) => c.replace('-', d)),
      fc.constant(`EIN ${c}`),
    ),
);

const importerOfRecordNumber = fc.oneof(einWithSuffix, ssn, cbpAssigned, einAsImporterNumber);

const duns = written(notAllZeros(9), (c) =>
  fc.oneof(
    fc.constant(c),
    dash.map((d) => `${c.slice(0, 2)}${d}${c.slice(2, 5)}${d}${c.slice(5)}`),
    fc.constant(`D-U-N-S ${c}`),
    fc.constant(`DUNS# ${c}`),
  ),
);

const scac = written(lettersOf(2, 4), (c) => fc.constant(c));

const usdot = written(fc.integer({ min: 1, max: 99_999_999 }).map(String), (c) =>
  fc.oneof(
    fc.constant(c),
    fc.constant(`USDOT ${c}`),
    fc.constant(`DOT# ${c}`),
    fc.constant(`US DOT No. ${c}`),
    fc.constant(`00${c}`),
  ),
);

const sixDigitsWithFmcLabel = written(notAllZeros(6), (c) =>
  fc.oneof(
    fc.constant(c),
    fc.constant(`FMC ${c}`),
    fc.constant(`FMC No. ${c}`),
    fc.constant(`${c.slice(0, 3)} ${c.slice(3)}`),
  ),
);

const iataAirlineCode = written(
  fc.oneof(
    alphanumericOf(2, 2).filter((c) => !/^[0-9]{2}$/.test(c)),
    digitsOf(3),
  ),
  (c) => fc.constant(c),
);

const iataOrganisationNumber = written(notAllZeros(6), (c) =>
  fc.oneof(fc.constant(c), fc.constant(`IATA ${c}`)),
);

const brokerLicence = written(notAllZeros(5), (c) =>
  fc.oneof(fc.constant(c), fc.constant(`License No. ${c}`), fc.constant(`#${c}`)),
);

const filerCode = written(alphanumericOf(3, 3), (c) => fc.constant(c));

const entryNumber = written(
  fc.tuple(alphanumericOf(3, 3), digitsOf(7)).map(([filer, transaction]) => {
    const first = filer + transaction;
    return `${filer}-${transaction}-${entryNumberCheckDigit(first)}`;
  }),
  (c) =>
    fc.oneof(
      fc.constant(c),
      fc.constant(c.replaceAll('-', '')),
      dash.map((d) => c.replaceAll('-', d)),
      fc.constant(c.replaceAll('-', ' ')),
    ),
);

const COUNTRY = lettersOf(2, 2).filter((c) => c !== 'CA' && !c.startsWith('X'));

const mid = written(
  fc
    .tuple(
      COUNTRY,
      alphanumericOf(1, 6),
      fc.oneof(fc.constant(''), notAllZeros(4)),
      lettersOf(1, 3),
    )
    .map(([country, name, number, city]) => `${country}${name}${number}${city}`),
  (c) => fc.oneof(fc.constant(c), fc.constant(`${c.slice(0, 2)} ${c.slice(2)}`)),
);

const RFC_NAME_LETTERS = [...LETTERS, 'Ñ', '&'];

const rfcDate = fc
  .tuple(
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .filter(([yy, mm, dd]) => {
    const days = [31, yy % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1] ?? 0;
    return dd <= days;
  })
  .map(([yy, mm, dd]) => [yy, mm, dd].map((n) => String(n).padStart(2, '0')).join(''));

export const validRfc = fc
  .tuple(
    fc.constantFrom(3, 4),
    fc.array(fc.constantFrom(...RFC_NAME_LETTERS), { minLength: 4, maxLength: 4 }),
    rfcDate,
    alphanumericOf(2, 2),
  )
  .map(([nameLength, name, date, homoclave]) => {
    const first = name.slice(0, nameLength).join('') + date + homoclave;
    return first + (rfcCheckDigit(first) ?? '0');
  });

const rfc = written(validRfc, (c) => {
  const nameLength = c.length - 9;
  const spaced = `${c.slice(0, nameLength)} ${c.slice(nameLength, nameLength + 6)} ${c.slice(nameLength + 6)}`;
  return fc.oneof(fc.constant(c), fc.constant(spaced), fc.constant(spaced.replaceAll(' ', '-')));
});

const sct = written(alphanumericOf(1, 20), (c) =>
  fc.oneof(fc.constant(c), fc.constant(c.length > 1 ? `${c.slice(0, 1)}-${c.slice(1)}` : c)),
);

/** A valid identifier of each kind, with a way of writing it. */
export const WRITTEN_IDENTIFIERS: {
  readonly [K in IdentifierKind]: fc.Arbitrary<WrittenIdentifier>;
} = {
  importer_of_record_number: importerOfRecordNumber,
  ein: einPlain,
  duns_number: duns,
  scac,
  usdot_number: usdot,
  fmc_organisation_number: sixDigitsWithFmcLabel,
  fmc_marine_terminal_operator_number: sixDigitsWithFmcLabel,
  iata_airline_code: iataAirlineCode,
  iata_organisation_number: iataOrganisationNumber,
  customs_broker_licence_number: brokerLicence,
  entry_filer_code: filerCode,
  manufacturer_identification_code: mid,
  mexican_rfc: rfc,
  sct_permit_number: sct,
  cbp_entry_number: entryNumber,
};

/** Strings people (and attackers) might send: anything, biased towards identifier-like text. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom(...ALPHANUMERIC, '-', ' ', '.', '#', 'Ñ', '&', 'ñ', '\u2013'),
    maxLength: 20,
  }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);
