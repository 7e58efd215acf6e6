import type { Designation } from '../criteria/catalog.schema.ts';
import type { AnswerStatus } from './profile-vocabulary.ts';

/**
 * Readiness of a Security Profile (issue 5, item 3: "Readiness shown as musts met / musts
 * applicable and shoulds met, per category").
 *
 * Decisions, written down because no CBP document defines "met" for the Portal:
 * - A criterion is **answered** when it has a status and does not wait for re-confirmation
 *   (an answer carried over from last year, or one whose criterion changed in a new catalog
 *   version, needs the member to look at it again: issue 5, items 6 and 8).
 * - A criterion is **met** when it is answered and either `implemented`, or `not_applicable`
 *   with a written justification (issue 5, item 2: "a criterion may be marked not applicable
 *   only with a justification"). `partially_implemented` and `not_implemented` are honest
 *   answers but do not meet the criterion; CBP may still accept a should that is not met
 *   (ctpat-program.md §4: shoulds are best practices, musts are requirements).
 */

export interface AnswerForReadiness {
  readonly status: AnswerStatus | null;
  readonly narrative: string;
  readonly toReconfirm: boolean;
}

export interface CriterionForReadiness {
  readonly designation: Designation;
  readonly answer: AnswerForReadiness | null;
}

export interface Readiness {
  /** Applicable criteria with a status that needs no re-confirmation. */
  readonly answered: number;
  readonly applicable: number;
  readonly mustsMet: number;
  readonly mustsApplicable: number;
  readonly shouldsMet: number;
  readonly shouldsApplicable: number;
}

export function isAnswered(answer: AnswerForReadiness | null): boolean {
  return answer !== null && answer.status !== null && !answer.toReconfirm;
}

/** A `not_applicable` answer must say why: blank text is no justification. */
export function isJustified(narrative: string): boolean {
  return narrative.trim().length > 0;
}

export function isMet(answer: AnswerForReadiness | null): boolean {
  if (answer === null || !isAnswered(answer)) {
    return false;
  }
  return (
    answer.status === 'implemented' ||
    (answer.status === 'not_applicable' && isJustified(answer.narrative))
  );
}

export const EMPTY_READINESS: Readiness = {
  answered: 0,
  applicable: 0,
  mustsMet: 0,
  mustsApplicable: 0,
  shouldsMet: 0,
  shouldsApplicable: 0,
};

/** Counts answered and met criteria, musts and shoulds apart. */
export function readinessOf(criteria: readonly CriterionForReadiness[]): Readiness {
  let answered = 0;
  let mustsMet = 0;
  let mustsApplicable = 0;
  let shouldsMet = 0;
  let shouldsApplicable = 0;
  for (const { designation, answer } of criteria) {
    const met = isMet(answer);
    if (isAnswered(answer)) {
      answered += 1;
    }
    if (designation === 'must') {
      mustsApplicable += 1;
      mustsMet += met ? 1 : 0;
    } else {
      shouldsApplicable += 1;
      shouldsMet += met ? 1 : 0;
    }
  }
  return {
    answered,
    applicable: criteria.length,
    mustsMet,
    mustsApplicable,
    shouldsMet,
    shouldsApplicable,
  };
}

/** The sum of several readiness counts (the categories' into the whole profile's). */
export function addReadiness(parts: readonly Readiness[]): Readiness {
  return parts.reduce(
    (sum, part) => ({
      answered: sum.answered + part.answered,
      applicable: sum.applicable + part.applicable,
      mustsMet: sum.mustsMet + part.mustsMet,
      mustsApplicable: sum.mustsApplicable + part.mustsApplicable,
      shouldsMet: sum.shouldsMet + part.shouldsMet,
      shouldsApplicable: sum.shouldsApplicable + part.shouldsApplicable,
    }),
    EMPTY_READINESS,
  );
}
