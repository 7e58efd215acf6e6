import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  daysBetween,
  isBefore,
} from '../time/calendar-date.ts';
import { isOpenDay } from './federal-holidays.ts';
import {
  amendmentAllowed,
  FILING_TRIGGERS,
  type FilingWindow,
  filingPeriodDays,
  filingWindow,
  protestTimeliness,
  timeliness,
} from './filing-window.ts';
import { DEFAULT_PROTEST_CLOCK_SETTINGS } from './protest-clock.ts';

const d = calendarDate;
const NO_ROLL = { ...DEFAULT_PROTEST_CLOCK_SETTINGS, rollWeekendsAndHolidays: false };

const dateBetween = (min: string, max: string): fc.Arbitrary<CalendarDate> =>
  fc
    .date({
      min: new Date(`${min}T00:00:00Z`),
      max: new Date(`${max}T23:59:59Z`),
      noInvalidDate: true,
    })
    .map(calendarDateFromInstant);

const anyInput = fc.record({
  entryDate: dateBetween('1990-01-01', '2060-12-31'),
  trigger: fc.constantFrom(...FILING_TRIGGERS),
  lag: fc.integer({ min: 0, max: 2000 }),
});
const windowInput = anyInput.map(({ entryDate, trigger, lag }) => ({
  entryDate,
  trigger,
  triggerDate: addDays(entryDate, lag),
}));

const after2004 = (triggerDate: string) =>
  filingWindow({ entryDate: d('2023-06-01'), trigger: 'liquidation', triggerDate: d(triggerDate) });

describe(filingPeriodDays.name, () => {
  it('gives 90 days to entries made before 18 December 2004 and 180 from that day', () => {
    expect(filingPeriodDays(d('2004-12-17'))).toBe(90);
    expect(filingPeriodDays(d('2004-12-18'))).toBe(180);
  });

  it('is decided by the entry date, not the liquidation date', () => {
    const liquidated = d('2005-06-03');
    const before = filingWindow({
      entryDate: d('2004-12-17'),
      trigger: 'liquidation',
      triggerDate: liquidated,
    });
    const on = filingWindow({
      entryDate: d('2004-12-18'),
      trigger: 'liquidation',
      triggerDate: liquidated,
    });
    expect(before.periodDays).toBe(90);
    expect(before.nominal).toBe('2005-09-01');
    expect(on.periodDays).toBe(180);
    expect(on.nominal).toBe('2005-11-30');
    expect(before.rule.text).toContain('before 18 December 2004');
  });
});

