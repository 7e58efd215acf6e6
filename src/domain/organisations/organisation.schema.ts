import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../api/pagination.schema.ts';
import { ENTITY_TYPES } from './entity-types.ts';

/**
 * An organisation is a tenant: a member company (trade side) or a CBP office (agency side).
 * A member company's id is the `partner_id` that every row it owns carries.
 */
export const ORGANISATION_KINDS = ['member_company', 'cbp_office'] as const;
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const EntityTypeSchema = z.enum(ENTITY_TYPES);

/** ISO 3166-1 alpha-2, upper case (US, MX, CA, ...). */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US');

export const ORGANISATION_NAME_MAX = 200;

export const OrganisationSchema = z
  .object({
    id: z.uuid(),
    kind: OrganisationKindSchema,
    legalName: z.string().min(1).max(ORGANISATION_NAME_MAX).describe('Registered legal name'),
    tradeName: z.string().max(ORGANISATION_NAME_MAX).nullable().describe('Doing-business-as name'),
    countryCode: CountryCodeSchema.describe('Country of the headquarters or office'),
    city: z.string().min(1).max(100),
    entityTypes: z
      .array(EntityTypeSchema)
      .describe('CTPAT business types held by a member company; empty for CBP offices'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof OrganisationSchema>;

export const NewOrganisationSchema = OrganisationSchema.omit({
  id: true,
  createdAt: true,
}).superRefine((org, ctx) => {
  if (org.kind === 'member_company' && org.entityTypes.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['entityTypes'],
      message: 'a member company holds at least one CTPAT entity type',
    });
  }
  if (org.kind === 'cbp_office' && org.entityTypes.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['entityTypes'],
      message: 'a CBP office holds no CTPAT entity types',
    });
  }
});
export type NewOrganisation = z.infer<typeof NewOrganisationSchema>;

export const OrganisationListQuerySchema = PageQuerySchema.extend({
  kind: OrganisationKindSchema.optional().describe('Only member companies or only CBP offices'),
  q: z.string().trim().min(1).max(100).optional().describe('Case-insensitive part of the name'),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;

export const OrganisationPageSchema = pageOf(OrganisationSchema).meta({ id: 'OrganisationPage' });
export type OrganisationPage = z.infer<typeof OrganisationPageSchema>;

export const OrganisationIdParamsSchema = z.object({ id: z.uuid() });
