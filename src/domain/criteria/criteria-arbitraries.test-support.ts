import fc from 'fast-check';
import { ENTITY_TYPES, type EntityType } from '../organisations/entity-types.ts';
import {
  APPLICABILITY_LEVELS,
  type CatalogCriterion,
  DESIGNATIONS,
  VERIFICATION_LEVELS,
} from './catalog.schema.ts';

/** A valid criterion id: category 1–12, number 1–60. */
export const criterionIdArbitrary = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 60 }))
  .map(([category, number]) => `${category}.${number}`);

const applicabilityArbitrary = fc
  .dictionary(fc.constantFrom(...ENTITY_TYPES), fc.constantFrom(...APPLICABILITY_LEVELS), {
    minKeys: 1,
    maxKeys: 5,
  })
  .map((value) => value as Partial<Record<EntityType, 'confirmed' | 'likely'>>);

/** A criterion that passes CatalogCriterionSchema, with `id` given. */
export function criterionArbitrary(id: string): fc.Arbitrary<CatalogCriterion> {
  return fc
    .record({
      designation: fc.constantFrom(...DESIGNATIONS),
      applicability: applicabilityArbitrary,
      text: fc.constantFrom('Written policy', 'Seals are verified', 'Access is controlled'),
      guidance: fc.option(fc.constantFrom('Keep records', 'Train staff'), { nil: null }),
      verification: fc.constantFrom(...VERIFICATION_LEVELS),
      overrideFirst: fc.boolean(),
    })
    .map(({ overrideFirst, ...fields }) => {
      const first = Object.keys(fields.applicability)[0] as EntityType;
      const opposite = fields.designation === 'must' ? 'should' : 'must';
      return {
        id,
        category: Number(id.split('.')[0]),
        designation: fields.designation,
        designationByEntityType: overrideFirst ? { [first]: opposite } : {},
        text: fields.text,
        guidance: fields.guidance,
        applicability: fields.applicability,
        verification: fields.verification,
        sources: [],
        notes: null,
      };
    });
}

/** A list of criteria with distinct ids. */
export const criteriaArbitrary: fc.Arbitrary<CatalogCriterion[]> = fc
  .uniqueArray(criterionIdArbitrary, { maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map((id) => criterionArbitrary(id))))
  .map((criteria) => [...criteria]);
