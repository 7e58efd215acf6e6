import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import type {
  MembershipStatus,
  ReviewStep,
} from '../../../domain/registry/lifecycle/membership-states.ts';
import type { MemberSort } from '../../../domain/registry/member-queue.schema.ts';
import type { StoredIdentifier } from '../../../domain/registry/registry.schema.ts';
import type { Db } from '../../db/database.ts';
// The CBP member list filters and sorts by the company's legal name, which only a join serves
// at 100,000 members (issue 4, item 10; docs/decisions/0018). A read-only join; organisations
// stay written by their own module.
// biome-ignore lint/style/noRestrictedImports: read-only join for the member list, see above.
import { organisations } from '../organisations/organisations.tables.ts';
import { partnerEntityTypes, partnerMemberships } from './registry.tables.ts';

/**
 * The CBP member search (issue 4, items 7 and 10): every company's membership, filtered and
 * sorted, keyset-paged. Which index finds the rows depends on the filters:
 *
 * - A selective filter picks the matching companies first, and only they are sorted: part of
 *   the name (organisations_legal_name_trgm_idx), an identifier (the GIN jsonb_path_ops index
 *   on partner_entity_types.identifiers, by containment), a specialist
 *   (partner_memberships_specialist_idx).
 * - Otherwise the sort's own index is walked in order and the other filters are checked row by
 *   row: organisations_name_idx (name), and for the date orders an index on
 *   partner_memberships (date, organisation_id). State, tier and review step narrow by
 *   partner_memberships_status_idx when the planner finds that cheaper.
 */

const pm = partnerMemberships;
const pet = partnerEntityTypes;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** An identifier to find by containment: a kind and canonical value, or a value of any kind. */
export interface IdentifierProbe {
  kind?: string;
  value: string;
}

export interface MemberSearch {
  /** Any of these statuses; an empty list matches nothing (e.g. tier II with state=applicant). */
  statuses?: readonly MembershipStatus[] | undefined;
  reviewStep?: ReviewStep | undefined;
  entityType?: EntityType | undefined;
  nameContains?: string | undefined;
  /** Any of these identifiers (at least one). */
  identifiers?: readonly IdentifierProbe[] | undefined;
  assignedSpecialistUserId?: string | undefined;
  unassigned?: boolean | undefined;
  cbpOfficeId?: string | undefined;
  /**
   * Only these companies (the few a filter resolved elsewhere, e.g. members at suspension risk
   * from the validations module): selective, found by primary key. Empty matches nothing.
   */
  organisationIds?: readonly string[] | undefined;
}

/** The last row of a page, in the sort's terms: where the next page starts. */
export type MemberSortKey =
  | { sort: 'name'; legalName: string; organisationId: string }
  | { sort: 'submitted'; submittedOn: string | null; organisationId: string }
  | { sort: 'status_since'; statusSince: string; organisationId: string };

export interface MemberListRow {
  organisationId: string;
  legalName: string;
  countryCode: string;
  status: MembershipStatus;
  statusSince: string;
  reviewStep: ReviewStep | null;
  heldStatus: (typeof pm.$inferSelect)['heldStatus'];
  suspensionResponseReceivedOn: string | null;
  removalCause: (typeof pm.$inferSelect)['removalCause'];
  tier: 'I' | 'II' | 'III' | null;
  assignedSpecialistUserId: string | null;
  cbpOfficeId: string | null;
  applicationSubmittedOn: string | null;
  certifiedOn: string | null;
  validatedOn: string | null;
  lastValidatedOn: string | null;
  entityTypes: EntityType[];
}

export function sortKeyOf(sort: MemberSort, row: MemberListRow): MemberSortKey {
  switch (sort) {
    case 'name':
      return { sort, legalName: row.legalName, organisationId: row.organisationId };
    case 'submitted':
      return { sort, submittedOn: row.applicationSubmittedOn, organisationId: row.organisationId };
    case 'status_since':
      return { sort, statusSince: row.statusSince, organisationId: row.organisationId };
  }
}

