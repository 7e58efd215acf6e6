import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { protests } from './protests.tables.ts';

/**
 * The aggregates behind the protest metrics (protest-metrics.service.ts): decided protests
 * (deemed denials included), days from filing to decision, median and 90th percentile
 * (continuous percentiles), and how many were decided within the two-year review target.
 *
 * The target day is `filed_on + interval '2 years'`: PostgreSQL clamps 29 February to
 * 28 February, the convention of ADR 0014 and `reviewTarget` (protest-clocks.ts). A decision on
 * the target day itself is within it.
 *
 * Reads every decided protest of the period (one pass per grouping, by protests_decided_idx
 * when a period is given): a report, not a hot path.
 */

export interface MetricsPeriod {
  decidedFrom: string | null;
  decidedTo: string | null;
}

export interface MetricAggregate {
  group: string;
  decided: number;
  medianDays: number | null;
  p90Days: number | null;
  withinTarget: number;
  deemedDenied: number;
}

function decidedIn(period: MetricsPeriod): SQL {
  return sql.join(
    [
      sql`${protests.status} = 'decided'`,
      period.decidedFrom === null
        ? sql`true`
        : sql`${protests.decidedOn} >= ${period.decidedFrom}::date`,
      period.decidedTo === null
        ? sql`true`
        : sql`${protests.decidedOn} <= ${period.decidedTo}::date`,
    ],
    sql` and `,
  );
}

const AGGREGATES = sql`count(*)::int as decided,
  percentile_cont(0.5) within group (order by d.days)::float8 as median_days,
  percentile_cont(0.9) within group (order by d.days)::float8 as p90_days,
  (count(*) filter (where d.within))::int as within_target,
  (count(*) filter (where d.decision = 'deemed_denied'))::int as deemed_denied`;

const count = z.coerce.number().int();
const days = z.coerce.number().nullable();
/** What both drivers return for AGGREGATES (counts cast to int, percentiles to float8). */
const AggregateRowsSchema = z.object({
  rows: z.array(
    z.object({
      grp: z.string().nullable(),
      decided: count,
      median_days: days,
      p90_days: days,
      within_target: count,
      deemed_denied: count,
    }),
  ),
});

/** The decided protests of the period with their days and target, as `d`. */
function decidedRows(period: MetricsPeriod): SQL {
  return sql`(select ${protests.tcVerified} as tc, ${protests.center} as center,
      ${protests.categories} as categories, ${protests.decision} as decision,
      (${protests.decidedOn} - ${protests.filedOn}) as days,
      ${protests.decidedOn} <= (${protests.filedOn} + interval '2 years')::date as within
    from ${protests} where ${decidedIn(period)}) d`;
}

async function aggregate(db: Db, query: SQL): Promise<MetricAggregate[]> {
  const result = AggregateRowsSchema.parse(await db.execute(query));
  return result.rows.map((row) => ({
    group: row.grp ?? '',
    decided: row.decided,
    medianDays: row.median_days,
    p90Days: row.p90_days,
    withinTarget: row.within_target,
    deemedDenied: row.deemed_denied,
  }));
}

export async function overallMetrics(db: Db, period: MetricsPeriod): Promise<MetricAggregate> {
  const [row] = await aggregate(
    db,
    sql`select '' as grp, ${AGGREGATES} from ${decidedRows(period)}`,
  );
  return (
    row ?? {
      group: '',
      decided: 0,
      medianDays: null,
      p90Days: null,
      withinTarget: 0,
      deemedDenied: 0,
    }
  );
}

export function metricsByTradeCompliance(db: Db, period: MetricsPeriod) {
  return aggregate(
    db,
    sql`select case when d.tc then 'member' else 'non_member' end as grp, ${AGGREGATES}
      from ${decidedRows(period)} group by 1 order by 1`,
  );
}

export function metricsByCenter(db: Db, period: MetricsPeriod) {
  return aggregate(
    db,
    sql`select d.center as grp, ${AGGREGATES} from ${decidedRows(period)} group by 1 order by 1`,
  );
}

/** A protest counts once in each category it names (names compared as filed, trimmed). */
export function metricsByCategory(db: Db, period: MetricsPeriod) {
  return aggregate(
    db,
    sql`select c.category as grp, ${AGGREGATES} from ${decidedRows(period)}
      cross join lateral (
        select distinct trim(element->>'category') as category
        from jsonb_array_elements(d.categories) as element
      ) c
      group by 1 order by 1`,
  );
}
