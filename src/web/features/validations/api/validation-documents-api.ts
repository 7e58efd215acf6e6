import { queryOptions } from '@tanstack/react-query';
import {
  type PackageFormat,
  ValidationDocumentListSchema,
  ValidationDocumentSchema,
} from '../../../../domain/validations/preparation-package.schema.ts';
import type { DocumentLanguage } from '../../../../domain/validations/validation-vocabulary.ts';
import { apiGet, apiSend, apiUrl } from '../../../lib/api-client.ts';

/**
 * The validation preparation packages (issue 6, item 3): generate one (for a validation, or a
 * member's readiness check), list them, download a PDF or DOCX. Routes:
 * src/server/modules/validations/validation-documents.routes.ts. Keys live under
 * `['validations']`, so a change to a validation refreshes them too.
 */

export type PackageSide = 'member' | 'cbp';

export const validationDocumentKeys = {
  all: ['validations', 'documents'] as const,
  ofValidation: (side: PackageSide, validationId: string) =>
    ['validations', 'documents', side, validationId] as const,
  ownAll: () => ['validations', 'documents', 'member', 'all'] as const,
};

function id(value: string): string {
  return encodeURIComponent(value);
}

/** The packages of one validation, newest first (no file bytes). */
export function validationDocumentsQuery(side: PackageSide, validationId: string) {
  return queryOptions({
    queryKey: validationDocumentKeys.ofValidation(side, validationId),
    queryFn: ({ signal }) =>
      side === 'member'
        ? apiGet('/api/v1/validations/documents', ValidationDocumentListSchema, {
            signal,
            query: { validationId },
          })
        : apiGet(
            `/api/v1/cbp/validations/${id(validationId)}/documents`,
            ValidationDocumentListSchema,
            { signal },
          ),
  });
}

/** Every package of the member's company (readiness checks included), newest first. */
export function ownDocumentsQuery() {
  return queryOptions({
    queryKey: validationDocumentKeys.ownAll(),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/validations/documents', ValidationDocumentListSchema, { signal }),
  });
}

export function generatePackage(
  side: PackageSide,
  validationId: string,
  language: DocumentLanguage,
) {
  const path =
    side === 'member'
      ? `/api/v1/validations/${id(validationId)}/package`
      : `/api/v1/cbp/validations/${id(validationId)}/package`;
  return apiSend('POST', path, ValidationDocumentSchema, { language });
}

export function generateReadinessPackage(language: DocumentLanguage) {
  return apiSend('POST', '/api/v1/validations/readiness-package', ValidationDocumentSchema, {
    language,
  });
}

/** Where a stored package's file is downloaded (the session cookie goes with the GET). */
export function packageFileUrl(side: PackageSide, documentId: string, format: PackageFormat) {
  return side === 'member'
    ? apiUrl(`/api/v1/validations/documents/${id(documentId)}/${format}`)
    : apiUrl(`/api/v1/cbp/validations/documents/${id(documentId)}/${format}`);
}
