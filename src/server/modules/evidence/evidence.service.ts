import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import {
  type Evidence,
  type EvidenceListQuery,
  type EvidencePage,
  type EvidenceUpdateBody,
  EvidenceUploadFieldsSchema,
  type LinkedEvidence,
} from '../../../domain/evidence/evidence.schema.ts';
import { evidenceWarnings, expiryState } from '../../../domain/evidence/evidence-expiry.ts';
import {
  decideMediaType,
  PREVIEWABLE_MEDIA_TYPES,
} from '../../../domain/evidence/evidence-media.ts';
import type { EvidenceMediaType } from '../../../domain/evidence/evidence-vocabulary.ts';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  daysBetween,
  isBefore,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { getCurrentCatalog } from '../criteria/criteria.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  deleteLink,
  deleteLinksOf,
  type EvidenceLinkRow,
  type EvidenceListFilter,
  type EvidenceRow,
  findEvidence,
  findEvidenceByIds,
  findEvidenceBySha256,
  findEvidenceContent,
  findEvidencePage,
  findLinkedEvidence,
  findLinksOf,
  insertEvidence,
  insertLink,
  lockEvidenceLibrary,
  updateEvidence,
} from './evidence.repository.ts';
import { pdfReadability, sha256Of, sniffContent } from './evidence-inspection.ts';
import type { EvidenceUpload } from './evidence-multipart.ts';

/**
 * The evidence library (issue 5, item 4): a company's documents, uploaded once, described,
 * given an expiry date and linked to the criteria they support. Members manage their own
 * company's library (tenant scope: another company's document answers 404); CBP reads any
 * member's. Every change is audited in its transaction, with metadata only: the bytes never
 * reach the audit trail.
 */

// ---------------------------------------------------------------------------------------------
// Views

function evidenceView(
  row: EvidenceRow,
  links: readonly EvidenceLinkRow[],
  today: CalendarDate,
): Evidence {
  const expiresOn = row.expiresOn === null ? null : calendarDate(row.expiresOn);
  const state = expiryState(expiresOn, today);
  return {
    id: row.id,
    organisationId: row.organisationId,
    title: row.title,
    description: row.description,
    originalFilename: row.originalFilename,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    expiresOn,
    expiry: state,
    daysUntilExpiry: expiresOn === null ? null : daysBetween(today, expiresOn),
    warnings: evidenceWarnings(state, links.length),
    criterionIds: links.map((link) => link.criterionId),
    previewable: PREVIEWABLE_MEDIA_TYPES.has(row.mediaType),
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedByUserId: row.uploadedByUserId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail records of a document: its description, never its bytes. */
function auditRecord(row: EvidenceRow, criterionIds: readonly string[]): Record<string, unknown> {
  return {
    title: row.title,
    description: row.description,
    originalFilename: row.originalFilename,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    expiresOn: row.expiresOn,
    criterionIds: [...criterionIds],
  };
}

async function viewOf(db: Db, row: EvidenceRow, today: CalendarDate): Promise<Evidence> {
  const links = await findLinksOf(db, [row.id]);
  return evidenceView(row, links.get(row.id) ?? [], today);
}

// ---------------------------------------------------------------------------------------------
// Whose library

function invalid(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', { issues });
}

function userIdOf(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

/** The member company the actor acts for (check 3): only companies keep an evidence library. */
async function ownCompanyId(ctx: ServiceContext): Promise<string> {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to use its evidence library');
  }
  const organisation = (await organisationSummaries(ctx.db, [own])).get(own);
  if (organisation?.kind !== 'member_company') {
    throw notFound('Evidence library');
  }
  return own;
}

/** A member company's library, for CBP (`evidence:read:any`, checked again here). */
async function memberCompanyId(ctx: ServiceContext, organisationId: string): Promise<string> {
  if (!hasPermission(ctx.actor, 'evidence:read:any')) {
    throw notFound('Evidence library');
  }
  const organisation = (await organisationSummaries(ctx.db, [organisationId])).get(organisationId);
  if (organisation?.kind !== 'member_company') {
    throw notFound('Evidence library');
  }
  return organisationId;
}

async function requireEvidence(
  db: Db,
  organisationId: string,
  evidenceId: string,
): Promise<EvidenceRow> {
  const row = await findEvidence(db, organisationId, evidenceId);
  if (!row) {
    throw notFound('Evidence');
  }
  return row;
}

/** The criterion ids of the current catalog (empty before any is published). */
async function currentCriterionIds(ctx: ServiceContext): Promise<ReadonlySet<string>> {
  try {
    const catalog = await getCurrentCatalog(ctx);
    return new Set(catalog.criteria.map((criterion) => criterion.id));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return new Set();
    }
    throw error;
  }
}

function unknownCriteria(
  ids: readonly string[],
  known: ReadonlySet<string>,
  path: string,
): FieldIssue[] {
  return ids
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !known.has(id))
    .map(({ id, index }) => ({
      path: `${path}.${index}`,
      message: `${id} is not a criterion of the current criteria catalog`,
    }));
}

