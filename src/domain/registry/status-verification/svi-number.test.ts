import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateSviNumber,
  normaliseSviNumber,
  SVI_NUMBER_ALPHABET,
  SVI_NUMBER_EXAMPLE,
  SVI_NUMBER_PATTERN,
} from './svi-number.ts';

const indexes = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 12, maxLength: 12 });

function fromIndexes(picks: readonly number[]): string {
  let next = 0;
  return generateSviNumber(() => picks[next++] ?? 0);
}

describe(generateSviNumber.name, () => {
  it('builds SVI- and three groups of four characters of the alphabet', () => {
    fc.assert(
      fc.property(indexes, (picks) => {
        expect(fromIndexes(picks)).toMatch(SVI_NUMBER_PATTERN);
      }),
    );
    expect(fromIndexes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 31])).toBe('SVI-0123-4567-89AZ');
  });

  it('never uses I, L, O or U', () => {
    expect(SVI_NUMBER_ALPHABET).toHaveLength(32);
    expect(SVI_NUMBER_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('refuses a random source outside the alphabet', () => {
    expect(() => generateSviNumber(() => 32)).toThrow(RangeError);
  });
});

describe(normaliseSviNumber.name, () => {
  it('gives back every generated number unchanged, and in lower case or without hyphens', () => {
    fc.assert(
      fc.property(indexes, (picks) => {
        const number = fromIndexes(picks);
        expect(normaliseSviNumber(number)).toBe(number);
        expect(normaliseSviNumber(number.toLowerCase())).toBe(number);
        expect(normaliseSviNumber(number.replaceAll('-', ' '))).toBe(number);
        expect(normaliseSviNumber(number.slice(4).replaceAll('-', ''))).toBe(number);
      }),
    );
  });

  it('reads I and L as 1 and O as 0, as Crockford base32 does', () => {
    expect(normaliseSviNumber('svi-7k3m-q9tx-2hwd')).toBe(SVI_NUMBER_EXAMPLE);
    expect(normaliseSviNumber('SVI-OILO-0000-1111')).toBe('SVI-0110-0000-1111');
  });

  it('refuses wrong lengths and characters outside the alphabet', () => {
    expect(normaliseSviNumber('')).toBeNull();
    expect(normaliseSviNumber('SVI-7K3M-Q9TX')).toBeNull();
    expect(normaliseSviNumber('SVI-7K3M-Q9TX-2HWDA')).toBeNull();
    expect(normaliseSviNumber('SVI-7K3M-Q9TX-2HWU')).toBeNull();
    expect(normaliseSviNumber('SVI-7K3M-Q9TX-2HW!')).toBeNull();
    expect(normaliseSviNumber('WALSEA01198')).toBeNull();
  });
});
