import {
  type CalendarDate,
  compareCalendarDates,
  daysBetween,
  earliestCalendarDate,
  isBefore,
} from '../time/calendar-date.ts';
import {
  type AmendmentDecision,
  amendmentAllowed,
  type FilingTrigger,
  type FilingWindow,
  filingWindow,
} from './filing-window.ts';
import type { PROTEST_CLOCK_NAMES, ProtestClockView } from './protest-api.schema.ts';
import {
  DEFAULT_PROTEST_CLOCK_SETTINGS,
  type ProtestClock,
  type ProtestClockSettings,
} from './protest-clock.ts';
import {
  acceleratedDispositionDeemedDenial,
  courtOfInternationalTradeDeadline,
  exclusionProtestDeemedDenial,
  furtherReviewDecisionTarget,
  reviewTarget,
  setAsideRequestDeadline,
  setAsideRequestDeemedDenial,
  voidDenialRequestDeadline,
} from './protest-clocks.ts';
import type { ProtestTextParams } from './protest-texts.ts';
import {
  decisionOpensCourtClock,
  decisionRequiresReasons,
  isExclusionDecision,
  type ProtestableDecision,
  type ProtestDecisionKind,
  type ProtestStatus,
} from './protest-vocabulary.ts';
import type { SetAsideFacts } from './set-aside.ts';

/**
 * Every clock of one protest as the product shows it, the next one to act on, and the protest's
 * place in CBP's review queue (issue 7, items 2, 4 and 6). Pure: the facts come from the stored
 * protest, `today` from the service clock. The rules are the functions of filing-window.ts and
 * protest-clocks.ts (ADR 0024); this file only decides which clocks a protest has at which step.
 *
 * Which clocks, when:
 * - `filing_window`: one per entry, always (the record of timeliness; nominal and effective).
 * - `amendment`: until the protest is decided or withdrawn, unless accelerated disposition was
 *   requested (19 U.S.C. 1514(c)(1)); it ends with the earliest-closing entry window.
 * - `accelerated_disposition_deemed_denial`: once the request was mailed, while undecided (or
 *   when the protest was in fact deemed denied).
 * - `exclusion_deemed_denial`: for a protest of an exclusion (19 CFR 174.21(b)), same.
 * - `further_review_decision`: an application filed with the protest, until CBP decides it.
 * - `review_target`: CBP's two years, while the protest is open.
 * - `court_of_international_trade`: after a decision that denies something (in whole or part)
 *   or a deemed denial: from the mailing of the denial notice (the decision day when not
 *   recorded) or from the deemed denial.
 * - `set_aside_request`: after further review was denied (when the facts give that day), until
 *   the protestant asks for the set-aside (set-aside.ts).
 * - `set_aside_deemed_denial`: once the set-aside was requested, while the Commissioner has not
 *   acted (or when the request was in fact considered denied), 19 U.S.C. 1515(c).
 * A set-aside granted voids the denial of the protest (1515(c)): the deemed-denial clocks whose
 * day had passed before the grant no longer run, or the protest would be deemed denied again.
 * - `void_denial_request`: after a denial by a reviewer (not a deemed one), provisional.
 */

export interface ProtestEntryFacts {
  readonly entryNumber: string;
  readonly entryDate: CalendarDate;
  readonly dateKind: FilingTrigger;
  readonly liquidationOrDecisionDate: CalendarDate;
}

