import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../../domain/errors/error-codes.ts';
import {
  createFileProtestBodySchema,
  type FileProtestBody,
} from '../../../domain/protests/protest.schema.ts';
import type { ProtestSummary, ProtestView } from '../../../domain/protests/protest-api.schema.ts';
import { queuePriority } from '../../../domain/protests/protest-clock-set.ts';
import { createRecordedProtestFieldsSchema } from '../../../domain/protests/protest-member-requests.schema.ts';
import {
  formatAceProtestNumber,
  type ProtestNumberResult,
  parseProtestNumber,
} from '../../../domain/protests/protest-number.ts';
import type { ProtestStatus } from '../../../domain/protests/protest-vocabulary.ts';
import { validateCbpEntryNumber } from '../../../domain/registry/identifiers/cbp-entry-number.ts';
import { validateImporterOfRecordNumber } from '../../../domain/registry/identifiers/importer-of-record-number.ts';
import {
  type CalendarDate,
  calendarDateParts,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { memberByImporterNumber } from '../registry/member-lookup.service.ts';
import { tradeComplianceSnapshot } from '../registry/trade-compliance.service.ts';
import { invalid, issuesOf, ownCompanyId, requireOwnProtest, userIdOf } from './protest-access.ts';
import { notifyProtestParties } from './protest-notifications.ts';
import { type StoredTimeliness, timelinessAtFiling } from './protest-timeliness.ts';
import { protestClockSettings, protestSummaries, protestView } from './protest-view.service.ts';
import {
  findOwnProtestPage,
  insertProtest,
  insertProtestEvent,
  MAX_PROTEST_SERIAL,
  nextProtestSerial,
  type ProtestRow,
  protestNumberExists,
} from './protests.repository.ts';

/**
 * Filing and reading protests, member side (issue 7, items 1–3 and 6). The tenant is the
 * filer's company: another company's protest is a 404. Filing assigns the ACE protest number,
 * judges each entry's timeliness (an untimely protest is filed and flagged, never refused),
 * derives the CTPAT Trade Compliance indicator from the registry by the protestant's importer
 * number (never from the body), stores the queue priority, and writes the protest, its
 * entries, a `filed` event, the audit event and the notifications in one transaction.
 */

// ---------------------------------------------------------------------------------------------
// Filing

type Origin =
  | { kind: 'filed'; filedOn: CalendarDate }
  | { kind: 'recorded'; filedOn: CalendarDate; number: Extract<ProtestNumberResult, { ok: true }> };

/** Serialises the check and the insert of one protest number (filed or recorded). */
async function lockProtestNumber(tx: Db, protestNumber: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`protest-number:${protestNumber}`}))`,
  );
}

/**
 * The next free ACE number at the port for the filing year: the serial row is locked and
 * incremented; a serial already used by a recorded protest is skipped.
 */
async function assignProtestNumber(tx: Db, portCode: string, filedOn: CalendarDate) {
  const { year } = calendarDateParts(filedOn);
  for (;;) {
    const serial = await nextProtestSerial(tx, portCode, year);
    if (serial > MAX_PROTEST_SERIAL) {
      throw new AppError(
        'CONFLICT',
        `Port ${portCode} has used every protest serial of ${year} (${MAX_PROTEST_SERIAL})`,
      );
    }
    const number = formatAceProtestNumber(portCode, year, serial);
    await lockProtestNumber(tx, number);
    if (!(await protestNumberExists(tx, number))) {
      return number;
    }
  }
}

async function protestNumberFor(tx: Db, body: FileProtestBody, origin: Origin): Promise<string> {
  if (origin.kind === 'filed') {
    return assignProtestNumber(tx, body.portCode, origin.filedOn);
  }
  const number = origin.number.value;
  await lockProtestNumber(tx, number);
  if (await protestNumberExists(tx, number)) {
    throw new AppError('CONFLICT', `Protest ${number} is already recorded`, {
      path: 'body.protestNumber',
    });
  }
  return number;
}

/** The Trade Compliance indicator at filing: the member by importer number, and its status. */
async function tradeComplianceAtFiling(tx: Db, importerNumber: string) {
  const member = await memberByImporterNumber(tx, importerNumber);
  if (member === null) {
    return { member: null, status: null, verified: false };
  }
  const snapshot = await tradeComplianceSnapshot(tx, member.organisationId);
  return { member, status: snapshot.status, verified: snapshot.active };
}

const TIMELINESS_TEXT = {
  en: (timely: boolean) =>
    timely
      ? 'Every entry is within its filing window.'
      : 'Filed after (or before) the filing window of at least one entry: the protest is flagged as untimely; CBP may deny it for that reason.',
  es: (timely: boolean) =>
    timely
      ? 'Cada entrada está dentro de su plazo de presentación.'
      : 'Presentada fuera del plazo de presentación de al menos una entrada: la protesta queda marcada como extemporánea; CBP puede denegarla por ese motivo.',
};

const TRADE_COMPLIANCE_TEXT = {
  en: (verified: boolean) =>
    verified
      ? 'The protestant is a verified CTPAT Trade Compliance member: CBP reviews the protest with priority.'
      : 'The protestant’s importer number does not belong to an active CTPAT Trade Compliance member.',
  es: (verified: boolean) =>
    verified
      ? 'El protestante es un miembro verificado de CTPAT Trade Compliance: CBP revisa la protesta con prioridad.'
      : 'El número de importador del protestante no pertenece a un miembro activo de CTPAT Trade Compliance.',
};

function auditRecord(row: ProtestRow, timeliness: StoredTimeliness, entries: readonly string[]) {
  return {
    protestNumber: row.protestNumber,
    recorded: row.recorded,
    portCode: row.portCode,
    center: row.center,
    protestantName: row.protestantName,
    protestantType: row.protestantType,
    importerNumber: row.importerNumber,
    entries: [...entries],
    decisionsProtested: row.decisionsProtested,
    filedOn: row.filedOn,
    timely: timeliness.timely,
    untimelyEntries: timeliness.entries
      .filter((entry) => entry.status === 'untimely')
      .map((entry) => entry.entryNumber),
    tradeCompliance: {
      memberOrganisationId: row.tcMemberOrganisationId,
      status: row.tcStatus,
      verified: row.tcVerified,
    },
    priority: { rank: row.priorityRank, date: row.priorityDate },
  };
}

async function createProtest(
  ctx: ServiceContext,
  organisationId: string,
  body: FileProtestBody,
  origin: Origin,
): Promise<ProtestView> {
  const settings = protestClockSettings();
  const timeliness = timelinessAtFiling(origin.filedOn, body.entries, settings);
  const now = ctx.clock.now();
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const protestNumber = await protestNumberFor(tx, body, origin);
    const tc = await tradeComplianceAtFiling(tx, body.importerNumber);
    const entries = body.entries.map((entry, position) => ({
      protestId: id,
      entryNumber: entry.entryNumber,
      position,
      entryDate: entry.entryDate,
      dateKind: entry.dateKind,
      liquidationOrDecisionDate: entry.liquidationOrDecisionDate,
      lead: entry.lead,
    }));
    const status: ProtestStatus = 'filed';
    const priority = queuePriority({
      filedOn: origin.filedOn,
      entries: body.entries,
      decisionsProtested: body.decisionsProtested,
      status,
      acceleratedDispositionMailedOn: null,
      furtherReviewFiled: body.furtherReview !== undefined,
      decision: null,
      decidedOn: null,
      denialNoticeMailedOn: null,
      tradeComplianceVerified: tc.verified,
    });
    const row = await insertProtest(
      tx,
      {
        id,
        organisationId,
        protestNumber,
        recorded: origin.kind === 'recorded',
        portCode: body.portCode,
        center: body.center,
        protestantName: body.protestant.name,
        protestantAddress: body.protestant.address,
        protestantType: body.protestantType,
        importerNumber: body.importerNumber,
        filerName: body.filer.name,
        filerAddress: body.filer.address,
        filerCapacity: body.filer.capacity,
        filerImporterNumber: body.filer.importerNumber ?? null,
        decisionsProtested: body.decisionsProtested,
        categories: body.categories,
        relatedProtestNumber: body.relatedProtest?.protestNumber ?? null,
        relatedProtestReceivedOn: body.relatedProtest?.receivedOn ?? null,
        suretyNonCollusionStatement: body.suretyNonCollusionStatement ?? null,
        drawbackDeclaration: body.drawbackDeclaration,
        furtherReviewCriterion: body.furtherReview?.criterion ?? null,
        furtherReviewReason: body.furtherReview?.reason ?? null,
        filedOn: origin.filedOn,
        filedAt: now,
        filedByUserId: userIdOf(ctx),
        timeliness,
        timely: timeliness.timely,
        tcMemberOrganisationId: tc.member?.organisationId ?? null,
        tcStatus: tc.status,
        tcVerified: tc.verified,
        tcCheckedAt: now,
        status,
        priorityRank: priority.rank,
        priorityDate: priority.date,
        createdAt: now,
        updatedAt: now,
      },
      entries,
    );
    await insertProtestEvent(tx, {
      id: randomUUID(),
      protestId: id,
      kind: origin.kind,
      at: now,
      actorUserId: userIdOf(ctx),
      details: {
        protestNumber,
        timely: timeliness.timely,
        tradeComplianceVerified: tc.verified,
        entries: entries.length,
      },
    });
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: origin.kind === 'filed' ? 'protest.filed' : 'protest.recorded',
      targetType: 'protest',
      targetId: id,
      organisationId,
      before: null,
      after: auditRecord(
        row,
        timeliness,
        entries.map((entry) => entry.entryNumber),
      ),
    });
    await notifyProtestParties(ctx, tx, row, {
      kind: 'protest_filed',
      eventId: event.id,
      timeliness: (language) => TIMELINESS_TEXT[language](timeliness.timely),
      tradeCompliance: (language) => TRADE_COMPLIANCE_TEXT[language](tc.verified),
    });
    return protestView(ctx, tx, row);
  });
}

/**
 * Files a protest for the actor's company. The body is parsed here, with today's date, so a
 * refusal names every bad field at once, the dates in the future included.
 */
export async function fileProtest(ctx: ServiceContext, rawBody: unknown): Promise<ProtestView> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  const parsed = createFileProtestBodySchema({ today }).safeParse(rawBody);
  if (!parsed.success) {
    throw invalid(issuesOf(parsed.error, 'body'));
  }
  return createProtest(ctx, organisationId, parsed.data, { kind: 'filed', filedOn: today });
}

/**
 * Records a protest filed elsewhere (paper, ACE) with the number CBP gave it, in any historical
 * form, and the day it was filed: the same checks as filing, `recorded = true`. The number's
 * port must be the port given; a number already here answers 409.
 */
export async function recordProtest(ctx: ServiceContext, rawBody: unknown): Promise<ProtestView> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  const parsed = createFileProtestBodySchema({ today }).safeParse(rawBody);
  const fields = createRecordedProtestFieldsSchema({ today }).safeParse(rawBody);
  const issues: FieldIssue[] = [
    ...(fields.success ? [] : issuesOf(fields.error, 'body')),
    ...(parsed.success ? [] : issuesOf(parsed.error, 'body')),
  ];
  if (fields.success && parsed.success) {
    const port = fields.data.protestNumber.protestNumber.port;
    if (port !== parsed.data.portCode) {
      issues.push({
        path: 'body.protestNumber',
        message: `starts with port ${port}, but the port given is ${parsed.data.portCode}`,
      });
    }
  }
  if (issues.length > 0 || !fields.success || !parsed.success) {
    throw invalid(issues);
  }
  return createProtest(ctx, organisationId, parsed.data, {
    kind: 'recorded',
    filedOn: fields.data.filedOn,
    number: fields.data.protestNumber,
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

const CursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

/** What `q` may be: a protest, entry or importer number, each in its canonical spelling. */
function numbersOf(q: string): string[] {
  const spellings = new Set<string>([q.trim().toUpperCase()]);
  for (const result of [
    parseProtestNumber(q),
    validateCbpEntryNumber(q),
    validateImporterOfRecordNumber(q),
  ]) {
    if (result.ok) spellings.add(result.value);
  }
  return [...spellings];
}

/** The company's protests, newest filing first, keyset-paged (ADR 0006). */
export async function listOwnProtests(
  ctx: ServiceContext,
  query: {
    limit: number;
    cursor?: string | undefined;
    status?: ProtestStatus | undefined;
    q?: string | undefined;
  },
): Promise<{ items: ProtestSummary[]; nextCursor: string | null }> {
  const organisationId = await ownCompanyId(ctx);
  const after = query.cursor ? decodeCursor(query.cursor, CursorSchema) : undefined;
  const rows = await findOwnProtestPage(
    ctx.db,
    organisationId,
    { status: query.status, numbers: query.q === undefined ? undefined : numbersOf(query.q) },
    {
      limit: query.limit + 1,
      after: after ? { filedAt: new Date(after[0]), id: after[1] } : undefined,
    },
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: await protestSummaries(ctx, ctx.db, items),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.filedAt.toISOString(), last.id])
        : null,
  };
}

export async function getOwnProtest(ctx: ServiceContext, protestId: string): Promise<ProtestView> {
  const organisationId = await ownCompanyId(ctx);
  const row = await requireOwnProtest(ctx.db, organisationId, protestId);
  return protestView(ctx, ctx.db, row);
}
