import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ENTITY_TYPES, type EntityType } from '../../../domain/organisations/entity-types.ts';
import { ORGANISATION_KINDS } from '../../../domain/organisations/organisation.schema.ts';

export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);
const entityTypeList = sql.raw(ENTITY_TYPES.map((type) => `'${type}'`).join(', '));

/**
 * Tenants: member companies and CBP offices. A member company's `id` is the `partner_id` that
 * every row it owns carries (architecture.md, "Tenancy").
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    kind: organisationKind('kind').notNull(),
    legalName: text('legal_name').notNull(),
    tradeName: text('trade_name'),
    countryCode: text('country_code').notNull(),
    city: text('city').notNull(),
    // text[] with a check rather than a PostgreSQL enum: entity types will grow (3PL pilot
    // categories) and changing a check is one migration, while enum values cannot be removed.
    entityTypes: text('entity_types').array().$type<EntityType[]>().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    // The directory lists by name; this index serves the keyset pagination (name, id).
    index('organisations_name_idx').on(table.legalName, table.id),
    index('organisations_kind_name_idx').on(table.kind, table.legalName, table.id),
    // Name search is ILIKE '%fragment%', which no btree serves; a trigram index keeps a rare
    // fragment (few matches in 11,400 members) from scanning the whole directory.
    index('organisations_legal_name_trgm_idx').using('gin', sql`${table.legalName} gin_trgm_ops`),
    check('organisations_country_code_format', sql`${table.countryCode} ~ '^[A-Z]{2}$'`),
    check(
      'organisations_entity_types_known',
      sql`${table.entityTypes} <@ array[${entityTypeList}]::text[]`,
    ),
    check(
      'organisations_member_has_entity_type',
      sql`(${table.kind} = 'member_company') = (cardinality(${table.entityTypes}) > 0)`,
    ),
  ],
);
