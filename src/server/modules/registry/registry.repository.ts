import { and, asc, desc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import { TERMINAL_STATUSES } from '../../../domain/registry/lifecycle/membership-states.ts';
import type { StoredIdentifier } from '../../../domain/registry/registry.schema.ts';
import type { Db } from '../../db/database.ts';
import { partnerEntityTypes, partnerMemberships, partnerStatusHistory } from './registry.tables.ts';

export type MembershipRow = typeof partnerMemberships.$inferSelect;
export type NewMembershipRow = typeof partnerMemberships.$inferInsert;
export type EntityTypeRow = typeof partnerEntityTypes.$inferSelect;
export type StatusHistoryRow = typeof partnerStatusHistory.$inferSelect;

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

/** Members holding a tier, with the date their anniversary counts from (annual review). */
export async function findTierMembershipAnniversaries(
  db: Db,
  tierStatuses: readonly string[],
): Promise<{ organisationId: string; certifiedOn: string }[]> {
  const rows = await db
    .select({
      organisationId: partnerMemberships.organisationId,
      certifiedOn: partnerMemberships.certifiedOn,
    })
    .from(partnerMemberships)
    .where(
      and(
        inArray(partnerMemberships.status, [...tierStatuses] as MembershipRow['status'][]),
        isNotNull(partnerMemberships.certifiedOn),
      ),
    )
    .orderBy(asc(partnerMemberships.organisationId));
  return rows.flatMap((row) =>
    row.certifiedOn === null
      ? []
      : [{ organisationId: row.organisationId, certifiedOn: row.certifiedOn }],
  );
}
