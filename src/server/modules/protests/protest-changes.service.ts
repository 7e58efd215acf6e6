import { randomUUID } from 'node:crypto';
import { AppError } from '../../../domain/errors/error-codes.ts';
import type { ProtestView } from '../../../domain/protests/protest-api.schema.ts';
import { protestAmendment, queuePriority } from '../../../domain/protests/protest-clock-set.ts';
import { acceleratedDispositionDeemedDenial } from '../../../domain/protests/protest-clocks.ts';
import type { AmendProtestBody } from '../../../domain/protests/protest-member-requests.schema.ts';
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
import {
  invalid,
  ownCompanyId,
  requireOpen,
  requireOwnProtest,
  requireVersion,
  userIdOf,
} from './protest-access.ts';
import { notifyProtestParties } from './protest-notifications.ts';
import { protestClockSettings, protestFacts, protestView } from './protest-view.service.ts';
import {
  findEntriesOf,
  findProtestEvents,
  insertProtestEvent,
  type ProtestRow,
  updateProtest,
} from './protests.repository.ts';

/**
 * What a protest's filer changes after filing (issue 7, items 2 and 6): an amendment while the
 * law allows it (19 U.S.C. 1514(c)(1); 19 CFR 174.14), the mailing of a request for accelerated
 * disposition (19 U.S.C. 1515(b)), a withdrawal. Each change is one transaction with its event,
 * its audit event and, for a change of status, the notifications.
 */

async function factsOf(tx: Db, row: ProtestRow) {
  const entries = (await findEntriesOf(tx, [row.id])).get(row.id) ?? [];
  return protestFacts(row, entries, await findProtestEvents(tx, row.id));
}

async function recordEvent(
  ctx: ServiceContext,
  tx: Db,
  row: ProtestRow,
  kind: string,
  details: Record<string, unknown>,
) {
  await insertProtestEvent(tx, {
    id: randomUUID(),
    protestId: row.id,
    kind,
    at: ctx.clock.now(),
    actorUserId: userIdOf(ctx),
    details,
  });
}

/**
 * Amends the decisions protested and the categories with their objections: only until the
 * filing window of every entry closes, and never once accelerated disposition was requested or
 * the protest decided or withdrawn (409 with the reason). The queue priority is recomputed (an
 * exclusion added starts the exclusion clock's rank).
 */
export async function amendProtest(
  ctx: ServiceContext,
  protestId: string,
  body: AmendProtestBody,
): Promise<ProtestView> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const row = await requireOwnProtest(tx, organisationId, protestId, { forUpdate: true });
    requireVersion(row, body.expectedVersion);
    const facts = await factsOf(tx, row);
    const decision = protestAmendment(facts, today, protestClockSettings());
    if (!decision.allowed) {
      throw new AppError('CONFLICT', decision.reason, { reason: decision.code });
    }
    if (
      body.decisionsProtested.includes('drawback_refusal') &&
      row.drawbackDeclaration === 'not_subject_to_drawback'
    ) {
      throw invalid([
        {
          path: 'body.decisionsProtested',
          message:
            'a refusal of drawback cannot be protested by a protest that declares the entries "not subject to drawback"',
        },
      ]);
    }
    const priority = queuePriority({ ...facts, decisionsProtested: body.decisionsProtested });
    const updated = await updateProtest(tx, row.id, {
      decisionsProtested: body.decisionsProtested,
      categories: body.categories,
      priorityRank: priority.rank,
      priorityDate: priority.date,
      updatedAt: ctx.clock.now(),
    });
    const before = { decisionsProtested: row.decisionsProtested, categories: row.categories };
    const after = { decisionsProtested: body.decisionsProtested, categories: body.categories };
    await recordEvent(ctx, tx, updated, 'amended', {
      decisionsProtested: body.decisionsProtested,
      categories: body.categories.map((category) => category.category),
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'protest.amended',
      targetType: 'protest',
      targetId: row.id,
      organisationId,
      before,
      after,
    });
    return protestView(ctx, tx, updated);
  });
}

const AD_CHANGE = {
  en: (mailedOn: string) => `accelerated disposition requested (mailed on ${mailedOn})`,
  es: (mailedOn: string) => `resolución acelerada solicitada (enviada el ${mailedOn})`,
};
const AD_DETAILS = {
  en: (deemed: string) =>
    `If CBP neither allows nor denies the protest by ${deemed}, it is deemed denied on that day (19 U.S.C. 1515(b)), and the 180 days to go to the Court of International Trade start. The protest can no longer be amended.`,
  es: (deemed: string) =>
    `Si CBP no admite ni deniega la protesta a más tardar el ${deemed}, se considera denegada ese día (19 U.S.C. 1515(b)) y empiezan los 180 días para acudir al Tribunal de Comercio Internacional. La protesta ya no puede modificarse.`,
};

