import { eq } from 'drizzle-orm';
import { applicableCriteria } from '../../domain/criteria/applicability.ts';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateParts,
  isBefore,
} from '../../domain/time/calendar-date.ts';
import {
  cbpVisitsSite,
  checkSchedule,
  DEFAULT_VALIDATION_NOTICE_SETTINGS,
  siteLocation,
} from '../../domain/validations/validation-notice.ts';
import { nextRevalidationDue } from '../../domain/validations/validation-outcome.ts';
import { type MembershipForPlan, validationDue } from '../../domain/validations/validation-plan.ts';
import type { FindingRating } from '../../domain/validations/validation-vocabulary.ts';
import {
  checkOutcome,
  checkRating,
  closesOnApproval,
  reportReadiness,
} from '../../domain/validations/work-program.ts';
import type { Db } from '../db/database.ts';
import { type AuditInput, appendAuditEvent } from '../modules/audit/audit.service.ts';
import {
  findCatalogCriteria,
  findCurrentCatalogVersion,
} from '../modules/criteria/criteria.repository.ts';
import { findMraProgram } from '../modules/registry/mutual-recognition.repository.ts';
import { entityTypesOfMember } from '../modules/registry/registry.service.ts';
import {
  insertFinding,
  type NewFindingRow,
} from '../modules/validations/validation-findings.repository.ts';
import { insertHours } from '../modules/validations/validation-hours.repository.ts';
import {
  findMembershipForPlan,
  insertEvent,
  insertValidationIfNoneOpen,
  type MembershipForPlanRow,
  type NewParticipantRow,
  type NewSiteRow,
  type NewValidationRow,
  replaceSitesAndParticipants,
} from '../modules/validations/validations.repository.ts';
import { validations } from '../modules/validations/validations.tables.ts';
import { demoActor, demoInstant } from './demo-membership-timeline.ts';
import {
  COMPLIANT_NOTE,
  type DemoParticipant,
  type DemoSite,
  EVIDENCE_SEEN_BY_CATEGORY,
  GREAT_LAKES,
  GREAT_LAKES_NOTICE_DAYS_AGO,
  GREAT_LAKES_PARTICIPANTS,
  GREAT_LAKES_PLANNED_DAYS_AGO,
  GREAT_LAKES_SITES,
  GREAT_LAKES_STARTS_IN_DAYS,
  HARBORVIEW,
  HARBORVIEW_DAYS_BEFORE_CLOSING,
  HARBORVIEW_FINDINGS,
  HARBORVIEW_HOURS,
  HARBORVIEW_PARTICIPANTS,
  HARBORVIEW_REPORT_SUMMARY,
  HARBORVIEW_SITE_FINDINGS,
  HARBORVIEW_SITES,
  OFFICE_SPECIALIST,
  SUPERVISOR,
} from './demo-validations.ts';
import { deterministicUuid } from './deterministic-id.ts';
import { demoOrigin } from './seed-security-profiles.ts';

/** The demo validations seedValidations writes (demo-validations.ts). */
export const DEMO_VALIDATION_COMPANIES = [GREAT_LAKES, HARBORVIEW] as const;

/** The stable id of a demo company's seeded validation. */
export function demoValidationId(organisation: string): string {
  return deterministicUuid(`${organisation}/validation/seeded`);
}

/** `at` plus `minutes`: steps of one day in the order they were made. */
function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

function dateOrNull(value: string | null): CalendarDate | null {
  return value === null ? null : calendarDate(value);
}

function membershipOf(row: MembershipForPlanRow): MembershipForPlan {
  return {
    status: row.status,
    certifiedOn: dateOrNull(row.certifiedOn),
    validatedOn: dateOrNull(row.validatedOn),
    lastValidatedOn: dateOrNull(row.lastValidatedOn),
  };
}

/**
 * What the services write for one validation, with stable ids and past instants: each step's
 * validation event (numbered in order) and audit event in the member's chain, by the demo
 * account that made it.
 */
class ValidationWriter {
  private events = 0;
  private readonly tx: Db;
  readonly organisation: string;
  readonly organisationId: string;
  readonly validationId: string;

