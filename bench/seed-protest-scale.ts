import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { CBP_CENTER_CODES } from '../src/domain/protests/cbp-centers.ts';
import type { Db } from '../src/server/db/database.ts';
import { memberships, users } from '../src/server/modules/identity/accounts.tables.ts';
import { organisations } from '../src/server/modules/organisations/organisations.tables.ts';
import { createBenchSpecialistSession } from './bench-session.ts';
import { BENCH_SESSION_TOKEN } from './load.ts';

/**
 * Issue 7 scale for the protest review queue: 1,000,000 protests, about twenty years of national
 * volume (~50,000 a year, domain doc §2.8), each with one entry, filed by 5,000 companies, and a
 * CBP office with 40 protest reviewers, one of whom holds the benchmark session.
 *
 * One INSERT … SELECT over generate_series per table, so PostgreSQL writes the rows itself
 * (about a minute here). The mix is deterministic (hash of the row number), relative to today:
 * - filing days spread evenly over the last 7,305 days;
 * - protests older than two years are decided (97 %) or withdrawn (3 %), a few hundred still open;
 *   younger ones are open with a probability falling from 95 % to 15 % with age;
 * - open: 30 % filed (unassigned), 60 % under review, 10 % under further review, assigned to one
 *   of the 40 reviewers;
 * - 5 % verified Trade Compliance protestants; 1 % of the protests filed in the last 60 days have
 *   accelerated disposition mailed within the last 29 days (a running deemed-denial clock,
 *   rank 0); exclusion protests (0.5 %) filed more than 30 days ago are deemed denied;
 * - decisions: 35 % allowed, 10 % allowed in part, 43 % denied, 10 % denied in part, 2 % deemed
 *   denied; ten Centers, twenty categories.
 *
 * Foreign keys are not checked during the insert (session_replication_role = replica: the rows
 * reference the seeded companies and reviewers by construction), then VACUUM ANALYZE.
 */
export const PROTEST_COUNT = 1_000_000;
const COMPANY_COUNT = 5_000;
const REVIEWER_COUNT = 40;
const SEEDED_AT = new Date('2026-01-15T12:00:00Z');

/**
 * A label's md5 as an RFC 4122 uuid (version 4 and variant bits set, as the API's schemas
 * require): the same id in TypeScript and in SQL (`uuidSql`).
 */
