import { z } from 'zod';
import {
  ORGANISATION_NAME_MAX,
  OrganisationKindSchema,
} from '../../../../domain/organisations/organisation.schema.ts';

/**
 * The directory's URL search parameters (`/organisations?kind=cbp_office&q=houston`): a
 * filtered view can be bookmarked and shared. Values that do not parse are dropped, not errors.
 */
export const OrganisationsSearchSchema = z.object({
  kind: OrganisationKindSchema.optional().catch(undefined),
  q: z.string().trim().min(1).max(ORGANISATION_NAME_MAX).optional().catch(undefined),
});

export type OrganisationsSearch = z.infer<typeof OrganisationsSearchSchema>;
