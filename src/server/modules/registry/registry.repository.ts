import { and, asc, desc, eq, ilike, notInArray, sql } from 'drizzle-orm';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import { TERMINAL_STATUSES } from '../../../domain/registry/lifecycle/membership-states.ts';
import type { StoredIdentifier } from '../../../domain/registry/registry.schema.ts';
import type { Db } from '../../db/database.ts';
// The CBP member list filters and sorts by the company's legal name, which only a join serves
// at 100,000 members (issue 4, item 10). A read-only join; organisations stay written by their
// own module.
// biome-ignore lint/style/noRestrictedImports: read-only join for the member list, see above.
import { organisations } from '../organisations/organisations.tables.ts';
import { partnerEntityTypes, partnerMemberships, partnerStatusHistory } from './registry.tables.ts';

export type MembershipRow = typeof partnerMemberships.$inferSelect;
export type NewMembershipRow = typeof partnerMemberships.$inferInsert;
export type EntityTypeRow = typeof partnerEntityTypes.$inferSelect;
export type StatusHistoryRow = typeof partnerStatusHistory.$inferSelect;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Serialises draft saves and submissions that claim identifiers, so two companies cannot claim
 * the same identifier at the same moment (the duplicate check reads, then writes).
 */
export async function lockIdentifierClaims(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('registry:identifier-claims'))`);
}

export async function findMembership(
  db: Db,
  organisationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MembershipRow | null> {
  const query = db
    .select()
    .from(partnerMemberships)
    .where(eq(partnerMemberships.organisationId, organisationId))
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insertMembership(tx: Db, row: NewMembershipRow): Promise<void> {
  await tx.insert(partnerMemberships).values(row);
}

export async function updateMembership(
  tx: Db,
  organisationId: string,
  changes: Partial<Omit<NewMembershipRow, 'organisationId' | 'createdAt'>>,
): Promise<void> {
  await tx
    .update(partnerMemberships)
    .set(changes)
    .where(eq(partnerMemberships.organisationId, organisationId));
}

export async function findEntityTypes(db: Db, organisationId: string): Promise<EntityTypeRow[]> {
  return db
    .select()
    .from(partnerEntityTypes)
    .where(eq(partnerEntityTypes.organisationId, organisationId))
    .orderBy(asc(partnerEntityTypes.entityType));
}

export async function replaceEntityTypes(
  tx: Db,
  organisationId: string,
  entries: readonly {
    entityType: EntityType;
    identifiers: StoredIdentifier[];
    eligibility: Record<string, boolean>;
  }[],
  at: Date,
): Promise<void> {
  await tx.delete(partnerEntityTypes).where(eq(partnerEntityTypes.organisationId, organisationId));
  if (entries.length > 0) {
    await tx
      .insert(partnerEntityTypes)
      .values(entries.map((entry) => ({ organisationId, ...entry, createdAt: at })));
  }
}

/**
 * Whether another company holds this identifier in an application that is not over (any status
 * but removed, withdrawn or rejected). Only whether: which company is not the caller's business.
 */
export async function identifierClaimedElsewhere(
  db: Db,
  organisationId: string,
  identifier: { kind: string; value: string },
): Promise<boolean> {
  const probe = JSON.stringify([{ kind: identifier.kind, value: identifier.value }]);
  const rows = await db
    .select({ organisationId: partnerEntityTypes.organisationId })
    .from(partnerEntityTypes)
    .innerJoin(
      partnerMemberships,
      eq(partnerMemberships.organisationId, partnerEntityTypes.organisationId),
    )
    .where(
      and(
        sql`${partnerEntityTypes.identifiers} @> ${probe}::jsonb`,
        sql`${partnerEntityTypes.organisationId} <> ${organisationId}`,
        notInArray(partnerMemberships.status, [...TERMINAL_STATUSES]),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function findStatusHistory(
  db: Db,
  organisationId: string,
): Promise<StatusHistoryRow[]> {
  return db
    .select()
    .from(partnerStatusHistory)
    .where(eq(partnerStatusHistory.organisationId, organisationId))
    .orderBy(asc(partnerStatusHistory.seq));
}

/** Appends a history row with the next `seq`; call with the membership row locked. */
export async function appendStatusHistory(
  tx: Db,
  row: Omit<typeof partnerStatusHistory.$inferInsert, 'seq'>,
): Promise<void> {
  const last = await tx
    .select({ seq: partnerStatusHistory.seq })
    .from(partnerStatusHistory)
    .where(eq(partnerStatusHistory.organisationId, row.organisationId))
    .orderBy(desc(partnerStatusHistory.seq))
    .limit(1);
  await tx.insert(partnerStatusHistory).values({ ...row, seq: (last[0]?.seq ?? 0) + 1 });
}

export interface MemberKey {
  legalName: string;
  organisationId: string;
}

export interface MemberFilter {
  status?: string | undefined;
  entityType?: EntityType | undefined;
  nameContains?: string | undefined;
  after?: MemberKey | undefined;
  limit: number;
}

export interface MemberListRow {
  organisationId: string;
  legalName: string;
  countryCode: string;
  status: MembershipRow['status'];
  reviewStep: MembershipRow['reviewStep'];
  tier: MembershipRow['tier'];
  assignedSpecialistUserId: string | null;
  applicationSubmittedOn: string | null;
  certifiedOn: string | null;
  entityTypes: EntityType[];
}

/**
 * Every company's membership (an agency-wide read: the caller holds `registry:read:any`), by
 * legal name then id, with keyset paging.
 */
export async function findMembers(db: Db, filter: MemberFilter): Promise<MemberListRow[]> {
  const names = db
    .select({
      id: organisations.id,
      legalName: organisations.legalName,
      countryCode: organisations.countryCode,
    })
    .from(organisations)
    .where(
      filter.nameContains
        ? ilike(organisations.legalName, `%${escapeLike(filter.nameContains)}%`)
        : undefined,
    );
  // With a name filter, a LIMIT keeps PostgreSQL from flattening this subquery (Drizzle drops an
  // OFFSET 0, the usual barrier): the trigram index then finds the matches first and only they
  // are sorted. Flattened, the planner walks the name index and filters row by row, which for a
  // common word ("Harbor") reads a third of 100,000 names before it fills a page (bench row 6).
  // The limit is never reached; without a filter the subquery stays flattenable.
  const org = (filter.nameContains ? names.limit(Number.MAX_SAFE_INTEGER) : names).as('org');
  // The membership of each organisation, looked up per organisation (LATERAL): a nested loop
  // of primary-key lookups in name order, instead of hashing all 100,000 memberships to join a
  // few thousand name matches.
  const statusFilter = filter.status;
  const entityTypeFilter = filter.entityType;
  const membership = db
    .select({
      organisationId: partnerMemberships.organisationId,
      status: partnerMemberships.status,
      reviewStep: partnerMemberships.reviewStep,
      tier: partnerMemberships.tier,
      assignedSpecialistUserId: partnerMemberships.assignedSpecialistUserId,
      applicationSubmittedOn: partnerMemberships.applicationSubmittedOn,
      certifiedOn: partnerMemberships.certifiedOn,
    })
    .from(partnerMemberships)
    .where(
      and(
        eq(partnerMemberships.organisationId, org.id),
        statusFilter ? sql`${partnerMemberships.status} = ${statusFilter}` : undefined,
        entityTypeFilter
          ? sql`exists (select 1 from ${partnerEntityTypes} where ${partnerEntityTypes.organisationId} = ${partnerMemberships.organisationId} and ${partnerEntityTypes.entityType} = ${entityTypeFilter})`
          : undefined,
      ),
    )
    // One membership per organisation; the LIMIT also keeps PostgreSQL from turning the lateral
    // lookup back into a hash join over every membership.
    .limit(1)
    .as('membership');
  const after = filter.after;
  const rows = await db
    .select({
      organisationId: membership.organisationId,
      legalName: org.legalName,
      countryCode: org.countryCode,
      status: membership.status,
      reviewStep: membership.reviewStep,
      tier: membership.tier,
      assignedSpecialistUserId: membership.assignedSpecialistUserId,
      applicationSubmittedOn: membership.applicationSubmittedOn,
      certifiedOn: membership.certifiedOn,
      entityTypes: sql<
        EntityType[] | null
      >`(select array_agg(${partnerEntityTypes.entityType} order by ${partnerEntityTypes.entityType}) from ${partnerEntityTypes} where ${partnerEntityTypes.organisationId} = ${membership.organisationId})`,
    })
    .from(org)
    .innerJoinLateral(membership, sql`true`)
    .where(
      after
        ? sql`(${org.legalName}, ${org.id}) > (${after.legalName}, ${after.organisationId})`
        : undefined,
    )
    .orderBy(asc(org.legalName), asc(org.id))
    .limit(filter.limit);
  return rows.map((row) => ({ ...row, entityTypes: row.entityTypes ?? [] }));
}
