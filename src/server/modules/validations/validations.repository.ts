import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { MembershipStatus } from '../../../domain/registry/lifecycle/membership-states.ts';
import {
  OPEN_VALIDATION_STATUSES,
  type ValidationKind,
  type ValidationStatus,
} from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
// The due list filters members by their membership clocks and CBP office in SQL, so a page is one
// query (like the profile review queue, docs/decisions/0018). A read-only join; memberships stay
// written by the registry.
// biome-ignore lint/style/noRestrictedImports: read-only join for the due list, see above.
import { partnerMemberships } from '../registry/registry.tables.ts';
import {
  validationEvents,
  validationFindings,
  validationHours,
  validationParticipants,
  validationSites,
  validations,
} from './validations.tables.ts';

/**
 * The validation rows of planning and scheduling (issue 6, items 1 and 2) and the lists and
 * views every page reads. `organisationId` scopes a member's read (check 3); null is CBP's
 * agency-wide read, which the routes allow only with a `validation:*:any` permission.
 */

export type ValidationRow = typeof validations.$inferSelect;
export type NewValidationRow = typeof validations.$inferInsert;
export type SiteRow = typeof validationSites.$inferSelect;
export type NewSiteRow = typeof validationSites.$inferInsert;
export type ParticipantRow = typeof validationParticipants.$inferSelect;
export type NewParticipantRow = typeof validationParticipants.$inferInsert;
export type EventRow = typeof validationEvents.$inferSelect;
export type NewEventRow = typeof validationEvents.$inferInsert;

export type ValidationChanges = Partial<
  Omit<NewValidationRow, 'id' | 'organisationId' | 'version' | 'createdAt'>
>;

/** The open statuses as SQL constants (the partial unique index's predicate). */
const OPEN_SQL = sql.raw(OPEN_VALIDATION_STATUSES.map((status) => `'${status}'`).join(', '));

