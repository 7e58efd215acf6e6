import { randomUUID } from 'node:crypto';
import { hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import { isBefore, parseCalendarDate, todayFromClock } from '../../../domain/time/calendar-date.ts';
import {
  checkDecision,
  checkNewResponse,
  requiredActionState,
  validationClosing,
} from '../../../domain/validations/validation-outcome.ts';
import type {
  RequiredActionsView,
  ResponseDecisionBody,
  SubmitResponseBody,
} from '../../../domain/validations/validation-responses.schema.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { evidenceSummaries } from '../evidence/evidence.service.ts';
import { noticeContextOf } from '../notifications/notice-context.ts';
import { closeValidation } from './validation-outcome.service.ts';
import {
  findRequiredAction,
  findResponse,
  findResponsesOfFinding,
  insertResponse,
  decideResponse as recordDecision,
} from './validation-responses.repository.ts';
import { sendValidationNotice } from './validation-responses-notices.ts';
import {
  requiredActionsView,
  requiredActionsWithResponses,
  responsesDueOn,
  statesOf,
} from './validation-responses-view.ts';
import {
  assertMayConduct,
  invalid,
  ownOrganisationId,
  requireOwnValidation,
  requireValidation,
  userIdOf,
  versionConflict,
} from './validation-work-access.ts';
import {
  findValidation,
  insertEvent,
  updateValidationAtVersion,
  type ValidationRow,
} from './validations.repository.ts';

/**
 * The member's responses to the required actions of an issued validation report and the
 * specialist's decisions on them (issue 6, item 6); the last acceptance closes the validation
 * (item 7, validation-outcome.service.ts). Routes hold check 1 (`validation:read` /
 * `validation:respond` for the member, `validation:read:any` / `validation:conduct:any` for
 * CBP); here check 2 (the record: status, the response waiting, the assignment) and check 3
 * (the member's own validation; another company's is a 404 like an unknown id). Every change
 * bumps the validation's version and writes an event, an audit event and notices in one
 * transaction.
 */

function refuse(code: 'CONFLICT', message: string, details: Record<string, unknown> = {}) {
  return new AppError(code, message, details);
}

function checkVersion(row: ValidationRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw versionConflict(row.version);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The member's own validation's required actions (shown once the report is issued). */
export async function getOwnRequiredActions(
  ctx: ServiceContext,
  validationId: string,
): Promise<RequiredActionsView> {
  const row = await requireOwnValidation(ctx, validationId);
  return requiredActionsView(ctx, row, { memberView: true });
}

/** Any validation's required actions and responses, for CBP (`validation:read:any`). */
export async function getRequiredActionsForReview(
  ctx: ServiceContext,
  validationId: string,
): Promise<RequiredActionsView> {
  if (!hasPermission(ctx.actor, 'validation:read:any')) {
    throw notFound('Validation');
  }
  const row = await requireValidation(ctx.db, validationId);
  return requiredActionsView(ctx, row, { memberView: false });
}

// ---------------------------------------------------------------------------------------------
// The member answers

/** Evidence from the company's own library, not deleted; 400 naming each id that is not. */
async function checkEvidence(
  db: Db,
  organisationId: string,
  evidenceIds: readonly string[],
): Promise<void> {
  const found = await evidenceSummaries(db, organisationId, evidenceIds);
  const issues: FieldIssue[] = [];
  evidenceIds.forEach((id, index) => {
    const evidence = found.get(id);
    if (evidence === undefined) {
      issues.push({
        path: `body.evidenceIds.${index}`,
        message: 'is not a document of your company’s evidence library',
      });
    } else if (evidence.deleted) {
      issues.push({
        path: `body.evidenceIds.${index}`,
        message: 'was deleted from your company’s evidence library',
      });
    }
  });
  if (issues.length > 0) {
    throw invalid(issues);
  }
}

/**
 * The member answers one required action with a corrective plan, the day it will be done and
 * evidence from its own library. Refused (409) before the report is issued, after the
 * validation closed, while the previous response waits for the specialist's decision, and once
 * one was accepted; `targetOn` may not be in the past (400).
 */
export async function submitResponse(
  ctx: ServiceContext,
  validationId: string,
  findingId: string,
  body: SubmitResponseBody,
): Promise<RequiredActionsView> {
  const organisationId = ownOrganisationId(ctx);
  const today = todayFromClock(ctx.clock);
  const targetOn = parseCalendarDate(body.targetOn);
  if (targetOn === null) {
    throw invalid([{ path: 'body.targetOn', message: 'must be a date as YYYY-MM-DD' }]);
  }
  if (isBefore(targetOn, today)) {
    throw invalid([
      { path: 'body.targetOn', message: `cannot be in the past (today is ${today})` },
    ]);
  }
  // Read before the transaction: PGlite has one connection, which the transaction holds.
  await checkEvidence(ctx.db, organisationId, body.evidenceIds);
  const now = ctx.clock.now();
  const userId = userIdOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const row = await findValidation(tx, validationId, organisationId, { forUpdate: true });
    if (!row) {
      throw notFound('Validation');
    }
    const action = await findRequiredAction(tx, row.id, findingId, { forUpdate: true });
    // Before the report is issued the findings are the specialist's draft: as if absent.
    if (!action || (row.status !== 'report_issued' && row.status !== 'closed')) {
      throw notFound('Required action');
    }
    const state = requiredActionState(await findResponsesOfFinding(tx, action.id));
    const check = checkNewResponse(row.status, state);
    if (!check.ok) {
      throw refuse('CONFLICT', check.message, { reason: check.code, status: row.status });
    }
    checkVersion(row, body.expectedVersion);
    const response = await insertResponse(tx, {
      id: randomUUID(),
      findingId: action.id,
      validationId: row.id,
      organisationId,
      correctivePlan: body.correctivePlan,
      targetOn,
      evidenceIds: body.evidenceIds,
      submittedByUserId: userId,
      submittedAt: now,
    });
    const updated = await updateValidationAtVersion(tx, row.id, row.version, { updatedAt: now });
    if (!updated) {
      throw versionConflict(row.version);
    }
    const details = {
      responseId: response.id,
      findingId: action.id,
      criterionId: action.criterionId,
      siteId: action.siteId,
      targetOn,
      evidenceIds: body.evidenceIds,
      late: isBefore(responsesDueOn(row, ctx.runtime.validationResponseDays) ?? today, today),
    };
    await insertEvent(tx, {
      id: randomUUID(),
      validationId: row.id,
      kind: 'response_submitted',
      at: now,
      actorUserId: userId,
      details,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.response_submitted',
      targetType: 'validation',
      targetId: row.id,
      organisationId,
      before: { requiredAction: action.id, state, version: row.version },
      after: { ...details, correctivePlan: body.correctivePlan, version: updated.version },
    });
    await sendValidationNotice(noticeContextOf(ctx), tx, row, {
      kind: 'validation_response_submitted',
      key: `validation_response_submitted:${response.id}`,
      audiences: ['specialist'],
      params: () => ({ criterion: action.criterionId, date: today, targetOn }),
    });
  });
  const row = await requireOwnValidation(ctx, validationId);
  return requiredActionsView(ctx, row, { memberView: true });
}

