import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  CatalogDiffSchema,
  type CatalogImportBody,
  CatalogVersionListSchema,
  CatalogVersionSchema,
  CatalogVersionSummarySchema,
} from '../../../../domain/criteria/catalog-api.schema.ts';
import { ApiError, apiGet, apiSend } from '../../../lib/api-client.ts';

/**
 * The criteria catalog's versions (issue 5, item 1): list, one version, its diff against the
 * current one, import, publish, discard. Keys start with 'criteria' so that a publication also
 * refreshes the current catalog other features read (evidenceKeys.catalog).
 */
export const criteriaKeys = {
  all: ['criteria'] as const,
  versions: ['criteria', 'catalog', 'versions'] as const,
  version: (versionId: string) => ['criteria', 'catalog', 'versions', versionId] as const,
  diff: (versionId: string) => ['criteria', 'catalog', 'versions', versionId, 'diff'] as const,
};

const BASE = '/api/v1/criteria/catalog/versions';

function versionPath(versionId: string): string {
  return `${BASE}/${encodeURIComponent(versionId)}`;
}

export function catalogVersionsQuery() {
  return queryOptions({
    queryKey: criteriaKeys.versions,
    queryFn: ({ signal }) => apiGet(BASE, CatalogVersionListSchema, { signal }),
  });
}

export function catalogVersionQuery(versionId: string) {
  return queryOptions({
    queryKey: criteriaKeys.version(versionId),
    queryFn: ({ signal }) => apiGet(versionPath(versionId), CatalogVersionSchema, { signal }),
  });
}

/** What the version adds, removes and changes against the current version. */
export function catalogDiffQuery(versionId: string) {
  return queryOptions({
    queryKey: criteriaKeys.diff(versionId),
    queryFn: ({ signal }) =>
      apiGet(`${versionPath(versionId)}/diff`, CatalogDiffSchema, { signal }),
  });
}

/** The version as a file the import reads back (the server sends it as an attachment). */
export function catalogExportUrl(versionId: string, format: 'json' | 'csv'): string {
  return `${versionPath(versionId)}/export?format=${format}`;
}

export function importCatalog(body: CatalogImportBody) {
  return apiSend('POST', BASE, CatalogDiffSchema, body);
}

export function publishCatalogVersion(versionId: string) {
  return apiSend('POST', `${versionPath(versionId)}/publish`, CatalogVersionSummarySchema);
}

export function discardCatalogDraft(versionId: string) {
  return apiSend('DELETE', versionPath(versionId), z.null());
}

/** After an import, a publication or a discard: every catalog view is read again. */
export function refreshCatalogs(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: criteriaKeys.all });
}

export interface ImportProblem {
  /** The file line, when the server named one ("line 5, designation" → 5). */
  line: number | null;
  /** Where in the line or file: a column, a JSON path, or null for the whole file. */
  where: string | null;
  message: string;
}

const IssuesSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** The fields of the import form; their issues show beside them, not in the report. */
const FORM_FIELDS = new Set(['version', 'description']);

const LINE_PATH = /^line (\d+)(?:, (.+))?$/;

/**
 * The problems of a refused import file, in file order: the server reports CSV problems as
 * "line N, column" and JSON ones by path ("criteria.3.designation"). Empty when the error is not
 * a report on the file (a conflict, a network failure).
 */
export function importProblemsOf(error: Error | null): ImportProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') {
    return [];
  }
  const parsed = IssuesSchema.safeParse(error.details);
  if (!parsed.success) {
    return [];
  }
  return parsed.data.issues
    .map((issue) => ({ path: issue.path.replace(/^body\./, ''), message: issue.message }))
    .filter((issue) => !FORM_FIELDS.has(issue.path))
    .map(({ path, message }) => {
      const line = LINE_PATH.exec(path);
      if (line) {
        return { line: Number(line[1]), where: line[2] ?? null, message };
      }
      return { line: null, where: path === 'content' || path === '' ? null : path, message };
    });
}