function expiryIssue(expiresOn: string | null, today: CalendarDate, path: string): FieldIssue[] {
  if (expiresOn !== null && isBefore(calendarDate(expiresOn), today)) {
    return [
      {
        path,
        message: `is in the past (today is ${today}): expired evidence is not accepted; upload a current document`,
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Upload

/** The multipart fields as the schema reads them: single values, criterionIds as a list. */
function fieldsInput(fields: Record<string, string[]>): Record<string, unknown> {
  const first = (name: string) => fields[name]?.at(-1);
  const criterionIds = (fields.criterionIds ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return {
    title: first('title'),
    description: first('description'),
    expiresOn: first('expiresOn'),
    criterionIds,
  };
}

/** What the content is, or the issue that refuses it (type, claimed type, unreadable PDF). */
async function inspectFile(
  file: NonNullable<EvidenceUpload['file']>,
): Promise<{ mediaType: EvidenceMediaType } | { issue: string }> {
  const decision = decideMediaType(await sniffContent(file.bytes), {
    filename: file.filename,
    contentType: file.contentType,
  });
  if (!decision.ok) {
    return { issue: decision.message };
  }
  if (decision.mediaType === 'application/pdf') {
    const pdf = await pdfReadability(file.bytes);
    if (!pdf.readable) {
      return { issue: `is a PDF that cannot be opened: ${pdf.reason}` };
    }
  }
  return { mediaType: decision.mediaType };
}

/**
 * Stores an uploaded document: every check first (fields, an empty file, its real type against
 * the claimed one, a PDF that does not open, an expiry date in the past, unknown criteria, the
 * same content already in the library), then metadata, bytes and links in one transaction.
 */
export async function uploadEvidence(
  ctx: ServiceContext,
  upload: EvidenceUpload,
): Promise<Evidence> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  const parsed = EvidenceUploadFieldsSchema.safeParse(fieldsInput(upload.fields));
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: ['body', ...issue.path].join('.'),
        message: issue.message,
      }));
  const file = upload.file;
  if (file === null) {
    issues.unshift({ path: 'body.file', message: 'is required: choose the document to upload' });
  } else if (file.bytes.length === 0) {
    issues.unshift({
      path: 'body.file',
      message: 'is empty (0 bytes): choose the document itself',
    });
  }
  if (parsed.success) {
    issues.push(...expiryIssue(parsed.data.expiresOn, today, 'body.expiresOn'));
    issues.push(
      ...unknownCriteria(
        parsed.data.criterionIds,
        await currentCriterionIds(ctx),
        'body.criterionIds',
      ),
    );
  }
  if (issues.length > 0 || !parsed.success || file === null) {
    throw invalid(issues);
  }
  const inspected = await inspectFile(file);
  if ('issue' in inspected) {
    throw invalid([{ path: 'body.file', message: inspected.issue }]);
  }
  const fields = parsed.data;
  const sha256 = sha256Of(file.bytes);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockEvidenceLibrary(tx, organisationId);
    const existing = await findEvidenceBySha256(tx, organisationId, sha256);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `This document is already in the library as “${existing.title}”: link that one instead of uploading it again`,
        { existingEvidenceId: existing.id, path: 'body.file' },
      );
    }
    const row = await insertEvidence(
      tx,
      {
        id: randomUUID(),
        organisationId,
        title: fields.title,
        description: fields.description,
        originalFilename: file.filename,
        mediaType: inspected.mediaType,
        sizeBytes: file.bytes.length,
        sha256,
        expiresOn: fields.expiresOn,
        uploadedByUserId: userIdOf(ctx),
        uploadedAt: now,
        updatedAt: now,
      },
      file.bytes,
    );
    for (const criterionId of fields.criterionIds) {
      await insertLink(tx, {
        evidenceId: row.id,
        organisationId,
        criterionId,
        linkedByUserId: userIdOf(ctx),
        linkedAt: now,
      });
    }
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'evidence.uploaded',
      targetType: 'evidence',
      targetId: row.id,
      organisationId,
      before: null,
      after: auditRecord(row, fields.criterionIds),
    });
    return viewOf(tx, row, today);
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

const CursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

function listFilter(query: EvidenceListQuery, today: CalendarDate): EvidenceListFilter {
  return {
    q: query.q,
    criterionId: query.criterionId,
    unlinked: query.unlinked === 'true',
    expiringBy:
      query.expiring === undefined ? undefined : { today, last: addDays(today, query.expiring) },
    expiredBefore: query.expired === 'true' ? today : undefined,
  };
}

async function libraryPage(
  ctx: ServiceContext,
  organisationId: string,
  query: EvidenceListQuery,
): Promise<EvidencePage> {
  const today = todayFromClock(ctx.clock);
  const after = query.cursor ? decodeCursor(query.cursor, CursorSchema) : undefined;
  const rows = await findEvidencePage(ctx.db, organisationId, listFilter(query, today), {
    limit: query.limit + 1,
    after: after ? { uploadedAt: new Date(after[0]), id: after[1] } : undefined,
  });
  const items = rows.slice(0, query.limit);
  const links = await findLinksOf(
    ctx.db,
    items.map((row) => row.id),
  );
  const last = items.at(-1);
  return {
    items: items.map((row) => evidenceView(row, links.get(row.id) ?? [], today)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.uploadedAt.toISOString(), last.id])
        : null,
  };
}

/** The caller's company's library, newest first, with filters. */
export async function listEvidence(
  ctx: ServiceContext,
  query: EvidenceListQuery,
): Promise<EvidencePage> {
  return libraryPage(ctx, await ownCompanyId(ctx), query);
}

export async function getEvidence(ctx: ServiceContext, evidenceId: string): Promise<Evidence> {
  const organisationId = await ownCompanyId(ctx);
  const row = await requireEvidence(ctx.db, organisationId, evidenceId);
  return viewOf(ctx.db, row, todayFromClock(ctx.clock));
}

export interface EvidenceContent {
  filename: string;
  mediaType: EvidenceMediaType;
  bytes: Buffer;
  previewable: boolean;
}

async function contentOf(
  db: Db,
  organisationId: string,
  evidenceId: string,
): Promise<EvidenceContent> {
  const row = await requireEvidence(db, organisationId, evidenceId);
  const bytes = await findEvidenceContent(db, row.id);
  if (bytes === null) {
    throw new Error(`evidence ${row.id} has no stored content`);
  }
  return {
    filename: row.originalFilename,
    mediaType: row.mediaType,
    bytes,
    previewable: PREVIEWABLE_MEDIA_TYPES.has(row.mediaType),
  };
}

export async function getEvidenceContent(
  ctx: ServiceContext,
  evidenceId: string,
): Promise<EvidenceContent> {
  return contentOf(ctx.db, await ownCompanyId(ctx), evidenceId);
}

/** A member company's library, for CBP (read-only). */
export async function listMemberEvidence(
  ctx: ServiceContext,
  organisationId: string,
  query: EvidenceListQuery,
): Promise<EvidencePage> {
  return libraryPage(ctx, await memberCompanyId(ctx, organisationId), query);
}

export async function getMemberEvidenceContent(
  ctx: ServiceContext,
  organisationId: string,
  evidenceId: string,
): Promise<EvidenceContent> {
  return contentOf(ctx.db, await memberCompanyId(ctx, organisationId), evidenceId);
}

/**
 * The company's live documents by the criterion they are linked to, for the Security Profile
 * (its editor and the snapshot of a submitted version). Not an entry point for requests: the
 * caller has checked who may see the company's profile.
 */
export async function evidenceLinksByCriterion(
  db: Db,
  organisationId: string,
): Promise<Map<string, LinkedEvidence[]>> {
  const byCriterion = new Map<string, LinkedEvidence[]>();
  for (const row of await findLinkedEvidence(db, organisationId)) {
    const list = byCriterion.get(row.criterionId) ?? [];
    list.push({
      evidenceId: row.evidenceId,
      title: row.title,
      expiresOn: row.expiresOn,
      mediaType: row.mediaType,
    });
    byCriterion.set(row.criterionId, list);
  }
  return byCriterion;
}

export interface EvidenceSummary extends LinkedEvidence {
  originalFilename: string;
  sizeBytes: number;
  sha256: string;
  deleted: boolean;
}