const membershipColumns = {
  organisationId: pm.organisationId,
  status: pm.status,
  statusSince: pm.statusSince,
  reviewStep: pm.reviewStep,
  heldStatus: pm.heldStatus,
  suspensionResponseReceivedOn: pm.suspensionResponseReceivedOn,
  removalCause: pm.removalCause,
  tier: pm.tier,
  assignedSpecialistUserId: pm.assignedSpecialistUserId,
  cbpOfficeId: pm.cbpOfficeId,
  applicationSubmittedOn: pm.applicationSubmittedOn,
  certifiedOn: pm.certifiedOn,
  validatedOn: pm.validatedOn,
  lastValidatedOn: pm.lastValidatedOn,
};

/** The filters on the membership row itself, checked row by row (or by the status index). */
function membershipConditions(search: MemberSearch): SQL | undefined {
  const { statuses, entityType } = search;
  return and(
    statuses === undefined
      ? undefined
      : statuses.length === 0
        ? sql`false`
        : inArray(pm.status, [...statuses]),
    search.reviewStep ? eq(pm.reviewStep, search.reviewStep) : undefined,
    search.assignedSpecialistUserId
      ? eq(pm.assignedSpecialistUserId, search.assignedSpecialistUserId)
      : undefined,
    search.unassigned ? isNull(pm.assignedSpecialistUserId) : undefined,
    search.cbpOfficeId ? eq(pm.cbpOfficeId, search.cbpOfficeId) : undefined,
    // The entity types' primary key (organisation_id, entity_type) answers this per row.
    entityType
      ? sql`exists (select 1 from ${pet} where ${pet.organisationId} = ${pm.organisationId} and ${pet.entityType} = ${entityType})`
      : undefined,
  );
}

/** `identifiers @> '[{"kind":…,"value":…}]'`: served by the GIN jsonb_path_ops index. */
function identifierContainment(probe: IdentifierProbe): SQL {
  const element: Partial<StoredIdentifier> =
    probe.kind === undefined
      ? { value: probe.value }
      : { kind: probe.kind as StoredIdentifier['kind'], value: probe.value };
  return sql`${pet.identifiers} @> ${JSON.stringify([element])}::jsonb`;
}

/**
 * The selective filters on organisations: each one's own index finds its few companies before
 * anything is sorted. (The specialist, selective too, is on the memberships: pageFromMemberships.)
 */
function selectiveConditions(search: MemberSearch): SQL[] {
  const conditions: SQL[] = [];
  if (search.nameContains) {
    conditions.push(ilike(organisations.legalName, `%${escapeLike(search.nameContains)}%`));
  }
  if (search.organisationIds !== undefined) {
    conditions.push(
      search.organisationIds.length === 0
        ? sql`false`
        : inArray(organisations.id, [...search.organisationIds]),
    );
  }
  if (search.identifiers && search.identifiers.length > 0) {
    conditions.push(
      sql`${organisations.id} in (select ${pet.organisationId} from ${pet} where ${or(...search.identifiers.map(identifierContainment))})`,
    );
  }
  return conditions;
}

interface SortColumns {
  legalName: SQL.Aliased | SQL | { getSQL(): SQL };
  organisationId: { getSQL(): SQL };
  submittedOn: { getSQL(): SQL };
  statusSince: { getSQL(): SQL };
}

/** Where a sort's page starts: after the key (all of these orders are ascending). */
function keysetAfter(columns: SortColumns, after: MemberSortKey | undefined): SQL | undefined {
  if (!after) {
    return undefined;
  }
  switch (after.sort) {
    case 'name':
      return sql`(${columns.legalName}, ${columns.organisationId}) > (${after.legalName}, ${after.organisationId})`;
    case 'status_since':
      return sql`(${columns.statusSince}, ${columns.organisationId}) > (${after.statusSince}::date, ${after.organisationId})`;
    case 'submitted':
      // Dated rows come first; the undated tail is ordered by id alone (see findMembers).
      return after.submittedOn === null
        ? sql`${columns.organisationId} > ${after.organisationId}`
        : sql`(${columns.submittedOn}, ${columns.organisationId}) > (${after.submittedOn}::date, ${after.organisationId})`;
  }
}

function orderOf(sort: MemberSort, columns: SortColumns, undated: boolean) {
  switch (sort) {
    case 'name':
      return [asc(sql`${columns.legalName}`), asc(sql`${columns.organisationId}`)];
    case 'status_since':
      return [asc(sql`${columns.statusSince}`), asc(sql`${columns.organisationId}`)];
    case 'submitted':
      return undated
        ? [asc(sql`${columns.organisationId}`)]
        : [asc(sql`${columns.submittedOn}`), asc(sql`${columns.organisationId}`)];
  }
}

