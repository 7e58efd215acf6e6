import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
} from '../time/calendar-date.ts';
import { closedDayCode, FEDERAL_HOLIDAY_NAMES } from './federal-holidays.ts';
import { amendmentAllowed, FILING_TRIGGERS, filingWindow, timeliness } from './filing-window.ts';
import { DEFAULT_PROTEST_CLOCK_SETTINGS, type ProtestClockSettings } from './protest-clock.ts';
import { type ProtestFacts, protestAmendment, protestClockSet } from './protest-clock-set.ts';
import {
  AMENDMENT_TEXT_PARAMS,
  CLOSED_DAY_BASE_CODES,
  type CodedText,
  FILING_TIMELINESS_PARAMS,
  PROTEST_CLOCK_RULE_PARAMS,
  PROTEST_TEXT_PARAM_KINDS,
  SET_ASIDE_REQUEST_TEXT_PARAMS,
  type SetAsideRequestTextCode,
} from './protest-texts.ts';
import {
  PROTEST_DECISION_KINDS,
  PROTEST_STATUSES,
  PROTESTABLE_DECISIONS,
} from './protest-vocabulary.ts';
import { type SetAsideRequestRefusal, setAsideRequestAllowed } from './set-aside.ts';

/**
 * The coded texts (protest-texts.ts) are a contract with the web catalogues: every text the
 * rules produce carries a declared code with exactly the declared parameters, each of a known
 * kind, and every declared code is produced by some rule (so a code can neither appear without
 * a translation nor linger after its rule is gone). The catalogues are checked against the
 * same declarations in src/web/features/protests/protest-texts.test.ts.
 */

const d = calendarDate;
const NO_ROLL: ProtestClockSettings = {
  ...DEFAULT_PROTEST_CLOCK_SETTINGS,
  rollWeekendsAndHolidays: false,
};

// The set-aside refusals and their text codes are one list (compile-time check both ways).
const refusalIsCode: Record<SetAsideRequestRefusal, SetAsideRequestTextCode> = {
  further_review_not_denied: 'further_review_not_denied',
  already_requested: 'already_requested',
  protest_withdrawn: 'protest_withdrawn',
  protest_allowed: 'protest_allowed',
  before_denial: 'before_denial',
  window_closed: 'window_closed',
};
const codeIsRefusal: Record<SetAsideRequestTextCode, SetAsideRequestRefusal> = refusalIsCode;

type Family = Readonly<Record<string, readonly string[]>>;

