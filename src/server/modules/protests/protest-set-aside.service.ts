import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type {
  ProtestView,
  SetAsideDecisionBody,
} from '../../../domain/protests/protest-api.schema.ts';
import { queuePriority } from '../../../domain/protests/protest-clock-set.ts';
import type { SetAsideRequestBody } from '../../../domain/protests/protest-member-requests.schema.ts';
import {
  setAsideDecisionAllowed,
  setAsideRequestAllowed,
} from '../../../domain/protests/set-aside.ts';
import { todayFromClock } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { ownCompanyId, requireOwnProtest, requireVersion, userIdOf } from './protest-access.ts';
import { ROUTE_OF_CRITERION, ROUTE_WORDS } from './protest-further-review.service.ts';
import { notifyProtestParties } from './protest-notifications.ts';
import { updateProtestAtVersion } from './protest-review.repository.ts';
import { bodyIssue, versionConflict } from './protest-review-rules.ts';
import { protestFacts, protestView, SET_ASIDE_EVENT_KINDS } from './protest-view.service.ts';
import {
  findEntriesOf,
  findProtest,
  findProtestEvents,
  insertProtestEvent,
  type ProtestRow,
} from './protests.repository.ts';

/**
 * The set-aside of a denial of further review (19 U.S.C. 1515(c); set-aside.ts for the rules):
 * the protestant's written request to the Commissioner within 60 days after the notice of the
 * denial, and the Commissioner's action on it, recorded by CBP. Granted: the denial of further
 * review is set aside and the protest goes under further review (routed as an approved
 * application would be, 19 CFR 174.26); a denial of the protest already recorded is voided, as
 * the statute allows ("void the denial of protest, if appropriate"). Denied: reasons required;
 * nothing else changes, and the court deadline still runs from the original denial. No action
 * within 60 days: the hourly job records the deemed denial (protest-set-aside-deemed-denials.ts).
 *
 * Stored as protest events (no columns): `set_aside_requested`, then one of `set_aside_granted`,
 * `set_aside_denied`, `set_aside_deemed_denied` (protest-view.service.ts SET_ASIDE_EVENT_KINDS).
 * Each change bumps the protest's version and writes its event, audit event and notifications in
 * one transaction.
 */

async function factsOf(tx: Db, row: ProtestRow) {
  const entries = (await findEntriesOf(tx, [row.id])).get(row.id) ?? [];
  return { entries, facts: protestFacts(row, entries, await findProtestEvents(tx, row.id)) };
}

const REQUESTED_CHANGE = {
  en: 'set-aside of the denial of further review requested',
  es: 'solicitada la anulación de la denegación de la revisión adicional',
};
const REQUESTED_DETAILS = {
  en: (deemed: string) =>
    `The Commissioner has until ${deemed} to act on the request; if not, it is considered denied (19 U.S.C. 1515(c)). The request does not move the 180 days to go to the Court of International Trade, which run from the original denial of the protest.`,
  es: (deemed: string) =>
    `El Comisionado tiene hasta el ${deemed} para resolver la solicitud; si no lo hace, se considera denegada (19 U.S.C. 1515(c)). La solicitud no modifica los 180 días para acudir al Tribunal de Comercio Internacional, que corren desde la denegación original de la protesta.`,
};

/**
 * The protestant asks the Commissioner to set the denial of further review aside: only after a
 * denial, within 60 days after its notice, once, on a protest not withdrawn nor allowed in full
 * (409 naming the reason in `details.reason`); reasons required (400 on `body.reasons`).
 */
export async function requestSetAside(
  ctx: ServiceContext,
  protestId: string,
  body: SetAsideRequestBody,
): Promise<ProtestView> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const row = await requireOwnProtest(tx, organisationId, protestId, { forUpdate: true });
    const { facts } = await factsOf(tx, row);
    const decision = setAsideRequestAllowed({
      furtherReviewDeniedOn: facts.furtherReviewDeniedOn ?? null,
      setAside: facts.setAside ?? null,
      status: row.status,
      decision: row.decision,
      requestOn: today,
    });
    if (!decision.allowed) {
      throw new AppError('CONFLICT', decision.reason, { reason: decision.code });
    }
    requireVersion(row, body.expectedVersion);
    const now = ctx.clock.now();
    const updated = await updateProtestAtVersion(tx, row.id, body.expectedVersion, {
      updatedAt: now,
    });
    if (!updated) {
      throw versionConflict();
    }
    await insertProtestEvent(tx, {
      id: randomUUID(),
      protestId: row.id,
      kind: SET_ASIDE_EVENT_KINDS.requested,
      at: now,
      actorUserId: userIdOf(ctx),
      details: {
        on: today,
        reasons: body.reasons,
        lastDay: decision.lastDay,
        deemedDeniedOn: decision.deemedDeniedOn,
      },
    });
    const audit = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'protest.set_aside_requested',
      targetType: 'protest',
      targetId: row.id,
      organisationId,
      before: { version: row.version },
      after: { requestedOn: today, reasons: body.reasons, deemedDeniedOn: decision.deemedDeniedOn },
    });
    await notifyProtestParties(ctx, tx, updated, {
      kind: 'protest_status_changed',
      eventId: audit.id,
      change: (language) => REQUESTED_CHANGE[language],
      details: (language) => REQUESTED_DETAILS[language](decision.deemedDeniedOn),
    });
    return protestView(ctx, tx, updated);
  });
}

