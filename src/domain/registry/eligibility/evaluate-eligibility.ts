import { z } from 'zod';
import type { EntityType } from '../../organisations/entity-types.ts';
import {
  type EligibilityQuestion,
  eligibilityQuestionnaire,
  type LocalisedText,
} from './eligibility-questionnaires.ts';

/** Answers keyed by question id; a missing key is an unanswered question. */
export type EligibilityAnswers = Readonly<Partial<Record<string, boolean>>>;

export interface BlockingAnswer {
  readonly questionId: string;
  readonly reason: LocalisedText;
}

export type EligibilityResult =
  | { readonly eligible: true }
  | {
      readonly eligible: false;
      /** Questions answered with the blocking value, in questionnaire order. */
      readonly blocking: readonly BlockingAnswer[];
      /** Questions not answered, in questionnaire order; these block submission too. */
      readonly unanswered: readonly string[];
    };

/**
 * Evaluates an applicant's answers for one entity type. Eligible only when every question of
 * that type's questionnaire is answered with its proceed value. Ids not in the questionnaire
 * are ignored here; the answers schema below refuses them at the boundary.
 */
export function evaluateEligibility(
  entityType: EntityType,
  answers: EligibilityAnswers,
): EligibilityResult {
  const blocking: BlockingAnswer[] = [];
  const unanswered: string[] = [];
  for (const question of eligibilityQuestionnaire(entityType)) {
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (answer === undefined) {
      unanswered.push(question.id);
    } else if (answer !== question.proceedAnswer) {
      blocking.push({ questionId: question.id, reason: question.blockingReason });
    }
  }
  if (blocking.length === 0 && unanswered.length === 0) {
    return { eligible: true };
  }
  return { eligible: false, blocking, unanswered };
}

export const ELIGIBILITY_ANSWER_MESSAGES = {
  unknownQuestions: (entityType: EntityType, ids: readonly string[]) =>
    `unknown eligibility question ${ids.length === 1 ? 'id' : 'ids'} for ${entityType}: ${ids.join(', ')}`,
} as const;

/**
 * Zod schema for the answers body of one entity type's questionnaire:
 * `{ [questionId]: boolean }`. Unanswered questions are allowed (they are reported by
 * `evaluateEligibility`); ids that are not in the questionnaire are refused, named in the
 * message.
 */
export function eligibilityAnswersSchema(entityType: EntityType) {
  const known = new Set(
    eligibilityQuestionnaire(entityType).map((question: EligibilityQuestion) => question.id),
  );
  return z.record(z.string(), z.boolean()).superRefine((answers, ctx) => {
    const unknown = Object.keys(answers).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: ELIGIBILITY_ANSWER_MESSAGES.unknownQuestions(entityType, unknown),
      });
    }
  });
}
