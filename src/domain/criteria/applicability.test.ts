import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../organisations/entity-types.ts';
import { applicableCriteria } from './applicability.ts';
import { designationFor } from './catalog.schema.ts';
import { criteriaArbitrary } from './criteria-arbitraries.test-support.ts';
import { seedCatalog } from './msc-seed.ts';

const entityTypesArbitrary = fc.uniqueArray(fc.constantFrom(...ENTITY_TYPES), { maxLength: 4 });

describe('applicableCriteria', () => {
  it('is the union over entity types: a criterion applies iff one of them lists it', () => {
    fc.assert(
      fc.property(criteriaArbitrary, entityTypesArbitrary, (criteria, entityTypes) => {
        const applicable = new Set(
          applicableCriteria(criteria, entityTypes).map((entry) => entry.criterion.id),
        );
        for (const criterion of criteria) {
          const applies = entityTypes.some((entityType) => criterion.applicability[entityType]);
          expect(applicable.has(criterion.id)).toBe(applies);
        }
      }),
    );
  });

  it('is a must when any of the entity types makes it one, else a should', () => {
    fc.assert(
      fc.property(criteriaArbitrary, entityTypesArbitrary, (criteria, entityTypes) => {
        for (const entry of applicableCriteria(criteria, entityTypes)) {
          const anyMust = entityTypes.some(
            (entityType) =>
              entry.criterion.applicability[entityType] &&
              designationFor(entry.criterion, entityType) === 'must',
          );
          expect(entry.designation).toBe(anyMust ? 'must' : 'should');
        }
      }),
    );
  });

  it('adding an entity type never removes a criterion (monotone)', () => {
    fc.assert(
      fc.property(
        criteriaArbitrary,
        entityTypesArbitrary,
        fc.constantFrom(...ENTITY_TYPES),
        (criteria, types, extra) => {
          const before = applicableCriteria(criteria, types).map((entry) => entry.criterion.id);
          const after = new Set(
            applicableCriteria(criteria, [...types, extra]).map((entry) => entry.criterion.id),
          );
          expect(before.every((id) => after.has(id))).toBe(true);
        },
      ),
    );
  });

  it('gives an importer the 95 seeded importer criteria, with only the likely ones provisional', () => {
    const criteria = seedCatalog().criteria;
    const importer = applicableCriteria(criteria, ['importer']);
    expect(importer).toHaveLength(95);
    expect(importer.filter((entry) => entry.designation === 'must')).toHaveLength(60);
    expect(
      importer.filter((entry) => entry.provisional).map((entry) => entry.criterion.id),
    ).toEqual(
      importer
        .filter(
          (entry) =>
            entry.criterion.verification === 'memory-unverified' ||
            entry.criterion.applicability.importer === 'likely',
        )
        .map((entry) => entry.criterion.id),
    );
  });

  it('shows most criteria as provisional for a rail carrier, but not the confirmed 6.1', () => {
    const rail = applicableCriteria(seedCatalog().criteria, ['rail_carrier']);
    const seal = rail.find((entry) => entry.criterion.id === '6.1');
    expect(seal?.provisional).toBe(false);
    expect(rail.filter((entry) => !entry.provisional).map((entry) => entry.criterion.id)).toEqual([
      '6.1',
      '6.2',
      '7.37',
      '11.5',
    ]);
  });
});
