import { MSC_CATEGORIES } from '../../../domain/criteria/msc-categories.ts';
import type { AnswerStatus } from '../../../domain/security-profile/profile-vocabulary.ts';
import type { Readiness } from '../../../domain/security-profile/readiness.ts';
import {
  type DocumentBlock,
  heading,
  type KeyValue,
  keyValues,
  paragraph,
  paragraphsOf,
  type TableColumn,
  table,
} from '../../documents/document-model.ts';
import type { ProfileExportLabels } from './profile-export-labels.ts';

/**
 * Pieces of a document that show Security Profile answers, shared by the profile export
 * (profile-export.service.ts) and the validation preparation package
 * (validations/validation-package-document.ts): the readiness per category, one criterion with
 * the member's answer, and the index of linked evidence. Same words (profile-export-labels.ts),
 * same layout, so a member reads its answers the same way in both documents.
 */

/** "2026-03-04 14:05 UTC": an instant as every reader of the document reads it. */
export function instant(iso: string | Date): string {
  const text = typeof iso === 'string' ? iso : iso.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

/** What a media type is, in a word a reader recognises. */
export function mediaTypeName(mediaType: string | null): string {
  if (mediaType === null) return '';
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'image/gif': 'GIF',
    'image/webp': 'WebP',
    'text/csv': 'CSV',
    'text/plain': 'Text',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation':
      'PowerPoint (PPTX)',
    'application/msword': 'Word (DOC)',
    'application/vnd.ms-excel': 'Excel (XLS)',
  };
  return known[mediaType] ?? mediaType;
}

// ---------------------------------------------------------------------------------------------
// Readiness per category

export function readinessRatio(labels: ProfileExportLabels, met: number, applicable: number) {
  return labels.readiness.of(met, applicable);
}

const NO_READINESS: Readiness = {
  answered: 0,
  applicable: 0,
  mustsMet: 0,
  mustsApplicable: 0,
  shouldsMet: 0,
  shouldsApplicable: 0,
};

/** Musts met, shoulds met and answered, per MSC category and in total, as one table. */
export function readinessTable(
  byCategory: ReadonlyMap<number, Readiness>,
  total: Readiness,
  labels: ProfileExportLabels,
): DocumentBlock {
  const row = (name: string, counts: Readiness) => [
    name,
    readinessRatio(labels, counts.mustsMet, counts.mustsApplicable),
    readinessRatio(labels, counts.shouldsMet, counts.shouldsApplicable),
    readinessRatio(labels, counts.answered, counts.applicable),
  ];
  return table(
    [
      { header: labels.readiness.category, weight: 5 },
      { header: labels.readiness.musts, weight: 2 },
      { header: labels.readiness.shoulds, weight: 2 },
      { header: labels.readiness.answered, weight: 2 },
    ],
    [
      ...MSC_CATEGORIES.map((category) =>
        row(
          `${category.number}. ${category.name}`,
          byCategory.get(category.number) ?? NO_READINESS,
        ),
      ),
      row(labels.readiness.total, total),
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// One criterion with the member's answer

export interface AnsweredCriterion {
  id: string;
  designation: 'must' | 'should';
  provisional: boolean;
  text: string;
  status: AnswerStatus | null;
  /** The member saved an answer (maybe with no status yet). */
  answered: boolean;
  narrative: string;
}

export function designationWord(
  criterion: Pick<AnsweredCriterion, 'designation' | 'provisional'>,
  labels: ProfileExportLabels,
): string {
  const word = criterion.designation === 'must' ? labels.criterion.must : labels.criterion.should;
  return criterion.provisional ? `${word}, ${labels.criterion.provisional}` : word;
}

export function answerStatusWord(status: AnswerStatus | null, labels: ProfileExportLabels): string {
  return status ? labels.answerStatuses[status] : labels.criterion.unanswered;
}

/**
 * "3.4 (must)", the criterion's text, its status, then the `facts` the document adds (who is
 * responsible, evidence, CBP's review...; empty ones left out), then the narrative as written.
 */
export function criterionAnswerBlocks(
  criterion: AnsweredCriterion,
  labels: ProfileExportLabels,
  facts: readonly KeyValue[] = [],
): DocumentBlock[] {
  const narrative = paragraphsOf(criterion.narrative);
  return [
    heading(3, labels.criterion.heading(criterion.id, designationWord(criterion, labels))),
    paragraph(criterion.text, 'muted'),
    ...keyValues([
      { key: labels.criterion.status, value: answerStatusWord(criterion.status, labels) },
      ...facts,
    ]),
    ...(narrative.length > 0
      ? narrative.map((text) => paragraph(text))
      : [
          paragraph(
            criterion.answered ? labels.criterion.noNarrative : labels.criterion.unanswered,
            'muted',
          ),
        ]),
  ];
}

// ---------------------------------------------------------------------------------------------
// The evidence index

export interface EvidenceIndexEntry {
  title: string;
  filename: string | null;
  mediaType: string | null;
  sha256: string | null;
  expiresOn: string | null;
  deleted: boolean;
  criteria: readonly string[];
}

export function evidenceTitle(
  evidence: Pick<EvidenceIndexEntry, 'title' | 'deleted'>,
  labels: ProfileExportLabels,
): string {
  return evidence.deleted ? `${evidence.title} (${labels.evidence.deleted})` : evidence.title;
}

/**
 * Every linked document once: title, file, type, the start of its SHA-256, expiry and the
 * criteria it supports. `attention` adds a column after the expiry (the preparation package
 * flags documents that lapse before the visit).
 */
export function evidenceIndexTable<Entry extends EvidenceIndexEntry>(
  entries: readonly Entry[],
  labels: ProfileExportLabels,
  attention?: { header: string; of: (entry: Entry) => string },
): DocumentBlock {
  const columns: TableColumn[] = [
    { header: labels.evidence.title, weight: 4 },
    { header: labels.evidence.file, weight: 4 },
    { header: labels.evidence.type, weight: 2 },
    { header: labels.evidence.sha256, weight: 2.6 },
    { header: labels.evidence.expires, weight: 2 },
    ...(attention ? [{ header: attention.header, weight: 2.6 }] : []),
    { header: labels.evidence.criteria, weight: 2 },
  ];
  return table(
    columns,
    entries.map((entry) => [
      evidenceTitle(entry, labels),
      entry.filename ?? '',
      mediaTypeName(entry.mediaType),
      entry.sha256?.slice(0, 12) ?? '',
      entry.expiresOn ?? '',
      ...(attention ? [attention.of(entry)] : []),
      entry.criteria.join(', '),
    ]),
    labels.evidence.none,
  );
}
