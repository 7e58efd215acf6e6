import type { Designation } from '../criteria/catalog.schema.ts';
import { compareCriterionIds } from '../criteria/catalog.schema.ts';
import { MSC_CATEGORIES } from '../criteria/msc-categories.ts';
import { EXPIRING_WITHIN_DAYS } from '../evidence/evidence-expiry.ts';
import type { AnswerStatus } from '../security-profile/profile-vocabulary.ts';
import { isMet } from '../security-profile/readiness.ts';
import { type CalendarDate, calendarDate, daysBetween } from '../time/calendar-date.ts';
import { PREPARATION_TEXT, type PreparationStepId } from './preparation-package-text.ts';
import type {
  DocumentLanguage,
  FindingRating,
  ParticipantSide,
  ResponseDecision,
  SiteLocation,
  ValidationKind,
  ValidationMode,
  ValidationOutcome,
  ValidationStatus,
} from './validation-vocabulary.ts';

/**
 * The standard validation preparation package (issue 6, item 3; COAC benefit 1: "a standard set
 * of user-friendly validation/revalidation preparation documents"). One structure for every
 * member and every specialist, in English or Spanish:
 *
 * 1. a cover letter: dates, mode, the CBP and member contacts;
 * 2. what happens at each step and how long it takes (PREPARATION_STEPS);
 * 3. the agenda per site, a foreign site covered by an MRA partner program flagged as needing no
 *    CBP foreign visit;
 * 4. every applicable criterion (must/should) with the member's current answer, its linked
 *    evidence with the expiry flagged, and what the specialist will ask to see;
 * 5. a checklist of documents to prepare; 6. a self-check worksheet; 7. the open items of the
 *    last validation.
 *
 * A member may also build it with no validation, from its current profile, as a readiness
 * check. Pure: the server gathers the inputs, this module decides what the package says, and the
 * server lays it out as a document (validation-package-document.ts).
 *
 * Sources (../shared/domain/ctpat-program.md §6, "Validation process"):
 * - notice of at least 30 days, about 60 for foreign visits; the SCSS picks a domestic and
 *   usually a foreign site; an importer's foreign visit is skipped when the supplier is in an MRA
 *   partner program: https://securetradeadvisors.com/?p=38 ,
 *   https://www.chrobinson.com/en-gb/resources/blog/ctpat-validation-meetings-best-practices/
 * - the steps (scheduling and documents → member preparation with a pre-validation review of the
 *   profile → domestic and foreign visits → validation report → the member's written response
 *   → the SCSS's reply): https://www.articleslash.net/Business/Outsourcing/430427__Being-Prepared-For-C-TPAT-Validation.html ,
 *   https://onlineinfoes.com/2025/04/01/ctpat-validation-process-what-to-expect-and-how-to-prepare/
 * - virtual validations mirror on-site ones: https://cbp.gov/border-security/ports-entry/cargo-security/CTPAT/ctpat-faqs
 * - the response period for required actions is UNVERIFIED (90 days is the commonly used figure):
 *   https://www.normanjaspanassociates.com/ctpat-suspension-and-removal/
 * Durations no source gives (the profile review, a day per site, the report, the closing) are
 * our planning figures and are printed as provisional.
 */

/**
 * A package is generated for a scheduled validation (issue 6, item 3): its dates and sites are
 * set, and it is not over. A planned validation has neither; a closed or cancelled one keeps the
 * packages generated before.
 */
export const PACKAGE_VALIDATION_STATUSES: readonly ValidationStatus[] = [
  'scheduled',
  'fieldwork',
  'report_submitted',
  'report_issued',
];

// ---------------------------------------------------------------------------------------------
// The steps and how long they take

/**
 * The periods the steps are measured in. The notice and response periods are deployment
 * settings (validation-notice.ts, response-deadline.ts: VALIDATION_*NOTICE_DAYS,
 * VALIDATION_RESPONSE_DAYS), provisional until a deployment names a primary source.
 */
export interface StepPeriods {
  /** Minimum written notice (ctpat-program.md §6: at least 30 days; secondary sources). */
  noticeDays: number;
  /** Minimum written notice with a CBP foreign visit (§6: about 60 days). */
  foreignNoticeDays: number;
  noticeProvisional: boolean;
  /** The member's period to answer required actions (§6: 90 days, UNVERIFIED). */
  responseDays: number;
  responseProvisional: boolean;
}

export const DEFAULT_STEP_PERIODS: StepPeriods = {
  noticeDays: 30,
  foreignNoticeDays: 60,
  noticeProvisional: true,
  responseDays: 90,
  responseProvisional: true,
};

