import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
  queryOptions,
} from '@tanstack/react-query';
import { PAGE_SIZE_DEFAULT } from '../../../../domain/api/pagination.schema.ts';
import {
  type OrganisationKind,
  type OrganisationPage,
  OrganisationPageSchema,
  OrganisationSchema,
} from '../../../../domain/organisations/organisation.schema.ts';
import { apiGet } from '../../../lib/api-client.ts';

export interface OrganisationFilter {
  kind?: OrganisationKind | undefined;
  /** Part of the legal name, case-insensitive. */
  q?: string | undefined;
}

export function fetchOrganisationPage(
  filter: OrganisationFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<OrganisationPage> {
  return apiGet('/api/v1/organisations', OrganisationPageSchema, {
    query: { limit: PAGE_SIZE_DEFAULT, kind: filter.kind, q: filter.q, cursor },
    ...(signal ? { signal } : {}),
  });
}

const organisationKeys = {
  all: ['organisations'] as const,
  firstPage: (filter: OrganisationFilter) =>
    [...organisationKeys.all, 'first-page', filter] as const,
  directory: (filter: OrganisationFilter) =>
    [...organisationKeys.all, 'directory', filter] as const,
  one: (id: string) => [...organisationKeys.all, 'one', id] as const,
};

/** One organisation (a member's own, on the home page). */
export function organisationQuery(id: string) {
  return queryOptions({
    queryKey: organisationKeys.one(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/organisations/${encodeURIComponent(id)}`, OrganisationSchema, { signal }),
  });
}

/** The first page only (the home page's overview tables). */
export function organisationFirstPageQuery(filter: OrganisationFilter) {
  return queryOptions({
    queryKey: organisationKeys.firstPage(filter),
    queryFn: ({ signal }) => fetchOrganisationPage(filter, null, signal),
  });
}

/** Page after page, following nextCursor (the directory's "Load more"). */
export function organisationDirectoryQuery(filter: OrganisationFilter) {
  return infiniteQueryOptions<
    OrganisationPage,
    Error,
    InfiniteData<OrganisationPage, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: organisationKeys.directory(filter),
    queryFn: ({ pageParam, signal }) => fetchOrganisationPage(filter, pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
