import { describe, expect, it } from 'vitest';
import { CatalogSchema, compareCriterionIds } from './catalog.schema.ts';
import { catalogFromSeed, seedCatalog } from './msc-seed.ts';
import seed from './seed/msc-catalog-2019-11-seed.json' with { type: 'json' };

function issuesOf(input: unknown): string[] {
  const result = CatalogSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const criterion = {
  id: '3.4',
  category: 3,
  designation: 'must',
  text: 'Business partners are screened',
  applicability: { importer: 'confirmed' },
  verification: 'cbp-doc',
};

describe('CatalogSchema', () => {
  it('accepts the seed: 100 criteria, 12 categories, 65 musts', () => {
    const catalog = seedCatalog();
    expect(catalog.version).toBe('2019-11-seed');
    expect(catalog.criteria).toHaveLength(100);
    expect(new Set(catalog.criteria.map((entry) => entry.category)).size).toBe(12);
    expect(catalog.criteria.filter((entry) => entry.designation === 'must')).toHaveLength(65);
  });

  it('maps the seed’s coarse entity types onto both registry types', () => {
    const converted = catalogFromSeed(seed);
    const seal = converted.criteria.find((entry) => entry.id === '6.1');
    expect(seal?.applicability).toMatchObject({
      highway_carrier_us_canada: 'confirmed',
      highway_carrier_us_mexico: 'confirmed',
      marine_port_terminal_operator_us: 'confirmed',
      marine_port_terminal_operator_foreign: 'confirmed',
    });
  });

  it('refuses duplicate ids, naming both places', () => {
    expect(issuesOf({ version: 'v2', criteria: [criterion, criterion] })).toEqual([
      'criteria.1.id: duplicate id 3.4 (first at criteria.0)',
    ]);
  });

  it('refuses unknown categories, entity types and designations, naming the field', () => {
    expect(
      issuesOf({
        version: 'v2',
        criteria: [
          { ...criterion, id: '13.1', category: 13 },
          { ...criterion, applicability: { spaceport: 'confirmed' } },
          { ...criterion, id: '3.6', designation: 'may' },
        ],
      }),
    ).toEqual([
      'criteria.0.id: must be a category number 1–12, a dot and a number, e.g. 3.4',
      'criteria.0.category: must be a category number from 1 to 12',
      'criteria.1.applicability.spaceport: is not a CTPAT entity type: spaceport',
      'criteria.2.designation: must be "must" or "should"',
    ]);
  });

  it('refuses a category that disagrees with the id and an override for a type it does not apply to', () => {
    expect(
      issuesOf({
        version: 'v2',
        criteria: [
          { ...criterion, category: 4 },
          { ...criterion, id: '3.5', designationByEntityType: { exporter: 'should' } },
        ],
      }),
    ).toEqual([
      'criteria.0.category: must be 3, the category in id 3.4',
      'criteria.1.designationByEntityType.exporter: gives a designation for exporter, to which the criterion does not apply',
    ]);
  });

  it('orders ids as CBP numbers them', () => {
    expect(['7.37', '10.1', '7.4', '1.2'].sort(compareCriterionIds)).toEqual([
      '1.2',
      '7.4',
      '7.37',
      '10.1',
    ]);
  });
});