/**
 * Records the mailing of a request for accelerated disposition (by certified or registered
 * mail, at or after filing: 19 U.S.C. 1515(b)): not before the filing day, not in the future,
 * once. The protest moves to the top of CBP's queue (rank 0) by its deemed-denial day.
 */
export async function requestAcceleratedDisposition(
  ctx: ServiceContext,
  protestId: string,
  body: { mailedOn: string },
): Promise<ProtestView> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  const mailedOn: CalendarDate = calendarDate(body.mailedOn);
  return ctx.db.transaction(async (tx) => {
    const row = await requireOwnProtest(tx, organisationId, protestId, { forUpdate: true });
    requireOpen(row, 'requesting accelerated disposition');
    if (row.acceleratedDispositionMailedOn !== null) {
      throw new AppError(
        'CONFLICT',
        `Accelerated disposition was already requested (mailed on ${row.acceleratedDispositionMailedOn}).`,
        { mailedOn: row.acceleratedDispositionMailedOn },
      );
    }
    if (isBefore(mailedOn, calendarDate(row.filedOn))) {
      throw invalid([
        {
          path: 'body.mailedOn',
          message: `is before the protest was filed (${row.filedOn}): the request is made at or after filing (19 U.S.C. 1515(b))`,
        },
      ]);
    }
    if (isAfter(mailedOn, today)) {
      throw invalid([
        { path: 'body.mailedOn', message: `${mailedOn} is in the future (today is ${today})` },
      ]);
    }
    const facts = { ...(await factsOf(tx, row)), acceleratedDispositionMailedOn: mailedOn };
    const priority = queuePriority(facts);
    const deemed = acceleratedDispositionDeemedDenial(mailedOn).effective;
    const updated = await updateProtest(tx, row.id, {
      acceleratedDispositionMailedOn: mailedOn,
      priorityRank: priority.rank,
      priorityDate: priority.date,
      updatedAt: ctx.clock.now(),
    });
    await recordEvent(ctx, tx, updated, 'accelerated_disposition_requested', {
      mailedOn,
      deemedDeniedOn: deemed,
    });
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'protest.accelerated_disposition_requested',
      targetType: 'protest',
      targetId: row.id,
      organisationId,
      before: { acceleratedDispositionMailedOn: null, priorityRank: row.priorityRank },
      after: {
        acceleratedDispositionMailedOn: mailedOn,
        deemedDeniedOn: deemed,
        priorityRank: priority.rank,
        priorityDate: priority.date,
      },
    });
    await notifyProtestParties(ctx, tx, updated, {
      kind: 'protest_status_changed',
      eventId: event.id,
      change: (language) => AD_CHANGE[language](mailedOn),
      details: (language) => AD_DETAILS[language](deemed),
    });
    return protestView(ctx, tx, updated);
  });
}

const WITHDRAWN_CHANGE = { en: 'withdrawn', es: 'retirada' };
const WITHDRAWN_DETAILS = {
  en: 'CBP will not decide it. A protest can be filed again only while the filing window is open.',
  es: 'CBP no la resolverá. Solo puede presentarse de nuevo mientras el plazo de presentación siga abierto.',
};

/** Withdraws a protest CBP has not decided: it leaves the review queue. */
export async function withdrawProtest(
  ctx: ServiceContext,
  protestId: string,
  body: { reason?: string | undefined },
): Promise<ProtestView> {
  const organisationId = await ownCompanyId(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await requireOwnProtest(tx, organisationId, protestId, { forUpdate: true });
    requireOpen(row, 'withdrawing it');
    const reason = body.reason === undefined || body.reason === '' ? null : body.reason;
    const updated = await updateProtest(tx, row.id, {
      status: 'withdrawn',
      updatedAt: ctx.clock.now(),
    });
    await recordEvent(ctx, tx, updated, 'withdrawn', { reason });
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'protest.withdrawn',
      targetType: 'protest',
      targetId: row.id,
      organisationId,
      before: { status: row.status },
      after: { status: 'withdrawn', reason },
    });
    await notifyProtestParties(ctx, tx, updated, {
      kind: 'protest_status_changed',
      eventId: event.id,
      change: (language) => WITHDRAWN_CHANGE[language],
      details: (language) => WITHDRAWN_DETAILS[language],
    });
    return protestView(ctx, tx, updated);
  });
}
