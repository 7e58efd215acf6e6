import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type ScheduleValidationBody,
  ValidationPageSchema,
  ValidationViewSchema,
} from '../../../../domain/validations/validation-api.schema.ts';
import {
  DueMemberPageSchema,
  PlanYearResultSchema,
  WorkloadSchema,
} from '../../../../domain/validations/validation-planning.schema.ts';
import type {
  ValidationKind,
  ValidationStatus,
} from '../../../../domain/validations/validation-vocabulary.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

/**
 * Planning, scheduling and reading validations (issue 6, items 1 and 2). Routes:
 * src/server/modules/validations/validation-planning.routes.ts (CBP) and validations.routes.ts
 * (the member). Every key lives under `['validations']`, like the work program's, so any change
 * to a validation refreshes every validation screen.
 */

export interface CbpValidationsFilter {
  year?: number | undefined;
  officeId?: string | undefined;
  specialistId?: string | undefined;
  status?: ValidationStatus | undefined;
  kind?: ValidationKind | undefined;
  open?: 'true' | 'false' | undefined;
  cursor?: string | null;
}

export interface DueFilter {
  year: number;
  officeId?: string | undefined;
  cursor?: string | null;
}

export const validationKeys = {
  all: ['validations'] as const,
  cbpList: (filter: CbpValidationsFilter) => ['validations', 'cbp', 'list', filter] as const,
  cbpOne: (validationId: string) => ['validations', 'cbp', 'one', validationId] as const,
  due: (filter: DueFilter) => ['validations', 'cbp', 'due', filter] as const,
  workload: (officeId: string | undefined, year: number) =>
    ['validations', 'cbp', 'workload', officeId ?? null, year] as const,
  ownList: (organisationId: string, cursor: string | null) =>
    ['validations', 'own', organisationId, 'list', cursor] as const,
  ownOne: (organisationId: string, validationId: string) =>
    ['validations', 'own', organisationId, 'one', validationId] as const,
};

export function refreshAllValidations(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: validationKeys.all });
}

function cbpPath(validationId: string, rest = ''): string {
  return `/api/v1/cbp/validations/${encodeURIComponent(validationId)}${rest}`;
}

export function cbpValidationsQuery(filter: CbpValidationsFilter) {
  return queryOptions({
    queryKey: validationKeys.cbpList(filter),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/cbp/validations', ValidationPageSchema, {
        signal,
        query: {
          year: filter.year,
          officeId: filter.officeId,
          specialistId: filter.specialistId,
          status: filter.status,
          kind: filter.kind,
          open: filter.open,
          cursor: filter.cursor ?? undefined,
        },
      }),
  });
}

export function cbpValidationQuery(validationId: string) {
  return queryOptions({
    queryKey: validationKeys.cbpOne(validationId),
    queryFn: ({ signal }) => apiGet(cbpPath(validationId), ValidationViewSchema, { signal }),
  });
}

export function dueMembersQuery(filter: DueFilter) {
  return queryOptions({
    queryKey: validationKeys.due(filter),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/cbp/validations/due', DueMemberPageSchema, {
        signal,
        query: { year: filter.year, officeId: filter.officeId, cursor: filter.cursor ?? undefined },
      }),
  });
}

export function workloadQuery(officeId: string | undefined, year: number) {
  return queryOptions({
    queryKey: validationKeys.workload(officeId, year),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/cbp/validations/workload', WorkloadSchema, {
        signal,
        query: { officeId, year },
      }),
  });
}

export function planValidation(body: {
  organisationId: string;
  kind: ValidationKind;
  planYear: number;
  specialistUserId?: string | null;
  reason?: string;
}) {
  return apiSend('POST', '/api/v1/cbp/validations', ValidationViewSchema, body);
}

export type PlanYearResult = z.infer<typeof PlanYearResultSchema>;

export function planYear(officeId: string, year: number) {
  return apiSend('POST', '/api/v1/cbp/validations/plan', PlanYearResultSchema, {
    officeId,
    year,
  });
}

export function assignValidation(
  validationId: string,
  specialistUserId: string,
  expectedVersion: number,
) {
  return apiSend('POST', cbpPath(validationId, '/assignment'), ValidationViewSchema, {
    specialistUserId,
    expectedVersion,
  });
}

export function scheduleValidation(validationId: string, body: ScheduleValidationBody) {
  return apiSend('PUT', cbpPath(validationId, '/schedule'), ValidationViewSchema, body);
}

export function cancelValidation(validationId: string, reason: string, expectedVersion: number) {
  return apiSend('POST', cbpPath(validationId, '/cancel'), ValidationViewSchema, {
    reason,
    expectedVersion,
  });
}

/** The company's validations, newest first (the key names the company). */
export function ownValidationsQuery(organisationId: string, cursor: string | null) {
  return queryOptions({
    queryKey: validationKeys.ownList(organisationId, cursor),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/validations', ValidationPageSchema, {
        signal,
        query: { cursor: cursor ?? undefined },
      }),
  });
}

export function ownValidationQuery(organisationId: string, validationId: string) {
  return queryOptions({
    queryKey: validationKeys.ownOne(organisationId, validationId),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/validations/${encodeURIComponent(validationId)}`, ValidationViewSchema, {
        signal,
      }),
  });
}
