import { AppError } from '../../../domain/errors/error-codes.ts';
import type { DocumentLanguage } from '../../../domain/validations/validation-vocabulary.ts';
import type {
  MemberReport,
  ReportFormat,
} from '../../../domain/validations/work-program.schema.ts';
import { reportReadiness } from '../../../domain/validations/work-program.ts';
import type { ServiceContext } from '../../service-context.ts';
import { getAccount } from '../identity/accounts.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { fileSlug } from '../security-profile/profile-export.service.ts';
import { findFindings } from './validation-findings.repository.ts';
import { findReportDocument, findReportDocuments } from './validation-report.repository.ts';
import { responsePeriod } from './validation-work.service.ts';
import { requireOwnValidation, requireValidation } from './validation-work-access.ts';
import { catalogCriteria } from './validation-work-criteria.ts';
import { findSites, type ValidationRow } from './validations.repository.ts';

/**
 * The issued report as the member reads it (issue 6, item 5: "then to the member"): the
 * findings with their criteria, the summary, the recommended outcome and the day responses to
 * required actions are due; and the stored report documents (PDF, Word) for the member and for
 * CBP. Before the report is issued there is nothing to read (404): a draft is CBP's.
 */

function notIssued(): AppError {
  return new AppError('NOT_FOUND', 'The validation report is not issued yet');
}

function issued(row: ValidationRow): string {
  if (row.reportIssuedOn === null || (row.status !== 'report_issued' && row.status !== 'closed')) {
    throw notIssued();
  }
  return row.reportIssuedOn;
}

/** The member's own issued report (`validation:read`); another company's is a 404. */
export async function getMemberReport(
  ctx: ServiceContext,
  validationId: string,
): Promise<MemberReport> {
  const row = await requireOwnValidation(ctx, validationId);
  const issuedOn = issued(row);
  const [documents, findings, sites] = await Promise.all([
    findReportDocuments(ctx.db, row.id),
    findFindings(ctx.db, row.id),
    findSites(ctx.db, row.id),
  ]);
  const catalogVersionId = documents[0]?.inputs.catalogVersionId ?? null;
  const criteria = await catalogCriteria(ctx, row.organisationId, catalogVersionId, {
    withEvidence: false,
  });
  const byId = new Map(criteria.criteria.map((criterion) => [criterion.id, criterion]));
  const order = new Map(criteria.criteria.map((criterion, index) => [criterion.id, index]));
  const siteOf = new Map(sites.map((site) => [site.id, { id: site.id, name: site.name }]));
  return {
    validationId: row.id,
    status: row.status,
    summary: row.reportSummary ?? '',
    recommendedOutcome: row.recommendedOutcome,
    issuedOn,
    responsesDueOn: row.responsesDueOn,
    responsePeriodProvisional: responsePeriod(ctx).provisional,
    counts: reportReadiness(criteria.criteria, findings).counts,
    findings: findings
      .filter((finding) => byId.has(finding.criterionId))
      .sort(
        (a, b) =>
          (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0) ||
          Number(a.siteId !== null) - Number(b.siteId !== null),
      )
      .map((finding) => {
        const criterion = byId.get(finding.criterionId);
        return {
          id: finding.id,
          criterionId: finding.criterionId,
          category: criterion?.category ?? Number(finding.criterionId.split('.')[0]),
          text: criterion?.text ?? '',
          designation: criterion?.designation ?? 'must',
          site: finding.siteId ? (siteOf.get(finding.siteId) ?? null) : null,
          rating: finding.rating,
          notes: finding.notes,
          evidenceSeen: finding.evidenceSeen,
        };
      }),
    documents: documents.map((document) => ({
      id: document.id,
      language: document.language,
      generatedAt: document.generatedAt.toISOString(),
    })),
  };
}

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function preferredLanguage(ctx: ServiceContext): Promise<DocumentLanguage> {
  if (ctx.actor.kind !== 'user') return 'en';
  return (await getAccount(ctx)).preferredLanguage === 'es' ? 'es' : 'en';
}

async function reportFile(
  ctx: ServiceContext,
  row: ValidationRow,
  format: ReportFormat,
  lang: DocumentLanguage | undefined,
): Promise<ReportFile> {
  issued(row);
  const wanted = lang ?? (await preferredLanguage(ctx));
  // The report exists in English always, and in Spanish when the member reads Spanish.
  const document =
    (await findReportDocument(ctx.db, row.id, wanted)) ??
    (lang === undefined ? await findReportDocument(ctx.db, row.id, 'en') : null);
  if (!document) {
    throw new AppError('NOT_FOUND', `The validation report is not available in ${wanted}`);
  }
  const name = (await organisationSummaries(ctx.db, [row.organisationId])).get(
    row.organisationId,
  )?.legalName;
  return {
    filename: `validation-report-${fileSlug(name ?? '')}-${row.reportIssuedOn}-${document.language}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === 'pdf' ? document.pdfContent : document.docxContent,
  };
}

/** The member's own issued report as stored (`validation:read`). */
export async function ownReportFile(
  ctx: ServiceContext,
  validationId: string,
  format: ReportFormat,
  lang: DocumentLanguage | undefined,
): Promise<ReportFile> {
  return reportFile(ctx, await requireOwnValidation(ctx, validationId), format, lang);
}

/** Any issued report as stored, for CBP (`validation:read:any`). */
export async function reportFileForCbp(
  ctx: ServiceContext,
  validationId: string,
  format: ReportFormat,
  lang: DocumentLanguage | undefined,
): Promise<ReportFile> {
  return reportFile(ctx, await requireValidation(ctx.db, validationId), format, lang);
}
