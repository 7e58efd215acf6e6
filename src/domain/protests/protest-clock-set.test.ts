import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  daysBetween,
  isBefore,
} from '../time/calendar-date.ts';
import { FILING_TRIGGERS } from './filing-window.ts';
import { DEFAULT_PROTEST_CLOCK_SETTINGS } from './protest-clock.ts';
import {
  nextClock,
  type ProtestFacts,
  protestAmendment,
  protestClockSet,
  queuePriority,
} from './protest-clock-set.ts';
import {
  PROTEST_DECISION_KINDS,
  PROTEST_STATUSES,
  PROTESTABLE_DECISIONS,
} from './protest-vocabulary.ts';

const d = calendarDate;
const NO_ROLL = { ...DEFAULT_PROTEST_CLOCK_SETTINGS, rollWeekendsAndHolidays: false };

/** Filed 2026-03-02 against two entries liquidated in January 2026. */
function facts(overrides: Partial<ProtestFacts> = {}): ProtestFacts {
  return {
    filedOn: d('2026-03-02'),
    entries: [
      {
        entryNumber: 'AB1-0123456-4',
        entryDate: d('2025-10-01'),
        dateKind: 'liquidation',
        liquidationOrDecisionDate: d('2026-01-16'),
      },
      {
        entryNumber: 'AB1-0123457-2',
        entryDate: d('2025-10-03'),
        dateKind: 'liquidation',
        liquidationOrDecisionDate: d('2026-01-23'),
      },
    ],
    decisionsProtested: ['classification_and_rate'],
    status: 'filed',
    acceleratedDispositionMailedOn: null,
    furtherReviewFiled: false,
    decision: null,
    decidedOn: null,
    denialNoticeMailedOn: null,
    tradeComplianceVerified: false,
    ...overrides,
  };
}

const names = (clocks: readonly { name: string }[]) => clocks.map((clock) => clock.name);