/**
 * These documents of the company by id, deleted ones included (a submitted profile version may
 * cite a document deleted since); ids of other companies are simply absent.
 */
export async function evidenceSummaries(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, EvidenceSummary>> {
  const rows = await findEvidenceByIds(db, organisationId, [...new Set(ids)]);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        evidenceId: row.id,
        title: row.title,
        expiresOn: row.expiresOn,
        mediaType: row.mediaType,
        originalFilename: row.originalFilename,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
        deleted: row.deletedAt !== null,
      },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Changes

/** Changes the title, description or expiry date (absent fields stay as they are). */
export async function updateEvidenceDetails(
  ctx: ServiceContext,
  evidenceId: string,
  body: EvidenceUpdateBody,
): Promise<Evidence> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const existing = await requireEvidence(tx, organisationId, evidenceId);
    // A new expiry date must not be in the past; an unchanged one (already expired) may stay,
    // so an expired document's title can still be corrected.
    if (body.expiresOn !== undefined && body.expiresOn !== existing.expiresOn) {
      const issues = expiryIssue(body.expiresOn, today, 'body.expiresOn');
      if (issues.length > 0) {
        throw invalid(issues);
      }
    }
    const row = await updateEvidence(tx, organisationId, evidenceId, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.expiresOn !== undefined ? { expiresOn: body.expiresOn } : {}),
      updatedAt: now,
    });
    if (!row) {
      throw notFound('Evidence');
    }
    const view = await viewOf(tx, row, today);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'evidence.updated',
      targetType: 'evidence',
      targetId: evidenceId,
      organisationId,
      before: {
        title: existing.title,
        description: existing.description,
        expiresOn: existing.expiresOn,
      },
      after: { title: row.title, description: row.description, expiresOn: row.expiresOn },
    });
    return view;
  });
}

/**
 * Deletes a document from the library: it disappears from lists and loses its links, but the
 * row and bytes stay (deleted_at) because a submitted profile version may cite it.
 */
export async function deleteEvidence(ctx: ServiceContext, evidenceId: string): Promise<void> {
  const organisationId = await ownCompanyId(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const existing = await requireEvidence(tx, organisationId, evidenceId);
    const unlinked = await deleteLinksOf(tx, evidenceId);
    await updateEvidence(tx, organisationId, evidenceId, { deletedAt: now, updatedAt: now });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'evidence.deleted',
      targetType: 'evidence',
      targetId: evidenceId,
      organisationId,
      before: auditRecord(existing, unlinked),
      after: null,
    });
  });
}

async function assertCurrentCriterion(ctx: ServiceContext, criterionId: string): Promise<void> {
  if (!(await currentCriterionIds(ctx)).has(criterionId)) {
    throw invalid([
      {
        path: 'params.criterionId',
        message: `${criterionId} is not a criterion of the current criteria catalog`,
      },
    ]);
  }
}

/** Links the document to a criterion of the current catalog (linking twice changes nothing). */
export async function linkEvidence(
  ctx: ServiceContext,
  evidenceId: string,
  criterionId: string,
): Promise<Evidence> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  await requireEvidence(ctx.db, organisationId, evidenceId);
  await assertCurrentCriterion(ctx, criterionId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await requireEvidence(tx, organisationId, evidenceId);
    const linked = await insertLink(tx, {
      evidenceId,
      organisationId,
      criterionId,
      linkedByUserId: userIdOf(ctx),
      linkedAt: now,
    });
    if (linked) {
      await appendAuditEvent(tx, auditOrigin(ctx), {
        action: 'evidence.linked',
        targetType: 'evidence',
        targetId: evidenceId,
        organisationId,
        before: null,
        after: { criterionId, title: row.title },
      });
    }
    return viewOf(tx, row, today);
  });
}

/** Unlinks the document from a criterion; 404 when it was not linked to it. */
export async function unlinkEvidence(
  ctx: ServiceContext,
  evidenceId: string,
  criterionId: string,
): Promise<Evidence> {
  const organisationId = await ownCompanyId(ctx);
  const today = todayFromClock(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const row = await requireEvidence(tx, organisationId, evidenceId);
    if (!(await deleteLink(tx, evidenceId, criterionId))) {
      throw notFound('Link to this criterion');
    }
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'evidence.unlinked',
      targetType: 'evidence',
      targetId: evidenceId,
      organisationId,
      before: { criterionId, title: row.title },
      after: null,
    });
    return viewOf(tx, row, today);
  });
}
