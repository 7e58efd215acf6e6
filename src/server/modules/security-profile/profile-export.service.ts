import type { SheetData } from 'write-excel-file/node';
import { MSC_CATEGORIES } from '../../../domain/criteria/msc-categories.ts';
import { AppError } from '../../../domain/errors/error-codes.ts';
import type { LinkedEvidence } from '../../../domain/evidence/evidence.schema.ts';
import { ENTITY_TYPES, type EntityType } from '../../../domain/organisations/entity-types.ts';
import { IDENTIFIER_KIND_NAMES } from '../../../domain/registry/identifiers/identifier-kinds.ts';
import type { CompanyProfile } from '../../../domain/registry/profile/company-profile.schema.ts';
import type { MembershipFile } from '../../../domain/registry/registry.schema.ts';
import {
  PROFILE_EXPORT_CONTENT_TYPES,
  type ProfileExportFormat,
  type ProfileExportLanguage,
  type ProfileExportQuery,
} from '../../../domain/security-profile/profile-export.schema.ts';
import type {
  CriterionReview,
  ProfileVersion,
} from '../../../domain/security-profile/profile-review.schema.ts';
import type {
  AnswerStatus,
  CriterionReviewDecision,
} from '../../../domain/security-profile/profile-vocabulary.ts';
import type { SecurityProfileView } from '../../../domain/security-profile/security-profile.schema.ts';
import {
  type DocumentBlock,
  type DocumentModel,
  heading,
  keyValues,
  PAGE_BREAK,
  paragraph,
} from '../../documents/document-model.ts';
import { renderDocx } from '../../documents/docx-renderer.ts';
import { renderPdf } from '../../documents/pdf-renderer.ts';
import { xmlSafe } from '../../documents/text-encoding.ts';
import type { ServiceContext } from '../../service-context.ts';
import { evidenceSummaries } from '../evidence/evidence.service.ts';
import { getAccount } from '../identity/accounts.service.ts';
import { displayNames } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  getMemberCompanyProfile,
  getOwnCompanyProfile,
} from '../registry/company-profile.service.ts';
import { getMemberFile, getOwnMembership } from '../registry/registry.service.ts';
import {
  answerStatusWord,
  criterionAnswerBlocks,
  designationWord,
  evidenceIndexTable,
  evidenceTitle,
  instant,
  mediaTypeName,
  readinessRatio,
  readinessTable,
} from './profile-document-parts.ts';
import { PROFILE_EXPORT_LABELS, type ProfileExportLabels } from './profile-export-labels.ts';
import { getOwnVersion, getVersionForReview, listOwnVersions } from './profile-review.service.ts';
import { getOwnSecurityProfile } from './security-profile.service.ts';

/**
 * The Security Profile as a document (issue 5, item 7): the company's working profile, or a
 * submitted version from its frozen snapshot, as PDF, Word or Excel. The PDF and the Word file
 * are one DocumentModel (src/server/documents) rendered twice: a cover, the company's data, the
 * readiness per category, every applicable criterion with its answer, evidence and CBP's review,
 * and an index of the evidence. The workbook has one row per criterion and an Evidence sheet.
 *
 * Reading only: an export changes nothing and is not audited, like the member list's export
 * (member-export.service.ts). Who may read what is the reading services' own checks: the member
 * reads its own profile and versions (another company's version is a 404), CBP any version.
 */

// ---------------------------------------------------------------------------------------------
// What an export holds, whichever profile it comes from

interface ExportCriterion {
  id: string;
  category: number;
  designation: 'must' | 'should';
  provisional: boolean;
  text: string;
  status: AnswerStatus | null;
  answered: boolean;
  narrative: string;
  responsible: string | null;
  toReconfirm: boolean;
  evidence: { evidenceId: string; title: string }[];
  review: { decision: CriterionReviewDecision; comment: string | null } | null;
}

