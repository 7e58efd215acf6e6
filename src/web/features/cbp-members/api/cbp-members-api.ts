import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { MembershipTransition } from '../../../../domain/registry/lifecycle/membership-transitions.ts';
import {
  BulkTransitionResultSchema,
  type MemberPage,
  MemberPageSchema,
  SpecialistListSchema,
} from '../../../../domain/registry/member-queue.schema.ts';
import { apiGet, apiSend, apiUrl, type QueryValue } from '../../../lib/api-client.ts';
import type { CbpMembersSearch } from './cbp-members-search.ts';

export const CBP_MEMBERS_PAGE_SIZE = 50;

/** The page's search parameters as the API takes them (`specialist` becomes one of three). */
export function memberFilterQuery(search: CbpMembersSearch): Record<string, QueryValue> {
  const { specialist, ...rest } = search;
  return {
    ...rest,
    mine: specialist === 'mine' ? 'true' : undefined,
    unassigned: specialist === 'unassigned' ? 'true' : undefined,
    assignedSpecialistUserId:
      specialist && specialist !== 'mine' && specialist !== 'unassigned' ? specialist : undefined,
  };
}

export function cbpMembersQuery(search: CbpMembersSearch) {
  return infiniteQueryOptions<
    MemberPage,
    Error,
    InfiniteData<MemberPage, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: ['cbp-members', search],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/registry/members', MemberPageSchema, {
        query: { ...memberFilterQuery(search), limit: CBP_MEMBERS_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The download of the same filters and order (a plain link: the session cookie goes with it). */
export function cbpMembersExportUrl(search: CbpMembersSearch, format: 'csv' | 'xlsx'): string {
  return apiUrl('/api/v1/registry/members/export', { ...memberFilterQuery(search), format });
}

/** Every CTPAT specialist of every CBP office: the assignment and filter choices. */
export function specialistsQuery() {
  return queryOptions({
    queryKey: ['registry-specialists'],
    queryFn: ({ signal }) =>
      apiGet('/api/v1/registry/specialists', SpecialistListSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export interface BulkTransitionInput {
  organisationIds: string[];
  transition: MembershipTransition;
  specialistUserId?: string;
  reason?: string;
}

/** One transition for many members, all or nothing; the count is the one the person confirmed. */
export function useBulkTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkTransitionInput) =>
      apiSend('POST', '/api/v1/registry/members/bulk-transitions', BulkTransitionResultSchema, {
        ...input,
        expectedCount: input.organisationIds.length,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cbp-members'] }),
  });
}
