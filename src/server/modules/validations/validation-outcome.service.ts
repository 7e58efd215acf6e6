import { randomUUID } from 'node:crypto';
import { AppError } from '../../../domain/errors/error-codes.ts';
import { type CalendarDate, todayFromClock } from '../../../domain/time/calendar-date.ts';
import {
  type Closing,
  nextRevalidationDue,
  validationClosing,
} from '../../../domain/validations/validation-outcome.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { noticeContextOf } from '../notifications/notice-context.ts';
import { memberValidationDates } from '../registry/member-validation-dates.service.ts';
import {
  type PreparedTransition,
  planTransition,
  writeTransition,
} from '../registry/registry.service.ts';
import { findReportDocuments } from './validation-report.repository.ts';
import { outcomeWord, sendValidationNotice } from './validation-responses-notices.ts';
import {
  requiredActionsWithResponses,
  responsesDueOn,
  statesOf,
} from './validation-responses-view.ts';
import { userIdOf } from './validation-work-access.ts';
import {
  findValidation,
  insertEvent,
  updateValidationAtVersion,
  type ValidationRow,
} from './validations.repository.ts';

/**
 * The outcome of a validation (issue 6, item 7): closing it with the approved report's
 * recommended outcome once every required action is accepted (or when it had none), and the
 * registry transition that records Tier II or Tier III in the same transaction
 * (validation-outcome.ts; ADR 0029).
 *
 * The registry's rule that only a supervisory specialist records a validation outcome
 * (membership-transitions.ts) holds: the transition's authority is the supervisory specialist
 * who approved the report (`report_approved_by_user_id`), recorded as the transition's actor in
 * the membership history, while the audit event names who closed it (the specialist accepting
 * the last response, or the supervisor approving a report with nothing to answer). The
 * registry writes the tier, `validated_on` (first validation) and `last_validated_on` as for
 * any validation transition. On the suspension path nothing changes in the registry: the
 * supervisory specialists of the office are told to decide the suspension there.
 */

export interface ClosedValidation {
  row: ValidationRow;
  closing: Extract<Closing, { ready: true }>;
}

function notClosable(closing: Extract<Closing, { ready: false }>): AppError {
  const messages: Record<typeof closing.reason, string> = {
    not_issued: 'The validation report is not issued: the validation cannot close yet.',
    closed: 'The validation is already closed.',
    no_recommended_outcome:
      'The approved report recommends no outcome: the validation cannot close.',
    open_required_actions: `${closing.open} required action(s) are not accepted yet: the validation closes when every one is.`,
  };
  return new AppError('CONFLICT', messages[closing.reason], {
    reason: closing.reason,
    open: closing.open,
  });
}

/**
 * Closes the validation in the caller's transaction (the caller has checked who may act): the
 * outcome is the approved report's recommendation, `closed_on` today, the next revalidation
 * from the membership clocks, the registry transition for a tier outcome, an event, an audit
 * event and the notices (member company and specialist; supervisors on the suspension path).
 * 409 when it cannot close (validation-outcome.ts `validationClosing`). Called when the last
 * required action is accepted, and by the report approval when the report has none.
 */
export async function closeValidation(
  ctx: ServiceContext,
  tx: Db,
  validationId: string,
): Promise<ClosedValidation> {
  const row = await findValidation(tx, validationId, null, { forUpdate: true });
  if (!row) {
    throw new AppError('NOT_FOUND', 'Validation not found');
  }
  const today = todayFromClock(ctx.clock);
  const now = ctx.clock.now();
  const { actions, responses } = await requiredActionsWithResponses(tx, row.id);
  const closing = validationClosing({
    status: row.status,
    recommendedOutcome: row.recommendedOutcome,
    requiredActions: statesOf(actions, responses),
    responsesDueOn: responsesDueOn(row, ctx.runtime.validationResponseDays),
    today,
  });
  if (!closing.ready) {
    throw notClosable(closing);
  }
  const dates = await memberValidationDates(tx, row.organisationId);
  if (dates === null) {
    throw new AppError(
      'CONFLICT',
      'The company has no CTPAT membership: no outcome can be recorded.',
    );
  }
  const nextDue = nextRevalidationDue({
    outcome: closing.outcome,
    closedOn: today,
    validatedOn: dates.validatedOn,
    lastValidatedOn: dates.lastValidatedOn,
  });
  if (closing.registryTransition !== null) {
    await recordTier(ctx, tx, row, closing.registryTransition, { now, today });
  }
  const updated = await updateValidationAtVersion(tx, row.id, row.version, {
    status: 'closed',
    outcome: closing.outcome,
    closedOn: today,
    nextRevalidationDueOn: nextDue,
    updatedAt: now,
  });
  if (!updated) {
    throw new AppError('CONFLICT', 'The validation changed meanwhile: try again.');
  }
  const details = {
    outcome: closing.outcome,
    on: today,
    nextRevalidationDueOn: nextDue,
    registryTransition: closing.registryTransition,
    supervisoryDecision: closing.supervisoryDecision,
    authorityUserId: row.reportApprovedByUserId,
  };
  await insertEvent(tx, {
    id: randomUUID(),
    validationId: row.id,
    kind: 'closed',
    at: now,
    actorUserId: userIdOf(ctx),
    details,
  });
  await appendAuditEvent(tx, auditOrigin(ctx), {
    action: 'validation.closed',
    targetType: 'validation',
    targetId: row.id,
    organisationId: row.organisationId,
    before: { status: row.status, version: row.version },
    after: { status: 'closed', ...details },
  });
  const options = noticeContextOf(ctx);
  await sendValidationNotice(options, tx, updated, {
    kind: 'validation_closed',
    key: `validation_closed:${row.id}`,
    audiences: ['member_company', 'specialist'],
    params: (language) => ({
      date: today,
      outcome: outcomeWord(language, closing.outcome),
      nextRevalidation: nextDue ?? '',
    }),
  });
  if (closing.supervisoryDecision === 'suspend') {
    await sendValidationNotice(options, tx, updated, {
      kind: 'validation_suspension_decision_due',
      key: `validation_suspension_decision_due:${row.id}`,
      audiences: ['supervisors'],
      params: () => ({
        date: today,
        memberLink: `${options.publicUrl}/cbp/members/${row.organisationId}`,
      }),
    });
  }
  return { row: updated, closing };
}

/**
 * The registry transition of a tier outcome, written in this transaction with the approving
 * supervisory specialist as its authority. The evidence is the validation and its latest
 * report document.
 */
async function recordTier(
  ctx: ServiceContext,
  tx: Db,
  row: ValidationRow,
  transition: 'record_validation_meets' | 'record_validation_exceeds',
  at: { now: Date; today: CalendarDate },
): Promise<void> {
  const approver = row.reportApprovedByUserId;
  if (approver === null) {
    throw new AppError(
      'CONFLICT',
      'The report has no approving supervisory specialist: the outcome cannot be recorded.',
    );
  }
  const [report] = await findReportDocuments(tx, row.id);
  const prepared: PreparedTransition = {
    actor: { userId: approver, role: 'supervisory_scss' },
    transition,
    reason: `Validation ${row.id} closed with the outcome of its report, approved by the supervisory specialist.`,
    evidenceIds: [row.id, ...(report ? [report.id] : [])],
    specialist: null,
    settings: ctx.runtime.membershipClocks,
  };
  const plan = await planTransition(tx, row.organisationId, prepared, at.today);
  await writeTransition(ctx, tx, plan, prepared, at);
}
