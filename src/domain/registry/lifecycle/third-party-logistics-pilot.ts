import type { FieldIssue } from '../../errors/error-codes.ts';
import {
  addYears,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  isAfter,
  isBefore,
} from '../../time/calendar-date.ts';

/**
 * The 3PL pilot (issue 4, item 6): CTPAT Pilot Program Act of 2023, Public Law 118-98 (S. 794,
 * signed 1 October 2024, note to 6 U.S.C. 961), sec. 3; CBP notice 90 FR 52690 (21 November
 * 2025, doc. 2025-20648). Facts: ../shared/domain/trade-compliance-protests-exams.md §5 and
 * ../shared/domain/ctpat-program.md §2.1.
 *
 * - Two categories: non-asset-based 3PLs (arrange international freight, DOT licence) and
 *   asset-based 3PLs (cross-border, licensed or bonded by FMC, TSA, CBP or DOT, own warehouses).
 * - "Not more than 10" participants of each category (P.L. 118-98): the 11th request in a
 *   category is refused. Caps are settings that may be lowered, never raised above 10.
 * - First come, first served within each category, by the time of the request (90 FR 52690).
 *   Ties on the same instant go to the smaller request id, so the order is total and the same
 *   on every run. An accepted participant is never displaced by a request that arrives later,
 *   whatever its timestamp.
 * - The pilot starts no earlier than 1 December 2025 (90 FR 52690), lasts at least 1 year and
 *   ends no later than 5 years after it starts (P.L. 118-98). No source gives the end date, so
 *   `endsOn` is a required setting with no default.
 *
 * Eligibility itself (licences, no subcontracting beyond a second party) is checked by the SCSS
 * after selection, as for any applicant; this module only decides the order and the caps.
 */
export const PILOT_CATEGORIES = ['asset_based', 'non_asset_based'] as const;
export type PilotCategory = (typeof PILOT_CATEGORIES)[number];

/**
 * A stored request: waiting (CBP checks eligibility; its place is its rank), accepted (counts
 * towards the cap), refused (cap reached, pilot ended, or not eligible) or withdrawn by the
 * company.
 */
export const PILOT_REQUEST_STATUSES = ['waiting', 'accepted', 'refused', 'withdrawn'] as const;
export type PilotRequestStatus = (typeof PILOT_REQUEST_STATUSES)[number];

/** P.L. 118-98: "not more than 10" of each category. */
export const STATUTORY_PILOT_CAP = 10;
/** 90 FR 52690: the pilot starts no earlier than this date. */
export const EARLIEST_PILOT_START: CalendarDate = calendarDate('2025-12-01');
/** P.L. 118-98: the pilot runs at least 1 year. */
export const MINIMUM_PILOT_YEARS = 1;
/** P.L. 118-98 and 90 FR 52690: the pilot ends no later than 5 years after it starts. */
export const MAXIMUM_PILOT_YEARS = 5;

export interface PilotSettings {
  /** Participants allowed per category: 1 to 10. */
  readonly capPerCategory: Readonly<Record<PilotCategory, number>>;
  /** The first day of the pilot; not before 1 December 2025. */
  readonly startsOn: CalendarDate;
  /** The last day of the pilot. Required: no source gives it. */
  readonly endsOn: CalendarDate;
}

export interface PilotSettingsInput {
  readonly capPerCategory?: Partial<Record<PilotCategory, number>>;
  /** Defaults to 1 December 2025, the earliest start the notice allows. */
  readonly startsOn?: CalendarDate;
  readonly endsOn: CalendarDate;
}

export type PilotSettingsResult =
  | {
      readonly ok: true;
      readonly settings: PilotSettings;
      /** True while `startsOn` is the default (the earliest allowed start, not a known date). */
      readonly startIsProvisional: boolean;
    }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** A deployment's pilot settings, checked against the statute and the notice. */
export function resolvePilotSettings(input: PilotSettingsInput): PilotSettingsResult {
  const issues: FieldIssue[] = [];
  const capPerCategory = {
    asset_based: input.capPerCategory?.asset_based ?? STATUTORY_PILOT_CAP,
    non_asset_based: input.capPerCategory?.non_asset_based ?? STATUTORY_PILOT_CAP,
  };
  for (const category of PILOT_CATEGORIES) {
    const cap = capPerCategory[category];
    if (!Number.isInteger(cap) || cap < 1 || cap > STATUTORY_PILOT_CAP) {
      issues.push({
        path: `capPerCategory.${category}`,
        message: `must be a whole number from 1 to ${STATUTORY_PILOT_CAP} (P.L. 118-98: not more than ${STATUTORY_PILOT_CAP}), got ${String(cap)}`,
      });
    }
  }
  const startsOn = input.startsOn ?? EARLIEST_PILOT_START;
  if (isBefore(startsOn, EARLIEST_PILOT_START)) {
    issues.push({
      path: 'startsOn',
      message: `must be on or after ${EARLIEST_PILOT_START} (90 FR 52690)`,
    });
  }
  const earliestEnd = addYears(startsOn, MINIMUM_PILOT_YEARS);
  const latestEnd = addYears(startsOn, MAXIMUM_PILOT_YEARS);
  if (isBefore(input.endsOn, earliestEnd)) {
    issues.push({
      path: 'endsOn',
      message: `must be on or after ${earliestEnd}: the pilot runs at least 1 year (P.L. 118-98)`,
    });
  }
  if (isAfter(input.endsOn, latestEnd)) {
    issues.push({
      path: 'endsOn',
      message: `must be on or before ${latestEnd}: the pilot ends within 5 years of its start (P.L. 118-98)`,
    });
  }
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    settings: Object.freeze({
      capPerCategory: Object.freeze(capPerCategory),
      startsOn,
      endsOn: input.endsOn,
    }),
    startIsProvisional: input.startsOn === undefined,
  };
}

