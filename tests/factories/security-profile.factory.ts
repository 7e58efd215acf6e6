import { createHash, randomUUID } from 'node:crypto';
import { applicableCriteria } from '../../src/domain/criteria/applicability.ts';
import type { EntityType } from '../../src/domain/organisations/entity-types.ts';
import type { AnswerStatus } from '../../src/domain/security-profile/profile-vocabulary.ts';
import type { Db } from '../../src/server/db/database.ts';
import {
  findCatalogCriteria,
  findCurrentCatalogVersion,
} from '../../src/server/modules/criteria/criteria.repository.ts';
import {
  evidenceCriterionLinks,
  evidenceFiles,
} from '../../src/server/modules/evidence/evidence.tables.ts';
import {
  insertMembership,
  replaceEntityTypes,
} from '../../src/server/modules/registry/registry.repository.ts';
import {
  securityProfileAnswers,
  securityProfiles,
} from '../../src/server/modules/security-profile/security-profile.tables.ts';
import { proceedAnswers, uniqueImporterNumber } from './registry.factory.ts';

/**
 * Security Profiles straight in the database, for tests about what happens to a profile once it
 * is answered (submission and review), not about answering it (security-profile's own tests).
 */

/**
 * An applicant's membership with its entity types and, when given, the CBP specialist (and
 * office) assigned to it.
 */
export async function insertMemberCase(
  db: Db,
  organisationId: string,
  options: {
    at: Date;
    entityTypes?: readonly EntityType[];
    specialist?: { userId: string; officeId: string };
  },
): Promise<void> {
  const on = options.at.toISOString().slice(0, 10);
  await insertMembership(db, {
    organisationId,
    status: 'under_review',
    statusSince: on,
    reviewStep: 'profile_review',
    applicationSubmittedOn: on,
    assignedSpecialistUserId: options.specialist?.userId ?? null,
    cbpOfficeId: options.specialist?.officeId ?? null,
    createdAt: options.at,
    updatedAt: options.at,
  });
  await replaceEntityTypes(
    db,
    organisationId,
    (options.entityTypes ?? ['importer']).map((entityType) => ({
      entityType,
      identifiers:
        entityType === 'importer'
          ? [{ kind: 'importer_of_record_number', value: uniqueImporterNumber(), warnings: [] }]
          : [],
      eligibility: proceedAnswers(entityType),
    })),
    options.at,
  );
}

/** The current catalog's criteria that apply to `entityTypes`, musts and shoulds apart. */
export async function applicableCriterionIds(
  db: Db,
  entityTypes: readonly EntityType[] = ['importer'],
): Promise<{ catalogVersionId: string; musts: string[]; shoulds: string[] }> {
  const version = await findCurrentCatalogVersion(db);
  if (!version) throw new Error('no published criteria catalog');
  const applicable = applicableCriteria(await findCatalogCriteria(db, version.id), entityTypes);
  return {
    catalogVersionId: version.id,
    musts: applicable.filter((one) => one.designation === 'must').map((one) => one.criterion.id),
    shoulds: applicable
      .filter((one) => one.designation === 'should')
      .map((one) => one.criterion.id),
  };
}

export interface InsertedAnswer {
  criterionId: string;
  status?: AnswerStatus | null;
  narrative?: string;
  toReconfirm?: boolean;
}

/** A draft profile against the current catalog with the given answers (implemented by default). */
export async function insertDraftProfile(
  db: Db,
  organisationId: string,
  options: { at: Date; answers: readonly InsertedAnswer[]; userId?: string },
): Promise<string> {
  const version = await findCurrentCatalogVersion(db);
  if (!version) throw new Error('no published criteria catalog');
  const profileId = randomUUID();
  await db.insert(securityProfiles).values({
    id: profileId,
    organisationId,
    catalogVersionId: version.id,
    cycle: 'initial',
    status: 'draft',
    createdAt: options.at,
    updatedAt: options.at,
  });
  if (options.answers.length > 0) {
    await db.insert(securityProfileAnswers).values(
      options.answers.map((answer) => ({
        profileId,
        criterionId: answer.criterionId,
        status: answer.status === undefined ? 'implemented' : answer.status,
        narrative: answer.narrative ?? `How we meet ${answer.criterionId}: written procedure.`,
        responsibleUserId: options.userId ?? null,
        toReconfirm: answer.toReconfirm ?? false,
        updatedByUserId: options.userId ?? null,
        updatedAt: options.at,
      })),
    );
  }
  return profileId;
}

/** An evidence document of the company (metadata only) linked to `criterionId`. */
export async function insertLinkedEvidence(
  db: Db,
  organisationId: string,
  criterionId: string,
  options: { at: Date; title: string },
): Promise<{ evidenceId: string; sha256: string }> {
  const evidenceId = randomUUID();
  const sha256 = createHash('sha256').update(evidenceId).digest('hex');
  await db.insert(evidenceFiles).values({
    id: evidenceId,
    organisationId,
    title: options.title,
    originalFilename: `${options.title}.pdf`,
    mediaType: 'application/pdf',
    sizeBytes: 1024,
    sha256,
    uploadedAt: options.at,
    updatedAt: options.at,
  });
  await db.insert(evidenceCriterionLinks).values({
    evidenceId,
    organisationId,
    criterionId,
    linkedAt: options.at,
  });
  return { evidenceId, sha256 };
}
