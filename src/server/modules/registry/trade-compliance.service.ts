import { hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type {
  SetTradeComplianceBody,
  TradeComplianceSnapshot,
  TradeComplianceView,
} from '../../../domain/registry/trade-compliance/trade-compliance.schema.ts';
import { calendarDate, isAfter, todayFromClock } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { findMembership } from './registry.repository.ts';
import {
  appendTradeComplianceHistory,
  findTradeComplianceHistory,
  findTradeComplianceStatus,
  upsertTradeComplianceStatus,
} from './trade-compliance.repository.ts';

/**
 * A member's CTPAT Trade Compliance status (issue 7, item 3). Until a Trade Compliance module
 * exists, CBP program managers set it in the registry (`trade_compliance:manage:any`); the
 * protest module reads it through tradeComplianceSnapshot at filing time.
 */

async function loadView(db: Db, organisationId: string): Promise<TradeComplianceView> {
  const [current, history] = await Promise.all([
    findTradeComplianceStatus(db, organisationId),
    findTradeComplianceHistory(db, organisationId),
  ]);
  return {
    organisationId,
    current: current
      ? {
          status: current.status,
          since: current.since,
          updatedAt: current.updatedAt.toISOString(),
          updatedByUserId: current.updatedByUserId,
        }
      : null,
    history: history.map((entry) => ({
      seq: entry.seq,
      status: entry.status,
      since: entry.since,
      reason: entry.reason,
      changedByUserId: entry.changedByUserId,
      changedAt: entry.changedAt.toISOString(),
    })),
  };
}

/** A member's status and its history, for CBP (`registry:read:any`, checked again here). */
export async function getTradeCompliance(
  ctx: ServiceContext,
  organisationId: string,
): Promise<TradeComplianceView> {
  if (!hasPermission(ctx.actor, 'registry:read:any')) {
    throw notFound('Membership');
  }
  if (!(await findMembership(ctx.db, organisationId))) {
    throw notFound('Membership');
  }
  return loadView(ctx.db, organisationId);
}

/**
 * Sets a member's status: the current row, a history row with the reason and the audit event
 * commit together. Only a company with a CTPAT membership holds Trade Compliance status.
 */
export async function setTradeCompliance(
  ctx: ServiceContext,
  organisationId: string,
  body: SetTradeComplianceBody,
): Promise<TradeComplianceView> {
  if (!hasPermission(ctx.actor, 'trade_compliance:manage:any')) {
    throw notFound('Membership');
  }
  const today = todayFromClock(ctx.clock);
  if (isAfter(calendarDate(body.since), today)) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: [{ path: 'body.since', message: `must not be in the future (today is ${today})` }],
    });
  }
  const now = ctx.clock.now();
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  await ctx.db.transaction(async (tx) => {
    // Locking the membership serialises changes to the same member (history seq).
    const membership = await findMembership(tx, organisationId, { forUpdate: true });
    if (!membership) {
      throw notFound('Membership');
    }
    const before = await findTradeComplianceStatus(tx, organisationId);
    await upsertTradeComplianceStatus(tx, {
      organisationId,
      status: body.status,
      since: body.since,
      updatedByUserId: userId,
      updatedAt: now,
    });
    const seq = await appendTradeComplianceHistory(tx, {
      organisationId,
      status: body.status,
      since: body.since,
      reason: body.reason,
      changedByUserId: userId,
      changedAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'trade_compliance.status_set',
      targetType: 'trade_compliance_status',
      targetId: organisationId,
      organisationId,
      before: before ? { status: before.status, since: before.since } : null,
      after: { status: body.status, since: body.since, reason: body.reason, seq },
    });
  });
  return loadView(ctx.db, organisationId);
}

/**
 * The member's Trade Compliance status now, for the protest module to keep with a protest at
 * filing time (issue 7, item 3). Not an entry point for requests: the caller has already
 * established which member the protestant is. A company that never held the status answers
 * `status: null, active: false`.
 */
export async function tradeComplianceSnapshot(
  db: Db,
  organisationId: string,
): Promise<TradeComplianceSnapshot> {
  const current = await findTradeComplianceStatus(db, organisationId);
  return {
    organisationId,
    status: current?.status ?? null,
    since: current?.since ?? null,
    active: current?.status === 'active',
    statusSetAt: current?.updatedAt.toISOString() ?? null,
  };
}