describe('protestClockSet', () => {
  it('shows an open protest its entry windows, the amendment window and the two-year target', () => {
    const clocks = protestClockSet(facts(), d('2026-03-10'));
    // Same day: the amendment clock (what can still be done) before the entry's window.
    expect(names(clocks)).toEqual(['amendment', 'filing_window', 'filing_window', 'review_target']);
    const [amendment, first, second, target] = clocks;
    // 2026-01-16 + 180 = 2026-07-15 (Wednesday); 2026-01-23 + 180 = 2026-07-22 (Wednesday).
    expect(first).toMatchObject({ entryNumber: 'AB1-0123456-4', effective: '2026-07-15' });
    expect(second).toMatchObject({ entryNumber: 'AB1-0123457-2', effective: '2026-07-22' });
    expect(amendment).toMatchObject({
      effective: '2026-07-15',
      entryNumber: null,
      kind: 'deadline',
      party: 'protestant',
      citation: '19 U.S.C. 1514(c)(1); 19 CFR 174.14',
      daysLeft: daysBetween(d('2026-03-10'), d('2026-07-15')),
    });
    expect(target).toMatchObject({ effective: '2028-03-02', kind: 'target', party: 'cbp' });
  });

  it('shows the nominal and the rolled effective day of a window ending on a holiday', () => {
    // 2026-01-05 + 180 = 2026-07-04, Independence Day on a Saturday: rolls to Monday 6 July.
    const rolled = facts({
      entries: [
        {
          entryNumber: 'AB1-0123456-4',
          entryDate: d('2025-12-01'),
          dateKind: 'liquidation',
          liquidationOrDecisionDate: d('2026-01-05'),
        },
      ],
    });
    const [window] = protestClockSet(rolled, d('2026-03-10')).filter(
      (clock) => clock.name === 'filing_window',
    );
    expect(window).toMatchObject({ nominal: '2026-07-04', effective: '2026-07-06', rolled: true });
    const [plain] = protestClockSet(rolled, d('2026-03-10'), NO_ROLL);
    expect(plain).toMatchObject({ nominal: '2026-07-04', effective: '2026-07-04', rolled: false });
  });

  it('drops the amendment clock once accelerated disposition is requested and adds the deemed denial', () => {
    const clocks = protestClockSet(
      facts({ acceleratedDispositionMailedOn: d('2026-03-06') }),
      d('2026-03-10'),
    );
    expect(names(clocks)).not.toContain('amendment');
    const deemed = clocks.find((clock) => clock.name === 'accelerated_disposition_deemed_denial');
    // 30 days after 6 March 2026 is Sunday 5 April: a deemed denial never rolls.
    expect(deemed).toMatchObject({
      nominal: '2026-04-05',
      effective: '2026-04-05',
      rolled: false,
      kind: 'deemed_denial',
      daysLeft: 26,
    });
    expect(clocks[0]?.name).toBe('accelerated_disposition_deemed_denial');
  });

  it('gives an exclusion protest its 30-day deemed denial, and a further review its 30-day target', () => {
    const clocks = protestClockSet(
      facts({
        decisionsProtested: ['exclusion_or_redelivery'],
        furtherReviewFiled: true,
      }),
      d('2026-03-02'),
    );
    expect(clocks.find((clock) => clock.name === 'exclusion_deemed_denial')).toMatchObject({
      effective: '2026-04-01',
      kind: 'deemed_denial',
    });
    expect(clocks.find((clock) => clock.name === 'further_review_decision')).toMatchObject({
      effective: '2026-04-01',
      kind: 'target',
    });
    const approved = protestClockSet(
      facts({ furtherReviewFiled: true, status: 'under_further_review' }),
      d('2026-03-02'),
    );
    expect(names(approved)).not.toContain('further_review_decision');
  });

  it('after a denial in part: the court deadline from the notice (rolled), the void request, nothing of the review', () => {
    const clocks = protestClockSet(
      facts({
        status: 'decided',
        decision: 'denied_in_part',
        decidedOn: d('2026-06-01'),
        denialNoticeMailedOn: d('2026-06-02'),
      }),
      d('2026-06-10'),
    );
    expect(names(clocks).filter((name) => name !== 'filing_window')).toEqual([
      'void_denial_request',
      'court_of_international_trade',
    ]);
    // 2026-06-02 + 180 = Sunday 2026-11-29: the court's rule rolls it to Monday 30 November.
    expect(clocks.find((clock) => clock.name === 'court_of_international_trade')).toMatchObject({
      nominal: '2026-11-29',
      effective: '2026-11-30',
      rolled: true,
      party: 'protestant',
    });
    expect(clocks.find((clock) => clock.name === 'void_denial_request')).toMatchObject({
      effective: '2026-08-30',
      provisional: true,
    });
  });

  it('after a deemed denial: the court deadline from the deemed-denial day, no void request', () => {
    const clocks = protestClockSet(
      facts({
        status: 'decided',
        acceleratedDispositionMailedOn: d('2026-03-06'),
        decision: 'deemed_denied',
        decidedOn: d('2026-04-05'),
      }),
      d('2026-04-06'),
    );
    expect(names(clocks)).toContain('accelerated_disposition_deemed_denial');
    expect(names(clocks)).not.toContain('void_denial_request');
    expect(clocks.find((clock) => clock.name === 'court_of_international_trade')).toMatchObject({
      nominal: '2026-10-02',
      citation: '28 U.S.C. 2636(a)(2); 19 CFR 174.31; USCIT Rule 6(a)',
    });
  });

  it('an allowed protest has no court clock; a denied further review opens the set-aside request', () => {
    const allowed = protestClockSet(
      facts({ status: 'decided', decision: 'allowed', decidedOn: d('2026-06-01') }),
      d('2026-06-10'),
    );
    expect(names(allowed).filter((name) => name !== 'filing_window')).toEqual([]);
    const setAside = protestClockSet(
      facts({ furtherReviewFiled: true, furtherReviewDeniedOn: d('2026-03-20') }),
      d('2026-03-21'),
    );
    expect(names(setAside)).not.toContain('further_review_decision');
    expect(setAside.find((clock) => clock.name === 'set_aside_request')).toMatchObject({
      effective: '2026-05-19',
    });
  });

  it('a set-aside request replaces the request deadline with its deemed-denial clock (1515(c))', () => {
    const denied = { furtherReviewFiled: true, furtherReviewDeniedOn: d('2026-03-20') };
    const pending = protestClockSet(
      facts({
        ...denied,
        setAside: { requestedOn: d('2026-04-01'), outcome: null, decidedOn: null },
      }),
      d('2026-04-02'),
    );
    expect(names(pending)).not.toContain('set_aside_request');
    expect(pending.find((clock) => clock.name === 'set_aside_deemed_denial')).toMatchObject({
      effective: '2026-05-31',
      kind: 'deemed_denial',
      party: 'cbp',
      rolled: false,
      citation: '19 U.S.C. 1515(c)',
    });
    const deemed = protestClockSet(
      facts({
        ...denied,
        setAside: {
          requestedOn: d('2026-04-01'),
          outcome: 'deemed_denied',
          decidedOn: d('2026-05-31'),
        },
      }),
      d('2026-06-02'),
    );
    expect(names(deemed)).toContain('set_aside_deemed_denial');
    for (const outcome of ['granted', 'denied'] as const) {
      const decided = protestClockSet(
        facts({
          ...denied,
          setAside: { requestedOn: d('2026-04-01'), outcome, decidedOn: d('2026-04-20') },
        }),
        d('2026-04-21'),
      );
      expect(names(decided).filter((name) => name.startsWith('set_aside'))).toEqual([]);
    }
  });

  it('a set-aside granted stops the deemed-denial clocks that had passed before it', () => {
    // Accelerated disposition mailed 2026-03-05: deemed denied 2026-04-04, then voided by a
    // set-aside granted on 2026-05-01; the exclusion clock (filed 2026-03-02) likewise.
    const voided = facts({
      decisionsProtested: ['exclusion_or_redelivery'],
      acceleratedDispositionMailedOn: d('2026-03-05'),
      status: 'under_further_review',
      furtherReviewFiled: true,
      furtherReviewDeniedOn: d('2026-03-20'),
      setAside: { requestedOn: d('2026-04-01'), outcome: 'granted', decidedOn: d('2026-05-01') },
    });
    const clocks = protestClockSet(voided, d('2026-05-02'));
    expect(names(clocks)).not.toContain('accelerated_disposition_deemed_denial');
    expect(names(clocks)).not.toContain('exclusion_deemed_denial');
    expect(queuePriority(voided)).toEqual({ rank: 2, date: '2026-03-02' });
    // Without the grant the same protest would rank 0 by its deemed-denial day.
    expect(queuePriority({ ...voided, setAside: null }).rank).toBe(0);
  });

  it('a withdrawn protest keeps only its filing windows', () => {
    const clocks = protestClockSet(
      facts({ status: 'withdrawn', decisionsProtested: ['exclusion_or_redelivery'] }),
      d('2026-03-10'),
    );
    expect(new Set(names(clocks))).toEqual(new Set(['filing_window']));
  });
});