export interface ProtestFacts {
  readonly filedOn: CalendarDate;
  /** At least one entry (the filing schema requires it). */
  readonly entries: readonly ProtestEntryFacts[];
  readonly decisionsProtested: readonly ProtestableDecision[];
  readonly status: ProtestStatus;
  readonly acceleratedDispositionMailedOn: CalendarDate | null;
  /** An application for further review was filed with the protest (on `filedOn`). */
  readonly furtherReviewFiled: boolean;
  /** The day CBP allowed or denied the application for further review, if it did. */
  readonly furtherReviewDecidedOn?: CalendarDate | null;
  /** The day of the notice denying further review, if it was denied (1515(c) set-aside). */
  readonly furtherReviewDeniedOn?: CalendarDate | null;
  /** The request to set that denial aside (1515(c)), if made, with its outcome. */
  readonly setAside?: SetAsideFacts | null;
  readonly decision: ProtestDecisionKind | null;
  readonly decidedOn: CalendarDate | null;
  readonly denialNoticeMailedOn: CalendarDate | null;
  /** Verified CTPAT Trade Compliance protestant at filing (queue rank 1). */
  readonly tradeComplianceVerified: boolean;
}

export type ProtestClockName = (typeof PROTEST_CLOCK_NAMES)[number];

const NAME_ORDER: readonly ProtestClockName[] = [
  'accelerated_disposition_deemed_denial',
  'exclusion_deemed_denial',
  'set_aside_deemed_denial',
  'further_review_decision',
  'amendment',
  'court_of_international_trade',
  'set_aside_request',
  'void_denial_request',
  'review_target',
  'filing_window',
];

/** Open: filed, under review or under further review (no decision, not withdrawn). */
export function isOpen(facts: Pick<ProtestFacts, 'status' | 'decision'>): boolean {
  return facts.decision === null && facts.status !== 'decided' && facts.status !== 'withdrawn';
}

/** The filing window of each entry, in the order given (filing-window.ts). */
export function entryWindows(
  facts: Pick<ProtestFacts, 'entries'>,
  settings: ProtestClockSettings = DEFAULT_PROTEST_CLOCK_SETTINGS,
): FilingWindow[] {
  return facts.entries.map((entry) =>
    filingWindow(
      {
        entryDate: entry.entryDate,
        trigger: entry.dateKind,
        triggerDate: entry.liquidationOrDecisionDate,
      },
      settings,
    ),
  );
}

function nonEmpty<T>(items: readonly T[]): readonly [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) {
    throw new RangeError('A protest has at least one entry');
  }
  return [first, ...rest];
}

/** The entry window that closes first: amendments and further review end with it. */
function closingWindow(windows: readonly FilingWindow[]): FilingWindow {
  const [first, ...rest] = nonEmpty(windows);
  return rest.reduce(
    (earliest, window) => (isBefore(window.effective, earliest.effective) ? window : earliest),
    first,
  );
}

export type ProtestAmendmentDecision =
  | AmendmentDecision
  | {
      readonly allowed: false;
      readonly code: 'protest_withdrawn';
      readonly reason: string;
      readonly params: ProtestTextParams;
    };

/**
 * Whether the protest may be amended on `today` (amendmentAllowed, 19 U.S.C. 1514(c)(1);
 * 19 CFR 174.14), and never once it is withdrawn.
 */
export function protestAmendment(
  facts: ProtestFacts,
  today: CalendarDate,
  settings: ProtestClockSettings = DEFAULT_PROTEST_CLOCK_SETTINGS,
): ProtestAmendmentDecision {
  if (facts.status === 'withdrawn') {
    return {
      allowed: false,
      code: 'protest_withdrawn',
      reason: 'The protest was withdrawn: it can no longer be amended.',
      params: {},
    };
  }
  return amendmentAllowed({
    amendOn: today,
    windows: nonEmpty(entryWindows(facts, settings)),
    acceleratedDispositionMailedOn: facts.acceleratedDispositionMailedOn,
    decidedOn: facts.decidedOn,
  });
}

interface NamedClock {
  readonly name: ProtestClockName;
  readonly entryNumber: string | null;
  readonly clock: ProtestClock;
}

function amendmentClock(window: FilingWindow): ProtestClock {
  return {
    nominal: window.nominal,
    effective: window.effective,
    due: window.due,
    roll: window.roll,
    rolled: window.rolled,
    kind: 'deadline',
    party: 'protestant',
    rule: {
      code: 'amendment',
      params: {},
      citation: '19 U.S.C. 1514(c)(1); 19 CFR 174.14',
      text: 'New objections can be added by amending the protest until the time to file it ends, unless accelerated disposition is requested first.',
    },
    provisional: false,
  };
}

