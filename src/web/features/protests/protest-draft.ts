import { z } from 'zod';
import type { CbpCenterCode } from '../../../domain/protests/cbp-centers.ts';
import type { FilingTrigger } from '../../../domain/protests/filing-window.ts';
import type { FurtherReviewCriterion } from '../../../domain/protests/further-review.ts';
import type { FileProtestBodyInput } from '../../../domain/protests/protest.schema.ts';
import type { ProtestView } from '../../../domain/protests/protest-api.schema.ts';
import type { AmendProtestBody } from '../../../domain/protests/protest-member-requests.schema.ts';
import type {
  DrawbackDeclaration,
  ProtestableDecision,
  ProtestantType,
  ProtestFilerCapacity,
} from '../../../domain/protests/protest-vocabulary.ts';
import { ApiError } from '../../lib/api-client.ts';

/**
 * The filing form's state as the person types it (issue 7, item 1), and the pure functions
 * between it, the API body (`FileProtestBodySchema`) and the API's field issues.
 *
 * Rows (entries, categories, objections) carry a stable `key`: a field is named by its API
 * path with each row index replaced by the row's key (`entries.k3.entryNumber`), so an issue
 * the server reported for the second entry stays on that entry when a row above is removed.
 */

export interface EntryDraft {
  key: string;
  entryNumber: string;
  entryDate: string;
  dateKind: FilingTrigger;
  date: string;
}

export interface ObjectionDraft {
  key: string;
  decision: ProtestableDecision | '';
  objection: string;
  justification: string;
}

export interface CategoryDraft {
  key: string;
  category: string;
  description: string;
  objections: ObjectionDraft[];
}

export interface ProtestDraft {
  portCode: string;
  center: CbpCenterCode | '';
  protestantName: string;
  protestantAddress: string;
  protestantType: ProtestantType | '';
  importerNumber: string;
  filerName: string;
  filerAddress: string;
  filerCapacity: ProtestFilerCapacity | '';
  filerImporterNumber: string;
  entries: EntryDraft[];
  /** The key of the lead entry. */
  leadKey: string;
  decisionsProtested: ProtestableDecision[];
  categories: CategoryDraft[];
  relatedProtestNumber: string;
  relatedReceivedOn: string;
  suretyStatement: string;
  drawbackDeclaration: DrawbackDeclaration | '';
  furtherReview: boolean;
  furtherReviewCriterion: FurtherReviewCriterion | '';
  furtherReviewReason: string;
}

/** The decisions protested and the categories: what an amendment replaces. */
export type ObjectionsDraft = Pick<ProtestDraft, 'decisionsProtested' | 'categories'>;

let nextKey = 0;
/** A row key unique in this page (rows restored from storage keep theirs). */
export function rowKey(): string {
  nextKey += 1;
  return `r${Date.now().toString(36)}${nextKey}`;
}

export function emptyEntry(): EntryDraft {
  return { key: rowKey(), entryNumber: '', entryDate: '', dateKind: 'liquidation', date: '' };
}

export function emptyObjection(decision: ProtestableDecision | '' = ''): ObjectionDraft {
  return { key: rowKey(), decision, objection: '', justification: '' };
}

export function emptyCategory(): CategoryDraft {
  return { key: rowKey(), category: '', description: '', objections: [emptyObjection()] };
}

export function emptyDraft(): ProtestDraft {
  const first = emptyEntry();
  return {
    portCode: '',
    center: '',
    protestantName: '',
    protestantAddress: '',
    protestantType: '',
    importerNumber: '',
    filerName: '',
    filerAddress: '',
    filerCapacity: '',
    filerImporterNumber: '',
    entries: [first],
    leadKey: first.key,
    decisionsProtested: [],
    categories: [emptyCategory()],
    relatedProtestNumber: '',
    relatedReceivedOn: '',
    suretyStatement: '',
    drawbackDeclaration: '',
    furtherReview: false,
    furtherReviewCriterion: '',
    furtherReviewReason: '',
  };
}

