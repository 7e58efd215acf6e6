import { randomUUID } from 'node:crypto';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import { isTerminalStatus } from '../../../domain/registry/lifecycle/membership-states.ts';
import type {
  OwnPilotView,
  PilotDecisionBody,
  PilotPhase,
  PilotQueue,
  PilotRequestBody,
  PilotRequestView,
  PilotStatus,
  PilotWithdrawBody,
} from '../../../domain/registry/lifecycle/pilot.schema.ts';
import {
  type PilotConfiguration,
  pilotCaps,
  pilotStart,
} from '../../../domain/registry/lifecycle/pilot-configuration.ts';
import {
  decidePilotRequest,
  PILOT_CATEGORIES,
  type PilotCategory,
  type PilotRequest,
  type PilotSettings,
  type RankedPilotRequest,
  rankPilotRequests,
} from '../../../domain/registry/lifecycle/third-party-logistics-pilot.ts';
import {
  type CalendarDate,
  calendarDate,
  isAfter,
  isBefore,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import { languageOf } from '../notifications/email-templates.ts';
import { notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  findPilotRequest,
  findPilotRequests,
  findPilotRequestsOf,
  insertPilotRequest,
  lockPilotPlaces,
  OPEN_PILOT_STATUSES,
  type PilotRequestRow,
  updatePilotRequest,
} from './pilot.repository.ts';
import { findEntityTypes, findMembership } from './registry.repository.ts';

/**
 * The 3PL pilot (issue 4, item 6; P.L. 118-98 sec. 3; 90 FR 52690). The order and the caps are
 * the domain's (third-party-logistics-pilot.ts); this service stores requests and decisions.
 *
 * How a request is decided (90 FR 52690: participants are taken first come, first served within
 * each category; P.L. 118-98: not more than 10 of each):
 * - Under one lock (lockPilotPlaces), a new request is measured against the places already
 *   taken: accepted participants plus the waiting requests that fit in the cap (the earlier
 *   requests in line). If a place is left it is stored `waiting` (CBP still checks eligibility:
 *   licences, subcontracting) with its place in line; if not, it is stored `refused` at once
 *   with decidePilotRequest's reason, so nobody waits for a place that cannot come and the
 *   caps hold however many requests arrive at the same moment.
 * - CBP accepts a waiting request only while it fits in the cap (rankPilotRequests), or refuses
 *   it with a reason; a refusal frees the place for the next request.
 * - A participant that withdraws is no longer a participant, so its place is freed too (the
 *   statute counts participants; ADR 0014 left this open).
 * - Requests are taken from the notice until the end date; the order counts from the request,
 *   so a request made before the pilot's first day keeps its place.
 */

const CATEGORY_NAMES: Record<'en' | 'es', Record<PilotCategory, string>> = {
  en: { asset_based: 'asset-based', non_asset_based: 'non-asset-based' },
  es: { asset_based: 'con activos', non_asset_based: 'sin activos' },
};

const OUTCOME_NAMES: Record<'en' | 'es', Record<'accepted' | 'refused', string>> = {
  en: { accepted: 'accepted', refused: 'refused' },
  // Spanish texts read "CBP ha {outcome} la solicitud".
  es: { accepted: 'aceptado', refused: 'rechazado' },
};

/** What follows a decision, in the recipient's language (90 FR 52690 for the next steps). */
function decisionDetails(
  language: 'en' | 'es',
  decision: { status: 'accepted' | 'refused'; reason: string | null },
): string {
  if (decision.status === 'accepted') {
    return language === 'es'
      ? 'La empresa presenta ahora su perfil de empresa y su perfil de seguridad; un especialista de CTPAT comprueba su elegibilidad.'
      : 'The company now files its company profile and Security Profile; a CTPAT specialist checks its eligibility.';
  }
  return language === 'es'
    ? `Motivo: ${decision.reason ?? ''}`
    : `Reason: ${decision.reason ?? ''}`;
}

/** Settings to order requests by: without an end date, no request is past the end. */
function rankingSettings(configuration: PilotConfiguration): PilotSettings {
  return configuration.kind === 'scheduled'
    ? configuration.settings
    : {
        capPerCategory: configuration.capPerCategory,
        startsOn: configuration.startsOn,
        endsOn: calendarDate('9999-12-31'),
      };
}

function phaseOf(configuration: PilotConfiguration, today: CalendarDate): PilotPhase {
  if (configuration.kind !== 'scheduled') {
    return 'end_date_not_set';
  }
  if (isAfter(today, configuration.settings.endsOn)) {
    return 'ended';
  }
  return isBefore(today, configuration.settings.startsOn) ? 'not_started' : 'open';
}

function asPilotRequest(row: PilotRequestRow): PilotRequest {
  return {
    id: row.id,
    companyId: row.organisationId,
    category: row.category,
    requestedAt: row.requestedAt,
  };
}

interface Places {
  accepted: PilotRequest[];
  ranked: Readonly<Record<PilotCategory, readonly RankedPilotRequest[]>>;
}

/** The participants and the waiting line of each category, from the open requests. */
function placesFrom(openRows: readonly PilotRequestRow[], settings: PilotSettings): Places {
  const accepted = openRows.filter((row) => row.status === 'accepted').map(asPilotRequest);
  const waiting = openRows.filter((row) => row.status === 'waiting').map(asPilotRequest);
  return { accepted, ranked: rankPilotRequests(accepted, waiting, settings) };
}

/** The places taken in a category: participants, then waiting requests within the cap. */
function placesTaken(places: Places, category: PilotCategory): PilotRequest[] {
  return [
    ...places.accepted.filter((request) => request.category === category),
    ...places.ranked[category].filter((entry) => entry.withinCap).map((entry) => entry.request),
  ];
}

function perCategory(count: (category: PilotCategory) => number) {
  return { asset_based: count('asset_based'), non_asset_based: count('non_asset_based') };
}

function statusView(
  configuration: PilotConfiguration,
  places: Places,
  today: CalendarDate,
): PilotStatus {
  const caps = pilotCaps(configuration);
  return {
    phase: phaseOf(configuration, today),
    startsOn: pilotStart(configuration),
    startIsProvisional: configuration.startIsProvisional,
    endsOn: configuration.kind === 'scheduled' ? configuration.settings.endsOn : null,
    capPerCategory: { ...caps },
    acceptedPerCategory: perCategory(
      (category) => places.accepted.filter((request) => request.category === category).length,
    ),
    placesLeftPerCategory: perCategory((category) =>
      Math.max(0, caps[category] - placesTaken(places, category).length),
    ),
  };
}

async function legalNames(db: Db, rows: readonly PilotRequestRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.organisationId))];
  const found = await organisationSummaries(db, ids);
  return new Map(ids.map((id) => [id, found.get(id)?.legalName ?? '']));
}

