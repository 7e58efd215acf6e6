import { randomInt, randomUUID } from 'node:crypto';
import type { EntityType } from '../../src/domain/organisations/entity-types.ts';
import { eligibilityQuestionnaire } from '../../src/domain/registry/eligibility/eligibility-questionnaires.ts';
import type { Db } from '../../src/server/db/database.ts';
import {
  insertCompanyAddress,
  insertCompanyContact,
} from '../../src/server/modules/registry/company-profile.repository.ts';
import { TEST_NOW } from '../setup/test-app.ts';

/** Answers that let an applicant of `entityType` proceed on every question. */
export function proceedAnswers(entityType: EntityType): Record<string, boolean> {
  return Object.fromEntries(
    eligibilityQuestionnaire(entityType).map((question) => [question.id, question.proceedAnswer]),
  );
}

/**
 * A CBP-assigned importer number (YYDDPP-NNNNN) no other test is likely to use, so tests can
 * share one PostgreSQL database without claiming each other's identifiers.
 */
export function uniqueImporterNumber(): string {
  return `260101-${String(randomInt(0, 100_000)).padStart(5, '0')}`;
}

/** A draft application body for an importer with a valid number and proceed answers. */
export function importerApplication(importerNumber = uniqueImporterNumber()) {
  return {
    entityTypes: [
      {
        entityType: 'importer' as const,
        identifiers: [{ kind: 'importer_of_record_number', value: importerNumber }],
        eligibility: proceedAnswers('importer'),
      },
    ],
  };
}

/** A headquarters address body for POST /api/v1/registry/profile/addresses. */
export function headquartersAddress(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'headquarters' as const,
    line1: '100 Harbor Drive',
    city: 'Chicago',
    region: 'IL',
    postalCode: '60601',
    countryCode: 'US',
    ...overrides,
  };
}

/** A primary contact body (the officer's own account) for POST .../profile/contacts. */
export function primaryContact(officerUserId: string, overrides: Record<string, unknown> = {}) {
  return {
    role: 'primary' as const,
    fullName: 'Dana Whitfield',
    title: 'Chief Compliance Officer',
    email: `primary-${officerUserId.slice(0, 8)}@example.test`,
    telephone: '+1 312 555 0100',
    userId: officerUserId,
    ...overrides,
  };
}

/**
 * The least company profile an application may be submitted with (registry.service
 * submitApplication): a headquarters address and a primary contact, the company officer.
 * Written straight to the database, for tests about something else.
 */
export async function createMinimumProfile(
  db: Db,
  organisationId: string,
  officerUserId: string,
): Promise<void> {
  const address = headquartersAddress();
  const contact = primaryContact(officerUserId);
  await insertCompanyAddress(db, {
    id: randomUUID(),
    organisationId,
    ...address,
    label: null,
    line2: null,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
  });
  await insertCompanyContact(db, {
    id: randomUUID(),
    organisationId,
    ...contact,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
  });
}
