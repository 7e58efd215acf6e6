import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  type QueryKey,
  queryOptions,
} from '@tanstack/react-query';
import { z } from 'zod';
import { PAGE_SIZE_DEFAULT } from '../../../../domain/api/pagination.schema.ts';
import { CatalogVersionSchema } from '../../../../domain/criteria/catalog-api.schema.ts';
import {
  type EvidencePage,
  EvidencePageSchema,
  EvidenceSchema,
  type EvidenceUpdateBodySchema,
} from '../../../../domain/evidence/evidence.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

/** The library's filters, as the list page keeps them. */
export interface EvidenceFilter {
  q?: string | undefined;
  criterionId?: string | undefined;
  /** expiring: within 30 days; expired; unlinked: linked to no criterion. */
  show?: 'expiring' | 'expired' | 'unlinked' | undefined;
}

export const evidenceKeys = {
  all: ['evidence'] as const,
  list: (organisationId: string, filter: EvidenceFilter) =>
    [...evidenceKeys.all, organisationId, 'list', filter] as const,
  /** The documents linked to one criterion (CriterionEvidence). */
  ofCriterion: (organisationId: string, criterionId: string) =>
    [...evidenceKeys.all, organisationId, 'criterion', criterionId] as const,
  /** The first page of the library, as choices to link. */
  choices: (organisationId: string) => [...evidenceKeys.all, organisationId, 'choices'] as const,
  one: (organisationId: string, evidenceId: string) =>
    [...evidenceKeys.all, organisationId, 'one', evidenceId] as const,
  /** A member company's library as CBP reads it (read-only). */
  member: (organisationId: string, filter: EvidenceFilter) =>
    [...evidenceKeys.all, organisationId, 'member', filter] as const,
  catalog: ['criteria', 'catalog', 'current'] as const,
};

export const EXPIRING_FILTER_DAYS = 30;

export function fetchEvidencePage(
  filter: EvidenceFilter,
  cursor: string | null,
  options: { limit?: number; signal?: AbortSignal; path?: string } = {},
): Promise<EvidencePage> {
  return apiGet(options.path ?? '/api/v1/evidence', EvidencePageSchema, {
    query: {
      limit: options.limit ?? PAGE_SIZE_DEFAULT,
      q: filter.q,
      criterionId: filter.criterionId,
      expiring: filter.show === 'expiring' ? EXPIRING_FILTER_DAYS : undefined,
      expired: filter.show === 'expired' ? 'true' : undefined,
      unlinked: filter.show === 'unlinked' ? 'true' : undefined,
      cursor,
    },
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** The company's library, page after page (the key names the company: switching changes it). */
export function evidenceListQuery(organisationId: string, filter: EvidenceFilter) {
  return infiniteQueryOptions<
    EvidencePage,
    Error,
    InfiniteData<EvidencePage, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: evidenceKeys.list(organisationId, filter),
    queryFn: ({ pageParam, signal }) => fetchEvidencePage(filter, pageParam, { signal }),
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

function memberEvidencePath(organisationId: string): string {
  return `/api/v1/registry/members/${encodeURIComponent(organisationId)}/evidence`;
}

/** A member company's library for CBP, page after page, with the same filters. */
export function memberEvidenceListQuery(organisationId: string, filter: EvidenceFilter) {
  return infiniteQueryOptions<
    EvidencePage,
    Error,
    InfiniteData<EvidencePage, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: evidenceKeys.member(organisationId, filter),
    queryFn: ({ pageParam, signal }) =>
      fetchEvidencePage(filter, pageParam, { signal, path: memberEvidencePath(organisationId) }),
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** A member company's document, downloaded by CBP. */
export function memberEvidenceContentUrl(organisationId: string, evidenceId: string): string {
  return `${memberEvidencePath(organisationId)}/${encodeURIComponent(evidenceId)}/content`;
}

export function evidenceQuery(organisationId: string, evidenceId: string) {
  return queryOptions({
    queryKey: evidenceKeys.one(organisationId, evidenceId),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/evidence/${encodeURIComponent(evidenceId)}`, EvidenceSchema, { signal }),
  });
}

/** The current criteria catalog: the picker's choices and the criteria's texts. */
export function criteriaCatalogQuery() {
  return queryOptions({
    queryKey: evidenceKeys.catalog,
    queryFn: ({ signal }) => apiGet('/api/v1/criteria/catalog', CatalogVersionSchema, { signal }),
    // A published catalog never changes; a new one comes rarely.
    staleTime: 60 * 60 * 1000,
  });
}

/** Where a document's bytes are: a download, or the preview of a PDF or an image. */
export function evidenceContentUrl(evidenceId: string, inline = false): string {
  return `/api/v1/evidence/${encodeURIComponent(evidenceId)}/content${inline ? '?inline=1' : ''}`;
}

export interface EvidenceUploadInput {
  file: File | null;
  title: string;
  description: string;
  expiresOn: string;
  criterionIds: readonly string[];
}

/** Uploads a document as multipart/form-data (the server reads the type from its content). */
export function uploadEvidence(input: EvidenceUploadInput) {
  const form = new FormData();
  form.append('title', input.title);
  form.append('description', input.description);
  form.append('expiresOn', input.expiresOn);
  for (const criterionId of input.criterionIds) {
    form.append('criterionIds', criterionId);
  }
  // The file last: the server has read the fields by the time the large part arrives.
  if (input.file !== null) {
    form.append('file', input.file, input.file.name);
  }
  return apiSend('POST', '/api/v1/evidence', EvidenceSchema, form);
}

export type EvidenceUpdateInput = z.input<typeof EvidenceUpdateBodySchema>;

export function updateEvidence(evidenceId: string, body: EvidenceUpdateInput) {
  return apiSend(
    'PATCH',
    `/api/v1/evidence/${encodeURIComponent(evidenceId)}`,
    EvidenceSchema,
    body,
  );
}

export function deleteEvidence(evidenceId: string) {
  return apiSend('DELETE', `/api/v1/evidence/${encodeURIComponent(evidenceId)}`, z.null());
}

function linkPath(evidenceId: string, criterionId: string): string {
  return `/api/v1/evidence/${encodeURIComponent(evidenceId)}/links/${encodeURIComponent(criterionId)}`;
}

export function linkEvidence(evidenceId: string, criterionId: string) {
  return apiSend('PUT', linkPath(evidenceId, criterionId), EvidenceSchema);
}

export function unlinkEvidence(evidenceId: string, criterionId: string) {
  return apiSend('DELETE', linkPath(evidenceId, criterionId), EvidenceSchema);
}

/** After any change: every list and item of the library is read again. */
export function refreshEvidence(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: evidenceKeys.all });
}