/** The text is one of the family's codes, with exactly its parameters, each a valid value. */
function expectDeclared(family: Family, text: CodedText): void {
  expect(Object.keys(family), text.code).toContain(text.code);
  expect(Object.keys(text.params).sort(), text.code).toEqual([...(family[text.code] ?? [])].sort());
  for (const [name, value] of Object.entries(text.params)) {
    expect(Object.keys(PROTEST_TEXT_PARAM_KINDS), name).toContain(name);
    const kind = PROTEST_TEXT_PARAM_KINDS[name as keyof typeof PROTEST_TEXT_PARAM_KINDS];
    if (kind === 'date') expect(String(value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (kind === 'number') expect(Number.isInteger(value)).toBe(true);
    if (kind === 'trigger') expect(FILING_TRIGGERS).toContain(value);
    if (kind === 'closedDay') {
      const base = String(value).replace(/_observed$/, '');
      expect(CLOSED_DAY_BASE_CODES as readonly string[]).toContain(base);
      if (base !== value) expect(FEDERAL_HOLIDAY_NAMES as readonly string[]).toContain(base);
    }
  }
}

const anyDate: fc.Arbitrary<CalendarDate> = fc
  .date({
    min: new Date('1995-01-01T00:00:00Z'),
    max: new Date('2090-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(calendarDateFromInstant);
const anySettings = fc.constantFrom(DEFAULT_PROTEST_CLOCK_SETTINGS, NO_ROLL);

const anyFacts: fc.Arbitrary<ProtestFacts> = fc
  .record({
    filedOn: anyDate,
    entryDate: anyDate,
    trigger: fc.constantFrom(...FILING_TRIGGERS),
    triggerDate: anyDate,
    decisionsProtested: fc.subarray([...PROTESTABLE_DECISIONS], { minLength: 1 }),
    status: fc.constantFrom(...PROTEST_STATUSES),
    mailed: fc.option(anyDate),
    furtherReviewFiled: fc.boolean(),
    furtherReviewDeniedOn: fc.option(anyDate),
    setAsideRequested: fc.option(anyDate),
    setAsideOutcome: fc.constantFrom(null, 'granted', 'denied', 'deemed_denied' as const),
    decision: fc.option(fc.constantFrom(...PROTEST_DECISION_KINDS)),
    decidedOn: anyDate,
    denialNoticeMailedOn: fc.option(anyDate),
  })
  .map((r) => ({
    filedOn: r.filedOn,
    entries: [
      {
        entryNumber: 'AB1-0123456-4',
        entryDate: r.entryDate,
        dateKind: r.trigger,
        liquidationOrDecisionDate: r.triggerDate,
      },
    ],
    decisionsProtested: r.decisionsProtested,
    status: r.status,
    acceleratedDispositionMailedOn: r.mailed,
    furtherReviewFiled: r.furtherReviewFiled,
    furtherReviewDeniedOn: r.furtherReviewDeniedOn,
    setAside:
      r.setAsideRequested === null
        ? null
        : {
            requestedOn: r.setAsideRequested,
            outcome: r.setAsideOutcome,
            decidedOn: r.setAsideOutcome === null ? null : addDays(r.setAsideRequested, 10),
          },
    decision: r.decision,
    decidedOn: r.decision === null ? null : r.decidedOn,
    denialNoticeMailedOn: r.denialNoticeMailedOn,
    tradeComplianceVerified: false,
  }));

describe('the rules produce only declared codes with their declared parameters', () => {
  it('every clock of any protest', () => {
    fc.assert(
      fc.property(anyFacts, anyDate, anySettings, (facts, today, settings) => {
        for (const clock of protestClockSet(facts, today, settings)) {
          expectDeclared(PROTEST_CLOCK_RULE_PARAMS, clock);
        }
      }),
    );
  });

  it('the timeliness of any filing against any window', () => {
    fc.assert(
      fc.property(
        anyDate,
        anyDate,
        fc.constantFrom(...FILING_TRIGGERS),
        anyDate,
        anySettings,
        (filedOn, entryDate, trigger, triggerDate, settings) => {
          const window = filingWindow({ entryDate, trigger, triggerDate }, settings);
          expectDeclared(PROTEST_CLOCK_RULE_PARAMS, window.rule);
          expectDeclared(FILING_TIMELINESS_PARAMS, timeliness(filedOn, window, settings));
        },
      ),
    );
  });

  it('whether any protest can be amended, and whether a set-aside can be requested', () => {
    fc.assert(
      fc.property(anyFacts, anyDate, anySettings, (facts, today, settings) => {
        expectDeclared(AMENDMENT_TEXT_PARAMS, protestAmendment(facts, today, settings));
        const setAside = setAsideRequestAllowed({
          furtherReviewDeniedOn: facts.furtherReviewDeniedOn ?? null,
          setAside: facts.setAside ?? null,
          status: facts.status,
          decision: facts.decision,
          requestOn: today,
        });
        if (!setAside.allowed) {
          expectDeclared(SET_ASIDE_REQUEST_TEXT_PARAMS, setAside);
        }
      }),
    );
  });

  it('names every closed day with a declared code', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const code = closedDayCode(date, { additionalClosedDays: [date] });
        expect(code).not.toBeNull();
        expect(CLOSED_DAY_BASE_CODES as readonly string[]).toContain(
          String(code).replace(/_observed$/, ''),
        );
      }),
    );
    expect(closedDayCode(d('2026-12-25'))).toBe('christmas_day');
    expect(closedDayCode(d('2027-12-24'))).toBe('christmas_day_observed');
    expect(closedDayCode(d('2026-12-28'))).toBeNull();
  });
});

describe('every declared code is produced by a rule', () => {
  const liquidated = { entryDate: d('2025-10-01'), trigger: 'liquidation' as const };
  // 2025-11-04 + 180 days = Sunday 2026-05-03, rolled to Monday 2026-05-04.
  const rolling = filingWindow({ ...liquidated, triggerDate: d('2025-11-04') });
  const old = filingWindow({
    entryDate: d('2004-06-01'),
    trigger: 'decision',
    triggerDate: d('2004-09-01'),
  });

  it('clock rules', () => {
    const base: ProtestFacts = {
      filedOn: d('2026-03-02'),
      entries: [
        {
          entryNumber: 'AB1-0123456-4',
          entryDate: d('2025-10-01'),
          dateKind: 'liquidation',
          liquidationOrDecisionDate: d('2026-01-16'),
        },
      ],
      decisionsProtested: ['exclusion_or_redelivery'],
      status: 'filed',
      acceleratedDispositionMailedOn: d('2026-03-10'),
      furtherReviewFiled: true,
      decision: null,
      decidedOn: null,
      denialNoticeMailedOn: null,
      tradeComplianceVerified: false,
    };
    const produced = new Set<string>([
      rolling.rule.code,
      filingWindow({ ...liquidated, triggerDate: d('2025-11-04') }, NO_ROLL).rule.code,
      old.rule.code,
      filingWindow(
        { entryDate: d('2004-06-01'), trigger: 'decision', triggerDate: d('2004-09-01') },
        NO_ROLL,
      ).rule.code,
    ]);
    const factSets: ProtestFacts[] = [
      base,
      { ...base, acceleratedDispositionMailedOn: null },
      { ...base, status: 'decided', decision: 'denied', decidedOn: d('2026-05-01') },
      { ...base, status: 'decided', decision: 'deemed_denied', decidedOn: d('2026-04-09') },
      { ...base, furtherReviewDeniedOn: d('2026-04-01') },
      {
        ...base,
        furtherReviewDeniedOn: d('2026-04-01'),
        setAside: { requestedOn: d('2026-04-10'), outcome: null, decidedOn: null },
      },
    ];
    for (const facts of factSets) {
      for (const clock of protestClockSet(facts, d('2026-03-15'))) produced.add(clock.code);
    }
    expect([...produced].sort()).toEqual(Object.keys(PROTEST_CLOCK_RULE_PARAMS).sort());
  });

  it('timeliness', () => {
    const window = filingWindow({ ...liquidated, triggerDate: d('2026-01-16') });
    const produced = new Set([
      timeliness(d('2026-01-15'), window).code,
      timeliness(d('2026-03-02'), window).code,
      timeliness(d('2026-05-04'), rolling).code,
      timeliness(d('2026-09-01'), window).code,
    ]);
    expect(timeliness(d('2026-05-04'), rolling).params).toMatchObject({ closedDay: 'sunday' });
    expect([...produced].sort()).toEqual(Object.keys(FILING_TIMELINESS_PARAMS).sort());
  });

  it('amendment', () => {
    const windows = [rolling] as const;
    const produced = new Set([
      amendmentAllowed({ amendOn: d('2026-01-10'), windows }).code,
      amendmentAllowed({
        amendOn: d('2026-01-10'),
        windows,
        acceleratedDispositionMailedOn: d('2026-02-01'),
      }).code,
      amendmentAllowed({
        amendOn: d('2026-02-10'),
        windows,
        acceleratedDispositionMailedOn: d('2026-02-01'),
      }).code,
      amendmentAllowed({ amendOn: d('2026-02-10'), windows, decidedOn: d('2026-02-01') }).code,
      amendmentAllowed({ amendOn: d('2026-06-10'), windows }).code,
      protestAmendment(
        {
          filedOn: d('2026-01-05'),
          entries: [
            {
              entryNumber: 'AB1-0123456-4',
              entryDate: d('2025-10-01'),
              dateKind: 'liquidation',
              liquidationOrDecisionDate: d('2025-11-04'),
            },
          ],
          decisionsProtested: ['classification_and_rate'],
          status: 'withdrawn',
          acceleratedDispositionMailedOn: null,
          furtherReviewFiled: false,
          decision: null,
          decidedOn: null,
          denialNoticeMailedOn: null,
          tradeComplianceVerified: false,
        },
        d('2026-01-10'),
      ).code,
    ]);
    expect([...produced].sort()).toEqual(Object.keys(AMENDMENT_TEXT_PARAMS).sort());
  });

  it('set-aside refusals', () => {
    expect(Object.keys(codeIsRefusal).sort()).toEqual(
      Object.keys(SET_ASIDE_REQUEST_TEXT_PARAMS).sort(),
    );
  });
});