  constructor(tx: Db, organisation: string) {
    this.tx = tx;
    this.organisation = organisation;
    this.organisationId = deterministicUuid(organisation);
    this.validationId = demoValidationId(organisation);
  }

  key(suffix: string): string {
    return deterministicUuid(`${this.organisation}/validation/seeded/${suffix}`);
  }

  async event(
    kind: string,
    account: string,
    at: Date,
    details: Record<string, unknown>,
  ): Promise<void> {
    this.events += 1;
    await insertEvent(this.tx, {
      id: this.key(`event/${this.events}`),
      validationId: this.validationId,
      kind,
      at,
      actorUserId: demoActor(account).userId,
      details,
    });
  }

  async audit(
    account: string,
    at: Date,
    input: Omit<AuditInput, 'organisationId' | 'targetType' | 'targetId'> &
      Partial<Pick<AuditInput, 'targetType' | 'targetId'>>,
  ): Promise<void> {
    await appendAuditEvent(this.tx, demoOrigin(account, at), {
      targetType: 'validation',
      targetId: this.validationId,
      ...input,
      organisationId: this.organisationId,
    });
  }

  /** Sites and participants as scheduling stores them (scheduleValidation). */
  async sitesAndParticipants(
    sites: readonly DemoSite[],
    participants: readonly DemoParticipant[],
    startsOn: CalendarDate,
  ): Promise<NewSiteRow[]> {
    const rows: NewSiteRow[] = sites.map((site, position) => {
      const location = siteLocation(site.countryCode);
      return {
        id: this.key(`site/${position}`),
        validationId: this.validationId,
        position,
        name: site.name,
        address: site.address,
        countryCode: site.countryCode,
        location,
        mraProgramId: site.mraProgramId,
        cbpVisitRequired: cbpVisitsSite(site),
        visitOn: site.visitDay === null ? null : addDays(startsOn, site.visitDay),
        agenda: site.agenda,
      };
    });
    const people: NewParticipantRow[] = participants.map((participant, position) => ({
      id: this.key(`participant/${position}`),
      validationId: this.validationId,
      position,
      ...participant,
    }));
    await replaceSitesAndParticipants(this.tx, this.validationId, rows, people);
    return rows;
  }
}

/** The MRA programs named by the sites that exist (an unknown one leaves the site without). */
async function withKnownPrograms(tx: Db, sites: readonly DemoSite[]): Promise<DemoSite[]> {
  const known: DemoSite[] = [];
  for (const site of sites) {
    const program = site.mraProgramId ? await findMraProgram(tx, site.mraProgramId) : null;
    known.push({ ...site, mraProgramId: program?.active ? program.id : null });
  }
  return known;
}

