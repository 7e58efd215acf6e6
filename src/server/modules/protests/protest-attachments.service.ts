import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import { decideMediaType } from '../../../domain/evidence/evidence-media.ts';
import type { ProtestAttachmentViewSchema } from '../../../domain/protests/protest-api.schema.ts';
import {
  type ProtestDetailsRow,
  type SheetProblem,
  validateProtestDetailsSheet,
} from '../../../domain/protests/protest-details-spreadsheet.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { sha256Of, sniffContent } from '../evidence/evidence-inspection.ts';
import {
  invalid,
  ownCompanyId,
  requireOpen,
  requireOwnProtest,
  userIdOf,
} from './protest-access.ts';
import {
  PROTEST_ATTACHMENT_KINDS,
  type ProtestAttachmentKind,
  type ProtestAttachmentUpload,
} from './protest-attachment-upload.ts';
import { readDetailsSheet, XLSX_MEDIA_TYPE } from './protest-details-sheet-reader.ts';
import {
  findAttachmentContent,
  findEntriesOf,
  insertAttachment,
  insertProtestEvent,
  updateProtest,
} from './protests.repository.ts';

/**
 * Attachments to a protest (issue 7, item 1): supporting documents, and the Protest Details
 * Spreadsheet (Entry Number, Entry Line Number, Change From, Change To, extra columns kept;
 * CSV or XLSX). A spreadsheet is imported all or nothing: any bad row refuses the file with
 * every problem listed by line and column, and nothing is stored.
 */

type AttachmentView = z.infer<typeof ProtestAttachmentViewSchema>;

function isKind(value: string | null): value is ProtestAttachmentKind {
  return value !== null && (PROTEST_ATTACHMENT_KINDS as readonly string[]).includes(value);
}

/** Every problem of the sheet, as field issues on the file and as structured problems. */
function sheetRefused(problems: readonly SheetProblem[]): AppError {
  const issues: FieldIssue[] = problems.map((problem) => ({
    path: 'body.file',
    message: `line ${problem.line}${problem.column === null ? '' : `, column "${problem.column}"`}: ${problem.message}`,
  }));
  return new AppError(
    'VALIDATION_FAILED',
    `The details spreadsheet has ${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was imported`,
    { issues, problems },
  );
}

function checkUpload(upload: ProtestAttachmentUpload): {
  kind: ProtestAttachmentKind;
  file: NonNullable<ProtestAttachmentUpload['file']>;
} {
  const issues: FieldIssue[] = [];
  if (!isKind(upload.kind)) {
    issues.push({
      path: 'body.kind',
      message: `must be one of ${PROTEST_ATTACHMENT_KINDS.join(', ')}`,
    });
  }
  if (upload.file === null) {
    issues.push({ path: 'body.file', message: 'is required: choose the file to attach' });
  } else if (upload.file.bytes.length === 0) {
    issues.push({ path: 'body.file', message: 'is empty (0 bytes): choose the file itself' });
  }
  if (issues.length > 0 || upload.file === null || !isKind(upload.kind)) {
    throw invalid(issues);
  }
  return { kind: upload.kind, file: upload.file };
}

/** The spreadsheet's accepted rows, or the refusal naming every problem. */
async function importSheet(
  bytes: Buffer,
  mediaType: string,
  entryNumbers: readonly string[],
): Promise<readonly ProtestDetailsRow[]> {
  if (mediaType !== 'text/csv' && mediaType !== XLSX_MEDIA_TYPE) {
    throw invalid([
      {
        path: 'body.file',
        message: 'a protest details spreadsheet is a CSV file (.csv) or an Excel workbook (.xlsx)',
      },
    ]);
  }
  const read = await readDetailsSheet(bytes, mediaType);
  if (!read.ok) {
    throw sheetRefused(read.problems);
  }
  const result = validateProtestDetailsSheet({
    ...read.input,
    protestEntryNumbers: entryNumbers,
  });
  if (!result.ok) {
    throw sheetRefused(result.problems);
  }
  return result.rows;
}

