import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { CbpCenterCode } from '../../../../domain/protests/cbp-centers.ts';
import {
  type DecideProtestBody,
  ProtestPageSchema,
  ProtestViewSchema,
} from '../../../../domain/protests/protest-api.schema.ts';
import {
  type ProtestMetricsQuery,
  ProtestMetricsSchema,
} from '../../../../domain/protests/protest-metrics.schema.ts';
import type { ProtestStatus } from '../../../../domain/protests/protest-vocabulary.ts';
import { apiGet, apiSend, apiUrl } from '../../../lib/api-client.ts';
import { protestKeys } from './protests-api.ts';

/**
 * CBP's side of the protests API (issue 7, items 4, 5 and 7): the review queue, one protest,
 * assignment, decisions, further review and metrics. Routes:
 * src/server/modules/protests/protest-review.routes.ts. Keys live under `protestKeys.all`, so a
 * change refreshes both sides.
 */

export interface ProtestQueueFilter {
  center?: CbpCenterCode | undefined;
  /** me, unassigned or a reviewer's user id. */
  reviewer?: string | undefined;
  status?: ProtestStatus | undefined;
  tradeCompliance?: 'true' | 'false' | undefined;
  q?: string | undefined;
  cursor?: string | null;
}

export const protestReviewKeys = {
  queue: (filter: ProtestQueueFilter) => [...protestKeys.all, 'cbp', 'queue', filter] as const,
  one: (protestId: string) => [...protestKeys.all, 'cbp', 'one', protestId] as const,
  reviewers: [...protestKeys.all, 'cbp', 'reviewers'] as const,
  metrics: (query: ProtestMetricsQuery) => [...protestKeys.all, 'cbp', 'metrics', query] as const,
};

function reviewPath(protestId: string, rest = ''): string {
  return `/api/v1/cbp/protests/${encodeURIComponent(protestId)}${rest}`;
}

/** The queue in priority order (ADR 0027), one page. */
export function protestQueueQuery(filter: ProtestQueueFilter) {
  return queryOptions({
    queryKey: protestReviewKeys.queue(filter),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/cbp/protests', ProtestPageSchema, {
        signal,
        query: {
          center: filter.center,
          reviewer: filter.reviewer,
          status: filter.status,
          tradeCompliance: filter.tradeCompliance,
          q: filter.q,
          cursor: filter.cursor ?? undefined,
        },
      }),
  });
}

export function protestForReviewQuery(protestId: string) {
  return queryOptions({
    queryKey: protestReviewKeys.one(protestId),
    queryFn: ({ signal }) => apiGet(reviewPath(protestId), ProtestViewSchema, { signal }),
  });
}

const ReviewersSchema = z.object({
  items: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
});
export type ProtestReviewer = z.infer<typeof ReviewersSchema>['items'][number];

/** Whom a protest can be assigned to. */
export function protestReviewersQuery() {
  return queryOptions({
    queryKey: protestReviewKeys.reviewers,
    queryFn: ({ signal }) => apiGet('/api/v1/cbp/protests/reviewers', ReviewersSchema, { signal }),
    staleTime: 5 * 60 * 1000,
  });
}

export function assignProtest(
  protestId: string,
  reviewerUserId: string | null,
  expectedVersion: number,
) {
  return apiSend('PUT', reviewPath(protestId, '/assignment'), ProtestViewSchema, {
    reviewerUserId,
    expectedVersion,
  });
}

const BulkAssignedSchema = z.object({ assigned: z.number().int(), protestIds: z.array(z.uuid()) });

/** All or nothing; `expectedCount` is the count the reviewer confirmed. */
export function bulkAssignProtests(protestIds: readonly string[], reviewerUserId: string | null) {
  return apiSend('POST', '/api/v1/cbp/protests/assignments', BulkAssignedSchema, {
    protestIds,
    reviewerUserId,
    expectedCount: protestIds.length,
  });
}

export function decideProtest(protestId: string, body: DecideProtestBody) {
  return apiSend('POST', reviewPath(protestId, '/decision'), ProtestViewSchema, body);
}

export function decideFurtherReview(
  protestId: string,
  body: { decision: 'approved' | 'denied'; reasons?: string; expectedVersion: number },
) {
  return apiSend('POST', reviewPath(protestId, '/further-review'), ProtestViewSchema, body);
}

/** The Commissioner's action on a set-aside request (19 U.S.C. 1515(c)). */
export function decideSetAside(
  protestId: string,
  body: { decision: 'granted' | 'denied'; reasons?: string; expectedVersion: number },
) {
  return apiSend('POST', reviewPath(protestId, '/set-aside-decision'), ProtestViewSchema, body);
}

/** An attachment of a protest, downloaded from CBP's route. */
export function reviewAttachmentUrl(protestId: string, attachmentId: string): string {
  return reviewPath(protestId, `/attachments/${encodeURIComponent(attachmentId)}/content`);
}

export function reviewDenialNoticeUrl(protestId: string): string {
  return reviewPath(protestId, '/denial-notice.pdf');
}

export function protestMetricsQuery(query: ProtestMetricsQuery) {
  return queryOptions({
    queryKey: protestReviewKeys.metrics(query),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/cbp/protests/metrics', ProtestMetricsSchema, {
        signal,
        query: { decidedFrom: query.decidedFrom, decidedTo: query.decidedTo },
      }),
  });
}

export function protestMetricsExportUrl(query: ProtestMetricsQuery, format: 'csv' | 'xlsx') {
  return apiUrl('/api/v1/cbp/protests/metrics/export', {
    format,
    decidedFrom: query.decidedFrom,
    decidedTo: query.decidedTo,
  });
}