interface PageRequest {
  sort: MemberSort;
  after: MemberSortKey | undefined;
  /** Sort `submitted` only: the dated rows (false) or the undated tail (true). */
  undated: boolean;
  limit: number;
}

function entityTypesOf(organisationId: { getSQL(): SQL }) {
  return sql<
    EntityType[] | null
  >`(select array_agg(${pet.entityType} order by ${pet.entityType}) from ${pet} where ${pet.organisationId} = ${organisationId})`;
}

function submittedPresence(page: PageRequest, column: Parameters<typeof isNull>[0]) {
  if (page.sort !== 'submitted') {
    return undefined;
  }
  return page.undated ? isNull(column) : isNotNull(column);
}

/**
 * Companies first (by name, or the few a selective filter picks), each company's membership
 * looked up by primary key (LATERAL).
 */
async function pageFromOrganisations(
  db: Db,
  search: MemberSearch,
  selective: SQL[],
  page: PageRequest,
): Promise<MemberListRow[]> {
  const names = db
    .select({
      id: organisations.id,
      legalName: organisations.legalName,
      countryCode: organisations.countryCode,
    })
    .from(organisations)
    .where(and(...selective));
  // With a selective filter, a LIMIT keeps PostgreSQL from flattening this subquery (Drizzle
  // drops an OFFSET 0, the usual barrier): the filter's index then finds the matches first and
  // only they are sorted. Flattened, the planner walks the name index and filters row by row,
  // which for a common word ("Harbor") reads a third of 100,000 names before it fills a page
  // (bench row 6). The limit is never reached; without a filter the subquery stays flattenable.
  const org = (selective.length > 0 ? names.limit(Number.MAX_SAFE_INTEGER) : names).as('org');
  // The membership of each organisation, looked up per organisation (LATERAL): a nested loop
  // of primary-key lookups, instead of hashing all 100,000 memberships to join a few thousand
  // matches. The LIMIT also keeps PostgreSQL from turning the lookup back into a hash join.
  const membership = db
    .select(membershipColumns)
    .from(pm)
    .where(
      and(
        eq(pm.organisationId, org.id),
        membershipConditions(search),
        submittedPresence(page, pm.applicationSubmittedOn),
      ),
    )
    .limit(1)
    .as('membership');
  const columns: SortColumns = {
    legalName: org.legalName,
    organisationId: org.id,
    submittedOn: membership.applicationSubmittedOn,
    statusSince: membership.statusSince,
  };
  const rows = await db
    .select({
      ...membership._.selectedFields,
      legalName: org.legalName,
      countryCode: org.countryCode,
      entityTypes: entityTypesOf(membership.organisationId),
    })
    .from(org)
    .innerJoinLateral(membership, sql`true`)
    .where(keysetAfter(columns, page.after))
    .orderBy(...orderOf(page.sort, columns, page.undated))
    .limit(page.limit);
  return rows.map((row) => ({ ...row, entityTypes: row.entityTypes ?? [] }));
}

/**
 * Memberships first, then each one's company looked up by primary key (LATERAL). In a date
 * order the memberships are ordered and cut to the page first (the date index walked, or one
 * top-N sort of the memberships alone); by name, the memberships a specialist holds (its index)
 * are all looked up and sorted by name, a few thousand at most.
 */