const GRANTED_CHANGE = {
  en: 'denial of further review set aside',
  es: 'anulada la denegación de la revisión adicional',
};
const DENIED_CHANGE = {
  en: 'set-aside request denied',
  es: 'solicitud de anulación denegada',
};
const DENIED_DETAILS = {
  en: 'The denial of further review stands. The 180 days to go to the Court of International Trade run from the original denial of the protest (19 U.S.C. 1515(c)).',
  es: 'La denegación de la revisión adicional se mantiene. Los 180 días para acudir al Tribunal de Comercio Internacional corren desde la denegación original de la protesta (19 U.S.C. 1515(c)).',
};

function grantedDetails(language: 'en' | 'es', route: string, voidedOn: string | null): string {
  const voided =
    voidedOn === null
      ? ''
      : language === 'es'
        ? ` La decisión sobre la protesta del ${voidedOn} queda anulada.`
        : ` The decision on the protest of ${voidedOn} is void.`;
  return language === 'es'
    ? `La protesta será revisada por ${route} (19 U.S.C. 1515(c); 19 CFR 174.26).${voided}`
    : `The protest will be reviewed by ${route} (19 U.S.C. 1515(c); 19 CFR 174.26).${voided}`;
}

/**
 * The Commissioner's action on a pending set-aside request, recorded by CBP: only while the
 * request is pending and its 60 days have not passed (409 with `details.reason`); reasons
 * required for a denial (400 on `body.reasons`). Granted: the protest is under further review,
 * and a denial of the protest already recorded is voided (its decision cleared, the event keeps
 * what it was); a protest allowed in full in the meantime cannot be granted (409).
 */
export async function decideSetAside(
  ctx: ServiceContext,
  protestId: string,
  body: SetAsideDecisionBody,
): Promise<ProtestView> {
  const reasons = body.reasons?.trim() ?? '';
  if (body.decision === 'denied' && reasons === '') {
    throw bodyIssue('reasons', 'are required when the set-aside request is denied');
  }
  const today = todayFromClock(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const row = await findProtest(tx, protestId, null, { forUpdate: true });
    if (!row) {
      throw notFound('Protest');
    }
    const { entries, facts } = await factsOf(tx, row);
    const setAside = facts.setAside ?? null;
    const check = setAsideDecisionAllowed(setAside, today);
    if (!check.allowed) {
      throw new AppError('CONFLICT', check.reason, { reason: check.code });
    }
    if (row.status === 'withdrawn') {
      throw new AppError('CONFLICT', 'The protest was withdrawn: the request is moot.', {
        reason: 'protest_withdrawn',
      });
    }
    const granted = body.decision === 'granted';
    if (granted && row.decision === 'allowed') {
      throw new AppError(
        'CONFLICT',
        'CBP allowed the protest in full: there is no denial left to set aside.',
        { reason: 'protest_allowed' },
      );
    }
    if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) {
      throw versionConflict();
    }
    const now = ctx.clock.now();
    const voided =
      granted && row.decision !== null && row.decidedOn !== null
        ? { kind: row.decision, decidedOn: row.decidedOn, reasons: row.decisionReasons }
        : null;
    const route = row.furtherReviewCriterion
      ? ROUTE_OF_CRITERION[row.furtherReviewCriterion]
      : 'center_designee';
    const changes = granted
      ? {
          status: 'under_further_review' as const,
          ...(voided === null
            ? {}
            : {
                decision: null,
                decisionReasons: null,
                decidedOn: null,
                decidedByUserId: null,
                denialNoticeMailedOn: null,
                refundDue: null,
                publishDecision: null,
              }),
        }
      : {};
    const priority =
      granted && setAside !== null
        ? queuePriority({
            ...protestFacts({ ...row, ...changes }, entries),
            setAside: { ...setAside, outcome: 'granted', decidedOn: today },
          })
        : null;
    const updated = await updateProtestAtVersion(tx, row.id, row.version, {
      ...changes,
      ...(priority === null ? {} : { priorityRank: priority.rank, priorityDate: priority.date }),
      updatedAt: now,
    });
    if (!updated) {
      throw versionConflict();
    }
    await insertProtestEvent(tx, {
      id: randomUUID(),
      protestId: row.id,
      kind: granted ? SET_ASIDE_EVENT_KINDS.granted : SET_ASIDE_EVENT_KINDS.denied,
      at: now,
      actorUserId: userIdOf(ctx),
      details: {
        on: today,
        ...(reasons === '' ? {} : { reasons }),
        ...(granted ? { route } : {}),
        ...(voided === null ? {} : { voidedDecision: voided }),
      },
    });
    const audit = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'protest.set_aside_decided',
      targetType: 'protest',
      targetId: row.id,
      organisationId: row.organisationId,
      before: { status: row.status, decision: row.decision, version: row.version },
      after: {
        decision: body.decision,
        status: updated.status,
        ...(reasons === '' ? {} : { reasons }),
        ...(voided === null ? {} : { voidedDecision: voided.kind }),
      },
    });
    await notifyProtestParties(ctx, tx, updated, {
      kind: 'protest_status_changed',
      eventId: audit.id,
      change: (language) => (granted ? GRANTED_CHANGE : DENIED_CHANGE)[language],
      details: (language) =>
        granted
          ? grantedDetails(language, ROUTE_WORDS[language][route], voided?.decidedOn ?? null)
          : DENIED_DETAILS[language],
    });
    return protestView(ctx, tx, updated);
  });
}
