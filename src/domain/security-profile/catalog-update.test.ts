import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicableCriteria } from '../criteria/applicability.ts';
import type { CatalogCriterion } from '../criteria/catalog.schema.ts';
import { criteriaArbitrary } from '../criteria/criteria-arbitraries.test-support.ts';
import { ENTITY_TYPES } from '../organisations/entity-types.ts';
import { memberCatalogChanges, planCatalogUpdate } from './catalog-update.ts';

function criterion(id: string, fields: Partial<CatalogCriterion> = {}): CatalogCriterion {
  return {
    id,
    category: Number(id.split('.')[0]),
    designation: 'must',
    designationByEntityType: {},
    text: `Criterion ${id}`,
    guidance: null,
    applicability: { importer: 'confirmed' },
    verification: 'cbp-doc',
    sources: [],
    notes: null,
    ...fields,
  };
}

const entityTypesArbitrary = fc.uniqueArray(fc.constantFrom(...ENTITY_TYPES), {
  minLength: 1,
  maxLength: 3,
});

describe('memberCatalogChanges', () => {
  it('sees only what the member answers', () => {
    const before = [
      criterion('1.1'),
      criterion('1.2'),
      criterion('1.3', { applicability: { rail_carrier: 'confirmed' } }),
      criterion('1.4', {
        applicability: { importer: 'confirmed', rail_carrier: 'confirmed' },
      }),
      criterion('1.5'),
    ];
    const after = [
      criterion('1.1', { text: 'Reworded' }),
      // 1.2 removed; 1.3 changed for rail carriers only; 1.4's rail designation flips.
      criterion('1.3', { applicability: { rail_carrier: 'confirmed' }, text: 'Rail only' }),
      criterion('1.4', {
        applicability: { importer: 'confirmed', rail_carrier: 'confirmed' },
        designationByEntityType: { rail_carrier: 'should' },
      }),
      criterion('1.5', { applicability: { importer: 'likely' } }),
      criterion('1.6', { designation: 'should' }),
    ];
    const changes = memberCatalogChanges(before, after, ['importer']);
    expect(changes.added.map((entry) => entry.criterion.id)).toEqual(['1.6']);
    expect(changes.removed.map((entry) => entry.criterion.id)).toEqual(['1.2']);
    // 1.4 (another entity type's designation) and 1.5 (confirmed → likely) change nothing the
    // importer answers.
    expect(changes.changed).toEqual([
      {
        criterion: expect.objectContaining({ id: '1.1' }),
        textChanged: true,
        guidanceChanged: false,
        designation: null,
      },
    ]);
  });

  it('reports the member’s own designation change', () => {
    const changes = memberCatalogChanges(
      [criterion('2.1')],
      [criterion('2.1', { designation: 'should' })],
      ['importer'],
    );
    expect(changes.changed[0]?.designation).toEqual({ from: 'must', to: 'should' });
  });

  it('added and removed are the applicable sets’ differences', () => {
    fc.assert(
      fc.property(criteriaArbitrary, criteriaArbitrary, entityTypesArbitrary, (a, b, types) => {
        const changes = memberCatalogChanges(a, b, types);
        const before = new Set(applicableCriteria(a, types).map((entry) => entry.criterion.id));
        const after = new Set(applicableCriteria(b, types).map((entry) => entry.criterion.id));
        expect(new Set(changes.added.map((entry) => entry.criterion.id))).toEqual(
          new Set([...after].filter((id) => !before.has(id))),
        );
        expect(new Set(changes.removed.map((entry) => entry.criterion.id))).toEqual(
          new Set([...before].filter((id) => !after.has(id))),
        );
        for (const change of changes.changed) {
          expect(before.has(change.criterion.id) && after.has(change.criterion.id)).toBe(true);
        }
      }),
    );
  });

  it('finds nothing between a catalog and itself', () => {
    fc.assert(
      fc.property(criteriaArbitrary, entityTypesArbitrary, (criteria, types) => {
        const changes = memberCatalogChanges(criteria, criteria, types);
        expect([changes.added, changes.removed, changes.changed]).toEqual([[], [], []]);
      }),
    );
  });
});

describe('planCatalogUpdate', () => {
  it('drops answers to removed criteria and re-confirms answers to changed ones', () => {
    const changes = memberCatalogChanges(
      [criterion('3.1'), criterion('3.2'), criterion('3.3'), criterion('3.4')],
      [criterion('3.2', { text: 'New' }), criterion('3.3', { text: 'New too' }), criterion('3.4')],
      ['importer'],
    );
    expect(planCatalogUpdate(['3.1', '3.2', '3.4'], changes)).toEqual({
      drop: ['3.1'],
      reconfirm: ['3.2'],
    });
  });
});
