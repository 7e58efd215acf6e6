import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Role } from '../../../domain/authorization/roles.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import {
  type CalendarDate,
  calendarDate,
  calendarDateOf,
  calendarDateParts,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type { ValidationView } from '../../../domain/validations/validation-api.schema.ts';
import {
  dueRangeOfPlanYear,
  type MembershipForPlan,
  type ValidationDue,
  validationDue,
} from '../../../domain/validations/validation-plan.ts';
import type {
  AssignValidationBody,
  DueMember,
  DueValidationsQuery,
  PlanValidationBody,
  PlanYearBody,
  PlanYearResult,
  SpecialistWorkload,
  Workload,
  WorkloadQuery,
} from '../../../domain/validations/validation-planning.schema.ts';
import {
  OPEN_VALIDATION_STATUSES,
  type ValidationKind,
} from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { displayNames, peopleWithRoles, rolesOfUser } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { notifyAssigned, notifyPlanAssigned } from './validation-notifications.ts';
import { validationView } from './validation-view.service.ts';
import {
  countOpenValidations,
  type DueMemberRow,
  findAllDueMembers,
  findDueMemberPage,
  findMembershipForPlan,
  findOpenValidationOf,
  findValidation,
  insertEvent,
  insertValidationIfNoneOpen,
  type MembershipForPlanRow,
  sumMinutesByUser,
  updateValidationAtVersion,
  type ValidationRow,
} from './validations.repository.ts';

/**
 * Planning (issue 6, item 1): which members are due for a validation and when (the membership
 * clocks through validation-plan.ts), planning one validation or an office's whole year, the
 * workload per specialist, and assignment. The routes require `validation:plan:any` (check 1);
 * planning is agency-wide, so there is no tenant to scope (check 3), and the record checks
 * (check 2) are here: one open validation per member, a due member for initial and
 * revalidation, a specialist of a CBP office.
 */

export const SPECIALIST_ROLES: readonly Role[] = ['scss', 'supervisory_scss'];

export function bodyIssue(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    issues: [{ path: `body.${field}`, message }],
  });
}

export function versionConflict(row: ValidationRow): AppError {
  return new AppError(
    'CONFLICT',
    'The validation changed since you read it: reload it and make your change again.',
    { currentVersion: row.version },
  );
}