/** The deemed-denial clocks of the protest (accelerated disposition, exclusion), whatever its status. */
function deemedDenialClocks(facts: ProtestFacts): NamedClock[] {
  const clocks: NamedClock[] = [];
  const setAside = facts.setAside ?? null;
  const grantedOn = setAside?.outcome === 'granted' ? setAside.decidedOn : null;
  const voided = (clock: ProtestClock) =>
    grantedOn !== null && isBefore(clock.effective, grantedOn);
  if (facts.acceleratedDispositionMailedOn !== null) {
    clocks.push({
      name: 'accelerated_disposition_deemed_denial',
      entryNumber: null,
      clock: acceleratedDispositionDeemedDenial(facts.acceleratedDispositionMailedOn),
    });
  }
  if (facts.decisionsProtested.some(isExclusionDecision)) {
    clocks.push({
      name: 'exclusion_deemed_denial',
      entryNumber: null,
      clock: exclusionProtestDeemedDenial(facts.filedOn),
    });
  }
  return clocks.filter((named) => !voided(named.clock));
}

function decisionClocks(facts: ProtestFacts, settings: ProtestClockSettings): NamedClock[] {
  const { decision, decidedOn } = facts;
  if (decision === null || decidedOn === null) {
    return [];
  }
  const clocks: NamedClock[] = [];
  if (decisionOpensCourtClock(decision)) {
    clocks.push({
      name: 'court_of_international_trade',
      entryNumber: null,
      clock:
        decision === 'deemed_denied'
          ? courtOfInternationalTradeDeadline('deemed_denial', decidedOn, settings)
          : courtOfInternationalTradeDeadline(
              'denial_notice_mailed',
              facts.denialNoticeMailedOn ?? decidedOn,
              settings,
            ),
    });
  }
  if (decisionRequiresReasons(decision)) {
    clocks.push({
      name: 'void_denial_request',
      entryNumber: null,
      clock: voidDenialRequestDeadline(decidedOn),
    });
  }
  return clocks;
}

/** The set-aside of a denial of further review (19 U.S.C. 1515(c); set-aside.ts). */
function setAsideClocks(facts: ProtestFacts): NamedClock[] {
  const deniedOn = facts.furtherReviewDeniedOn ?? null;
  const setAside = facts.setAside ?? null;
  if (deniedOn === null || facts.status === 'withdrawn') {
    return [];
  }
  if (setAside === null) {
    return [
      { name: 'set_aside_request', entryNumber: null, clock: setAsideRequestDeadline(deniedOn) },
    ];
  }
  if (setAside.outcome === null || setAside.outcome === 'deemed_denied') {
    return [
      {
        name: 'set_aside_deemed_denial',
        entryNumber: null,
        clock: setAsideRequestDeemedDenial(setAside.requestedOn),
      },
    ];
  }
  return [];
}

function namedClocks(facts: ProtestFacts, settings: ProtestClockSettings): NamedClock[] {
  const windows = entryWindows(facts, settings);
  const clocks: NamedClock[] = windows.map((window, index) => ({
    name: 'filing_window',
    entryNumber: facts.entries[index]?.entryNumber ?? null,
    clock: window,
  }));
  const open = isOpen(facts);
  if (open && facts.acceleratedDispositionMailedOn === null) {
    clocks.push({
      name: 'amendment',
      entryNumber: null,
      clock: amendmentClock(closingWindow(windows)),
    });
  }
  if (open || facts.decision === 'deemed_denied') {
    clocks.push(...deemedDenialClocks(facts));
  }
  const furtherReviewPending =
    facts.furtherReviewFiled &&
    (facts.furtherReviewDecidedOn ?? null) === null &&
    (facts.furtherReviewDeniedOn ?? null) === null &&
    facts.status !== 'under_further_review';
  if (open && furtherReviewPending) {
    clocks.push({
      name: 'further_review_decision',
      entryNumber: null,
      clock: furtherReviewDecisionTarget(facts.filedOn),
    });
  }
  if (open) {
    clocks.push({ name: 'review_target', entryNumber: null, clock: reviewTarget(facts.filedOn) });
  }
  clocks.push(...setAsideClocks(facts));
  clocks.push(...decisionClocks(facts, settings));
  return clocks;
}