export interface PilotRequest {
  /** The request's own id: breaks ties between requests made at the same instant. */
  readonly id: string;
  /** The company asking to join. */
  readonly companyId: string;
  readonly category: PilotCategory;
  /** When the request reached CBP: the first-come-first-served order. */
  readonly requestedAt: Date;
}

/** A request already accepted into the pilot, counting towards its category's cap. */
export type PilotParticipant = PilotRequest;

/** First-come-first-served order: earlier `requestedAt`, then smaller `id`. */
export function comparePilotRequests(a: PilotRequest, b: PilotRequest): number {
  const byTime = a.requestedAt.getTime() - b.requestedAt.getTime();
  if (byTime !== 0) {
    return byTime;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? -1 : 1;
}

export type PilotDecision =
  | {
      readonly outcome: 'accepted';
      readonly category: PilotCategory;
      /** 1-based place among the category's participants, this one included. */
      readonly position: number;
    }
  | {
      readonly outcome:
        | 'refused_cap_reached'
        | 'refused_already_participating'
        | 'refused_pilot_ended';
      readonly message: string;
    };

const CATEGORY_NAMES: Record<PilotCategory, string> = {
  asset_based: 'asset-based',
  non_asset_based: 'non-asset-based',
};

function countIn(participants: readonly PilotParticipant[], category: PilotCategory): number {
  return participants.filter((participant) => participant.category === category).length;
}

/**
 * Decide one request against the participants accepted so far. Requests are decided in the
 * order they arrive; each accepted one joins `accepted` before the next decision.
 */
export function decidePilotRequest(
  accepted: readonly PilotParticipant[],
  request: PilotRequest,
  settings: PilotSettings,
): PilotDecision {
  const requestedOn = calendarDateFromInstant(request.requestedAt);
  if (isAfter(requestedOn, settings.endsOn)) {
    return {
      outcome: 'refused_pilot_ended',
      message: `The 3PL pilot ended on ${settings.endsOn}; this request was made on ${requestedOn}.`,
    };
  }
  if (accepted.some((participant) => participant.companyId === request.companyId)) {
    return {
      outcome: 'refused_already_participating',
      message: 'This company already takes part in the 3PL pilot.',
    };
  }
  const cap = settings.capPerCategory[request.category];
  const taken = countIn(accepted, request.category);
  if (taken >= cap) {
    return {
      outcome: 'refused_cap_reached',
      message: `The 3PL pilot already has ${taken} ${CATEGORY_NAMES[request.category]} participants, the most allowed (${cap}; P.L. 118-98: not more than ${STATUTORY_PILOT_CAP} per category).`,
    };
  }
  return { outcome: 'accepted', category: request.category, position: taken + 1 };
}

export interface RankedPilotRequest {
  readonly request: PilotRequest;
  /** 1-based place in its category's queue of waiting requests. */
  readonly rank: number;
  /** Whether the request fits in the places its category has left. */
  readonly withinCap: boolean;
}

/**
 * The waiting requests (not yet decided, for example while CBP checks eligibility) in
 * first-come-first-served order per category, each marked whether it fits in the places left:
 * exactly what `decidePilotRequest` would answer if they were decided in time order. The result
 * does not depend on the order of `waiting`. Left out: requests made after the pilot ended,
 * requests of a company that already participates, and later requests of a company whose
 * earlier request fits.
 */
export function rankPilotRequests(
  accepted: readonly PilotParticipant[],
  waiting: readonly PilotRequest[],
  settings: PilotSettings,
): Readonly<Record<PilotCategory, readonly RankedPilotRequest[]>> {
  const placed = new Set(accepted.map((participant) => participant.companyId));
  const ranked: Record<PilotCategory, RankedPilotRequest[]> = {
    asset_based: [],
    non_asset_based: [],
  };
  const left: Record<PilotCategory, number> = {
    asset_based: settings.capPerCategory.asset_based - countIn(accepted, 'asset_based'),
    non_asset_based: settings.capPerCategory.non_asset_based - countIn(accepted, 'non_asset_based'),
  };
  for (const request of [...waiting].sort(comparePilotRequests)) {
    const requestedOn = calendarDateFromInstant(request.requestedAt);
    if (isAfter(requestedOn, settings.endsOn) || placed.has(request.companyId)) {
      continue;
    }
    const queue = ranked[request.category];
    const withinCap = left[request.category] > 0;
    if (withinCap) {
      left[request.category] -= 1;
      placed.add(request.companyId);
    }
    queue.push({ request, rank: queue.length + 1, withinCap });
  }
  return ranked;
}