describe('nextClock', () => {
  it('is the earliest clock still ahead, filing windows left out', () => {
    const today = d('2026-03-10');
    const clocks = protestClockSet(facts(), today);
    expect(nextClock(clocks, today)?.name).toBe('amendment');
    const later = d('2026-07-16');
    expect(nextClock(protestClockSet(facts(), later), later)?.name).toBe('review_target');
    const last = d('2028-03-03');
    expect(nextClock(protestClockSet(facts(), last), last)).toBeNull();
  });

  it('counts a clock due today as ahead', () => {
    const today = d('2026-07-15');
    expect(nextClock(protestClockSet(facts(), today), today)).toMatchObject({
      name: 'amendment',
      daysLeft: 0,
    });
  });
});

describe('protestAmendment', () => {
  it('allows until the earliest window closes, never after accelerated disposition or withdrawal', () => {
    expect(protestAmendment(facts(), d('2026-07-15'))).toMatchObject({
      allowed: true,
      lastDay: '2026-07-15',
    });
    expect(protestAmendment(facts(), d('2026-07-16'))).toMatchObject({
      allowed: false,
      code: 'window_closed',
    });
    expect(
      protestAmendment(facts({ acceleratedDispositionMailedOn: d('2026-03-06') }), d('2026-03-10')),
    ).toMatchObject({ allowed: false, code: 'accelerated_disposition_requested' });
    expect(protestAmendment(facts({ status: 'withdrawn' }), d('2026-03-10'))).toMatchObject({
      allowed: false,
      code: 'protest_withdrawn',
    });
  });
});

