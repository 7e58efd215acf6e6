import { applicableCriteria } from '../../../domain/criteria/applicability.ts';
import type { Designation } from '../../../domain/criteria/catalog.schema.ts';
import { AppError } from '../../../domain/errors/error-codes.ts';
import type { LinkedEvidence } from '../../../domain/evidence/evidence.schema.ts';
import type { AnswerStatus } from '../../../domain/security-profile/profile-vocabulary.ts';
import type { ServiceContext } from '../../service-context.ts';
import { getCatalogVersion, getCurrentCatalog } from '../criteria/criteria.service.ts';
import { evidenceLinksByCriterion } from '../evidence/evidence.service.ts';
import { entityTypesOfMember } from '../registry/registry.service.ts';
import { getMemberSecurityProfile } from '../security-profile/security-profile.service.ts';

/**
 * The criteria a validation reviews: those that apply to the member (its Security Profile's
 * catalog version, for its entity types: src/domain/criteria/applicability.ts), each with the
 * member's current answer and the evidence linked to it, in catalog order. A member without a
 * Security Profile yet is reviewed against the current catalog, with no answers.
 */

export interface ReviewedCriterion {
  id: string;
  category: number;
  text: string;
  guidance: string | null;
  designation: Designation;
  provisional: boolean;
  answer: { status: AnswerStatus | null; narrative: string } | null;
  evidence: LinkedEvidence[];
}

export interface ReviewedCriteria {
  catalogVersionId: string | null;
  catalogVersion: string | null;
  /** The Security Profile the answers come from: its id and last change, when there is one. */
  profile: { id: string; updatedAt: string } | null;
  criteria: ReviewedCriterion[];
}

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'NOT_FOUND';
}

/** For CBP (`profile:read:any`, which every role reading validations holds). */
export async function reviewedCriteria(
  ctx: ServiceContext,
  organisationId: string,
): Promise<ReviewedCriteria> {
  try {
    const profile = await getMemberSecurityProfile(ctx, organisationId);
    return {
      catalogVersionId: profile.catalogVersionId,
      catalogVersion: profile.catalogVersion,
      profile: { id: profile.id, updatedAt: profile.updatedAt },
      criteria: profile.sections.flatMap((section) =>
        section.criteria.map((criterion) => ({
          id: criterion.id,
          category: section.category,
          text: criterion.text,
          guidance: criterion.guidance,
          designation: criterion.designation,
          provisional: criterion.provisional,
          answer: criterion.answer
            ? { status: criterion.answer.status, narrative: criterion.answer.narrative }
            : null,
          evidence: criterion.evidence,
        })),
      ),
    };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  return catalogCriteria(ctx, organisationId, null, { withEvidence: true });
}

/**
 * The applicable criteria of a catalog version (the current one when null), without answers:
 * for a member with no profile, and for the member's own reading of its report (whose document
 * records the catalog version it was made from).
 */
export async function catalogCriteria(
  ctx: ServiceContext,
  organisationId: string,
  catalogVersionId: string | null,
  options: { withEvidence: boolean },
): Promise<ReviewedCriteria> {
  let catalog: Awaited<ReturnType<typeof getCurrentCatalog>> | null = null;
  try {
    catalog =
      catalogVersionId === null
        ? await getCurrentCatalog(ctx)
        : await getCatalogVersion(ctx, catalogVersionId);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (catalog === null) {
    return { catalogVersionId: null, catalogVersion: null, profile: null, criteria: [] };
  }
  const [entityTypes, evidence] = await Promise.all([
    entityTypesOfMember(ctx.db, organisationId),
    options.withEvidence
      ? evidenceLinksByCriterion(ctx.db, organisationId)
      : Promise.resolve(new Map<string, LinkedEvidence[]>()),
  ]);
  return {
    catalogVersionId: catalog.id,
    catalogVersion: catalog.version,
    profile: null,
    criteria: applicableCriteria(catalog.criteria, entityTypes).map((entry) => ({
      id: entry.criterion.id,
      category: entry.criterion.category,
      text: entry.criterion.text,
      guidance: entry.criterion.guidance,
      designation: entry.designation,
      provisional: entry.provisional,
      answer: null,
      evidence: evidence.get(entry.criterion.id) ?? [],
    })),
  };
}

/** Criterion id → designation, for the work program's rules (work-program.ts). */
export function designations(criteria: ReviewedCriteria): Map<string, Designation> {
  return new Map(criteria.criteria.map((criterion) => [criterion.id, criterion.designation]));
}
