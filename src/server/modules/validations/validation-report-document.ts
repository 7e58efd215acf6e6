import { createHash } from 'node:crypto';
import { MSC_CATEGORIES } from '../../../domain/criteria/msc-categories.ts';
import {
  type DocumentLanguage,
  FINDING_RATINGS,
  type FindingRating,
  type ValidationKind,
  type ValidationMode,
  type ValidationOutcome,
} from '../../../domain/validations/validation-vocabulary.ts';
import type { RatingCounts } from '../../../domain/validations/work-program.ts';
import {
  type DocumentBlock,
  type DocumentModel,
  heading,
  keyValues,
  PAGE_BREAK,
  paragraph,
  paragraphsOf,
  table,
} from '../../documents/document-model.ts';
import { renderDocx } from '../../documents/docx-renderer.ts';
import { renderPdf } from '../../documents/pdf-renderer.ts';
import { PROFILE_EXPORT_LABELS } from '../security-profile/profile-export-labels.ts';
import {
  VALIDATION_REPORT_LABELS,
  type ValidationReportLabels,
} from './validation-report-labels.ts';
import type { ReviewedCriterion } from './validation-work-criteria.ts';

/**
 * The validation report as a document (issue 6, item 5): generated from the findings of the
 * standard work program when a supervisory specialist approves the report, in PDF and Word from
 * one DocumentModel (src/server/documents, ADR 0026). A cover with the validation's facts and
 * the recommended outcome; the specialist's summary; the results by rating; the sites; the
 * required actions the member answers, the recommendations and the best practices; then every
 * applicable criterion by category with the member's answer, its linked evidence and the
 * findings recorded for it (validation-wide and per site).
 */

export interface ReportSite {
  id: string;
  name: string;
  countryCode: string;
  location: 'domestic' | 'foreign';
  mra: boolean;
  visitOn: string | null;
}

export interface ReportFinding {
  criterionId: string;
  siteId: string | null;
  rating: FindingRating;
  notes: string;
  evidenceSeen: string;
}

export interface ReportData {
  memberName: string;
  kind: ValidationKind;
  mode: ValidationMode;
  startsOn: string | null;
  endsOn: string | null;
  specialist: string | null;
  approvedBy: string | null;
  issuedOn: string;
  responsesDueOn: string | null;
  responsePeriod: { days: number; provisional: boolean };
  catalogVersion: string | null;
  summary: string;
  recommendedOutcome: ValidationOutcome | null;
  sites: ReportSite[];
  criteria: ReviewedCriterion[];
  findings: ReportFinding[];
  counts: RatingCounts;
  generatedAt: Date;
}

