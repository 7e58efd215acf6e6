/**
 * The words of the protest domain (issue 7). Source: ../shared/domain/trade-compliance-
 * protests-exams.md §2.1, §2.2, §2.6 and §2.7, which paraphrase 19 U.S.C. 1514–1515 and
 * 19 CFR Part 174.
 */

/**
 * Who a protest is for (19 U.S.C. 1514(c)(2)(A)–(E); 19 CFR 174.12(a)). ACE calls this the
 * "Protestant Type" and keeps it apart from the "Protestant Filer" who prepares and files the
 * protest (CSMS 19-000245). An authorized agent (1514(c)(2)(F); 19 CFR 174.3) is a filer,
 * not a protestant type: see `PROTEST_FILER_CAPACITIES`.
 */
export const PROTESTANT_TYPES = [
  /** (A) the importer shown on the entry papers. */
  'importer',
  /** (A) the consignee shown on the entry papers. */
  'consignee',
  /** (A) the surety of the importer or consignee. */
  'surety',
  /** (B) any person paying a charge or exaction. */
  'charge_payer',
  /** (C) any person seeking entry or delivery. */
  'entry_or_delivery_seeker',
  /** (D) any person filing a claim for drawback. */
  'drawback_claimant',
  /** (E) for a USMCA origin determination, the exporter or producer who signed the certification of origin. */
  'usmca_exporter_or_producer',
] as const;
export type ProtestantType = (typeof PROTESTANT_TYPES)[number];

/** In what capacity the filer signs (19 CFR 174.12(a), 174.3, 174.13(a)(1)). */
export const PROTEST_FILER_CAPACITIES = ['protestant', 'authorized_agent', 'attorney'] as const;
export type ProtestFilerCapacity = (typeof PROTEST_FILER_CAPACITIES)[number];

/**
 * The decisions that can be protested (19 U.S.C. 1514(a)(1)–(7); 19 CFR 174.11), including a
 * clerical error, mistake of fact or inadvertence adverse to the importer in any of them.
 */
export const PROTESTABLE_DECISIONS = [
  /** (1) the appraised value of merchandise. */
  'appraised_value',
  /** (2) classification and rate and amount of duties. */
  'classification_and_rate',
  /** (3) charges or exactions within the Secretary of the Treasury's jurisdiction. */
  'charges_or_exactions',
  /** (4) exclusion from entry or delivery, or a demand for redelivery (not under 19 U.S.C. 1337). */
  'exclusion_or_redelivery',
  /** (5) liquidation or reliquidation, including of a reconciliation and under 1500 or 1504. */
  'liquidation_or_reliquidation',
  /** (6) refusal to pay a claim for drawback. */
  'drawback_refusal',
  /** (7) refusal to reliquidate an entry under 19 U.S.C. 1520(d). */
  'refusal_to_reliquidate_1520d',
] as const;
export type ProtestableDecision = (typeof PROTESTABLE_DECISIONS)[number];

/** An exclusion protest is deemed denied after 30 days (19 CFR 174.21(b)). */
export function isExclusionDecision(decision: ProtestableDecision): boolean {
  return decision === 'exclusion_or_redelivery';
}

/** CBP's decision on a protest (19 U.S.C. 1515(a) and (b); 19 CFR 174.21–174.30). */
export const PROTEST_DECISION_KINDS = [
  'allowed',
  'allowed_in_part',
  'denied',
  'denied_in_part',
  /** By operation of law: accelerated disposition (1515(b)) or exclusion (174.21(b)). */
  'deemed_denied',
] as const;
export type ProtestDecisionKind = (typeof PROTEST_DECISION_KINDS)[number];

/**
 * Decisions that deny something and therefore need stated reasons and a notice of the right to
 * go to court (19 U.S.C. 1515(a); 19 CFR 174.30). An allowance in part denies the rest.
 * A deemed denial has no reasons: no one decided.
 */
export const DECISIONS_REQUIRING_REASONS = [
  'allowed_in_part',
  'denied',
  'denied_in_part',
] as const satisfies readonly ProtestDecisionKind[];

/** Decisions from which the 180 days to the Court of International Trade run (28 U.S.C. 2636(a)). */
export const DECISIONS_OPENING_COURT_CLOCK = [
  'allowed_in_part',
  'denied',
  'denied_in_part',
  'deemed_denied',
] as const satisfies readonly ProtestDecisionKind[];

export function decisionRequiresReasons(kind: ProtestDecisionKind): boolean {
  return (DECISIONS_REQUIRING_REASONS as readonly ProtestDecisionKind[]).includes(kind);
}

export function decisionOpensCourtClock(kind: ProtestDecisionKind): boolean {
  return (DECISIONS_OPENING_COURT_CLOCK as readonly ProtestDecisionKind[]).includes(kind);
}

/**
 * Where a protest stands. The ACE status codes were not found (domain doc §2.6, a gap), so
 * these are the product's own, named after the steps the statute and ACE guides describe.
 */
export const PROTEST_STATUSES = [
  /** Filed, not yet taken up by a reviewer. */
  'filed',
  /** Assigned to a reviewer at the Center. */
  'under_review',
  /** Further review allowed (19 CFR 174.24–174.26). */
  'under_further_review',
  /** A decision was recorded, including a deemed denial. */
  'decided',
  /** Withdrawn by the protestant. */
  'withdrawn',
] as const;
export type ProtestStatus = (typeof PROTEST_STATUSES)[number];

/**
 * Categories of merchandise: the domain doc gives no list (1514(c)(1)(B) and 174.13(a)(6)
 * require objections "for each category of merchandise" without naming categories), so a
 * category is free text the protestant writes. Its length limit is the schema's.
 */
export const MERCHANDISE_CATEGORY_MAX = 200;

/**
 * The declaration 19 CFR 174.13(a)(9) asks of every protest: to the protestant's knowledge,
 * whether the entry is the subject of drawback, or could be.
 */
export const DRAWBACK_DECLARATIONS = [
  'not_subject_to_drawback',
  'subject_to_drawback',
  'may_become_subject_to_drawback',
] as const;
export type DrawbackDeclaration = (typeof DRAWBACK_DECLARATIONS)[number];