/** The planning and scheduling steps (planValidation, scheduleValidation), written as done. */
async function planAndSchedule(
  writer: ValidationWriter,
  row: NewValidationRow,
  schedule: {
    plannedAt: Date;
    noticeSentOn: CalendarDate;
    startsOn: CalendarDate;
    endsOn: CalendarDate;
    sites: readonly DemoSite[];
    participants: readonly DemoParticipant[];
  },
): Promise<NewSiteRow[]> {
  const specialist = demoActor(OFFICE_SPECIALIST);
  await writer.event('planned', SUPERVISOR, schedule.plannedAt, {
    kind: row.kind,
    planYear: row.planYear,
    dueOn: row.dueOn,
    specialist: 'Angela Moreno (SCSS)',
    via: 'single',
  });
  await writer.audit(SUPERVISOR, schedule.plannedAt, {
    action: 'validation.planned',
    after: {
      kind: row.kind,
      planYear: row.planYear,
      dueOn: row.dueOn,
      officeId: specialist.organisationId,
      specialistUserId: specialist.userId,
      reason: null,
      via: 'single',
    },
  });
  const check = checkSchedule(
    {
      today: schedule.noticeSentOn,
      noticeSentOn: schedule.noticeSentOn,
      startsOn: schedule.startsOn,
      endsOn: schedule.endsOn,
      sites: schedule.sites.map((site) => ({
        countryCode: site.countryCode,
        mraProgramId: site.mraProgramId,
        visitOn: site.visitDay === null ? null : addDays(schedule.startsOn, site.visitDay),
      })),
      overrideReason: null,
    },
    DEFAULT_VALIDATION_NOTICE_SETTINGS,
  );
  if (!check.ok) {
    throw new Error(
      `demo validations: ${writer.organisation} cannot be scheduled: ${JSON.stringify(check.problems)}`,
    );
  }
  const sites = await writer.sitesAndParticipants(
    schedule.sites,
    schedule.participants,
    schedule.startsOn,
  );
  const details = {
    mode: 'in_person',
    startsOn: schedule.startsOn,
    endsOn: schedule.endsOn,
    noticeSentOn: schedule.noticeSentOn,
    minimumNoticeDays: check.notice.days,
    noticeGivenDays: check.noticeGivenDays,
    noticeOverrideReason: null,
    sites: sites.map((site) => ({
      name: site.name,
      countryCode: site.countryCode,
      cbpVisitRequired: site.cbpVisitRequired,
      visitOn: site.visitOn ?? null,
    })),
  };
  const scheduledAt = demoInstant(schedule.noticeSentOn);
  await writer.event('scheduled', OFFICE_SPECIALIST, scheduledAt, details);
  await writer.audit(OFFICE_SPECIALIST, scheduledAt, {
    action: 'validation.scheduled',
    before: { status: 'planned', startsOn: null, endsOn: null, noticeSentOn: null },
    after: { status: 'scheduled', ...details },
  });
  return sites;
}

/** The validation row planned on `plannedOn` for the member's due validation, or null. */
function plannedRow(
  membership: MembershipForPlan,
  plannedOn: CalendarDate,
  preferredYear: number,
): Pick<NewValidationRow, 'kind' | 'dueOn' | 'planYear'> | null {
  const due = validationDue(membership, plannedOn);
  if (!due.due) return null;
  // Planned for the year of the visit, never before the planning year nor after the due year.
  const planYear = Math.min(
    Math.max(preferredYear, calendarDateParts(plannedOn).year),
    due.planYear,
  );
  return { kind: due.kind, dueOn: due.dueOn, planYear };
}

/** Inserts the validation unless the member has one already; false when it was skipped. */
async function insertIfNone(tx: Db, row: NewValidationRow): Promise<boolean> {
  const existing = await tx
    .select({ id: validations.id })
    .from(validations)
    .where(eq(validations.organisationId, row.organisationId))
    .limit(1);
  if (existing.length > 0) return false;
  return (await insertValidationIfNoneOpen(tx, row)) !== null;
}

// ---------------------------------------------------------------------------------------------
// Great Lakes: scheduled