describe('queuePriority', () => {
  it('puts a running deemed-denial clock first, then Trade Compliance, then the rest, by filing day', () => {
    expect(queuePriority(facts({ acceleratedDispositionMailedOn: d('2026-03-06') }))).toEqual({
      rank: 0,
      date: '2026-04-05',
    });
    expect(queuePriority(facts({ decisionsProtested: ['exclusion_or_redelivery'] }))).toEqual({
      rank: 0,
      date: '2026-04-01',
    });
    expect(queuePriority(facts({ tradeComplianceVerified: true }))).toEqual({
      rank: 1,
      date: '2026-03-02',
    });
    expect(queuePriority(facts())).toEqual({ rank: 2, date: '2026-03-02' });
  });

  it('takes the earlier deemed-denial day when both run, and none once decided', () => {
    expect(
      queuePriority(
        facts({
          decisionsProtested: ['exclusion_or_redelivery'],
          acceleratedDispositionMailedOn: d('2026-03-02'),
        }),
      ),
    ).toEqual({ rank: 0, date: '2026-04-01' });
    expect(
      queuePriority(
        facts({
          acceleratedDispositionMailedOn: d('2026-03-06'),
          tradeComplianceVerified: true,
          status: 'decided',
          decision: 'denied',
          decidedOn: d('2026-03-20'),
        }),
      ),
    ).toEqual({ rank: 1, date: '2026-03-02' });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const dateBetween = (min: string, max: string): fc.Arbitrary<CalendarDate> =>
  fc
    .date({
      min: new Date(`${min}T00:00:00Z`),
      max: new Date(`${max}T23:59:59Z`),
      noInvalidDate: true,
    })
    .map(calendarDateFromInstant);

const entryArb = fc
  .record({
    entryDate: dateBetween('1995-01-01', '2040-12-31'),
    dateKind: fc.constantFrom(...FILING_TRIGGERS),
    lag: fc.integer({ min: 0, max: 800 }),
  })
  .map(({ entryDate, dateKind, lag }) => ({
    entryNumber: 'E',
    entryDate,
    dateKind,
    liquidationOrDecisionDate: addDays(entryDate, lag),
  }));

const factsArb: fc.Arbitrary<{ facts: ProtestFacts; today: CalendarDate }> = fc
  .record({
    entries: fc.array(entryArb, { minLength: 1, maxLength: 4 }),
    filedLag: fc.integer({ min: 0, max: 400 }),
    decisions: fc.subarray([...PROTESTABLE_DECISIONS], { minLength: 1 }),
    status: fc.constantFrom(...PROTEST_STATUSES),
    adLag: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    furtherReviewFiled: fc.boolean(),
    decision: fc.constantFrom(...PROTEST_DECISION_KINDS),
    decidedLag: fc.integer({ min: 0, max: 900 }),
    noticeLag: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    tradeComplianceVerified: fc.boolean(),
    todayLag: fc.integer({ min: -50, max: 1200 }),
  })
  .map((r) => {
    const entries = r.entries.map((entry, index) => ({ ...entry, entryNumber: `E${index}` }));
    const latestTrigger = entries
      .map((entry) => entry.liquidationOrDecisionDate)
      .reduce((max, date) => (isBefore(max, date) ? date : max));
    const filedOn = addDays(latestTrigger, r.filedLag);
    const decided = r.status === 'decided';
    const decidedOn = decided ? addDays(filedOn, r.decidedLag) : null;
    return {
      facts: {
        filedOn,
        entries,
        decisionsProtested: r.decisions,
        status: r.status,
        acceleratedDispositionMailedOn: r.adLag === null ? null : addDays(filedOn, r.adLag),
        furtherReviewFiled: r.furtherReviewFiled,
        decision: decided ? r.decision : null,
        decidedOn,
        denialNoticeMailedOn:
          decidedOn === null || r.noticeLag === null ? null : addDays(decidedOn, r.noticeLag),
        tradeComplianceVerified: r.tradeComplianceVerified,
      },
      today: addDays(filedOn, r.todayLag),
    };
  });

describe('properties', () => {
  it('every clock counts its days left to its effective day, which is never before its nominal day', () => {
    fc.assert(
      fc.property(factsArb, ({ facts: f, today }) => {
        for (const clock of protestClockSet(f, today)) {
          expect(clock.daysLeft).toBe(daysBetween(today, clock.effective as CalendarDate));
          expect(isBefore(clock.effective as CalendarDate, clock.nominal as CalendarDate)).toBe(
            false,
          );
          expect(clock.rolled).toBe(clock.effective !== clock.nominal);
          if (clock.kind !== 'deadline') expect(clock.rolled).toBe(false);
        }
      }),
    );
  });

  it('has one filing window per entry and is sorted by effective day', () => {
    fc.assert(
      fc.property(factsArb, ({ facts: f, today }) => {
        const clocks = protestClockSet(f, today);
        expect(clocks.filter((clock) => clock.name === 'filing_window')).toHaveLength(
          f.entries.length,
        );
        for (let i = 1; i < clocks.length; i += 1) {
          expect((clocks[i - 1]?.effective ?? '') <= (clocks[i]?.effective ?? '')).toBe(true);
        }
      }),
    );
  });

  it('shows an amendment clock exactly while amending is possible in principle', () => {
    fc.assert(
      fc.property(factsArb, ({ facts: f, today }) => {
        const clocks = protestClockSet(f, today);
        const amendment = clocks.find((clock) => clock.name === 'amendment');
        const open = f.status !== 'decided' && f.status !== 'withdrawn';
        expect(amendment !== undefined).toBe(open && f.acceleratedDispositionMailedOn === null);
        if (amendment !== undefined) {
          const decision = protestAmendment(f, today);
          expect(decision.allowed).toBe(amendment.daysLeft >= 0);
        }
      }),
    );
  });

  it('nextClock is a clock of the set, due today or later, and none earlier is ahead', () => {
    fc.assert(
      fc.property(factsArb, ({ facts: f, today }) => {
        const clocks = protestClockSet(f, today);
        const next = nextClock(clocks, today);
        const ahead = clocks.filter(
          (clock) => clock.name !== 'filing_window' && clock.daysLeft >= 0,
        );
        if (next === null) {
          expect(ahead).toEqual([]);
        } else {
          expect(clocks).toContainEqual(next);
          expect(next.daysLeft).toBeGreaterThanOrEqual(0);
          expect(Math.min(...ahead.map((clock) => clock.daysLeft))).toBe(next.daysLeft);
        }
      }),
    );
  });

  it('queue rank 0 exactly for open protests with a deemed-denial clock, dated by the earliest', () => {
    fc.assert(
      fc.property(factsArb, ({ facts: f }) => {
        const priority = queuePriority(f);
        const open = f.status !== 'decided' && f.status !== 'withdrawn';
        const deemedDays = [
          ...(f.acceleratedDispositionMailedOn === null
            ? []
            : [addDays(f.acceleratedDispositionMailedOn, 30)]),
          ...(f.decisionsProtested.includes('exclusion_or_redelivery')
            ? [addDays(f.filedOn, 30)]
            : []),
        ].sort();
        if (open && deemedDays.length > 0) {
          expect(priority).toEqual({ rank: 0, date: deemedDays[0] });
        } else {
          expect(priority).toEqual({ rank: f.tradeComplianceVerified ? 1 : 2, date: f.filedOn });
        }
      }),
    );
  });

  it('the review target is two years after filing and shown only while the protest is open', () => {
    fc.assert(
      fc.property(factsArb, ({ facts: f, today }) => {
        const target = protestClockSet(f, today).find((clock) => clock.name === 'review_target');
        const open = f.status !== 'decided' && f.status !== 'withdrawn';
        expect(target?.effective).toBe(open ? addYears(f.filedOn, 2) : undefined);
      }),
    );
  });
});
