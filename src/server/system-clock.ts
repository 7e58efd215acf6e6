import type { Clock } from '../domain/time/clock.ts';

/** The real clock. The only place business code may reach for the current time. */
export const systemClock: Clock = { now: () => new Date() };
