import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { insertCertifiedMembership } from '../../../../tests/factories/certified-member.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { emailsTo } from '../../../../tests/factories/outbox.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import { MembershipFileSchema } from '../../../domain/registry/registry.schema.ts';
import type { Db } from '../../db/database.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { updateMembership } from './registry.repository.ts';
import { sviConnections, sviParticipants } from './status-verification.tables.ts';

/**
 * The member's own transitions (POST /registry/membership/transitions) and the notifications
 * every transition sends to the audiences the domain's table names (issue 4, item 5).
 */

/** A clock the tests move forward (suspension response period, re-application bar). */
const clock = mutableClock(TEST_NOW);
const DAY = 86_400_000;

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

let office: Organisation;
let supervisorUser: TestUser;
let specialistUser: TestUser;
let otherOfficeSupervisorUser: TestUser;

beforeAll(async () => {
  testApp = await buildTestApp({ clock });
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  supervisorUser = await createUser(db, { role: 'supervisory_scss', organisation: office });
  specialistUser = await createUser(db, { role: 'scss', organisation: office });
  otherOfficeSupervisorUser = await createUser(db, { role: 'supervisory_scss' });
});

afterAll(async () => {
  await testApp.close();
});

/** Sessions are signed in at the clock's current time (moving it a year ends them). */
async function cbp(user: TestUser): Promise<SignedIn> {
  return signInWithMfaSettled(testApp.app, testApp.database.db, user);
}

interface Member {
  company: Organisation;
  officerUser: TestUser;
  adminUser: TestUser;
  contributorUser: TestUser;
  officer: () => Promise<SignedIn>;
}

/** A certified member assigned to `specialistUser` of `office`, with an officer, admin, contributor. */
async function certifiedMember(): Promise<Member> {
  const db = testApp.database.db;
  const company = await createOrganisation(db);
  await insertCertifiedMembership(db, company.id, { at: clock.now() });
  await updateMembership(db, company.id, {
    assignedSpecialistUserId: specialistUser.id,
    cbpOfficeId: office.id,
  });
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  const adminUser = await createUser(db, { role: 'company_admin', organisation: company });
  const contributorUser = await createUser(db, { role: 'contributor', organisation: company });
  return {
    company,
    officerUser,
    adminUser,
    contributorUser,
    officer: () => signInWithMfaSettled(testApp.app, db, officerUser),
  };
}

const NotificationRowsSchema = RowsSchema(
  z.object({
    user_id: z.string(),
    link: z.string().nullable(),
    organisation_id: z.string().nullable(),
  }),
);

/** Who received a notification of `kind` (user id → link), among everyone. */
async function recipientsOf(
  db: Db,
  kind: string,
  since: Date,
): Promise<Map<string, string | null>> {
  const result = await db.execute(
    sql`select user_id, link, organisation_id from notifications
         where kind = ${kind} and created_at >= ${since}`,
  );
  return new Map(NotificationRowsSchema.parse(result).rows.map((row) => [row.user_id, row.link]));
}

function memberTransition(session: SignedIn, payload: Record<string, unknown>) {
  return call('POST', '/api/v1/registry/membership/transitions', session, payload);
}

function cbpTransition(
  session: SignedIn,
  organisationId: string,
  payload: Record<string, unknown>,
) {
  return call('POST', `/api/v1/registry/members/${organisationId}/transitions`, session, payload);
}