describe(filingWindow.name, () => {
  it('counts day 1 as the day after liquidation', () => {
    const window = after2004('2024-01-05');
    expect(window).toMatchObject({
      opens: '2024-01-05',
      nominal: '2024-07-03',
      effective: '2024-07-03',
      due: '2024-07-03',
      rolled: false,
      roll: 'next_open_day',
      kind: 'deadline',
      party: 'protestant',
      provisional: false,
    });
    expect(window.rule.citation).toContain('19 U.S.C. 1514(c)(3)');
    expect(window.rule.citation).toContain('T.D. 53961');
  });

  it('rolls a Saturday, a holiday and New Year observed on 31 December to the next open day', () => {
    expect(after2004('2024-01-08')).toMatchObject({
      nominal: '2024-07-06',
      effective: '2024-07-08',
      rolled: true,
    });
    expect(after2004('2025-01-05')).toMatchObject({
      nominal: '2025-07-04',
      effective: '2025-07-07',
    });
    expect(after2004('2021-07-04')).toMatchObject({
      nominal: '2021-12-31',
      effective: '2022-01-03',
    });
  });

  it('keeps the nominal day when the roll is switched off', () => {
    const window = filingWindow(
      { entryDate: d('2023-06-01'), trigger: 'liquidation', triggerDate: d('2024-01-08') },
      NO_ROLL,
    );
    expect(window).toMatchObject({
      nominal: '2024-07-06',
      effective: '2024-07-06',
      rolled: false,
      roll: 'none',
    });
    expect(window.rule.citation).not.toContain('T.D. 53961');
  });

  it('closes the additional days a deployment lists', () => {
    // 2024-12-24 (Tuesday) closed by order: a window ending then runs to 2024-12-26.
    const window = filingWindow(
      {
        entryDate: d('2024-01-02'),
        trigger: 'decision',
        triggerDate: addDays(d('2024-12-24'), -180),
      },
      { ...DEFAULT_PROTEST_CLOCK_SETTINGS, additionalClosedDays: [d('2024-12-24')] },
    );
    expect(window).toMatchObject({ nominal: '2024-12-24', effective: '2024-12-26' });
  });

  it('runs exactly 90 or 180 days, by the entry date', () => {
    fc.assert(
      fc.property(windowInput, (input) => {
        const window = filingWindow(input);
        const expected = isBefore(input.entryDate, d('2004-12-18')) ? 90 : 180;
        expect(daysBetween(input.triggerDate, window.nominal)).toBe(expected);
      }),
    );
  });

  it('rolls to an open day at most 3 days after the nominal day, across year ends', () => {
    fc.assert(
      fc.property(windowInput, (input) => {
        const window = filingWindow(input);
        const moved = daysBetween(window.nominal, window.effective);
        expect(moved).toBeGreaterThanOrEqual(0);
        expect(moved).toBeLessThanOrEqual(3);
        expect(isOpenDay(window.effective)).toBe(true);
        expect(window.rolled).toBe(moved > 0);
        expect(window.rolled).toBe(!isOpenDay(window.nominal));
        const plain = filingWindow(input, NO_ROLL);
        expect(plain.effective).toBe(plain.nominal);
        expect(plain.nominal).toBe(window.nominal);
      }),
    );
  });
});

describe(timeliness.name, () => {
  const window = after2004('2024-01-08'); // nominal Saturday 2024-07-06, effective 2024-07-08

  it('explains each outcome', () => {
    expect(timeliness(d('2024-07-05'), window)).toEqual({
      status: 'timely',
      code: 'within_window',
      reason:
        'Filed on 2024-07-05, within 180 days after the liquidation on 2024-01-08 (last day 2024-07-06).',
      params: {
        filedOn: '2024-07-05',
        periodDays: 180,
        trigger: 'liquidation',
        triggerDate: '2024-01-08',
        lastDay: '2024-07-06',
      },
      daysLate: 0,
    });
    expect(timeliness(d('2024-01-08'), window).code).toBe('within_window');
    expect(timeliness(d('2024-07-08'), window)).toEqual({
      status: 'timely',
      code: 'within_roll',
      reason:
        'Filed on 2024-07-08: the last day, 2024-07-06, was a Saturday, so filing on the next open day, 2024-07-08, is timely (weekend/holiday roll, T.D. 53961).',
      params: {
        filedOn: '2024-07-08',
        nominal: '2024-07-06',
        closedDay: 'saturday',
        effective: '2024-07-08',
      },
      daysLate: 0,
    });
    expect(timeliness(d('2024-07-10'), window)).toEqual({
      status: 'untimely',
      code: 'after_window',
      reason:
        'Filed on 2024-07-10, 2 days after the last day (2024-07-06, moved to the next open day 2024-07-08) of the 180 days after the liquidation on 2024-01-08: untimely (19 U.S.C. 1514(c)(3)).',
      params: {
        filedOn: '2024-07-10',
        count: 2,
        lastDay: '2024-07-08',
        periodDays: 180,
        trigger: 'liquidation',
        triggerDate: '2024-01-08',
      },
      daysLate: 2,
    });
    expect(timeliness(d('2024-01-07'), window)).toMatchObject({
      status: 'untimely',
      code: 'before_window',
    });
  });

  it('names the holiday the window ended on', () => {
    const onHoliday = timeliness(d('2025-07-07'), after2004('2025-01-05'));
    expect(onHoliday.reason).toContain('was Independence Day');
    expect(onHoliday.params.closedDay).toBe('independence_day');
  });

  it('is timely exactly from the trigger date to the effective last day', () => {
    fc.assert(
      fc.property(windowInput, fc.integer({ min: -30, max: 400 }), (input, offset) => {
        const window = filingWindow(input);
        const filedOn = addDays(input.triggerDate, offset);
        const result = timeliness(filedOn, window);
        const inside = offset >= 0 && !isBefore(window.effective, filedOn);
        expect(result.status).toBe(inside ? 'timely' : 'untimely');
        expect(result.daysLate).toBe(
          isBefore(window.effective, filedOn) ? daysBetween(window.effective, filedOn) : 0,
        );
      }),
    );
  });

  it('makes a protest untimely when any of its entries is', () => {
    const early = after2004('2024-01-05');
    const late = after2004('2024-03-01');
    expect(protestTimeliness(d('2024-08-01'), [late, early])).toMatchObject({
      status: 'untimely',
      entries: [{ status: 'timely' }, { status: 'untimely' }],
    });
    expect(protestTimeliness(d('2024-07-01'), [late, early]).status).toBe('timely');
  });
});