async function pageFromMemberships(
  db: Db,
  search: MemberSearch,
  page: PageRequest,
): Promise<MemberListRow[]> {
  const ownColumns: SortColumns = {
    legalName: sql`null`,
    organisationId: pm.organisationId,
    submittedOn: pm.applicationSubmittedOn,
    statusSince: pm.statusSince,
  };
  const byName = page.sort === 'name';
  const matching = db
    .select(membershipColumns)
    .from(pm)
    .where(
      and(
        membershipConditions(search),
        submittedPresence(page, pm.applicationSubmittedOn),
        byName ? undefined : keysetAfter(ownColumns, page.after),
      ),
    );
  const ordered = (
    byName
      ? matching
      : matching.orderBy(...orderOf(page.sort, ownColumns, page.undated)).limit(page.limit)
  ).as('m');
  const org = db
    .select({ legalName: organisations.legalName, countryCode: organisations.countryCode })
    .from(organisations)
    .where(eq(organisations.id, ordered.organisationId))
    .limit(1)
    .as('org');
  const columns: SortColumns = {
    legalName: org.legalName,
    organisationId: ordered.organisationId,
    submittedOn: ordered.applicationSubmittedOn,
    statusSince: ordered.statusSince,
  };
  const rows = await db
    .select({
      ...ordered._.selectedFields,
      legalName: org.legalName,
      countryCode: org.countryCode,
      entityTypes: entityTypesOf(ordered.organisationId),
    })
    .from(ordered)
    .innerJoinLateral(org, sql`true`)
    .where(byName ? keysetAfter(columns, page.after) : undefined)
    .orderBy(...orderOf(page.sort, columns, page.undated))
    .limit(page.limit);
  return rows.map((row) => ({ ...row, entityTypes: row.entityTypes ?? [] }));
}

/** Which index finds a page's rows: see the comment at the top of this file. */
function onePage(db: Db, search: MemberSearch, page: PageRequest): Promise<MemberListRow[]> {
  const selective = selectiveConditions(search);
  if (selective.length > 0) {
    return pageFromOrganisations(db, search, selective, page);
  }
  if (page.sort !== 'name' || search.assignedSpecialistUserId) {
    return pageFromMemberships(db, search, page);
  }
  return pageFromOrganisations(db, search, [], page);
}

/**
 * Every company's membership (an agency-wide read: the caller holds `registry:read:any`),
 * filtered, in the sort's order, `limit` rows after `after`. Sorted by submission date, the
 * companies that have not submitted follow the others (by id): two index ranges read one after
 * the other, rather than one ordering with NULLS LAST that no keyset condition can start inside.
 */
export async function findMembers(
  db: Db,
  search: MemberSearch,
  sort: MemberSort,
  after: MemberSortKey | undefined,
  limit: number,
): Promise<MemberListRow[]> {
  if (after !== undefined && after.sort !== sort) {
    throw new Error(`a ${after.sort} cursor cannot continue a ${sort} list`);
  }
  if (sort !== 'submitted') {
    return onePage(db, search, { sort, after, undated: false, limit });
  }
  const inUndatedTail = after?.sort === 'submitted' && after.submittedOn === null;
  const dated = inUndatedTail
    ? []
    : await onePage(db, search, { sort, after, undated: false, limit });
  if (dated.length >= limit) {
    return dated;
  }
  const undated = await onePage(db, search, {
    sort,
    after: inUndatedTail ? after : undefined,
    undated: true,
    limit: limit - dated.length,
  });
  return [...dated, ...undated];
}

/** The identifiers of each company (export), by company. */
export async function findIdentifiersOf(
  db: Db,
  organisationIds: readonly string[],
): Promise<Map<string, StoredIdentifier[]>> {
  const byOrganisation = new Map<string, StoredIdentifier[]>();
  if (organisationIds.length === 0) {
    return byOrganisation;
  }
  const rows = await db
    .select({ organisationId: pet.organisationId, identifiers: pet.identifiers })
    .from(pet)
    .where(inArray(pet.organisationId, [...organisationIds]))
    .orderBy(asc(pet.organisationId), asc(pet.entityType));
  for (const row of rows) {
    byOrganisation.set(row.organisationId, [
      ...(byOrganisation.get(row.organisationId) ?? []),
      ...row.identifiers,
    ]);
  }
  return byOrganisation;
}

/** How many companies match, counting at most `cap` (the export says when it stopped). */
export async function countMembers(db: Db, search: MemberSearch, cap: number): Promise<number> {
  const selective = selectiveConditions(search);
  const matching = db
    .select({ one: sql`1` })
    .from(pm)
    .where(
      and(
        membershipConditions(search),
        selective.length > 0
          ? sql`${pm.organisationId} in (select ${organisations.id} from ${organisations} where ${and(...selective)})`
          : undefined,
      ),
    )
    .limit(cap)
    .as('matching');
  const rows = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
  return rows[0]?.count ?? 0;
}
