import { z } from 'zod';
import { CountryCodeSchema } from '../../organisations/organisation.schema.ts';
import { ADDRESS_KINDS, CONTACT_ROLES } from './company-profile-vocabulary.ts';

/**
 * The company profile an application carries (issue 4, item 4): other names, history and how
 * to reach the company, its addresses (headquarters, offices, cargo-handling sites) and its
 * contacts. Fields follow the CTPAT Portal's Organization Profile and Addresses sections
 * (../shared/domain/ctpat-program.md §3.1). The legal name, country and city stay on the
 * organisation itself.
 */

export const OTHER_NAMES_MAX = 10;
export const COMPANY_NAME_MAX = 200;
export const BUSINESS_HISTORY_MAX = 4000;
export const WEBSITE_MAX = 300;
export const TELEPHONE_MAX = 40;
export const EMAIL_MAX = 254;
/** The oldest year the table accepts (company_profiles_year_established). */
export const YEAR_ESTABLISHED_MIN = 1600;
export const EMPLOYEE_COUNT_MAX = 10_000_000;

/** Optional text: absent, null or blank all mean "not given" (stored as null). */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** Digits with the usual separators, an optional leading + and an optional extension. */
const TELEPHONE_PATTERN = /^\+?[0-9][0-9 ().\-/]{3,30}(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$/i;

const TelephoneSchema = z
  .string()
  .trim()
  .max(TELEPHONE_MAX)
  .regex(TELEPHONE_PATTERN, 'must be a telephone number: digits, spaces, ( ) - . / and + first')
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((value) => value ?? null);

const WebsiteSchema = z
  .url({ protocol: /^https?$/, message: 'must be a web address starting with https:// or http://' })
  .max(WEBSITE_MAX)
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((value) => value ?? null);

export const CompanyProfileBodySchema = z
  .object({
    otherNames: z
      .array(z.string().trim().min(1).max(COMPANY_NAME_MAX))
      .max(OTHER_NAMES_MAX)
      .default([])
      .describe('Names the company does business as (DBA), besides its legal name'),
    yearEstablished: z
      .number()
      .int()
      .min(YEAR_ESTABLISHED_MIN)
      .nullish()
      .transform((value) => value ?? null)
      .describe('The year the business started; not in the future'),
    businessHistory: optionalText(BUSINESS_HISTORY_MAX).describe(
      'A brief history: ownership, affiliates, lines of business',
    ),
    website: WebsiteSchema,
    telephone: TelephoneSchema,
    employeeCount: z
      .number()
      .int()
      .min(0)
      .max(EMPLOYEE_COUNT_MAX)
      .nullish()
      .transform((value) => value ?? null),
  })
  .meta({ id: 'CompanyProfileBody' });
export type CompanyProfileBody = z.infer<typeof CompanyProfileBodySchema>;

export const CompanyAddressBodySchema = z
  .object({
    kind: z.enum(ADDRESS_KINDS),
    label: optionalText(120).describe('The site’s own name, e.g. "Laredo cross-dock"'),
    line1: z.string().trim().min(1).max(200),
    line2: optionalText(200),
    city: z.string().trim().min(1).max(100),
    region: optionalText(100).describe('State, province or region'),
    postalCode: optionalText(20),
    countryCode: CountryCodeSchema,
  })
  .meta({ id: 'CompanyAddressBody' });
export type CompanyAddressBody = z.infer<typeof CompanyAddressBodySchema>;

export const CompanyContactBodySchema = z
  .object({
    role: z.enum(CONTACT_ROLES),
    fullName: z.string().trim().min(1).max(COMPANY_NAME_MAX),
    title: optionalText(120),
    email: z.email().max(EMAIL_MAX),
    telephone: TelephoneSchema,
    userId: z
      .uuid()
      .nullish()
      .transform((value) => value ?? null)
      .describe('The contact’s user account in this company, if they have one'),
  })
  .meta({ id: 'CompanyContactBody' });
export type CompanyContactBody = z.infer<typeof CompanyContactBodySchema>;

export const CompanyAddressSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ADDRESS_KINDS),
    label: z.string().nullable(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    countryCode: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CompanyAddress' });
export type CompanyAddress = z.infer<typeof CompanyAddressSchema>;

export const CompanyContactSchema = z
  .object({
    id: z.uuid(),
    role: z.enum(CONTACT_ROLES),
    fullName: z.string(),
    title: z.string().nullable(),
    email: z.string(),
    telephone: z.string().nullable(),
    userId: z.uuid().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CompanyContact' });
export type CompanyContact = z.infer<typeof CompanyContactSchema>;

export const CompanyProfileSchema = z
  .object({
    organisationId: z.uuid(),
    legalName: z.string(),
    otherNames: z.array(z.string()),
    yearEstablished: z.number().int().nullable(),
    businessHistory: z.string().nullable(),
    website: z.string().nullable(),
    telephone: z.string().nullable(),
    employeeCount: z.number().int().nullable(),
    updatedAt: z.iso.datetime().nullable().describe('Null until the profile is first saved'),
    addresses: z.array(CompanyAddressSchema),
    contacts: z.array(CompanyContactSchema),
  })
  .meta({ id: 'CompanyProfile' });
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;

export const CompanyAddressIdParamsSchema = z.object({ addressId: z.uuid() });
export const CompanyContactIdParamsSchema = z.object({ contactId: z.uuid() });
