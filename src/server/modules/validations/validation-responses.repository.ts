import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { validationFindings, validationResponses, validations } from './validations.tables.ts';

/**
 * The required actions of a validation report and the member's responses to them
 * (validation-responses.service.ts, validation-outcome.service.ts), and the agency-wide reads of
 * required actions left unanswered past their deadline (the CBP member queue, the reminders).
 * Responses belong to a validation; the caller has found the validation in its tenant (or as
 * CBP) first, and every read here is narrowed by the validation's id or the member's.
 */

export type ResponseRow = typeof validationResponses.$inferSelect;
export type NewResponseRow = typeof validationResponses.$inferInsert;
export type RequiredActionRow = typeof validationFindings.$inferSelect;

const f = validationFindings;
const r = validationResponses;
const v = validations;

/** The report's required actions, by criterion then site (validation-wide first). */
export async function findRequiredActions(
  db: Db,
  validationId: string,
): Promise<RequiredActionRow[]> {
  return db
    .select()
    .from(f)
    .where(and(eq(f.validationId, validationId), eq(f.rating, 'required_action')))
    .orderBy(asc(f.criterionId), sql`${f.siteId} nulls first`, asc(f.id));
}

/** One required action of the validation (locked for a change when asked), or null. */
export async function findRequiredAction(
  db: Db,
  validationId: string,
  findingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<RequiredActionRow | null> {
  const query = db
    .select()
    .from(f)
    .where(
      and(eq(f.validationId, validationId), eq(f.id, findingId), eq(f.rating, 'required_action')),
    )
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/**
 * Oldest first. Every response but a required action's last one was returned (a new one is
 * taken only after a return: validation-outcome.ts), so on equal instants a returned response
 * comes first and the current one (waiting or accepted) last, whatever the clock's resolution.
 */
const responseOrder = [
  asc(r.submittedAt),
  sql`case when ${r.decision} = 'returned' then 0 else 1 end`,
  sql`${r.decidedAt} asc nulls last`,
  asc(r.id),
];

/** Every response of the validation, oldest first (per finding, the last one is current). */
export async function findResponsesOf(db: Db, validationId: string): Promise<ResponseRow[]> {
  return db
    .select()
    .from(r)
    .where(eq(r.validationId, validationId))
    .orderBy(...responseOrder);
}

/** The responses to one required action, oldest first. */
export async function findResponsesOfFinding(db: Db, findingId: string): Promise<ResponseRow[]> {
  return db
    .select()
    .from(r)
    .where(eq(r.findingId, findingId))
    .orderBy(...responseOrder);
}

export async function findResponse(
  db: Db,
  validationId: string,
  responseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ResponseRow | null> {
  const query = db
    .select()
    .from(r)
    .where(and(eq(r.validationId, validationId), eq(r.id, responseId)))
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insertResponse(tx: Db, row: NewResponseRow): Promise<ResponseRow> {
  const rows = await tx.insert(r).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('response not inserted');
  return inserted;
}

/** Records the decision on a response that has none yet; null when one was recorded meanwhile. */
export async function decideResponse(
  tx: Db,
  responseId: string,
  decision: Pick<NewResponseRow, 'decision' | 'decisionNote' | 'decidedByUserId' | 'decidedAt'>,
): Promise<ResponseRow | null> {
  const rows = await tx
    .update(r)
    .set(decision)
    .where(and(eq(r.id, responseId), sql`${r.decision} is null`))
    .returning();
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Required actions left unanswered past the deadline

/**
 * A required action the member has to answer: no response waits for a decision and none was
 * accepted (never answered, or every answer returned). Served per finding by
 * validation_responses_finding_idx.
 */
const needsMemberResponse = sql`not exists (select 1 from ${r} where ${r.findingId} = ${f.id} and (${r.decision} is null or ${r.decision} = 'accepted'))`;

/** Issued validations whose response deadline passed before `today`. */
function pastDeadline(today: CalendarDate) {
  return and(
    eq(v.status, 'report_issued'),
    isNotNull(v.responsesDueOn),
    lt(v.responsesDueOn, today),
  );
}

/**
 * How many required actions each of these members has left unanswered past the deadline (the
 * CBP member queue's column); members with none are absent. One open validation per member:
 * found by the members' ids (validations_one_open), then each one's findings by its id.
 */
export async function countOverdueRequiredActions(
  db: Db,
  organisationIds: readonly string[],
  today: CalendarDate,
): Promise<Map<string, number>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({ organisationId: v.organisationId, count: sql<number>`count(*)::int` })
    .from(v)
    .innerJoin(f, and(eq(f.validationId, v.id), eq(f.rating, 'required_action')))
    .where(
      and(
        inArray(v.organisationId, [...organisationIds]),
        pastDeadline(today),
        needsMemberResponse,
      ),
    )
    .groupBy(v.organisationId);
  return new Map(rows.map((row) => [row.organisationId, row.count]));
}

/**
 * The members with required actions unanswered past the deadline (the queue's suspension-risk
 * filter), at most `limit`. Only issued validations are read: a few per office at a time.
 */
export async function findMembersWithOverdueRequiredActions(
  db: Db,
  today: CalendarDate,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ organisationId: v.organisationId })
    .from(v)
    .where(
      and(
        pastDeadline(today),
        sql`exists (select 1 from ${f} where ${f.validationId} = ${v.id} and ${f.rating} = 'required_action' and ${needsMemberResponse})`,
      ),
    )
    .limit(limit);
  return rows.map((row) => row.organisationId);
}

export interface OpenResponseWindow {
  validationId: string;
  organisationId: string;
  specialistUserId: string | null;
  officeId: string | null;
  reportIssuedOn: string;
  responsesDueOn: string;
  /** Required actions the member has to answer. */
  unanswered: number;
}

/**
 * Issued validations with required actions the member still has to answer (the reminders job),
 * optionally of one member only (tests on a shared database).
 */
export async function findOpenResponseWindows(
  db: Db,
  onlyOrganisationId?: string,
): Promise<OpenResponseWindow[]> {
  const rows = await db
    .select({
      validationId: v.id,
      organisationId: v.organisationId,
      specialistUserId: v.specialistUserId,
      officeId: v.officeId,
      reportIssuedOn: v.reportIssuedOn,
      responsesDueOn: v.responsesDueOn,
      unanswered: sql<number>`count(*)::int`,
    })
    .from(v)
    .innerJoin(f, and(eq(f.validationId, v.id), eq(f.rating, 'required_action')))
    .where(
      and(
        eq(v.status, 'report_issued'),
        isNotNull(v.reportIssuedOn),
        isNotNull(v.responsesDueOn),
        onlyOrganisationId === undefined ? undefined : eq(v.organisationId, onlyOrganisationId),
        needsMemberResponse,
      ),
    )
    .groupBy(v.id)
    .orderBy(asc(v.id));
  return rows.flatMap((row) =>
    row.reportIssuedOn !== null && row.responsesDueOn !== null
      ? [{ ...row, reportIssuedOn: row.reportIssuedOn, responsesDueOn: row.responsesDueOn }]
      : [],
  );
}