/** Removes a row of entries; the lead moves to the first row left when the lead goes. */
export function withoutEntry(draft: ProtestDraft, key: string): ProtestDraft {
  const entries = draft.entries.filter((entry) => entry.key !== key);
  if (entries.length === 0) {
    return draft;
  }
  const leadKey = draft.leadKey === key ? (entries[0]?.key ?? '') : draft.leadKey;
  return { ...draft, entries, leadKey };
}

const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text);

/** The categories and objections as the API takes them (filing and amendment alike). */
function categoriesBody(categories: readonly CategoryDraft[]) {
  return categories.map((category) => ({
    category: category.category,
    description: category.description,
    objections: category.objections.map((objection) => ({
      decision: objection.decision as ProtestableDecision,
      objection: objection.objection,
      justification: objection.justification,
    })),
  }));
}

/**
 * The filing body. Empty choices go as they are (the browser's checks run first; the server
 * names anything left); optional parts are left out when blank; the surety statement only for
 * a surety.
 */
export function draftBody(draft: ProtestDraft): FileProtestBodyInput {
  const filerImporter = blankToUndefined(draft.filerImporterNumber);
  const related =
    draft.relatedProtestNumber.trim() === '' && draft.relatedReceivedOn === ''
      ? undefined
      : { protestNumber: draft.relatedProtestNumber, receivedOn: draft.relatedReceivedOn };
  return {
    portCode: draft.portCode.trim(),
    center: draft.center as CbpCenterCode,
    protestant: { name: draft.protestantName, address: draft.protestantAddress },
    protestantType: draft.protestantType as ProtestantType,
    importerNumber: draft.importerNumber,
    filer: {
      name: draft.filerName,
      address: draft.filerAddress,
      capacity: draft.filerCapacity as ProtestFilerCapacity,
      ...(filerImporter === undefined ? {} : { importerNumber: filerImporter }),
    },
    entries: draft.entries.map((entry) => ({
      entryNumber: entry.entryNumber,
      entryDate: entry.entryDate,
      dateKind: entry.dateKind,
      liquidationOrDecisionDate: entry.date,
      lead: entry.key === draft.leadKey,
    })),
    decisionsProtested: draft.decisionsProtested,
    categories: categoriesBody(draft.categories),
    ...(related === undefined ? {} : { relatedProtest: related }),
    ...(draft.protestantType === 'surety'
      ? { suretyNonCollusionStatement: draft.suretyStatement }
      : {}),
    drawbackDeclaration: draft.drawbackDeclaration as DrawbackDeclaration,
    ...(draft.furtherReview
      ? {
          furtherReview: {
            criterion: draft.furtherReviewCriterion as FurtherReviewCriterion,
            reason: draft.furtherReviewReason,
          },
        }
      : {}),
  };
}

/** The amendment body: the decisions and categories as they now stand. */
export function amendmentBody(draft: ObjectionsDraft, expectedVersion: number): AmendProtestBody {
  return {
    decisionsProtested: draft.decisionsProtested,
    categories: categoriesBody(draft.categories),
    expectedVersion,
  };
}

/** A filed protest's decisions and categories, as the amendment form starts from. */
export function objectionsDraftOf(protest: ProtestView): ObjectionsDraft {
  return {
    decisionsProtested: [...protest.decisionsProtested],
    categories: protest.categories.map((category) => ({
      key: rowKey(),
      category: category.category,
      description: category.description,
      objections: category.objections.map((objection) => ({
        key: rowKey(),
        decision: objection.decision,
        objection: objection.objection,
        justification: objection.justification,
      })),
    })),
  };
}

/** What the browser checks before sending: messages by field key. */
export type DraftProblem = 'required' | 'portCode' | 'oneOrNone';
export type DraftProblems = Record<string, DraftProblem>;

const blank = (text: string) => text.trim() === '';