function requestView(
  row: PilotRequestRow,
  names: ReadonlyMap<string, string>,
  places: Places,
): PilotRequestView {
  const ranked = places.ranked[row.category].find((entry) => entry.request.id === row.id);
  return {
    id: row.id,
    organisationId: row.organisationId,
    legalName: names.get(row.organisationId) ?? '',
    category: row.category,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reason,
    rank: ranked?.rank ?? null,
    withinCap: row.status === 'waiting' ? (ranked?.withinCap ?? false) : null,
  };
}

async function currentPlaces(db: Db, settings: PilotSettings): Promise<Places> {
  return placesFrom(await findPilotRequests(db, { statuses: OPEN_PILOT_STATUSES }), settings);
}

/** The tenant (check 3): the member company the actor acts for. */
function ownOrganisation(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to take part in the 3PL pilot');
  }
  return own;
}

type Ineligibility = OwnPilotView['ineligibleReason'];

/** Whether the company may ask to join: a live membership holding the 3PL entity type. */
async function ineligibility(db: Db, organisationId: string): Promise<Ineligibility> {
  const membership = await findMembership(db, organisationId);
  if (!membership) {
    return 'no_membership';
  }
  if (isTerminalStatus(membership.status)) {
    return 'membership_closed';
  }
  const entityTypes = await findEntityTypes(db, organisationId);
  return entityTypes.some((entry) => entry.entityType === 'third_party_logistics_provider')
    ? null
    : 'not_3pl';
}

const INELIGIBLE_MESSAGES: Record<NonNullable<Ineligibility>, string> = {
  no_membership:
    'Your company has no CTPAT application yet: save a draft application naming the third-party logistics provider entity type first.',
  membership_closed:
    'Your company’s CTPAT membership has ended (removed, withdrawn or rejected): it cannot join the 3PL pilot.',
  not_3pl:
    'The 3PL pilot is for third-party logistics providers (P.L. 118-98 sec. 3): add the third-party logistics provider entity type to your company’s application first.',
};

/** The caller's company: the pilot's dates and places, whether it may ask, its requests. */
export async function getOwnPilot(ctx: ServiceContext): Promise<OwnPilotView> {
  const organisationId = ownOrganisation(ctx);
  const configuration = ctx.runtime.pilot;
  const places = await currentPlaces(ctx.db, rankingSettings(configuration));
  const [rows, reason] = await Promise.all([
    findPilotRequestsOf(ctx.db, organisationId),
    ineligibility(ctx.db, organisationId),
  ]);
  const names = await legalNames(ctx.db, rows);
  return {
    pilot: statusView(configuration, places, todayFromClock(ctx.clock)),
    eligibleToRequest: reason === null,
    ineligibleReason: reason,
    requests: rows.map((row) => requestView(row, names, places)),
  };
}

