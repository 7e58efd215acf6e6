import type { Designation } from '../criteria/catalog.schema.ts';
import type { FindingRating, ValidationOutcome } from './validation-vocabulary.ts';

/**
 * The standard work program of a validation (issue 6, item 4). 6 U.S.C. 971 asks CBP for "a
 * standardized work program" for certifications, validations and revalidations: here every
 * specialist follows the same review steps for every applicable criterion and rates it on the
 * same scale (ctpat-program.md §6: the report carries required actions, recommendations and best
 * practices; §3.4: best practices are what Tier III, "exceeds", rests on).
 *
 * Pure rules, no I/O: the service reads the member's applicable criteria and the findings
 * recorded so far and asks these functions what may be recorded and when the report is ready.
 */

/**
 * The review steps, the same for every criterion and every specialist, in order: read what the
 * member answered in its Security Profile (status and narrative); examine the evidence linked to
 * the criterion; observe the practice at the site or interview the people doing it (a virtual
 * validation does this by video, ctpat-program.md §6); rate the criterion on the scale below.
 */
export const WORK_PROGRAM_STEPS = [
  'read_answer',
  'examine_evidence',
  'observe_interview',
  'rate',
] as const;
export type WorkProgramStep = (typeof WORK_PROGRAM_STEPS)[number];

/**
 * Which ratings fit a criterion's designation (ctpat-program.md §4: each criterion is a Must or
 * a Should; §6: required actions are must-fix gaps, recommendations should-level improvements,
 * best practices exceed the MSC). A must-criterion not met is a required action, never a mere
 * recommendation; a should-criterion not met is a recommendation, never a required action.
 */
export const RATINGS_BY_DESIGNATION: Readonly<Record<Designation, readonly FindingRating[]>> = {
  must: ['compliant', 'required_action', 'best_practice'],
  should: ['compliant', 'recommendation', 'best_practice'],
};

export type RatingCheck = { ok: true } | { ok: false; reason: string };

/** Whether `rating` may be given to a criterion of this designation, and why not. */
export function checkRating(designation: Designation, rating: FindingRating): RatingCheck {
  if (RATINGS_BY_DESIGNATION[designation].includes(rating)) {
    return { ok: true };
  }
  if (rating === 'required_action') {
    return {
      ok: false,
      reason:
        'a required action is only for a must-criterion not met; this criterion is a should: rate it a recommendation',
    };
  }
  return {
    ok: false,
    reason:
      'a recommendation is only for a should-criterion not met; this criterion is a must: rate it a required action',
  };
}

/** What a finding is about, as the rules need it. */
export interface FindingInput {
  criterionId: string;
  /** The site, or null for the whole validation. */
  siteId: string | null;
  rating: FindingRating;
}

export interface FindingIssue {
  /** The body field at fault: `criterionId`, `siteId` or `rating`. */
  field: 'criterionId' | 'siteId' | 'rating';
  message: string;
}

/**
 * Checks a finding against the member's applicable criteria (criterion id → designation) and the
 * validation's sites. A finding on a criterion that does not apply to the member is refused
 * (issue 6, "bad input"): the member does not answer it, so CBP does not rate it.
 */
export function checkFinding(
  finding: FindingInput,
  applicable: ReadonlyMap<string, Designation>,
  siteIds: ReadonlySet<string>,
): FindingIssue[] {
  const issues: FindingIssue[] = [];
  const designation = applicable.get(finding.criterionId);
  if (designation === undefined) {
    issues.push({
      field: 'criterionId',
      message: `criterion ${finding.criterionId} does not apply to the member (not in its Security Profile's criteria for its entity types)`,
    });
  } else {
    const check = checkRating(designation, finding.rating);
    if (!check.ok) {
      issues.push({ field: 'rating', message: check.reason });
    }
  }
  if (finding.siteId !== null && !siteIds.has(finding.siteId)) {
    issues.push({ field: 'siteId', message: 'is not one of the validation’s sites' });
  }
  return issues;
}

