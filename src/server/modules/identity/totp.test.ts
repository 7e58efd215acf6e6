import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTotpCode,
  generateRecoveryCode,
  generateRecoveryCodes,
  generateTotpSecret,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  totpCodeForStep,
  totpStepAt,
  totpUri,
} from './totp.ts';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes', () => {
  it('matches the RFC 6238 SHA-1 test vectors (last six of the eight digits)', () => {
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ];
    for (const [seconds, code] of vectors) {
      const at = new Date(seconds * 1000);
      expect(totpCodeForStep(RFC_SECRET, totpStepAt(at))).toBe(code);
      expect(checkTotpCode(RFC_SECRET, code, at, null)).toEqual({
        outcome: 'accepted',
        step: totpStepAt(at),
      });
    }
  });

  it('accepts the step before and after the current one, not two away', () => {
    const secret = generateTotpSecret();
    const at = new Date('2026-11-29T15:00:10Z');
    const step = totpStepAt(at);
    for (const offset of [-1, 0, 1]) {
      expect(checkTotpCode(secret, totpCodeForStep(secret, step + offset), at, null)).toEqual({
        outcome: 'accepted',
        step: step + offset,
      });
    }
    for (const offset of [-2, 2]) {
      const code = totpCodeForStep(secret, step + offset);
      const near = [-1, 0, 1].map((o) => totpCodeForStep(secret, step + o));
      if (!near.includes(code)) {
        expect(checkTotpCode(secret, code, at, null)).toEqual({ outcome: 'wrong' });
      }
    }
  });

  it('refuses a code whose step was already used (replay), but takes a later one', () => {
    const secret = generateTotpSecret();
    const at = new Date('2026-11-29T15:00:10Z');
    const step = totpStepAt(at);
    const code = totpCodeForStep(secret, step);
    expect(checkTotpCode(secret, code, at, step)).toEqual({ outcome: 'replayed' });
    expect(checkTotpCode(secret, code, at, step + 1)).toEqual({ outcome: 'replayed' });
    expect(checkTotpCode(secret, totpCodeForStep(secret, step + 1), at, step)).toEqual({
      outcome: 'accepted',
      step: step + 1,
    });
  });

  it('refuses anything that is not the code', () => {
    const secret = generateTotpSecret();
    const at = new Date('2026-11-29T15:00:10Z');
    const right = totpCodeForStep(secret, totpStepAt(at));
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (typed) => {
        fc.pre(![-1, 0, 1].some((o) => totpCodeForStep(secret, totpStepAt(at) + o) === typed));
        expect(checkTotpCode(secret, typed, at, null)).toEqual({ outcome: 'wrong' });
      }),
    );
    expect(checkTotpCode(secret, `${right} `, at, null)).toEqual({ outcome: 'wrong' });
  });

  it('makes 160-bit base32 secrets and an otpauth URI an authenticator app reads', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'officer@example.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/OpenCTPAT:officer@example.test');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('OpenCTPAT');
    expect(uri.searchParams.get('algorithm')).toBe('SHA1');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});

describe('recovery codes', () => {
  it('look like xxxx-xxxx-xxxx without look-alike characters, ten distinct ones a set', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
    }
  });

  it('normalise what people type: any case, spaces, dashes or none', () => {
    const code = generateRecoveryCode();
    expect(normaliseRecoveryCode(code)).toBe(code);
    expect(normaliseRecoveryCode(code.toUpperCase())).toBe(code);
    expect(normaliseRecoveryCode(code.replaceAll('-', ''))).toBe(code);
    expect(normaliseRecoveryCode(` ${code.replaceAll('-', ' ')} `)).toBe(code);
  });

  it('are refused when they cannot be a recovery code', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (typed) => {
        const normalised = normaliseRecoveryCode(typed);
        if (normalised !== null) {
          expect(normalised).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
        }
      }),
    );
    expect(normaliseRecoveryCode('abcd-efgh-jkm')).toBeNull();
    expect(normaliseRecoveryCode('abcd-efgh-jkmno')).toBeNull();
    expect(normaliseRecoveryCode('0bcd-efgh-jkmn')).toBeNull();
    expect(normaliseRecoveryCode('')).toBeNull();
  });
});
