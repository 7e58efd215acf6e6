import { type ApplicableCriterion, applicableCriteria } from '../criteria/applicability.ts';
import type { CatalogCriterion, Designation } from '../criteria/catalog.schema.ts';
import { diffCatalogs } from '../criteria/catalog-diff.ts';
import type { EntityType } from '../organisations/entity-types.ts';

/**
 * What a new catalog version changes for one member's Security Profile (issue 5, item 8: "when
 * a new catalog version is published, open profiles show which criteria are new or changed and
 * need an answer"). Unlike the program manager's diff (catalog-diff.ts), it looks only at the
 * criteria that apply to the member's entity types, and at the member's own designation.
 */
export interface MemberChangedCriterion {
  readonly criterion: CatalogCriterion;
  readonly textChanged: boolean;
  /** Implementation guidance says how to meet the criterion: a new one may change the answer. */
  readonly guidanceChanged: boolean;
  /** The member's designation (strictest over its entity types), when it changed. */
  readonly designation: { readonly from: Designation; readonly to: Designation } | null;
}

export interface MemberCatalogChanges {
  /** Criteria that apply now and did not before (new, or newly applicable to an entity type). */
  readonly added: readonly ApplicableCriterion[];
  /** Criteria that applied before and do not now (removed, or no longer applicable). */
  readonly removed: readonly ApplicableCriterion[];
  readonly changed: readonly MemberChangedCriterion[];
}

export function memberCatalogChanges(
  before: readonly CatalogCriterion[],
  after: readonly CatalogCriterion[],
  entityTypes: readonly EntityType[],
): MemberCatalogChanges {
  const applicableBefore = applicableCriteria(before, entityTypes);
  const applicableAfter = applicableCriteria(after, entityTypes);
  const beforeById = new Map(applicableBefore.map((entry) => [entry.criterion.id, entry]));
  const afterById = new Map(applicableAfter.map((entry) => [entry.criterion.id, entry]));
  const diff = diffCatalogs(
    applicableBefore.map((entry) => entry.criterion),
    applicableAfter.map((entry) => entry.criterion),
  );
  const changed: MemberChangedCriterion[] = [];
  for (const change of diff.changed) {
    const was = beforeById.get(change.id);
    const is = afterById.get(change.id);
    if (!was || !is) {
      continue;
    }
    const designation =
      was.designation === is.designation ? null : { from: was.designation, to: is.designation };
    // Designation changes for entity types the member does not hold, and confirmed ↔ likely
    // (which only moves the provisional flag), change nothing the member answers.
    if (change.textChanged || change.guidanceChanged || designation !== null) {
      changed.push({
        criterion: is.criterion,
        textChanged: change.textChanged,
        guidanceChanged: change.guidanceChanged,
        designation,
      });
    }
  }
  return {
    added: applicableAfter.filter((entry) => !beforeById.has(entry.criterion.id)),
    removed: applicableBefore.filter((entry) => !afterById.has(entry.criterion.id)),
    changed,
  };
}

export function hasMemberChanges(changes: MemberCatalogChanges): boolean {
  return changes.added.length + changes.removed.length + changes.changed.length > 0;
}

/**
 * How the working answers move to the new version: answers to criteria that no longer apply
 * leave the working profile (the audit event keeps them); answers to changed criteria stay but
 * must be re-confirmed; new criteria simply have no answer yet.
 */
export function planCatalogUpdate(
  answeredCriterionIds: readonly string[],
  changes: MemberCatalogChanges,
): { drop: string[]; reconfirm: string[] } {
  const answered = new Set(answeredCriterionIds);
  return {
    drop: changes.removed
      .map((entry) => entry.criterion.id)
      .filter((criterionId) => answered.has(criterionId)),
    reconfirm: changes.changed
      .map((change) => change.criterion.id)
      .filter((criterionId) => answered.has(criterionId)),
  };
}
