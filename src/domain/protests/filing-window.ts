import {
  addDays,
  type CalendarDate,
  daysBetween,
  isAfter,
  isBefore,
} from '../time/calendar-date.ts';
import { closedDayCode, whyClosed } from './federal-holidays.ts';
import {
  DEFAULT_PROTEST_CLOCK_SETTINGS,
  type ProtestClock,
  type ProtestClockSettings,
  protestClock,
} from './protest-clock.ts';
import type {
  AmendmentTextCode,
  FilingTimelinessTextCode,
  ProtestClockRuleCode,
  ProtestTextParams,
} from './protest-texts.ts';

/**
 * The protest filing window, the timeliness of a filing, and whether a protest may still be
 * amended (issue 7, item 2; ../shared/domain/identifiers-and-clocks.md "Protest clocks";
 * trade-compliance-protests-exams.md §2.3; ADR 0024).
 *
 * 19 U.S.C. 1514(c)(3): a protest is filed "within 180 days after but not before" the date of
 * liquidation or reliquidation or, where there is none, the date of the decision protested; a
 * surety with an unsatisfied claim under its bond, within 180 days from the mailing of the
 * demand for payment against the bond. For entries made before 18 December 2004 the period is
 * 90 days (Miscellaneous Trade and Technical Corrections Act of 2004: the change applies to
 * merchandise entered 15 days after its enactment on 3 December 2004). The ENTRY date decides
 * which period applies, never the liquidation date.
 *
 * Counting: day 1 is the day after the trigger, so the nominal last day is trigger + N days.
 * "Not before" the trigger: a protest filed on the trigger date itself is not before it, so the
 * window opens on the trigger date (an interpretation of the words; a filing the day before is
 * premature).
 *
 * Weekend/holiday roll: a product choice, on by default (`ProtestClockSettings`), resting on
 * CBP practice (T.D. 53961) rather than regulation text; both the nominal and the effective
 * last day are shown.
 */

/** The first entry date the 180-day period applies to (MTTCA 2004). */
export const PERIOD_180_FIRST_ENTRY_DATE = '2004-12-18' as CalendarDate;
export const FILING_PERIOD_DAYS = 180;
export const FILING_PERIOD_DAYS_BEFORE_2004_12_18 = 90;

/** What starts the window (19 U.S.C. 1514(c)(3)). */
export const FILING_TRIGGERS = [
  'liquidation',
  'reliquidation',
  'decision',
  'surety_demand',
] as const;
export type FilingTrigger = (typeof FILING_TRIGGERS)[number];

const TRIGGER_WORDS: Readonly<Record<FilingTrigger, string>> = {
  liquidation: 'liquidation',
  reliquidation: 'reliquidation',
  decision: 'decision protested',
  surety_demand: 'mailing of the demand on the bond',
};

export interface FilingWindowInput {
  /** The date of entry: decides 90 or 180 days. */
  readonly entryDate: CalendarDate;
  readonly trigger: FilingTrigger;
  /** The date of liquidation, reliquidation or decision, or the mailing of the surety demand. */
  readonly triggerDate: CalendarDate;
}

export interface FilingWindow extends ProtestClock {
  /** The first day a protest may be filed: the trigger date (not before it). */
  readonly opens: CalendarDate;
  readonly periodDays: 90 | 180;
  readonly entryDate: CalendarDate;
  readonly trigger: FilingTrigger;
  readonly triggerDate: CalendarDate;
}

/** 180 days for entries made on or after 18 December 2004, 90 days before. */
export function filingPeriodDays(entryDate: CalendarDate): 90 | 180 {
  return isBefore(entryDate, PERIOD_180_FIRST_ENTRY_DATE)
    ? FILING_PERIOD_DAYS_BEFORE_2004_12_18
    : FILING_PERIOD_DAYS;
}