/** Planning figures no source gives: shown as provisional. */
export const PROVISIONAL_STEP_DAYS = {
  /** One day per site on the agenda (virtual or in person). */
  siteVisitPerSite: 1,
  /** From the last visit to the report. */
  report: 30,
  /** From the last response to the closing. */
  closing: 30,
} as const;

export type StepDuration =
  | { kind: 'at_least_before_visit'; days: number; foreign: boolean }
  | { kind: 'notice_period'; days: number }
  | { kind: 'before_visits' }
  | { kind: 'per_site'; days: number; sites: number }
  | { kind: 'after_visits'; days: number }
  | { kind: 'after_report'; days: number }
  | { kind: 'after_responses'; days: number };

export interface PreparationStep {
  id: PreparationStepId;
  duration: StepDuration;
  /** Not settled by a source: a planning figure, or a figure the sources leave unverified. */
  provisional: boolean;
}

/** The standard order of a validation, the same for every member (§6). */
export const PREPARATION_STEP_IDS: readonly PreparationStepId[] = [
  'notice',
  'member_preparation',
  'profile_review',
  'site_visits',
  'report',
  'member_response',
  'closing',
];

/**
 * The steps with their durations for this validation: the notice is the foreign one when a site
 * needs a CBP foreign visit; site visits count the sites CBP visits (at least one).
 */
export function preparationSteps(
  periods: StepPeriods,
  context: { foreignVisit: boolean; visitedSites: number },
): PreparationStep[] {
  const notice = context.foreignVisit ? periods.foreignNoticeDays : periods.noticeDays;
  const durations: Record<PreparationStepId, StepDuration> = {
    notice: { kind: 'at_least_before_visit', days: notice, foreign: context.foreignVisit },
    member_preparation: { kind: 'notice_period', days: notice },
    profile_review: { kind: 'before_visits' },
    site_visits: {
      kind: 'per_site',
      days: PROVISIONAL_STEP_DAYS.siteVisitPerSite,
      sites: Math.max(1, context.visitedSites),
    },
    report: { kind: 'after_visits', days: PROVISIONAL_STEP_DAYS.report },
    member_response: { kind: 'after_report', days: periods.responseDays },
    closing: { kind: 'after_responses', days: PROVISIONAL_STEP_DAYS.closing },
  };
  // The notice and response periods are provisional unless the deployment verified them; the
  // other durations are our planning figures (PROVISIONAL_STEP_DAYS), always provisional.
  const provisional: Record<PreparationStepId, boolean> = {
    notice: periods.noticeProvisional,
    member_preparation: periods.noticeProvisional,
    profile_review: true,
    site_visits: true,
    report: true,
    member_response: periods.responseProvisional,
    closing: true,
  };
  return PREPARATION_STEP_IDS.map((id) => ({
    id,
    duration: durations[id],
    provisional: provisional[id],
  }));
}

/** How long a step takes, in words. */
export function durationText(
  step: PreparationStep,
  language: DocumentLanguage,
): { text: string; provisional: boolean } {
  const words = PREPARATION_TEXT[language].duration;
  const duration = step.duration;
  let text: string;
  switch (duration.kind) {
    case 'at_least_before_visit':
      text = words.atLeastBeforeVisit(duration.days, duration.foreign);
      break;
    case 'notice_period':
      text = words.noticePeriod(duration.days);
      break;
    case 'before_visits':
      text = words.beforeVisits;
      break;
    case 'per_site':
      text = words.perSite(duration.days, duration.sites);
      break;
    case 'after_visits':
      text = words.afterVisits(duration.days);
      break;
    case 'after_report':
      text = words.afterReport(duration.days);
      break;
    case 'after_responses':
      text = words.afterResponses(duration.days);
      break;
  }
  return { text, provisional: step.provisional };
}

// ---------------------------------------------------------------------------------------------
// Sites

export interface PackageSite {
  name: string;
  address: string;
  countryCode: string;
  location: SiteLocation;
  /** The MRA partner program that certifies a foreign site's operator, by name. */
  mraProgramName: string | null;
  cbpVisitRequired: boolean;
  visitOn: string | null;
  agenda: readonly { time: string; topic: string }[];
}

/**
 * A foreign site whose operator is certified in an MRA partner program needs no CBP foreign
 * visit (ctpat-program.md §6, §3.8); scheduling records it as `cbpVisitRequired = false`.
 */
export function noCbpForeignVisit(
  site: Pick<PackageSite, 'location' | 'cbpVisitRequired'>,
): boolean {
  return site.location === 'foreign' && !site.cbpVisitRequired;
}

