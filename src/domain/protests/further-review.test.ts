import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  isAfter,
  isBefore,
} from '../time/calendar-date.ts';
import { filingWindow } from './filing-window.ts';
import {
  FURTHER_REVIEW_CRITERIA,
  FURTHER_REVIEW_CRITERIA_TEXTS,
  FURTHER_REVIEW_ROUTING,
  furtherReviewRequestAllowed,
} from './further-review.ts';

const d = calendarDate;
const window = (triggerDate: string) =>
  filingWindow({ entryDate: d('2023-06-01'), trigger: 'liquidation', triggerDate: d(triggerDate) });

describe('further review criteria (19 CFR 174.24)', () => {
  it('has criteria a to d, each with its citation and text', () => {
    expect(FURTHER_REVIEW_CRITERIA).toEqual(['a', 'b', 'c', 'd']);
    for (const criterion of FURTHER_REVIEW_CRITERIA) {
      const entry = FURTHER_REVIEW_CRITERIA_TEXTS[criterion];
      expect(entry.criterion).toBe(criterion);
      expect(entry.citation).toBe(`19 CFR 174.24(${criterion})`);
      expect(entry.text.length).toBeGreaterThan(20);
    }
    expect(FURTHER_REVIEW_CRITERIA_TEXTS.d.text).toContain('177.11(b)(5)');
  });

  it('routes in the order of 174.26', () => {
    expect(FURTHER_REVIEW_ROUTING.map((route) => route.step)).toEqual([
      'center_allows',
      'headquarters',
      'center_designee',
    ]);
  });
});

describe(furtherReviewRequestAllowed.name, () => {
  // Liquidated 2024-01-08: last day Saturday 2024-07-06, effective Monday 2024-07-08.
  const w = window('2024-01-08');

  it('allows a request within the time to file the protest, the roll included', () => {
    expect(furtherReviewRequestAllowed(d('2024-07-08'), [w])).toEqual({
      allowed: true,
      lastDay: '2024-07-08',
    });
    expect(furtherReviewRequestAllowed(d('2024-07-09'), [w])).toEqual({
      allowed: false,
      code: 'window_closed',
      reason:
        'Further review had to be requested by 2024-07-08, the last day to file the protest (19 U.S.C. 1515(a)).',
    });
    expect(furtherReviewRequestAllowed(d('2024-01-07'), [w])).toMatchObject({
      allowed: false,
      code: 'before_window',
    });
  });

  it('is allowed exactly inside every entry window', () => {
    const anyDate: fc.Arbitrary<CalendarDate> = fc
      .date({
        min: new Date('2005-01-01T00:00:00Z'),
        max: new Date('2080-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map(calendarDateFromInstant);
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -10, max: 260 }),
        (first, gap, offset) => {
          const windows = [
            filingWindow({ entryDate: first, trigger: 'liquidation', triggerDate: first }),
            filingWindow({
              entryDate: first,
              trigger: 'decision',
              triggerDate: addDays(first, gap),
            }),
          ] as const;
          const on = addDays(first, offset);
          const inside = windows.every((x) => !isBefore(on, x.opens) && !isAfter(on, x.effective));
          expect(furtherReviewRequestAllowed(on, windows).allowed).toBe(inside);
        },
      ),
    );
  });
});
