import { describe, expect, it } from 'vitest';
import { calendarDate } from '../time/calendar-date.ts';
import { dueExpiryReminder, evidenceWarnings, expiryState } from './evidence-expiry.ts';

const today = calendarDate('2026-11-29');

describe('expiry of evidence', () => {
  it('is valid beyond 30 days, expiring within 30 (the last day included), expired after', () => {
    expect(expiryState(null, today)).toBe('none');
    expect(expiryState(calendarDate('2026-12-30'), today)).toBe('valid');
    expect(expiryState(calendarDate('2026-12-29'), today)).toBe('expiring');
    expect(expiryState(today, today)).toBe('expiring');
    expect(expiryState(calendarDate('2026-11-28'), today)).toBe('expired');
  });

  it('warns of what commonly gets evidence rejected: expired, linked to nothing', () => {
    expect(evidenceWarnings('expired', 0)).toEqual(['expired', 'unlinked']);
    expect(evidenceWarnings('expiring', 2)).toEqual([]);
  });

  it('reminds at the nearest threshold reached: 30, 7 and 0 days before', () => {
    const on = (date: string) => dueExpiryReminder(calendarDate(date), today);
    expect(on('2026-12-30')).toBeNull();
    expect(on('2026-12-29')).toBe(30);
    expect(on('2026-12-07')).toBe(30);
    expect(on('2026-12-06')).toBe(7);
    expect(on('2026-11-30')).toBe(7);
    expect(on('2026-11-29')).toBe(0);
    expect(on('2026-10-01')).toBe(0);
  });
});
