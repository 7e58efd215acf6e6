import { describe, expect, it } from 'vitest';
import { DUNS_MESSAGES, validateDunsNumber } from './duns-number.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe(validateDunsNumber.name, () => {
  it.each([
    ['150483782', '150483782'],
    ['15-048-3782', '150483782'],
    ['D-U-N-S 15 048 3782', '150483782'],
    ['DUNS: 15-048-3782', '150483782'],
  ])('accepts %s as %s', (raw, canonical) => {
    expect(validateDunsNumber(raw)).toEqual(ok(canonical));
  });

  it('refuses other lengths, letters and zeros', () => {
    expect(validateDunsNumber('15-048-378')).toEqual(
      fails('duns_length', 'a D-U-N-S number has 9 digits; this has 8 digits'),
    );
    expect(validateDunsNumber('15-048-378X')).toEqual(
      fails('duns_characters', DUNS_MESSAGES.characters),
    );
    expect(validateDunsNumber('000000000')).toEqual(fails('duns_zero', DUNS_MESSAGES.zero));
  });
});