async function seedGreatLakes(tx: Db, today: CalendarDate): Promise<boolean> {
  const writer = new ValidationWriter(tx, GREAT_LAKES);
  const stored = await findMembershipForPlan(tx, writer.organisationId);
  if (stored?.status !== 'certified' || stored.validatedOn !== null) {
    return false;
  }
  const plannedOn = addDays(today, -GREAT_LAKES_PLANNED_DAYS_AGO);
  const noticeSentOn = addDays(today, -GREAT_LAKES_NOTICE_DAYS_AGO);
  const startsOn = addDays(today, GREAT_LAKES_STARTS_IN_DAYS);
  const planned = plannedRow(membershipOf(stored), plannedOn, calendarDateParts(startsOn).year);
  if (planned === null || planned.kind !== 'initial') return false;
  const specialist = demoActor(OFFICE_SPECIALIST);
  const plannedAt = demoInstant(plannedOn);
  const scheduledAt = demoInstant(noticeSentOn);
  const row: NewValidationRow = {
    id: writer.validationId,
    organisationId: writer.organisationId,
    ...planned,
    mode: 'in_person',
    status: 'scheduled',
    officeId: specialist.organisationId,
    specialistUserId: specialist.userId,
    noticeSentOn,
    startsOn,
    endsOn: startsOn,
    createdByUserId: demoActor(SUPERVISOR).userId,
    // Planned (1), scheduled (2).
    version: 2,
    createdAt: plannedAt,
    updatedAt: scheduledAt,
  };
  if (!(await insertIfNone(tx, row))) return false;
  await planAndSchedule(writer, row, {
    plannedAt,
    noticeSentOn,
    startsOn,
    endsOn: startsOn,
    sites: await withKnownPrograms(tx, GREAT_LAKES_SITES),
    participants: GREAT_LAKES_PARTICIPANTS,
  });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Harborview: closed with its report

interface PlannedFinding {
  criterionId: string;
  siteId: string | null;
  rating: FindingRating;
  notes: string;
  evidenceSeen: string;
  at: Date;
}

/** Every applicable criterion rated for the whole validation, and the few site findings. */
async function harborviewFindings(
  tx: Db,
  organisationId: string,
  sites: readonly NewSiteRow[],
  closedOn: CalendarDate,
) {
  const current = await findCurrentCatalogVersion(tx);
  if (!current) return null;
  const criteria = applicableCriteria(
    await findCatalogCriteria(tx, current.id),
    await entityTypesOfMember(tx, organisationId),
  );
  if (criteria.length === 0) return null;
  const named = new Map(HARBORVIEW_FINDINGS.map((finding) => [finding.criterionId, finding]));
  const afterVisits = demoInstant(addDays(closedOn, -HARBORVIEW_DAYS_BEFORE_CLOSING.ends));
  const findings: PlannedFinding[] = criteria.map((entry, index) => {
    const planned = named.get(entry.criterion.id);
    const fits = planned && checkRating(entry.designation, planned.rating).ok;
    return {
      criterionId: entry.criterion.id,
      siteId: null,
      rating: fits ? planned.rating : 'compliant',
      notes: fits ? planned.notes : COMPLIANT_NOTE,
      evidenceSeen: fits
        ? planned.evidenceSeen
        : (EVIDENCE_SEEN_BY_CATEGORY[entry.criterion.category] ?? ''),
      at: minutesAfter(afterVisits, index),
    };
  });
  // Exceeding the MSC rests on at least one best practice (work-program.ts checkOutcome).
  if (!findings.some((finding) => finding.rating === 'best_practice')) {
    const first = findings[0];
    const planned = HARBORVIEW_FINDINGS.find((finding) => finding.rating === 'best_practice');
    if (first && planned) {
      Object.assign(first, { rating: 'best_practice', notes: planned.notes });
    }
  }
  const applicable = new Set(criteria.map((entry) => entry.criterion.id));
  for (const [index, finding] of HARBORVIEW_SITE_FINDINGS.entries()) {
    const site = sites[finding.site];
    if (!site?.visitOn || !applicable.has(finding.criterionId)) continue;
    findings.push({
      criterionId: finding.criterionId,
      siteId: site.id ?? null,
      rating: 'compliant',
      notes: finding.notes,
      evidenceSeen: finding.evidenceSeen,
      at: minutesAfter(demoInstant(calendarDate(site.visitOn)), 60 * (index + 1)),
    });
  }
  findings.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    findings,
    readiness: reportReadiness(
      criteria.map((entry) => ({ id: entry.criterion.id, designation: entry.designation })),
      findings,
    ),
  };
}