/** The settings to take a request or an acceptance under, or 409 saying why not. */
function openSettings(configuration: PilotConfiguration, today: CalendarDate): PilotSettings {
  if (configuration.kind !== 'scheduled') {
    throw new AppError(
      'CONFLICT',
      'The 3PL pilot’s end date is not set yet, so no request can be taken: the deployment sets it (PILOT_3PL_ENDS_ON) once CBP announces it.',
    );
  }
  const settings = configuration.settings;
  if (isAfter(today, settings.endsOn)) {
    throw new AppError('CONFLICT', `The 3PL pilot ended on ${settings.endsOn}.`);
  }
  return settings;
}

async function loadRequestView(db: Db, id: string, settings: PilotSettings) {
  const row = await findPilotRequest(db, id);
  if (!row) {
    throw notFound('Pilot request');
  }
  const [names, places] = await Promise.all([legalNames(db, [row]), currentPlaces(db, settings)]);
  return requestView(row, names, places);
}

/**
 * A company officer asks for the company to join the pilot in one category: stored `waiting`
 * with its place in line when a place is left, `refused` with the reason when none is.
 */
export async function requestPilotPlace(
  ctx: ServiceContext,
  body: PilotRequestBody,
): Promise<PilotRequestView> {
  const organisationId = ownOrganisation(ctx);
  const configuration = ctx.runtime.pilot;
  const settings = openSettings(configuration, todayFromClock(ctx.clock));
  const now = ctx.clock.now();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await lockPilotPlaces(tx);
    const reason = await ineligibility(tx, organisationId);
    if (reason !== null) {
      throw new AppError('CONFLICT', INELIGIBLE_MESSAGES[reason], { reason });
    }
    const open = await findPilotRequests(tx, { organisationId, statuses: OPEN_PILOT_STATUSES });
    const current = open[0];
    if (current) {
      throw new AppError(
        'CONFLICT',
        `Your company already has a ${current.status} request to join the 3PL pilot; withdraw it before asking again.`,
        { requestId: current.id },
      );
    }
    const places = await currentPlaces(tx, settings);
    const request: PilotRequest = {
      id,
      companyId: organisationId,
      category: body.category,
      requestedAt: now,
    };
    const decision = decidePilotRequest(placesTaken(places, body.category), request, settings);
    const refused = decision.outcome !== 'accepted';
    const refusal = refused ? decision.message : null;
    await insertPilotRequest(tx, {
      id,
      organisationId,
      category: body.category,
      status: refused ? 'refused' : 'waiting',
      requestedByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      requestedAt: now,
      decidedAt: refused ? now : null,
      reason: refusal,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'pilot_request.created',
      targetType: 'pilot_request',
      targetId: id,
      organisationId,
      before: null,
      after: {
        category: body.category,
        status: refused ? 'refused' : 'waiting',
        ...(decision.outcome === 'accepted' ? { placeInLine: decision.position } : {}),
      },
    });
    if (refused) {
      await appendAuditEvent(tx, auditOrigin(ctx), {
        action: 'pilot_request.refused',
        targetType: 'pilot_request',
        targetId: id,
        organisationId,
        before: { status: 'waiting' },
        after: { status: 'refused', outcome: decision.outcome, reason: refusal },
      });
    }
  });
  return loadRequestView(ctx.db, id, settings);
}

/** The company withdraws its waiting request or leaves the pilot (its place is freed). */
export async function withdrawPilotRequest(
  ctx: ServiceContext,
  requestId: string,
  body: PilotWithdrawBody,
): Promise<PilotRequestView> {
  const organisationId = ownOrganisation(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockPilotPlaces(tx);
    const row = await findPilotRequest(tx, requestId);
    // Check 3: another company's request answers as if it did not exist.
    if (!row || row.organisationId !== organisationId) {
      throw notFound('Pilot request');
    }
    if (!OPEN_PILOT_STATUSES.includes(row.status)) {
      throw new AppError('CONFLICT', `This request is already ${row.status}.`);
    }
    const reason = body.reason ?? null;
    await updatePilotRequest(tx, requestId, {
      status: 'withdrawn',
      decidedByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      decidedAt: now,
      reason,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'pilot_request.withdrawn',
      targetType: 'pilot_request',
      targetId: requestId,
      organisationId,
      before: { status: row.status },
      after: { status: 'withdrawn', reason },
    });
  });
  return loadRequestView(ctx.db, requestId, rankingSettings(ctx.runtime.pilot));
}

