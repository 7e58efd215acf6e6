/**
 * CTPAT enrolment business types. Source: ../shared/domain/ctpat-program.md §2 (CBP
 * security-guidelines pages per entity type; the CTPAT Portal's enrolment categories).
 * One member company may hold several (one account, several business entities).
 * The member-registry issue adds identifiers and eligibility per type on top of these codes.
 */
export const ENTITY_TYPES = [
  'importer',
  'exporter',
  'customs_broker',
  'consolidator',
  'highway_carrier_us_canada',
  'highway_carrier_us_mexico',
  'mexican_long_haul_carrier',
  'rail_carrier',
  'sea_carrier',
  'air_carrier',
  'marine_port_terminal_operator_us',
  'marine_port_terminal_operator_foreign',
  'foreign_manufacturer',
  'third_party_logistics_provider',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** The i18n key of each entity type's display name (web/locales/<lang>/translation.json). */
export function entityTypeLabelKey(type: EntityType): `entityTypes.${EntityType}` {
  return `entityTypes.${type}`;
}
