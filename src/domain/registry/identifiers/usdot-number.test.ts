import { describe, expect, it } from 'vitest';
import { USDOT_MESSAGES, validateUsdotNumber } from './usdot-number.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe(validateUsdotNumber.name, () => {
  it.each([
    ['1234567', '1234567'],
    ['USDOT 1234567', '1234567'],
    ['US DOT No. 1234567', '1234567'],
    ['dot#12345678', '12345678'],
    ['1,234,567', '1234567'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(validateUsdotNumber(raw)).toEqual(ok(canonical));
  });

  it('warns about fewer than 7 digits and removed leading zeros', () => {
    expect(validateUsdotNumber('123456')).toEqual(ok('123456', [USDOT_MESSAGES.short]));
    expect(USDOT_MESSAGES.short).toBe(
      'current USDOT numbers have 7 or more digits: check that no digit is missing',
    );
    expect(validateUsdotNumber('01234567')).toEqual(ok('1234567', ['leading zeros were removed']));
  });

  it('refuses letters, zero and more than 8 digits', () => {
    expect(validateUsdotNumber('12345A7')).toEqual(
      fails('usdot_characters', 'a USDOT number has only digits'),
    );
    expect(validateUsdotNumber('0000')).toEqual(
      fails('usdot_zero', 'a USDOT number is never zero'),
    );
    expect(validateUsdotNumber('123456789')).toEqual(
      fails('usdot_length', 'a USDOT number has at most 8 digits; this has 9 digits'),
    );
  });
});
