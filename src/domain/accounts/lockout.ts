/**
 * Progressive lockout after repeated failed sign-ins (OWASP Authentication Cheat Sheet,
 * "Account lockout"; NIST SP 800-63B §5.2.2 "Rate limiting"): the first few failures cost
 * nothing, then each further failure doubles the wait, up to a cap. Pure: the caller stores the
 * count and the time.
 */
export interface LockoutPolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** The first lock's length. */
  baseLockMs: number;
  /** No lock is longer than this. */
  maxLockMs: number;
}

/** Per account: 5 free failures, then 1 min, 2, 4, ... up to 1 hour. */
export const ACCOUNT_LOCKOUT: LockoutPolicy = {
  freeFailures: 5,
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
};

/** Per client address: more room (offices share addresses behind NAT), same progression. */
export const ADDRESS_LOCKOUT: LockoutPolicy = {
  freeFailures: 20,
  baseLockMs: 60_000,
  maxLockMs: 60 * 60_000,
};

/** How long to lock after the `failures`-th consecutive failure; 0 means no lock. */
export function lockDurationMs(policy: LockoutPolicy, failures: number): number {
  if (failures <= policy.freeFailures) {
    return 0;
  }
  const doublings = Math.min(failures - policy.freeFailures - 1, 30);
  return Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** doublings);
}

export function lockedUntil(policy: LockoutPolicy, failures: number, now: Date): Date | null {
  const duration = lockDurationMs(policy, failures);
  return duration === 0 ? null : new Date(now.getTime() + duration);
}

export function isLocked(lockedUntilAt: Date | null, now: Date): boolean {
  return lockedUntilAt !== null && lockedUntilAt.getTime() > now.getTime();
}