export function filingWindow(
  input: FilingWindowInput,
  settings: ProtestClockSettings = DEFAULT_PROTEST_CLOCK_SETTINGS,
): FilingWindow {
  const periodDays = filingPeriodDays(input.entryDate);
  const from = TRIGGER_WORDS[input.trigger];
  const rolls = settings.rollWeekendsAndHolidays;
  const code: ProtestClockRuleCode =
    periodDays === FILING_PERIOD_DAYS
      ? rolls
        ? 'filing_window_180_roll'
        : 'filing_window_180'
      : rolls
        ? 'filing_window_90_roll'
        : 'filing_window_90';
  const clock = protestClock({
    nominal: addDays(input.triggerDate, periodDays),
    roll: rolls ? 'next_open_day' : 'none',
    kind: 'deadline',
    party: 'protestant',
    rule: {
      code,
      params: { trigger: input.trigger },
      citation:
        periodDays === FILING_PERIOD_DAYS
          ? `19 U.S.C. 1514(c)(3)${rolls ? '; weekend/holiday roll: T.D. 53961 (product choice)' : ''}`
          : `19 U.S.C. 1514(c)(3) as before the Miscellaneous Trade and Technical Corrections Act of 2004${rolls ? '; weekend/holiday roll: T.D. 53961 (product choice)' : ''}`,
      text:
        (periodDays === FILING_PERIOD_DAYS
          ? `A protest is filed within 180 days after the ${from}, not before it.`
          : `For an entry made before 18 December 2004, a protest is filed within 90 days after the ${from}, not before it.`) +
        (rolls
          ? ' A last day on a Saturday, Sunday or federal holiday moves to the next open day.'
          : ''),
    },
    settings,
  });
  return {
    ...clock,
    opens: input.triggerDate,
    periodDays,
    entryDate: input.entryDate,
    trigger: input.trigger,
    triggerDate: input.triggerDate,
  };
}

export type TimelinessCode = FilingTimelinessTextCode;

