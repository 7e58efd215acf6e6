import { describe, expect, it } from 'vitest';
import { SCAC_MESSAGES, validateScac } from './scac.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe(validateScac.name, () => {
  it.each([
    ['MAEU', 'MAEU'],
    [' bnsf ', 'BNSF'],
    ['UP', 'UP'],
    ['ABC', 'ABC'],
    ['MA-EU', 'MAEU'],
  ])('accepts %s as %s (a final U included)', (raw, canonical) => {
    expect(validateScac(raw)).toEqual(ok(canonical));
  });

  it('refuses digits and wrong lengths', () => {
    expect(validateScac('AB1D')).toEqual(
      fails('scac_characters', 'a SCAC has only letters A to Z'),
    );
    expect(validateScac('A')).toEqual(
      fails('scac_length', 'a SCAC has 2 to 4 letters; this has 1 letter'),
    );
    expect(validateScac('ABCDE')).toEqual(fails('scac_length', SCAC_MESSAGES.length(5)));
  });
});