/** Required choices and texts of the categories and objections (filing and amendment). */
export function objectionsProblems(draft: ObjectionsDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.decisionsProtested.length === 0) {
    problems.decisionsProtested = 'required';
  }
  for (const category of draft.categories) {
    const at = `categories.${category.key}`;
    if (blank(category.category)) problems[`${at}.category`] = 'required';
    if (blank(category.description)) problems[`${at}.description`] = 'required';
    for (const objection of category.objections) {
      const where = `${at}.objections.${objection.key}`;
      if (objection.decision === '') problems[`${where}.decision`] = 'required';
      if (blank(objection.objection)) problems[`${where}.objection`] = 'required';
      if (blank(objection.justification)) problems[`${where}.justification`] = 'required';
    }
  }
  return problems;
}

/**
 * The browser's hints: what is required, the port code's shape, a related protest given whole.
 * Identifier check digits, date order and the rules across fields are the server's (its 400
 * names each field).
 */
export function draftProblems(draft: ProtestDraft): DraftProblems {
  const problems: DraftProblems = {};
  const required: [string, string][] = [
    ['protestant.name', draft.protestantName],
    ['protestant.address', draft.protestantAddress],
    ['protestantType', draft.protestantType],
    ['importerNumber', draft.importerNumber],
    ['filer.name', draft.filerName],
    ['filer.address', draft.filerAddress],
    ['filer.capacity', draft.filerCapacity],
    ['center', draft.center],
    ['drawbackDeclaration', draft.drawbackDeclaration],
  ];
  if (!/^\d{4}$/.test(draft.portCode.trim())) {
    problems.portCode = blank(draft.portCode) ? 'required' : 'portCode';
  }
  for (const [key, value] of required) {
    if (blank(value)) problems[key] = 'required';
  }
  for (const entry of draft.entries) {
    const at = `entries.${entry.key}`;
    if (blank(entry.entryNumber)) problems[`${at}.entryNumber`] = 'required';
    if (entry.entryDate === '') problems[`${at}.entryDate`] = 'required';
    if (entry.date === '') problems[`${at}.liquidationOrDecisionDate`] = 'required';
  }
  Object.assign(problems, objectionsProblems(draft));
  if (blank(draft.relatedProtestNumber) !== (draft.relatedReceivedOn === '')) {
    const missing = blank(draft.relatedProtestNumber)
      ? 'relatedProtest.protestNumber'
      : 'relatedProtest.receivedOn';
    problems[missing] = 'oneOrNone';
  }
  if (draft.protestantType === 'surety' && blank(draft.suretyStatement)) {
    problems.suretyNonCollusionStatement = 'required';
  }
  if (draft.furtherReview) {
    if (draft.furtherReviewCriterion === '') problems['furtherReview.criterion'] = 'required';
    if (blank(draft.furtherReviewReason)) problems['furtherReview.reason'] = 'required';
  }
  return problems;
}

const IssuesSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** One problem the server named: the form field it belongs to, or none (shown in the summary). */
export interface ServerIssue {
  /** The field key (`entries.k3.entryNumber`), or null when it names no field of the form. */
  key: string | null;
  message: string;
}

/**
 * The API's VALIDATION_FAILED issues mapped onto the form's field keys, using the draft as it
 * was sent to turn row indexes into row keys: `body.entries.1.entryNumber` → `entries.<key of
 * the second row>.entryNumber`; `body.decisionsProtested.0` → the decisions group;
 * `body.entries.1.lead` → the lead choice of that row. Issues on unknown paths keep key null.
 */
export function serverIssues(
  error: unknown,
  sent: ObjectionsDraft & { entries?: readonly EntryDraft[] },
  fieldKeys: ReadonlySet<string>,
): ServerIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') {
    return [];
  }
  const parsed = IssuesSchema.safeParse(error.details);
  if (!parsed.success) {
    return [];
  }
  return parsed.data.issues.map((issue) => {
    const key = fieldKeyOfPath(issue.path, sent);
    return { key: key !== null && fieldKeys.has(key) ? key : null, message: issue.message };
  });
}

