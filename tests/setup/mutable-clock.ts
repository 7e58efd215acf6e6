import type { Clock } from '../../src/domain/time/clock.ts';

/** A clock tests move by hand, to watch sessions go idle, locks expire and deadlines pass. */
export interface MutableClock extends Clock {
  advance(ms: number): void;
  set(instant: Date): void;
}

export function mutableClock(start: Date): MutableClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (instant) => {
      current = instant.getTime();
    },
  };
}
