import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/server/db/database.ts';
import { createBenchSpecialistSession } from './bench-session.ts';
import { BENCH_SESSION_TOKEN } from './load.ts';

/**
 * Issue 6 scale for the validation lists: about twenty years of a programme of 12,000 members.
 *
 * - 10 CBP offices, each with 15 supply chain security specialists and one supervisory
 *   specialist; 12,000 validated members spread over the offices, each with an assigned
 *   specialist, one importer entity type and three people (officer, administrator,
 *   contributor), plus 600 members certified in the last two years and never validated (initial
 *   validation due, some overdue).
 * - 60,000 validations (~3,000 a year): member m's k-th validation is number i = m + 12,000 k,
 *   due on day i × 7305 / 60,000 of the twenty years ending on 31 December of this year, so a
 *   member's validations fall exactly four years apart (initial, then revalidations) and only
 *   the latest can be open (validations_one_open). By age (today − due date): older than 240
 *   days closed (3 % cancelled); 120–240 days closed or report issued; 45–120 report issued,
 *   submitted or fieldwork; 0–45 fieldwork or scheduled; due later this year scheduled or planned
 *   (10 % of those unassigned). The next year is not planned yet.
 * - Findings: one per criterion of the seed catalog (95 of its 100) for every reported or closed
 *   validation, 50 for those in fieldwork (~5.5 million rows); ratings ~4 % required action,
 *   6 % recommendation, 2 % best practice, varying by office. Stored in the order fieldwork
 *   records them (the validations of a day interleaved criterion by criterion): each
 *   validation's findings share a few pages. Findings edited later move; production tables
 *   are likely less tidy, which makes reads of many findings (the metrics) slower than here.
 * - Responses: an accepted one to every required action of a closed validation; for an issued
 *   report, every required action answered for 80 % of validations and half of them for the
 *   rest (whose unanswered actions past the 90-day deadline put the member at suspension risk).
 * - Staff hours: 10 rows per validation past planning (~580,000 rows).
 * - Not seeded (no list reads them): sites, participants, events, documents.
 *
 * One INSERT … SELECT per table (PostgreSQL computes the rows; deterministic, relative to
 * today), foreign keys unchecked during the load (session_replication_role = replica: the rows
 * reference each other by construction), secondary indexes of the large tables dropped for the
 * load and rebuilt from their own definitions, then VACUUM ANALYZE. Child rows get ids that grow
 * with the row number (valid version 4 uuids), so their primary keys are appended in order.
 */
export const VALIDATED_MEMBER_COUNT = 12_000;
const NEW_MEMBER_COUNT = 600;
export const VALIDATION_COUNT = 60_000;
export const OFFICE_COUNT = 10;
const SPECIALISTS_PER_OFFICE = 15;
/** An officer, an administrator and a contributor per member company (37,800 people). */
const USERS_PER_MEMBER = 3;
const FINDINGS_PER_VALIDATION = 95;
const HOURS_PER_VALIDATION = 10;