/** Sites CBP visits: every site but the MRA-covered foreign ones. */
export function visitedSites<Site extends Parameters<typeof noCbpForeignVisit>[0]>(
  sites: readonly Site[],
): Site[] {
  return sites.filter((site) => !noCbpForeignVisit(site));
}

/** A CBP foreign visit is planned: the longer notice applies (§6). */
export function hasCbpForeignVisit(sites: Parameters<typeof visitedSites>[0]): boolean {
  return visitedSites(sites).some((site) => site.location === 'foreign');
}

/**
 * The first day CBP visits: the earliest visit day of a visited site, else the validation's first
 * day; null when neither is set (a readiness check).
 */
export function firstVisitOn(
  startsOn: string | null,
  sites: readonly Pick<
    PackageSite,
    'location' | 'mraProgramName' | 'cbpVisitRequired' | 'visitOn'
  >[],
): CalendarDate | null {
  const days = visitedSites(sites)
    .flatMap((site) => (site.visitOn ? [site.visitOn] : []))
    .sort();
  const first = days[0] ?? startsOn;
  return first ? calendarDate(first) : null;
}

// ---------------------------------------------------------------------------------------------
// Evidence and its expiry

/**
 * Why a linked document needs attention before the validation:
 * - expired: its last valid day is before today;
 * - expires_before_visit: valid today, but no longer on the first visit day;
 * - expiring: valid on the first visit day (or today, for a readiness check) but expires within
 *   EXPIRING_WITHIN_DAYS of it (the evidence library's "expiring", evidence-expiry.ts).
 * A document is valid through its `expiresOn` day (evidence-expiry.ts).
 */
export type EvidenceFlag = 'expired' | 'expires_before_visit' | 'expiring';

export function evidenceFlag(
  expiresOn: string | null,
  today: CalendarDate,
  firstVisit: CalendarDate | null,
): EvidenceFlag | null {
  if (expiresOn === null) return null;
  const expires = calendarDate(expiresOn);
  if (daysBetween(today, expires) < 0) return 'expired';
  const reference = firstVisit !== null && daysBetween(today, firstVisit) > 0 ? firstVisit : today;
  const left = daysBetween(reference, expires);
  if (left < 0) return 'expires_before_visit';
  return left <= EXPIRING_WITHIN_DAYS ? 'expiring' : null;
}

// ---------------------------------------------------------------------------------------------
// Criteria

export interface PackageEvidenceInput {
  evidenceId: string;
  title: string;
  expiresOn: string | null;
}

export interface PackageCriterionInput {
  id: string;
  category: number;
  designation: Designation;
  provisional: boolean;
  text: string;
  /** The catalog's guidance for the criterion, when it has any. */
  guidance: string | null;
  answer: { status: AnswerStatus | null; narrative: string; toReconfirm: boolean } | null;
  evidence: readonly PackageEvidenceInput[];
}

export interface PackageEvidence extends PackageEvidenceInput {
  flag: EvidenceFlag | null;
}

export interface PackageCriterion extends Omit<PackageCriterionInput, 'evidence'> {
  met: boolean;
  evidence: PackageEvidence[];
  /** What the specialist will ask to see: the catalog's guidance, else the category's line. */
  askToSee: string;
  askToSeeFromCatalog: boolean;
}

/**
 * What the specialist will ask to see for a criterion: the catalog's guidance when the catalog
 * version has some (catalog.schema.ts `guidance`), else the standard line of its category (the
 * 2019 seed has no guidance: msc-seed.ts).
 */