export async function addProtestAttachment(
  ctx: ServiceContext,
  protestId: string,
  upload: ProtestAttachmentUpload,
): Promise<AttachmentView> {
  const organisationId = await ownCompanyId(ctx);
  const row = await requireOwnProtest(ctx.db, organisationId, protestId);
  const { kind, file } = checkUpload(upload);
  const decided = decideMediaType(await sniffContent(file.bytes), {
    filename: file.filename,
    contentType: file.contentType,
  });
  if (!decided.ok) {
    throw invalid([{ path: 'body.file', message: decided.message }]);
  }
  const entries = (await findEntriesOf(ctx.db, [row.id])).get(row.id) ?? [];
  const detailRows =
    kind === 'details_spreadsheet'
      ? await importSheet(
          file.bytes,
          decided.mediaType,
          entries.map((entry) => entry.entryNumber),
        )
      : [];
  const now = ctx.clock.now();
  const attachmentId = randomUUID();
  const sha256 = sha256Of(file.bytes);
  return ctx.db.transaction(async (tx) => {
    const locked = await requireOwnProtest(tx, organisationId, protestId, { forUpdate: true });
    requireOpen(locked, 'adding an attachment');
    await insertAttachment(
      tx,
      {
        id: attachmentId,
        protestId,
        kind,
        filename: file.filename,
        contentType: decided.mediaType,
        sizeBytes: file.bytes.length,
        sha256,
        content: file.bytes,
        uploadedByUserId: userIdOf(ctx),
        uploadedAt: now,
      },
      detailRows.map((detail) => ({
        attachmentId,
        line: detail.line,
        entryNumber: detail.entryNumber,
        entryLineNumber: detail.entryLineNumber,
        changeFrom: detail.changeFrom,
        changeTo: detail.changeTo,
        extra: { ...detail.extra },
      })),
    );
    await updateProtest(tx, protestId, { updatedAt: now });
    const record = {
      attachmentId,
      kind,
      filename: file.filename,
      contentType: decided.mediaType,
      sizeBytes: file.bytes.length,
      sha256,
      rows: kind === 'details_spreadsheet' ? detailRows.length : null,
    };
    await insertProtestEvent(tx, {
      id: randomUUID(),
      protestId,
      kind: 'attachment_added',
      at: now,
      actorUserId: userIdOf(ctx),
      details: record,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'protest.attachment_added',
      targetType: 'protest',
      targetId: protestId,
      organisationId,
      before: null,
      after: record,
    });
    return {
      id: attachmentId,
      kind,
      filename: file.filename,
      contentType: decided.mediaType,
      sizeBytes: file.bytes.length,
      sha256,
      uploadedAt: now.toISOString(),
      rows: record.rows,
    };
  });
}

export interface ProtestAttachmentContent {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * An attachment of a protest, with its bytes, for CBP reads too. Not an entry point for
 * requests: the caller has decided the reader may see the protest.
 */
export async function protestAttachmentContent(
  db: Db,
  protestId: string,
  attachmentId: string,
): Promise<ProtestAttachmentContent> {
  const found = await findAttachmentContent(db, protestId, attachmentId);
  if (found === null) {
    throw notFound('Attachment');
  }
  return { filename: found.filename, contentType: found.contentType, bytes: found.content };
}

/** An attachment of one of the company's protests. */
export async function getOwnProtestAttachmentContent(
  ctx: ServiceContext,
  protestId: string,
  attachmentId: string,
): Promise<ProtestAttachmentContent> {
  const organisationId = await ownCompanyId(ctx);
  await requireOwnProtest(ctx.db, organisationId, protestId);
  return protestAttachmentContent(ctx.db, protestId, attachmentId);
}

/** An attachment of any protest, for CBP (`protest:read:any`, checked again here). */
export async function getProtestAttachmentContentForReview(
  ctx: ServiceContext,
  protestId: string,
  attachmentId: string,
): Promise<ProtestAttachmentContent> {
  if (!hasPermission(ctx.actor, 'protest:read:any')) {
    throw notFound('Attachment');
  }
  return protestAttachmentContent(ctx.db, protestId, attachmentId);
}
