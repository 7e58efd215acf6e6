import type { Clock } from '../../domain/time/clock.ts';
import type { Db } from '../db/database.ts';
import { insertOrganisations } from '../modules/organisations/organisations.repository.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';
import { deterministicUuid } from './deterministic-id.ts';

export interface SeedResult {
  organisationsCreated: number;
  organisationsTotal: number;
}

/**
 * Loads the demo data set. Deterministic (ids derive from stable keys) and idempotent (rows that
 * exist are left alone), in one transaction so a failure leaves nothing half-seeded.
 */
export async function seedDemoData(db: Db, clock: Clock): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const organisationsCreated = await insertOrganisations(
      tx,
      DEMO_ORGANISATIONS.map(({ key, ...organisation }) => ({
        ...organisation,
        id: deterministicUuid(key),
      })),
      clock.now(),
    );
    return { organisationsCreated, organisationsTotal: DEMO_ORGANISATIONS.length };
  });
}
