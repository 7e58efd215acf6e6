import { describe, expect, it } from 'vitest';
import { SCT_MESSAGES, validateSctPermitNumber } from './sct-permit-number.ts';

const ok = (value: string, warnings: string[] = []) => ({ ok: true, value, warnings });
const fails = (code: string, message: string) => ({ ok: false, problems: [{ code, message }] });

describe(validateSctPermitNumber.name, () => {
  it('accepts 1 to 20 letters and digits, separators removed (provisional format)', () => {
    expect(validateSctPermitNumber('0912-asd/0123')).toEqual(ok('0912ASD0123'));
    expect(validateSctPermitNumber('A')).toEqual(ok('A'));
  });

  it('refuses other characters and more than 20', () => {
    expect(validateSctPermitNumber('AB*12')).toEqual(
      fails('sct_permit_characters', SCT_MESSAGES.characters),
    );
    expect(validateSctPermitNumber('A'.repeat(21))).toEqual(
      fails('sct_permit_length', SCT_MESSAGES.length),
    );
  });
});