function instant(value: Date): string {
  return `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function siteName(data: ReportData, siteId: string | null, labels: ValidationReportLabels): string {
  if (siteId === null) return labels.criterion.validationWide;
  return data.sites.find((site) => site.id === siteId)?.name ?? '';
}

function coverFacts(data: ReportData, labels: ValidationReportLabels) {
  const dates =
    data.startsOn && data.endsOn
      ? data.startsOn === data.endsOn
        ? data.startsOn
        : `${data.startsOn} – ${data.endsOn}`
      : '';
  const due = data.responsesDueOn
    ? data.responsePeriod.provisional
      ? `${data.responsesDueOn} (${labels.cover.responsesDueProvisional(data.responsePeriod.days)})`
      : data.responsesDueOn
    : '';
  return [
    { key: labels.cover.member, value: data.memberName },
    { key: labels.cover.kind, value: labels.kinds[data.kind] },
    { key: labels.cover.mode, value: labels.modes[data.mode] },
    { key: labels.cover.dates, value: dates },
    { key: labels.cover.specialist, value: data.specialist ?? '' },
    { key: labels.cover.approvedBy, value: data.approvedBy ?? '' },
    { key: labels.cover.issuedOn, value: data.issuedOn },
    { key: labels.cover.responsesDue, value: due },
    { key: labels.cover.catalog, value: data.catalogVersion ?? '' },
    {
      key: labels.cover.outcome,
      value: data.recommendedOutcome ? labels.outcomes[data.recommendedOutcome] : '',
    },
    { key: labels.cover.generated, value: instant(data.generatedAt) },
  ].filter((fact) => fact.value !== '');
}

function summaryBlocks(data: ReportData, labels: ValidationReportLabels): DocumentBlock[] {
  return [
    heading(1, labels.sections.summary),
    ...paragraphsOf(data.summary).map((text) => paragraph(text)),
    ...(data.recommendedOutcome
      ? [
          paragraph(
            `${labels.cover.outcome}: ${labels.outcomes[data.recommendedOutcome]}`,
            'emphasis',
          ),
        ]
      : []),
  ];
}

function resultBlocks(data: ReportData, labels: ValidationReportLabels): DocumentBlock[] {
  return [
    heading(1, labels.sections.results),
    table(
      [
        { header: labels.results.rating, weight: 3 },
        { header: labels.results.count, weight: 1 },
      ],
      [
        ...FINDING_RATINGS.map((rating) => [labels.ratings[rating], String(data.counts[rating])]),
        [labels.results.applicable, String(data.criteria.length)],
      ],
    ),
  ];
}

function siteBlocks(data: ReportData, labels: ValidationReportLabels): DocumentBlock[] {
  return [
    heading(1, labels.sections.sites),
    table(
      [
        { header: labels.sites.name, weight: 4 },
        { header: labels.sites.country, weight: 1 },
        { header: labels.sites.location, weight: 3 },
        { header: labels.sites.visit, weight: 2 },
      ],
      data.sites.map((site) => [
        site.name,
        site.countryCode,
        site.mra ? labels.locations.mra : labels.locations[site.location],
        site.visitOn ?? '',
      ]),
      labels.sites.none,
    ),
  ];
}

function ratedList(
  data: ReportData,
  labels: ValidationReportLabels,
  rating: FindingRating,
  title: string,
  intro: string | null,
): DocumentBlock[] {
  const text = new Map(data.criteria.map((criterion) => [criterion.id, criterion.text]));
  const order = new Map(data.criteria.map((criterion, index) => [criterion.id, index]));
  const findings = data.findings
    .filter((finding) => finding.rating === rating)
    .sort(
      (a, b) =>
        (order.get(a.criterionId) ?? Number.MAX_SAFE_INTEGER) -
        (order.get(b.criterionId) ?? Number.MAX_SAFE_INTEGER),
    );
  return [
    heading(1, title),
    ...(intro ? [paragraph(intro, 'muted')] : []),
    table(
      [
        { header: labels.list.criterion, weight: 4 },
        { header: labels.list.site, weight: 2 },
        { header: labels.list.notes, weight: 5 },
      ],
      findings.map((finding) => [
        `${finding.criterionId} ${text.get(finding.criterionId) ?? ''}`.trim(),
        siteName(data, finding.siteId, labels),
        finding.notes,
      ]),
      labels.list.none,
    ),
  ];
}

function criterionBlocks(
  data: ReportData,
  criterion: ReviewedCriterion,
  labels: ValidationReportLabels,
  language: DocumentLanguage,
): DocumentBlock[] {
  const designation = `${criterion.designation === 'must' ? labels.criterion.must : labels.criterion.should}${
    criterion.provisional ? `, ${labels.criterion.provisional}` : ''
  }`;
  const narrative = paragraphsOf(criterion.answer?.narrative ?? '');
  const status = criterion.answer?.status
    ? PROFILE_EXPORT_LABELS[language].answerStatuses[criterion.answer.status]
    : labels.criterion.unanswered;
  const findings = data.findings.filter((finding) => finding.criterionId === criterion.id);
  return [
    heading(3, labels.criterion.heading(criterion.id, designation)),
    paragraph(criterion.text, 'muted'),
    ...keyValues([
      { key: labels.criterion.answer, value: status },
      {
        key: labels.criterion.evidence,
        value:
          criterion.evidence.length > 0
            ? criterion.evidence.map((link) => link.title).join('\n')
            : labels.criterion.noEvidence,
      },
    ]),
    ...(narrative.length > 0
      ? narrative.map((text) => paragraph(text))
      : criterion.answer
        ? [paragraph(labels.criterion.noNarrative, 'muted')]
        : []),
    table(
      [
        { header: labels.criterion.site, weight: 2 },
        { header: labels.criterion.rating, weight: 2 },
        { header: labels.criterion.notes, weight: 4 },
        { header: labels.criterion.evidenceSeen, weight: 3 },
      ],
      findings.map((finding) => [
        siteName(data, finding.siteId, labels),
        labels.ratings[finding.rating],
        finding.notes,
        finding.evidenceSeen,
      ]),
      labels.criterion.noFindings,
    ),
  ];
}

function criteriaBlocks(
  data: ReportData,
  labels: ValidationReportLabels,
  language: DocumentLanguage,
): DocumentBlock[] {
  const blocks: DocumentBlock[] = [heading(1, labels.sections.criteria)];
  for (const category of MSC_CATEGORIES) {
    const criteria = data.criteria.filter((criterion) => criterion.category === category.number);
    blocks.push(heading(2, `${category.number}. ${category.name}`));
    if (criteria.length === 0) {
      blocks.push(paragraph(labels.noCriteria, 'muted'));
      continue;
    }
    for (const criterion of criteria) {
      blocks.push(...criterionBlocks(data, criterion, labels, language));
    }
  }
  return blocks;
}

/** The report as a document model, for the PDF and the Word file alike. */
export function reportDocument(data: ReportData, language: DocumentLanguage): DocumentModel {
  const labels = VALIDATION_REPORT_LABELS[language];
  return {
    title: `${labels.documentTitle} – ${data.memberName} – ${data.issuedOn}`,
    language,
    subject: labels.documentTitle,
    author: 'U.S. Customs and Border Protection – CTPAT',
    pageLabel: labels.pageLabel,
    cover: {
      title: labels.documentTitle,
      subtitle: `${data.memberName} – ${labels.kinds[data.kind]}`,
      facts: coverFacts(data, labels),
      note: labels.cover.note,
    },
    blocks: [
      ...summaryBlocks(data, labels),
      ...resultBlocks(data, labels),
      ...siteBlocks(data, labels),
      PAGE_BREAK,
      ...ratedList(
        data,
        labels,
        'required_action',
        labels.sections.requiredActions,
        labels.sections.requiredActionsIntro(data.responsesDueOn ?? ''),
      ),
      ...ratedList(data, labels, 'recommendation', labels.sections.recommendations, null),
      ...ratedList(data, labels, 'best_practice', labels.sections.bestPractices, null),
      PAGE_BREAK,
      ...criteriaBlocks(data, labels, language),
    ],
  };
}

export interface RenderedReport {
  language: DocumentLanguage;
  pdf: Buffer;
  pdfSha256: string;
  docx: Buffer;
  docxSha256: string;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Both formats of the report in one language. */
export async function renderReport(
  data: ReportData,
  language: DocumentLanguage,
): Promise<RenderedReport> {
  const model = reportDocument(data, language);
  const pdf = await renderPdf(model);
  const docx = await renderDocx(model);
  return { language, pdf, pdfSha256: sha256(pdf), docx, docxSha256: sha256(docx) };
}
