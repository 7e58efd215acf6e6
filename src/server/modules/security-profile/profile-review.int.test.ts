import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { emailsTo } from '../../../../tests/factories/outbox.factory.ts';
import {
  applicableCriterionIds,
  type InsertedAnswer,
  insertDraftProfile,
  insertLinkedEvidence,
  insertMemberCase,
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
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import { PROFILE_ATTESTATION } from '../../../domain/security-profile/profile-attestation.ts';
import {
  ProfileVersionSchema,
  ReviewQueuePageSchema,
  SubmissionOverviewSchema,
  VersionRoundListSchema,
} from '../../../domain/security-profile/profile-review.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';

let testApp: TestApp;
let clock: MutableClock;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

let office: Organisation;
let specialistUser: TestUser;
let specialist: SignedIn;
let otherSpecialist: SignedIn;
let supervisor: SignedIn;
let musts: string[];
let shoulds: string[];

beforeAll(async () => {
  clock = mutableClock(TEST_NOW);
  testApp = await buildTestApp({ clock });
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  specialistUser = await createUser(db, { role: 'scss', organisation: office });
  const otherUser = await createUser(db, { role: 'scss', organisation: office });
  const supervisorUser = await createUser(db, { role: 'supervisory_scss', organisation: office });
  specialist = await signInWithMfaSettled(testApp.app, db, specialistUser);
  otherSpecialist = await signInWithMfaSettled(testApp.app, db, otherUser);
  supervisor = await signInWithMfaSettled(testApp.app, db, supervisorUser);
  ({ musts, shoulds } = await applicableCriterionIds(db));
});

afterAll(async () => {
  await testApp.close();
});

/** Every must answered (implemented); the shoulds left open. */
function everyMust(): InsertedAnswer[] {
  return musts.map((criterionId) => ({ criterionId }));
}

/** A member importer assigned to the test specialist, with an officer and an admin. */
async function newMember(options: { answers?: InsertedAnswer[]; assigned?: boolean } = {}) {
  const db = testApp.database.db;
  const company = await createOrganisation(db);
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  const adminUser = await createUser(db, { role: 'company_admin', organisation: company });
  await insertMemberCase(db, company.id, {
    at: TEST_NOW,
    ...(options.assigned === false
      ? {}
      : { specialist: { userId: specialistUser.id, officeId: office.id } }),
  });
  const profileId = await insertDraftProfile(db, company.id, {
    at: TEST_NOW,
    answers: options.answers ?? everyMust(),
    userId: officerUser.id,
  });
  return {
    company,
    profileId,
    officerUser,
    adminUser,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
    admin: await signIn(testApp.app, adminUser),
  };
}

type Member = Awaited<ReturnType<typeof newMember>>;

async function submit(member: Member, body: Record<string, unknown> = { attestation: true }) {
  clock.advance(60_000);
  return call('POST', '/api/v1/profile/submit', member.officer, body);
}

async function submitted(member: Member) {
  const response = await submit(member);
  expect(response.statusCode, response.body).toBe(201);
  return ProfileVersionSchema.parse(response.json());
}

function review(
  session: SignedIn,
  versionId: string,
  criterionId: string,
  body: Record<string, unknown>,
) {
  return call(
    'PUT',
    `/api/v1/profiles/versions/${versionId}/reviews/${criterionId}`,
    session,
    body,
  );
}

async function approveAll(session: SignedIn, versionId: string, except: readonly string[] = []) {
  const version = ProfileVersionSchema.parse(
    (await call('GET', `/api/v1/profiles/versions/${versionId}`, session)).json(),
  );
  for (const criterion of version.snapshot.criteria) {
    if (except.includes(criterion.id)) continue;
    const response = await review(session, versionId, criterion.id, { decision: 'approved' });
    expect(response.statusCode, response.body).toBe(200);
  }
}

function decide(session: SignedIn, versionId: string, outcome: 'approved' | 'returned') {
  clock.advance(60_000);
  return call('POST', `/api/v1/profiles/versions/${versionId}/decision`, session, { outcome });
}

async function profileStatus(profileId: string): Promise<string> {
  const result = await testApp.database.db.execute(
    sql`select status from security_profiles where id = ${profileId}`,
  );
  return RowsSchema(z.object({ status: z.string() })).parse(result).rows[0]?.status ?? '';
}

async function notificationKinds(userId: string): Promise<string[]> {
  const result = await testApp.database.db.execute(
    sql`select kind from notifications where user_id = ${userId} and kind like 'profile_%'
         order by created_at, kind`,
  );
  return RowsSchema(z.object({ kind: z.string() }))
    .parse(result)
    .rows.map((row) => row.kind);
}

async function versionCount(profileId: string): Promise<number> {
  const result = await testApp.database.db.execute(
    sql`select count(*)::int as n from security_profile_versions where profile_id = ${profileId}`,
  );
  return RowsSchema(z.object({ n: z.number() })).parse(result).rows[0]?.n ?? -1;
}

describe('submitting the Security Profile', () => {
  it('is refused naming every must-criterion without an answer, and writes nothing', async () => {
    const [first, second, third, fourth] = musts;
    if (!first || !second || !third || !fourth) throw new Error('the catalog has too few musts');
    const answers = everyMust().filter(
      (answer) => answer.criterionId !== first && answer.criterionId !== third,
    );
    // A saved answer without a status, and one carried over and never re-confirmed.
    answers.push({ criterionId: first, status: null, narrative: 'draft text' });
    const carried = answers.find((answer) => answer.criterionId === fourth);
    if (carried) carried.toReconfirm = true;
    const member = await newMember({ answers });

    const overview = SubmissionOverviewSchema.parse(
      (await call('GET', '/api/v1/profile/submission', member.admin)).json(),
    );
    expect(overview.submittable).toBe(true);
    expect(overview.readiness?.ready).toBe(false);
    expect(overview.readiness?.missing.map((missing) => missing.criterionId)).toEqual([
      first,
      third,
      fourth,
    ]);
    expect(overview.readiness?.mustsApplicable).toBe(musts.length);

    const refused = await submit(member);
    expect(refused.statusCode).toBe(400);
    expect(errorCode(refused)).toBe('VALIDATION_FAILED');
    expect(issuePaths(refused)).toEqual([
      `answers.${first}`,
      `answers.${third}`,
      `answers.${fourth}`,
    ]);
    expect(await versionCount(member.profileId)).toBe(0);
    expect(await profileStatus(member.profileId)).toBe('draft');
  });

  it('needs the attestation, and only the company officer submits (admin: 403)', async () => {
    const member = await newMember();
    const noAttestation = await submit(member, { attestation: false });
    expect(noAttestation.statusCode).toBe(400);
    expect(issuePaths(noAttestation)).toEqual(['body.attestation']);

    const byAdmin = await call('POST', '/api/v1/profile/submit', member.admin, {
      attestation: true,
    });
    expect(byAdmin.statusCode).toBe(403);
    expect(errorCode(byAdmin)).toBe('FORBIDDEN');
    expect(await versionCount(member.profileId)).toBe(0);
  });

  it('freezes version 1 with the answers, the criteria and the attestation word for word', async () => {
    const member = await newMember({
      answers: [
        ...everyMust(),
        {
          criterionId: shoulds[0] ?? '',
          status: 'not_applicable',
          narrative: 'We never handle cargo.',
        },
      ],
    });
    const document = await insertLinkedEvidence(
      testApp.database.db,
      member.company.id,
      musts[0] ?? '',
      { at: TEST_NOW, title: 'Security policy 2026' },
    );
    const overview = SubmissionOverviewSchema.parse(
      (await call('GET', '/api/v1/profile/submission', member.officer)).json(),
    );
    expect(overview.readiness?.ready).toBe(true);

    // Submitting against answers that changed since they were read is refused.
    const stale = await submit(member, {
      attestation: true,
      expectedAnswersVersion: 'not-what-was-read',
    });
    expect(stale.statusCode).toBe(409);

    const response = await submit(member, {
      attestation: true,
      language: 'es',
      expectedAnswersVersion: overview.answersVersion,
    });
    expect(response.statusCode, response.body).toBe(201);
    const version = ProfileVersionSchema.parse(response.json());
    expect(version.number).toBe(1);
    expect(version.status).toBe('submitted');
    expect(version.attestation).toBe(PROFILE_ATTESTATION.es);
    expect(version.snapshot.criteria.map((criterion) => criterion.id)).toEqual([
      ...[...musts, ...shoulds].sort((a, b) => {
        const [ca = 0, na = 0] = a.split('.').map(Number);
        const [cb = 0, nb = 0] = b.split('.').map(Number);
        return ca - cb || na - nb;
      }),
    ]);
    const firstMust = version.snapshot.criteria.find((criterion) => criterion.id === musts[0]);
    expect(firstMust?.designation).toBe('must');
    expect(firstMust?.text.length).toBeGreaterThan(0);
    expect(firstMust?.answer?.status).toBe('implemented');
    // The evidence linked at submission is frozen with its content hash.
    expect(firstMust?.evidence).toEqual([
      {
        evidenceId: document.evidenceId,
        title: 'Security policy 2026',
        originalFilename: 'Security policy 2026.pdf',
        sha256: document.sha256,
        expiresOn: null,
      },
    ]);
    const notApplicable = version.snapshot.criteria.find(
      (criterion) => criterion.id === shoulds[0],
    );
    expect(notApplicable?.answer?.narrative).toBe('We never handle cargo.');
    expect(version.snapshot.readiness.mustsMet).toBe(musts.length);
    expect(version.changes).toBeNull();
    expect(await profileStatus(member.profileId)).toBe('submitted');

    // A submitted profile cannot be submitted again, nor edited through the answers API.
    const again = await submit(member);
    expect(again.statusCode).toBe(409);
    const edit = await call('PUT', `/api/v1/profile/answers/${musts[0]}`, member.admin, {
      status: 'implemented',
      narrative: 'changed after submission',
      responsibleUserId: null,
      expectedUpdatedAt: TEST_NOW.toISOString(),
    });
    expect(edit.statusCode).toBe(409);

    expect(await auditActionsOn(testApp.database.db, version.id)).toEqual([
      'security_profile.submitted',
    ]);
    expect(await verifyAuditTrail(testApp.database.db)).toMatchObject({ ok: true });
    // The company's officer and admin, and the assigned specialist, are told.
    expect(await notificationKinds(member.officerUser.id)).toEqual(['profile_submitted']);
    expect(await notificationKinds(member.adminUser.id)).toEqual(['profile_submitted']);
    expect(await notificationKinds(specialistUser.id)).toContain('profile_submitted');
    const mails = await emailsTo(
      testApp.database.db,
      specialistUser.email,
      'Security Profile submitted',
    );
    expect(mails.at(-1)?.text_body).toContain(`/cbp/profiles/${version.id}`);
  });

  it('is frozen: the database refuses any change to a submitted version', async () => {
    const member = await newMember();
    const version = await submitted(member);
    const db = testApp.database.db;
    await expect(
      db.execute(
        sql`update security_profile_versions set snapshot = '{"format":1}'::jsonb where id = ${version.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`update security_profile_versions set attestation = 'edited' where id = ${version.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`delete from security_profile_versions where id = ${version.id}`),
    ).rejects.toThrow();
    const stored = ProfileVersionSchema.parse(
      (await call('GET', `/api/v1/profile/versions/${version.id}`, member.officer)).json(),
    );
    expect(stored.snapshot).toEqual(version.snapshot);
    expect(stored.attestation).toBe(version.attestation);
  });
});

describe('the CBP review queue', () => {
  it('lists submitted versions oldest first, pages by cursor, filters mine and office', async () => {
    const first = await newMember();
    const second = await newMember({ assigned: false });
    const third = await newMember();
    const v1 = await submitted(first);
    const v2 = await submitted(second);
    const v3 = await submitted(third);

    const officeQueue = ReviewQueuePageSchema.parse(
      (
        await call(
          'GET',
          `/api/v1/profiles/review-queue?officeId=${office.id}&limit=100`,
          supervisor,
        )
      ).json(),
    );
    const ids = officeQueue.items.map((item) => item.versionId);
    // The unassigned member has no office yet: not in the office's queue.
    expect(ids).not.toContain(v2.id);
    expect(ids.indexOf(v1.id)).toBeLessThan(ids.indexOf(v3.id));
    expect(officeQueue.items.find((item) => item.versionId === v1.id)).toMatchObject({
      organisationName: first.company.legalName,
      assignedSpecialistUserId: specialistUser.id,
      reviewedCount: 0,
    });

    // Paging one by one over the whole queue finds every version once, oldest first.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = ReviewQueuePageSchema.parse(
        (
          await call(
            'GET',
            `/api/v1/profiles/review-queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
            supervisor,
          )
        ).json(),
      );
      seen.push(...page.items.map((item) => item.versionId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.indexOf(v1.id)).toBeLessThan(seen.indexOf(v2.id));
    expect(seen.indexOf(v2.id)).toBeLessThan(seen.indexOf(v3.id));

    const mine = ReviewQueuePageSchema.parse(
      (await call('GET', '/api/v1/profiles/review-queue?mine=true&limit=100', specialist)).json(),
    );
    expect(mine.items.map((item) => item.versionId)).toEqual(
      expect.arrayContaining([v1.id, v3.id]),
    );
    expect(mine.items.map((item) => item.versionId)).not.toContain(v2.id);
    const notMine = ReviewQueuePageSchema.parse(
      (await call('GET', '/api/v1/profiles/review-queue?mine=true', otherSpecialist)).json(),
    );
    expect(notMine.items).toEqual([]);

    // Members do not reach the queue.
    const byMember = await call('GET', '/api/v1/profiles/review-queue', first.officer);
    expect(byMember.statusCode).toBe(403);
  });

  it('lets an SCSS review only the members assigned to them; a supervisor any', async () => {
    const member = await newMember();
    const version = await submitted(member);
    const criterionId = musts[0] ?? '';
    const other = await review(otherSpecialist, version.id, criterionId, { decision: 'approved' });
    expect(other.statusCode).toBe(403);
    const otherDecision = await decide(otherSpecialist, version.id, 'returned');
    expect(otherDecision.statusCode).toBe(403);
    // Everyone with profile:read:any reads it.
    const read = await call('GET', `/api/v1/profiles/versions/${version.id}`, otherSpecialist);
    expect(read.statusCode).toBe(200);

    const bySupervisor = await review(supervisor, version.id, criterionId, {
      decision: 'approved',
    });
    expect(bySupervisor.statusCode, bySupervisor.body).toBe(200);
    const byAssigned = await review(specialist, version.id, criterionId, {
      decision: 'returned',
      comment: 'Attach the signed policy.',
    });
    expect(byAssigned.statusCode).toBe(200);
    expect(byAssigned.json()).toMatchObject({
      decision: 'returned',
      comment: 'Attach the signed policy.',
    });

    const unknownCriterion = await review(specialist, version.id, '12.999', {
      decision: 'approved',
    });
    expect(unknownCriterion.statusCode).toBe(404);
  });
});

describe('reviewing a version', () => {
  it('needs a comment to return a criterion', async () => {
    const member = await newMember();
    const version = await submitted(member);
    const response = await review(specialist, version.id, musts[0] ?? '', {
      decision: 'returned',
    });
    expect(response.statusCode).toBe(400);
    expect(issuePaths(response)).toEqual(['body.comment']);
    const blank = await review(specialist, version.id, musts[0] ?? '', {
      decision: 'returned',
      comment: '   ',
    });
    expect(blank.statusCode).toBe(400);
  });

  it('refuses to approve while any criterion is unreviewed, naming them', async () => {
    const member = await newMember();
    const version = await submitted(member);
    const [left, ...rest] = version.snapshot.criteria.map((criterion) => criterion.id);
    for (const criterionId of rest.slice(0, 3)) {
      await review(specialist, version.id, criterionId, { decision: 'approved' });
    }
    const response = await decide(specialist, version.id, 'approved');
    expect(response.statusCode).toBe(409);
    const unreviewed = z
      .object({ error: z.object({ details: z.object({ unreviewed: z.array(z.string()) }) }) })
      .parse(response.json()).error.details.unreviewed;
    expect(unreviewed).toContain(left);
    expect(unreviewed).toHaveLength(version.snapshot.criteria.length - 3);
    // Returning needs at least one returned criterion.
    expect((await decide(specialist, version.id, 'returned')).statusCode).toBe(409);
    expect(await profileStatus(member.profileId)).toBe('submitted');
  });

  it('return → the member answers again → version 2 shows what changed → approve', async () => {
    const member = await newMember();
    const v1 = await submitted(member);
    const returnedId = musts[1] ?? '';
    await approveAll(specialist, v1.id, [returnedId]);
    const returnedReview = await review(specialist, v1.id, returnedId, {
      decision: 'returned',
      comment: 'Describe how seals are verified at the dock.',
    });
    expect(returnedReview.statusCode).toBe(200);
    // Members do not see the specialist's work before the round is decided.
    const during = ProfileVersionSchema.parse(
      (await call('GET', `/api/v1/profile/versions/${v1.id}`, member.admin)).json(),
    );
    expect(during.reviews).toEqual([]);

    const returned = await decide(specialist, v1.id, 'returned');
    expect(returned.statusCode, returned.body).toBe(200);
    expect(ProfileVersionSchema.parse(returned.json()).status).toBe('returned');
    expect(await profileStatus(member.profileId)).toBe('returned');
    // A closed round's reviews cannot change.
    const late = await review(specialist, v1.id, returnedId, { decision: 'approved' });
    expect(late.statusCode).toBe(409);

    // The member sees the round with CBP's comment, also next to the answer.
    const rounds = VersionRoundListSchema.parse(
      (await call('GET', '/api/v1/profile/versions', member.admin)).json(),
    );
    expect(rounds.items).toEqual([
      expect.objectContaining({
        id: v1.id,
        number: 1,
        status: 'returned',
        returned: [
          { criterionId: returnedId, comment: 'Describe how seals are verified at the dock.' },
        ],
      }),
    ]);
    const comments = await testApp.database.db.execute(
      sql`select criterion_id, body, version_id from security_profile_comments
           where profile_id = ${member.profileId}`,
    );
    expect(
      RowsSchema(
        z.object({ criterion_id: z.string(), body: z.string(), version_id: z.string() }),
      ).parse(comments).rows,
    ).toEqual([
      {
        criterion_id: returnedId,
        body: 'Describe how seals are verified at the dock.',
        version_id: v1.id,
      },
    ]);

    // The member edits the returned answer through the profile's own API and resubmits.
    const edited = await call('PUT', `/api/v1/profile/answers/${returnedId}`, member.admin, {
      status: 'implemented',
      narrative: 'Seals are verified against the bill of lading by two guards at the dock.',
      responsibleUserId: null,
      expectedUpdatedAt: TEST_NOW.toISOString(),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const v2 = await submitted(member);
    expect(v2.number).toBe(2);

    const forReview = ProfileVersionSchema.parse(
      (await call('GET', `/api/v1/profiles/versions/${v2.id}`, specialist)).json(),
    );
    expect(forReview.changes).toEqual({
      previousVersionId: v1.id,
      previousNumber: 1,
      criteria: [
        { criterionId: returnedId, kind: 'changed', fields: ['narrative', 'responsible'] },
      ],
      previouslyReturned: [
        { criterionId: returnedId, comment: 'Describe how seals are verified at the dock.' },
      ],
    });
    expect(forReview.reviews).toEqual([]);

    await approveAll(specialist, v2.id);
    const approved = await decide(specialist, v2.id, 'approved');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await profileStatus(member.profileId)).toBe('approved');

    const history = VersionRoundListSchema.parse(
      (await call('GET', '/api/v1/profile/versions', member.officer)).json(),
    );
    expect(history.items.map((round) => [round.number, round.status])).toEqual([
      [2, 'approved'],
      [1, 'returned'],
    ]);

    const actions = await auditActionsOn(testApp.database.db, v1.id);
    expect(actions[0]).toBe('security_profile.submitted');
    expect(actions.at(-1)).toBe('security_profile.returned');
    expect(
      actions.filter((action) => action === 'security_profile.criterion_reviewed'),
    ).toHaveLength(v1.snapshot.criteria.length);
    expect((await auditActionsOn(testApp.database.db, v2.id)).at(-1)).toBe(
      'security_profile.approved',
    );
    expect(await notificationKinds(member.officerUser.id)).toEqual([
      'profile_submitted',
      'profile_returned',
      'profile_submitted',
      'profile_approved',
    ]);
    const mails = await emailsTo(
      testApp.database.db,
      member.officerUser.email,
      'Security Profile returned',
    );
    expect(mails).toHaveLength(1);
    expect(await verifyAuditTrail(testApp.database.db)).toMatchObject({ ok: true });
  });
});

describe('tenant isolation', () => {
  it("another company's version answers 404 to members; CBP reads it", async () => {
    const owner = await newMember();
    const stranger = await newMember();
    const version = await submitted(owner);
    const byStranger = await call(
      'GET',
      `/api/v1/profile/versions/${version.id}`,
      stranger.officer,
    );
    expect(byStranger.statusCode).toBe(404);
    expect(errorCode(byStranger)).toBe('NOT_FOUND');
    const strangerRounds = VersionRoundListSchema.parse(
      (await call('GET', '/api/v1/profile/versions', stranger.officer)).json(),
    );
    expect(strangerRounds.items).toEqual([]);
    const unknown = await call(
      'GET',
      '/api/v1/profiles/versions/00000000-0000-4000-8000-000000000000',
      specialist,
    );
    expect(unknown.statusCode).toBe(404);
  });
});
