import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_LOCKOUT, isLocked, lockDurationMs, lockedUntil } from './lockout.ts';

describe(lockDurationMs.name, () => {
  it('lets the first five failures through, then locks 1, 2, 4 ... minutes', () => {
    expect([1, 2, 3, 4, 5].map((n) => lockDurationMs(ACCOUNT_LOCKOUT, n))).toEqual([0, 0, 0, 0, 0]);
    expect([6, 7, 8].map((n) => lockDurationMs(ACCOUNT_LOCKOUT, n) / 60_000)).toEqual([1, 2, 4]);
  });

  it('never decreases with more failures and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (failures) => {
        const now = lockDurationMs(ACCOUNT_LOCKOUT, failures);
        const next = lockDurationMs(ACCOUNT_LOCKOUT, failures + 1);
        expect(next).toBeGreaterThanOrEqual(now);
        expect(next).toBeLessThanOrEqual(ACCOUNT_LOCKOUT.maxLockMs);
      }),
    );
  });
});

describe(isLocked.name, () => {
  it('is locked until the lock ends, and not after', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const until = lockedUntil(ACCOUNT_LOCKOUT, 6, now);
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, new Date(now.getTime() + 60_000))).toBe(false);
    expect(lockedUntil(ACCOUNT_LOCKOUT, 5, now)).toBeNull();
  });
});