export async function findValidation(
  db: Db,
  validationId: string,
  organisationId: string | null,
  options: { forUpdate?: boolean } = {},
): Promise<ValidationRow | null> {
  const query = db
    .select()
    .from(validations)
    .where(
      and(
        eq(validations.id, validationId),
        organisationId === null ? undefined : eq(validations.organisationId, organisationId),
      ),
    )
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** The member's open validation, if any (one at most: validations_one_open). */
export async function findOpenValidationOf(
  db: Db,
  organisationId: string,
): Promise<ValidationRow | null> {
  const rows = await db
    .select()
    .from(validations)
    .where(
      and(
        eq(validations.organisationId, organisationId),
        sql`${validations.status} in (${OPEN_SQL})`,
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Inserts a validation unless the member already has an open one (a concurrent planner): the
 * row, or null when the partial unique index refused it.
 */
export async function insertValidationIfNoneOpen(
  tx: Db,
  row: NewValidationRow,
): Promise<ValidationRow | null> {
  const rows = await tx.insert(validations).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Applies `changes` at `expectedVersion` and bumps the version; null when it moved on. */
export async function updateValidationAtVersion(
  tx: Db,
  validationId: string,
  expectedVersion: number,
  changes: ValidationChanges,
): Promise<ValidationRow | null> {
  const rows = await tx
    .update(validations)
    .set({ ...changes, version: sql`${validations.version} + 1` })
    .where(and(eq(validations.id, validationId), eq(validations.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Sites, participants, events

export async function findSitesOf(
  db: Db,
  validationIds: readonly string[],
): Promise<Map<string, SiteRow[]>> {
  const byValidation = new Map<string, SiteRow[]>();
  if (validationIds.length === 0) return byValidation;
  const rows = await db
    .select()
    .from(validationSites)
    .where(inArray(validationSites.validationId, [...validationIds]))
    .orderBy(asc(validationSites.validationId), asc(validationSites.position));
  for (const row of rows) {
    byValidation.set(row.validationId, [...(byValidation.get(row.validationId) ?? []), row]);
  }
  return byValidation;
}

/** One validation's sites in order. */
export async function findSites(db: Db, validationId: string): Promise<SiteRow[]> {
  return db
    .select()
    .from(validationSites)
    .where(eq(validationSites.validationId, validationId))
    .orderBy(asc(validationSites.position));
}

export async function findParticipants(db: Db, validationId: string): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(validationParticipants)
    .where(eq(validationParticipants.validationId, validationId))
    .orderBy(asc(validationParticipants.position));
}

/** Whether any finding was recorded against one of the validation's sites. */
export async function siteFindingsExist(tx: Db, validationId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: validationFindings.id })
    .from(validationFindings)
    .innerJoin(validationSites, eq(validationSites.id, validationFindings.siteId))
    .where(eq(validationSites.validationId, validationId))
    .limit(1);
  return rows.length > 0;
}

/** Replaces the validation's sites and participants (scheduling and re-scheduling). */
export async function replaceSitesAndParticipants(
  tx: Db,
  validationId: string,
  sites: readonly NewSiteRow[],
  participants: readonly NewParticipantRow[],
): Promise<void> {
  await tx.delete(validationSites).where(eq(validationSites.validationId, validationId));
  await tx
    .delete(validationParticipants)
    .where(eq(validationParticipants.validationId, validationId));
  if (sites.length > 0) {
    await tx.insert(validationSites).values([...sites]);
  }
  if (participants.length > 0) {
    await tx.insert(validationParticipants).values([...participants]);
  }
}

export async function insertEvent(tx: Db, row: NewEventRow): Promise<void> {
  await tx.insert(validationEvents).values(row);
}

export async function findEvents(db: Db, validationId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(validationEvents)
    .where(eq(validationEvents.validationId, validationId))
    .orderBy(asc(validationEvents.at), asc(validationEvents.id));
}

// ---------------------------------------------------------------------------------------------
// Lists

export interface ValidationSearch {
  /** Plan year. */
  year?: number | undefined;
  officeId?: string | undefined;
  specialistId?: string | undefined;
  status?: ValidationStatus | undefined;
  kind?: ValidationKind | undefined;
  /** True: open only; false: closed or cancelled only. */
  open?: boolean | undefined;
}

/** Where a CBP list page starts: after this row in (due date, id) order. */
export interface DueKey {
  dueOn: string;
  id: string;
}

/** CBP's list of validations by due date (validations_office_plan_idx with an office). */
export function findValidationPage(
  db: Db,
  search: ValidationSearch,
  after: DueKey | undefined,
  limit: number,
): Promise<ValidationRow[]> {
  const open = sql`${validations.status} in (${OPEN_SQL})`;
  return db
    .select()
    .from(validations)
    .where(
      and(
        search.year === undefined ? undefined : eq(validations.planYear, search.year),
        search.officeId === undefined ? undefined : eq(validations.officeId, search.officeId),
        search.specialistId === undefined
          ? undefined
          : eq(validations.specialistUserId, search.specialistId),
        search.status === undefined ? undefined : eq(validations.status, search.status),
        search.kind === undefined ? undefined : eq(validations.kind, search.kind),
        search.open === undefined ? undefined : search.open ? open : sql`not (${open})`,
        after
          ? sql`(${validations.dueOn}, ${validations.id}) > (${after.dueOn}::date, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(validations.dueOn), asc(validations.id))
    .limit(limit);
}

/** Where a member's list page starts: after this row, newest first. */
export interface CreatedKey {
  createdAt: Date;
  id: string;
}

/** A member's own validations, newest first (validations_org_idx). */
export function findOwnValidationPage(
  db: Db,
  organisationId: string,
  after: CreatedKey | undefined,
  limit: number,
): Promise<ValidationRow[]> {
  return db
    .select()
    .from(validations)
    .where(
      and(
        eq(validations.organisationId, organisationId),
        after
          ? sql`(${validations.createdAt}, ${validations.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(validations.createdAt), desc(validations.id))
    .limit(limit);
}

// ---------------------------------------------------------------------------------------------
// Memberships (read-only) and the due list

const pm = partnerMemberships;

export interface MembershipForPlanRow {
  organisationId: string;
  status: MembershipStatus;
  certifiedOn: string | null;
  validatedOn: string | null;
  lastValidatedOn: string | null;
  cbpOfficeId: string | null;
  assignedSpecialistUserId: string | null;
}

const membershipColumns = {
  organisationId: pm.organisationId,
  status: pm.status,
  certifiedOn: pm.certifiedOn,
  validatedOn: pm.validatedOn,
  lastValidatedOn: pm.lastValidatedOn,
  cbpOfficeId: pm.cbpOfficeId,
  assignedSpecialistUserId: pm.assignedSpecialistUserId,
};

/** The membership columns planning reads, or null for a company that is not a CTPAT member. */
export async function findMembershipForPlan(
  db: Db,
  organisationId: string,
): Promise<MembershipForPlanRow | null> {
  const rows = await db
    .select(membershipColumns)
    .from(pm)
    .where(eq(pm.organisationId, organisationId))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The planning due date in SQL, the same as validation-plan.ts `validationDue` (which the service
 * applies to every row read): 1 year after certification before the first validation (6 U.S.C.
 * 965(a)); 4 years after the latest validation after it (969(2) planning rule). PostgreSQL
 * adds a year to 29 February as 28 February, like calendar-date.ts `addYears`.
 */
const DUE_ON = sql`(case when ${pm.validatedOn} is null
    then ${pm.certifiedOn} + interval '1 year'
    else greatest(${pm.validatedOn}, coalesce(${pm.lastValidatedOn}, ${pm.validatedOn})) + interval '4 years'
  end)::date`;

const TIER_SQL = sql.raw(`'certified', 'validated', 'validated_exceeds'`);

export interface DueSearch {
  /** Due on or after this day (null: no lower bound, overdue included). */
  from: string | null;
  to: string;
  officeId?: string | undefined;
}

export interface DueMemberRow extends MembershipForPlanRow {
  dueOn: string;
}

function dueConditions(search: DueSearch): SQL | undefined {
  return and(
    sql`${pm.status} in (${TIER_SQL})`,
    sql`(${pm.validatedOn} is not null or ${pm.certifiedOn} is not null)`,
    search.officeId === undefined ? undefined : eq(pm.cbpOfficeId, search.officeId),
    sql`${DUE_ON} <= ${search.to}::date`,
    search.from === null ? undefined : sql`${DUE_ON} >= ${search.from}::date`,
    sql`not exists (select 1 from ${validations} where ${validations.organisationId} = ${pm.organisationId} and ${validations.status} in (${OPEN_SQL}))`,
  );
}

/** Members due in the range with no open validation, by due date then id; keyset after `after`. */
export function findDueMemberPage(
  db: Db,
  search: DueSearch,
  after: { dueOn: string; organisationId: string } | undefined,
  limit: number,
): Promise<DueMemberRow[]> {
  return db
    .select({ ...membershipColumns, dueOn: sql<string>`to_char(${DUE_ON}, 'YYYY-MM-DD')` })
    .from(pm)
    .where(
      and(
        dueConditions(search),
        after
          ? sql`(${DUE_ON}, ${pm.organisationId}) > (${after.dueOn}::date, ${after.organisationId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(DUE_ON, asc(pm.organisationId))
    .limit(limit);
}

/**
 * Every due member of the range (the annual plan of one office). A concurrent plan of the same
 * member is refused by the one-open-validation index when inserting, not by a lock here.
 */
export function findAllDueMembers(tx: Db, search: DueSearch): Promise<DueMemberRow[]> {
  return tx
    .select({ ...membershipColumns, dueOn: sql<string>`to_char(${DUE_ON}, 'YYYY-MM-DD')` })
    .from(pm)
    .where(dueConditions(search))
    .orderBy(DUE_ON, asc(pm.organisationId));
}

// ---------------------------------------------------------------------------------------------
// Workload

export interface OpenCountRow {
  specialistUserId: string | null;
  officeId: string | null;
  status: ValidationStatus;
  total: number;
  dueInYear: number;
  overdue: number;
}

/**
 * Open validations per specialist and status (with an office: that office's), with how many
 * are due in the plan year's range and how many are overdue today.
 */
export async function countOpenValidations(
  db: Db,
  options: { officeId?: string | undefined; due: DueSearch | null; today: string },
): Promise<OpenCountRow[]> {
  const inYear =
    options.due === null
      ? sql`false`
      : and(
          sql`${validations.dueOn} <= ${options.due.to}::date`,
          options.due.from === null
            ? undefined
            : sql`${validations.dueOn} >= ${options.due.from}::date`,
        );
  const rows = await db
    .select({
      specialistUserId: validations.specialistUserId,
      officeId: validations.officeId,
      status: validations.status,
      total: sql<number>`count(*)::int`,
      dueInYear: sql<number>`(count(*) filter (where ${inYear}))::int`,
      overdue: sql<number>`(count(*) filter (where ${validations.dueOn} < ${options.today}::date))::int`,
    })
    .from(validations)
    .where(
      and(
        sql`${validations.status} in (${OPEN_SQL})`,
        options.officeId === undefined ? undefined : eq(validations.officeId, options.officeId),
      ),
    )
    .groupBy(validations.specialistUserId, validations.officeId, validations.status);
  return rows.map((row) => ({
    ...row,
    total: Number(row.total),
    dueInYear: Number(row.dueInYear),
    overdue: Number(row.overdue),
  }));
}

/** Minutes each user recorded on validations from `from` to `to` (validation_hours). */
export async function sumMinutesByUser(
  db: Db,
  userIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({
      userId: validationHours.userId,
      minutes: sql<number>`sum(${validationHours.minutes})::int`,
    })
    .from(validationHours)
    .where(
      and(
        inArray(validationHours.userId, [...userIds]),
        sql`${validationHours.workedOn} between ${from}::date and ${to}::date`,
      ),
    )
    .groupBy(validationHours.userId);
  return new Map(rows.map((row) => [row.userId, Number(row.minutes)]));
}
