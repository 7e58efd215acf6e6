import { queryOptions } from '@tanstack/react-query';
import {
  type ValidationMetricsQuery,
  ValidationMetricsSchema,
} from '../../../../domain/validations/validation-metrics.schema.ts';
import { apiGet, apiUrl } from '../../../lib/api-client.ts';

/**
 * The validation consistency metrics (issue 6, item 8). Routes:
 * src/server/modules/validations/validation-metrics.routes.ts.
 */

export const validationMetricsKeys = {
  all: ['validation-metrics'] as const,
  metrics: (query: ValidationMetricsQuery) => [...validationMetricsKeys.all, query] as const,
};

function params(query: ValidationMetricsQuery) {
  return { from: query.from, to: query.to, officeId: query.officeId };
}

export function validationMetricsQuery(query: ValidationMetricsQuery) {
  return queryOptions({
    queryKey: validationMetricsKeys.metrics(query),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/cbp/validations/metrics', ValidationMetricsSchema, {
        signal,
        query: params(query),
      }),
  });
}

/** The download of the same numbers (a plain link: the session cookie goes with it). */
export function validationMetricsExportUrl(
  query: ValidationMetricsQuery,
  format: 'csv' | 'xlsx',
): string {
  return apiUrl(`/api/v1/cbp/validations/metrics.${format}`, params(query));
}
