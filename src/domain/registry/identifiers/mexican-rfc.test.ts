import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validRfc } from './identifier-arbitraries.test-support.ts';
import { isRfcDate, RFC_MESSAGES as M, rfcCheckDigit, validateMexicanRfc } from './mexican-rfc.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe(rfcCheckDigit.name, () => {
  // Company RFCs from python-stdnum's tests (tests/test_mx_rfc.doctest), listed there as "found
  // online" with valid check digits; EKU9003173C9 is SAT's published test RFC for CFDI 4.0; the
  // individual GODE561231GR8 is the example in python-stdnum's documentation.
  it.each([
    'AAA390128530',
    'CBC900829152',
    'SME020208GXA',
    '&&&030828PX7',
    'MUÑ110218LJ6',
    'YAT000229588',
    'EKU9003173C9',
    'GODE561231GR8',
  ])('computes the check digit of %s', (rfc) => {
    expect(rfcCheckDigit(rfc.slice(0, -1))).toBe(rfc.slice(-1));
  });

  it('disagrees with RFCs known to fail the check', () => {
    // Real and generic RFCs whose check digit does not verify (python-stdnum; SAT).
    expect(rfcCheckDigit('SIN9311169P')).toBe('2');
    expect(rfcCheckDigit('XAXX01010100')).toBe('4');
  });

  it('returns null for the wrong length or characters outside the check alphabet', () => {
    expect(rfcCheckDigit('ABC')).toBeNull();
    expect(rfcCheckDigit('AB#010101AB')).toBeNull();
  });
});

describe(isRfcDate.name, () => {
  it('knows month lengths and leap years in either century', () => {
    expect(isRfcDate('000229')).toBe(true);
    expect(isRfcDate('960229')).toBe(true);
    expect(isRfcDate('970229')).toBe(false);
    expect(isRfcDate('990431')).toBe(false);
    expect(isRfcDate('991231')).toBe(true);
    expect(isRfcDate('991301')).toBe(false);
    expect(isRfcDate('990100')).toBe(false);
    expect(isRfcDate('99010')).toBe(false);
  });
});

describe(validateMexicanRfc.name, () => {
  it.each([
    ['AAA390128530', 'AAA390128530'],
    ['aaa-390128-530', 'AAA390128530'],
    ['GODE 561231 GR8', 'GODE561231GR8'],
    ['mun\u0303110218lj6', 'MUÑ110218LJ6'],
    ['muñ110218lj6', 'MUÑ110218LJ6'],
    ['&&&030828PX7', '&&&030828PX7'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(validateMexicanRfc(raw)).toEqual(ok(canonical));
  });

  it('accepts a failing check digit with a warning that names the expected one', () => {
    expect(validateMexicanRfc('SIN9311169P8')).toEqual(
      ok('SIN9311169P8', [
        "the RFC's check digit should be 2, not 8: confirm the RFC with SAT (some RFCs in use do not pass this check)",
      ]),
    );
  });

  it("accepts SAT's generic RFCs with a warning", () => {
    expect(validateMexicanRfc('XEXX010101000')).toEqual(ok('XEXX010101000', [M.generic]));
    expect(validateMexicanRfc('XAXX010101000')).toEqual(
      ok('XAXX010101000', [M.checkDigit('4', '0'), M.generic]),
    );
  });

  it('refuses wrong lengths, and names a missing homoclave', () => {
    expect(validateMexicanRfc('AAA3901285')).toEqual(fails('rfc_length', M.length(10)));
    expect(M.length(11)).toBe(
      'an RFC has 12 characters for a company (persona moral) or 13 for an individual (persona física); this has 11 characters',
    );
    expect(validateMexicanRfc('GODE561231')).toEqual(
      fails('rfc_missing_homoclave', M.missingHomoclave),
    );
  });

  it('refuses characters outside letters, Ñ, & and digits', () => {
    expect(validateMexicanRfc('AAÉ390128530')).toEqual(fails('rfc_characters', M.characters));
  });

  it('refuses digits in the name part and letters in the date', () => {
    expect(validateMexicanRfc('A1A390128530')).toEqual(
      fails(
        'rfc_name_letters',
        'the first 3 characters of a 12-character RFC are letters from the name',
      ),
    );
    expect(validateMexicanRfc('GOD1561231GR8')).toEqual(
      fails(
        'rfc_name_letters',
        'the first 4 characters of a 13-character RFC are letters from the name',
      ),
    );
    expect(validateMexicanRfc('AAA39O128530')).toEqual(
      fails('rfc_date_digits', 'characters 4 to 9 of an RFC are a date, YYMMDD, in digits'),
    );
  });

  it('refuses an impossible date', () => {
    expect(validateMexicanRfc('AAA971301530')).toEqual(
      fails('rfc_date_invalid', 'the date in an RFC (YYMMDD) is not a real date: 971301'),
    );
    expect(validateMexicanRfc('GODE970229GR8')).toEqual(
      fails('rfc_date_invalid', M.dateInvalid('970229')),
    );
  });

  it('refuses a homoclave that is not letters and digits', () => {
    expect(validateMexicanRfc('AAA3901285Ñ0')).toEqual(fails('rfc_homoclave', M.homoclave));
  });

  it('gives no check-digit warning for RFCs built with the right check digit', () => {
    fc.assert(
      fc.property(validRfc, (rfc) => {
        const result = validateMexicanRfc(rfc);
        expect(result).toEqual(ok(rfc, rfc.startsWith('XEXX') ? [M.generic] : []));
      }),
    );
  });
});
