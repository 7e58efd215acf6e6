import { describe, expect, it } from 'vitest';
import {
  importerNumberForm,
  IMPORTER_NUMBER_MESSAGES as M,
  validateEin,
  validateImporterOfRecordNumber,
} from './importer-of-record-number.ts';

const ok = (value: string) => ({ ok: true, value, warnings: [] });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe(validateImporterOfRecordNumber.name, () => {
  it.each([
    ['12-3456789AB', '12-3456789AB'],
    ['12-345678900', '12-345678900'],
    ['12 3456789ab', '12-3456789AB'],
    ['12-3456789-AB', '12-3456789AB'],
    ['123456789AB', '12-3456789AB'],
    ['12\u20133456789A1', '12-3456789A1'],
    ['IOR: 12-3456789AB', '12-3456789AB'],
    ['12-3456789', '12-3456789'],
    ['123-45-6789', '123-45-6789'],
    ['123 45 6789', '123-45-6789'],
    ['260101-12345', '260101-12345'],
    ['260101 12345', '260101-12345'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(validateImporterOfRecordNumber(raw)).toEqual(ok(canonical));
  });

  it('classifies the canonical forms', () => {
    expect(importerNumberForm('12-3456789AB')).toBe('ein_with_suffix');
    expect(importerNumberForm('12-3456789')).toBe('ein');
    expect(importerNumberForm('123-45-6789')).toBe('ssn');
    expect(importerNumberForm('260101-12345')).toBe('cbp_assigned');
    expect(importerNumberForm('1234')).toBeNull();
  });

  it.each(['O', 'I', 'Z'])('refuses the letter %s in an EIN suffix', (letter) => {
    expect(validateImporterOfRecordNumber(`12-3456789${letter}A`)).toEqual(
      fails('ein_suffix_forbidden_letter', 'an EIN suffix never uses the letters O, I or Z'),
    );
    expect(validateImporterOfRecordNumber(`12-3456789A${letter.toLowerCase()}`)).toEqual(
      fails('ein_suffix_forbidden_letter', M.einSuffixForbiddenLetter),
    );
  });

  it('refuses an all-zero EIN and letters in the EIN digits', () => {
    expect(validateImporterOfRecordNumber('00-0000000AB')).toEqual(
      fails('ein_all_zeros', M.einAllZeros),
    );
    expect(validateImporterOfRecordNumber('12-34A6789AB')).toEqual(
      fails('ein_digits', M.einDigits),
    );
    expect(validateImporterOfRecordNumber('AB3456789CD')).toEqual(fails('ein_digits', M.einDigits));
  });

  it('refuses a suffix group that is not 2 letters or digits', () => {
    expect(validateImporterOfRecordNumber('12-3456789-A')).toEqual(
      fails('importer_number_format', M.format),
    );
  });

  it('refuses unpunctuated 9 and 11 digits, which could be two different forms', () => {
    expect(validateImporterOfRecordNumber('123456789')).toEqual(
      fails('importer_number_ambiguous', M.ambiguousNine),
    );
    expect(validateImporterOfRecordNumber('12345678900')).toEqual(
      fails('importer_number_ambiguous', M.ambiguousEleven),
    );
  });

  it.each([
    ['000-12-3456', 'ssn_area_000', M.ssnArea000],
    ['666-12-3456', 'ssn_area_666', M.ssnArea666],
    ['912-70-1234', 'ssn_area_9', M.ssnArea9],
    ['123-00-4567', 'ssn_group_00', M.ssnGroup00],
    ['123-45-0000', 'ssn_serial_0000', M.ssnSerial0000],
  ])('refuses the SSN %s (%s)', (raw, code, message) => {
    expect(validateImporterOfRecordNumber(raw)).toEqual(fails(code, message));
  });

  it('reports every SSN rule broken, and explains the ITIN range', () => {
    const result = validateImporterOfRecordNumber('000-00-0000');
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      'ssn_area_000',
      'ssn_group_00',
      'ssn_serial_0000',
    ]);
    expect(M.ssnArea9).toContain('ITIN');
    expect(validateImporterOfRecordNumber('12A-45-6789')).toEqual(fails('ssn_digits', M.ssnDigits));
  });

  it('refuses letters in a CBP-assigned number', () => {
    expect(validateImporterOfRecordNumber('2601A1-12345')).toEqual(
      fails('cbp_assigned_digits', M.cbpAssignedDigits),
    );
  });

  it('refuses other layouts and characters with the list of forms', () => {
    expect(validateImporterOfRecordNumber('1234-5678')).toEqual(
      fails('importer_number_format', M.format),
    );
    expect(validateImporterOfRecordNumber('12/3456789')).toEqual(
      fails('importer_number_characters', M.characters),
    );
    expect(M.format).toBe(
      'must be an EIN with its 2-character suffix (NN-NNNNNNNXX), an EIN (NN-NNNNNNN), an SSN (NNN-NN-NNNN) or a CBP-assigned number (YYDDPP-NNNNN)',
    );
  });
});

describe(validateEin.name, () => {
  it.each([
    ['12-3456789', '12-3456789'],
    ['123456789', '12-3456789'],
    ['EIN 12 3456789', '12-3456789'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(validateEin(raw)).toEqual(ok(canonical));
  });

  it('asks for the EIN without the importer suffix', () => {
    expect(validateEin('12-3456789AB')).toEqual(fails('ein_has_suffix', M.einOnlyHasSuffix));
    expect(validateEin('123456789AB')).toEqual(fails('ein_has_suffix', M.einOnlyHasSuffix));
  });

  it('refuses an SSN, short numbers and an all-zero EIN', () => {
    expect(validateEin('123-45-6789')).toEqual(fails('ein_format', M.einOnlyFormat));
    expect(validateEin('12-345678')).toEqual(fails('ein_format', M.einOnlyFormat));
    expect(validateEin('00-0000000')).toEqual(fails('ein_all_zeros', M.einAllZeros));
  });
});
