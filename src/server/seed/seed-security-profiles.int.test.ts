import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { demoSeedCalls } from '../../../tests/setup/demo-seed-calls.ts';
import { mutableClock } from '../../../tests/setup/mutable-clock.ts';
import { buildTestApp, type TestApp } from '../../../tests/setup/test-app.ts';
import { testDatabaseDriver } from '../../../tests/setup/test-database.ts';
import { EvidencePageSchema } from '../../domain/evidence/evidence.schema.ts';
import { AnnualReviewStatusSchema } from '../../domain/security-profile/annual-review.schema.ts';
import {
  ProfileVersionSchema,
  ReviewQueuePageSchema,
  SubmissionOverviewSchema,
  VersionRoundListSchema,
} from '../../domain/security-profile/profile-review.schema.ts';
import { SecurityProfileViewSchema } from '../../domain/security-profile/security-profile.schema.ts';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  daysBetween,
  todayFromClock,
} from '../../domain/time/calendar-date.ts';
import { fixedClock } from '../../domain/time/clock.ts';
import { verifyAuditTrail } from '../modules/audit/audit.service.ts';
import { auditEvents } from '../modules/audit/audit.tables.ts';
import { findCurrentCatalogVersion } from '../modules/criteria/criteria.repository.ts';
import { evidenceCriterionLinks, evidenceFiles } from '../modules/evidence/evidence.tables.ts';
import { sha256Of } from '../modules/evidence/evidence-inspection.ts';
import {
  securityProfileAnswers,
  securityProfileCriterionReviews,
  securityProfiles,
  securityProfileVersions,
} from '../modules/security-profile/security-profile.tables.ts';
import { deriveKeys } from '../security/secret-key.ts';
import { demoInstant } from './demo-membership-timeline.ts';
import { DEMO_NARRATIVES, DEMO_SECURITY_PROFILES } from './demo-security-profiles.ts';
import { deterministicUuid } from './deterministic-id.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { demoProfileIds } from './seed-security-profiles.ts';

/**
 * The demo Security Profiles as a newcomer meets them through the API: the submitted version in
 * the CBP review queue, the approved member's open annual review, the draft's evidence library,
 * and a second seeding run that changes nothing.
 *
 * On the shared PostgreSQL test database another test file (or `ctpat seed --demo`) may have
 * seeded the demo data on another day: the seeding day is read back from the data (Rio Bravo's
 * certification date) and the app's clock set to it, as if the demo had just been loaded.
 */

const GULF_COAST = 'member/gulf-coast-terminal-partners';
const RIO_BRAVO = 'member/rio-bravo-customs-brokerage';
const TRANSPORTES = 'member/transportes-del-norte';
const DEMO_ORGANISATION_IDS = DEMO_SECURITY_PROFILES.map((demo) =>
  deterministicUuid(demo.organisation),
);

const clock = mutableClock(new Date('2026-01-02T03:04:05Z'));
const seedOptions = { keys: deriveKeys(randomBytes(32)), nodeEnv: 'test' } as const;
let testApp: TestApp;
let seedingDay: CalendarDate;
const { call, signInDemo, getJson, seededOn } = demoSeedCalls(() => testApp, clock);