export function askToSee(
  criterion: Pick<PackageCriterionInput, 'category' | 'guidance'>,
  language: DocumentLanguage,
): { text: string; fromCatalog: boolean } {
  const guidance = criterion.guidance?.trim() ?? '';
  if (guidance !== '') return { text: guidance, fromCatalog: true };
  return {
    text: PREPARATION_TEXT[language].askToSee[criterion.category] ?? '',
    fromCatalog: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Open items of the last validation

export interface PreviousFinding {
  id: string;
  criterionId: string;
  rating: FindingRating;
  notes: string;
  siteName: string | null;
}

export interface PreviousResponse {
  findingId: string;
  /** ISO instant. */
  submittedAt: string;
  decision: ResponseDecision | null;
}

export type OpenItemState = 'no_response' | 'awaiting_decision' | 'returned';

export interface OpenItem {
  findingId: string;
  criterionId: string;
  rating: 'required_action' | 'recommendation';
  notes: string;
  siteName: string | null;
  state: OpenItemState;
}

/**
 * The open items of the member's previous closed validation: each required action or
 * recommendation whose latest response was not accepted (returned, or never decided), and each
 * one never answered at all (a recommendation not acted on). An accepted latest response closes
 * the item; compliant findings and best practices are never open. In criterion order.
 */
export function openItemsOf(
  findings: readonly PreviousFinding[],
  responses: readonly PreviousResponse[],
): OpenItem[] {
  const latest = new Map<string, PreviousResponse>();
  for (const response of responses) {
    const current = latest.get(response.findingId);
    if (!current || current.submittedAt <= response.submittedAt) {
      latest.set(response.findingId, response);
    }
  }
  const items: OpenItem[] = [];
  for (const finding of findings) {
    if (finding.rating !== 'required_action' && finding.rating !== 'recommendation') continue;
    const response = latest.get(finding.id);
    if (response?.decision === 'accepted') continue;
    items.push({
      findingId: finding.id,
      criterionId: finding.criterionId,
      rating: finding.rating,
      notes: finding.notes,
      siteName: finding.siteName,
      state: !response
        ? 'no_response'
        : response.decision === 'returned'
          ? 'returned'
          : 'awaiting_decision',
    });
  }
  return items.sort(
    (a, b) =>
      compareCriterionIds(a.criterionId, b.criterionId) ||
      (a.siteName ?? '').localeCompare(b.siteName ?? '') ||
      a.findingId.localeCompare(b.findingId),
  );
}

// ---------------------------------------------------------------------------------------------
// The package

export interface PackageParticipant {
  side: ParticipantSide;
  name: string;
  title: string;
  email: string | null;
  phone: string | null;
}

export interface PackageValidation {
  kind: ValidationKind;
  mode: ValidationMode;
  status: ValidationStatus;
  dueOn: string;
  noticeSentOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  officeName: string | null;
  specialistName: string | null;
}

export interface PackageInput {
  language: DocumentLanguage;
  today: CalendarDate;
  memberName: string;
  /** Null: a readiness check from the current profile, with no validation. */
  validation: PackageValidation | null;
  sites: readonly PackageSite[];
  participants: readonly PackageParticipant[];
  /** Every applicable criterion, with the member's current answer (none without a profile). */
  criteria: readonly PackageCriterionInput[];
  hasProfile: boolean;
  previous: {
    closedOn: string | null;
    outcome: ValidationOutcome | null;
    findings: readonly PreviousFinding[];
    responses: readonly PreviousResponse[];
  } | null;
  periods?: StepPeriods;
}

export interface ChecklistItem {
  kind: 'standard' | 'open_items' | 'category' | 'renew' | 'missing_evidence';
  text: string;
  /** The criteria the item serves (empty for the standard documents). */
  criterionIds: string[];
}

export interface PackageCategory {
  category: number;
  name: string;
  criteria: PackageCriterion[];
}

export interface PreparationPackage {
  language: DocumentLanguage;
  kind: 'validation' | 'readiness';
  memberName: string;
  validation: PackageValidation | null;
  firstVisitOn: CalendarDate | null;
  foreignVisit: boolean;
  steps: PreparationStep[];
  cbpContacts: PackageParticipant[];
  memberContacts: PackageParticipant[];
  sites: (PackageSite & { noCbpForeignVisit: boolean })[];
  /** The applicable criteria by MSC category (categories with none left out), in id order. */
  categories: PackageCategory[];
  hasProfile: boolean;
  /** Each linked document once, with its flag and the criteria it supports. */
  evidence: (PackageEvidence & { criterionIds: string[] })[];
  checklist: ChecklistItem[];
  previous: { closedOn: string | null; outcome: ValidationOutcome | null } | null;
  openItems: (OpenItem & { currentStatus: AnswerStatus | null })[];
}

function renewText(evidence: PackageEvidence, language: DocumentLanguage): string {
  const words = PREPARATION_TEXT[language].checklist;
  const expiresOn = evidence.expiresOn ?? '';
  switch (evidence.flag) {
    case 'expired':
      return words.renewExpired(evidence.title, expiresOn);
    case 'expires_before_visit':
      return words.renewBeforeVisit(evidence.title, expiresOn);
    default:
      return words.renewExpiring(evidence.title, expiresOn);
  }
}

/** The checklist: standard documents, open items, each category's documents, renewals, gaps. */
function checklistOf(
  language: DocumentLanguage,
  categories: readonly PackageCategory[],
  evidence: PreparationPackage['evidence'],
  openItems: readonly OpenItem[],
): ChecklistItem[] {
  const words = PREPARATION_TEXT[language];
  const items: ChecklistItem[] = words.standardChecklist.map((text) => ({
    kind: 'standard',
    text,
    criterionIds: [],
  }));
  if (openItems.length > 0) {
    items.push({
      kind: 'open_items',
      text: words.checklist.openItems,
      criterionIds: [...new Set(openItems.map((item) => item.criterionId))],
    });
  }
  for (const category of categories) {
    const line = words.askToSee[category.category];
    if (!line) continue;
    items.push({
      kind: 'category',
      text: words.checklist.category(`${category.category}. ${category.name}`, line),
      criterionIds: category.criteria.map((criterion) => criterion.id),
    });
  }
  for (const document of evidence) {
    if (document.flag === null) continue;
    items.push({
      kind: 'renew',
      text: renewText(document, language),
      criterionIds: document.criterionIds,
    });
  }
  const bare = categories
    .flatMap((category) => category.criteria)
    .filter((criterion) => criterion.designation === 'must' && criterion.evidence.length === 0)
    .map((criterion) => criterion.id);
  if (bare.length > 0) {
    items.push({
      kind: 'missing_evidence',
      text: words.checklist.mustsWithoutEvidence(bare.length),
      criterionIds: bare,
    });
  }
  return items;
}

const FLAG_ORDER: Readonly<Record<EvidenceFlag, number>> = {
  expired: 0,
  expires_before_visit: 1,
  expiring: 2,
};

/** What the package says, from what the server gathered. */
export function buildPreparationPackage(input: PackageInput): PreparationPackage {
  const language = input.language;
  const periods = input.periods ?? DEFAULT_STEP_PERIODS;
  const sites = input.sites.map((site) => ({
    ...site,
    noCbpForeignVisit: noCbpForeignVisit(site),
  }));
  const firstVisit = firstVisitOn(input.validation?.startsOn ?? null, input.sites);
  const foreignVisit = hasCbpForeignVisit(input.sites);

  const criteria = [...input.criteria]
    .sort((a, b) => compareCriterionIds(a.id, b.id))
    .map((criterion): PackageCriterion => {
      const ask = askToSee(criterion, language);
      return {
        ...criterion,
        met: isMet(criterion.answer),
        evidence: criterion.evidence.map((document) => ({
          ...document,
          flag: evidenceFlag(document.expiresOn, input.today, firstVisit),
        })),
        askToSee: ask.text,
        askToSeeFromCatalog: ask.fromCatalog,
      };
    });
  const categories = MSC_CATEGORIES.map((category) => ({
    category: category.number,
    name: category.name,
    criteria: criteria.filter((criterion) => criterion.category === category.number),
  })).filter((category) => category.criteria.length > 0);

  const byEvidence = new Map<string, PreparationPackage['evidence'][number]>();
  for (const criterion of criteria) {
    for (const document of criterion.evidence) {
      const known = byEvidence.get(document.evidenceId);
      if (known) known.criterionIds.push(criterion.id);
      else byEvidence.set(document.evidenceId, { ...document, criterionIds: [criterion.id] });
    }
  }
  const evidence = [...byEvidence.values()].sort(
    (a, b) =>
      (a.flag === null ? 9 : FLAG_ORDER[a.flag]) - (b.flag === null ? 9 : FLAG_ORDER[b.flag]) ||
      a.title.localeCompare(b.title, language, { numeric: true }) ||
      a.evidenceId.localeCompare(b.evidenceId),
  );

  const statusOf = new Map(
    criteria.map((criterion) => [criterion.id, criterion.answer?.status ?? null]),
  );
  const openItems = input.previous
    ? openItemsOf(input.previous.findings, input.previous.responses).map((item) => ({
        ...item,
        currentStatus: statusOf.get(item.criterionId) ?? null,
      }))
    : [];

  return {
    language,
    kind: input.validation ? 'validation' : 'readiness',
    memberName: input.memberName,
    validation: input.validation,
    firstVisitOn: firstVisit,
    foreignVisit,
    steps: preparationSteps(periods, {
      foreignVisit,
      visitedSites: visitedSites(input.sites).length,
    }),
    cbpContacts: input.participants.filter((person) => person.side === 'cbp'),
    memberContacts: input.participants.filter((person) => person.side === 'member'),
    sites,
    categories,
    hasProfile: input.hasProfile,
    evidence,
    checklist: checklistOf(language, categories, evidence, openItems),
    previous: input.previous
      ? { closedOn: input.previous.closedOn, outcome: input.previous.outcome }
      : null,
    openItems,
  };
}
