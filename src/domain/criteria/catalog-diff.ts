import type { EntityType } from '../organisations/entity-types.ts';
import {
  type CatalogCriterion,
  compareCriterionIds,
  type Designation,
  designationFor,
} from './catalog.schema.ts';

export interface DesignationChange {
  readonly entityType: EntityType;
  /** null: the criterion did not apply to the entity type before (or does not any more). */
  readonly from: Designation | null;
  readonly to: Designation | null;
}

export interface ChangedCriterion {
  readonly id: string;
  /** must ↔ should, or starting / ceasing to apply, per entity type. */
  readonly designationChanges: readonly DesignationChange[];
  readonly textChanged: boolean;
  readonly guidanceChanged: boolean;
  /** Confirmed ↔ likely for an entity type that applies in both versions. */
  readonly applicabilityLevelChanged: boolean;
}

export interface CatalogDiff {
  readonly added: readonly CatalogCriterion[];
  readonly removed: readonly CatalogCriterion[];
  readonly changed: readonly ChangedCriterion[];
}

function designationsOf(criterion: CatalogCriterion): Map<EntityType, Designation> {
  const map = new Map<EntityType, Designation>();
  for (const entityType of Object.keys(criterion.applicability) as EntityType[]) {
    map.set(entityType, designationFor(criterion, entityType));
  }
  return map;
}

function designationChanges(
  before: CatalogCriterion,
  after: CatalogCriterion,
): DesignationChange[] {
  const from = designationsOf(before);
  const to = designationsOf(after);
  const entityTypes = [...new Set([...from.keys(), ...to.keys()])].sort();
  return entityTypes.flatMap((entityType) => {
    const was = from.get(entityType) ?? null;
    const is = to.get(entityType) ?? null;
    return was === is ? [] : [{ entityType, from: was, to: is }];
  });
}

function applicabilityLevelChanged(before: CatalogCriterion, after: CatalogCriterion): boolean {
  return (Object.keys(before.applicability) as EntityType[]).some((entityType) => {
    const level = after.applicability[entityType];
    return level !== undefined && level !== before.applicability[entityType];
  });
}

/**
 * What changes from catalog version `before` to `after` (issue 5, item 1: "added, removed,
 * designation changed"), criteria in CBP's id order. A program manager reads it before
 * publishing; open Security Profiles use it to flag the criteria that need a new answer.
 */
export function diffCatalogs(
  before: readonly CatalogCriterion[],
  after: readonly CatalogCriterion[],
): CatalogDiff {
  const beforeById = new Map(before.map((criterion) => [criterion.id, criterion]));
  const afterById = new Map(after.map((criterion) => [criterion.id, criterion]));
  const byId = (a: CatalogCriterion, b: CatalogCriterion) => compareCriterionIds(a.id, b.id);
  const added = after.filter((criterion) => !beforeById.has(criterion.id)).sort(byId);
  const removed = before.filter((criterion) => !afterById.has(criterion.id)).sort(byId);
  const changed: ChangedCriterion[] = [];
  for (const next of [...after].sort(byId)) {
    const previous = beforeById.get(next.id);
    if (!previous) {
      continue;
    }
    const change: ChangedCriterion = {
      id: next.id,
      designationChanges: designationChanges(previous, next),
      textChanged: previous.text !== next.text,
      guidanceChanged: previous.guidance !== next.guidance,
      applicabilityLevelChanged: applicabilityLevelChanged(previous, next),
    };
    if (
      change.designationChanges.length > 0 ||
      change.textChanged ||
      change.guidanceChanged ||
      change.applicabilityLevelChanged
    ) {
      changed.push(change);
    }
  }
  return { added, removed, changed };
}

/** True when nothing a member answers against differs between the versions. */
export function isEmptyDiff(diff: CatalogDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