export function fieldKeyOfPath(
  path: string,
  sent: ObjectionsDraft & { entries?: readonly EntryDraft[] },
): string | null {
  const parts = path.replace(/^body\.?/, '').split('.');
  const [head, index, ...rest] = parts;
  if (head === undefined || head === '') {
    return null;
  }
  if (head === 'decisionsProtested') {
    return 'decisionsProtested';
  }
  if (head === 'entries') {
    const entry = index === undefined ? undefined : sent.entries?.[Number(index)];
    if (entry === undefined) return 'entries';
    const field = rest[0];
    return field === undefined ? 'entries' : `entries.${entry.key}.${field}`;
  }
  if (head === 'categories') {
    const category = index === undefined ? undefined : sent.categories[Number(index)];
    if (category === undefined) return 'categories';
    const [field, objectionIndex, objectionField] = rest;
    if (field !== 'objections') {
      return field === undefined ? 'categories' : `categories.${category.key}.${field}`;
    }
    const objection =
      objectionIndex === undefined ? undefined : category.objections[Number(objectionIndex)];
    if (objection === undefined || objectionField === undefined) {
      return `categories.${category.key}.objections`;
    }
    return `categories.${category.key}.objections.${objection.key}.${objectionField}`;
  }
  return parts.join('.');
}

/** Every field key the filing form shows (errors on other keys go to the summary only). */
export function draftFieldKeys(draft: ProtestDraft): Set<string> {
  const keys = new Set([
    'portCode',
    'center',
    'protestant.name',
    'protestant.address',
    'protestantType',
    'importerNumber',
    'filer.name',
    'filer.address',
    'filer.capacity',
    'filer.importerNumber',
    'entries',
    'relatedProtest.protestNumber',
    'relatedProtest.receivedOn',
    'suretyNonCollusionStatement',
    'drawbackDeclaration',
    'furtherReview.criterion',
    'furtherReview.reason',
    ...objectionsFieldKeys(draft),
  ]);
  for (const entry of draft.entries) {
    for (const field of ['entryNumber', 'entryDate', 'dateKind', 'liquidationOrDecisionDate']) {
      keys.add(`entries.${entry.key}.${field}`);
    }
    keys.add(`entries.${entry.key}.lead`);
  }
  return keys;
}

/** The field keys of the decisions and categories (the amendment form's whole form). */
export function objectionsFieldKeys(draft: ObjectionsDraft): Set<string> {
  const keys = new Set(['decisionsProtested', 'categories']);
  for (const category of draft.categories) {
    const at = `categories.${category.key}`;
    keys.add(`${at}.category`);
    keys.add(`${at}.description`);
    keys.add(`${at}.objections`);
    for (const objection of category.objections) {
      for (const field of ['decision', 'objection', 'justification']) {
        keys.add(`${at}.objections.${objection.key}.${field}`);
      }
    }
  }
  return keys;
}

/** The element id of a field: `entries.k3.entryNumber` → `protest-entries-k3-entryNumber`. */
export function fieldId(prefix: string, key: string): string {
  return `${prefix}-${key.replaceAll('.', '-')}`;
}

const DraftStorageSchema = z.object({ version: z.literal(1), draft: z.unknown() });

/** The draft kept in this tab while the form is open (a reload keeps what was typed). */
export function readStoredDraft(storageKey: string): ProtestDraft | null {
  try {
    const text = window.sessionStorage.getItem(storageKey);
    if (text === null) return null;
    const parsed = DraftStorageSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const draft = parsed.data.draft as ProtestDraft;
    return Array.isArray(draft.entries) && draft.entries.length > 0 ? draft : null;
  } catch {
    return null;
  }
}

export function storeDraft(storageKey: string, draft: ProtestDraft | null): void {
  try {
    if (draft === null) {
      window.sessionStorage.removeItem(storageKey);
    } else {
      window.sessionStorage.setItem(storageKey, JSON.stringify({ version: 1, draft }));
    }
  } catch {
    // Storage can be disabled: the draft then lives as long as the page.
  }
}
