import { desc, eq, sql } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '../../../domain/registry/lifecycle/membership-states.ts';
import type { Db } from '../../db/database.ts';
import { partnerEntityTypes, partnerMemberships } from './registry.tables.ts';

/**
 * The companies whose CTPAT application gives this importer of record number (canonical value),
 * by containment on partner_entity_types.identifiers (the GIN jsonb_path_ops index). A company
 * whose membership is over (removed, withdrawn, rejected) comes after one whose membership runs;
 * then the most recently changed membership first. At most `limit` rows (a company giving the
 * number for two entity types appears twice).
 */
export async function findMembersByImporterNumber(
  db: Db,
  importerNumber: string,
  limit = 5,
): Promise<{ organisationId: string; membershipStatus: string }[]> {
  const probe = JSON.stringify([{ kind: 'importer_of_record_number', value: importerNumber }]);
  const terminal = sql.join(
    TERMINAL_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  return db
    .select({
      organisationId: partnerMemberships.organisationId,
      membershipStatus: partnerMemberships.status,
    })
    .from(partnerEntityTypes)
    .innerJoin(
      partnerMemberships,
      eq(partnerMemberships.organisationId, partnerEntityTypes.organisationId),
    )
    .where(sql`${partnerEntityTypes.identifiers} @> ${probe}::jsonb`)
    .orderBy(
      sql`${partnerMemberships.status} in (${terminal})`,
      desc(partnerMemberships.updatedAt),
      partnerMemberships.organisationId,
    )
    .limit(limit);
}
