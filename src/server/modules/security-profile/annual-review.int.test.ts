import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { insertCertifiedMembership } from '../../../../tests/factories/certified-member.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  applicableCriterionIds,
  insertDraftProfile,
} from '../../../../tests/factories/security-profile.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { type MutableClock, mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { buildTestApp, type TestApp } from '../../../../tests/setup/test-app.ts';
import { compareCriterionIds } from '../../../domain/criteria/catalog.schema.ts';
import { DEFAULT_MEMBERSHIP_CLOCK_SETTINGS } from '../../../domain/registry/lifecycle/membership-clocks.ts';
import { AnnualReviewStatusSchema } from '../../../domain/security-profile/annual-review.schema.ts';
import { ProfileVersionSchema } from '../../../domain/security-profile/profile-review.schema.ts';
import {
  type SecurityProfileView,
  SecurityProfileViewSchema,
} from '../../../domain/security-profile/security-profile.schema.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { sendAnnualReviewReminders } from './annual-review-reminders.ts';

/**
 * The annual review (issue 5, item 6), with the clock moved through a year: the window opens 90
 * days before the anniversary of certification, the cycle starts from last year's approved
 * version with every answer to re-confirm, and only changes inside the window count.
 */

let testApp: TestApp;
let clock: MutableClock;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

let supervisorUser: TestUser;

/** Certified on 1 June 2025: the 2026 anniversary's window opens on 3 March 2026. */
const CERTIFIED = new Date('2025-06-01T12:00:00Z');
const at = (day: string) => new Date(`${day}T12:00:00Z`);

beforeAll(async () => {
  clock = mutableClock(CERTIFIED);
  testApp = await buildTestApp({ clock });
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  supervisorUser = await createUser(db, { role: 'supervisory_scss', organisation: office });
});

afterAll(async () => {
  await testApp.close();
});

/** Sessions go idle while the clock jumps months: every step signs in afresh. */
async function asSupervisor(): Promise<SignedIn> {
  return signInWithMfaSettled(testApp.app, testApp.database.db, supervisorUser);
}

interface Member {
  id: string;
  officerUser: TestUser;
  adminUser: TestUser;
}

async function asOfficer(member: Member): Promise<SignedIn> {
  return signInWithMfaSettled(testApp.app, testApp.database.db, member.officerUser);
}

async function asAdmin(member: Member): Promise<SignedIn> {
  return signIn(testApp.app, member.adminUser);
}