/** A label's md5 as a version 4 uuid: the same id in TypeScript (here) and in SQL (`uuidSql`). */
function md5Uuid(label: string): string {
  const hex = createHash('md5').update(label).digest('hex');
  const bits = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${bits.slice(0, 8)}-${bits.slice(8, 12)}-${bits.slice(12, 16)}-${bits.slice(16, 20)}-${bits.slice(20)}`;
}
const uuidSql = (label: string) =>
  `overlay(overlay(md5(${label}) placing '4' from 13) placing '8' from 17)::uuid`;
/** SQL: an id growing with `n` (a bigint below 2^32), tagged by a 12-hex-digit `tag`. */
const sequentialUuidSql = (n: string, tag: string) =>
  `(lpad(to_hex(${n}), 8, '0') || '-0000-4000-8000-${tag}')::uuid`;

export const officeId = (office: number) => md5Uuid(`bench:validations:office:${office}`);
export const specialistId = (office: number, index: number) =>
  md5Uuid(`bench:validations:specialist:${office * SPECIALISTS_PER_OFFICE + index}`);
export const memberId = (member: number) => md5Uuid(`bench:validations:member:${member}`);

const officeSql = (expression: string) =>
  uuidSql(`'bench:validations:office:' || (${expression})::text`);
const specialistSql = (expression: string) =>
  uuidSql(`'bench:validations:specialist:' || (${expression})::text`);
const supervisorSql = (expression: string) =>
  uuidSql(`'bench:validations:supervisor:' || (${expression})::text`);
const memberSql = (expression: string) =>
  uuidSql(`'bench:validations:member:' || (${expression})::text`);
const memberUserSql = (expression: string) =>
  uuidSql(`'bench:validations:member-user:' || (${expression})::text`);

/** The member's office and specialist (member m: office m % 10, specialist (m / 10) % 15). */
const memberOffice = (m: string) => `(${m}) % ${OFFICE_COUNT}`;
const memberSpecialist = (m: string) =>
  `(${m}) % ${OFFICE_COUNT} * ${SPECIALISTS_PER_OFFICE} + ((${m}) / ${OFFICE_COUNT}) % ${SPECIALISTS_PER_OFFICE}`;

const PEOPLE = `
insert into organisations (id, kind, legal_name, trade_name, country_code, city, entity_types, created_at, updated_at)
select ${officeSql('o')}, 'cbp_office', 'CBP CTPAT Field Office ' || (o + 1), null, 'US', 'Washington', '{}', now(), now()
from generate_series(0, ${OFFICE_COUNT - 1}) as o;

insert into users (id, email, display_name, password_hash, created_at, updated_at)
select ${specialistSql('s')}, 'scss-' || s || '@cbp.example.gov', 'Specialist ' || lpad(s::text, 3, '0'), null, now(), now()
from generate_series(0, ${OFFICE_COUNT * SPECIALISTS_PER_OFFICE - 1}) as s
union all
select ${supervisorSql('o')}, 'supervisor-' || o || '@cbp.example.gov', 'Supervisory specialist ' || (o + 1), null, now(), now()
from generate_series(0, ${OFFICE_COUNT - 1}) as o;

insert into memberships (organisation_id, user_id, role, created_at)
select ${officeSql(`s / ${SPECIALISTS_PER_OFFICE}`)}, ${specialistSql('s')}, 'scss', now()
from generate_series(0, ${OFFICE_COUNT * SPECIALISTS_PER_OFFICE - 1}) as s
union all
select ${officeSql('o')}, ${supervisorSql('o')}, 'supervisory_scss', now()
from generate_series(0, ${OFFICE_COUNT - 1}) as o;

insert into organisations (id, kind, legal_name, trade_name, country_code, city, entity_types, created_at, updated_at)
select ${memberSql('m')}, 'member_company',
  (array['Atlantic', 'Pacific', 'Harbor', 'Summit', 'Pioneer', 'Liberty', 'Frontier', 'Keystone', 'Meridian', 'Cascade'])[1 + m % 10]
    || ' ' || (array['Logistics', 'Imports', 'Trading', 'Freight', 'Supply', 'Cargo', 'Distribution'])[1 + (m / 10) % 7]
    || ' ' || lpad(m::text, 5, '0') || ' Inc.',
  null, 'US', 'Laredo', array['importer'], now(), now()
from generate_series(0, ${VALIDATED_MEMBER_COUNT + NEW_MEMBER_COUNT - 1}) as m;

insert into users (id, email, display_name, password_hash, created_at, updated_at)
select ${memberUserSql('u')}, 'user-' || u || '@member.example.com', 'Member user ' || u, null, now(), now()
from generate_series(0, ${(VALIDATED_MEMBER_COUNT + NEW_MEMBER_COUNT) * USERS_PER_MEMBER - 1}) as u;

insert into memberships (organisation_id, user_id, role, created_at)
select ${memberSql(`u / ${USERS_PER_MEMBER}`)}, ${memberUserSql('u')},
  (array['company_officer', 'company_admin', 'contributor'])[1 + u % ${USERS_PER_MEMBER}], now()
from generate_series(0, ${(VALIDATED_MEMBER_COUNT + NEW_MEMBER_COUNT) * USERS_PER_MEMBER - 1}) as u;
`;

/** The validations (see the file comment for the mix), computed from i in SQL. */
const VALIDATIONS = `
with base as (
  select i,
    i % ${VALIDATED_MEMBER_COUNT} as m,
    i / ${VALIDATED_MEMBER_COUNT} as k,
    make_date(extract(year from current_date)::int - 19, 1, 1) + (i::bigint * 7305 / ${VALIDATION_COUNT})::int as due_on,
    ((i::bigint * 7919) % 10007) / 10007.0 as r1,
    ((i::bigint * 104729) % 9973) / 9973.0 as r2,
    ((i::bigint * 15485863) % 10009) / 10009.0 as r3
  from generate_series(0, ${VALIDATION_COUNT - 1}) as i
), stated as (
  select *, current_date - due_on as age,
    case
      when current_date - due_on > 240 then case when r1 < 0.03 then 'cancelled' else 'closed' end
      when current_date - due_on > 120 then case when r1 < 0.5 then 'closed' else 'report_issued' end
      when current_date - due_on > 45 then
        case when r1 < 0.3 then 'report_issued' when r1 < 0.7 then 'report_submitted' else 'fieldwork' end
      when current_date - due_on > 0 then case when r1 < 0.4 then 'fieldwork' else 'scheduled' end
      else case when r1 < 0.3 then 'scheduled' else 'planned' end
    end as status
  from base
), dated as (
  select *,
    case when status not in ('planned', 'cancelled') then due_on - 20 + (r2 * 30)::int end as starts_on,
    case when status in ('report_submitted', 'report_issued', 'closed') then
      case when r3 < 0.75 then 'meets' when r3 < 0.97 then 'exceeds' else 'suspension' end
    end as recommended
  from stated
), reported as (
  select *,
    case when status in ('report_issued', 'closed') then
      least(current_date, starts_on + 35 + (m % ${OFFICE_COUNT}) * 3 + (r3 * 20)::int)
    end as issued_on
  from dated
)
insert into validations (
  id, organisation_id, kind, mode, status, office_id, specialist_user_id, plan_year, due_on, reason,
  notice_sent_on, starts_on, ends_on, notice_override_reason, report_summary, recommended_outcome,
  report_author_user_id, report_submitted_at, report_approved_by_user_id, report_issued_on,
  responses_due_on, outcome, closed_on, next_revalidation_due_on, created_by_user_id, version,
  created_at, updated_at)
select
  ${uuidSql("'bench:validation:' || i")},
  ${memberSql('m')},
  case when k = 0 then 'initial' when r3 < 0.02 then 'for_cause' else 'revalidation' end,
  case when r2 < 0.15 then 'virtual' else 'in_person' end,
  status,
  ${officeSql(memberOffice('m'))},
  case when status = 'planned' and r2 < 0.1 then null else ${specialistSql(memberSpecialist('m'))} end,
  extract(year from due_on)::int,
  due_on,
  case when k > 0 and r3 < 0.02 then 'Information received about a security breach at a site.'
    when status = 'cancelled' then 'The member asked to postpone; planned again next year.' end,
  starts_on - 45,
  starts_on,
  starts_on + 2,
  null,
  case when recommended is not null then 'The member meets the minimum security criteria; see the findings.' end,
  recommended,
  case when recommended is not null then ${specialistSql(memberSpecialist('m'))} end,
  case when recommended is not null then (starts_on + 20) + time '15:00' end,
  case when issued_on is not null then ${supervisorSql(memberOffice('m'))} end,
  issued_on,
  issued_on + 90,
  case when status = 'closed' then recommended end,
  case when status = 'closed' then least(current_date, issued_on + 60) end,
  case when status = 'closed' then (least(current_date, issued_on + 60) + interval '4 years')::date end,
  ${supervisorSql(memberOffice('m'))},
  1,
  (due_on - 200) + time '09:00',
  coalesce(issued_on, due_on - 200) + time '09:00'
from reported`;

/**
 * Memberships from the validations: validated on the first closed validation, last validated on
 * the latest; 1 % suspended, 20 % Tier III. The 600 new members are certified (Tier I) within
 * the last two years, never validated.
 */
const MEMBERSHIPS = `
with history as (
  select organisation_id, min(closed_on) as first_closed, max(closed_on) as last_closed, min(due_on) as first_due
  from validations group by organisation_id
), validated as (
  select m, ${memberSql('m')} as id,
    case when m % 100 = 0 then 'suspended' when m % 5 = 0 then 'validated_exceeds' else 'validated' end as status
  from generate_series(0, ${VALIDATED_MEMBER_COUNT - 1}) as m
)
insert into partner_memberships (
  organisation_id, status, review_step, status_since, held_status, tier, assigned_specialist_user_id,
  cbp_office_id, application_submitted_on, certified_on, validated_on, last_validated_on,
  created_at, updated_at)
select v.id, v.status, null, coalesce(h.last_closed, h.first_due),
  case when v.status = 'suspended' then 'validated' end,
  case v.status when 'validated' then 'II' when 'validated_exceeds' then 'III' end,
  ${specialistSql(memberSpecialist('v.m'))}, ${officeSql(memberOffice('v.m'))},
  h.first_due - 500, h.first_due - 365, h.first_closed, h.last_closed, now(), now()
from validated v join history h on h.organisation_id = v.id
union all
select ${memberSql('m')}, 'certified', null, current_date - 730 + (m - ${VALIDATED_MEMBER_COUNT}) * 730 / ${NEW_MEMBER_COUNT},
  null, 'I', ${specialistSql(memberSpecialist('m'))}, ${officeSql(memberOffice('m'))},
  current_date - 900 + (m - ${VALIDATED_MEMBER_COUNT}) * 730 / ${NEW_MEMBER_COUNT},
  current_date - 730 + (m - ${VALIDATED_MEMBER_COUNT}) * 730 / ${NEW_MEMBER_COUNT}, null, null, now(), now()
from generate_series(${VALIDATED_MEMBER_COUNT}, ${VALIDATED_MEMBER_COUNT + NEW_MEMBER_COUNT - 1}) as m;

insert into partner_entity_types (organisation_id, entity_type, identifiers, eligibility, created_at)
select organisation_id, 'importer', '[]'::jsonb, '{}'::jsonb, now() from partner_memberships;
`;

/**
 * Findings for reported and closed validations (95 criteria) and fieldwork (50), rated by a hash
 * of (validation, criterion); the required-action share differs by office (3 %–6 %).
 */
const FINDINGS = `
with crit as (
  select c.criterion_id, row_number() over (order by c.criterion_id) as n
  from catalog_criteria c join criteria_catalog_versions cv on cv.id = c.version_id
  where cv.status = 'published'
), rated as (
  select v.id as validation_id, c.criterion_id, v.specialist_user_id,
    abs(hashtext(v.id::text || c.criterion_id)) % 1000 as x,
    30 + abs(hashtext(v.office_id::text)) % 30 as ra,
    coalesce(v.report_submitted_at, v.starts_on + time '12:00') as at,
    v.starts_on, c.n
  from validations v
  join crit c on c.n <= case when v.status = 'fieldwork' then 50 else ${FINDINGS_PER_VALIDATION} end
  where v.status in ('closed', 'report_issued', 'report_submitted', 'fieldwork')
)
insert into validation_findings (id, validation_id, criterion_id, site_id, rating, notes,
  evidence_seen, evidence_ids, recorded_by_user_id, version, recorded_at, updated_at)
select ${sequentialUuidSql('row_number() over (order by starts_on, n, validation_id)', 'f1d000000001')}, validation_id, criterion_id, null,
  case when x < ra then 'required_action' when x < ra + 60 then 'recommendation'
    when x < ra + 80 then 'best_practice' else 'compliant' end,
  case when x < ra + 80 then 'Seen at the main site; see the evidence.' else '' end,
  '', '[]'::jsonb, specialist_user_id, 1, at, at
from rated
-- In the order fieldwork records them: the validations of a day interleaved, criterion by
-- criterion, so each validation's findings spread over some pages, as in production.
order by starts_on, n, validation_id`;

const RESPONSES = `
insert into validation_responses (id, finding_id, validation_id, organisation_id, corrective_plan,
  target_on, evidence_ids, submitted_by_user_id, submitted_at, decision, decision_note,
  decided_by_user_id, decided_at)
select ${sequentialUuidSql('row_number() over ()', 'f1d000000002')}, f.id, v.id, v.organisation_id,
  'Procedure updated and staff trained; records attached.', v.report_issued_on + 60, '[]'::jsonb, null,
  (v.report_issued_on + 30) + time '10:00',
  case when v.status = 'closed' then 'accepted' end, null,
  case when v.status = 'closed' then v.specialist_user_id end,
  case when v.status = 'closed' then (v.report_issued_on + 40) + time '10:00' end
from validation_findings f join validations v on v.id = f.validation_id
where f.rating = 'required_action'
  and (v.status = 'closed'
    or (v.status = 'report_issued'
      and (abs(hashtext(v.id::text)) % 10 < 8 or abs(hashtext(f.criterion_id)) % 2 = 0)))`;

const HOURS = `
insert into validation_hours (id, validation_id, user_id, activity, worked_on, minutes, note, recorded_at)
select ${sequentialUuidSql('row_number() over (order by v.starts_on - 30 + n * 5, v.id)', 'f1d000000003')}, v.id, v.specialist_user_id,
  (array['planning', 'document_review', 'site_visit', 'travel', 'report_writing', 'follow_up'])[1 + n % 6],
  v.starts_on - 30 + n * 5,
  30 + abs(hashtext(v.id::text || n::text)) % 420 + abs(hashtext(v.office_id::text)) % 90,
  '', (v.starts_on - 30 + n * 5) + time '17:00'
from validations v cross join generate_series(1, ${HOURS_PER_VALIDATION}) as n
where v.status not in ('planned', 'cancelled') and v.specialist_user_id is not null
order by v.starts_on - 30 + n * 5, v.id`;

/** The statements of a script (none of them holds a semicolon of its own). */
function statementsOf(script: string): string[] {
  return script
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

const LARGE_TABLES = ['validation_findings', 'validation_responses', 'validation_hours'];

const RebuildRowsSchema = z.object({
  rows: z.array(z.object({ drop: z.string(), create: z.string() })),
});

/**
 * The secondary indexes and unique constraints of the large tables (not their primary keys),
 * as statements that drop and re-create them from their own definitions.
 */
async function secondaryIndexes(tx: Db) {
  const tables = LARGE_TABLES.map((table) => `'${table}'`).join(', ');
  return RebuildRowsSchema.parse(
    await tx.execute(
      sql.raw(`select format('alter table %I drop constraint %I', t.relname, c.conname) as drop,
          format('alter table %I add constraint %I %s', t.relname, c.conname, pg_get_constraintdef(c.oid)) as create
        from pg_constraint c join pg_class t on t.oid = c.conrelid
        where t.relname in (${tables}) and c.contype = 'u'
        union all
        select format('drop index %I', i.relname), pg_get_indexdef(i.oid)
        from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        where t.relname in (${tables}) and not x.indisprimary
          and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`),
    ),
  ).rows;
}

export interface ValidationSeedSummary {
  validations: number;
  open: number;
  findings: number;
  responses: number;
  hours: number;
  members: number;
  steps: string[];
  seconds: number;
}

/** The supervisory specialist's and the member administrator's session tokens (this run's). */
export const MEMBER_SESSION_TOKEN = randomBytes(32).toString('base64url');
export const MEMBER_AUTH_HEADERS: Readonly<Record<string, string>> = {
  cookie: `__Host-ctpat_session=${MEMBER_SESSION_TOKEN}; ctpat_session=${MEMBER_SESSION_TOKEN}`,
};
/** The member whose own list is measured: five validations, the latest open or recent. */
export const BENCH_MEMBER_ID = memberId(4_321);

/**
 * Signs in a supervisory specialist of office 0 (BENCH_SESSION_TOKEN: every CBP list, the due
 * list, workload, metrics and the member queue) and an administrator of BENCH_MEMBER_ID
 * (MEMBER_SESSION_TOKEN).
 */
export async function signInValidationBenchUsers(db: Db): Promise<void> {
  const now = new Date();
  await createBenchSpecialistSession(db, officeId(0), BENCH_SESSION_TOKEN, now, 'supervisory_scss');
  await createBenchSpecialistSession(
    db,
    BENCH_MEMBER_ID,
    MEMBER_SESSION_TOKEN,
    now,
    'company_admin',
  );
}

const CountsSchema = z.object({
  rows: z.array(
    z.object({
      validations: z.coerce.number(),
      open: z.coerce.number(),
      findings: z.coerce.number(),
      responses: z.coerce.number(),
      hours: z.coerce.number(),
      members: z.coerce.number(),
    }),
  ),
});

/** What the seeded set holds (also how a reused set is recognised). */
export async function countSeededValidations(db: Db) {
  const row = CountsSchema.parse(
    await db.execute(
      sql.raw(`select (select count(*) from validations) as validations,
        (select count(*) from validations where status in ('planned', 'scheduled', 'fieldwork', 'report_submitted', 'report_issued')) as open,
        (select reltuples::bigint from pg_class where relname = 'validation_findings') as findings,
        (select count(*) from validation_responses) as responses,
        (select count(*) from validation_hours) as hours,
        (select count(*) from partner_memberships) as members`),
    ),
  ).rows[0];
  if (!row) throw new Error('no counts');
  return row;
}

/** Seeds the validations at issue-6 scale, signs in the benchmark users, VACUUM ANALYZE. */
export async function seedValidationScale(db: Db): Promise<ValidationSeedSummary> {
  const started = performance.now();
  const steps: string[] = [];
  let last = started;
  const step = (name: string) => {
    const now = performance.now();
    steps.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
  await db.transaction(async (tx) => {
    const indexes = await secondaryIndexes(tx);
    for (const index of indexes) {
      await tx.execute(sql.raw(index.drop));
    }
    await tx.execute(sql.raw('set local session_replication_role = replica'));
    await tx.execute(sql.raw('set local synchronous_commit = off'));
    await tx.execute(sql.raw(`set local maintenance_work_mem = '512MB'`));
    await tx.execute(sql.raw(`set local work_mem = '64MB'`));
    for (const statement of [...statementsOf(PEOPLE), VALIDATIONS, ...statementsOf(MEMBERSHIPS)]) {
      await tx.execute(sql.raw(statement));
    }
    step('members and validations');
    await tx.execute(sql.raw(FINDINGS));
    step('findings');
    await tx.execute(sql.raw(RESPONSES));
    step('responses');
    await tx.execute(sql.raw(HOURS));
    step('hours');
    for (const index of indexes) {
      await tx.execute(sql.raw(index.create));
    }
    step('indexes');
  });
  await signInValidationBenchUsers(db);
  for (const table of [
    'organisations',
    'partner_memberships',
    'partner_entity_types',
    'users',
    'memberships',
    'validations',
    ...LARGE_TABLES,
  ]) {
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  }
  step('vacuum analyze');
  const counts = await countSeededValidations(db);
  return {
    ...counts,
    steps,
    seconds: (performance.now() - started) / 1000,
  };
}
