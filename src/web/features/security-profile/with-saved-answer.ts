import { addReadiness, isMet, readinessOf } from '../../../domain/security-profile/readiness.ts';
import type {
  ProfileAnswer,
  SecurityProfileView,
} from '../../../domain/security-profile/security-profile.schema.ts';

/**
 * The profile as the server would now answer it after one autosave: the criterion's answer,
 * whether it is met, and the section's and profile's readiness, counted by the same domain
 * rules as the server (readiness.ts). Saves the whole profile's refetch on every keystroke pause.
 */
export function withSavedAnswer(
  view: SecurityProfileView,
  criterionId: string,
  answer: ProfileAnswer,
): SecurityProfileView {
  const sections = view.sections.map((section) => {
    if (!section.criteria.some((criterion) => criterion.id === criterionId)) {
      return section;
    }
    const criteria = section.criteria.map((criterion) =>
      criterion.id === criterionId ? { ...criterion, answer, met: isMet(answer) } : criterion,
    );
    return { ...section, criteria, readiness: readinessOf(criteria) };
  });
  return {
    ...view,
    sections,
    readiness: addReadiness(sections.map((section) => section.readiness)),
  };
}
