import type { RuleCitation } from '../registry/lifecycle/membership-clocks.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import { openDayOnOrAfter } from './federal-holidays.ts';
import type { ProtestClockRuleCode, ProtestTextParams } from './protest-texts.ts';

/**
 * What every protest clock returns, and the settings of the weekend/holiday roll (ADR 0024;
 * ../shared/domain/identifiers-and-clocks.md "Protest clocks").
 *
 * Conventions (calendar-date.ts, ADR 0014): dates are UTC calendar dates; "N days after D" is
 * `addDays(D, N)`, day 1 being the day after D; `nominal` is the last day the rule names.
 * Where a rule rolls, a nominal last day on a Saturday, Sunday or federal holiday (5 U.S.C.
 * 6103, federal-holidays.ts) moves to the next open day, `effective`; elsewhere `effective`
 * is `nominal`. `due` is `effective`: the date the product counts "days left" against.
 */

/**
 * - `deadline`: a party loses a right after `due` (filing, amending, going to court).
 * - `deemed_denial`: the protest (or request) is denied by operation of law on `due`.
 * - `target`: CBP's own clock; passing it has no legal effect (no deemed outcome).
 */
export type ProtestClockKind = 'deadline' | 'deemed_denial' | 'target';

/** Whose clock it is: who must act before `due`. */
export type ProtestClockParty = 'protestant' | 'cbp';

/**
 * - `next_open_day`: a closed last day moves to the next open day.
 * - `none`: never moves (deemed denials, CBP's own clocks, periods no source rolls, or the
 *   filing window with the roll switched off).
 */
export type ProtestClockRoll = 'next_open_day' | 'none';

/**
 * The rule of a clock: its citation and English sentence, and the sentence's stable code with
 * its parameters, which the web translates (protest-texts.ts).
 */
export interface ProtestClockRule extends RuleCitation {
  readonly code: ProtestClockRuleCode;
  readonly params: ProtestTextParams;
}

export interface ProtestClock {
  /** The last day the rule names. */
  readonly nominal: CalendarDate;
  /** `nominal`, or the next open day when the clock rolls and `nominal` is closed. */
  readonly effective: CalendarDate;
  /** Equal to `effective`. */
  readonly due: CalendarDate;
  readonly roll: ProtestClockRoll;
  /** True when `effective` is later than `nominal`. */
  readonly rolled: boolean;
  readonly kind: ProtestClockKind;
  readonly party: ProtestClockParty;
  readonly rule: ProtestClockRule;
  /** True when the period is not confirmed by a primary source. */
  readonly provisional: boolean;
}

export interface ProtestClockSettings {
  /**
   * Product choice, default on (identifiers-and-clocks.md): a protest filed on the next open
   * day after a filing window that ends on a weekend or holiday is timely. Long-standing CBP
   * practice (T.D. 53961, 1955) and Customs Court case law, not text in the current
   * regulation. Applies to the filing window and the amendment window only; the Court of
   * International Trade always rolls (USCIT Rule 6(a)).
   */
  readonly rollWeekendsAndHolidays: boolean;
  /**
   * Days closed by Executive order or act of Congress besides the 6103 holidays (a national day
   * of mourning, Christmas Eve in some years). They close for every rolling clock, the court's
   * included (USCIT Rule 6(a)(6) counts days "declared a holiday by the President or Congress").
   */
  readonly additionalClosedDays: readonly CalendarDate[];
}

export const DEFAULT_PROTEST_CLOCK_SETTINGS: ProtestClockSettings = Object.freeze({
  rollWeekendsAndHolidays: true,
  additionalClosedDays: Object.freeze([]) as readonly CalendarDate[],
});

export interface ClockParts {
  readonly nominal: CalendarDate;
  readonly roll: ProtestClockRoll;
  readonly kind: ProtestClockKind;
  readonly party: ProtestClockParty;
  readonly rule: ProtestClockRule;
  readonly provisional?: boolean;
  readonly settings?: ProtestClockSettings;
}

/** Builds a clock, rolling `nominal` when `roll` says so. */
export function protestClock(parts: ClockParts): ProtestClock {
  const settings = parts.settings ?? DEFAULT_PROTEST_CLOCK_SETTINGS;
  const effective =
    parts.roll === 'next_open_day'
      ? openDayOnOrAfter(parts.nominal, { additionalClosedDays: settings.additionalClosedDays })
      : parts.nominal;
  return {
    nominal: parts.nominal,
    effective,
    due: effective,
    roll: parts.roll,
    rolled: effective !== parts.nominal,
    kind: parts.kind,
    party: parts.party,
    rule: parts.rule,
    provisional: parts.provisional ?? false,
  };
}
