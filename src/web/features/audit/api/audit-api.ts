import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
  queryOptions,
} from '@tanstack/react-query';
import { PAGE_SIZE_MAX } from '../../../../domain/api/pagination.schema.ts';
import type { AuditAction } from '../../../../domain/audit/audit-events.ts';
import {
  type AuditEventPage,
  AuditEventPageSchema,
} from '../../../../domain/audit/audit-query.schema.ts';
import { OrganisationPageSchema } from '../../../../domain/organisations/organisation.schema.ts';
import { apiGet, apiUrl } from '../../../lib/api-client.ts';

/** The audit viewer's filters, as the API takes them (instants in ISO 8601). */
export interface AuditFilter {
  action?: AuditAction | undefined;
  actorUserId?: string | undefined;
  targetType?: string | undefined;
  organisationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 50;

export function auditEventsQuery(filter: AuditFilter) {
  return infiniteQueryOptions<
    AuditEventPage,
    Error,
    InfiniteData<AuditEventPage, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: ['audit-events', filter],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/audit-events', AuditEventPageSchema, {
        query: { ...filter, limit: AUDIT_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The CSV download of the same filters (a plain link: the session cookie goes with it). */
export function auditExportUrl(filter: AuditFilter): string {
  return apiUrl('/api/v1/audit-events/export.csv', { ...filter });
}

/** Organisations to filter by (agency-wide readers): the first 100 by name. */
export function auditOrganisationsQuery() {
  return queryOptions({
    queryKey: ['audit-events', 'organisations'],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/organisations', OrganisationPageSchema, {
        query: { limit: PAGE_SIZE_MAX },
        signal,
      }),
    staleTime: 5 * 60_000,
  });
}
