import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import {
  FURTHER_REVIEW_ROUTING,
  type FurtherReviewCriterion,
  type FurtherReviewRoute,
} from '../../../domain/protests/further-review.ts';
import type {
  FurtherReviewDecisionBodySchema,
  ProtestView,
} from '../../../domain/protests/protest-api.schema.ts';
import { todayFromClock } from '../../../domain/time/calendar-date.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { notifyProtestParties } from './protest-notifications.ts';
import { findEventsOf, updateProtestAtVersion } from './protest-review.repository.ts';
import {
  actorUserIdOf,
  bodyIssue,
  clocksOf,
  priorityAfter,
  refuseClosed,
  versionConflict,
} from './protest-review-rules.ts';
import { FURTHER_REVIEW_EVENT_KINDS, protestView } from './protest-view.service.ts';
import { findProtest, insertProtestEvent } from './protests.repository.ts';

/**
 * CBP's decision on an application for further review filed with a protest (19 U.S.C. 1515(a);
 * 19 CFR 174.24–174.27). Approved: the protest is under further review, routed per 19 CFR
 * 174.26. Denied: reasons are required and the protestant's 60 days to ask the Commissioner to
 * set the denial aside start (1515(c); the `set_aside_request` clock). Once per application.
 *
 * Routing (174.26) depends on the questions the protest raises, which the application's
 * criterion (174.24) stands for here: (a) a conflict with a Headquarters ruling or a CBP
 * decision is a question of uniformity and (b) a question not yet ruled on is a new question,
 * both reviewed by Headquarters (Regulations and Rulings); (c) new facts or arguments and
 * (d) questions Headquarters declined as internal advice go to a designee of the Center
 * director who took no part in the decision. A product reading of the regulation, shown with
 * its citation; a reviewer who disagrees records the routing in the reasons.
 */

export const ROUTE_OF_CRITERION: Record<FurtherReviewCriterion, FurtherReviewRoute> = {
  a: 'headquarters',
  b: 'headquarters',
  c: 'center_designee',
  d: 'center_designee',
};

export const ROUTE_WORDS: Record<'en' | 'es', Record<FurtherReviewRoute, string>> = {
  en: {
    center_allows: 'the Center director',
    headquarters: 'CBP Headquarters (Regulations and Rulings)',
    center_designee: 'a designee of the Center director who took no part in the decision',
  },
  es: {
    center_allows: 'el director del Centro',
    headquarters: 'la sede central de CBP (Regulations and Rulings)',
    center_designee: 'un designado del director del Centro que no participó en la decisión',
  },
};

export async function decideFurtherReview(
  ctx: ServiceContext,
  protestId: string,
  body: z.infer<typeof FurtherReviewDecisionBodySchema>,
): Promise<ProtestView> {
  const reasons = body.reasons?.trim() ?? '';
  if (body.decision === 'denied' && reasons === '') {
    throw bodyIssue('reasons', 'are required when further review is denied (19 U.S.C. 1515(a))');
  }
  const today = todayFromClock(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const row = await findProtest(tx, protestId, null, { forUpdate: true });
    if (!row) {
      throw notFound('Protest');
    }
    refuseClosed(row, 'sent to further review');
    if (row.furtherReviewCriterion === null) {
      throw new AppError(
        'CONFLICT',
        'No application for further review was filed with this protest',
      );
    }
    const earlier = await findEventsOf(tx, [row.id], Object.values(FURTHER_REVIEW_EVENT_KINDS));
    if (earlier.length > 0 || row.status === 'under_further_review') {
      throw new AppError('CONFLICT', 'The application for further review was already decided');
    }
    if (row.version !== body.expectedVersion) {
      throw versionConflict();
    }
    const now = ctx.clock.now();
    const approved = body.decision === 'approved';
    const route = ROUTE_OF_CRITERION[row.furtherReviewCriterion];
    const status = approved ? ('under_further_review' as const) : row.status;
    const changes = { status, updatedAt: now };
    const updated = await updateProtestAtVersion(tx, row.id, body.expectedVersion, {
      ...changes,
      ...(await priorityAfter(tx, row, changes)),
    });
    if (!updated) {
      throw versionConflict();
    }
    const routing = FURTHER_REVIEW_ROUTING.find((step) => step.step === route);
    await insertProtestEvent(tx, {
      id: randomUUID(),
      protestId: row.id,
      kind: approved ? FURTHER_REVIEW_EVENT_KINDS.approved : FURTHER_REVIEW_EVENT_KINDS.denied,
      at: now,
      actorUserId: actorUserIdOf(ctx),
      details: {
        on: today,
        criterion: row.furtherReviewCriterion,
        ...(approved ? { route, routing: routing?.text, citation: routing?.citation } : {}),
        ...(reasons === '' ? {} : { reasons }),
      },
    });
    const audit = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'protest.further_review_decided',
      targetType: 'protest',
      targetId: row.id,
      organisationId: row.organisationId,
      before: { status: row.status, version: row.version },
      after: { decision: body.decision, status, ...(approved ? { route } : { reasons }) },
    });
    const setAside = approved
      ? null
      : (await clocksOf(tx, updated, today)).find((clock) => clock.name === 'set_aside_request');
    await notifyProtestParties(ctx, tx, updated, {
      kind: 'protest_status_changed',
      eventId: audit.id,
      change: (language) =>
        approved
          ? language === 'es'
            ? 'revisión adicional concedida'
            : 'further review granted'
          : language === 'es'
            ? 'revisión adicional denegada'
            : 'further review denied',
      details: (language) =>
        approved
          ? language === 'es'
            ? `La protesta será revisada por ${ROUTE_WORDS.es[route]} (19 CFR 174.26).`
            : `The protest will be reviewed by ${ROUTE_WORDS.en[route]} (19 CFR 174.26).`
          : language === 'es'
            ? `Puede pedir al Comisionado que anule la denegación a más tardar el ${setAside?.effective ?? ''} (19 U.S.C. 1515(c)).`
            : `You may ask the Commissioner to set the denial aside by ${setAside?.effective ?? ''} (19 U.S.C. 1515(c)).`,
    });
    return protestView(ctx, tx, updated);
  });
}
