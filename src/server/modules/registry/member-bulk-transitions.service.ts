import { AppError } from '../../../domain/errors/error-codes.ts';
import { TRANSITION_RULES } from '../../../domain/registry/lifecycle/membership-transitions.ts';
import type {
  BulkTransitionBody,
  BulkTransitionRefusal,
  BulkTransitionResult,
} from '../../../domain/registry/member-queue.schema.ts';
import { todayFromClock } from '../../../domain/time/calendar-date.ts';
import type { ServiceContext } from '../../service-context.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  type PlannedTransition,
  planTransition,
  prepareTransition,
  writeTransition,
} from './registry.service.ts';

function bodyIssue(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    issues: [{ path: `body.${field}`, message }],
  });
}

/**
 * One transition applied to many members from the CBP queue (issue 4, item 7), e.g. assigning
 * twelve applicants to a specialist. Each member goes through the same checks and writes as the
 * single transition (prepareTransition, planTransition, writeTransition), all in ONE
 * transaction and all or nothing: every member is checked first, and if any refuses, nothing is
 * written and the answer lists each refused member with its reason.
 *
 * The body's expectedCount (checked by the schema) is the count the person confirmed, so a
 * selection that changed between the confirmation and the request is refused.
 */
export async function bulkTransitionMembers(
  ctx: ServiceContext,
  body: BulkTransitionBody,
): Promise<BulkTransitionResult> {
  const prepared = await prepareTransition(ctx, {
    transition: body.transition,
    ...(body.specialistUserId ? { specialistUserId: body.specialistUserId } : {}),
    ...(body.reason ? { reason: body.reason } : {}),
  });
  const rule = TRANSITION_RULES[body.transition];
  // What does not depend on the member is answered once, not once per member.
  if (rule.evidenceRequired) {
    throw bodyIssue(
      'transition',
      `${rule.label} needs evidence for each member: make it from the member's file`,
    );
  }
  if (!rule.roles.includes(prepared.actor.role)) {
    throw new AppError('FORBIDDEN', `${rule.label}: your role does not make this transition`);
  }
  if (rule.reasonRequired && prepared.reason === null) {
    throw bodyIssue('reason', `is required to ${rule.label.toLowerCase()}`);
  }

  const ids = body.organisationIds;
  const names = await organisationSummaries(ctx.db, ids);
  const legalName = (id: string) => names.get(id)?.legalName ?? '';
  const now = ctx.clock.now();
  const today = todayFromClock(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const plans: PlannedTransition[] = [];
    const refused: BulkTransitionRefusal[] = [];
    // Rows are locked in id order, so two bulk actions over overlapping members cannot deadlock.
    for (const organisationId of [...ids].sort()) {
      try {
        plans.push(await planTransition(tx, organisationId, prepared, today));
      } catch (error) {
        if (!(error instanceof AppError)) {
          throw error;
        }
        refused.push({
          organisationId,
          legalName: legalName(organisationId),
          code: error.code,
          message: error.message,
        });
      }
    }
    if (refused.length > 0) {
      const order = new Map(ids.map((id, index) => [id, index]));
      refused.sort(
        (a, b) => (order.get(a.organisationId) ?? 0) - (order.get(b.organisationId) ?? 0),
      );
      throw new AppError(
        'CONFLICT',
        `${refused.length} of ${ids.length} members cannot be changed (${rule.label}); nothing was changed`,
        { refused },
      );
    }
    for (const plan of plans) {
      await writeTransition(ctx, tx, plan, prepared, { now, today });
    }
  });
  return {
    transition: body.transition,
    applied: ids.map((organisationId) => ({
      organisationId,
      legalName: legalName(organisationId),
    })),
  };
}
