import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  entryNumberCheckDigit,
  formatEntryNumber,
  ENTRY_NUMBER_MESSAGES as M,
  validateCbpEntryNumber,
  validateEntryFilerCode,
} from './cbp-entry-number.ts';
import { digitsOf } from './identifier-arbitraries.test-support.ts';

const ok = (value: string) => ({ ok: true, value, warnings: [] });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const filerCode = fc
  .array(fc.constantFrom(...ALPHANUMERIC), { minLength: 3, maxLength: 3 })
  .map((c) => c.join(''));
const validEntryNumber = fc.tuple(filerCode, digitsOf(7)).map(([filer, transaction]) => {
  const first = filer + transaction;
  return formatEntryNumber(first + String(entryNumberCheckDigit(first)));
});

describe(entryNumberCheckDigit.name, () => {
  it('follows the worked examples (positions 2, 4, 6, 8, 10 doubled)', () => {
    // 1 2 3 4 5 6 7 8 9 0: plain 1+3+5+7+9 = 25; doubled 4+8+(1+2)+(1+6)+0 = 22; 47 → 3.
    expect(entryNumberCheckDigit('1234567890')).toBe(3);
    // A B C = 1 2 3, then 1 2 3 4 5 6 7: 1+4+3+2+2+6+4+(1+0)+6+(1+4) = 34 → 6.
    expect(entryNumberCheckDigit('ABC1234567')).toBe(6);
    // J = 1, S = 2, Z = 9: 1 + 4 + 9 = 14 → 6.
    expect(entryNumberCheckDigit('JSZ0000000')).toBe(6);
    // All zeros: sum 0 → (10 − 0) mod 10 = 0.
    expect(entryNumberCheckDigit('0000000000')).toBe(0);
  });

  it('maps letters with the zone-digit table: A–I and J–R to 1–9, S–Z to 2–9', () => {
    const same = (a: string, b: string) =>
      expect(entryNumberCheckDigit(`${a}000000000`)).toBe(entryNumberCheckDigit(`${b}000000000`));
    for (const [letter, digit] of [
      ['A', '1'],
      ['I', '9'],
      ['J', '1'],
      ['R', '9'],
      ['S', '2'],
      ['Z', '9'],
    ]) {
      same(letter as string, digit as string);
    }
  });

  it('returns null for anything but 10 letters and digits', () => {
    expect(entryNumberCheckDigit('123456789')).toBeNull();
    expect(entryNumberCheckDigit('12345-7890')).toBeNull();
  });
});

describe(validateCbpEntryNumber.name, () => {
  it.each([
    ['123-4567890-3', '123-4567890-3'],
    ['12345678903', '123-4567890-3'],
    ['abc 1234567 6', 'ABC-1234567-6'],
    ['ABC\u20131234567\u20136', 'ABC-1234567-6'],
    ['JSZ-0000000-6', 'JSZ-0000000-6'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(validateCbpEntryNumber(raw)).toEqual(ok(canonical));
  });

  it('names the right check digit when it is wrong', () => {
    expect(validateCbpEntryNumber('123-4567890-4')).toEqual(
      fails(
        'entry_number_check_digit',
        'the check digit should be 3, not 4: look for a mistyped character',
      ),
    );
  });

  it('catches every change of the check digit', () => {
    fc.assert(
      fc.property(validEntryNumber, fc.integer({ min: 1, max: 9 }), (entry, shift) => {
        const check = Number(entry.slice(-1));
        const corrupted = entry.slice(0, -1) + String((check + shift) % 10);
        expect(validateCbpEntryNumber(corrupted)).toMatchObject({
          ok: false,
          problems: [{ code: 'entry_number_check_digit' }],
        });
      }),
    );
  });

  it('catches every single-digit change in the transaction number', () => {
    fc.assert(
      fc.property(
        validEntryNumber,
        fc.integer({ min: 4, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (entry, position, shift) => {
          const compact = entry.replaceAll('-', '');
          const index = position - 1;
          const digit = (Number(compact.charAt(index)) + shift) % 10;
          const corrupted = compact.slice(0, index) + String(digit) + compact.slice(index + 1);
          expect(validateCbpEntryNumber(corrupted).ok).toBe(false);
        },
      ),
    );
  });

  it('refuses the wrong length, characters, transaction and check character', () => {
    expect(validateCbpEntryNumber('123-456789-3')).toEqual(
      fails(
        'entry_number_length',
        'an entry number has 11 characters (XXX-NNNNNNN-C); this has 10 characters',
      ),
    );
    expect(validateCbpEntryNumber('12*-4567890-3')).toEqual(
      fails('entry_number_characters', M.characters),
    );
    expect(validateCbpEntryNumber('123-45678X0-A')).toEqual({
      ok: false,
      problems: [
        { code: 'entry_number_transaction', message: M.transaction },
        { code: 'entry_number_check_character', message: M.checkCharacter },
      ],
    });
    expect(M.filerCode).toMatch(/filer code/);
  });
});

describe(validateEntryFilerCode.name, () => {
  it.each(['123', 'A23', 'AB3', 'ABC', 'A2C', '1B3', '12C', '1BC'])(
    'accepts the pattern of %s',
    (code) => {
      expect(validateEntryFilerCode(code.toLowerCase())).toEqual(ok(code));
    },
  );

  it('refuses special characters and other lengths', () => {
    expect(validateEntryFilerCode('A*C')).toEqual(
      fails('filer_code_characters', 'a filer code has only letters and digits'),
    );
    expect(validateEntryFilerCode('ABCD')).toEqual(
      fails('filer_code_length', 'a filer code has 3 letters or digits; this has 4 characters'),
    );
  });
});