/** Every row the profile seed writes for the demo companies, in a stable order. */
async function profileRows() {
  const db = testApp.database.db;
  const profiles = await db
    .select()
    .from(securityProfiles)
    .where(inArray(securityProfiles.organisationId, DEMO_ORGANISATION_IDS))
    .orderBy(securityProfiles.id);
  const profileIds = profiles.map((row) => row.id);
  const versions = await db
    .select()
    .from(securityProfileVersions)
    .where(inArray(securityProfileVersions.organisationId, DEMO_ORGANISATION_IDS))
    .orderBy(securityProfileVersions.id);
  return {
    profiles,
    answers: await db
      .select()
      .from(securityProfileAnswers)
      .where(inArray(securityProfileAnswers.profileId, profileIds))
      .orderBy(securityProfileAnswers.profileId, securityProfileAnswers.criterionId),
    versions,
    reviews: await db
      .select()
      .from(securityProfileCriterionReviews)
      .where(
        inArray(
          securityProfileCriterionReviews.versionId,
          versions.map((row) => row.id),
        ),
      )
      .orderBy(
        securityProfileCriterionReviews.versionId,
        securityProfileCriterionReviews.criterionId,
      ),
    evidence: await db
      .select()
      .from(evidenceFiles)
      .where(inArray(evidenceFiles.organisationId, DEMO_ORGANISATION_IDS))
      .orderBy(evidenceFiles.id),
    links: await db
      .select()
      .from(evidenceCriterionLinks)
      .where(inArray(evidenceCriterionLinks.organisationId, DEMO_ORGANISATION_IDS))
      .orderBy(evidenceCriterionLinks.evidenceId, evidenceCriterionLinks.criterionId),
    audit: await db
      .select({ id: auditEvents.id, chain: auditEvents.chain, seq: auditEvents.seq })
      .from(auditEvents)
      .where(inArray(auditEvents.organisationId, DEMO_ORGANISATION_IDS))
      .orderBy(auditEvents.id),
  };
}

function narrativesOf(category: number, site: string): string[] {
  return (DEMO_NARRATIVES[category] ?? []).map((text) => text.replaceAll('{site}', site));
}

beforeAll(async () => {
  testApp = await buildTestApp({ clock });
  const result = await seedDemoData(testApp.database.db, fixedClock(clock.now()), seedOptions);
  seedingDay = await seededOn();
  if (testDatabaseDriver() === 'pglite') {
    // A database of its own: this run seeded it, today.
    expect(result.securityProfilesCreated).toBe(DEMO_SECURITY_PROFILES.length);
    expect(seedingDay).toBe(todayFromClock(clock));
  }
  clock.set(demoInstant(seedingDay));
});

afterAll(async () => {
  await testApp?.close();
});

