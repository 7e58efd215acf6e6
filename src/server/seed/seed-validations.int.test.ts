import { randomBytes } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeedCalls } from '../../../tests/setup/demo-seed-calls.ts';
import { mutableClock } from '../../../tests/setup/mutable-clock.ts';
import { buildTestApp, type TestApp } from '../../../tests/setup/test-app.ts';
import { testDatabaseDriver } from '../../../tests/setup/test-database.ts';
import { firstValidationTarget } from '../../domain/registry/lifecycle/membership-clocks.ts';
import {
  type CalendarDate,
  calendarDate,
  daysBetween,
  isAfter,
  todayFromClock,
} from '../../domain/time/calendar-date.ts';
import { fixedClock } from '../../domain/time/clock.ts';
import { ValidationDocumentSchema } from '../../domain/validations/preparation-package.schema.ts';
import {
  ValidationPageSchema,
  ValidationViewSchema,
} from '../../domain/validations/validation-api.schema.ts';
import { ValidationMetricsSchema } from '../../domain/validations/validation-metrics.schema.ts';
import { validationDue } from '../../domain/validations/validation-plan.ts';
import { DueMemberPageSchema } from '../../domain/validations/validation-planning.schema.ts';
import { VALIDATION_ACTIVITIES } from '../../domain/validations/validation-vocabulary.ts';
import {
  MemberReportSchema,
  WorkProgramSchema,
} from '../../domain/validations/work-program.schema.ts';
import { verifyAuditTrail } from '../modules/audit/audit.service.ts';
import { auditEvents } from '../modules/audit/audit.tables.ts';
import { findMembership, findStatusHistory } from '../modules/registry/registry.repository.ts';
import {
  validationEvents,
  validationFindings,
  validationHours,
  validationParticipants,
  validationSites,
  validations,
} from '../modules/validations/validations.tables.ts';
import { deriveKeys } from '../security/secret-key.ts';
import { demoInstant } from './demo-membership-timeline.ts';
import { DEMO_MEMBERSHIPS } from './demo-registry.ts';
import { HARBORVIEW_FINDINGS, HARBORVIEW_HOURS } from './demo-validations.ts';
import { deterministicUuid } from './deterministic-id.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { DEMO_VALIDATION_COMPANIES, demoValidationId } from './seed-validations.ts';

/**
 * The demo validations as a newcomer meets them through the API: Great Lakes' scheduled initial
 * validation with its sites, agenda and participants, whose preparation package the member
 * generates and downloads; Harborview's closed revalidation with its findings, hours and report,
 * in the consistency metrics and consistent with its registry history; Rio Bravo left due; and
 * a second seeding run that changes nothing.
 *
 * On the shared PostgreSQL test database another test file may have seeded the demo data on
 * another day (and published other catalogs): the seeding day is read back from the data (Rio
 * Bravo's certification date) and the app's clock set to it; exact counts that depend on the
 * catalog are checked on PGlite only.
 */

const GREAT_LAKES = 'member/great-lakes-home-goods';
const HARBORVIEW = 'member/harborview-apparel-group';
const RIO_BRAVO = 'member/rio-bravo-customs-brokerage';
const HOUSTON = deterministicUuid('cbp/field-office-houston');
const SPECIALIST = deterministicUuid('user/scss-houston');
const SUPERVISOR = deterministicUuid('user/supervisor-houston');
const VALIDATION_IDS = DEMO_VALIDATION_COMPANIES.map(demoValidationId);

const clock = mutableClock(new Date('2026-01-02T03:04:05Z'));
const seedOptions = { keys: deriveKeys(randomBytes(32)), nodeEnv: 'test' } as const;
let testApp: TestApp;
let seedingDay: CalendarDate;
const { call, signInDemo, getJson, seededOn } = demoSeedCalls(() => testApp, clock);

/** Every row the validation seed writes, in a stable order. */
async function validationRows() {
  const db = testApp.database.db;
  const byValidation = <T extends { validationId: unknown }>(table: T) =>
    inArray((table as unknown as typeof validationSites).validationId, VALIDATION_IDS);
  return {
    validations: await db
      .select()
      .from(validations)
      .where(inArray(validations.id, VALIDATION_IDS))
      .orderBy(validations.id),
    sites: await db
      .select()
      .from(validationSites)
      .where(byValidation(validationSites))
      .orderBy(validationSites.id),
    participants: await db
      .select()
      .from(validationParticipants)
      .where(byValidation(validationParticipants))
      .orderBy(validationParticipants.id),
    findings: await db
      .select()
      .from(validationFindings)
      .where(byValidation(validationFindings))
      .orderBy(validationFindings.id),
    hours: await db
      .select()
      .from(validationHours)
      .where(byValidation(validationHours))
      .orderBy(validationHours.id),
    events: await db
      .select()
      .from(validationEvents)
      .where(byValidation(validationEvents))
      .orderBy(validationEvents.id),
    audit: await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          inArray(
            auditEvents.organisationId,
            DEMO_VALIDATION_COMPANIES.map((key) => deterministicUuid(key)),
          ),
          like(auditEvents.action, 'validation.%'),
        ),
      )
      .orderBy(auditEvents.id),
  };
}

