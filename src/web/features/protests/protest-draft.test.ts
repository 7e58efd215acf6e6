import { describe, expect, it } from 'vitest';
import { FileProtestBodySchema } from '../../../domain/protests/protest.schema.ts';
import { entryNumberCheckDigit } from '../../../domain/registry/identifiers/cbp-entry-number.ts';
import { ApiError } from '../../lib/api-client.ts';
import {
  amendmentBody,
  draftBody,
  draftFieldKeys,
  draftProblems,
  emptyCategory,
  emptyDraft,
  emptyEntry,
  fieldKeyOfPath,
  type ProtestDraft,
  serverIssues,
  withoutEntry,
} from './protest-draft.ts';

function entryNumber(transaction: string): string {
  return `AB1-${transaction}-${entryNumberCheckDigit(`AB1${transaction}`)}`;
}

/** A complete draft: two entries (the second the lead), one category with one objection. */
function completeDraft(): ProtestDraft {
  const draft = emptyDraft();
  const second = { ...emptyEntry(), entryNumber: entryNumber('7654321') };
  const first = { ...(draft.entries[0] ?? emptyEntry()), entryNumber: entryNumber('1234567') };
  const category = emptyCategory();
  return {
    ...draft,
    portCode: '2704',
    center: 'AFT',
    protestantName: 'Harborview Apparel Group',
    protestantAddress: '1 Pier Road, Seattle, WA',
    protestantType: 'importer',
    importerNumber: '95-3164820AA',
    filerName: 'Dana Whitfield',
    filerAddress: '1 Pier Road, Seattle, WA',
    filerCapacity: 'protestant',
    entries: [
      { ...first, entryDate: '2026-06-10', date: '2026-09-04' },
      { ...second, entryDate: '2026-06-12', date: '2026-09-18' },
    ],
    leadKey: second.key,
    decisionsProtested: ['classification_and_rate'],
    categories: [
      {
        ...category,
        category: 'Cotton knit shirts',
        description: 'Men’s shirts, 100% cotton',
        objections: [
          {
            key: category.objections[0]?.key ?? 'o1',
            decision: 'classification_and_rate',
            objection: 'Classified under 6105.90',
            justification: 'They are of cotton: 6105.10.',
          },
        ],
      },
    ],
    drawbackDeclaration: 'not_subject_to_drawback',
  };
}

describe('the protest filing draft', () => {
  it('becomes a body the API schema accepts, with the lead on the chosen row', () => {
    const draft = completeDraft();
    const body = draftBody(draft);
    expect(body.entries.map((entry) => entry.lead)).toEqual([false, true]);
    expect(body).not.toHaveProperty('relatedProtest');
    expect(body).not.toHaveProperty('suretyNonCollusionStatement');
    expect(body).not.toHaveProperty('furtherReview');
    expect(body.filer).not.toHaveProperty('importerNumber');
    const parsed = FileProtestBodySchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('sends the surety statement only for a surety, and further review only when asked', () => {
    const draft = {
      ...completeDraft(),
      suretyStatement: 'Not collusive.',
      furtherReview: true,
      furtherReviewCriterion: 'b' as const,
      furtherReviewReason: 'New question.',
    };
    expect(draftBody(draft)).not.toHaveProperty('suretyNonCollusionStatement');
    expect(draftBody({ ...draft, protestantType: 'surety' }).suretyNonCollusionStatement).toBe(
      'Not collusive.',
    );
    expect(draftBody(draft).furtherReview).toEqual({ criterion: 'b', reason: 'New question.' });
  });

  it('names what is missing by field key, rows by their keys', () => {
    const draft = completeDraft();
    const [first] = draft.entries;
    const broken: ProtestDraft = {
      ...draft,
      portCode: '27',
      entries: draft.entries.map((entry) =>
        entry.key === first?.key ? { ...entry, entryNumber: ' ' } : entry,
      ),
      relatedProtestNumber: '2704-2026-000001',
      protestantType: 'surety',
    };
    expect(draftProblems(broken)).toEqual({
      portCode: 'portCode',
      [`entries.${first?.key}.entryNumber`]: 'required',
      'relatedProtest.receivedOn': 'oneOrNone',
      suretyNonCollusionStatement: 'required',
    });
    expect(draftProblems(draft)).toEqual({});
  });

  it('keeps the lead when another row goes, and moves it when the lead goes', () => {
    const draft = completeDraft();
    const [first, second] = draft.entries;
    expect(withoutEntry(draft, first?.key ?? '').leadKey).toBe(second?.key);
    const lastLeft = withoutEntry(draft, second?.key ?? '');
    expect(lastLeft.leadKey).toBe(first?.key);
    // The last row stays: a protest has at least one entry.
    expect(withoutEntry(lastLeft, first?.key ?? '').entries).toHaveLength(1);
  });
});

describe('the server’s field issues on the form', () => {
  const draft = completeDraft();
  const [first, second] = draft.entries;
  const category = draft.categories[0];
  const objection = category?.objections[0];

  it('turns row indexes into the keys of the rows as sent', () => {
    expect(fieldKeyOfPath('body.entries.1.entryNumber', draft)).toBe(
      `entries.${second?.key}.entryNumber`,
    );
    expect(fieldKeyOfPath('body.entries.0.lead', draft)).toBe(`entries.${first?.key}.lead`);
    expect(fieldKeyOfPath('body.entries', draft)).toBe('entries');
    expect(fieldKeyOfPath('body.decisionsProtested.0', draft)).toBe('decisionsProtested');
    expect(fieldKeyOfPath('body.categories.0.objections.0.decision', draft)).toBe(
      `categories.${category?.key}.objections.${objection?.key}.decision`,
    );
    expect(fieldKeyOfPath('body.protestant.name', draft)).toBe('protestant.name');
    expect(fieldKeyOfPath('body.entries.9.entryDate', draft)).toBe('entries');
  });

  it('keeps issues on unknown paths for the summary, and ignores other failures', () => {
    const error = new ApiError({
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid',
      status: 400,
      details: {
        issues: [
          { path: 'body.entries.1.entryNumber', message: 'check digit is wrong' },
          { path: 'body.somethingElse', message: 'is unknown' },
        ],
      },
    });
    expect(serverIssues(error, draft, draftFieldKeys(draft))).toEqual([
      { key: `entries.${second?.key}.entryNumber`, message: 'check digit is wrong' },
      { key: null, message: 'is unknown' },
    ]);
    const conflict = new ApiError({ code: 'CONFLICT', message: 'changed', status: 409 });
    expect(serverIssues(conflict, draft, draftFieldKeys(draft))).toEqual([]);
  });

  it('builds the amendment body from the decisions and categories', () => {
    expect(amendmentBody(draft, 3)).toEqual({
      decisionsProtested: ['classification_and_rate'],
      categories: [
        {
          category: 'Cotton knit shirts',
          description: 'Men’s shirts, 100% cotton',
          objections: [
            {
              decision: 'classification_and_rate',
              objection: 'Classified under 6105.90',
              justification: 'They are of cotton: 6105.10.',
            },
          ],
        },
      ],
      expectedVersion: 3,
    });
  });
});