export interface Timeliness {
  readonly status: 'timely' | 'untimely';
  readonly code: TimelinessCode;
  /** One or two sentences the product shows with the flag (English). */
  readonly reason: string;
  /** The parameters of `reason` under `code` (protest-texts.ts FILING_TIMELINESS_PARAMS). */
  readonly params: ProtestTextParams;
  /** Days after the effective last day (0 unless `after_window`). */
  readonly daysLate: number;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * Whether a protest filed on `filedOn` is timely for one entry's window. An untimely protest
 * is still accepted and flagged with the reason (issue 7, item 2).
 */
export function timeliness(
  filedOn: CalendarDate,
  window: FilingWindow,
  settings: ProtestClockSettings = DEFAULT_PROTEST_CLOCK_SETTINGS,
): Timeliness {
  const from = `the ${TRIGGER_WORDS[window.trigger]} on ${window.triggerDate}`;
  const trigger = { trigger: window.trigger, triggerDate: window.triggerDate };
  if (isBefore(filedOn, window.opens)) {
    return {
      status: 'untimely',
      code: 'before_window',
      reason: `Filed on ${filedOn}, before ${from}: a protest may not be filed before it (19 U.S.C. 1514(c)(3)).`,
      params: { filedOn, ...trigger },
      daysLate: 0,
    };
  }
  if (!isAfter(filedOn, window.nominal)) {
    return {
      status: 'timely',
      code: 'within_window',
      reason: `Filed on ${filedOn}, within ${days(window.periodDays)} after ${from} (last day ${window.nominal}).`,
      params: { filedOn, periodDays: window.periodDays, ...trigger, lastDay: window.nominal },
      daysLate: 0,
    };
  }
  if (!isAfter(filedOn, window.effective)) {
    const closed = whyClosed(window.nominal, settings) ?? 'a closed day';
    return {
      status: 'timely',
      code: 'within_roll',
      reason: `Filed on ${filedOn}: the last day, ${window.nominal}, was ${closed}, so filing on the next open day, ${window.effective}, is timely (weekend/holiday roll, T.D. 53961).`,
      params: {
        filedOn,
        nominal: window.nominal,
        closedDay: closedDayCode(window.nominal, settings) ?? 'closed_day',
        effective: window.effective,
      },
      daysLate: 0,
    };
  }
  const late = daysBetween(window.effective, filedOn);
  const lastDay = window.rolled
    ? `${window.nominal}, moved to the next open day ${window.effective}`
    : window.effective;
  return {
    status: 'untimely',
    code: 'after_window',
    reason: `Filed on ${filedOn}, ${days(late)} after the last day (${lastDay}) of the ${days(window.periodDays)} after ${from}: untimely (19 U.S.C. 1514(c)(3)).`,
    params: {
      filedOn,
      count: late,
      lastDay: window.effective,
      periodDays: window.periodDays,
      ...trigger,
    },
    daysLate: late,
  };
}

export interface ProtestTimeliness {
  /** Timely only when every entry's window is met. */
  readonly status: 'timely' | 'untimely';
  /** One result per window, in the order given. */
  readonly entries: readonly Timeliness[];
}

/** A protest covering several entries: each entry has its own window. */
export function protestTimeliness(
  filedOn: CalendarDate,
  windows: readonly FilingWindow[],
  settings: ProtestClockSettings = DEFAULT_PROTEST_CLOCK_SETTINGS,
): ProtestTimeliness {
  const entries = windows.map((window) => timeliness(filedOn, window, settings));
  return {
    status: entries.every((entry) => entry.status === 'timely') ? 'timely' : 'untimely',
    entries,
  };
}

export interface AmendmentInput {
  readonly amendOn: CalendarDate;
  /**
   * The filing windows of the entries the amendment concerns (at least one): the amendment must
   * fall inside every one of them.
   */
  readonly windows: readonly [FilingWindow, ...FilingWindow[]];
  /** The mailing date of a request for accelerated disposition, if one was made. */
  readonly acceleratedDispositionMailedOn?: CalendarDate | null;
  /** The date the protest was allowed or denied (in whole or part), if it was. */
  readonly decidedOn?: CalendarDate | null;
}

/**
 * `reason` is the English sentence; `code` with `params` the same, coded for translation
 * (protest-texts.ts AMENDMENT_TEXT_PARAMS).
 */
export type AmendmentDecision =
  | {
      readonly allowed: true;
      readonly code: Extract<AmendmentTextCode, 'open' | 'open_unless_accelerated'>;
      readonly lastDay: CalendarDate;
      readonly reason: string;
      readonly params: ProtestTextParams;
    }
  | {
      readonly allowed: false;
      readonly code: Extract<
        AmendmentTextCode,
        'accelerated_disposition_requested' | 'protest_decided' | 'window_closed'
      >;
      readonly reason: string;
      readonly params: ProtestTextParams;
    };

/**
 * Whether a protest may be amended with new objections on `amendOn`.
 *
 * 19 U.S.C. 1514(c)(1): "Unless a request for accelerated disposition is filed under section
 * 1515(b) ..., a protest may be amended ... any time prior to the expiration of the time in
 * which such protest could have been filed"; 19 CFR 174.14 (a protest not yet disposed of).
 * So: never once accelerated disposition was requested (an amendment on the mailing day itself
 * is refused too: the order within a day is unknown), never after the decision, and only until
 * the filing window closes, the same roll applying as to the filing window. New arguments for
 * objections already made (174.28) are not amendments and are not limited by this.
 */
export function amendmentAllowed(input: AmendmentInput): AmendmentDecision {
  const { amendOn } = input;
  const mailed = input.acceleratedDispositionMailedOn ?? null;
  if (mailed !== null && !isBefore(amendOn, mailed)) {
    return {
      allowed: false,
      code: 'accelerated_disposition_requested',
      reason: `Accelerated disposition was requested on ${mailed}: the protest can no longer be amended (19 U.S.C. 1514(c)(1); 19 CFR 174.14).`,
      params: { mailedOn: mailed },
    };
  }
  const decided = input.decidedOn ?? null;
  if (decided !== null && !isBefore(amendOn, decided)) {
    return {
      allowed: false,
      code: 'protest_decided',
      reason: `The protest was decided on ${decided}: only a protest not yet decided can be amended (19 CFR 174.14).`,
      params: { decidedOn: decided },
    };
  }
  const [first, ...rest] = input.windows;
  const closing = rest.reduce(
    (earliest, window) => (isBefore(window.effective, earliest.effective) ? window : earliest),
    first,
  );
  if (isAfter(amendOn, closing.effective)) {
    return {
      allowed: false,
      code: 'window_closed',
      reason: `The time to file the protest ended on ${closing.effective}: it can no longer be amended (19 U.S.C. 1514(c)(1); 19 CFR 174.14).`,
      params: { lastDay: closing.effective },
    };
  }
  return {
    allowed: true,
    code: mailed === null ? 'open_unless_accelerated' : 'open',
    lastDay: closing.effective,
    reason: `The protest can be amended until ${closing.effective}, the last day to file it${mailed === null ? ', unless accelerated disposition is requested first' : ''}.`,
    params: { lastDay: closing.effective },
  };
}