interface ExportEvidence {
  evidenceId: string;
  title: string;
  filename: string | null;
  mediaType: string | null;
  sha256: string | null;
  expiresOn: string | null;
  deleted: boolean;
  criteria: string[];
}

interface Counts {
  answered: number;
  applicable: number;
  mustsMet: number;
  mustsApplicable: number;
  shouldsMet: number;
  shouldsApplicable: number;
}

interface CompanyData {
  legalName: string;
  otherNames: string[];
  entityTypes: string[];
  identifiers: string[];
  headquarters: string | null;
  website: string | null;
  telephone: string | null;
  yearEstablished: number | null;
}

interface ProfileExportData {
  companyName: string;
  /** The version's number, or null for the working profile. */
  versionNumber: number | null;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  catalogVersion: string;
  entityTypes: string[];
  submitted: { at: string; by: string | null } | null;
  decided: { at: string; by: string | null; outcome: 'returned' | 'approved' } | null;
  lastUpdated: string | null;
  company: CompanyData | null;
  criteria: ExportCriterion[];
  readiness: { byCategory: Map<number, Counts>; total: Counts };
  evidence: ExportEvidence[];
  generatedAt: Date;
}

export interface ProfileExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Gathering

/** A 404 from a reading service means "not yours to see here": the section is left out. */
async function unlessNotFound<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) {
      return null;
    }
    throw error;
  }
}

