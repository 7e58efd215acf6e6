import { randomUUID } from 'node:crypto';
import type {
  NewOrganisation,
  Organisation,
} from '../../src/domain/organisations/organisation.schema.ts';
import type { Db } from '../../src/server/db/database.ts';
import {
  findOrganisationById,
  insertOrganisations,
} from '../../src/server/modules/organisations/organisations.repository.ts';
import { TEST_NOW } from '../setup/test-app.ts';

/**
 * A new member company (a new tenant) with a unique name, so every test owns its data and tests
 * can share one PostgreSQL database without seeing each other's rows by accident.
 */
export async function createOrganisation(
  db: Db,
  overrides: Partial<NewOrganisation> = {},
): Promise<Organisation> {
  const id = randomUUID();
  const kind = overrides.kind ?? 'member_company';
  await insertOrganisations(
    db,
    [
      {
        id,
        kind,
        legalName: overrides.legalName ?? `Test Company ${id.slice(0, 8)}`,
        tradeName: overrides.tradeName ?? null,
        countryCode: overrides.countryCode ?? 'US',
        city: overrides.city ?? 'Baltimore',
        entityTypes: overrides.entityTypes ?? (kind === 'member_company' ? ['importer'] : []),
      },
    ],
    TEST_NOW,
  );
  const created = await findOrganisationById(db, id);
  if (!created) {
    throw new Error(`factory could not read back organisation ${id}`);
  }
  return created;
}
