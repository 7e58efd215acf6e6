import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTEST_CLOCK_SETTINGS } from '../../../domain/protests/protest-clock.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { readTimeliness, timelinessAtFiling, timelinessTexts } from './protest-timeliness.ts';

const d = calendarDate;

/** 2026-01-02 + 180 days = 2026-07-01: filed on 2026-11-29, 151 days late. */
const entries = [
  {
    entryNumber: 'AB1-0123456-4',
    entryDate: d('2025-11-03'),
    dateKind: 'liquidation' as const,
    liquidationOrDecisionDate: d('2026-01-02'),
  },
  {
    entryNumber: 'AB1-0123457-2',
    entryDate: d('2026-09-01'),
    dateKind: 'decision' as const,
    liquidationOrDecisionDate: d('2026-10-01'),
  },
];
const filedOn = d('2026-11-29');

describe('the timeliness reasons as coded texts', () => {
  it('stores the parameters with the filing and reads them back by entry', () => {
    const stored = readTimeliness(
      JSON.parse(
        JSON.stringify(timelinessAtFiling(filedOn, entries, DEFAULT_PROTEST_CLOCK_SETTINGS)),
      ),
    );
    const texts = timelinessTexts(stored, filedOn, entries);
    expect(texts.get('AB1-0123456-4')).toEqual({
      code: 'after_window',
      params: {
        filedOn: '2026-11-29',
        count: 151,
        lastDay: '2026-07-01',
        periodDays: 180,
        trigger: 'liquidation',
        triggerDate: '2026-01-02',
      },
    });
    expect(texts.get('AB1-0123457-2')?.code).toBe('within_window');
  });

  it('works the parameters out again for a record stored before they were', () => {
    const current = timelinessAtFiling(filedOn, entries, DEFAULT_PROTEST_CLOCK_SETTINGS);
    const older = readTimeliness({
      ...current,
      entries: current.entries.map(({ params: _params, ...entry }) => entry),
    });
    expect(older.entries.every((entry) => entry.params === undefined)).toBe(true);
    expect(timelinessTexts(older, filedOn, entries)).toEqual(
      timelinessTexts(current, filedOn, entries),
    );
  });

  it('gives no code rather than a wrong one when a stored reason no longer matches', () => {
    const current = timelinessAtFiling(filedOn, entries, DEFAULT_PROTEST_CLOCK_SETTINGS);
    const older = readTimeliness({
      ...current,
      entries: current.entries.map(({ params: _params, ...entry }) => ({
        ...entry,
        code: 'within_window',
      })),
    });
    const texts = timelinessTexts(older, filedOn, entries);
    expect(texts.has('AB1-0123456-4')).toBe(false);
    expect(texts.get('AB1-0123457-2')?.code).toBe('within_window');
  });
});
