import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ADDRESS_KINDS,
  type AddressKind,
  CONTACT_ROLES,
  type ContactRole,
} from '../../../domain/registry/profile/company-profile-vocabulary.ts';
import { oneOf } from '../../db/sql-checks.ts';
import { users } from '../identity/accounts.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';

/**
 * The company profile an application carries (issue 4, item 4) beyond the organisation's legal
 * name, country and city: other names it trades under, its history, and how to reach it.
 * One row per member company; addresses and contacts are their own tables (many per company).
 */
export const companyProfiles = pgTable(
  'company_profiles',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    /** Other names the company does business as (the legal name lives on organisations). */
    otherNames: jsonb('other_names').$type<string[]>().notNull(),
    yearEstablished: integer('year_established'),
    /** The company's history in its own words: ownership, affiliates, lines of business. */
    businessHistory: text('business_history'),
    website: text('website'),
    telephone: text('telephone'),
    employeeCount: integer('employee_count'),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    check('company_profiles_other_names_array', sql`jsonb_typeof(${table.otherNames}) = 'array'`),
    check(
      'company_profiles_year_established',
      sql`${table.yearEstablished} is null or ${table.yearEstablished} between 1600 and 2200`,
    ),
    check(
      'company_profiles_employee_count',
      sql`${table.employeeCount} is null or ${table.employeeCount} >= 0`,
    ),
  ],
);

/** Headquarters (exactly one once the application is submitted), offices, cargo-handling sites. */
export const companyAddresses = pgTable(
  'company_addresses',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').$type<AddressKind>().notNull(),
    /** The site's own name, e.g. "Laredo cross-dock". */
    label: text('label'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    /** State, province or region. */
    region: text('region'),
    postalCode: text('postal_code'),
    countryCode: text('country_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('company_addresses_organisation_idx').on(table.organisationId, table.kind),
    // A company has one headquarters.
    uniqueIndex('company_addresses_one_headquarters')
      .on(table.organisationId)
      .where(sql`${table.kind} = 'headquarters'`),
    check('company_addresses_kind_known', oneOf(table.kind, ADDRESS_KINDS)),
    check('company_addresses_country_code_format', sql`${table.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);

/** People CBP contacts about the membership; optionally linked to a user account. */
export const companyContacts = pgTable(
  'company_contacts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<ContactRole>().notNull(),
    fullName: text('full_name').notNull(),
    title: text('title'),
    email: text('email').notNull(),
    telephone: text('telephone'),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('company_contacts_organisation_idx').on(table.organisationId, table.role),
    // One primary contact per company.
    uniqueIndex('company_contacts_one_primary')
      .on(table.organisationId)
      .where(sql`${table.role} = 'primary'`),
    check('company_contacts_role_known', oneOf(table.role, CONTACT_ROLES)),
  ],
);