describe('POST /api/v1/registry/membership/transitions', () => {
  it('the officer withdraws: state, history, audit, and the notifications the domain names', async () => {
    const db = testApp.database.db;
    const member = await certifiedMember();
    const started = clock.now();

    const missingReason = await memberTransition(await member.officer(), {
      transition: 'withdraw',
    });
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.json().error.message).toContain('a reason is required');

    const response = await memberTransition(await member.officer(), {
      transition: 'withdraw',
      reason: 'The company is leaving the import business',
    });
    expect(response.statusCode).toBe(200);
    const file = MembershipFileSchema.parse(response.json());
    expect(file.state.status).toBe('withdrawn');
    expect(file.tier).toBeNull();
    expect(file.history.at(-1)).toMatchObject({
      transition: 'withdraw',
      fromState: 'certified',
      toState: 'withdrawn',
      actorUserId: member.officerUser.id,
      actorRole: 'company_officer',
      reason: 'The company is leaving the import business',
    });
    expect(await auditActionsOn(db, member.company.id)).toEqual(['partner_membership.withdrawn']);

    // membership_withdrawn: member_company (officers and admins), the assigned specialist and
    // SVI connections (none here). Not the contributor; not supervisors.
    const recipients = await recipientsOf(db, 'membership_withdrawn', started);
    expect(recipients).toEqual(
      new Map([
        [member.officerUser.id, '/membership'],
        [member.adminUser.id, '/membership'],
        [specialistUser.id, `/cbp/members/${member.company.id}`],
      ]),
    );
    const mail = await emailsTo(db, member.adminUser.email, 'Withdrawn from CTPAT');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text_body).toContain('The company is leaving the import business');
    expect((await verifyAuditTrail(db)).ok).toBe(true);
  });

  it('is the officer’s alone: an admin and a contributor are refused by permission', async () => {
    const member = await certifiedMember();
    const admin = await signIn(testApp.app, member.adminUser);
    const contributor = await signIn(testApp.app, member.contributorUser);
    const supervisor = await cbp(supervisorUser);
    for (const session of [admin, contributor, supervisor]) {
      const response = await memberTransition(session, { transition: 'withdraw', reason: 'x' });
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect(await auditActionsOn(testApp.database.db, member.company.id)).toEqual([]);
  });

  it('refuses a CBP transition by naming body.transition, and an impossible one with 409', async () => {
    const member = await certifiedMember();
    const officer = await member.officer();
    const certify = await memberTransition(officer, { transition: 'certify' });
    expect(certify.statusCode).toBe(400);
    expect(issuePaths(certify)).toEqual(['body.transition']);
    const apply = await memberTransition(officer, { transition: 'start_new_application' });
    expect(apply.statusCode).toBe(409);
    expect(apply.json().error.message).toBe(
      'A certified (Tier I) member cannot start a new application.',
    );
    const respond = await memberTransition(officer, {
      transition: 'record_suspension_response',
      evidenceIds: ['response-1'],
    });
    expect(respond.statusCode).toBe(409);
  });

  it('records the response to a suspension once, telling the specialist and the office’s supervisors', async () => {
    const db = testApp.database.db;
    const member = await certifiedMember();
    const suspendedAt = clock.now();
    const suspended = await cbpTransition(await cbp(supervisorUser), member.company.id, {
      transition: 'suspend',
      reason: 'Narcotics found in a container of the member',
    });
    expect(suspended.statusCode).toBe(200);
    // CBP's transition tells the member company.
    const suspendedNotices = await recipientsOf(db, 'membership_suspended', suspendedAt);
    expect(suspendedNotices.get(member.officerUser.id)).toBe('/membership');
    expect(suspendedNotices.get(member.adminUser.id)).toBe('/membership');
    expect(suspendedNotices.has(member.contributorUser.id)).toBe(false);

    const officer = await member.officer();
    const noEvidence = await memberTransition(officer, {
      transition: 'record_suspension_response',
    });
    expect(noEvidence.statusCode).toBe(400);
    const answered = await memberTransition(officer, {
      transition: 'record_suspension_response',
      evidenceIds: ['corrective-action-plan-1'],
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().state).toMatchObject({
      status: 'suspended',
      heldStatus: 'certified',
      responseReceivedOn: '2026-11-29',
    });
    expect(
      answered
        .json()
        .clocks.some((entry: { name: string }) => entry.name === 'suspension_response'),
    ).toBe(false);
    const notices = await recipientsOf(db, 'membership_suspension_response_received', suspendedAt);
    expect(notices).toEqual(
      new Map([
        [specialistUser.id, `/cbp/members/${member.company.id}`],
        [supervisorUser.id, `/cbp/members/${member.company.id}`],
      ]),
    );
    expect(notices.has(otherOfficeSupervisorUser.id)).toBe(false);

    const again = await memberTransition(officer, {
      transition: 'record_suspension_response',
      evidenceIds: ['corrective-action-plan-2'],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already recorded');
  });

  it('starts a new application after a withdrawal, with none of the old membership’s dates', async () => {
    const db = testApp.database.db;
    const member = await certifiedMember();
    const officer = await member.officer();
    await memberTransition(officer, { transition: 'withdraw', reason: 'Restructuring' });
    const startedAt = clock.now();
    const response = await memberTransition(officer, { transition: 'start_new_application' });
    expect(response.statusCode).toBe(200);
    const file = MembershipFileSchema.parse(response.json());
    expect(file).toMatchObject({
      state: { status: 'pre_applicant' },
      tier: null,
      certifiedOn: null,
      applicationSubmittedOn: null,
      assignedSpecialistUserId: null,
      clocks: [],
    });
    expect(file.history.map((entry) => entry.transition)).toEqual([
      'withdraw',
      'start_new_application',
    ]);
    expect(await auditActionsOn(db, member.company.id)).toEqual([
      'partner_membership.withdrawn',
      'partner_membership.new_application_started',
    ]);
    const notices = await recipientsOf(db, 'membership_new_application_started', startedAt);
    expect([...notices.keys()].sort()).toEqual([member.officerUser.id, member.adminUser.id].sort());
  });

  it('bars a new application for the configured period after removal for an unanswered suspension', async () => {
    const member = await certifiedMember();
    expect(
      (
        await cbpTransition(await cbp(supervisorUser), member.company.id, {
          transition: 'suspend',
          reason: 'Failed to correct security weaknesses',
        })
      ).statusCode,
    ).toBe(200);
    try {
      // The response period has passed (90 days by default).
      clock.advance(100 * DAY);
      const removed = await cbpTransition(await cbp(supervisorUser), member.company.id, {
        transition: 'remove_for_unanswered_suspension',
      });
      expect(removed.statusCode).toBe(200);
      expect(removed.json().clocks).toContainEqual(
        expect.objectContaining({ name: 'reapplication_bar' }),
      );

      clock.advance(30 * DAY);
      const barred = await memberTransition(await member.officer(), {
        transition: 'start_new_application',
      });
      expect(barred.statusCode).toBe(409);
      expect(errorCode(barred)).toBe('CONFLICT');
      expect(barred.json().error.message).toContain('may not apply again until');

      clock.advance(366 * DAY);
      const allowed = await memberTransition(await member.officer(), {
        transition: 'start_new_application',
      });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.json().state.status).toBe('pre_applicant');
    } finally {
      clock.set(TEST_NOW);
    }
  });
});

describe('notifications of SVI partners', () => {
  async function joinSvi(db: Db, organisationId: string, leftAt: Date | null = null) {
    await db.insert(sviParticipants).values({
      organisationId,
      sviNumber: `SVI-${randomUUID().slice(0, 12)}`,
      joinedAt: TEST_NOW,
      leftAt,
    });
  }

  async function connect(db: Db, a: string, b: string, status: 'accepted' | 'pending' | 'ended') {
    await db.insert(sviConnections).values({
      id: randomUUID(),
      requesterOrganisationId: a,
      recipientOrganisationId: b,
      status,
      requestedAt: TEST_NOW,
    });
  }

  /** A certified partner company with an officer and an admin. */
  async function partner() {
    const db = testApp.database.db;
    const company = await createOrganisation(db);
    await insertCertifiedMembership(db, company.id, { at: TEST_NOW });
    return {
      company,
      officer: await createUser(db, { role: 'company_officer', organisation: company }),
      admin: await createUser(db, { role: 'company_admin', organisation: company }),
    };
  }

  it('tells connected, consenting partners of a suspension, and no one else', async () => {
    const db = testApp.database.db;
    const member = await certifiedMember();
    await joinSvi(db, member.company.id);
    const connected = await partner();
    const left = await partner();
    const pending = await partner();
    const ended = await partner();
    await joinSvi(db, connected.company.id);
    await joinSvi(db, left.company.id, TEST_NOW);
    await joinSvi(db, pending.company.id);
    await joinSvi(db, ended.company.id);
    // The member asked one, the other asked the member: both directions count.
    await connect(db, connected.company.id, member.company.id, 'accepted');
    await connect(db, member.company.id, left.company.id, 'accepted');
    await connect(db, member.company.id, pending.company.id, 'pending');
    await connect(db, ended.company.id, member.company.id, 'ended');

    const started = clock.now();
    const suspended = await cbpTransition(await cbp(supervisorUser), member.company.id, {
      transition: 'suspend',
      reason: 'Unreported security breach',
    });
    expect(suspended.statusCode).toBe(200);
    const notices = await recipientsOf(db, 'membership_suspended', started);
    const partnerNotices = await recipientsOf(db, 'svi_partner_suspended', started);
    // Partners hear of it in their own words, which carry no reason: SVI shares status only.
    expect(partnerNotices.get(connected.officer.id)).toBe('/svi');
    expect(partnerNotices.get(connected.admin.id)).toBe('/svi');
    expect(notices.has(connected.officer.id)).toBe(false);
    for (const other of [left, pending, ended]) {
      expect(partnerNotices.has(other.officer.id)).toBe(false);
      expect(partnerNotices.has(other.admin.id)).toBe(false);
    }
    const partnerText = await db.execute(
      sql`select params::text as params from notifications where kind = 'svi_partner_suspended'`,
    );
    expect(JSON.stringify(partnerText)).toContain(member.company.legalName);
    expect(JSON.stringify(partnerText)).not.toContain('Unreported security breach');
    const partnerMail = await db.execute(
      sql`select text_body from email_outbox where subject like 'SVI partner suspended:%'`,
    );
    expect(JSON.stringify(partnerMail)).toContain('was suspended on');
    expect(JSON.stringify(partnerMail)).not.toContain('Unreported security breach');
    expect(notices.get(member.officerUser.id)).toBe('/membership');
    // The specialist works several members of this file that were suspended at the same instant:
    // look for this member's notice rather than the specialist's latest.
    const specialistNotice = await db.execute(
      sql`select count(*)::int as notices from notifications where kind = 'membership_suspended'
           and user_id = ${specialistUser.id} and link = ${`/cbp/members/${member.company.id}`}`,
    );
    expect(specialistNotice).toMatchObject({ rows: [{ notices: 1 }] });

    // Reinstatement is a status change too: partners hear of it.
    const reinstatedAt = clock.now();
    await cbpTransition(await cbp(supervisorUser), member.company.id, {
      transition: 'reinstate',
      reason: 'Corrective actions verified',
      evidenceIds: ['verification-report-1'],
    });
    expect(
      (await recipientsOf(db, 'svi_partner_reinstated', reinstatedAt)).get(connected.officer.id),
    ).toBe('/svi');
  });
});
