import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  FINDING_RATINGS,
  type FindingRating,
  VALIDATION_ACTIVITIES,
  type ValidationActivity,
} from '../../../domain/validations/validation-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import { validationFindings, validationHours, validations } from './validations.tables.ts';

/**
 * The aggregates behind the validation consistency metrics (validation-metrics.service.ts), all
 * computed in SQL: findings and hours can be many rows, and only their counts and sums leave the
 * database. Each query groups by GROUPING SETS, so the overall line, the offices and the
 * specialists come from one pass each.
 *
 * The validations of a period are those whose report was issued in [from, to], or, for one
 * closed without a report day, whose closing day is in it: `coalesce(report_issued_on,
 * closed_on)`, so each validation belongs to one period (validation-metrics.ts). Only reported
 * or closed validations: their findings are final. Agency-wide (CBP's view, no member tenant);
 * narrowed to one CBP office when asked.
 *
 * Days from notice to report: `report_issued_on - notice_sent_on` (date minus date, whole days),
 * counted where both are set; median and 90th percentile are continuous (percentile_cont).
 * A report, not a hot path: it reads the validations of the period.
 */

export interface MetricsFilter {
  from: string | null;
  to: string | null;
  officeId: string | null;
}

/** Which line a grouped row belongs to. */
export type GroupScope = 'overall' | 'office' | 'specialist';

function periodValidations(filter: MetricsFilter): SQL {
  const day = sql`coalesce(${validations.reportIssuedOn}, ${validations.closedOn})`;
  const conditions = [
    sql`${validations.status} in ('report_issued', 'closed')`,
    filter.from === null ? sql`true` : sql`${day} >= ${filter.from}::date`,
    filter.to === null ? sql`true` : sql`${day} <= ${filter.to}::date`,
    filter.officeId === null ? sql`true` : sql`${validations.officeId} = ${filter.officeId}`,
  ];
  return sql`with v as (
    select ${validations.id} as id, ${validations.officeId} as office_id,
      ${validations.specialistUserId} as specialist_user_id,
      (${validations.reportIssuedOn} - ${validations.noticeSentOn}) as days
    from ${validations}
    where ${sql.join(conditions, sql` and `)}
  )`;
}

/** The grouping columns of every grouped query, decoded by `scopeOf`. */
const GROUPING = sql`grouping(v.office_id)::int as g_office,
  grouping(v.specialist_user_id)::int as g_specialist,
  v.office_id, v.specialist_user_id`;

const GroupColumns = z.object({
  g_office: z.coerce.number(),
  g_specialist: z.coerce.number(),
  office_id: z.string().nullable(),
  specialist_user_id: z.string().nullable(),
});

export interface GroupKey {
  scope: GroupScope;
  /** The office or specialist; null on the overall line, or for validations without one. */
  id: string | null;
}

function keyOf(row: z.infer<typeof GroupColumns>): GroupKey {
  if (row.g_office === 0) {
    return { scope: 'office', id: row.office_id };
  }
  if (row.g_specialist === 0) {
    return { scope: 'specialist', id: row.specialist_user_id };
  }
  return { scope: 'overall', id: null };
}

/** The rows of a raw query (both drivers answer `{ rows }`), checked against `row`. */
function rowsOf<Row extends z.ZodType>(row: Row, result: unknown): z.infer<Row>[] {
  return z.object({ rows: z.array(row) }).parse(result).rows;
}

const int = z.coerce.number().int();
const days = z.coerce.number().nullable();

export interface ValidationCounts extends GroupKey {
  validations: number;
  durationMeasured: number;
  medianDays: number | null;
  p90Days: number | null;
}

export async function validationCounts(db: Db, filter: MetricsFilter): Promise<ValidationCounts[]> {
  const result = await db.execute(sql`${periodValidations(filter)}
    select ${GROUPING}, count(*)::int as validations, count(v.days)::int as measured,
      percentile_cont(0.5) within group (order by v.days)::float8 as median_days,
      percentile_cont(0.9) within group (order by v.days)::float8 as p90_days
    from v
    group by grouping sets ((), (v.office_id), (v.specialist_user_id))`);
  const rows = rowsOf(
    GroupColumns.extend({
      validations: int,
      measured: int,
      median_days: days,
      p90_days: days,
    }),
    result,
  );
  return rows.map((row) => ({
    ...keyOf(row),
    validations: row.validations,
    durationMeasured: row.measured,
    medianDays: row.median_days,
    p90Days: row.p90_days,
  }));
}

export interface RatingCount extends GroupKey {
  rating: FindingRating;
  findings: number;
}

/** Findings by rating per group (only ratings that occur). */
export async function findingCounts(db: Db, filter: MetricsFilter): Promise<RatingCount[]> {
  const result = await db.execute(sql`${periodValidations(filter)}
    select ${GROUPING}, f.rating, count(*)::int as findings
    from v join ${validationFindings} f on f.validation_id = v.id
    group by grouping sets ((f.rating), (v.office_id, f.rating), (v.specialist_user_id, f.rating))`);
  const rows = rowsOf(
    GroupColumns.extend({ rating: z.enum(FINDING_RATINGS), findings: int }),
    result,
  );
  return rows.map((row) => ({ ...keyOf(row), rating: row.rating, findings: row.findings }));
}

export interface ActivityMinutes extends GroupKey {
  activity: ValidationActivity;
  minutes: number;
}

/** Staff minutes by activity per group (only activities with hours). */
export async function activityMinutes(db: Db, filter: MetricsFilter): Promise<ActivityMinutes[]> {
  const result = await db.execute(sql`${periodValidations(filter)}
    select ${GROUPING}, h.activity, sum(h.minutes)::bigint as minutes
    from v join ${validationHours} h on h.validation_id = v.id
    group by grouping sets ((h.activity), (v.office_id, h.activity),
      (v.specialist_user_id, h.activity))`);
  const rows = rowsOf(
    GroupColumns.extend({ activity: z.enum(VALIDATION_ACTIVITIES), minutes: int }),
    result,
  );
  return rows.map((row) => ({ ...keyOf(row), activity: row.activity, minutes: row.minutes }));
}

export interface CriterionCounts {
  criterionId: string;
  validations: number;
  byRating: Record<FindingRating, number>;
}

/** Findings per criterion by rating, with how many validations rated the criterion. */
export async function criterionCounts(db: Db, filter: MetricsFilter): Promise<CriterionCounts[]> {
  const result = await db.execute(sql`${periodValidations(filter)}
    select f.criterion_id, count(distinct f.validation_id)::int as validations,
      ${sql.join(
        FINDING_RATINGS.map(
          (rating) =>
            sql`(count(*) filter (where f.rating = ${rating}))::int as ${sql.identifier(rating)}`,
        ),
        sql`, `,
      )}
    from v join ${validationFindings} f on f.validation_id = v.id
    group by f.criterion_id`);
  const rows = rowsOf(
    z.object({
      criterion_id: z.string(),
      validations: int,
      compliant: int,
      required_action: int,
      recommendation: int,
      best_practice: int,
    }),
    result,
  );
  return rows.map((row) => ({
    criterionId: row.criterion_id,
    validations: row.validations,
    byRating: {
      compliant: row.compliant,
      required_action: row.required_action,
      recommendation: row.recommendation,
      best_practice: row.best_practice,
    },
  }));
}