function md5Uuid(label: string): string {
  const hex = createHash('md5').update(label).digest('hex');
  const bits = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${bits.slice(0, 8)}-${bits.slice(8, 12)}-${bits.slice(12, 16)}-${bits.slice(16, 20)}-${bits.slice(20)}`;
}
const uuidSql = (label: string) =>
  `overlay(overlay(md5(${label}) placing '4' from 13) placing '8' from 17)::uuid`;
export const PROTEST_CBP_OFFICE_ID = md5Uuid('bench:protests:cbp-office');
const reviewerId = (index: number) => md5Uuid(`bench:protests:reviewer:${index}`);
/** SQL: the id of company or reviewer number `expression`. */
const companySql = (expression: string) =>
  uuidSql(`'bench:protests:company:' || (${expression})::text`);
const reviewerSql = (expression: string) =>
  uuidSql(`'bench:protests:reviewer:' || (${expression})::text`);

const CATEGORIES = [
  'Footwear',
  'Apparel',
  'Steel pipe',
  'Aluminum extrusions',
  'Solar cells',
  'Furniture',
  'Toys',
  'Auto parts',
  'Semiconductors',
  'Frozen shrimp',
  'Honey',
  'Tires',
  'Pharmaceuticals',
  'Chemicals',
  'Machinery parts',
  'Textiles',
  'Electronics',
  'Ceramic tile',
  'Paper products',
  'Lumber',
];

export interface ProtestSeedSummary {
  protests: number;
  open: number;
  rank0: number;
  tradeCompliance: number;
  /** How long each step took. */
  steps: string[];
  seconds: number;
}

function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
}

async function seedPeople(db: Db): Promise<void> {
  await db.insert(organisations).values({
    id: PROTEST_CBP_OFFICE_ID,
    kind: 'cbp_office',
    legalName: 'U.S. Customs and Border Protection, Protest review',
    tradeName: null,
    countryCode: 'US',
    city: 'Washington',
    entityTypes: [],
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  });
  const reviewers = Array.from({ length: REVIEWER_COUNT }, (_, index) => reviewerId(index));
  await db.insert(users).values(
    reviewers.map((id, index) => ({
      id,
      email: `reviewer-${index}@cbp.example.gov`,
      displayName: `Protest reviewer ${index}`,
      passwordHash: null,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    })),
  );
  await db.insert(memberships).values(
    reviewers.map((userId) => ({
      organisationId: PROTEST_CBP_OFFICE_ID,
      userId,
      role: 'protest_reviewer' as const,
      createdAt: SEEDED_AT,
    })),
  );
  await db.execute(
    sql.raw(`insert into organisations (id, kind, legal_name, trade_name, country_code, city, entity_types, created_at, updated_at)
      select ${companySql('k')}, 'member_company', 'Protesting Importer ' || lpad(k::text, 4, '0') || ' Inc.',
        null, 'US', 'Baltimore', array['importer'], now(), now()
      from generate_series(0, ${COMPANY_COUNT - 1}) as k`),
  );
}

/** The protests, computed row by row from i in SQL (see the file comment for the mix). */
function protestInsert(): string {
  const centers = `array[${sqlList(CBP_CENTER_CODES)}]`;
  const categories = `array[${sqlList(CATEGORIES)}]`;
  return `
with base as (
  select i,
    current_date - 7305 + ((i - 1)::bigint * 7305 / ${PROTEST_COUNT})::int as filed_on,
    ((i::bigint * 7919) % 10007) / 10007.0 as r1,
    ((i::bigint * 104729) % 9973) / 9973.0 as r2,
    ((i::bigint * 15485863) % 10009) / 10009.0 as r3,
    ((i::bigint * 32452843) % 9901) / 9901.0 as r4
  from generate_series(1, ${PROTEST_COUNT}) as i
), aged as (
  select *, current_date - filed_on as age,
    (r4 < 0.005) as exclusion,
    (r2 < 0.05) as tc
  from base
), stated as (
  select *,
    case
      when exclusion and age > 30 then 'decided'
      when age >= 730 then case when r1 < 0.0005 then 'under_review' when r1 < 0.03 then 'withdrawn' else 'decided' end
      when r1 < 0.95 - age / 730.0 * 0.8 then
        case when r3 < 0.3 then 'filed' when r3 < 0.9 then 'under_review' else 'under_further_review' end
      else case when r3 < 0.03 then 'withdrawn' else 'decided' end
    end as status
  from aged
), decided as (
  select *,
    case when status <> 'decided' then null
      when exclusion and age > 30 then 'deemed_denied'
      when r3 < 0.35 then 'allowed' when r3 < 0.45 then 'allowed_in_part'
      when r3 < 0.88 then 'denied' when r3 < 0.98 then 'denied_in_part' else 'deemed_denied'
    end as decision,
    case when status in ('filed', 'under_review', 'under_further_review') and age <= 60 and r4 > 0.99
      then greatest(filed_on, current_date - (i % 29)) end as ad_mailed
  from stated
)
insert into protests (
  id, organisation_id, protest_number, recorded, port_code, center, protestant_name,
  protestant_address, protestant_type, importer_number, filer_name, filer_address, filer_capacity,
  decisions_protested, categories, drawback_declaration, filed_on, filed_at, timeliness, timely,
  tc_member_organisation_id, tc_status, tc_verified, tc_checked_at, status, priority_rank,
  priority_date, assigned_reviewer_user_id, assigned_at, accelerated_disposition_mailed_on,
  decision, decision_reasons, decided_on, decided_by_user_id, denial_notice_mailed_on,
  refund_due, publish_decision, version, created_at, updated_at)
select
  ${uuidSql("'bench:protest:' || i")},
  ${companySql(`i % ${COMPANY_COUNT}`)},
  (1000 + i % 97)::text || '-' || extract(year from filed_on)::int || '-' || lpad((i % 999999 + 1)::text, 6, '0'),
  extract(year from filed_on) < 2017,
  (1000 + i % 97)::text,
  (${centers})[1 + (i * 31) % 10],
  'Protesting Importer ' || lpad((i % ${COMPANY_COUNT})::text, 4, '0') || ' Inc.',
  '1 Dock Street, Baltimore, MD 21202',
  'importer',
  '20' || lpad((i % ${COMPANY_COUNT})::text, 4, '0') || '-' || lpad(((i * 13) % 100000)::text, 5, '0'),
  'Bench Brokerage LLC', '2 Dock Street, Baltimore, MD 21202', 'authorized_agent',
  case when exclusion then '["exclusion_or_redelivery"]'::jsonb else '["classification_and_rate"]'::jsonb end,
  jsonb_build_array(jsonb_build_object('category', (${categories})[1 + i % 20], 'description', 'As entered',
    'objections', jsonb_build_array(jsonb_build_object('decision', 'classification_and_rate',
      'objection', 'Wrong heading', 'justification', 'See the memorandum.')))),
  'not_subject_to_drawback', filed_on, filed_on + time '15:00',
  '{"timely":true,"settings":{"rollWeekendsAndHolidays":true,"additionalClosedDays":[]},"entries":[]}'::jsonb,
  true,
  case when tc then ${companySql(`i % ${COMPANY_COUNT}`)} end,
  case when tc then 'active' end, tc, filed_on + time '15:00',
  status,
  case when ad_mailed is not null or (exclusion and status in ('filed', 'under_review', 'under_further_review')) then 0 when tc then 1 else 2 end,
  case when ad_mailed is not null then ad_mailed + 30
    when exclusion and status in ('filed', 'under_review', 'under_further_review') then filed_on + 30
    else filed_on end,
  case when status = 'filed' then null else ${reviewerSql(`(i * 7) % ${REVIEWER_COUNT}`)} end,
  case when status = 'filed' then null else filed_on + time '16:00' end,
  ad_mailed,
  decision,
  case when decision in ('denied', 'denied_in_part', 'allowed_in_part') then 'Denied: the goods are classified as entered.' end,
  case when decision = 'deemed_denied' and exclusion then filed_on + 30
    when decision = 'deemed_denied' then least(current_date - 1, filed_on + 60)
    when decision is not null then least(current_date, filed_on + 30 + (r3 * 2000)::int % 900) end,
  case when decision is not null and decision <> 'deemed_denied' then ${reviewerSql(`(i * 7) % ${REVIEWER_COUNT}`)} end,
  case when decision in ('denied', 'denied_in_part', 'allowed_in_part') then least(current_date, filed_on + 30 + (r3 * 2000)::int % 900) end,
  case when decision in ('allowed', 'allowed_in_part') then true when decision is not null then false end,
  case when decision is not null then r4 < 0.2 end,
  1, filed_on + time '15:00', filed_on + time '15:00'
from decided`;
}

const ENTRY_INSERT = `
insert into protest_entries (protest_id, entry_number, position, entry_date, date_kind, liquidation_or_decision_date, lead)
select p.id,
  'B' || lpad((abs(hashtext(p.id::text)) % 100)::text, 2, '0') || '-' || lpad((row_number() over ())::text, 7, '0') || '-0',
  0, p.filed_on - 200, 'liquidation', p.filed_on - 20, true
from protests p`;

const IndexRowsSchema = z.object({
  rows: z.array(z.object({ indexname: z.string(), indexdef: z.string() })),
});

/**
 * Seeds the queue at issue-7 scale, signs in a protest reviewer, then VACUUM ANALYZE. The
 * secondary indexes of the two tables are dropped for the load and rebuilt after it from their
 * own definitions (pg_indexes), which is several times faster than maintaining them row by row.
 */
export async function seedProtestScale(db: Db): Promise<ProtestSeedSummary> {
  const started = performance.now();
  const steps: string[] = [];
  let last = started;
  const step = (name: string) => {
    const now = performance.now();
    steps.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
  await seedPeople(db);
  await db.transaction(async (tx) => {
    const indexes = IndexRowsSchema.parse(
      await tx.execute(
        sql.raw(`select indexname, indexdef from pg_indexes
          where schemaname = 'public' and tablename in ('protests', 'protest_entries')
            and indexname not like '%pkey' and indexname not like '%_pk'`),
      ),
    ).rows;
    for (const index of indexes) {
      await tx.execute(sql.raw(`drop index "${index.indexname}"`));
    }
    await tx.execute(sql.raw('set local session_replication_role = replica'));
    await tx.execute(sql.raw('set local synchronous_commit = off'));
    await tx.execute(sql.raw(`set local maintenance_work_mem = '256MB'`));
    await tx.execute(sql.raw(protestInsert()));
    step('protests');
    await tx.execute(sql.raw(ENTRY_INSERT));
    step('entries');
    for (const index of indexes) {
      await tx.execute(sql.raw(index.indexdef));
    }
    step('indexes');
  });
  await signInSeededReviewer(db);
  await db.execute(sql`vacuum analyze protests`);
  await db.execute(sql`vacuum analyze protest_entries`);
  step('vacuum analyze');
  return { ...(await countSeeded(db)), steps, seconds: (performance.now() - started) / 1000 };
}

const CountsSchema = z.object({
  rows: z.array(
    z.object({ protests: z.number(), open: z.number(), rank0: z.number(), tc: z.number() }),
  ),
});

/** What the seeded set holds (also how a reused set is recognised). */
export async function countSeeded(db: Db) {
  const counts = CountsSchema.parse(
    await db.execute(
      sql.raw(`select count(*)::int as protests,
        (count(*) filter (where status in ('filed', 'under_review', 'under_further_review')))::int as open,
        (count(*) filter (where priority_rank = 0 and status in ('filed', 'under_review', 'under_further_review')))::int as rank0,
        (count(*) filter (where tc_verified))::int as tc
        from protests`),
    ),
  ).rows[0];
  return {
    protests: counts?.protests ?? 0,
    open: counts?.open ?? 0,
    rank0: counts?.rank0 ?? 0,
    tradeCompliance: counts?.tc ?? 0,
  };
}

/** A protest reviewer's session for this run's token (also on a reused set: BENCH_REUSE_PROTESTS=1). */
export function signInSeededReviewer(db: Db): Promise<void> {
  return createBenchSpecialistSession(
    db,
    PROTEST_CBP_OFFICE_ID,
    BENCH_SESSION_TOKEN,
    new Date(),
    'protest_reviewer',
  );
}
