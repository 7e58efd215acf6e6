import { randomInt, randomUUID } from 'node:crypto';
import type { CbpCenterCode } from '../../src/domain/protests/cbp-centers.ts';
import type { FurtherReviewCriterion } from '../../src/domain/protests/further-review.ts';
import { DEFAULT_PROTEST_CLOCK_SETTINGS } from '../../src/domain/protests/protest-clock.ts';
import { queuePriority } from '../../src/domain/protests/protest-clock-set.ts';
import type {
  ProtestableDecision,
  ProtestDecisionKind,
  ProtestStatus,
} from '../../src/domain/protests/protest-vocabulary.ts';
import {
  entryNumberCheckDigit,
  formatEntryNumber,
} from '../../src/domain/registry/identifiers/cbp-entry-number.ts';
import { calendarDate } from '../../src/domain/time/calendar-date.ts';
import type { Db } from '../../src/server/db/database.ts';
import { timelinessAtFiling } from '../../src/server/modules/protests/protest-timeliness.ts';
import { protestEntries, protests } from '../../src/server/modules/protests/protests.tables.ts';
import { TEST_NOW } from '../setup/test-app.ts';
import { uniqueImporterNumber } from './registry.factory.ts';

/**
 * A protest written straight to the protests tables, for CBP-side tests (the queue, decisions,
 * the deemed-denial job, metrics) that need protests in states filing cannot make today (decided
 * twenty years ago, assigned, with accelerated disposition mailed). The queue priority is the
 * domain's `queuePriority`, as filing computes it. Numbers are random so test files can share
 * one PostgreSQL database. (Filing itself is tested through the API in protests.int.test.ts.)
 */

/** A valid CBP entry number (`XXX-NNNNNNN-C`) no other test is likely to use. */
export function uniqueEntryNumber(): string {
  const filer = `T${String(randomInt(10, 100))}`;
  const transaction = String(randomInt(0, 10_000_000)).padStart(7, '0');
  const check = entryNumberCheckDigit(filer + transaction);
  return formatEntryNumber(`${filer}${transaction}${check}`);
}

/** An ACE-form protest number (`PPPP-YYYY-NNNNNN`) no other test is likely to use. */
export function uniqueProtestNumber(year = 2026): string {
  const port = String(randomInt(1001, 10_000));
  return `${port}-${year}-${String(randomInt(1, 1_000_000)).padStart(6, '0')}`;
}

export interface ProtestSpec {
  organisationId: string;
  filedOn: string;
  center?: CbpCenterCode;
  protestantName?: string;
  importerNumber?: string;
  protestNumber?: string;
  tradeCompliance?: boolean;
  status?: ProtestStatus;
  decisionsProtested?: ProtestableDecision[];
  categories?: string[];
  acceleratedDispositionMailedOn?: string | null;
  furtherReview?: FurtherReviewCriterion;
  assignedReviewerUserId?: string | null;
  decision?: ProtestDecisionKind;
  decisionReasons?: string | undefined;
  decidedOn?: string;
  /** Entry numbers (the first is the lead); one new entry when absent. */
  entries?: string[] | undefined;
  entryDate?: string;
  liquidationDate?: string;
  /** Per entry, in the order of `entries` (default: `liquidationDate` for every entry). */
  liquidationDates?: string[];
}

export interface CreatedProtest {
  id: string;
  protestNumber: string;
  importerNumber: string;
  entries: string[];
}

export async function createProtest(db: Db, spec: ProtestSpec): Promise<CreatedProtest> {
  const id = randomUUID();
  const protestNumber = spec.protestNumber ?? uniqueProtestNumber();
  const importerNumber = spec.importerNumber ?? uniqueImporterNumber();
  const entries = spec.entries ?? [uniqueEntryNumber()];
  const decisionsProtested = spec.decisionsProtested ?? ['classification_and_rate'];
  const tradeCompliance = spec.tradeCompliance ?? false;
  const status = spec.status ?? (spec.decision ? 'decided' : 'filed');
  const filedOn = calendarDate(spec.filedOn);
  const entryDate = calendarDate(spec.entryDate ?? '2025-06-02');
  const liquidationDate = calendarDate(spec.liquidationDate ?? spec.filedOn);
  const entryFacts = entries.map((entryNumber, position) => ({
    entryNumber,
    entryDate,
    dateKind: 'liquidation' as const,
    liquidationOrDecisionDate: calendarDate(spec.liquidationDates?.[position] ?? liquidationDate),
  }));
  const timeliness = timelinessAtFiling(filedOn, entryFacts, DEFAULT_PROTEST_CLOCK_SETTINGS);
  const priority = queuePriority({
    filedOn,
    entries: entryFacts,
    decisionsProtested,
    status,
    acceleratedDispositionMailedOn: spec.acceleratedDispositionMailedOn
      ? calendarDate(spec.acceleratedDispositionMailedOn)
      : null,
    furtherReviewFiled: spec.furtherReview !== undefined,
    decision: spec.decision ?? null,
    decidedOn: spec.decidedOn ? calendarDate(spec.decidedOn) : null,
    denialNoticeMailedOn: null,
    tradeComplianceVerified: tradeCompliance,
  });
  const filedAt = new Date(`${filedOn}T15:00:00Z`);
  await db.insert(protests).values({
    id,
    organisationId: spec.organisationId,
    protestNumber,
    portCode: protestNumber.slice(0, 4),
    center: spec.center ?? 'CPM',
    protestantName: spec.protestantName ?? `Protestant ${id.slice(0, 8)}`,
    protestantAddress: '1 Dock Street, Baltimore, MD 21202',
    protestantType: 'importer',
    importerNumber,
    filerName: 'Filer Brokerage LLC',
    filerAddress: '2 Dock Street, Baltimore, MD 21202',
    filerCapacity: 'authorized_agent',
    decisionsProtested,
    categories: (spec.categories ?? ['Footwear']).map((category) => ({
      category,
      description: `${category}, as entered`,
      objections: decisionsProtested.map((decision) => ({
        decision,
        objection: `The ${decision} is wrong`,
        justification: 'Reasons given in the attached memorandum.',
      })),
    })),
    drawbackDeclaration: 'not_subject_to_drawback',
    furtherReviewCriterion: spec.furtherReview ?? null,
    furtherReviewReason: spec.furtherReview ? 'The ruling conflicts with HQ H123456.' : null,
    filedOn,
    filedAt,
    timeliness,
    timely: timeliness.timely,
    tcMemberOrganisationId: tradeCompliance ? spec.organisationId : null,
    tcStatus: tradeCompliance ? 'active' : null,
    tcVerified: tradeCompliance,
    tcCheckedAt: filedAt,
    status,
    priorityRank: priority.rank,
    priorityDate: priority.date,
    assignedReviewerUserId: spec.assignedReviewerUserId ?? null,
    assignedAt: spec.assignedReviewerUserId ? TEST_NOW : null,
    acceleratedDispositionMailedOn: spec.acceleratedDispositionMailedOn ?? null,
    decision: spec.decision ?? null,
    decisionReasons: spec.decisionReasons ?? null,
    decidedOn: spec.decidedOn ?? null,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
  });
  await db.insert(protestEntries).values(
    entryFacts.map((entry, position) => ({
      protestId: id,
      entryNumber: entry.entryNumber,
      position,
      entryDate,
      dateKind: 'liquidation',
      liquidationOrDecisionDate: entry.liquidationOrDecisionDate,
      lead: position === 0,
    })),
  );
  return { id, protestNumber, importerNumber, entries };
}
