import { randomInt } from 'node:crypto';
import type { EntityType } from '../../src/domain/organisations/entity-types.ts';
import { eligibilityQuestionnaire } from '../../src/domain/registry/eligibility/eligibility-questionnaires.ts';

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