/** A member certified on 1 June 2025 whose initial profile (every must, one should) is approved. */
async function approvedMember(): Promise<Member> {
  clock.set(CERTIFIED);
  const db = testApp.database.db;
  const company = await createOrganisation(db);
  const member = {
    id: company.id,
    officerUser: await createUser(db, { role: 'company_officer', organisation: company }),
    adminUser: await createUser(db, { role: 'company_admin', organisation: company }),
  };
  await insertCertifiedMembership(db, company.id, { at: CERTIFIED });
  // Read now, not once per file: on a shared database another file may publish a catalog.
  const { musts, shoulds } = await applicableCriterionIds(db);
  const [should] = shoulds;
  if (!should) throw new Error('the catalog has no should-criterion for importers');
  await insertDraftProfile(db, company.id, {
    at: CERTIFIED,
    answers: [...musts, should].map((criterionId) => ({ criterionId })),
    userId: member.officerUser.id,
  });
  clock.set(at('2025-06-02'));
  const submitted = await call('POST', '/api/v1/profile/submit', await asOfficer(member), {
    attestation: true,
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  const version = ProfileVersionSchema.parse(submitted.json());
  const supervisor = await asSupervisor();
  for (const criterion of version.snapshot.criteria) {
    const reviewed = await call(
      'PUT',
      `/api/v1/profiles/versions/${version.id}/reviews/${criterion.id}`,
      supervisor,
      { decision: 'approved' },
    );
    expect(reviewed.statusCode, reviewed.body).toBe(200);
  }
  const decided = await call(
    'POST',
    `/api/v1/profiles/versions/${version.id}/decision`,
    supervisor,
    {
      outcome: 'approved',
    },
  );
  expect(decided.statusCode, decided.body).toBe(200);
  return member;
}

async function annualReview(session: SignedIn) {
  const response = await call('GET', '/api/v1/profile/annual-review', session);
  expect(response.statusCode, response.body).toBe(200);
  return AnnualReviewStatusSchema.parse(response.json());
}

function answerOf(view: SecurityProfileView, criterionId: string) {
  for (const section of view.sections) {
    const found = section.criteria.find((criterion) => criterion.id === criterionId);
    if (found) return found.answer;
  }
  throw new Error(`criterion ${criterionId} is not in the profile`);
}

/** Saves (confirms) an answer as it stands, or with a new narrative. */
async function confirm(
  session: SignedIn,
  view: SecurityProfileView,
  criterionId: string,
  narrative?: string,
) {
  const answer = answerOf(view, criterionId);
  if (!answer) throw new Error(`no answer to ${criterionId}`);
  const response = await call('PUT', `/api/v1/profile/answers/${criterionId}`, session, {
    status: answer.status,
    narrative: narrative ?? answer.narrative,
    responsibleUserId: answer.responsibleUserId,
    expectedUpdatedAt: answer.updatedAt,
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function notices(userId: string): Promise<number> {
  const result = await testApp.database.db.execute(
    sql`select count(*)::int as n from notifications
         where user_id = ${userId} and kind = 'annual_review_due'`,
  );
  return RowsSchema(z.object({ n: z.number() })).parse(result).rows[0]?.n ?? -1;
}

describe('the annual review, with the clock moving through the year', () => {
  it('opens 90 days before the anniversary, carries every answer to re-confirm, and counts only changes inside the window', async () => {
    const member = await approvedMember();

    // The day before the window opens: nothing to start yet, and the start is refused.
    clock.set(at('2026-03-02'));
    let admin = await asAdmin(member);
    const before = await annualReview(admin);
    expect(before).toMatchObject({
      certifiedOn: '2025-06-01',
      anniversary: '2026-06-01',
      windowOpens: '2026-03-03',
      windowCloses: '2026-06-01',
      phase: 'upcoming',
      canStart: false,
      blocker: 'window_not_open',
      provisional: true,
      cycle: null,
    });
    const early = await call('POST', '/api/v1/profile/annual-review', admin, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('opens on 2026-03-03');

    // The window opens: the cycle starts from last year's approved version.
    clock.set(at('2026-03-03'));
    admin = await asAdmin(member);
    expect(await annualReview(admin)).toMatchObject({ phase: 'open', canStart: true });
    const started = await call('POST', '/api/v1/profile/annual-review', admin, {});
    expect(started.statusCode, started.body).toBe(201);
    let view = SecurityProfileViewSchema.parse(started.json());
    expect(view.cycle).toBe('annual_review');
    expect(view.status).toBe('draft');
    // What the cycle holds follows from the view: the catalog current at the start decides it.
    const criteria = view.sections.flatMap((section) => section.criteria);
    const carried = criteria.filter((criterion) => criterion.answer !== null);
    const carriedIds = carried.map((criterion) => criterion.id);
    const newMusts = criteria
      .filter((criterion) => criterion.answer === null && criterion.designation === 'must')
      .map((criterion) => criterion.id);
    const [changed, late, lastOne] = carried
      .filter((criterion) => criterion.designation === 'must')
      .map((criterion) => criterion.id);
    const carriedShould = carried.find((criterion) => criterion.designation === 'should')?.id;
    if (!changed || !late || !lastOne || !carriedShould) {
      throw new Error('the approved profile carried too few answers');
    }
    expect(carried.every((criterion) => criterion.answer?.toReconfirm)).toBe(true);
    expect(view.readiness.mustsMet).toBe(0);
    expect(await auditActionsOn(testApp.database.db, view.id)).toContain(
      'security_profile.annual_review_started',
    );
    // Only once per anniversary.
    const again = await call('POST', '/api/v1/profile/annual-review', admin, {});
    expect(again.statusCode).toBe(409);

    // Carried answers must be confirmed before submission, should-criteria included.
    let officer = await asOfficer(member);
    const refused = await call('POST', '/api/v1/profile/submit', officer, { attestation: true });
    expect(refused.statusCode).toBe(400);
    expect(issuePaths(refused)).toHaveLength(carriedIds.length + newMusts.length);
    expect(issuePaths(refused)).toEqual(
      expect.arrayContaining(carriedIds.map((id) => `answers.${id}`)),
    );
    expect(issuePaths(refused)).toContain(`answers.${carriedShould}`);

    // Inside the window: every answer but two confirmed, one of them changed.
    clock.set(at('2026-04-15'));
    admin = await asAdmin(member);
    for (const criterionId of newMusts) {
      clock.advance(1_000);
      const answered = await call('PUT', `/api/v1/profile/answers/${criterionId}`, admin, {
        status: 'implemented',
        narrative: 'Added this year.',
        responsibleUserId: null,
        expectedUpdatedAt: null,
      });
      expect(answered.statusCode, answered.body).toBe(200);
    }
    for (const criterionId of carriedIds) {
      if (criterionId === late || criterionId === lastOne) continue;
      clock.advance(1_000);
      await confirm(
        admin,
        view,
        criterionId,
        criterionId === changed ? 'New badge readers at every gate since January.' : undefined,
      );
    }
    const inWindow = await annualReview(admin);
    expect(inWindow.cycle).toMatchObject({
      toReconfirm: 2,
      confirmedInWindow: carriedIds.length - 2 + newMusts.length,
      confirmedOutsideWindow: [],
      overdue: false,
      submittedLate: null,
    });

    // After the anniversary: the cycle is overdue; a confirmation now is kept but does not count.
    clock.set(at('2026-06-02'));
    admin = await asAdmin(member);
    expect((await annualReview(admin)).cycle).toMatchObject({ overdue: true });
    view = SecurityProfileViewSchema.parse((await call('GET', '/api/v1/profile', admin)).json());
    await confirm(admin, view, late);
    clock.advance(1_000);
    await confirm(admin, view, lastOne);
    const outside = await annualReview(admin);
    expect(outside.cycle).toMatchObject({
      toReconfirm: 0,
      confirmedInWindow: carriedIds.length - 2 + newMusts.length,
      confirmedOutsideWindow: [late, lastOne].sort(compareCriterionIds),
    });

    // Submitted late: the version says so, and CBP sees exactly what changed since last year.
    officer = await asOfficer(member);
    const submitted = await call('POST', '/api/v1/profile/submit', officer, { attestation: true });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const version = ProfileVersionSchema.parse(submitted.json());
    expect(version.snapshot.annualReview).toMatchObject({
      anniversary: '2026-06-01',
      windowOpens: '2026-03-03',
      submittedLate: true,
      confirmedOutsideWindow: [late, lastOne].sort(compareCriterionIds),
    });
    const supervisor = await asSupervisor();
    const forReview = ProfileVersionSchema.parse(
      (await call('GET', `/api/v1/profiles/versions/${version.id}`, supervisor)).json(),
    );
    expect(forReview.changes).toBeNull();
    expect(forReview.sinceLastYear?.criteria).toEqual([
      { criterionId: changed, kind: 'changed', fields: ['narrative'] },
    ]);
    const cbpView = await call(
      'GET',
      `/api/v1/registry/members/${member.id}/annual-review`,
      supervisor,
    );
    expect(cbpView.statusCode, cbpView.body).toBe(200);
    expect(AnnualReviewStatusSchema.parse(cbpView.json()).cycle).toMatchObject({
      status: 'submitted',
      submittedLate: true,
      overdue: false,
    });
  });

  it('is refused while the initial profile is open, and before certification', async () => {
    clock.set(at('2026-03-10'));
    const db = testApp.database.db;
    const company = await createOrganisation(db);
    const adminUser = await createUser(db, { role: 'company_admin', organisation: company });
    let admin = await signIn(testApp.app, adminUser);
    expect(await annualReview(admin)).toMatchObject({
      certifiedOn: null,
      canStart: false,
      blocker: 'not_certified',
    });
    await insertCertifiedMembership(db, company.id, { at: CERTIFIED });
    await insertDraftProfile(db, company.id, { at: clock.now(), answers: [] });
    admin = await signIn(testApp.app, adminUser);
    expect(await annualReview(admin)).toMatchObject({
      phase: 'open',
      canStart: false,
      blocker: 'profile_open',
    });
    const refused = await call('POST', '/api/v1/profile/annual-review', admin, {});
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.json().error.message).toContain('open Security Profile');
  });

  it('keeps each company to its own; CBP reads any member, and an unknown company is a 404', async () => {
    const member = await approvedMember();
    clock.set(at('2026-03-10'));
    const other = await approvedMember();
    clock.set(at('2026-03-10'));
    const otherAdmin = await asAdmin(other);
    // The member route is always the caller's own company; the CBP route refuses members.
    const cbpRoute = await call(
      'GET',
      `/api/v1/registry/members/${member.id}/annual-review`,
      otherAdmin,
    );
    expect(cbpRoute.statusCode).toBe(403);
    expect((await annualReview(otherAdmin)).organisationId).toBe(other.id);
    const supervisor = await asSupervisor();
    const read = await call(
      'GET',
      `/api/v1/registry/members/${member.id}/annual-review`,
      supervisor,
    );
    expect(read.statusCode, read.body).toBe(200);
    expect(AnnualReviewStatusSchema.parse(read.json())).toMatchObject({
      organisationId: member.id,
      phase: 'open',
      canStart: true,
    });
    const unknown = await call(
      'GET',
      `/api/v1/registry/members/${randomUUID()}/annual-review`,
      supervisor,
    );
    expect(unknown.statusCode).toBe(404);
  });
});

/** The hourly reminder job, run for `day` (captured e-mails: no SMTP). */
function remind(day: string) {
  return sendAnnualReviewReminders(
    {
      db: testApp.database.db,
      clock,
      smtpConfigured: false,
      publicUrl: 'https://ctpat.test',
      settings: DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
    },
    calendarDate(day),
  );
}

describe('annual review reminders', () => {
  it('go out when the window opens and 30 and 7 days before, once each, until submitted', async () => {
    const member = await approvedMember();
    const db = testApp.database.db;
    await remind('2026-03-02');
    expect(await notices(member.officerUser.id)).toBe(0);
    await remind('2026-03-03');
    await remind('2026-03-03');
    await remind('2026-03-20');
    expect(await notices(member.officerUser.id)).toBe(1);
    expect(await notices(member.adminUser.id)).toBe(1);
    await remind('2026-05-02');
    expect(await notices(member.officerUser.id)).toBe(2);
    await remind('2026-05-25');
    expect(await notices(member.officerUser.id)).toBe(3);
    await remind('2026-06-02');
    expect(await notices(member.officerUser.id)).toBe(3);
    const emails = await db.execute(
      sql`select subject from email_outbox where to_address = ${member.officerUser.email}
           and subject like 'Annual Security Profile review%'`,
    );
    expect(RowsSchema(z.object({ subject: z.string() })).parse(emails).rows).toHaveLength(3);
  });

  it('stop once the cycle is submitted', async () => {
    const member = await approvedMember();
    const db = testApp.database.db;
    clock.set(at('2026-03-03'));
    const started = await call('POST', '/api/v1/profile/annual-review', await asAdmin(member), {});
    expect(started.statusCode, started.body).toBe(201);
    await db.execute(
      sql`update security_profiles set status = 'submitted' where id = ${started.json().id}`,
    );
    await remind('2026-05-25');
    expect(await notices(member.officerUser.id)).toBe(0);
  });
});
