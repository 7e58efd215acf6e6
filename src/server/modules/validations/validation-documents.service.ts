import { actorOrganisationId } from '../../../domain/authorization/permissions.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import {
  PACKAGE_CONTENT_TYPES,
  type PackageFormat,
  type ValidationDocument,
  type ValidationDocumentList,
} from '../../../domain/validations/preparation-package.schema.ts';
import type { ServiceContext } from '../../service-context.ts';
import { listCatalogVersions } from '../criteria/criteria.service.ts';
import { displayNames } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { fileSlug } from '../security-profile/profile-export.service.ts';
import {
  type DocumentFilter,
  type DocumentSummaryRow,
  findDocumentFile,
  findDocumentSummaries,
} from './validation-documents.repository.ts';
import { findValidationForPackage } from './validation-package.repository.ts';

/**
 * The generated preparation packages (issue 6, item 3): lists (newest first, no bytes) and
 * downloads of either format. Reading only: nothing is recorded. A member reads its own
 * company's packages (another company's is a 404, like an unknown id); CBP reads the packages of
 * any validation (validation:read:any), never a member's private readiness checks.
 */

const KIND = 'preparation_package' as const;

/** The member company the actor acts for (check 3). */
function ownCompanyId(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to read its validation documents');
  }
  return own;
}

async function catalogLabels(
  ctx: ServiceContext,
  rows: readonly Pick<DocumentSummaryRow, 'inputs'>[],
): Promise<Map<string, string>> {
  if (!rows.some((row) => row.inputs.catalogVersionId)) return new Map();
  const versions = await listCatalogVersions(ctx);
  return new Map(versions.items.map((version) => [version.id, version.version]));
}

function describe(
  row: DocumentSummaryRow,
  names: ReadonlyMap<string, string>,
  catalogs: ReadonlyMap<string, string>,
): ValidationDocument {
  const inputs = row.inputs;
  return {
    id: row.id,
    organisationId: row.organisationId,
    validationId: row.validationId,
    kind: row.kind,
    language: row.language,
    generatedAt: row.generatedAt.toISOString(),
    generatedBy: row.generatedByUserId
      ? { id: row.generatedByUserId, name: names.get(row.generatedByUserId) ?? '' }
      : null,
    pdf: { sizeBytes: row.pdfSize, sha256: row.pdfSha256 },
    docx: { sizeBytes: row.docxSize, sha256: row.docxSha256 },
    inputs: {
      validationVersion: inputs.validationVersion,
      catalogVersionId: inputs.catalogVersionId,
      catalogVersion: inputs.catalogVersionId
        ? (catalogs.get(inputs.catalogVersionId) ?? null)
        : null,
      profile: inputs.profile,
      evidenceCount: inputs.evidence.length,
      findingsCount: inputs.findingsVersion.length,
    },
  };
}

async function describeAll(
  ctx: ServiceContext,
  rows: readonly DocumentSummaryRow[],
): Promise<ValidationDocument[]> {
  const [names, catalogs] = await Promise.all([
    displayNames(
      ctx.db,
      rows.flatMap((row) => (row.generatedByUserId ? [row.generatedByUserId] : [])),
    ),
    catalogLabels(ctx, rows),
  ]);
  return rows.map((row) => describe(row, names, catalogs));
}

/** One generated document as the API shows it (after generating it). */
export async function describeDocument(
  ctx: ServiceContext,
  row: DocumentSummaryRow,
): Promise<ValidationDocument> {
  const [described] = await describeAll(ctx, [row]);
  if (!described) throw new Error('describeAll returned nothing');
  return described;
}

/** The company's packages, or one of its validations' (another company's validation: 404). */
export async function listOwnDocuments(
  ctx: ServiceContext,
  query: { validationId?: string | undefined },
): Promise<ValidationDocumentList> {
  const organisationId = ownCompanyId(ctx);
  if (query.validationId !== undefined) {
    const validation = await findValidationForPackage(ctx.db, query.validationId, organisationId);
    if (!validation) throw notFound('Validation');
  }
  const rows = await findDocumentSummaries(ctx.db, {
    kind: KIND,
    organisationId,
    validationId: query.validationId,
  });
  return { items: await describeAll(ctx, rows) };
}

/** One validation's packages, for CBP (validation:read:any). */
export async function listValidationDocuments(
  ctx: ServiceContext,
  validationId: string,
): Promise<ValidationDocumentList> {
  const validation = await findValidationForPackage(ctx.db, validationId, null);
  if (!validation) throw notFound('Validation');
  const rows = await findDocumentSummaries(ctx.db, {
    kind: KIND,
    organisationId: null,
    validationId,
  });
  return { items: await describeAll(ctx, rows) };
}

export interface DocumentDownload {
  filename: string;
  contentType: string;
  body: Buffer;
}

async function download(
  ctx: ServiceContext,
  documentId: string,
  format: PackageFormat,
  filter: DocumentFilter,
): Promise<DocumentDownload> {
  const file = await findDocumentFile(ctx.db, documentId, format, filter);
  if (!file) throw notFound('Validation document');
  const company = (await organisationSummaries(ctx.db, [file.organisationId])).get(
    file.organisationId,
  );
  const which = file.validationId ? 'validation-package' : 'readiness-check';
  const stamp = file.generatedAt.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return {
    filename: `${which}-${fileSlug(company?.legalName ?? '')}-${stamp}-${file.language}.${format}`,
    contentType: PACKAGE_CONTENT_TYPES[format],
    body: file.content,
  };
}

/** One of the company's packages as PDF or DOCX; another company's is a 404. */
export async function downloadOwnDocument(
  ctx: ServiceContext,
  documentId: string,
  format: PackageFormat,
): Promise<DocumentDownload> {
  return download(ctx, documentId, format, { kind: KIND, organisationId: ownCompanyId(ctx) });
}

/** A validation's package for CBP (validation:read:any); readiness checks are the member's. */
export async function downloadValidationDocument(
  ctx: ServiceContext,
  documentId: string,
  format: PackageFormat,
): Promise<DocumentDownload> {
  return download(ctx, documentId, format, { kind: KIND, organisationId: null });
}
