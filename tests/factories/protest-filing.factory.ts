import { randomInt } from 'node:crypto';
import { entryNumberCheckDigit } from '../../src/domain/registry/identifiers/cbp-entry-number.ts';
import type { Db } from '../../src/server/db/database.ts';
import {
  insertMembership,
  replaceEntityTypes,
} from '../../src/server/modules/registry/registry.repository.ts';
import { TEST_NOW } from '../setup/test-app.ts';
import { createOrganisation } from './organisation.factory.ts';
import { proceedAnswers } from './registry.factory.ts';

/**
 * A certified CTPAT member company whose importer application gives `importerNumber`: the
 * registry record the protest module finds the Trade Compliance indicator by.
 */
export async function certifiedMemberWithImporterNumber(
  db: Db,
  importerNumber: string,
): Promise<string> {
  const organisation = await createOrganisation(db);
  await insertMembership(db, {
    organisationId: organisation.id,
    status: 'certified',
    statusSince: '2025-03-01',
    tier: 'I',
    certifiedOn: '2025-03-01',
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
  });
  await replaceEntityTypes(
    db,
    organisation.id,
    [
      {
        entityType: 'importer',
        identifiers: [{ kind: 'importer_of_record_number', value: importerNumber, warnings: [] }],
        eligibility: proceedAnswers('importer'),
      },
    ],
    TEST_NOW,
  );
  return organisation.id;
}

/** A valid CBP entry number (check digit right) with a random transaction number. */
export function validEntryNumber(filerCode = 'AB1'): string {
  const transaction = String(randomInt(0, 10_000_000)).padStart(7, '0');
  return `${filerCode}-${transaction}-${entryNumberCheckDigit(filerCode + transaction)}`;
}

/** The same entry number with a wrong check digit. */
export function withWrongCheckDigit(entryNumber: string): string {
  const digit = Number(entryNumber.at(-1));
  return `${entryNumber.slice(0, -1)}${(digit + 1) % 10}`;
}
