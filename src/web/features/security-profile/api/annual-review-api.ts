import { queryOptions } from '@tanstack/react-query';
import { AnnualReviewStatusSchema } from '../../../../domain/security-profile/annual-review.schema.ts';
import { SecurityProfileViewSchema } from '../../../../domain/security-profile/security-profile.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const annualReviewKeys = {
  own: ['security-profile', 'annual-review'] as const,
};

/** The company's annual review: anniversary, window, whether it can start, the cycle's progress. */
export function ownAnnualReviewQuery() {
  return queryOptions({
    queryKey: annualReviewKeys.own,
    queryFn: ({ signal }) =>
      apiGet('/api/v1/profile/annual-review', AnnualReviewStatusSchema, { signal }),
  });
}

export function startAnnualReview() {
  return apiSend('POST', '/api/v1/profile/annual-review', SecurityProfileViewSchema, {});
}
