import { randomUUID } from 'node:crypto';
import { notFound } from '../../../domain/errors/error-codes.ts';
import type {
  DecideProtestBody,
  ProtestView,
} from '../../../domain/protests/protest-api.schema.ts';
import { decisionRequiresReasons } from '../../../domain/protests/protest-vocabulary.ts';
import {
  type CalendarDate,
  isAfter,
  isBefore,
  parseCalendarDate,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { noticeContextOf } from '../notifications/notice-context.ts';
import { updateProtestAtVersion } from './protest-review.repository.ts';
import { notifyProtestDecided } from './protest-review-notices.ts';
import {
  actorUserIdOf,
  bodyIssue,
  clocksOf,
  courtClockOf,
  priorityAfter,
  refuseClosed,
  refuseDeemedDenied,
  versionConflict,
} from './protest-review-rules.ts';
import { protestView } from './protest-view.service.ts';
import { findProtest, insertProtestEvent, type ProtestRow } from './protests.repository.ts';

/**
 * CBP's review of one protest (issue 7, items 4 and 5): reading it and deciding it (assignment:
 * protest-assignment.service.ts; further review: protest-further-review.service.ts). Routes require `protest:read:any` or
 * `protest:review:any` (check 1); the service checks the protest exists and can take the change
 * (check 2); CBP acts agency-wide, so there is no tenant (check 3). Every change writes an
 * event, an audit event in the protest's organisation chain and, where the status changes, a
 * notification to the filer company, all in one transaction.
 */

/** One protest as CBP reads it (`protest:read:any`). */
export async function getProtestForReview(
  ctx: ServiceContext,
  protestId: string,
): Promise<ProtestView> {
  const row = await findProtest(ctx.db, protestId, null);
  if (!row) {
    throw notFound('Protest');
  }
  return protestView(ctx, ctx.db, row);
}

/** The day the denial notice is mailed: a denial's own, today by default, never in the future. */
function noticeMailedOn(
  body: DecideProtestBody,
  row: ProtestRow,
  today: CalendarDate,
): CalendarDate | null {
  if (!decisionRequiresReasons(body.decision)) {
    if (body.denialNoticeMailedOn !== undefined) {
      throw bodyIssue('denialNoticeMailedOn', `is only given when the decision denies something`);
    }
    return null;
  }
  if (body.denialNoticeMailedOn === undefined) {
    return today;
  }
  const mailedOn = parseCalendarDate(body.denialNoticeMailedOn);
  if (mailedOn === null || isAfter(mailedOn, today)) {
    throw bodyIssue('denialNoticeMailedOn', `cannot be after today (${today})`);
  }
  if (isBefore(mailedOn, row.filedOn as CalendarDate)) {
    throw bodyIssue(
      'denialNoticeMailedOn',
      `cannot be before the protest was filed (${row.filedOn})`,
    );
  }
  return mailedOn;
}

/**
 * Decides a protest (19 U.S.C. 1515(a); 19 CFR 174.29–174.30): reasons are required for any
 * decision that denies something (400 on `body.reasons`); `expectedVersion` must be the version
 * read (409); a decided or withdrawn protest is refused (409). A denial records the day its
 * notice is mailed, from which the 180 days to the Court of International Trade run.
 */
export async function decideProtest(
  ctx: ServiceContext,
  protestId: string,
  body: DecideProtestBody,
): Promise<ProtestView> {
  const reasons = body.reasons?.trim() ?? '';
  if (decisionRequiresReasons(body.decision) && reasons === '') {
    throw bodyIssue(
      'reasons',
      'are required when the decision denies the protest in whole or in part (19 U.S.C. 1515(a); 19 CFR 174.30)',
    );
  }
  if (body.decision === 'denied' && body.refundDue) {
    throw bodyIssue('refundDue', 'a protest denied in whole refunds nothing');
  }
  const today = todayFromClock(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const row = await findProtest(tx, protestId, null, { forUpdate: true });
    if (!row) {
      throw notFound('Protest');
    }
    refuseClosed(row, 'decided');
    if (row.version !== body.expectedVersion) {
      throw versionConflict();
    }
    refuseDeemedDenied(await clocksOf(tx, row, today), today);
    const now = ctx.clock.now();
    const changes = {
      status: 'decided' as const,
      decision: body.decision,
      decisionReasons: reasons === '' ? null : reasons,
      decidedOn: today,
      decidedByUserId: actorUserIdOf(ctx),
      denialNoticeMailedOn: noticeMailedOn(body, row, today),
      refundDue: body.refundDue,
      publishDecision: body.publish,
      updatedAt: now,
    };
    const updated = await updateProtestAtVersion(tx, row.id, body.expectedVersion, {
      ...changes,
      ...(await priorityAfter(tx, row, changes)),
    });
    if (!updated) {
      throw versionConflict();
    }
    const court = await courtClockOf(tx, updated, today);
    await insertProtestEvent(tx, {
      id: randomUUID(),
      protestId: row.id,
      kind: 'decided',
      at: now,
      actorUserId: actorUserIdOf(ctx),
      details: {
        decision: body.decision,
        on: today,
        denialNoticeMailedOn: changes.denialNoticeMailedOn,
        refundDue: body.refundDue,
        published: body.publish,
        courtDeadline: court?.effective ?? null,
      },
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'protest.decided',
      targetType: 'protest',
      targetId: row.id,
      organisationId: row.organisationId,
      before: { status: row.status, version: row.version },
      after: {
        status: 'decided',
        decision: body.decision,
        reasons: changes.decisionReasons,
        decidedOn: today,
        denialNoticeMailedOn: changes.denialNoticeMailedOn,
        refundDue: body.refundDue,
        publishDecision: body.publish,
      },
    });
    await notifyProtestDecided(noticeContextOf(ctx), tx, updated, court);
    return protestView(ctx, tx, updated);
  });
}