/** CBP: every request of each category in first-come-first-served order, with the places. */
export async function getPilotQueue(ctx: ServiceContext): Promise<PilotQueue> {
  const configuration = ctx.runtime.pilot;
  if (!hasPermission(ctx.actor, 'pilot:manage:any')) {
    throw notFound('Pilot');
  }
  const rows = await findPilotRequests(ctx.db);
  const places = placesFrom(
    rows.filter((row) => OPEN_PILOT_STATUSES.includes(row.status)),
    rankingSettings(configuration),
  );
  const names = await legalNames(ctx.db, rows);
  return {
    pilot: statusView(configuration, places, todayFromClock(ctx.clock)),
    categories: PILOT_CATEGORIES.map((category) => ({
      category,
      requests: rows
        .filter((row) => row.category === category)
        .map((row) => requestView(row, names, places)),
    })),
  };
}

/**
 * CBP accepts a waiting request (only while it fits in its category's cap, first come first
 * served) or refuses it with a reason. The company's officers are told either way.
 */
export async function decidePilotRequestByCbp(
  ctx: ServiceContext,
  requestId: string,
  body: PilotDecisionBody,
): Promise<PilotRequestView> {
  if (!hasPermission(ctx.actor, 'pilot:manage:any')) {
    throw notFound('Pilot request');
  }
  const configuration = ctx.runtime.pilot;
  const today = todayFromClock(ctx.clock);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockPilotPlaces(tx);
    const row = await findPilotRequest(tx, requestId);
    if (!row) {
      throw notFound('Pilot request');
    }
    if (row.status !== 'waiting') {
      throw new AppError(
        'CONFLICT',
        `This request is already ${row.status}; only a waiting request is decided.`,
      );
    }
    let reason: string | null = null;
    let position: number | null = null;
    if (body.decision === 'accept') {
      const settings = openSettings(configuration, today);
      const places = await currentPlaces(tx, settings);
      const entry = places.ranked[row.category].find((ranked) => ranked.request.id === row.id);
      if (entry && !entry.withinCap) {
        throw new AppError(
          'CONFLICT',
          `This request is number ${entry.rank} in line and the ${CATEGORY_NAMES.en[row.category]} places left go to earlier requests first (90 FR 52690: first come, first served).`,
        );
      }
      const decision = decidePilotRequest(places.accepted, asPilotRequest(row), settings);
      if (decision.outcome !== 'accepted') {
        throw new AppError('CONFLICT', decision.message);
      }
      position = decision.position;
    } else {
      reason = body.reason ?? null;
    }
    const status = body.decision === 'accept' ? 'accepted' : 'refused';
    await updatePilotRequest(tx, requestId, {
      status,
      decidedByUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      decidedAt: now,
      reason,
    });
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: status === 'accepted' ? 'pilot_request.accepted' : 'pilot_request.refused',
      targetType: 'pilot_request',
      targetId: requestId,
      organisationId: row.organisationId,
      before: { status: row.status },
      after: { status, reason, ...(position !== null ? { participant: position } : {}) },
    });
    await notifyOfficers(ctx, tx, row, { status, reason, eventId: event.id });
  });
  return loadRequestView(ctx.db, requestId, rankingSettings(configuration));
}

/** Tells the company's officers (in the app and by e-mail, in their language) of a decision. */
async function notifyOfficers(
  ctx: ServiceContext,
  tx: Db,
  row: PilotRequestRow,
  decision: { status: 'accepted' | 'refused'; reason: string | null; eventId: number },
): Promise<void> {
  const [officers, names] = await Promise.all([
    membersWithRoles(tx, row.organisationId, ['company_officer']),
    organisationSummaries(tx, [row.organisationId]),
  ]);
  const organisation = names.get(row.organisationId)?.legalName ?? '';
  for (const officer of officers) {
    const language = languageOf(officer.preferredLanguage);
    await notifyFrom(ctx, tx, {
      key: `pilot_request_decided:${decision.eventId}:${officer.userId}`,
      kind: 'pilot_request_decided',
      params: {
        organisation,
        category: CATEGORY_NAMES[language][row.category],
        outcome: OUTCOME_NAMES[language][decision.status],
        details: decisionDetails(language, decision),
        link: `${ctx.runtime.publicUrl}/pilot`,
      },
      link: '/pilot',
      organisationId: row.organisationId,
      userId: officer.userId,
      email: { to: officer.email, language },
    });
  }
}
