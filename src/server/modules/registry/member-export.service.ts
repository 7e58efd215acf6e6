import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { SheetData } from 'write-excel-file/node';
import { hasPermission } from '../../../domain/authorization/permissions.ts';
import { notFound } from '../../../domain/errors/error-codes.ts';
import {
  MEMBER_EXPORT_COLUMNS,
  MEMBER_EXPORT_MAX_ROWS,
  type MemberExportColumn,
  type MemberExportFormat,
  type MemberExportQuery,
  type MemberSummary,
} from '../../../domain/registry/member-queue.schema.ts';
import type { ServiceContext } from '../../service-context.ts';
import { resolveMemberSearch, summariesOf } from './member-queue.service.ts';
import {
  countMembers,
  findIdentifiersOf,
  findMembers,
  type MemberListRow,
  type MemberSearch,
  type MemberSortKey,
  sortKeyOf,
} from './member-search.repository.ts';

/**
 * The CBP queue as a spreadsheet (issue 4, item 7): every member the filters match, in the
 * list's order, read from the database batch by batch. At most MEMBER_EXPORT_MAX_ROWS rows; the
 * file name and the x-export-truncated header say when more matched.
 *
 * Formula injection: in CSV, cells a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) are prefixed with a single quote, as in the audit export
 * (csv-stringify's escape_formulas). In XLSX every value is written as a text cell (a shared
 * string), which a spreadsheet shows and never evaluates, so values stay exactly as stored.
 */

const EXPORT_BATCH_SIZE = 1000;

type ExportRecord = Record<MemberExportColumn, string>;

function exportRecord(
  summary: MemberSummary,
  row: MemberListRow,
  identifiers: readonly { kind: string; value: string }[],
): ExportRecord {
  return {
    legalName: summary.legalName,
    status: summary.reviewStep ? `${summary.status} (${summary.reviewStep})` : summary.status,
    tier: summary.tier ?? '',
    entityTypes: summary.entityTypes.join(', '),
    identifiers: identifiers
      .map((identifier) => `${identifier.kind}: ${identifier.value}`)
      .join('; '),
    specialist: summary.assignedSpecialistName ?? '',
    office: summary.cbpOfficeName ?? '',
    submitted: summary.applicationSubmittedOn ?? '',
    certified: summary.certifiedOn ?? '',
    validated: row.lastValidatedOn ?? row.validatedOn ?? '',
    nextClock: summary.nextClock?.name ?? '',
    nextClockDue: summary.nextClock?.due ?? '',
  };
}

async function* exportRecords(
  ctx: ServiceContext,
  search: MemberSearch,
  sort: MemberExportQuery['sort'],
): AsyncGenerator<ExportRecord> {
  let after: MemberSortKey | undefined;
  let remaining = MEMBER_EXPORT_MAX_ROWS;
  while (remaining > 0) {
    const limit = Math.min(EXPORT_BATCH_SIZE, remaining);
    const rows = await findMembers(ctx.db, search, sort, after, limit);
    const [summaries, identifiers] = await Promise.all([
      summariesOf(ctx, rows),
      findIdentifiersOf(
        ctx.db,
        rows.map((row) => row.organisationId),
      ),
    ]);
    for (const [index, row] of rows.entries()) {
      const summary = summaries[index];
      if (summary) {
        yield exportRecord(summary, row, identifiers.get(row.organisationId) ?? []);
      }
    }
    const last = rows.at(-1);
    if (rows.length < limit || !last) {
      return;
    }
    remaining -= rows.length;
    after = sortKeyOf(sort, last);
  }
}

export interface MemberExport {
  filename: string;
  contentType: string;
  /** True when more members matched than one export carries (MEMBER_EXPORT_MAX_ROWS). */
  truncated: boolean;
  body: Readable | Buffer;
}

function fileStamp(ctx: ServiceContext): string {
  return ctx.clock
    .now()
    .toISOString()
    .replaceAll(':', '')
    .replace(/\.\d+Z$/, 'Z');
}

function csvExport(ctx: ServiceContext, search: MemberSearch, query: MemberExportQuery): Readable {
  const csv = stringify({
    header: true,
    bom: true,
    columns: MEMBER_EXPORT_COLUMNS.map(([key, header]) => ({ key, header })),
    escape_formulas: true,
  });
  pipeline(Readable.from(exportRecords(ctx, search, query.sort)), csv, (error) => {
    // A client that hangs up mid-download is no failure of ours.
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      ctx.log.error({ err: error }, 'the member export stopped part-way');
    }
  });
  return csv;
}

/** A workbook is one zip built in memory (write-excel-file has no row streaming). */
async function xlsxExport(
  ctx: ServiceContext,
  search: MemberSearch,
  query: MemberExportQuery,
): Promise<Buffer> {
  const data: SheetData = [
    MEMBER_EXPORT_COLUMNS.map(([, header]) => ({ value: header, fontWeight: 'bold' as const })),
  ];
  for await (const record of exportRecords(ctx, search, query.sort)) {
    data.push(MEMBER_EXPORT_COLUMNS.map(([key]) => ({ value: record[key], type: String })));
  }
  // Loaded on the first XLSX export: about 20 MB of resident memory a server that never
  // exports would carry for nothing (bench row 3 measures the server's memory).
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile(data, {
    sheet: 'Members',
    stickyRowsCount: 1,
    columns: MEMBER_EXPORT_COLUMNS.map(([key]) => ({
      width: key === 'legalName' || key === 'identifiers' ? 40 : 16,
    })),
  }).toBuffer();
}

const CONTENT_TYPES: Record<MemberExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The export in the format asked for, with a dated file name. */
export async function exportMembers(
  ctx: ServiceContext,
  query: MemberExportQuery,
): Promise<MemberExport> {
  if (!hasPermission(ctx.actor, 'registry:read:any')) {
    throw notFound('Membership');
  }
  const search = await resolveMemberSearch(ctx, query);
  // Counting first (capped) also surfaces a database failure as a proper error response,
  // before any of the file has been sent.
  const matching = await countMembers(ctx.db, search, MEMBER_EXPORT_MAX_ROWS + 1);
  const truncated = matching > MEMBER_EXPORT_MAX_ROWS;
  const filename = `ctpat-members-${fileStamp(ctx)}${truncated ? `-first-${MEMBER_EXPORT_MAX_ROWS}` : ''}.${query.format}`;
  return {
    filename,
    contentType: CONTENT_TYPES[query.format],
    truncated,
    body:
      query.format === 'csv' ? csvExport(ctx, search, query) : await xlsxExport(ctx, search, query),
  };
}
