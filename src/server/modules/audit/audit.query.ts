import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction } from '../../../domain/audit/audit-events.ts';
import {
  AUDIT_EXPORT_COLUMNS,
  AUDIT_EXPORT_MAX_ROWS,
  type AuditEventFilter,
  type AuditEventListQuery,
  type AuditEventPage,
  type AuditEventView,
} from '../../../domain/audit/audit-query.schema.ts';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { AppError } from '../../../domain/errors/error-codes.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import type { ServiceContext } from '../../service-context.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  type AuditRow,
  type AuditRowFilter,
  type AuditRowKey,
  countAuditEvents,
  findAuditEvents,
} from './audit.repository.ts';

/**
 * The read side of the audit trail: the viewer (GET /api/v1/audit-events) and the CSV export.
 * The route requires `audit:read` (check 1); here the tenant is decided (check 3): the actor's
 * own organisation, or the whole trail with `audit:read:any`.
 */

const EXPORT_BATCH_SIZE = 1000;

/** The organisation whose trail the actor may read, or null for all of it (`audit:read:any`). */
function readableTenant(ctx: ServiceContext): string | null {
  if (hasPermission(ctx.actor, 'audit:read:any')) {
    return null;
  }
  const organisationId = actorOrganisationId(ctx.actor);
  if (organisationId === null) {
    throw new AppError('FORBIDDEN', 'Act for an organisation to read its audit trail');
  }
  return organisationId;
}

function rowFilterOf(filter: AuditEventFilter): AuditRowFilter {
  return {
    organisationId: filter.organisationId,
    action: filter.action,
    actorUserId: filter.actorUserId,
    targetType: filter.targetType,
    targetId: filter.targetId,
    from: filter.from === undefined ? undefined : new Date(filter.from),
    to: filter.to === undefined ? undefined : new Date(filter.to),
  };
}

const CursorSchema = z.tuple([z.iso.datetime(), z.number().int().positive()]);

export function encodeAuditCursor(key: AuditRowKey): string {
  return encodeCursor([key.occurredAt.toISOString(), key.id]);
}

function decodeAuditCursor(cursor: string): AuditRowKey {
  const [occurredAt, id] = decodeCursor(cursor, CursorSchema);
  return { occurredAt: new Date(occurredAt), id };
}

const KNOWN_ACTIONS = new Set<string>(AUDIT_ACTIONS);
function isAuditAction(value: string): value is AuditAction {
  return KNOWN_ACTIONS.has(value);
}

/** Stored rows as the viewer shows them, with organisation names looked up in one query. */
async function toViews(ctx: ServiceContext, rows: readonly AuditRow[]): Promise<AuditEventView[]> {
  const organisationIds = [
    ...new Set(rows.flatMap((row) => (row.organisationId === null ? [] : [row.organisationId]))),
  ];
  const names =
    organisationIds.length === 0
      ? new Map<string, { legalName: string }>()
      : await organisationSummaries(ctx.db, organisationIds);
  return rows.map((row) => {
    if (!isAuditAction(row.action)) {
      // Only appendAuditEvent writes here, with a typed action: this row was not written by us.
      throw new Error(`audit event ${row.id} has an unknown action: ${row.action}`);
    }
    return {
      id: row.id,
      chain: row.chain,
      seq: row.seq,
      organisationId: row.organisationId,
      organisationName:
        row.organisationId === null ? null : (names.get(row.organisationId)?.legalName ?? null),
      actorUserId: row.actorUserId,
      actorApiTokenId: row.actorApiTokenId,
      actorRole: row.actorRole,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      before: row.before ?? null,
      after: row.after ?? null,
      occurredAt: row.occurredAt.toISOString(),
      requestId: row.requestId,
      clientAddress: row.clientAddress,
      prevHash: row.prevHash,
      hash: row.hash,
    };
  });
}

/** One page of the trail, newest first. */
export async function listAuditEvents(
  ctx: ServiceContext,
  query: AuditEventListQuery,
): Promise<AuditEventPage> {
  const tenant = readableTenant(ctx);
  const rows = await findAuditEvents(ctx.db, tenant, rowFilterOf(query), {
    before: query.cursor ? decodeAuditCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: await toViews(ctx, items),
    nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last) : null,
  };
}

function csvRecord(view: AuditEventView): Record<(typeof AUDIT_EXPORT_COLUMNS)[number], unknown> {
  return {
    ...view,
    before: view.before === null ? null : JSON.stringify(view.before),
    after: view.after === null ? null : JSON.stringify(view.after),
  };
}

async function* exportRecords(ctx: ServiceContext, tenant: string | null, filter: AuditRowFilter) {
  let before: AuditRowKey | undefined;
  let remaining = AUDIT_EXPORT_MAX_ROWS;
  while (remaining > 0) {
    const limit = Math.min(EXPORT_BATCH_SIZE, remaining);
    const rows = await findAuditEvents(ctx.db, tenant, filter, { before, limit });
    for (const view of await toViews(ctx, rows)) {
      yield csvRecord(view);
    }
    const last = rows.at(-1);
    if (rows.length < limit || !last) {
      return;
    }
    remaining -= rows.length;
    before = { occurredAt: last.occurredAt, id: last.id };
  }
}

export interface AuditExport {
  filename: string;
  /** True when more events matched than one export carries (AUDIT_EXPORT_MAX_ROWS). */
  truncated: boolean;
  /** CSV text: a header row, then one row per event, newest first, read from the database batch by batch. */
  body: Readable;
}

/**
 * The trail as CSV for spreadsheets and auditors, streamed so memory stays flat. Cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are
 * prefixed with a single quote. A UTF-8 byte-order mark lets spreadsheet programs read accents.
 */
export async function exportAuditEventsCsv(
  ctx: ServiceContext,
  filter: AuditEventFilter,
): Promise<AuditExport> {
  const tenant = readableTenant(ctx);
  const rowFilter = rowFilterOf(filter);
  // Counting first (capped) also surfaces a database failure as a proper error response,
  // before any CSV has been sent.
  const matching = await countAuditEvents(ctx.db, tenant, rowFilter, AUDIT_EXPORT_MAX_ROWS + 1);
  const csv = stringify({
    header: true,
    bom: true,
    columns: AUDIT_EXPORT_COLUMNS.map((key) => ({ key })),
    escape_formulas: true,
  });
  pipeline(Readable.from(exportRecords(ctx, tenant, rowFilter)), csv, (error) => {
    // A client that hangs up mid-download is no failure of ours.
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      ctx.log.error({ err: error }, 'the audit export stopped part-way');
    }
  });
  const stamp = ctx.clock
    .now()
    .toISOString()
    .replaceAll(':', '')
    .replace(/\.\d+Z$/, 'Z');
  return {
    filename: `audit-events-${stamp}.csv`,
    truncated: matching > AUDIT_EXPORT_MAX_ROWS,
    body: csv,
  };
}
