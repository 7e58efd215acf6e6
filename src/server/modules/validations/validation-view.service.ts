import { z } from 'zod';
import { actorOrganisationId } from '../../../domain/authorization/permissions.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import { type CalendarDate, isBefore, todayFromClock } from '../../../domain/time/calendar-date.ts';
import type {
  ValidationSummary,
  ValidationView,
} from '../../../domain/validations/validation-api.schema.ts';
import { minimumNotice } from '../../../domain/validations/validation-notice.ts';
import { OPEN_VALIDATION_STATUSES } from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import type { ServiceContext } from '../../service-context.ts';
import { displayNames } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { listMraPrograms } from '../registry/mutual-recognition.service.ts';
import {
  findEvents,
  findOwnValidationPage,
  findParticipants,
  findSitesOf,
  findValidation,
  findValidationPage,
  type ValidationRow,
  type ValidationSearch,
} from './validations.repository.ts';

/**
 * How validations read (issue 6): the summary of the lists and the core view of one validation
 * (validation-api.schema.ts), for CBP (`validation:read:any`, any validation) and for the member
 * company (its own; another company's answers 404 like an unknown id). The pages compose the
 * other owners' sections (work program, documents, responses) from their own endpoints.
 */

const OPEN: readonly string[] = OPEN_VALIDATION_STATUSES;

export function isOpen(row: Pick<ValidationRow, 'status'>): boolean {
  return OPEN.includes(row.status);
}

/** Open and past its due date. */
export function isOverdue(row: ValidationRow, today: CalendarDate): boolean {
  return isOpen(row) && isBefore(row.dueOn as CalendarDate, today);
}

/** The summaries of `rows`, with member, office and specialist names read in two queries. */
export async function validationSummaries(
  ctx: ServiceContext,
  db: Db,
  rows: readonly ValidationRow[],
): Promise<ValidationSummary[]> {
  if (rows.length === 0) return [];
  const today = todayFromClock(ctx.clock);
  const organisations = await organisationSummaries(db, [
    ...new Set(
      rows.flatMap((row) =>
        row.officeId ? [row.organisationId, row.officeId] : [row.organisationId],
      ),
    ),
  ]);
  const people = await displayNames(
    db,
    rows.flatMap((row) => (row.specialistUserId ? [row.specialistUserId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisationId,
    memberName: organisations.get(row.organisationId)?.legalName ?? '',
    kind: row.kind,
    mode: row.mode,
    status: row.status,
    office: row.officeId
      ? { id: row.officeId, name: organisations.get(row.officeId)?.legalName ?? '' }
      : null,
    specialist: row.specialistUserId
      ? { id: row.specialistUserId, name: people.get(row.specialistUserId) ?? '' }
      : null,
    planYear: row.planYear,
    dueOn: row.dueOn,
    overdue: isOverdue(row, today),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    reportIssuedOn: row.reportIssuedOn,
    responsesDueOn: row.responsesDueOn,
    outcome: row.outcome,
    version: row.version,
  }));
}

/** The whole core view of one validation, read with `db` (a transaction after a change). */
export async function validationView(
  ctx: ServiceContext,
  db: Db,
  row: ValidationRow,
): Promise<ValidationView> {
  // One query after another: `db` may be a transaction, which runs one query at a time.
  const [summary] = await validationSummaries(ctx, db, [row]);
  const sites = await findSitesOf(db, [row.id]);
  const participants = await findParticipants(db, row.id);
  const events = await findEvents(db, row.id);
  const programs = await listMraPrograms({ ...ctx, db });
  if (!summary) throw notFound('Validation');
  const siteRows = sites.get(row.id) ?? [];
  const programNames = new Map(
    programs.items.map((program) => [
      program.id,
      `${program.programName} (${program.countryName})`,
    ]),
  );
  const actorNames = await displayNames(
    db,
    events.flatMap((event) => (event.actorUserId ? [event.actorUserId] : [])),
  );
  const notice = minimumNotice(siteRows, ctx.runtime.validationNotice);
  return {
    ...summary,
    reason: row.reason,
    noticeSentOn: row.noticeSentOn,
    noticeOverrideReason: row.noticeOverrideReason,
    minimumNoticeDays: notice.days,
    noticeProvisional: notice.provisional,
    sites: siteRows.map((site) => ({
      id: site.id,
      position: site.position,
      name: site.name,
      address: site.address,
      countryCode: site.countryCode,
      location: site.location,
      mraProgram: site.mraProgramId
        ? { id: site.mraProgramId, name: programNames.get(site.mraProgramId) ?? site.mraProgramId }
        : null,
      cbpVisitRequired: site.cbpVisitRequired,
      visitOn: site.visitOn,
      agenda: site.agenda,
    })),
    participants: participants.map((participant) => ({
      id: participant.id,
      side: participant.side,
      name: participant.name,
      title: participant.title,
      email: participant.email,
      phone: participant.phone,
    })),
    events: events.map((event) => ({
      kind: event.kind,
      at: event.at.toISOString(),
      actorName: event.actorUserId ? (actorNames.get(event.actorUserId) ?? null) : null,
      details: event.details,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// CBP

const DueCursorSchema = z.tuple([z.iso.date(), z.uuid()]);

/** CBP's list, by due date, filtered (`validation:read:any`: agency-wide, no tenant). */
export async function listValidations(
  ctx: ServiceContext,
  query: ValidationSearch & { limit: number; cursor?: string | undefined },
): Promise<{ items: ValidationSummary[]; nextCursor: string | null }> {
  const after = query.cursor
    ? (([dueOn, id]) => ({ dueOn, id }))(decodeCursor(query.cursor, DueCursorSchema))
    : undefined;
  const rows = await findValidationPage(ctx.db, query, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await validationSummaries(ctx, ctx.db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.dueOn, last.id]) : null,
  };
}

/** One validation for CBP (`validation:read:any`). */
export async function getValidationForCbp(
  ctx: ServiceContext,
  validationId: string,
): Promise<ValidationView> {
  const row = await findValidation(ctx.db, validationId, null);
  if (!row) throw notFound('Validation');
  return validationView(ctx, ctx.db, row);
}

// ---------------------------------------------------------------------------------------------
// The member company

/** The member company the actor acts for (check 3). */
function ownOrganisationId(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to follow its validations');
  }
  return own;
}

const CreatedCursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

/** The company's own validations, newest first (check 3: its organisation only). */
export async function listOwnValidations(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: ValidationSummary[]; nextCursor: string | null }> {
  const own = ownOrganisationId(ctx);
  const after = query.cursor
    ? (([createdAt, id]) => ({ createdAt: new Date(createdAt), id }))(
        decodeCursor(query.cursor, CreatedCursorSchema),
      )
    : undefined;
  const rows = await findOwnValidationPage(ctx.db, own, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await validationSummaries(ctx, ctx.db, page),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.createdAt.toISOString(), last.id])
        : null,
  };
}

/** The company's own validation; another company's answers 404. */
export async function getOwnValidation(
  ctx: ServiceContext,
  validationId: string,
): Promise<ValidationView> {
  const row = await findValidation(ctx.db, validationId, ownOrganisationId(ctx));
  if (!row) throw notFound('Validation');
  return validationView(ctx, ctx.db, row);
}
