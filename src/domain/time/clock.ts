/**
 * Business time comes from a clock in the service context, never from `new Date()` in rules,
 * so tests and demos can move time and watch windows open and deadlines pass
 * (architecture.md, "Time and scheduled work").
 */
export interface Clock {
  now(): Date;
}

/** A clock frozen at one instant (tests) or shifted by a fixed offset (demos). */
export function fixedClock(instant: Date): Clock {
  const frozen = new Date(instant.getTime());
  return { now: () => new Date(frozen.getTime()) };
}

export function offsetClock(base: Clock, offsetMs: number): Clock {
  return { now: () => new Date(base.now().getTime() + offsetMs) };
}