beforeAll(async () => {
  testApp = await buildTestApp({ clock });
  const result = await seedDemoData(testApp.database.db, fixedClock(clock.now()), seedOptions);
  seedingDay = await seededOn();
  if (testDatabaseDriver() === 'pglite') {
    expect(result).toMatchObject({ validationsCreated: 2, validationsTotal: 2 });
    expect(seedingDay).toBe(todayFromClock(clock));
  }
  clock.set(demoInstant(seedingDay));
});

afterAll(async () => {
  await testApp?.close();
});

describe('the demo validations', () => {
  it('give Great Lakes a scheduled initial validation, with notice, sites and people, whose package the member downloads', async () => {
    const officer = await signInDemo('officer@greatlakes.example.com', 'user/officer-great-lakes');
    const own = await getJson(ValidationPageSchema, '/api/v1/validations', officer);
    expect(own.items.map((item) => item.id)).toEqual([demoValidationId(GREAT_LAKES)]);
    const view = await getJson(
      ValidationViewSchema,
      `/api/v1/validations/${demoValidationId(GREAT_LAKES)}`,
      officer,
    );
    const membership = await findMembership(testApp.database.db, deterministicUuid(GREAT_LAKES));
    expect(membership).toMatchObject({ status: 'certified', validatedOn: null });
    expect(view).toMatchObject({
      kind: 'initial',
      status: 'scheduled',
      mode: 'in_person',
      office: { id: HOUSTON, name: 'CBP CTPAT Field Office, Houston' },
      specialist: { id: SPECIALIST, name: 'Angela Moreno (SCSS)' },
      // Due a year after Tier I certification (6 U.S.C. 965(a)).
      dueOn: firstValidationTarget(calendarDate(membership?.certifiedOn ?? '')).due,
      overdue: false,
      noticeOverrideReason: null,
      minimumNoticeDays: 30,
      outcome: null,
    });
    const startsOn = calendarDate(view.startsOn ?? '');
    const noticeSentOn = calendarDate(view.noticeSentOn ?? '');
    // The visit lies ahead; the written notice went out at least the minimum before it.
    expect(isAfter(startsOn, seedingDay)).toBe(true);
    expect(isAfter(noticeSentOn, seedingDay)).toBe(false);
    expect(daysBetween(noticeSentOn, startsOn)).toBeGreaterThanOrEqual(30);
    expect(isAfter(noticeSentOn, calendarDate(membership?.certifiedOn ?? ''))).toBe(true);

    const [domestic, foreign] = view.sites;
    expect(view.sites).toHaveLength(2);
    expect(domestic).toMatchObject({
      location: 'domestic',
      countryCode: 'US',
      cbpVisitRequired: true,
      mraProgram: null,
      visitOn: view.startsOn,
    });
    expect(domestic?.agenda.length).toBeGreaterThanOrEqual(5);
    expect(domestic?.agenda[0]).toEqual({
      time: '09:00',
      topic: 'Opening meeting and introductions',
    });
    // A supplier in an MRA partner program: no CBP foreign visit.
    expect(foreign).toMatchObject({
      location: 'foreign',
      countryCode: 'MX',
      cbpVisitRequired: false,
      mraProgram: { id: 'mx-oea' },
      visitOn: null,
    });
    expect(new Set(view.participants.map((person) => person.side))).toEqual(
      new Set(['cbp', 'member']),
    );
    expect(view.events.map((event) => [event.kind, event.actorName])).toEqual([
      ['planned', 'Robert Chen (Supervisory SCSS)'],
      ['scheduled', 'Angela Moreno (SCSS)'],
    ]);
    expect(view.events[1]?.details).toMatchObject({
      noticeSentOn: view.noticeSentOn,
      minimumNoticeDays: 30,
      noticeGivenDays: daysBetween(noticeSentOn, startsOn),
    });

    // The member generates the preparation package from its validation page and downloads it.
    const generated = await call(
      'POST',
      `/api/v1/validations/${demoValidationId(GREAT_LAKES)}/package`,
      officer,
      { language: 'en' },
    );
    expect(generated.statusCode, generated.body).toBe(201);
    const document = ValidationDocumentSchema.parse(generated.json());
    expect(document).toMatchObject({
      validationId: demoValidationId(GREAT_LAKES),
      kind: 'preparation_package',
    });
    const pdf = await call('GET', `/api/v1/validations/documents/${document.id}/pdf`, officer);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('give Harborview its closed revalidation, consistent with the registry, in the metrics', async () => {
    const db = testApp.database.db;
    const organisationId = deterministicUuid(HARBORVIEW);
    const membership = await findMembership(db, organisationId);
    const closedOn = membership?.lastValidatedOn ?? '';
    const history = await findStatusHistory(db, organisationId);
    // The registry is the demo registry's, untouched: its last step is this revalidation.
    const demo = DEMO_MEMBERSHIPS.find((entry) => entry.organisation === HARBORVIEW);
    expect(history).toHaveLength(demo?.steps.length ?? -1);
    expect(history.at(-1)).toMatchObject({
      transition: 'record_validation_exceeds',
      on: closedOn,
      actorUserId: SUPERVISOR,
    });
    expect(membership).toMatchObject({ status: 'validated_exceeds', tier: 'III' });

    const supervisor = await signInDemo('supervisor@cbp.example.gov', 'user/supervisor-houston');
    const id = demoValidationId(HARBORVIEW);
    const view = await getJson(ValidationViewSchema, `/api/v1/cbp/validations/${id}`, supervisor);
    expect(view).toMatchObject({
      kind: 'revalidation',
      status: 'closed',
      outcome: 'exceeds',
      reportIssuedOn: closedOn,
      responsesDueOn: null,
      specialist: { id: SPECIALIST },
    });
    expect(view.events.map((event) => event.kind)).toEqual([
      'planned',
      'scheduled',
      'fieldwork_started',
      'report_submitted',
      'report_issued',
      'closed',
    ]);
    // A foreign site outside the MRA programs: the longer notice, which was given.
    expect(view.sites.map((site) => [site.location, site.cbpVisitRequired])).toEqual([
      ['domestic', true],
      ['foreign', true],
    ]);
    expect(view.minimumNoticeDays).toBe(60);
    expect(
      daysBetween(calendarDate(view.noticeSentOn ?? ''), calendarDate(view.startsOn ?? '')),
    ).toBeGreaterThanOrEqual(60);
    // Planned before it was due, for the revalidation period that ran from the first validation.
    expect(isAfter(calendarDate(view.dueOn), calendarDate(closedOn))).toBe(true);

    const [row] = await db.select().from(validations).where(eq(validations.id, id));
    expect(row).toMatchObject({
      closedOn,
      reportAuthorUserId: SPECIALIST,
      reportApprovedByUserId: SUPERVISOR,
      recommendedOutcome: 'exceeds',
    });
    // The next revalidation is the one the due list plans from the registry's dates.
    const due = validationDue(
      {
        status: 'validated_exceeds',
        certifiedOn: calendarDate(membership?.certifiedOn ?? ''),
        validatedOn: calendarDate(membership?.validatedOn ?? ''),
        lastValidatedOn: calendarDate(closedOn),
      },
      seedingDay,
    );
    expect(due.due && due.dueOn).toBe(row?.nextRevalidationDueOn);

    const findings = await db
      .select()
      .from(validationFindings)
      .where(eq(validationFindings.validationId, id));
    const ratings = findings.map((finding) => finding.rating);
    expect(ratings).not.toContain('required_action');
    expect(ratings).toContain('best_practice');
    expect(ratings.filter((rating) => rating === 'compliant').length).toBeGreaterThan(
      findings.length / 2,
    );
    expect(findings.every((finding) => finding.recordedByUserId === SPECIALIST)).toBe(true);
    const hours = await db
      .select()
      .from(validationHours)
      .where(eq(validationHours.validationId, id));
    expect(new Set(hours.map((entry) => entry.activity))).toEqual(new Set(VALIDATION_ACTIVITIES));
    for (const entry of hours) {
      expect(isAfter(calendarDate(entry.workedOn), calendarDate(closedOn))).toBe(false);
    }

    const work = await getJson(
      WorkProgramSchema,
      `/api/v1/cbp/validations/${id}/work-program`,
      supervisor,
    );
    expect(work.report).toMatchObject({
      recommendedOutcome: 'exceeds',
      author: { id: SPECIALIST },
      approvedBy: { id: SUPERVISOR },
      issuedOn: closedOn,
      documents: [],
    });
    expect(work.hours.totalMinutes).toBe(
      HARBORVIEW_HOURS.reduce((sum, entry) => sum + entry.minutes, 0),
    );

    const officer = await signInDemo(
      'officer@harborview.example.com',
      'user/officer-harborview-apparel-group',
    );
    const report = await getJson(MemberReportSchema, `/api/v1/validations/${id}/report`, officer);
    expect(report).toMatchObject({ status: 'closed', recommendedOutcome: 'exceeds' });
    expect(report.counts.required_action).toBe(0);

    const manager = await signInDemo('program.manager@cbp.example.gov', 'user/program-manager');
    const metrics = await getJson(
      ValidationMetricsSchema,
      `/api/v1/cbp/validations/metrics?officeId=${HOUSTON}&from=${closedOn}&to=${closedOn}`,
      manager,
    );
    const angela = metrics.specialists.find((line) => line.id === SPECIALIST);
    expect(angela?.validations).toBeGreaterThanOrEqual(1);
    if (testDatabaseDriver() === 'pglite') {
      // Every applicable criterion rated once, plus four site findings; the named ratings.
      expect(work.readiness).toMatchObject({ ready: true, missing: [] });
      expect(work.readiness.counts).toEqual({
        compliant: work.readiness.applicable - HARBORVIEW_FINDINGS.length + 4,
        required_action: 0,
        recommendation: 3,
        best_practice: 4,
      });
      expect(metrics.overall).toMatchObject({
        validations: 1,
        findings: work.readiness.applicable + 4,
        durationMeasured: 1,
        medianDays: 120,
        hours: work.hours.totalMinutes / 60,
      });
      expect(metrics.overall.byRating.best_practice).toBe(4);
    }
  });

  it('leave Rio Bravo without a validation, in the due list for its revalidation', async () => {
    const db = testApp.database.db;
    const organisationId = deterministicUuid(RIO_BRAVO);
    expect(
      await db.select().from(validations).where(eq(validations.organisationId, organisationId)),
    ).toEqual([]);
    const membership = await findMembership(db, organisationId);
    const due = validationDue(
      {
        status: 'validated',
        certifiedOn: calendarDate(membership?.certifiedOn ?? ''),
        validatedOn: calendarDate(membership?.validatedOn ?? ''),
        lastValidatedOn: calendarDate(membership?.lastValidatedOn ?? ''),
      },
      seedingDay,
    );
    if (!due.due) throw new Error('Rio Bravo is not due');
    const supervisor = await signInDemo('supervisor@cbp.example.gov', 'user/supervisor-houston');
    const page = await getJson(
      DueMemberPageSchema,
      `/api/v1/cbp/validations/due?year=${due.planYear}&officeId=${HOUSTON}&limit=100`,
      supervisor,
    );
    expect(page.items.find((item) => item.organisationId === organisationId)).toMatchObject({
      kind: 'revalidation',
      dueOn: due.dueOn,
    });
    // Great Lakes has its validation open: it is no longer listed as due.
    expect(page.items.map((item) => item.organisationId)).not.toContain(
      deterministicUuid(GREAT_LAKES),
    );
  });

  it('record the steps in the companies’ audit trails, whose chains verify', async () => {
    const db = testApp.database.db;
    for (const key of DEMO_VALIDATION_COMPANIES) {
      const organisationId = deterministicUuid(key);
      expect(await verifyAuditTrail(db, 1000, { chain: organisationId })).toMatchObject({
        ok: true,
      });
    }
    const recorded = await db
      .select({ action: auditEvents.action, actorUserId: auditEvents.actorUserId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organisationId, deterministicUuid(HARBORVIEW)),
          eq(auditEvents.targetType, 'validation'),
          eq(auditEvents.targetId, demoValidationId(HARBORVIEW)),
        ),
      )
      .orderBy(auditEvents.seq);
    expect(recorded).toEqual([
      { action: 'validation.planned', actorUserId: SUPERVISOR },
      { action: 'validation.scheduled', actorUserId: SPECIALIST },
      { action: 'validation.fieldwork_started', actorUserId: SPECIALIST },
      { action: 'validation.report_drafted', actorUserId: SPECIALIST },
      { action: 'validation.report_submitted', actorUserId: SPECIALIST },
      { action: 'validation.report_issued', actorUserId: SUPERVISOR },
      { action: 'validation.closed', actorUserId: SUPERVISOR },
    ]);
    const findings = await db
      .select({ id: validationFindings.id })
      .from(validationFindings)
      .where(eq(validationFindings.validationId, demoValidationId(HARBORVIEW)));
    const findingEvents = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organisationId, deterministicUuid(HARBORVIEW)),
          eq(auditEvents.action, 'validation.finding_recorded'),
        ),
      );
    expect(findingEvents).toHaveLength(findings.length);
  });

  it('are left alone by a second seeding run, on another day', async () => {
    const before = await validationRows();
    expect(before.validations).toHaveLength(2);
    const again = await seedDemoData(
      testApp.database.db,
      fixedClock(new Date('2026-03-04T05:06:07Z')),
      seedOptions,
    );
    expect(again).toMatchObject({ validationsCreated: 0, validationsTotal: 2 });
    expect(await validationRows()).toEqual(before);
  });
});