function identifierName(kind: keyof typeof IDENTIFIER_KIND_NAMES): string {
  const name = IDENTIFIER_KIND_NAMES[kind].replace(/^an? /, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function companyData(
  membership: MembershipFile | null,
  profile: CompanyProfile | null,
): CompanyData | null {
  if (!membership && !profile) return null;
  const headquarters = profile?.addresses.find((address) => address.kind === 'headquarters');
  return {
    legalName: profile?.legalName ?? membership?.legalName ?? '',
    otherNames: profile?.otherNames ?? [],
    entityTypes: membership?.entityTypes.map((entry) => entry.entityType) ?? [],
    identifiers:
      membership?.entityTypes.flatMap((entry) =>
        entry.identifiers.map(
          (identifier) => `${identifierName(identifier.kind)}: ${identifier.value}`,
        ),
      ) ?? [],
    headquarters: headquarters
      ? [
          headquarters.line1,
          headquarters.line2,
          [headquarters.postalCode, headquarters.city].filter(Boolean).join(' '),
          headquarters.region,
          headquarters.countryCode,
        ]
          .filter((part): part is string => Boolean(part))
          .join(', ')
      : null,
    website: profile?.website ?? null,
    telephone: profile?.telephone ?? null,
    yearEstablished: profile?.yearEstablished ?? null,
  };
}

/** The company's data as its own people read it, or as CBP reads any member's. */
async function readCompany(
  ctx: ServiceContext,
  organisationId: string,
  side: 'own' | 'cbp',
): Promise<CompanyData | null> {
  const [membership, profile] = await Promise.all([
    unlessNotFound(() =>
      side === 'own' ? getOwnMembership(ctx) : getMemberFile(ctx, organisationId),
    ),
    unlessNotFound(() =>
      side === 'own' ? getOwnCompanyProfile(ctx) : getMemberCompanyProfile(ctx, organisationId),
    ),
  ]);
  return companyData(membership, profile);
}

function emptyCounts(): Counts {
  return {
    answered: 0,
    applicable: 0,
    mustsMet: 0,
    mustsApplicable: 0,
    shouldsMet: 0,
    shouldsApplicable: 0,
  };
}

function countsOf(counts: Counts): Counts {
  return {
    answered: counts.answered,
    applicable: counts.applicable,
    mustsMet: counts.mustsMet,
    mustsApplicable: counts.mustsApplicable,
    shouldsMet: counts.shouldsMet,
    shouldsApplicable: counts.shouldsApplicable,
  };
}

/** Every document linked to a criterion, once, with the criteria it supports. */
async function evidenceIndex(
  ctx: ServiceContext,
  organisationId: string,
  criteria: readonly ExportCriterion[],
  known: ReadonlyMap<string, Omit<ExportEvidence, 'criteria' | 'deleted' | 'mediaType'>>,
  mediaTypes: ReadonlyMap<string, string>,
): Promise<ExportEvidence[]> {
  const linked = new Map<string, string[]>();
  for (const criterion of criteria) {
    for (const link of criterion.evidence) {
      linked.set(link.evidenceId, [...(linked.get(link.evidenceId) ?? []), criterion.id]);
    }
  }
  const summaries = await evidenceSummaries(ctx.db, organisationId, [...linked.keys()]);
  return [...linked.entries()]
    .map(([evidenceId, criterionIds]) => {
      const summary = summaries.get(evidenceId);
      const frozen = known.get(evidenceId);
      return {
        evidenceId,
        title: frozen?.title ?? summary?.title ?? '',
        filename: frozen?.filename ?? summary?.originalFilename ?? null,
        mediaType: mediaTypes.get(evidenceId) ?? summary?.mediaType ?? null,
        sha256: frozen?.sha256 ?? summary?.sha256 ?? null,
        expiresOn: frozen ? frozen.expiresOn : (summary?.expiresOn ?? null),
        deleted: summary?.deleted ?? false,
        criteria: criterionIds,
      };
    })
    .sort(
      (a, b) =>
        a.title.localeCompare(b.title, 'en', { numeric: true }) ||
        a.evidenceId.localeCompare(b.evidenceId),
    );
}

function reviewOf(review: CriterionReview | undefined): ExportCriterion['review'] {
  return review ? { decision: review.decision, comment: review.comment } : null;
}

/**
 * The working profile. While it stands as last submitted (in review, returned or approved), the
 * cover says when and by whom, and each criterion carries CBP's decision once the round is
 * decided (a member never sees a review in progress); a draft has no round to show.
 */
async function workingProfileData(
  ctx: ServiceContext,
  view: SecurityProfileView,
): Promise<ProfileExportData> {
  const latest = (await listOwnVersions(ctx)).items[0];
  const lastRound =
    latest && view.status !== 'draft' && latest.status === view.status
      ? await getOwnVersion(ctx, latest.id)
      : null;
  const reviews = new Map(lastRound?.reviews.map((review) => [review.criterionId, review]));
  const responsibleIds = view.sections.flatMap((section) =>
    section.criteria.flatMap((criterion) =>
      criterion.answer?.responsibleUserId ? [criterion.answer.responsibleUserId] : [],
    ),
  );
  const [names, organisations, company] = await Promise.all([
    displayNames(ctx.db, [
      ...responsibleIds,
      ...(lastRound?.decidedByUserId ? [lastRound.decidedByUserId] : []),
    ]),
    organisationSummaries(ctx.db, [view.organisationId]),
    readCompany(ctx, view.organisationId, 'own'),
  ]);
  const mediaTypes = new Map<string, string>();
  const criteria = view.sections.flatMap((section) =>
    section.criteria.map((criterion): ExportCriterion => {
      const answer = criterion.answer;
      for (const link of criterion.evidence) mediaTypes.set(link.evidenceId, link.mediaType);
      return {
        id: criterion.id,
        category: section.category,
        designation: criterion.designation,
        provisional: criterion.provisional,
        text: criterion.text,
        status: answer?.status ?? null,
        answered: answer !== null,
        narrative: answer?.narrative ?? '',
        responsible: answer?.responsibleUserId
          ? (names.get(answer.responsibleUserId) ?? null)
          : null,
        toReconfirm: answer?.toReconfirm ?? false,
        evidence: criterion.evidence.map((link: LinkedEvidence) => ({
          evidenceId: link.evidenceId,
          title: link.title,
        })),
        review: reviewOf(reviews.get(criterion.id)),
      };
    }),
  );
  const known = new Map(
    view.sections.flatMap((section) =>
      section.criteria.flatMap((criterion) =>
        criterion.evidence.map((link) => [
          link.evidenceId,
          {
            evidenceId: link.evidenceId,
            title: link.title,
            filename: null,
            sha256: null,
            expiresOn: link.expiresOn,
          },
        ]),
      ),
    ),
  );
  return {
    companyName: organisations.get(view.organisationId)?.legalName ?? company?.legalName ?? '',
    versionNumber: null,
    status: view.status,
    catalogVersion: view.catalogVersion,
    entityTypes: view.entityTypes,
    submitted: lastRound
      ? {
          at: lastRound.submittedAt,
          by: lastRound.submittedByName,
        }
      : null,
    decided:
      lastRound?.decidedAt && lastRound.status !== 'submitted'
        ? {
            at: lastRound.decidedAt,
            by: lastRound.decidedByUserId ? (names.get(lastRound.decidedByUserId) ?? null) : null,
            outcome: lastRound.status,
          }
        : null,
    lastUpdated: view.updatedAt,
    company,
    criteria,
    readiness: {
      byCategory: new Map(
        view.sections.map((section) => [section.category, countsOf(section.readiness)]),
      ),
      total: countsOf(view.readiness),
    },
    evidence: await evidenceIndex(ctx, view.organisationId, criteria, known, mediaTypes),
    generatedAt: ctx.clock.now(),
  };
}

/** A submitted version, from its frozen snapshot. */
async function versionData(
  ctx: ServiceContext,
  version: ProfileVersion,
  side: 'own' | 'cbp',
): Promise<ProfileExportData> {
  const snapshot = version.snapshot;
  const reviews = new Map(version.reviews.map((review) => [review.criterionId, review]));
  const [names, company] = await Promise.all([
    displayNames(ctx.db, [
      ...snapshot.criteria.flatMap((criterion) =>
        criterion.answer?.responsibleUserId ? [criterion.answer.responsibleUserId] : [],
      ),
      ...(version.decidedByUserId ? [version.decidedByUserId] : []),
    ]),
    readCompany(ctx, version.organisationId, side),
  ]);
  const criteria = snapshot.criteria.map(
    (criterion): ExportCriterion => ({
      id: criterion.id,
      category: criterion.category,
      designation: criterion.designation,
      provisional: criterion.provisional,
      text: criterion.text,
      status: criterion.answer?.status ?? null,
      answered: criterion.answer !== null,
      narrative: criterion.answer?.narrative ?? '',
      responsible: criterion.answer?.responsibleUserId
        ? (names.get(criterion.answer.responsibleUserId) ?? null)
        : null,
      toReconfirm: criterion.answer?.toReconfirm ?? false,
      evidence: criterion.evidence.map((link) => ({
        evidenceId: link.evidenceId,
        title: link.title,
      })),
      review: reviewOf(reviews.get(criterion.id)),
    }),
  );
  const known = new Map(
    snapshot.criteria.flatMap((criterion) =>
      criterion.evidence.map((link) => [
        link.evidenceId,
        {
          evidenceId: link.evidenceId,
          title: link.title,
          filename: link.originalFilename,
          sha256: link.sha256,
          expiresOn: link.expiresOn,
        },
      ]),
    ),
  );
  return {
    companyName: version.organisationName,
    versionNumber: version.number,
    status: version.status,
    catalogVersion: snapshot.catalog.version,
    entityTypes: snapshot.entityTypes,
    submitted: { at: version.submittedAt, by: version.submittedByName },
    decided:
      version.decidedAt && version.status !== 'submitted'
        ? {
            at: version.decidedAt,
            by: version.decidedByUserId ? (names.get(version.decidedByUserId) ?? null) : null,
            outcome: version.status,
          }
        : null,
    lastUpdated: null,
    company,
    criteria,
    readiness: {
      byCategory: new Map(
        snapshot.readiness.byCategory.map((entry) => [entry.category, countsOf(entry)]),
      ),
      total: countsOf(snapshot.readiness),
    },
    evidence: await evidenceIndex(ctx, version.organisationId, criteria, known, new Map()),
    generatedAt: ctx.clock.now(),
  };
}

// ---------------------------------------------------------------------------------------------
// Words

function entityTypeName(type: string, labels: ProfileExportLabels): string {
  return (ENTITY_TYPES as readonly string[]).includes(type)
    ? labels.entityTypes[type as EntityType]
    : type;
}

function versionLabel(data: ProfileExportData, labels: ProfileExportLabels): string {
  return data.versionNumber === null ? labels.workingCopy : labels.version(data.versionNumber);
}

function designationOf(criterion: ExportCriterion, labels: ProfileExportLabels): string {
  return designationWord(criterion, labels);
}

function statusOf(criterion: ExportCriterion, labels: ProfileExportLabels): string {
  return answerStatusWord(criterion.status, labels);
}

function reviewText(criterion: ExportCriterion, labels: ProfileExportLabels): string {
  if (!criterion.review) return '';
  const decision = labels.decisions[criterion.review.decision];
  return criterion.review.comment ? `${decision}: ${criterion.review.comment}` : decision;
}

function by(labels: ProfileExportLabels, at: string, who: string | null): string {
  return who ? labels.cover.by(instant(at), who) : instant(at);
}

const ratio = readinessRatio;

// ---------------------------------------------------------------------------------------------
// The document (PDF and DOCX)

function coverFacts(data: ProfileExportData, labels: ProfileExportLabels) {
  return [
    { key: labels.cover.company, value: data.companyName },
    { key: labels.cover.version, value: versionLabel(data, labels) },
    { key: labels.cover.status, value: labels.profileStatuses[data.status] },
    { key: labels.cover.catalog, value: data.catalogVersion },
    {
      key: labels.cover.entityTypes,
      value: data.entityTypes.map((type) => entityTypeName(type, labels)).join(', '),
    },
    {
      key: labels.cover.submitted,
      value: data.submitted ? by(labels, data.submitted.at, data.submitted.by) : '',
    },
    {
      key: data.decided?.outcome === 'returned' ? labels.cover.returned : labels.cover.approved,
      value: data.decided ? by(labels, data.decided.at, data.decided.by) : '',
    },
    {
      key: labels.cover.lastUpdated,
      value: data.lastUpdated ? instant(data.lastUpdated) : '',
    },
    { key: labels.cover.generated, value: instant(data.generatedAt) },
  ].filter((fact) => fact.value !== '');
}

function companyBlocks(data: ProfileExportData, labels: ProfileExportLabels): DocumentBlock[] {
  const blocks: DocumentBlock[] = [heading(1, labels.sections.company)];
  const company = data.company;
  if (!company) {
    return [...blocks, paragraph(labels.company.unavailable, 'muted')];
  }
  return [
    ...blocks,
    ...keyValues([
      { key: labels.company.legalName, value: company.legalName },
      { key: labels.company.otherNames, value: company.otherNames.join('; ') },
      {
        key: labels.company.entityTypes,
        value: company.entityTypes.map((type) => entityTypeName(type, labels)).join(', '),
      },
      { key: labels.company.identifiers, value: company.identifiers.join('\n') },
      { key: labels.company.headquarters, value: company.headquarters ?? '' },
      { key: labels.company.website, value: company.website ?? '' },
      { key: labels.company.telephone, value: company.telephone ?? '' },
      {
        key: labels.company.yearEstablished,
        value: company.yearEstablished === null ? '' : String(company.yearEstablished),
      },
    ]),
    paragraph(labels.sections.companyNote, 'muted'),
  ];
}

function readinessBlocks(data: ProfileExportData, labels: ProfileExportLabels): DocumentBlock[] {
  return [
    heading(1, labels.sections.readiness),
    readinessTable(data.readiness.byCategory, data.readiness.total, labels),
  ];
}

function criterionBlocks(criterion: ExportCriterion, labels: ProfileExportLabels): DocumentBlock[] {
  return criterionAnswerBlocks(criterion, labels, [
    { key: labels.criterion.responsible, value: criterion.responsible ?? '' },
    {
      key: labels.criterion.evidence,
      value: criterion.evidence.map((link) => link.title).join('\n'),
    },
    { key: labels.criterion.review, value: reviewText(criterion, labels) },
    {
      key: labels.criterion.toReconfirm,
      value: criterion.toReconfirm ? labels.criterion.yes : '',
    },
  ]);
}

function criteriaBlocks(data: ProfileExportData, labels: ProfileExportLabels): DocumentBlock[] {
  const blocks: DocumentBlock[] = [heading(1, labels.sections.criteria)];
  for (const category of MSC_CATEGORIES) {
    const criteria = data.criteria.filter((criterion) => criterion.category === category.number);
    const counts = data.readiness.byCategory.get(category.number) ?? emptyCounts();
    blocks.push(heading(2, `${category.number}. ${category.name}`));
    if (criteria.length === 0) {
      blocks.push(paragraph(labels.criterion.noCriteria, 'muted'));
      continue;
    }
    blocks.push(
      paragraph(
        labels.readiness.line(
          ratio(labels, counts.mustsMet, counts.mustsApplicable),
          ratio(labels, counts.shouldsMet, counts.shouldsApplicable),
          ratio(labels, counts.answered, counts.applicable),
        ),
        'muted',
      ),
    );
    for (const criterion of criteria) {
      blocks.push(...criterionBlocks(criterion, labels));
    }
  }
  return blocks;
}

function evidenceBlocks(data: ProfileExportData, labels: ProfileExportLabels): DocumentBlock[] {
  return [heading(1, labels.sections.evidenceIndex), evidenceIndexTable(data.evidence, labels)];
}

/** The Security Profile as a document model, for the PDF and the Word file alike. */
function profileDocument(
  data: ProfileExportData,
  labels: ProfileExportLabels,
  language: ProfileExportLanguage,
): DocumentModel {
  const title = `${labels.documentTitle} – ${data.companyName} – ${versionLabel(data, labels)}`;
  return {
    title,
    language,
    subject: labels.documentTitle,
    author: data.companyName,
    pageLabel: labels.pageLabel,
    cover: {
      title: labels.documentTitle,
      subtitle: `${data.companyName} – ${versionLabel(data, labels)}`,
      facts: coverFacts(data, labels),
      note: labels.cover.note,
    },
    blocks: [
      ...companyBlocks(data, labels),
      ...readinessBlocks(data, labels),
      PAGE_BREAK,
      ...criteriaBlocks(data, labels),
      PAGE_BREAK,
      ...evidenceBlocks(data, labels),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The workbook (XLSX)

function headerRow(headers: readonly string[]) {
  return headers.map((header) => ({ value: header, fontWeight: 'bold' as const }));
}

function textCell(value: string) {
  // A text cell (shared string): a spreadsheet shows it and never evaluates it as a formula.
  return { value: xmlSafe(value), type: String };
}

async function profileWorkbook(
  data: ProfileExportData,
  labels: ProfileExportLabels,
): Promise<Buffer> {
  const categoryName = new Map(MSC_CATEGORIES.map((category) => [category.number, category.name]));
  const criteria: SheetData = [
    headerRow([
      'Id',
      labels.sheets.category,
      `${labels.criterion.must} / ${labels.criterion.should}`,
      labels.sheets.text,
      labels.criterion.status,
      labels.criterion.narrative,
      labels.criterion.responsible,
      labels.criterion.evidence,
      labels.criterion.review,
      labels.criterion.toReconfirm,
    ]),
    ...data.criteria.map((criterion) => [
      textCell(criterion.id),
      textCell(`${criterion.category}. ${categoryName.get(criterion.category) ?? ''}`),
      textCell(designationOf(criterion, labels)),
      textCell(criterion.text),
      textCell(statusOf(criterion, labels)),
      textCell(criterion.narrative),
      textCell(criterion.responsible ?? ''),
      textCell(criterion.evidence.map((link) => link.title).join('; ')),
      textCell(reviewText(criterion, labels)),
      textCell(criterion.toReconfirm ? labels.criterion.yes : ''),
    ]),
  ];
  const evidence: SheetData = [
    headerRow([
      labels.evidence.title,
      labels.evidence.file,
      labels.evidence.type,
      'SHA-256',
      labels.evidence.expires,
      labels.evidence.criteria,
    ]),
    ...data.evidence.map((item) => [
      textCell(evidenceTitle(item, labels)),
      textCell(item.filename ?? ''),
      textCell(mediaTypeName(item.mediaType)),
      textCell(item.sha256 ?? ''),
      textCell(item.expiresOn ?? ''),
      textCell(item.criteria.join(', ')),
    ]),
  ];
  // Loaded on the first export, as in member-export.service.ts (server memory, bench row 3).
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile([
    {
      data: criteria,
      sheet: labels.sheets.criteria,
      stickyRowsCount: 1,
      columns: [8, 28, 12, 60, 18, 80, 22, 40, 40, 12].map((width) => ({ width })),
    },
    {
      data: evidence,
      sheet: labels.sheets.evidence,
      stickyRowsCount: 1,
      columns: [40, 36, 14, 66, 12, 30].map((width) => ({ width })),
    },
  ]).toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** "Compañía Ñandú, S.A." → "compania-nandu-s-a": ASCII, for a file name. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'company' : slug;
}

function fileName(data: ProfileExportData, format: ProfileExportFormat): string {
  const which =
    data.versionNumber === null
      ? `${data.status}-${data.generatedAt.toISOString().slice(0, 10)}`
      : `v${data.versionNumber}`;
  return `security-profile-${fileSlug(data.companyName)}-${which}.${format}`;
}

async function languageOf(
  ctx: ServiceContext,
  query: ProfileExportQuery,
): Promise<ProfileExportLanguage> {
  if (query.lang) return query.lang;
  if (ctx.actor.kind !== 'user') return 'en';
  return (await getAccount(ctx)).preferredLanguage === 'es' ? 'es' : 'en';
}

async function render(
  ctx: ServiceContext,
  data: ProfileExportData,
  query: ProfileExportQuery,
): Promise<ProfileExport> {
  const language = await languageOf(ctx, query);
  const labels = PROFILE_EXPORT_LABELS[language];
  let body: Buffer;
  if (query.format === 'xlsx') {
    body = await profileWorkbook(data, labels);
  } else if (query.format === 'pdf') {
    body = await renderPdf(profileDocument(data, labels, language));
  } else {
    body = await renderDocx(profileDocument(data, labels, language));
  }
  return {
    filename: fileName(data, query.format),
    contentType: PROFILE_EXPORT_CONTENT_TYPES[query.format],
    body,
  };
}

/** The company's working profile (the open one, else the last approved one). */
export async function exportOwnProfile(
  ctx: ServiceContext,
  query: ProfileExportQuery,
): Promise<ProfileExport> {
  const view = await getOwnSecurityProfile(ctx);
  return render(ctx, await workingProfileData(ctx, view), query);
}

/** One of the company's submitted versions, as frozen; another company's is a 404. */
export async function exportOwnVersion(
  ctx: ServiceContext,
  versionId: string,
  query: ProfileExportQuery,
): Promise<ProfileExport> {
  const version = await getOwnVersion(ctx, versionId);
  return render(ctx, await versionData(ctx, version, 'own'), query);
}

/** Any member's submitted version, for CBP (profile:read:any, checked by the reading service). */
export async function exportVersionForReview(
  ctx: ServiceContext,
  versionId: string,
  query: ProfileExportQuery,
): Promise<ProfileExport> {
  const version = await getVersionForReview(ctx, versionId);
  return render(ctx, await versionData(ctx, version, 'cbp'), query);
}
