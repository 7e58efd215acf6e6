import type { EntityType } from '../organisations/entity-types.ts';
import {
  type ApplicabilityLevel,
  type Catalog,
  type CatalogInput,
  CatalogSchema,
  type VerificationLevel,
} from './catalog.schema.ts';
import seed from './seed/msc-catalog-2019-11-seed.json' with { type: 'json' };

/**
 * The seed catalog: ../shared/domain/msc-catalog.json (2019 MSC, version "2019-11-seed") copied
 * into ./seed so the product never reads ../shared at run time. Read its `description`: importer
 * applicability is mostly from an unofficial Portal questionnaire, and for other entity types
 * only a handful of criteria are confirmed; the rest are `likely` and shown as provisional.
 *
 * The seed names entity types more coarsely than the registry (ENTITY_TYPES): a highway carrier
 * there is both of our highway carrier types (U.S.–Canada and U.S.–Mexico), and a marine port
 * authority / terminal operator is both the U.S. and the foreign-based one. CBP publishes one
 * criteria document for each of those pairs (ctpat-program.md §2, §4).
 */
const SEED_ENTITY_TYPES: Readonly<Record<string, readonly EntityType[]>> = {
  importer: ['importer'],
  exporter: ['exporter'],
  customs_broker: ['customs_broker'],
  consolidator: ['consolidator'],
  highway_carrier: ['highway_carrier_us_canada', 'highway_carrier_us_mexico'],
  mexican_long_haul_carrier: ['mexican_long_haul_carrier'],
  rail_carrier: ['rail_carrier'],
  sea_carrier: ['sea_carrier'],
  air_carrier: ['air_carrier'],
  marine_port_terminal_operator: [
    'marine_port_terminal_operator_us',
    'marine_port_terminal_operator_foreign',
  ],
  foreign_manufacturer: ['foreign_manufacturer'],
  third_party_logistics_provider: ['third_party_logistics_provider'],
};

interface SeedCriterion {
  id: string;
  category: number;
  designation: string;
  summary: string;
  entityTypes: string[];
  entityTypesLikely_unverified: string[];
  verification: string;
  sources: string[];
  notes: string | null;
}

function ourEntityTypes(seedType: string): readonly EntityType[] {
  const mapped = SEED_ENTITY_TYPES[seedType];
  if (!mapped) {
    throw new Error(`msc seed: unknown entity type ${seedType}`);
  }
  return mapped;
}

function applicabilityOf(
  criterion: SeedCriterion,
): Partial<Record<EntityType, ApplicabilityLevel>> {
  const applicability: Partial<Record<EntityType, ApplicabilityLevel>> = {};
  for (const seedType of criterion.entityTypesLikely_unverified) {
    for (const entityType of ourEntityTypes(seedType)) applicability[entityType] = 'likely';
  }
  // Confirmed wins over likely when the seed lists a type in both.
  for (const seedType of criterion.entityTypes) {
    for (const entityType of ourEntityTypes(seedType)) applicability[entityType] = 'confirmed';
  }
  return applicability;
}

/** Converts the seed file's shape to a catalog input (validated by CatalogSchema). */
export function catalogFromSeed(file: {
  version: string;
  description: string;
  criteria: readonly SeedCriterion[];
}): CatalogInput {
  return {
    version: file.version,
    description: file.description,
    criteria: file.criteria.map((criterion) => ({
      id: criterion.id,
      category: criterion.category,
      designation: criterion.designation as 'must' | 'should',
      text: criterion.summary,
      guidance: null,
      applicability: applicabilityOf(criterion),
      verification: criterion.verification as VerificationLevel,
      sources: criterion.sources,
      notes: criterion.notes || null,
    })),
  };
}

/** The seed catalog, validated: a broken seed fails at start-up, not in a user's hands. */
export function seedCatalog(): Catalog {
  return CatalogSchema.parse(catalogFromSeed(seed));
}