// ---------------------------------------------------------------------------------------------
// The specialist decides

/**
 * The specialist accepts or returns a response (a return needs a note saying what to change).
 * An SCSS decides only on the validations assigned to it; a supervisory specialist on any.
 * Accepting the last open required action closes the validation in the same transaction, with
 * the outcome the approved report recommends (validation-outcome.service.ts).
 */
export async function decideResponse(
  ctx: ServiceContext,
  validationId: string,
  responseId: string,
  body: ResponseDecisionBody,
): Promise<RequiredActionsView> {
  if (!hasPermission(ctx.actor, 'validation:conduct:any')) {
    throw notFound('Validation');
  }
  const today = todayFromClock(ctx.clock);
  const now = ctx.clock.now();
  const userId = userIdOf(ctx);
  const note = body.note?.trim() ?? '';
  await ctx.db.transaction(async (tx) => {
    const row = await findValidation(tx, validationId, null, { forUpdate: true });
    if (!row) {
      throw notFound('Validation');
    }
    assertMayConduct(ctx, row);
    const response = await findResponse(tx, row.id, responseId, { forUpdate: true });
    if (!response) {
      throw notFound('Response');
    }
    const history = await findResponsesOfFinding(tx, response.findingId);
    const check = checkDecision({
      status: row.status,
      response,
      isLatest: history.at(-1)?.id === response.id,
      decision: body.decision,
      note,
    });
    if (!check.ok) {
      if (check.code === 'note_required') {
        throw invalid([{ path: 'body.note', message: check.message }]);
      }
      throw refuse('CONFLICT', check.message, { reason: check.code, status: row.status });
    }
    checkVersion(row, body.expectedVersion);
    const decided = await recordDecision(tx, response.id, {
      decision: body.decision,
      decisionNote: note === '' ? null : note,
      decidedByUserId: userId,
      decidedAt: now,
    });
    if (!decided) {
      throw refuse('CONFLICT', 'This response was decided meanwhile: reload it.');
    }
    const updated = await updateValidationAtVersion(tx, row.id, row.version, { updatedAt: now });
    if (!updated) {
      throw versionConflict(row.version);
    }
    const action = await findRequiredAction(tx, row.id, response.findingId);
    const details = {
      responseId: response.id,
      findingId: response.findingId,
      criterionId: action?.criterionId ?? null,
      decision: body.decision,
      note: decided.decisionNote,
    };
    await insertEvent(tx, {
      id: randomUUID(),
      validationId: row.id,
      kind: body.decision === 'accepted' ? 'response_accepted' : 'response_returned',
      at: now,
      actorUserId: userId,
      details,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action:
        body.decision === 'accepted'
          ? 'validation.response_accepted'
          : 'validation.response_returned',
      targetType: 'validation',
      targetId: row.id,
      organisationId: row.organisationId,
      before: { responseId: response.id, decision: null, version: row.version },
      after: { ...details, version: updated.version },
    });
    await sendValidationNotice(noticeContextOf(ctx), tx, row, {
      kind:
        body.decision === 'accepted'
          ? 'validation_response_accepted'
          : 'validation_response_returned',
      key: `validation_response_decided:${response.id}`,
      audiences: ['member_company'],
      params: () => ({
        criterion: action?.criterionId ?? '',
        date: today,
        note: decided.decisionNote ?? '',
      }),
    });
    if (body.decision === 'accepted') {
      const { actions, responses } = await requiredActionsWithResponses(tx, row.id);
      const closing = validationClosing({
        status: updated.status,
        recommendedOutcome: updated.recommendedOutcome,
        requiredActions: statesOf(actions, responses),
        responsesDueOn: responsesDueOn(updated, ctx.runtime.validationResponseDays),
        today,
      });
      if (closing.ready) {
        await closeValidation(ctx, tx, row.id);
      }
    }
  });
  const row = await requireValidation(ctx.db, validationId);
  return requiredActionsView(ctx, row, { memberView: false });
}