async function seedHarborview(tx: Db): Promise<boolean> {
  const writer = new ValidationWriter(tx, HARBORVIEW);
  const stored = await findMembershipForPlan(tx, writer.organisationId);
  // The revalidation the registry recorded: a later validation than the first one.
  if (
    stored?.status !== 'validated_exceeds' ||
    stored.validatedOn === null ||
    stored.lastValidatedOn === null ||
    !isBefore(calendarDate(stored.validatedOn), calendarDate(stored.lastValidatedOn))
  ) {
    return false;
  }
  const closedOn = calendarDate(stored.lastValidatedOn);
  const validatedOn = calendarDate(stored.validatedOn);
  const day = (daysBefore: number) => addDays(closedOn, -daysBefore);
  const steps = HARBORVIEW_DAYS_BEFORE_CLOSING;
  const plannedOn = day(steps.planned);
  const startsOn = day(steps.starts);
  const endsOn = day(steps.ends);
  // As the membership stood before this revalidation: validated once.
  const before: MembershipForPlan = {
    ...membershipOf(stored),
    status: 'validated',
    lastValidatedOn: validatedOn,
  };
  const planned = plannedRow(before, plannedOn, calendarDateParts(startsOn).year);
  if (planned === null || planned.kind !== 'revalidation') return false;
  const author = demoActor(OFFICE_SPECIALIST);
  const approver = demoActor(SUPERVISOR);
  const closedAt = demoInstant(closedOn);
  const nextDue = nextRevalidationDue({
    outcome: 'exceeds',
    closedOn,
    validatedOn,
    lastValidatedOn: validatedOn,
  });
  const row: NewValidationRow = {
    id: writer.validationId,
    organisationId: writer.organisationId,
    ...planned,
    mode: 'in_person',
    status: 'closed',
    officeId: author.organisationId,
    specialistUserId: author.userId,
    noticeSentOn: day(steps.noticeSent),
    startsOn,
    endsOn,
    reportSummary: HARBORVIEW_REPORT_SUMMARY,
    recommendedOutcome: 'exceeds',
    reportAuthorUserId: author.userId,
    reportSubmittedAt: demoInstant(day(steps.reportSubmitted)),
    reportApprovedByUserId: approver.userId,
    reportIssuedOn: closedOn,
    responsesDueOn: null,
    outcome: 'exceeds',
    closedOn,
    nextRevalidationDueOn: nextDue,
    createdByUserId: approver.userId,
    // Planned, scheduled, fieldwork, report drafted, submitted, issued, closed.
    version: 7,
    createdAt: demoInstant(plannedOn),
    updatedAt: minutesAfter(closedAt, 1),
  };
  if (!(await insertIfNone(tx, row))) return false;
  const sites = await planAndSchedule(writer, row, {
    plannedAt: demoInstant(plannedOn),
    noticeSentOn: day(steps.noticeSent),
    startsOn,
    endsOn,
    sites: await withKnownPrograms(tx, HARBORVIEW_SITES),
    participants: HARBORVIEW_PARTICIPANTS,
  });

  const startedAt = minutesAfter(demoInstant(startsOn), -30);
  await writer.event('fieldwork_started', OFFICE_SPECIALIST, startedAt, {
    on: startsOn,
    startsOn,
  });
  await writer.audit(OFFICE_SPECIALIST, startedAt, {
    action: 'validation.fieldwork_started',
    before: { status: 'scheduled', version: 2 },
    after: { status: 'fieldwork', version: 3 },
  });

  const rated = await harborviewFindings(tx, writer.organisationId, sites, closedOn);
  if (rated === null) {
    throw new Error('demo validations: no published catalog applies to Harborview');
  }
  const { findings, readiness } = rated;
  const outcome = checkOutcome('exceeds', readiness.counts, HARBORVIEW_REPORT_SUMMARY);
  if (!readiness.ready || !outcome.ok || !closesOnApproval(readiness.counts)) {
    throw new Error(`demo validations: Harborview's report is not one the app could approve`);
  }
  for (const finding of findings) {
    const stored: NewFindingRow = {
      id: writer.key(`finding/${finding.criterionId}/${finding.siteId ?? 'all'}`),
      validationId: writer.validationId,
      criterionId: finding.criterionId,
      siteId: finding.siteId,
      rating: finding.rating,
      notes: finding.notes,
      evidenceSeen: finding.evidenceSeen,
      evidenceIds: [],
      recordedByUserId: author.userId,
      version: 1,
      recordedAt: finding.at,
      updatedAt: finding.at,
    };
    await insertFinding(tx, stored);
    await writer.audit(OFFICE_SPECIALIST, finding.at, {
      action: 'validation.finding_recorded',
      targetType: 'validation_finding',
      targetId: stored.id ?? null,
      before: null,
      after: {
        validationId: writer.validationId,
        criterionId: finding.criterionId,
        siteId: finding.siteId,
        rating: finding.rating,
        notes: finding.notes,
        evidenceSeen: finding.evidenceSeen,
        evidenceIds: [],
        version: 1,
      },
    });
  }

  for (const [index, entry] of HARBORVIEW_HOURS.entries()) {
    const workedOn = day(entry.daysBeforeClosing);
    const recordedAt = minutesAfter(demoInstant(workedOn), 120);
    const hours = {
      id: writer.key(`hours/${index}`),
      validationId: writer.validationId,
      userId: author.userId,
      activity: entry.activity,
      workedOn,
      minutes: entry.minutes,
      note: entry.note,
      recordedAt,
    };
    await insertHours(tx, hours);
    await writer.audit(OFFICE_SPECIALIST, recordedAt, {
      action: 'validation.hours_recorded',
      targetType: 'validation_hours',
      targetId: hours.id,
      before: null,
      after: {
        validationId: hours.validationId,
        activity: hours.activity,
        workedOn: hours.workedOn,
        minutes: hours.minutes,
        note: hours.note,
      },
    });
  }

  const draftedAt = demoInstant(day(steps.reportDrafted));
  await writer.audit(OFFICE_SPECIALIST, draftedAt, {
    action: 'validation.report_drafted',
    before: { summary: null, recommendedOutcome: null, version: 3 },
    after: { summary: HARBORVIEW_REPORT_SUMMARY, recommendedOutcome: 'exceeds', version: 4 },
  });
  const submittedAt = demoInstant(day(steps.reportSubmitted));
  await writer.event('report_submitted', OFFICE_SPECIALIST, submittedAt, {
    recommendedOutcome: 'exceeds',
    counts: readiness.counts,
  });
  await writer.audit(OFFICE_SPECIALIST, submittedAt, {
    action: 'validation.report_submitted',
    before: { status: 'fieldwork', version: 4 },
    after: {
      status: 'report_submitted',
      version: 5,
      recommendedOutcome: 'exceeds',
      counts: readiness.counts,
    },
  });
  // The approval issues the report; with no required action it also closes the validation
  // (validation-report.service.ts decideReport). The registry's `record_validation_exceeds` of
  // that day is the demo registry's own history row (demo-registry.ts), not written again.
  await writer.event('report_issued', SUPERVISOR, closedAt, {
    issuedOn: closedOn,
    responsesDueOn: null,
    requiredActions: 0,
    recommendedOutcome: 'exceeds',
    note: null,
  });
  await writer.audit(SUPERVISOR, closedAt, {
    action: 'validation.report_issued',
    before: { status: 'report_submitted', version: 5 },
    after: {
      status: 'report_issued',
      version: 6,
      reportIssuedOn: closedOn,
      responsesDueOn: null,
      documents: [],
      note: null,
    },
  });
  const closing = {
    outcome: 'exceeds',
    on: closedOn,
    nextRevalidationDueOn: nextDue,
    registryTransition: 'record_validation_exceeds',
    supervisoryDecision: null,
    authorityUserId: approver.userId,
  };
  const closedStepAt = minutesAfter(closedAt, 1);
  await writer.event('closed', SUPERVISOR, closedStepAt, closing);
  await writer.audit(SUPERVISOR, closedStepAt, {
    action: 'validation.closed',
    before: { status: 'report_issued', version: 6 },
    after: { status: 'closed', ...closing },
  });
  return true;
}

/**
 * Loads the demo validations (demo-validations.ts) in the caller's transaction, like the rest of
 * the seed, after the registry and the Security Profiles. Each company's validation is written
 * through the validations module's repositories with the rows, validation events and audit
 * events its services write, dated in the past, with stable ids and no notification (the same
 * reasons as seed-security-profiles.ts). No generated document is stored: the member generates
 * its preparation package, and the closed revalidation's report files are left out (the report
 * reads on screen from the findings).
 *
 * Dates follow the stored membership: a company whose membership is not what the demo registry
 * makes it (changed through the app, or seeded without the expected dates), or that already has
 * a validation, is left alone, so seeding again changes nothing. Returns how many validations it
 * created.
 */
export async function seedValidations(tx: Db, today: CalendarDate): Promise<number> {
  let created = 0;
  if (await seedGreatLakes(tx, today)) created += 1;
  if (await seedHarborview(tx)) created += 1;
  return created;
}
