import { z } from 'zod';

/**
 * The Security Profile page's URL search (`/profile?section=3`): the section shown, so a link
 * (an assignment notification, a bookmark) opens it. A value that does not parse is dropped.
 */
export const SecurityProfileSearchSchema = z.object({
  section: z.coerce.number().int().min(1).max(12).optional().catch(undefined),
});

export type SecurityProfileSearch = z.infer<typeof SecurityProfileSearchSchema>;

/** The element id of a criterion's card on the profile page (a link's #fragment lands on it). */
export function criterionElementId(criterionId: string): string {
  return `criterion-${criterionId}`;
}

/**
 * A link to one criterion of the profile: its section (the category is the id's first number,
 * "7.37" → 7) and the card within it. Review pages use it to send members to a returned answer.
 */
export function profileCriterionHref(criterionId: string): string {
  const category = Number(criterionId.split('.')[0]);
  return `/profile?section=${category}#${criterionElementId(criterionId)}`;
}
