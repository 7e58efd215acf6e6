import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogCriterion } from './catalog.schema.ts';
import { diffCatalogs, isEmptyDiff } from './catalog-diff.ts';
import { criteriaArbitrary } from './criteria-arbitraries.test-support.ts';
import { seedCatalog } from './msc-seed.ts';

const ids = (criteria: readonly { id: string }[]) => criteria.map((criterion) => criterion.id);

describe('diffCatalogs', () => {
  it('finds nothing between a version and itself', () => {
    fc.assert(
      fc.property(criteriaArbitrary, (criteria) => isEmptyDiff(diffCatalogs(criteria, criteria))),
    );
  });

  it('is symmetric: what one direction adds the other removes', () => {
    fc.assert(
      fc.property(criteriaArbitrary, criteriaArbitrary, (a, b) => {
        const forward = diffCatalogs(a, b);
        const backward = diffCatalogs(b, a);
        expect(ids(forward.added)).toEqual(ids(backward.removed));
        expect(ids(forward.removed)).toEqual(ids(backward.added));
        expect(ids(forward.changed)).toEqual(ids(backward.changed));
      }),
    );
  });

  it('accounts for every id exactly once across added, removed, changed and unchanged', () => {
    fc.assert(
      fc.property(criteriaArbitrary, criteriaArbitrary, (a, b) => {
        const diff = diffCatalogs(a, b);
        const unchanged = b.filter(
          (criterion) =>
            a.some((other) => other.id === criterion.id) &&
            !diff.changed.some((change) => change.id === criterion.id),
        );
        const all = [
          ...ids(diff.added),
          ...ids(diff.removed),
          ...ids(diff.changed),
          ...ids(unchanged),
        ];
        expect(new Set(all).size).toBe(all.length);
        expect(new Set(all)).toEqual(new Set([...ids(a), ...ids(b)]));
      }),
    );
  });

  it('names a must → should change per entity type, and a criterion that stops applying', () => {
    const seed = seedCatalog().criteria;
    const target = seed.find((criterion) => criterion.id === '6.1') as CatalogCriterion;
    const edited = seed.map((criterion): CatalogCriterion => {
      if (criterion.id !== '6.1') {
        return criterion;
      }
      const { rail_carrier: _dropped, ...applicability } = criterion.applicability;
      return { ...criterion, designationByEntityType: { importer: 'should' }, applicability };
    });
    const diff = diffCatalogs(seed, edited);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        id: '6.1',
        designationChanges: [
          { entityType: 'importer', from: target.designation, to: 'should' },
          { entityType: 'rail_carrier', from: 'must', to: null },
        ],
        textChanged: false,
        guidanceChanged: false,
        applicabilityLevelChanged: false,
      },
    ]);
  });

  it('lists added and removed criteria in CBP id order (7.4 before 7.37)', () => {
    const seed = seedCatalog().criteria;
    const without = seed.filter((criterion) => criterion.id !== '7.37' && criterion.id !== '1.1');
    expect(ids(diffCatalogs(without, seed).added)).toEqual(['1.1', '7.37']);
    expect(ids(diffCatalogs(seed, without).removed)).toEqual(['1.1', '7.37']);
  });
});
