import type { EntityType } from '../organisations/entity-types.ts';
import {
  type ApplicabilityLevel,
  type CatalogCriterion,
  compareCriterionIds,
  type Designation,
  designationFor,
} from './catalog.schema.ts';

/** One criterion as it applies to a member with several entity types (issue 5, item 2). */
export interface ApplicableCriterion {
  readonly criterion: CatalogCriterion;
  /** The member's entity types the criterion applies to, each with its designation. */
  readonly byEntityType: readonly {
    readonly entityType: EntityType;
    readonly designation: Designation;
    readonly applicability: ApplicabilityLevel;
  }[];
  /** `must` when it is a must for any of the member's entity types: the strictest wins. */
  readonly designation: Designation;
  /**
   * True when no source confirms that the criterion applies to any of the member's entity types
   * (only `likely`), or when the criterion itself rests on memory alone: shown as provisional.
   */
  readonly provisional: boolean;
}

/**
 * The criteria that apply to a member: the union over its entity types (a criterion absent for
 * every one of them does not apply), in CBP's id order. A member that is both an importer and a
 * highway carrier answers each criterion once, as a must if either entity type makes it one.
 */
export function applicableCriteria(
  criteria: readonly CatalogCriterion[],
  entityTypes: readonly EntityType[],
): ApplicableCriterion[] {
  const types = [...new Set(entityTypes)];
  const result: ApplicableCriterion[] = [];
  for (const criterion of criteria) {
    const byEntityType = types.flatMap((entityType) => {
      const applicability = criterion.applicability[entityType];
      return applicability
        ? [{ entityType, designation: designationFor(criterion, entityType), applicability }]
        : [];
    });
    if (byEntityType.length === 0) {
      continue;
    }
    result.push({
      criterion,
      byEntityType,
      designation: byEntityType.some((entry) => entry.designation === 'must') ? 'must' : 'should',
      provisional:
        criterion.verification === 'memory-unverified' ||
        byEntityType.every((entry) => entry.applicability === 'likely'),
    });
  }
  return result.sort((a, b) => compareCriterionIds(a.criterion.id, b.criterion.id));
}
