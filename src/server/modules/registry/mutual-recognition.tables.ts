import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/accounts.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';

/**
 * Mutual Recognition Arrangement partner programs (issue 4, item 9), maintained by an
 * administrator; seeded from src/domain/registry/mutual-recognition/mra-programs.ts. `id` is
 * the program's slug (e.g. `ca-partners-in-protection`). Provisional entries (name or date not
 * verified in the domain reference) are shown as such.
 */
export const mraPrograms = pgTable(
  'mra_programs',
  {
    id: text('id').primaryKey(),
    countryCode: text('country_code').notNull(),
    countryName: text('country_name').notNull(),
    programName: text('program_name').notNull(),
    /** YYYY-MM: the sources give the month for every arrangement. */
    signedMonth: text('signed_month').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    sources: jsonb('sources').$type<string[]>().notNull(),
    provisional: boolean('provisional').notNull(),
    note: text('note'),
    /** An arrangement no longer in force stays for the certifications recorded under it. */
    active: boolean('active').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
  },
  (table) => [
    uniqueIndex('mra_programs_country_program').on(
      table.countryCode,
      sql`lower(${table.programName})`,
    ),
    check('mra_programs_country_code_format', sql`${table.countryCode} ~ '^[A-Z]{2}$'`),
    check(
      'mra_programs_signed_month_format',
      sql`${table.signedMonth} ~ '^\\d{4}-(0[1-9]|1[0-2])$'`,
    ),
    check('mra_programs_sources_array', sql`jsonb_typeof(${table.sources}) = 'array'`),
  ],
);

/**
 * A member's record that a foreign business partner holds an AEO (or equivalent) certification
 * under an MRA partner program: evidence for business-partner vetting. Removal keeps the row.
 */
export const partnerAeoCertifications = pgTable(
  'partner_aeo_certifications',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    mraProgramId: text('mra_program_id')
      .notNull()
      .references(() => mraPrograms.id),
    partnerName: text('partner_name').notNull(),
    partnerCountryCode: text('partner_country_code').notNull(),
    /** The partner's certification or AEO number in its own program. */
    certificationNumber: text('certification_number').notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    removedByUserId: uuid('removed_by_user_id').references(() => users.id),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    index('partner_aeo_certifications_org_idx').on(table.organisationId, table.partnerName),
    uniqueIndex('partner_aeo_certifications_one_live')
      .on(table.organisationId, table.mraProgramId, table.certificationNumber)
      .where(sql`${table.removedAt} is null`),
    check(
      'partner_aeo_certifications_country_format',
      sql`${table.partnerCountryCode} ~ '^[A-Z]{2}$'`,
    ),
  ],
);
