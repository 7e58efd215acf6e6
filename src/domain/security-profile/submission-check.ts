import type { Designation } from '../criteria/catalog.schema.ts';
import {
  type AnswerForReadiness,
  addReadiness,
  isAnswered,
  isJustified,
  type Readiness,
  readinessOf,
} from './readiness.ts';

/**
 * Whether a Security Profile may be submitted (issue 5, item 5; "Bad input: submissions with
 * missing must-criteria answers"): every applicable must-criterion is answered (readiness.ts:
 * a status, and re-confirmed when carried over), and a must marked not applicable says why
 * (issue 5, item 2). Should-criteria are counted, never required.
 */

export interface CheckedCriterion {
  readonly id: string;
  readonly category: number;
  readonly designation: Designation;
  readonly answer: AnswerForReadiness | null;
}

export type MissingReason = 'unanswered' | 'to_reconfirm' | 'not_applicable_unjustified';

export interface MissingMust {
  readonly criterionId: string;
  readonly category: number;
  readonly reason: MissingReason;
}

export interface SubmissionCheck extends Readiness {
  readonly byCategory: readonly ({ readonly category: number } & Readiness)[];
  /** Every must (and, in an annual review, every carried answer) that blocks submission. */
  readonly missing: readonly MissingMust[];
  readonly ready: boolean;
}

function problemOf(answer: AnswerForReadiness | null): MissingReason | null {
  if (answer === null || answer.status === null) return 'unanswered';
  if (!isAnswered(answer)) return 'to_reconfirm';
  if (answer.status === 'not_applicable' && !isJustified(answer.narrative)) {
    return 'not_applicable_unjustified';
  }
  return null;
}

/**
 * `reconfirmAll`: an annual review cycle, where every answer carried over from last year is
 * confirmed or updated before submission, should-criteria included (issue 5, item 6).
 */
export function checkSubmission(
  criteria: readonly CheckedCriterion[],
  options: { reconfirmAll?: boolean } = {},
): SubmissionCheck {
  const categories = new Map<number, CheckedCriterion[]>();
  const missing: MissingMust[] = [];
  for (const criterion of criteria) {
    categories.set(criterion.category, [...(categories.get(criterion.category) ?? []), criterion]);
    const problem =
      criterion.designation === 'must'
        ? problemOf(criterion.answer)
        : options.reconfirmAll && criterion.answer?.toReconfirm
          ? 'to_reconfirm'
          : null;
    if (problem !== null) {
      missing.push({ criterionId: criterion.id, category: criterion.category, reason: problem });
    }
  }
  const byCategory = [...categories.entries()]
    .sort(([a], [b]) => a - b)
    .map(([category, members]) => ({ category, ...readinessOf(members) }));
  return {
    ...addReadiness(byCategory),
    byCategory,
    missing,
    ready: missing.length === 0,
  };
}
