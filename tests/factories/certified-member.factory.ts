import type { EntityType } from '../../src/domain/organisations/entity-types.ts';
import {
  TIER_OF_STATUS,
  type TierStatus,
} from '../../src/domain/registry/lifecycle/membership-states.ts';
import type { StoredIdentifier } from '../../src/domain/registry/registry.schema.ts';
import { calendarDateFromInstant } from '../../src/domain/time/calendar-date.ts';
import type { Db } from '../../src/server/db/database.ts';
import {
  insertMembership,
  replaceEntityTypes,
} from '../../src/server/modules/registry/registry.repository.ts';
import { proceedAnswers, uniqueImporterNumber } from './registry.factory.ts';

/**
 * Makes `organisationId` a CTPAT member that holds a tier (certified unless told otherwise),
 * straight in the registry tables: for tests about what certified members do (SVI), not about
 * how they got certified (the registry's own tests walk the lifecycle).
 */
export async function insertCertifiedMembership(
  db: Db,
  organisationId: string,
  options: { at: Date; status?: TierStatus; entityTypes?: readonly EntityType[] },
): Promise<void> {
  const status = options.status ?? 'certified';
  const on = calendarDateFromInstant(options.at);
  await insertMembership(db, {
    organisationId,
    status,
    statusSince: on,
    tier: TIER_OF_STATUS[status],
    applicationSubmittedOn: on,
    certifiedOn: on,
    ...(status === 'certified' ? {} : { validatedOn: on, lastValidatedOn: on }),
    createdAt: options.at,
    updatedAt: options.at,
  });
  const identifiers: StoredIdentifier[] = [
    { kind: 'importer_of_record_number', value: uniqueImporterNumber(), warnings: [] },
  ];
  await replaceEntityTypes(
    db,
    organisationId,
    (options.entityTypes ?? ['importer']).map((entityType) => ({
      entityType,
      identifiers: entityType === 'importer' ? identifiers : [],
      eligibility: proceedAnswers(entityType),
    })),
    options.at,
  );
}
