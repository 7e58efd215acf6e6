import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type {
  AssignProtestBodySchema,
  BulkAssignProtestsBodySchema,
  ProtestView,
} from '../../../domain/protests/protest-api.schema.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { displayNames, rolesOfUser } from '../identity/users.service.ts';
import { notifyProtestParties } from './protest-notifications.ts';
import { PROTEST_REVIEWER_ROLE } from './protest-queue.service.ts';
import { lockProtests, updateProtestAtVersion } from './protest-review.repository.ts';
import {
  actorUserIdOf,
  bodyIssue,
  priorityAfter,
  refuseClosed,
  versionConflict,
} from './protest-review-rules.ts';
import { protestView } from './protest-view.service.ts';
import { findProtest, insertProtestEvent, type ProtestRow } from './protests.repository.ts';

/**
 * Who reviews a protest (issue 7, item 4): one assignment, or one reviewer on up to 500
 * protests all or nothing (`protest:review:any`). The reviewer must hold the protest reviewer
 * role. A filed protest is then under review, which the filer company is told; every
 * assignment writes an event and an audit event, in one transaction.
 */

/** The reviewer named in a body holds the protest reviewer role somewhere (a CBP office). */
async function requireReviewer(ctx: ServiceContext, reviewerUserId: string | null) {
  if (reviewerUserId === null) {
    return null;
  }
  const roles = await rolesOfUser(ctx.db, reviewerUserId);
  if (!roles.some((membership) => membership.role === PROTEST_REVIEWER_ROLE)) {
    throw bodyIssue('reviewerUserId', 'is not a protest reviewer');
  }
  return (await displayNames(ctx.db, [reviewerUserId])).get(reviewerUserId) ?? null;
}

/**
 * Sets (or clears) the reviewer of a locked, open protest: a filed protest is then under
 * review. Clearing the reviewer keeps the status (the protest stays taken up).
 */
async function assignLocked(
  ctx: ServiceContext,
  tx: ServiceContext['db'],
  row: ProtestRow,
  reviewer: { userId: string | null; name: string | null },
  expectedVersion: number | undefined,
): Promise<ProtestRow> {
  const now = ctx.clock.now();
  const status = reviewer.userId !== null && row.status === 'filed' ? 'under_review' : row.status;
  const changes = {
    assignedReviewerUserId: reviewer.userId,
    assignedAt: reviewer.userId === null ? null : now,
    status,
    updatedAt: now,
  };
  const updated = await updateProtestAtVersion(tx, row.id, expectedVersion, {
    ...changes,
    ...(await priorityAfter(tx, row, changes)),
  });
  if (!updated) {
    throw versionConflict();
  }
  await insertProtestEvent(tx, {
    id: randomUUID(),
    protestId: row.id,
    kind: 'assigned',
    at: now,
    actorUserId: actorUserIdOf(ctx),
    details: { reviewer: reviewer.name, status },
  });
  const audit = await appendAuditEvent(tx, auditOrigin(ctx), {
    action: 'protest.assigned',
    targetType: 'protest',
    targetId: row.id,
    organisationId: row.organisationId,
    before: { assignedReviewerUserId: row.assignedReviewerUserId, status: row.status },
    after: { assignedReviewerUserId: reviewer.userId, status },
  });
  if (status !== row.status) {
    await notifyProtestParties(ctx, tx, updated, {
      kind: 'protest_status_changed',
      eventId: audit.id,
      change: (language) => (language === 'es' ? 'en revisión por CBP' : 'under review by CBP'),
      details: (language) =>
        language === 'es'
          ? 'Un revisor de CBP tomó la protesta.'
          : 'A CBP reviewer has taken up the protest.',
    });
  }
  return updated;
}

export async function assignProtest(
  ctx: ServiceContext,
  protestId: string,
  body: z.infer<typeof AssignProtestBodySchema>,
): Promise<ProtestView> {
  const name = await requireReviewer(ctx, body.reviewerUserId);
  return ctx.db.transaction(async (tx) => {
    const row = await findProtest(tx, protestId, null, { forUpdate: true });
    if (!row) {
      throw notFound('Protest');
    }
    refuseClosed(row, 'assigned');
    if (body.expectedVersion !== undefined && body.expectedVersion !== row.version) {
      throw versionConflict();
    }
    const updated = await assignLocked(
      ctx,
      tx,
      row,
      { userId: body.reviewerUserId, name },
      body.expectedVersion,
    );
    return protestView(ctx, tx, updated);
  });
}

export interface BulkAssignRefusal {
  protestId: string;
  protestNumber: string | null;
  code: 'not_found' | 'closed';
  message: string;
}

/**
 * Assigns (or clears) one reviewer on up to 500 protests, all or nothing: when the confirmed
 * count differs from the list (400), or any protest is missing or closed (409, each listed in
 * `details.refused`), nothing changes.
 */
export async function bulkAssignProtests(
  ctx: ServiceContext,
  body: z.infer<typeof BulkAssignProtestsBodySchema>,
): Promise<{ assigned: number; protestIds: string[] }> {
  const ids = [...new Set(body.protestIds)];
  if (ids.length !== body.protestIds.length) {
    throw bodyIssue('protestIds', 'lists a protest twice');
  }
  if (body.expectedCount !== ids.length) {
    throw bodyIssue(
      'expectedCount',
      `is ${body.expectedCount} but ${ids.length} protests are listed: confirm the selection again`,
    );
  }
  const name = await requireReviewer(ctx, body.reviewerUserId);
  return ctx.db.transaction(async (tx) => {
    const rows = await lockProtests(tx, ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const refused: BulkAssignRefusal[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) {
        refused.push({
          protestId: id,
          protestNumber: null,
          code: 'not_found',
          message: 'Protest not found',
        });
      } else if (row.status === 'decided' || row.status === 'withdrawn') {
        refused.push({
          protestId: id,
          protestNumber: row.protestNumber,
          code: 'closed',
          message: `The protest is ${row.status}: it can no longer be assigned`,
        });
      }
    }
    if (refused.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${refused.length} of ${ids.length} protests cannot be assigned; nothing was changed`,
        { refused },
      );
    }
    for (const row of rows) {
      await assignLocked(ctx, tx, row, { userId: body.reviewerUserId, name }, undefined);
    }
    return { assigned: rows.length, protestIds: rows.map((row) => row.id) };
  });
}