export function actorUserIdOf(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

function dateOrNull(value: string | null): CalendarDate | null {
  return value === null ? null : calendarDate(value);
}

export function membershipForPlan(row: MembershipForPlanRow): MembershipForPlan {
  return {
    status: row.status,
    certifiedOn: dateOrNull(row.certifiedOn),
    validatedOn: dateOrNull(row.validatedOn),
    lastValidatedOn: dateOrNull(row.lastValidatedOn),
  };
}

function thisYear(today: CalendarDate): number {
  return calendarDateParts(today).year;
}

// ---------------------------------------------------------------------------------------------
// Specialists

export interface Specialist {
  userId: string;
  officeId: string;
  name: string;
}

/**
 * The person as a specialist of a CBP office (scss or supervisory scss there), or null. The
 * office of a validation follows its specialist's organisation.
 */
export async function specialistOf(db: Db, userId: string): Promise<Specialist | null> {
  const roles = (await rolesOfUser(db, userId)).filter((one) =>
    SPECIALIST_ROLES.includes(one.role),
  );
  if (roles.length === 0) return null;
  const offices = await organisationSummaries(
    db,
    roles.map((one) => one.organisationId),
  );
  const membership = roles.find((one) => offices.get(one.organisationId)?.kind === 'cbp_office');
  if (!membership) return null;
  const name = (await displayNames(db, [userId])).get(userId);
  return name === undefined ? null : { userId, officeId: membership.organisationId, name };
}

async function requireSpecialist(db: Db, userId: string): Promise<Specialist> {
  const specialist = await specialistOf(db, userId);
  if (!specialist) {
    throw bodyIssue(
      'specialistUserId',
      'is not a supply chain security specialist of a CBP office',
    );
  }
  return specialist;
}

// ---------------------------------------------------------------------------------------------
// The due list

const DueCursorSchema = z.tuple([z.iso.date(), z.uuid()]);

function dueMemberOf(
  row: DueMemberRow,
  due: Extract<ValidationDue, { due: true }>,
  names: Map<string, { legalName: string }>,
  people: Map<string, string>,
): DueMember {
  return {
    organisationId: row.organisationId,
    memberName: names.get(row.organisationId)?.legalName ?? '',
    membershipStatus: row.status,
    kind: due.kind,
    dueOn: due.dueOn,
    statutoryDueOn: due.statutoryDueOn,
    overdue: due.overdue,
    planYear: due.planYear,
    office: row.cbpOfficeId
      ? { id: row.cbpOfficeId, name: names.get(row.cbpOfficeId)?.legalName ?? '' }
      : null,
    assignedSpecialist: row.assignedSpecialistUserId
      ? {
          id: row.assignedSpecialistUserId,
          name: people.get(row.assignedSpecialistUserId) ?? '',
        }
      : null,
    citation: due.rule.citation,
  };
}

/** The clocks of due rows, each checked by the domain (the SQL only filters and sorts). */
function dueOfRows(rows: readonly DueMemberRow[], today: CalendarDate) {
  return rows.flatMap((row) => {
    const due = validationDue(membershipForPlan(row), today);
    return due.due ? [{ row, due }] : [];
  });
}

/**
 * Members due in the plan year (default this year, which also lists what is overdue) with no
 * open validation, by due date; `officeId` is the member's CBP office in the registry.
 */
export async function listDueMembers(
  ctx: ServiceContext,
  query: DueValidationsQuery,
): Promise<{ items: DueMember[]; nextCursor: string | null }> {
  const today = todayFromClock(ctx.clock);
  const year = query.year ?? thisYear(today);
  const range = dueRangeOfPlanYear(year, today);
  if (range === null) {
    return { items: [], nextCursor: null };
  }
  const after = query.cursor
    ? (([dueOn, organisationId]) => ({ dueOn, organisationId }))(
        decodeCursor(query.cursor, DueCursorSchema),
      )
    : undefined;
  const rows = await findDueMemberPage(
    ctx.db,
    { ...range, officeId: query.officeId },
    after,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const names = await organisationSummaries(ctx.db, [
    ...new Set(
      page.flatMap((row) => [row.organisationId, ...(row.cbpOfficeId ? [row.cbpOfficeId] : [])]),
    ),
  ]);
  const people = await displayNames(
    ctx.db,
    page.flatMap((row) => (row.assignedSpecialistUserId ? [row.assignedSpecialistUserId] : [])),
  );
  return {
    items: dueOfRows(page, today).map(({ row, due }) => dueMemberOf(row, due, names, people)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.dueOn, last.organisationId]) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Planning one validation

/** 409 with `details.reason` (and a sentence saying why). */
function refusePlan(reason: string, message: string, extra: Record<string, unknown> = {}) {
  return new AppError('CONFLICT', message, { reason, ...extra });
}

const FOR_CAUSE_STATUSES: readonly string[] = [
  'certified',
  'validated',
  'validated_exceeds',
  'suspended',
];

/** The due date and kind check of a validation to plan, or a 409 saying why not. */
function plannedDue(
  body: PlanValidationBody,
  membership: MembershipForPlanRow,
  today: CalendarDate,
): { dueOn: CalendarDate; overdue: boolean } {
  const due = validationDue(membershipForPlan(membership), today);
  if (body.kind === 'for_cause') {
    if (!FOR_CAUSE_STATUSES.includes(membership.status)) {
      throw refusePlan(
        'not_in_tier',
        `The member is ${membership.status.replaceAll('_', ' ')}: a for-cause validation needs a member holding a tier (or suspended)`,
      );
    }
    // No clock: due by the end of its plan year.
    return { dueOn: calendarDateOf(body.planYear, 12, 31), overdue: false };
  }
  if (!due.due) {
    throw refusePlan(due.reason, `${due.message}: nothing is due.`);
  }
  if (due.kind !== body.kind) {
    throw refusePlan(
      'wrong_kind',
      due.kind === 'revalidation'
        ? `The member was validated on ${membership.validatedOn}: plan a revalidation, due ${due.dueOn}.`
        : `The member has not been validated yet: plan its initial validation, due ${due.dueOn}.`,
      { dueKind: due.kind, dueOn: due.dueOn },
    );
  }
  if (body.planYear > due.planYear) {
    throw bodyIssue(
      'planYear',
      `is after the year the ${due.kind === 'initial' ? 'initial validation' : 'revalidation'} is due (${due.dueOn}): plan it in ${due.planYear} or earlier`,
    );
  }
  return { dueOn: due.dueOn, overdue: due.overdue };
}

/** The member's assigned specialist, when they are still a specialist of a CBP office. */
async function defaultSpecialist(
  db: Db,
  membership: MembershipForPlanRow,
  cache: Map<string, Specialist | null> = new Map(),
): Promise<Specialist | null> {
  const userId = membership.assignedSpecialistUserId;
  if (userId === null) return null;
  if (!cache.has(userId)) {
    cache.set(userId, await specialistOf(db, userId));
  }
  return cache.get(userId) ?? null;
}

interface NewPlanned {
  membership: MembershipForPlanRow;
  kind: ValidationKind;
  planYear: number;
  dueOn: CalendarDate;
  specialist: Specialist | null;
  reason: string | null;
}

/** Inserts one planned validation with its event and audit event; null when one is open. */
async function insertPlanned(
  ctx: ServiceContext,
  tx: Db,
  planned: NewPlanned,
  via: 'single' | 'annual_plan',
): Promise<{ row: ValidationRow; auditId: number } | null> {
  const now = ctx.clock.now();
  const row = await insertValidationIfNoneOpen(tx, {
    id: randomUUID(),
    organisationId: planned.membership.organisationId,
    kind: planned.kind,
    status: 'planned',
    officeId: planned.specialist?.officeId ?? planned.membership.cbpOfficeId,
    specialistUserId: planned.specialist?.userId ?? null,
    planYear: planned.planYear,
    dueOn: planned.dueOn,
    reason: planned.reason,
    createdByUserId: actorUserIdOf(ctx),
    createdAt: now,
    updatedAt: now,
  });
  if (!row) return null;
  await insertEvent(tx, {
    id: randomUUID(),
    validationId: row.id,
    kind: 'planned',
    at: now,
    actorUserId: actorUserIdOf(ctx),
    details: {
      kind: row.kind,
      planYear: row.planYear,
      dueOn: row.dueOn,
      specialist: planned.specialist?.name ?? null,
      via,
    },
  });
  const audit = await appendAuditEvent(tx, auditOrigin(ctx), {
    action: 'validation.planned',
    targetType: 'validation',
    targetId: row.id,
    organisationId: row.organisationId,
    after: {
      kind: row.kind,
      planYear: row.planYear,
      dueOn: row.dueOn,
      officeId: row.officeId,
      specialistUserId: row.specialistUserId,
      reason: row.reason,
      via,
    },
  });
  return { row, auditId: audit.id };
}

/**
 * Plans one validation (`POST /cbp/validations`). Refused: a plan year in the past or after
 * the year the validation is due (400); a company that is not a member (404 when it is not a
 * member company at all); a member with an open validation (409, its id in details); an
 * initial validation or revalidation the member is not due for (409 with `details.reason`); a
 * for-cause validation without a reason (400).
 */
export async function planValidation(
  ctx: ServiceContext,
  body: PlanValidationBody,
): Promise<ValidationView> {
  const today = todayFromClock(ctx.clock);
  if (body.planYear < thisYear(today)) {
    throw bodyIssue('planYear', `is in the past (this year is ${thisYear(today)})`);
  }
  const reason = body.reason?.trim() ? body.reason.trim() : null;
  if (body.kind === 'for_cause' && reason === null) {
    throw bodyIssue('reason', 'is required for a for-cause validation: say why CBP opens it');
  }
  const chosen =
    body.specialistUserId === undefined || body.specialistUserId === null
      ? undefined
      : await requireSpecialist(ctx.db, body.specialistUserId);
  const organisation = (await organisationSummaries(ctx.db, [body.organisationId])).get(
    body.organisationId,
  );
  if (organisation?.kind !== 'member_company') {
    throw notFound('Member company');
  }
  return ctx.db.transaction(async (tx) => {
    const membership = await findMembershipForPlan(tx, body.organisationId);
    if (!membership) {
      throw refusePlan(
        'not_a_member',
        `${organisation.legalName} is not a CTPAT member: only members are validated.`,
      );
    }
    const open = await findOpenValidationOf(tx, body.organisationId);
    if (open) {
      throw refusePlan(
        'open_validation',
        `${organisation.legalName} already has an open ${open.kind.replaceAll('_', ' ')} (${open.status}): finish or cancel it first.`,
        { validationId: open.id },
      );
    }
    const { dueOn } = plannedDue(body, membership, today);
    const specialist =
      chosen ?? (body.specialistUserId === null ? null : await defaultSpecialist(tx, membership));
    const inserted = await insertPlanned(
      ctx,
      tx,
      { membership, kind: body.kind, planYear: body.planYear, dueOn, specialist, reason },
      'single',
    );
    if (!inserted) {
      throw refusePlan(
        'open_validation',
        `${organisation.legalName} already has an open validation: finish or cancel it first.`,
      );
    }
    if (inserted.row.specialistUserId !== null) {
      await notifyAssigned(ctx, tx, inserted.row, inserted.auditId);
    }
    return validationView(ctx, tx, inserted.row);
  });
}

// ---------------------------------------------------------------------------------------------
// The annual plan

/**
 * Plans every member of an office due in the year (this year: overdue ones too) in one
 * transaction, each with the member's assigned specialist when that person is a specialist, or
 * unassigned. Members that got an open validation meanwhile are skipped (the one-open index).
 * Each specialist gets one message with their count.
 */
export async function planYear(ctx: ServiceContext, body: PlanYearBody): Promise<PlanYearResult> {
  const today = todayFromClock(ctx.clock);
  const range = dueRangeOfPlanYear(body.year, today);
  if (range === null) {
    throw bodyIssue('year', `is in the past (this year is ${thisYear(today)})`);
  }
  const office = (await organisationSummaries(ctx.db, [body.officeId])).get(body.officeId);
  if (office?.kind !== 'cbp_office') {
    throw bodyIssue('officeId', 'is not a CBP office');
  }
  return ctx.db.transaction(async (tx) => {
    const rows = await findAllDueMembers(tx, { ...range, officeId: body.officeId });
    const cache = new Map<string, Specialist | null>();
    const result: PlanYearResult = {
      officeId: body.officeId,
      year: body.year,
      planned: 0,
      initial: 0,
      revalidation: 0,
      assigned: 0,
      unassigned: 0,
      overdue: 0,
      validationIds: [],
    };
    const countBySpecialist = new Map<string, number>();
    for (const { row: membership, due } of dueOfRows(rows, today)) {
      const specialist = await defaultSpecialist(tx, membership, cache);
      const inserted = await insertPlanned(
        ctx,
        tx,
        {
          membership,
          kind: due.kind,
          planYear: body.year,
          dueOn: due.dueOn,
          specialist,
          reason: null,
        },
        'annual_plan',
      );
      if (!inserted) continue;
      result.planned += 1;
      result[due.kind] += 1;
      result.overdue += due.overdue ? 1 : 0;
      result.validationIds.push(inserted.row.id);
      if (specialist) {
        result.assigned += 1;
        countBySpecialist.set(
          specialist.userId,
          (countBySpecialist.get(specialist.userId) ?? 0) + 1,
        );
      } else {
        result.unassigned += 1;
      }
    }
    await notifyPlanAssigned(ctx, tx, {
      key: `${body.officeId}:${body.year}:${ctx.clock.now().toISOString()}`,
      year: body.year,
      officeId: body.officeId,
      countBySpecialist,
    });
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// Workload

const OPEN: readonly string[] = OPEN_VALIDATION_STATUSES;

function emptyCounts(): SpecialistWorkload['open'] {
  return { planned: 0, scheduled: 0, fieldwork: 0, report_submitted: 0, report_issued: 0 };
}

/**
 * Per specialist (of the office, or of every office): open validations by status, those of the
 * plan year (overdue ones count in this year), those overdue, and the staff hours they recorded
 * on validations in the year. A last line counts the open validations nobody is assigned to.
 */
export async function workload(ctx: ServiceContext, query: WorkloadQuery): Promise<Workload> {
  const today = todayFromClock(ctx.clock);
  const year = query.year ?? thisYear(today);
  const counts = await countOpenValidations(ctx.db, {
    officeId: query.officeId,
    due: dueRangeOfPlanYear(year, today),
    today,
  });
  const specialists = (await peopleWithRoles(ctx.db, SPECIALIST_ROLES)).filter(
    (person) => query.officeId === undefined || person.organisationId === query.officeId,
  );
  const officeOf = new Map<string, string>();
  const order: string[] = [];
  for (const person of specialists) {
    if (!officeOf.has(person.userId)) {
      officeOf.set(person.userId, person.organisationId);
      order.push(person.userId);
    }
  }
  for (const count of counts) {
    if (count.specialistUserId !== null && !officeOf.has(count.specialistUserId)) {
      officeOf.set(count.specialistUserId, count.officeId ?? '');
      order.push(count.specialistUserId);
    }
  }
  const names = await displayNames(ctx.db, order);
  const offices = await organisationSummaries(ctx.db, [
    ...new Set([...officeOf.values()].filter(Boolean)),
  ]);
  // Only CBP offices (a specialist role in another kind of organisation is not one).
  const ids = order.filter((id) => {
    const office = officeOf.get(id);
    return office !== undefined && offices.get(office)?.kind === 'cbp_office';
  });
  const minutes = await sumMinutesByUser(
    ctx.db,
    ids,
    calendarDateOf(year, 1, 1),
    calendarDateOf(year, 12, 31),
  );
  const line = (specialistId: string | null): SpecialistWorkload => {
    const mine = counts.filter((count) => count.specialistUserId === specialistId);
    const open = emptyCounts();
    for (const count of mine) {
      if (OPEN.includes(count.status)) {
        open[count.status as keyof typeof open] += count.total;
      }
    }
    const officeId =
      specialistId === null ? (query.officeId ?? null) : (officeOf.get(specialistId) ?? null);
    return {
      specialist:
        specialistId === null ? null : { id: specialistId, name: names.get(specialistId) ?? '' },
      office: officeId ? { id: officeId, name: offices.get(officeId)?.legalName ?? '' } : null,
      open,
      openTotal: Object.values(open).reduce((sum, value) => sum + value, 0),
      dueThisYear: mine.reduce((sum, count) => sum + count.dueInYear, 0),
      overdue: mine.reduce((sum, count) => sum + count.overdue, 0),
      hoursRecorded:
        specialistId === null ? 0 : Math.round(((minutes.get(specialistId) ?? 0) / 60) * 100) / 100,
    };
  };
  return {
    year,
    officeId: query.officeId ?? null,
    items: [...ids.map(line), line(null)],
  };
}

// ---------------------------------------------------------------------------------------------
// Assignment

/**
 * Assigns or re-assigns an open validation to a specialist of a CBP office; the validation's
 * office follows the specialist's. The new specialist is told. Refused: an unknown id (404), a
 * closed or cancelled validation or a stale version (409), someone who is not a specialist
 * (400 on body.specialistUserId).
 */
export async function assignValidation(
  ctx: ServiceContext,
  validationId: string,
  body: AssignValidationBody,
): Promise<ValidationView> {
  const specialist = await requireSpecialist(ctx.db, body.specialistUserId);
  return ctx.db.transaction(async (tx) => {
    const row = await findValidation(tx, validationId, null, { forUpdate: true });
    if (!row) throw notFound('Validation');
    if (!OPEN.includes(row.status)) {
      throw new AppError(
        'CONFLICT',
        `The validation is ${row.status}: it can no longer be assigned.`,
        {
          status: row.status,
        },
      );
    }
    if (row.version !== body.expectedVersion) throw versionConflict(row);
    if (row.specialistUserId === specialist.userId && row.officeId === specialist.officeId) {
      return validationView(ctx, tx, row);
    }
    const now = ctx.clock.now();
    const updated = await updateValidationAtVersion(tx, row.id, body.expectedVersion, {
      specialistUserId: specialist.userId,
      officeId: specialist.officeId,
      updatedAt: now,
    });
    if (!updated) throw versionConflict(row);
    const previous =
      row.specialistUserId === null
        ? null
        : ((await displayNames(tx, [row.specialistUserId])).get(row.specialistUserId) ?? null);
    await insertEvent(tx, {
      id: randomUUID(),
      validationId: row.id,
      kind: row.specialistUserId === null ? 'assigned' : 'reassigned',
      at: now,
      actorUserId: actorUserIdOf(ctx),
      details: { specialist: specialist.name, previous },
    });
    const audit = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.assigned',
      targetType: 'validation',
      targetId: row.id,
      organisationId: row.organisationId,
      before: { specialistUserId: row.specialistUserId, officeId: row.officeId },
      after: { specialistUserId: specialist.userId, officeId: specialist.officeId },
    });
    await notifyAssigned(ctx, tx, updated, audit.id);
    return validationView(ctx, tx, updated);
  });
}
