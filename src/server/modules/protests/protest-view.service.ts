import type { CbpCenterCode } from '../../../domain/protests/cbp-centers.ts';
import { cbpCenterName } from '../../../domain/protests/cbp-centers.ts';
import type { FilingTrigger } from '../../../domain/protests/filing-window.ts';
import type {
  ProtestSetAsideView,
  ProtestSummary,
  ProtestView,
} from '../../../domain/protests/protest-api.schema.ts';
import {
  DEFAULT_PROTEST_CLOCK_SETTINGS,
  type ProtestClockSettings,
} from '../../../domain/protests/protest-clock.ts';
import {
  nextClock,
  type ProtestFacts,
  protestAmendment,
  protestClockSet,
} from '../../../domain/protests/protest-clock-set.ts';
import { setAsideRequestDeemedDenial } from '../../../domain/protests/protest-clocks.ts';
import {
  type SetAsideFacts,
  type SetAsideOutcome,
  setAsideRequestAllowed,
} from '../../../domain/protests/set-aside.ts';
import {
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type { Clock } from '../../../domain/time/clock.ts';
import type { Db } from '../../db/database.ts';
import { displayNames } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { tradeComplianceSnapshot } from '../registry/trade-compliance.service.ts';
import { findEventsOf } from './protest-review.repository.ts';
import { readTimeliness, timelinessTexts, untimelyReason } from './protest-timeliness.ts';
import {
  findAttachmentsOf,
  findEntriesOf,
  findProtestEvents,
  type ProtestEntryRow,
  type ProtestEventRow,
  type ProtestRow,
} from './protests.repository.ts';

/**
 * How a protest reads, for its filer and for CBP (issue 7, items 2, 3 and 6): the stored row
 * with its clocks computed for today, the amendment decision, the Trade Compliance indicator
 * with the member's status now, attachments, history with names, reviewer and decision.
 * Not an entry point for requests: the caller has decided the reader may see the protest.
 */

/** What reading a protest needs of the service context: today's date. */
export type ProtestReadContext = { readonly clock: Clock };

/**
 * The weekend/holiday roll settings (ADR 0024). No deployment setting exists yet: the default
 * (roll on, no additional closed days) until one is wired through the configuration.
 */
let configuredClockSettings: ProtestClockSettings = DEFAULT_PROTEST_CLOCK_SETTINGS;

/**
 * Sets the deployment's protest clock settings (PROTEST_ROLL_WEEKENDS_AND_HOLIDAYS,
 * PROTEST_ADDITIONAL_CLOSED_DAYS): `buildApp` calls it once from the configuration. A process
 * setting rather than a request one because the list builders and hourly jobs that compute
 * clocks have no request context; every app in a process shares the deployment's rules.
 */
export function configureProtestClocks(settings: ProtestClockSettings): void {
  configuredClockSettings = settings;
}

/** The protest clock settings in force (the default roll until configured). */
export function protestClockSettings(): ProtestClockSettings {
  return configuredClockSettings;
}

/**
 * The event kinds a review records for an application for further review; the further-review
 * clocks read them (`details.on`, a date, or else the event's day).
 */
export const FURTHER_REVIEW_EVENT_KINDS = {
  approved: 'further_review_approved',
  denied: 'further_review_denied',
} as const;

/**
 * The event kinds of a request to set aside the denial of further review (19 U.S.C. 1515(c);
 * protest-set-aside.service.ts): the request, then at most one outcome. `details.on` is the day.
 */
export const SET_ASIDE_EVENT_KINDS = {
  requested: 'set_aside_requested',
  granted: 'set_aside_granted',
  denied: 'set_aside_denied',
  deemed_denied: 'set_aside_deemed_denied',
} as const;

const SET_ASIDE_OUTCOME_OF_KIND: ReadonlyMap<string, SetAsideOutcome> = new Map([
  [SET_ASIDE_EVENT_KINDS.granted, 'granted'],
  [SET_ASIDE_EVENT_KINDS.denied, 'denied'],
  [SET_ASIDE_EVENT_KINDS.deemed_denied, 'deemed_denied'],
]);

/** Every event kind the protest's clocks read (lists and the hourly job read only these). */
export const CLOCK_EVENT_KINDS: readonly string[] = [
  ...Object.values(FURTHER_REVIEW_EVENT_KINDS),
  ...Object.values(SET_ASIDE_EVENT_KINDS),
];

function eventDay(event: ProtestEventRow): CalendarDate {
  const on = event.details.on;
  return typeof on === 'string' ? calendarDate(on) : calendarDateFromInstant(event.at);
}

/** The set-aside request and its outcome, from the protest's events (oldest first). */
export function setAsideFactsOf(events: readonly ProtestEventRow[]): SetAsideFacts | null {
  const request = events.find((event) => event.kind === SET_ASIDE_EVENT_KINDS.requested);
  if (request === undefined) {
    return null;
  }
  const outcome = events.find((event) => SET_ASIDE_OUTCOME_OF_KIND.has(event.kind));
  return {
    requestedOn: eventDay(request),
    outcome: outcome === undefined ? null : (SET_ASIDE_OUTCOME_OF_KIND.get(outcome.kind) ?? null),
    decidedOn: outcome === undefined ? null : eventDay(outcome),
  };
}

/** The clock facts of a stored protest (events: for the further-review outcome, if any). */
export function protestFacts(
  row: ProtestRow,
  entries: readonly ProtestEntryRow[],
  events: readonly ProtestEventRow[] = [],
): ProtestFacts {
  const decided = events.filter(
    (event) =>
      event.kind === FURTHER_REVIEW_EVENT_KINDS.approved ||
      event.kind === FURTHER_REVIEW_EVENT_KINDS.denied,
  );
  const last = decided.at(-1);
  return {
    filedOn: calendarDate(row.filedOn),
    entries: entries.map((entry) => ({
      entryNumber: entry.entryNumber,
      entryDate: calendarDate(entry.entryDate),
      dateKind: entry.dateKind as FilingTrigger,
      liquidationOrDecisionDate: calendarDate(entry.liquidationOrDecisionDate),
    })),
    decisionsProtested: row.decisionsProtested,
    status: row.status,
    acceleratedDispositionMailedOn:
      row.acceleratedDispositionMailedOn === null
        ? null
        : calendarDate(row.acceleratedDispositionMailedOn),
    furtherReviewFiled: row.furtherReviewCriterion !== null,
    furtherReviewDecidedOn: last === undefined ? null : eventDay(last),
    furtherReviewDeniedOn: last?.kind === FURTHER_REVIEW_EVENT_KINDS.denied ? eventDay(last) : null,
    setAside: setAsideFactsOf(events),
    decision: row.decision,
    decidedOn: row.decidedOn === null ? null : calendarDate(row.decidedOn),
    denialNoticeMailedOn:
      row.denialNoticeMailedOn === null ? null : calendarDate(row.denialNoticeMailedOn),
    tradeComplianceVerified: row.tcVerified,
  };
}

function person(userId: string | null, names: ReadonlyMap<string, string>) {
  return userId === null ? null : { userId, displayName: names.get(userId) ?? '' };
}

/** One row of a protest list (the member's list, CBP's queue), with its next clock. */
export function protestSummary(
  row: ProtestRow,
  entries: readonly ProtestEntryRow[],
  furtherReviewEvents: readonly ProtestEventRow[],
  names: ReadonlyMap<string, string>,
  today: CalendarDate,
  settings: ProtestClockSettings = protestClockSettings(),
): ProtestSummary {
  const clocks = protestClockSet(protestFacts(row, entries, furtherReviewEvents), today, settings);
  const lead = entries.find((entry) => entry.lead) ?? entries[0];
  return {
    id: row.id,
    protestNumber: row.protestNumber,
    status: row.status,
    protestantName: row.protestantName,
    importerNumber: row.importerNumber,
    center: row.center as CbpCenterCode,
    filedOn: row.filedOn,
    timely: row.timely,
    leadEntryNumber: lead?.entryNumber ?? '',
    entries: entries.length,
    tradeCompliance: row.tcVerified,
    priorityRank: row.priorityRank,
    priorityDate: row.priorityDate,
    nextClock: nextClock(clocks, today),
    assignedReviewer: person(row.assignedReviewerUserId, names),
    decision: row.decision,
  };
}

/** The list rows of these protests, in the order given: entries and names in two queries. */
export async function protestSummaries(
  ctx: ProtestReadContext,
  db: Db,
  rows: readonly ProtestRow[],
): Promise<ProtestSummary[]> {
  const today = todayFromClock(ctx.clock);
  const entries = await findEntriesOf(
    db,
    rows.map((row) => row.id),
  );
  // The further-review decisions move a row's clocks (the 30-day target ends, the set-aside
  // window opens): read them for the few rows that applied for further review.
  const withFurtherReview = rows.filter((row) => row.furtherReviewCriterion !== null);
  const events = await findEventsOf(
    db,
    withFurtherReview.map((row) => row.id),
    CLOCK_EVENT_KINDS,
  );
  const names = await displayNames(
    db,
    rows.flatMap((row) => (row.assignedReviewerUserId ? [row.assignedReviewerUserId] : [])),
  );
  return rows.map((row) =>
    protestSummary(
      row,
      entries.get(row.id) ?? [],
      events.filter((event) => event.protestId === row.id),
      names,
      today,
    ),
  );
}

async function tradeComplianceIndicator(db: Db, row: ProtestRow) {
  const memberId = row.tcMemberOrganisationId;
  const [member, now] =
    memberId === null
      ? [null, null]
      : await Promise.all([
          organisationSummaries(db, [memberId]).then((found) => found.get(memberId) ?? null),
          tradeComplianceSnapshot(db, memberId),
        ]);
  const statusNow = now?.status ?? null;
  return {
    verified: row.tcVerified,
    memberOrganisationId: memberId,
    memberName: member?.legalName ?? null,
    statusAtFiling: row.tcStatus,
    checkedAt: row.tcCheckedAt.toISOString(),
    statusNow,
    changedSinceFiling: memberId !== null && statusNow !== row.tcStatus,
  };
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The set-aside request with its outcome, as shown (the facts come from the same events). */
function setAsideView(
  facts: SetAsideFacts | null,
  events: readonly ProtestEventRow[],
  nameOf: (userId: string | null) => string | null,
): ProtestSetAsideView | null {
  const request = events.find((event) => event.kind === SET_ASIDE_EVENT_KINDS.requested);
  if (facts === null || request === undefined) {
    return null;
  }
  const outcome = events.find((event) => SET_ASIDE_OUTCOME_OF_KIND.has(event.kind));
  return {
    requestedOn: facts.requestedOn,
    requestedByName: nameOf(request.actorUserId),
    reasons: textOf(request.details.reasons) ?? '',
    deemedDeniedOn: setAsideRequestDeemedDenial(facts.requestedOn).effective,
    outcome: facts.outcome,
    decidedOn: facts.decidedOn,
    decisionReasons: textOf(outcome?.details.reasons),
    decidedByName: nameOf(outcome?.actorUserId ?? null),
  };
}

/** The whole protest as its filer and CBP read it. */
export async function protestView(
  ctx: ProtestReadContext,
  db: Db,
  row: ProtestRow,
): Promise<ProtestView> {
  const today = todayFromClock(ctx.clock);
  const settings = protestClockSettings();
  // One at a time: PGlite has one connection, and `db` may be a transaction.
  const entries = (await findEntriesOf(db, [row.id])).get(row.id) ?? [];
  const events = await findProtestEvents(db, row.id);
  const attachments = await findAttachmentsOf(db, row.id);
  const tradeCompliance = await tradeComplianceIndicator(db, row);
  const names = await displayNames(db, [
    ...(row.filedByUserId ? [row.filedByUserId] : []),
    ...(row.assignedReviewerUserId ? [row.assignedReviewerUserId] : []),
    ...(row.decidedByUserId ? [row.decidedByUserId] : []),
    ...events.flatMap((event) => (event.actorUserId ? [event.actorUserId] : [])),
  ]);
  const facts = protestFacts(row, entries, events);
  const timeliness = readTimeliness(row.timeliness);
  const byEntry = new Map(timeliness.entries.map((entry) => [entry.entryNumber, entry]));
  const timelinessText = timelinessTexts(timeliness, facts.filedOn, facts.entries);
  const amendment = protestAmendment(facts, today, settings);
  const setAsideRequest = setAsideRequestAllowed({
    furtherReviewDeniedOn: facts.furtherReviewDeniedOn ?? null,
    setAside: facts.setAside ?? null,
    status: row.status,
    decision: row.decision,
    requestOn: today,
  });
  const nameOf = (userId: string | null) => (userId === null ? null : (names.get(userId) ?? null));
  return {
    id: row.id,
    organisationId: row.organisationId,
    protestNumber: row.protestNumber,
    recorded: row.recorded,
    status: row.status,
    portCode: row.portCode,
    center: row.center as CbpCenterCode,
    centerName: cbpCenterName(row.center) ?? row.center,
    protestant: { name: row.protestantName, address: row.protestantAddress },
    protestantType: row.protestantType,
    importerNumber: row.importerNumber,
    filer: {
      name: row.filerName,
      address: row.filerAddress,
      capacity: row.filerCapacity,
      importerNumber: row.filerImporterNumber,
    },
    entries: entries.map((entry) => {
      const decided = byEntry.get(entry.entryNumber);
      const coded = timelinessText.get(entry.entryNumber);
      return {
        entryNumber: entry.entryNumber,
        entryDate: entry.entryDate,
        dateKind: entry.dateKind,
        liquidationOrDecisionDate: entry.liquidationOrDecisionDate,
        lead: entry.lead,
        timely: decided?.status !== 'untimely',
        timelinessReason: decided?.reason ?? '',
        timelinessCode: coded?.code ?? null,
        timelinessParams: coded?.params ?? {},
      };
    }),
    decisionsProtested: row.decisionsProtested,
    categories: row.categories,
    relatedProtest:
      row.relatedProtestNumber === null || row.relatedProtestReceivedOn === null
        ? null
        : { protestNumber: row.relatedProtestNumber, receivedOn: row.relatedProtestReceivedOn },
    suretyNonCollusionStatement: row.suretyNonCollusionStatement,
    drawbackDeclaration: row.drawbackDeclaration,
    furtherReview:
      row.furtherReviewCriterion === null
        ? null
        : { criterion: row.furtherReviewCriterion, reason: row.furtherReviewReason ?? '' },
    filedOn: row.filedOn,
    filedAt: row.filedAt.toISOString(),
    filedByName: nameOf(row.filedByUserId),
    timely: row.timely,
    untimelyReason: untimelyReason(timeliness),
    tradeCompliance,
    acceleratedDispositionMailedOn: row.acceleratedDispositionMailedOn,
    clocks: protestClockSet(facts, today, settings),
    amendment: {
      allowed: amendment.allowed,
      reason: amendment.reason,
      code: amendment.code,
      params: amendment.params,
    },
    setAsideRequest: setAsideRequest.allowed
      ? { allowed: true, reason: '', code: null, params: {} }
      : {
          allowed: false,
          reason: setAsideRequest.reason,
          code: setAsideRequest.code,
          params: setAsideRequest.params,
        },
    setAside: setAsideView(facts.setAside ?? null, events, nameOf),
    assignedReviewer: person(row.assignedReviewerUserId, names),
    decision:
      row.decision === null || row.decidedOn === null
        ? null
        : {
            kind: row.decision,
            reasons: row.decisionReasons,
            decidedOn: row.decidedOn,
            decidedByName: nameOf(row.decidedByUserId),
            denialNoticeMailedOn: row.denialNoticeMailedOn,
            refundDue: row.refundDue,
            published: row.publishDecision,
          },
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      kind: attachment.kind,
      filename: attachment.filename,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      uploadedAt: attachment.uploadedAt.toISOString(),
      rows: attachment.kind === 'details_spreadsheet' ? attachment.rows : null,
    })),
    events: events.map((event) => ({
      kind: event.kind,
      at: event.at.toISOString(),
      actorName: nameOf(event.actorUserId),
      details: event.details,
    })),
    version: row.version,
  };
}
