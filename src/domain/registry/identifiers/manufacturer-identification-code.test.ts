import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildMid,
  CANADIAN_PROVINCE_CODES,
  MID_MESSAGES as M,
  type MidInput,
  midAddressNumber,
  midCityLetters,
  midNameWords,
  validateManufacturerIdentificationCode as validateMid,
} from './manufacturer-identification-code.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

function built(input: Partial<MidInput>): string {
  const result = buildMid({
    countryCode: 'CN',
    manufacturerName: 'Amalgamated Plastics Corp.',
    streetAddress: '',
    city: 'Shanghai',
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('MID name words (19 CFR 102 Appendix examples)', () => {
  it.each([
    ['Amalgamated Plastics Corp.', 'AMAPLA'],
    ['Bergstrom', 'BER'],
    ['A.B.C. Company', 'ABCCOM'],
    ['A B C Company', 'ABCCOM'],
    ['O.A.S.I.S. Corp.', 'OASCOR'],
    ['Dr. Martin Luther King Jr. Inc.', 'DRMAR'],
    ['Shavings B L Inc.', 'SHABL'],
    ['The Embassy of Spain', 'EMBSPA'],
    ['A Better Company', 'BETCOM'],
    ['Smith & Jones, Ltd.', 'SMIJON'],
    ['Rawles-Aden Corp.', 'RAWCOR'],
    ['Rawles - Aden Corp.', 'RAWCOR'],
    ["O'Neil Textiles", 'ONETEX'],
    ['Société Générale de Tissus', 'SOCGEN'],
    ['Łódź Ørsted Æble', 'LODORS'],
    ['7-Eleven Apparel', '7ELAPP'],
  ])('%s gives %s', (name, expected) => {
    const words = midNameWords(name);
    expect(
      words
        .slice(0, 2)
        .map((word) => word.slice(0, 3))
        .join(''),
    ).toBe(expected);
  });
});

describe(midAddressNumber.name, () => {
  it.each([
    ['11455 Main Street Suite 9999', '1145'],
    ['92, Alice Springs Road', '92'],
    ['12,34,56 Akasaka Road', '1234'],
    ['12-34 56 Akasaka Road', '1234'],
    ['7 12th Street', '7'],
    ['1st Avenue 300', '300'],
    ['21 Rue du 8 Mai', '21'],
    ['No. 007 Industrial Road', '7'],
    ['Calle Sin Número', ''],
    ['', ''],
    ['Room 1502, 88 Century Avenue', '1502'],
    ['Building 3, 123456 Long Road', '1234'],
  ])('%s gives "%s"', (street, expected) => {
    expect(midAddressNumber(street)).toBe(expected);
  });
});

describe(midCityLetters.name, () => {
  it.each([
    ['Tokyo', 'TOK'],
    ['St. Michael', 'STM'],
    ['18-Mile Stretch', 'MIL'],
    ['Ciudad Juárez', 'CIU'],
    ['Ub', 'UB'],
  ])('%s gives %s', (city, expected) => {
    expect(midCityLetters(city)).toBe(expected);
  });
});

describe(buildMid.name, () => {
  it('builds a MID and shows its steps', () => {
    expect(
      buildMid({
        countryCode: 'hk',
        manufacturerName: 'Amalgamated Plastics Corp.',
        streetAddress: '11455 Main Street Suite 9999',
        city: 'Kowloon',
      }),
    ).toEqual({
      ok: true,
      value: 'HKAMAPLA1145KOW',
      warnings: [],
      steps: [
        {
          part: 'country',
          input: 'HK',
          output: 'HK',
          explanation: 'HK: the ISO code of the country of origin',
        },
        {
          part: 'name',
          input: 'AMALGAMATED PLASTICS',
          output: 'AMAPLA',
          explanation:
            'the first three characters of each of the first two words (initials together count as one word; "a", "an", "and", "of" and "the" are ignored)',
        },
        {
          part: 'address',
          input: '11455 Main Street Suite 9999',
          output: '1145',
          explanation:
            'the largest number on the street address line, at most its first four digits',
        },
        {
          part: 'city',
          input: 'Kowloon',
          output: 'KOW',
          explanation: 'the first three letters of the city',
        },
      ],
    });
  });

  it('takes only three characters from a one-word name and skips a missing number', () => {
    const result = buildMid({
      countryCode: 'SE',
      manufacturerName: 'Bergstrom',
      streetAddress: 'Storgatan',
      city: 'Borås',
    });
    expect(result).toMatchObject({ ok: true, value: 'SEBERBOR' });
    expect(result.ok && result.steps[2]?.explanation).toBe(
      'no number on the street address line: this part is left out',
    );
  });

  it('uses the province code for Canada, from the X-code or the ISO code', () => {
    expect(built({ countryCode: 'CA', provinceCode: 'XO', city: 'Toronto' })).toBe('XOAMAPLATOR');
    expect(built({ countryCode: 'ca', provinceCode: 'qc', city: 'Montréal' })).toBe('XQAMAPLAMON');
    expect(built({ countryCode: 'XV', city: 'Iqaluit' })).toBe('XVAMAPLAIQA');
    expect(Object.keys(CANADIAN_PROVINCE_CODES)).toEqual([
      'XA',
      'XB',
      'XC',
      'XM',
      'XN',
      'XO',
      'XP',
      'XQ',
      'XS',
      'XT',
      'XV',
      'XW',
      'XY',
    ]);
  });

  it('explains the Canadian step', () => {
    const result = buildMid({
      countryCode: 'CA',
      provinceCode: 'BC',
      manufacturerName: 'Maple Mills',
      streetAddress: '100 Main St',
      city: 'Vancouver',
    });
    expect(result).toMatchObject({ ok: true, value: 'XCMAPMIL100VAN' });
    expect(result.ok && result.steps[0]).toEqual({
      part: 'country',
      input: 'CA, BC',
      output: 'XC',
      explanation: '"CA" is not used in MIDs: British Columbia is XC',
    });
  });

  it('refuses Canada without a known province, and names the field', () => {
    const base = { manufacturerName: 'Maple Mills', streetAddress: '', city: 'Toronto' };
    expect(buildMid({ ...base, countryCode: 'CA' })).toEqual({
      ok: false,
      problems: [
        {
          field: 'provinceCode',
          code: 'mid_province_required',
          message: M.builderProvinceRequired,
        },
      ],
    });
    expect(buildMid({ ...base, countryCode: 'CA', provinceCode: 'ZZ' })).toEqual({
      ok: false,
      problems: [
        { field: 'provinceCode', code: 'mid_province_unknown', message: M.builderProvinceUnknown },
      ],
    });
  });

  it('warns when a province is given for another country, or an unknown X-code is used', () => {
    const result = buildMid({
      countryCode: 'MX',
      provinceCode: 'ON',
      manufacturerName: 'Textiles del Norte',
      streetAddress: 'Av. Industrial 1500',
      city: 'Monterrey',
    });
    expect(result).toMatchObject({
      ok: true,
      value: 'MXTEXDEL1500MON',
      warnings: [M.builderProvinceIgnored],
    });
    expect(
      buildMid({
        countryCode: 'XK',
        manufacturerName: 'Dardania',
        streetAddress: '',
        city: 'Pristina',
      }),
    ).toMatchObject({
      ok: true,
      value: 'XKDARPRI',
      warnings: [M.unknownXCode('XK')],
    });
  });

  it('warns when characters outside the Latin alphabet are left out', () => {
    expect(
      buildMid({
        countryCode: 'CN',
        manufacturerName: 'Shanghai 纺织 Textiles',
        streetAddress: '88 Road',
        city: 'Shanghai',
      }),
    ).toMatchObject({ ok: true, value: 'CNSHATEX88SHA', warnings: [M.builderNotLatin] });
  });

  it('reports every unusable field at once', () => {
    expect(
      buildMid({
        countryCode: 'C',
        manufacturerName: 'The, And.',
        streetAddress: '1',
        city: '123',
      }),
    ).toEqual({
      ok: false,
      problems: [
        {
          field: 'countryCode',
          code: 'mid_country',
          message: 'must be a 2-letter ISO country code, e.g. CN',
        },
        {
          field: 'manufacturerName',
          code: 'mid_name_empty',
          message: 'has no letters or digits to build the MID from',
        },
        { field: 'city', code: 'mid_city_empty', message: 'has no letters to build the MID from' },
      ],
    });
  });

  it('refuses non-text fields without throwing', () => {
    const input = { countryCode: 'CN', manufacturerName: 42, streetAddress: null, city: undefined };
    expect(buildMid(input as unknown as MidInput)).toEqual({
      ok: false,
      problems: [
        { field: 'manufacturerName', code: 'not_text', message: 'must be text' },
        { field: 'city', code: 'not_text', message: 'must be text' },
      ],
    });
  });

  it('always builds a MID that validates, with the value unchanged by validation', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.record({
          countryCode: fc.oneof(
            fc.constantFrom('CN', 'MX', 'CA', 'XO', 'vn', 'XK'),
            fc.string({ maxLength: 3 }),
          ),
          provinceCode: fc.oneof(
            fc.constant(undefined),
            fc.constantFrom('ON', 'XQ', 'ZZ', ''),
            fc.string({ maxLength: 3 }),
          ),
          manufacturerName: fc.oneof(
            text,
            fc.constantFrom('A.B.C. Company', 'The Embassy of Spain'),
          ),
          streetAddress: fc.oneof(
            text,
            fc.constantFrom('11455 Main Street Suite 9999', '7 12th Street'),
          ),
          city: text,
        }),
        (input) => {
          const result = buildMid(input);
          if (result.ok) {
            const check = validateMid(result.value);
            expect(check).toMatchObject({ ok: true, value: result.value });
            expect(result.value.length).toBeLessThanOrEqual(15);
            expect(result.steps.map((step) => step.output).join('')).toBe(result.value);
          } else {
            expect(result.problems.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});

describe(validateMid.name, () => {
  it.each([
    ['HKAMAPLA1145KOW', 'HKAMAPLA1145KOW'],
    ['hk amapla 1145 kow', 'HKAMAPLA1145KOW'],
    ['XOABCCOM100TOR', 'XOABCCOM100TOR'],
    ['SEBERBOR', 'SEBERBOR'],
    ['CN3MCOM88SHA', 'CN3MCOM88SHA'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(validateMid(raw)).toEqual(ok(canonical));
  });

  it('refuses CA and names the province codes', () => {
    expect(validateMid('CAMAPMIL100TOR')).toEqual(
      fails(
        'mid_canada',
        '"CA" is not valid in a MID: Canadian manufacturers use their province code (XA, XB, XC, XM, XN, XO, XP, XQ, XS, XT, XV, XW, XY)',
      ),
    );
  });

  it('warns about an X-code that is not a province', () => {
    expect(validateMid('XKDARPRI')).toEqual(ok('XKDARPRI', [M.unknownXCode('XK')]));
  });

  it('refuses more than 15 characters, other characters, a numeric country and a numeric end', () => {
    expect(validateMid('HKAMAPLA11455KOW')).toEqual(
      fails('mid_too_long', 'a MID has at most 15 characters; this has 16 characters'),
    );
    expect(validateMid('HKAMA/PLA')).toEqual(fails('mid_characters', M.characters));
    expect(validateMid('1KAMAPLA')).toEqual(fails('mid_country', M.country));
    expect(validateMid('HKAMAPLA1145')).toEqual(
      fails('mid_city_letters', 'a MID ends with letters from the city name'),
    );
    expect(validateMid('HKA')).toEqual(fails('mid_too_short', M.tooShort));
  });
});