function view(named: NamedClock, today: CalendarDate): ProtestClockView {
  const { clock } = named;
  return {
    name: named.name,
    entryNumber: named.entryNumber,
    nominal: clock.nominal,
    effective: clock.effective,
    rolled: clock.rolled,
    kind: clock.kind,
    party: clock.party,
    citation: clock.rule.citation,
    text: clock.rule.text,
    code: clock.rule.code,
    params: clock.rule.params,
    provisional: clock.provisional,
    daysLeft: daysBetween(today, clock.effective),
  };
}

/** Earliest effective day first; same day: deemed denials before deadlines before targets. */
function compareClockViews(a: ProtestClockView, b: ProtestClockView): number {
  return (
    compareCalendarDates(a.effective as CalendarDate, b.effective as CalendarDate) ||
    NAME_ORDER.indexOf(a.name) - NAME_ORDER.indexOf(b.name) ||
    (a.entryNumber ?? '').localeCompare(b.entryNumber ?? '')
  );
}

/** Every clock of the protest with its days left from `today`, earliest first. */
export function protestClockSet(
  facts: ProtestFacts,
  today: CalendarDate,
  settings: ProtestClockSettings = DEFAULT_PROTEST_CLOCK_SETTINGS,
): ProtestClockView[] {
  return namedClocks(facts, settings)
    .map((named) => view(named, today))
    .sort(compareClockViews);
}

/**
 * The next clock to act on: the earliest whose effective day is today or later. The entries'
 * filing windows are left out: the protest is filed, and what the protestant can still do
 * before they close is the `amendment` clock. Null when nothing is ahead.
 */
export function nextClock(
  clocks: readonly ProtestClockView[],
  today: CalendarDate,
): ProtestClockView | null {
  const ahead = clocks
    .filter((clock) => clock.name !== 'filing_window')
    .filter((clock) => !isBefore(clock.effective as CalendarDate, today))
    .sort(compareClockViews);
  return ahead[0] ?? null;
}

export interface QueuePriority {
  /** 0: a deemed-denial clock runs; 1: verified Trade Compliance protestant; 2: the rest. */
  readonly rank: 0 | 1 | 2;
  /** Rank 0: the deemed-denial day; otherwise the filing day. */
  readonly date: CalendarDate;
}

/**
 * The protest's place in CBP's review queue (issue 7, item 4), stored with the protest and
 * recomputed at each change:
 * 1. an undecided protest with a running deemed-denial clock (accelerated disposition mailed,
 *    19 U.S.C. 1515(b); or a protest of an exclusion, 19 CFR 174.21(b)), by its deemed-denial
 *    day (the earlier of the two when both run), a day already passed included: CBP loses the
 *    protest on that day unless it decides;
 * 2. a verified CTPAT Trade Compliance protestant (COAC benefit 3), by filing day;
 * 3. every other protest, by filing day (oldest first).
 */
export function queuePriority(facts: ProtestFacts): QueuePriority {
  if (isOpen(facts)) {
    const deemed = deemedDenialClocks(facts).map((named) => named.clock.effective);
    const [first, ...rest] = deemed;
    if (first !== undefined) {
      return { rank: 0, date: earliestCalendarDate(first, ...rest) };
    }
  }
  return { rank: facts.tradeComplianceVerified ? 1 : 2, date: facts.filedOn };
}