describe('the demo Security Profiles', () => {
  it('put Gulf Coast’s submitted version 1 in the CBP review queue, every must answered', async () => {
    const { versionId } = demoProfileIds(GULF_COAST);
    const specialist = await signInDemo('scss@cbp.example.gov', 'user/scss-houston');
    let found: z.infer<typeof ReviewQueuePageSchema>['items'][number] | undefined;
    let cursor: string | null = null;
    do {
      const page: z.infer<typeof ReviewQueuePageSchema> = await getJson(
        ReviewQueuePageSchema,
        `/api/v1/profiles/review-queue?mine=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        specialist,
      );
      found = page.items.find((item) => item.versionId === versionId);
      cursor = page.nextCursor;
    } while (!found && cursor);
    expect(found).toMatchObject({
      number: 1,
      organisationId: deterministicUuid(GULF_COAST),
      organisationName: 'Gulf Coast Terminal Partners LP',
      assignedSpecialistName: 'Angela Moreno (SCSS)',
      submittedAt: demoInstant(addDays(seedingDay, -45)).toISOString(),
    });

    const version = await getJson(
      ProfileVersionSchema,
      `/api/v1/profiles/versions/${versionId}`,
      specialist,
    );
    expect(version).toMatchObject({ status: 'submitted', submittedByName: 'Beau Thibodeaux' });
    const { criteria, readiness } = version.snapshot;
    const musts = criteria.filter((criterion) => criterion.designation === 'must');
    const shoulds = criteria.filter((criterion) => criterion.designation === 'should');
    expect(musts.length).toBeGreaterThan(0);
    expect(musts.every((criterion) => criterion.answer?.status)).toBe(true);
    expect(readiness).toMatchObject({ ready: true, missing: [], mustsMet: musts.length });
    const answeredShoulds = shoulds.filter((criterion) => criterion.answer !== null);
    expect(answeredShoulds.length).toBeGreaterThanOrEqual(2);
    expect(answeredShoulds.length).toBeLessThan(shoulds.length);
    const notApplicable = criteria.filter((c) => c.answer?.status === 'not_applicable');
    expect(notApplicable).toHaveLength(1);
    expect(notApplicable[0]?.answer?.narrative).toMatch(/^Not applicable: the /);
    // Each other answer is one of its category's narratives, about the terminal.
    for (const criterion of criteria.filter((c) => c.answer?.status === 'implemented')) {
      expect(narrativesOf(criterion.category, 'the Houston terminal'), criterion.id).toContain(
        criterion.answer?.narrative,
      );
    }
    // The documents linked when it was submitted are frozen in it, with their hash.
    const sealDocument = criteria.find((c) => c.id === '6.1')?.evidence;
    expect(sealDocument?.map((document) => document.title)).toEqual([
      'Seal verification procedure SOP-SEC-06',
    ]);
    expect(sealDocument?.[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The specialist has started: the criteria of categories 1 and 2 are approved.
    const started = criteria.filter((c) => c.category <= 2).map((c) => c.id);
    expect(found?.reviewedCount).toBe(started.length);
    expect(version.reviews.map((review) => review.criterionId)).toEqual(started);
    expect(version.reviews.every((review) => review.reviewerName === 'Angela Moreno (SCSS)')).toBe(
      true,
    );

    // The snapshot is what the submission service computes from the stored answers.
    const officer = await signInDemo(
      'officer@gulfcoastterminal.example.com',
      'user/officer-gulf-coast-terminal-partners',
    );
    const overview = await getJson(SubmissionOverviewSchema, '/api/v1/profile/submission', officer);
    expect(overview).toMatchObject({
      status: 'submitted',
      submittable: false,
      lastVersionId: versionId,
    });
    expect(overview.readiness).toEqual(readiness);
    const profile = await getJson(SecurityProfileViewSchema, '/api/v1/profile', officer);
    expect(profile.catalogVersionId).toBe(version.snapshot.catalog.versionId);
    if (testDatabaseDriver() === 'pglite') {
      const current = await findCurrentCatalogVersion(testApp.database.db);
      expect(version.snapshot.catalog.versionId).toBe(current?.id);
    }
  });

  it('give Rio Bravo an approved initial profile whose annual review window is open today', async () => {
    const officer = await signInDemo(
      'officer@riobravobrokerage.example.com',
      'user/officer-rio-bravo-customs-brokerage',
    );
    const status = await getJson(
      AnnualReviewStatusSchema,
      '/api/v1/profile/annual-review',
      officer,
    );
    expect(status).toMatchObject({
      certifiedOn: addDays(seedingDay, -1440),
      phase: 'open',
      canStart: true,
      blocker: null,
      cycle: null,
    });
    expect(status.daysToAnniversary).toBeGreaterThanOrEqual(20);
    expect(status.daysToAnniversary).toBeLessThanOrEqual(21);
    expect(daysBetween(calendarDate(status.windowOpens ?? ''), seedingDay)).toBeGreaterThan(0);

    const profile = await getJson(SecurityProfileViewSchema, '/api/v1/profile', officer);
    expect(profile).toMatchObject({ status: 'approved', cycle: 'initial', editable: false });
    expect(profile.readiness.mustsMet).toBe(profile.readiness.mustsApplicable);
    const rounds = await getJson(VersionRoundListSchema, '/api/v1/profile/versions', officer);
    expect(rounds.items).toEqual([
      expect.objectContaining({
        id: demoProfileIds(RIO_BRAVO).versionId,
        number: 1,
        status: 'approved',
        decidedAt: demoInstant(addDays(seedingDay, -1460)).toISOString(),
        returned: [],
      }),
    ]);
    const version = await getJson(
      ProfileVersionSchema,
      `/api/v1/profile/versions/${demoProfileIds(RIO_BRAVO).versionId}`,
      officer,
    );
    // CBP approved every criterion, each one of them.
    expect(version.reviews.map((review) => review.criterionId)).toEqual(
      version.snapshot.criteria.map((criterion) => criterion.id),
    );
    expect(new Set(version.reviews.map((review) => review.decision))).toEqual(
      new Set(['approved']),
    );
  });

  it('give Transportes del Norte a half-answered draft and an evidence library with one document expiring', async () => {
    const officer = await signInDemo(
      'oficial@tnf.example.com',
      'user/officer-transportes-del-norte',
    );
    const profile = await getJson(SecurityProfileViewSchema, '/api/v1/profile', officer);
    expect(profile).toMatchObject({ status: 'draft', cycle: 'initial', editable: true });
    const share = profile.readiness.answered / profile.readiness.applicable;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.65);
    const statuses = profile.sections
      .flatMap((section) => section.criteria)
      .map((criterion) => criterion.answer?.status ?? null);
    expect(statuses).toContain(null);
    expect(statuses).toContain('partially_implemented');

    const library = await getJson(EvidencePageSchema, '/api/v1/evidence?limit=100', officer);
    const demo = DEMO_SECURITY_PROFILES.find((entry) => entry.organisation === TRANSPORTES);
    expect(library.items.map((item) => item.title).sort()).toEqual(
      demo?.evidence.map((document) => document.title).sort(),
    );
    const expiring = library.items.filter((item) => item.expiry === 'expiring');
    expect(expiring).toHaveLength(1);
    expect(expiring[0]).toMatchObject({
      title: 'ISO 17712 certificate of our seal supplier',
      expiresOn: addDays(seedingDay, 18),
      daysUntilExpiry: 18,
      criterionIds: ['6.2'],
      warnings: [],
    });
    for (const item of library.items) {
      expect(item.criterionIds.length, item.title).toBeGreaterThan(0);
      const content = await call('GET', `/api/v1/evidence/${item.id}/content`, officer);
      expect(content.statusCode).toBe(200);
      expect(sha256Of(content.rawPayload)).toBe(item.sha256);
      expect(content.rawPayload.length).toBe(item.sizeBytes);
    }
    // The profile shows the documents beside the criteria they support.
    const seal = profile.sections.flatMap((s) => s.criteria).find((c) => c.id === '6.2');
    expect(seal?.evidence.map((document) => document.title).sort()).toEqual([
      'ISO 17712 certificate of our seal supplier',
      'Procedimiento de control de sellos (seal control procedure)',
    ]);
  });

  it('record every step in the companies’ audit trails, whose chains verify', async () => {
    const db = testApp.database.db;
    for (const demo of DEMO_SECURITY_PROFILES) {
      const organisationId = deterministicUuid(demo.organisation);
      expect(await verifyAuditTrail(db, 1000, { chain: organisationId })).toMatchObject({
        ok: true,
      });
      const { profileId } = demoProfileIds(demo.organisation);
      const saved = await db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.organisationId, organisationId),
            eq(auditEvents.action, 'security_profile.answer_saved'),
            eq(auditEvents.targetId, profileId),
          ),
        );
      const answers = await db
        .select({ criterionId: securityProfileAnswers.criterionId })
        .from(securityProfileAnswers)
        .where(eq(securityProfileAnswers.profileId, profileId));
      expect(saved.length, demo.organisation).toBe(answers.length);
    }
    const [submitted] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'security_profile.submitted'),
          eq(auditEvents.targetId, demoProfileIds(GULF_COAST).versionId),
        ),
      );
    expect(submitted).toMatchObject({
      actorUserId: deterministicUuid('user/officer-gulf-coast-terminal-partners'),
      actorRole: 'company_officer',
      occurredAt: demoInstant(addDays(seedingDay, -45)),
    });
  });

  it('are left alone by a second seeding run, on another day', async () => {
    const before = await profileRows();
    expect(before.profiles).toHaveLength(DEMO_SECURITY_PROFILES.length);
    const again = await seedDemoData(
      testApp.database.db,
      fixedClock(new Date('2026-03-04T05:06:07Z')),
      seedOptions,
    );
    expect(again).toMatchObject({
      securityProfilesCreated: 0,
      securityProfilesTotal: DEMO_SECURITY_PROFILES.length,
    });
    expect(await profileRows()).toEqual(before);
  });
});