describe(amendmentAllowed.name, () => {
  const window = after2004('2024-01-08'); // effective last day 2024-07-08
  const windows: [FilingWindow] = [window];

  it('allows an amendment until the window closes, the roll included', () => {
    expect(amendmentAllowed({ amendOn: d('2024-07-08'), windows })).toMatchObject({
      allowed: true,
      lastDay: '2024-07-08',
    });
    expect(amendmentAllowed({ amendOn: d('2024-07-09'), windows })).toMatchObject({
      allowed: false,
      code: 'window_closed',
    });
  });

  it('refuses any amendment once accelerated disposition was requested', () => {
    const result = amendmentAllowed({
      amendOn: d('2024-03-02'),
      windows,
      acceleratedDispositionMailedOn: d('2024-03-01'),
    });
    expect(result).toEqual({
      allowed: false,
      code: 'accelerated_disposition_requested',
      reason:
        'Accelerated disposition was requested on 2024-03-01: the protest can no longer be amended (19 U.S.C. 1514(c)(1); 19 CFR 174.14).',
      params: { mailedOn: '2024-03-01' },
    });
    expect(
      amendmentAllowed({
        amendOn: d('2024-03-01'),
        windows,
        acceleratedDispositionMailedOn: d('2024-03-01'),
      }),
    ).toMatchObject({ allowed: false, code: 'accelerated_disposition_requested' });
  });

  it('refuses an amendment after the decision', () => {
    expect(
      amendmentAllowed({ amendOn: d('2024-05-01'), windows, decidedOn: d('2024-04-30') }),
    ).toMatchObject({
      allowed: false,
      code: 'protest_decided',
    });
  });

  it('uses the earliest closing of the entries concerned', () => {
    const later = after2004('2024-03-01');
    expect(amendmentAllowed({ amendOn: d('2024-07-20'), windows: [later, window] })).toMatchObject({
      allowed: false,
      code: 'window_closed',
    });
  });

  it('never allows an amendment after accelerated disposition or after the window', () => {
    fc.assert(
      fc.property(
        windowInput,
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        (input, amendOffset, adOffset) => {
          const w = filingWindow(input);
          const amendOn = addDays(input.triggerDate, amendOffset);
          const mailed = adOffset === undefined ? null : addDays(input.triggerDate, adOffset);
          const result = amendmentAllowed({
            amendOn,
            windows: [w],
            acceleratedDispositionMailedOn: mailed,
          });
          if (result.allowed) {
            expect(isBefore(w.effective, amendOn)).toBe(false);
            if (mailed !== null) expect(isBefore(amendOn, mailed)).toBe(true);
          }
        },
      ),
    );
  });
});
