import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInput, count, stripLeadingLabel } from './identifier-result.ts';

describe(cleanInput.name, () => {
  it('trims, upper-cases, folds full-width characters and every dash to "-"', () => {
    expect(cleanInput('  abc\u2013１２３\u2014x\u2212y\u00a0z ')).toBe('ABC-123-X-Y Z');
    expect(cleanInput('a \t\n b')).toBe('A B');
  });

  it('composes a combining tilde into Ñ', () => {
    expect(cleanInput('mun\u0303')).toBe('MUÑ');
  });

  it('refuses non-text, empty, punctuation-only and over-long input', () => {
    expect(cleanInput(undefined)).toMatchObject({ ok: false, problems: [{ code: 'not_text' }] });
    expect(cleanInput('')).toMatchObject({ problems: [{ code: 'empty', message: 'is empty' }] });
    expect(cleanInput(' -#- ')).toMatchObject({ problems: [{ code: 'no_letters_or_digits' }] });
    expect(cleanInput('1'.repeat(65))).toMatchObject({
      problems: [
        {
          code: 'too_long',
          message: 'is too long: no identifier is longer than 64 characters, even with spaces',
        },
      ],
    });
  });

  it('is idempotent on what it returns', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (raw) => {
        const once = cleanInput(raw);
        if (typeof once === 'string') {
          expect(cleanInput(once)).toBe(once);
        }
      }),
    );
  });
});

describe(stripLeadingLabel.name, () => {
  const labels = ['USDOT', 'US DOT', 'DOT'];

  it.each([
    ['USDOT 1234567', '1234567'],
    ['USDOT NO. 1234567', '1234567'],
    ['US DOT: 1234567', '1234567'],
    ['DOT#1234567', '1234567'],
    ['DOT1234567', '1234567'],
    ['NUMBER 1234567', '1234567'],
    ['# 1234567', '1234567'],
    ['1234567', '1234567'],
  ])('%s → %s', (text, expected) => {
    expect(stripLeadingLabel(text, labels)).toBe(expected);
  });

  it('leaves words that only start like a label alone', () => {
    expect(stripLeadingLabel('DOTS 1234', labels)).toBe('DOTS 1234');
  });
});

describe(count.name, () => {
  it('says 1 digit and 2 digits', () => {
    expect(count(1, 'digit')).toBe('1 digit');
    expect(count(2, 'digit')).toBe('2 digits');
    expect(count(0, 'letter')).toBe('0 letters');
  });
});
