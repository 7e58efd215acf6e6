import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAceProtestNumber,
  formatProtestNumber,
  PROTEST_NUMBER_MESSAGES as M,
  parseProtestNumber,
  yearOfTwoDigitYear,
} from './protest-number.ts';

const digits = (n: number) =>
  fc
    .array(fc.constantFrom(...'0123456789'.split('')), { minLength: n, maxLength: n })
    .map((d) => d.join(''));
const port = digits(4).filter((p) => p !== '0000');
const serial = digits(6).filter((s) => s !== '000000');
const separator = fc.constantFrom('-', ' ', '', '\u2013', ' - ');

describe(parseProtestNumber.name, () => {
  it.each([
    [
      '2704-93-103961',
      '2704-93-103961',
      { port: '2704', year: 1993, serial: '103961', form: 'pre_ace' },
    ],
    [
      '3004-01-100052',
      '3004-01-100052',
      { port: '3004', year: 2001, serial: '100052', form: 'pre_ace' },
    ],
    [
      '550107100546',
      '5501-07-100546',
      { port: '5501', year: 2007, serial: '100546', form: 'pre_ace' },
    ],
    [
      '2704 2018 100123',
      '2704-2018-100123',
      { port: '2704', year: 2018, serial: '100123', form: 'ace' },
    ],
    [
      '27042018100123',
      '2704-2018-100123',
      { port: '2704', year: 2018, serial: '100123', form: 'ace' },
    ],
    [
      'Protest No. 0101-2024-000042',
      '0101-2024-000042',
      { port: '0101', year: 2024, serial: '000042', form: 'ace' },
    ],
  ])('reads %s as %s', (raw, value, protestNumber) => {
    expect(parseProtestNumber(raw)).toEqual({ ok: true, value, protestNumber, warnings: [] });
  });

  it('reads 2-digit years with the pivot at 2016 (the end of pre-ACE numbers)', () => {
    expect(yearOfTwoDigitYear(0)).toBe(2000);
    expect(yearOfTwoDigitYear(16)).toBe(2016);
    expect(yearOfTwoDigitYear(17)).toBe(1917);
    expect(yearOfTwoDigitYear(99)).toBe(1999);
    expect(() => yearOfTwoDigitYear(100)).toThrow(RangeError);
  });

  it('warns about a 4-digit year before ACE', () => {
    const result = parseProtestNumber('2704-2010-100001');
    expect(result).toMatchObject({ ok: true, warnings: [M.aceYearBeforeAce(2010)] });
  });

  it.each([
    ['2704-93-10396', 'protest_number_length', M.length(11)],
    ['2704-93-103961-1', 'protest_number_length', M.length(13)],
    ['27-0493-103961', 'protest_number_grouping', M.grouping('2-4-6')],
    ['2704-9310-3961', 'protest_number_grouping', M.grouping('4-4-4')],
    ['2704/93/103961', 'protest_number_characters', M.characters],
    ['2704-9A-103961', 'protest_number_characters', M.characters],
    ['0000-93-103961', 'protest_number_port_zero', M.portZero],
    ['2704-1899-103961', 'protest_number_year', M.yearTooEarly(1899)],
  ])('refuses %s: %s', (raw, code, message) => {
    expect(parseProtestNumber(raw)).toEqual({ ok: false, problems: [{ code, message }] });
  });

  it('reports every problem at once', () => {
    expect(parseProtestNumber('0000-2020-000000')).toEqual({
      ok: false,
      problems: [
        { code: 'protest_number_port_zero', message: M.portZero },
        { code: 'protest_number_serial_zero', message: M.serialZero },
      ],
    });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (raw) => {
        const result = parseProtestNumber(raw);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
    expect(parseProtestNumber(null)).toMatchObject({ ok: false });
    expect(parseProtestNumber('')).toMatchObject({ ok: false });
  });
});

describe(formatAceProtestNumber.name, () => {
  it('formats and pads a serial from a sequence', () => {
    expect(formatAceProtestNumber('2704', 2026, 42)).toBe('2704-2026-000042');
    expect(formatAceProtestNumber('0101', 2026, '100052')).toBe('0101-2026-100052');
  });

  it('refuses a port, year or serial that cannot be one', () => {
    expect(() => formatAceProtestNumber('270', 2026, 1)).toThrow(RangeError);
    expect(() => formatAceProtestNumber('0000', 2026, 1)).toThrow(RangeError);
    expect(() => formatAceProtestNumber('2704', 26, 1)).toThrow(RangeError);
    expect(() => formatAceProtestNumber('2704', 2026, 0)).toThrow(RangeError);
    expect(() => formatAceProtestNumber('2704', 2026, 1_000_000)).toThrow(RangeError);
  });

  it('round-trips: format, then parse in any written form, gives the same parts', () => {
    fc.assert(
      fc.property(
        port,
        fc.integer({ min: 2016, max: 9999 }),
        serial,
        separator,
        separator,
        (p, year, s, first, second) => {
          const canonical = formatAceProtestNumber(p, year, s);
          const written = `${p}${first}${year}${second}${s}`;
          const groupedOrBare = first !== '' && second !== '';
          const bare = first === '' && second === '';
          fc.pre(groupedOrBare || bare);
          const result = parseProtestNumber(written);
          expect(result).toEqual({
            ok: true,
            value: canonical,
            protestNumber: { port: p, year, serial: s, form: 'ace' },
            warnings: [],
          });
        },
      ),
    );
  });
});

describe(formatProtestNumber.name, () => {
  it('round-trips pre-ACE numbers through their 2-digit year', () => {
    fc.assert(
      fc.property(port, fc.integer({ min: 1917, max: 2016 }), serial, (p, year, s) => {
        const number = { port: p, year, serial: s, form: 'pre_ace' as const };
        const text = formatProtestNumber(number);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{6}$/);
        const result = parseProtestNumber(text.replaceAll('-', ''));
        expect(result).toEqual({ ok: true, value: text, protestNumber: number, warnings: [] });
      }),
    );
  });

  it('refuses a year a 2-digit form cannot carry', () => {
    expect(() =>
      formatProtestNumber({ port: '2704', year: 2020, serial: '100001', form: 'pre_ace' }),
    ).toThrow(RangeError);
  });
});