export interface CriterionToRate {
  id: string;
  designation: Designation;
}

export interface RatedFinding {
  criterionId: string;
  siteId: string | null;
  rating: FindingRating;
}

export interface RatingCounts {
  compliant: number;
  required_action: number;
  recommendation: number;
  best_practice: number;
}

export interface ReportReadiness {
  /** True when every applicable criterion has at least one finding. */
  ready: boolean;
  /** Applicable criteria with no finding yet, in the order given (catalog order). */
  missing: string[];
  rated: number;
  applicable: number;
  /** Findings by rating, over findings on applicable criteria only. */
  counts: RatingCounts;
}

export function emptyCounts(): RatingCounts {
  return { compliant: 0, required_action: 0, recommendation: 0, best_practice: 0 };
}

/**
 * Whether the report can be submitted: every applicable criterion rated at least once, for the
 * whole validation or at one of its sites (6 U.S.C. 971: the same program for every validation,
 * so none is reported with criteria left unreviewed). Findings on criteria that no longer apply
 * (the member's entity types changed) neither count nor block.
 */
export function reportReadiness(
  criteria: readonly CriterionToRate[],
  findings: readonly RatedFinding[],
): ReportReadiness {
  const applicable = new Set(criteria.map((criterion) => criterion.id));
  const rated = new Set<string>();
  const counts = emptyCounts();
  for (const finding of findings) {
    if (!applicable.has(finding.criterionId)) continue;
    rated.add(finding.criterionId);
    counts[finding.rating] += 1;
  }
  const missing = [...applicable].filter((id) => !rated.has(id));
  return {
    ready: missing.length === 0,
    missing,
    rated: rated.size,
    applicable: applicable.size,
    counts,
  };
}

export type OutcomeCheck = { ok: true } | { ok: false; reason: string };

export interface OutcomeOption {
  outcome: ValidationOutcome;
  allowed: boolean;
  /** Why not, when not allowed. */
  reason: string | null;
}

/**
 * The outcomes the findings allow the report to recommend (ctpat-program.md §3.4, §6):
 * - exceeds (Tier III): at least one best practice and no required action, since exceeding the
 *   MSC presupposes meeting every must-criterion (§3.4: Tier III = validated and exceeds);
 *   recommendations (should-level) do not stand in the way;
 * - suspension (the path of §3.6: "poor validation"): always open to the specialist, with a
 *   written summary saying why;
 * - meets (Tier II): otherwise, including with required actions the member will answer.
 */
export function checkOutcome(
  outcome: ValidationOutcome,
  counts: RatingCounts,
  summary: string,
): OutcomeCheck {
  if (outcome === 'exceeds') {
    if (counts.best_practice === 0) {
      return {
        ok: false,
        reason: 'exceeds needs at least one criterion rated a best practice',
      };
    }
    if (counts.required_action > 0) {
      return {
        ok: false,
        reason: `exceeds is not possible with required actions (${counts.required_action} recorded): every must-criterion has to be met`,
      };
    }
  }
  if (outcome === 'suspension' && summary.trim() === '') {
    return { ok: false, reason: 'a recommendation to suspend needs a summary saying why' };
  }
  return { ok: true };
}

/** Each outcome with whether the findings allow it (for the report form). */
export function outcomeOptions(counts: RatingCounts, summary: string): OutcomeOption[] {
  return (['meets', 'exceeds', 'suspension'] as const).map((outcome) => {
    const check = checkOutcome(outcome, counts, summary);
    return { outcome, allowed: check.ok, reason: check.ok ? null : check.reason };
  });
}

/**
 * An approved report with no required action at all leaves the member nothing to answer
 * (issue 6, items 5–7): the approval also closes the validation with the recommended outcome.
 * With required actions, it waits for the member's responses (response-deadline.ts).
 */
export function closesOnApproval(counts: RatingCounts): boolean {
  return counts.required_action === 0;
}
