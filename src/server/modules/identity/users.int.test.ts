import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signInWithTotpEnrolled } from '../../../../tests/factories/mfa.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { emailsTo } from '../../../../tests/factories/outbox.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import { MemberListSchema, MemberSchema } from '../../../domain/accounts/users.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);

/** Signs in and sets up an authenticator through the real API: the session is verified. */
function verifiedSession(user: TestUser): Promise<SignedIn> {
  return signInWithTotpEnrolled(testApp.app, user, clock.now());
}

async function auditOf(targetId: string) {
  const result = await testApp.database.db.execute(
    sql`select action, organisation_id, before::text as before, after::text as after
          from audit_events where target_id = ${targetId} order by id`,
  );
  return RowsSchema(
    z.object({
      action: z.string(),
      organisation_id: z.string().nullable(),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ).parse(result).rows;
}

function changeRole(session: SignedIn, userId: string, role: string) {
  return call('PATCH', `/api/v1/users/${userId}`, session, { role });
}

describe('the organisation’s people', () => {
  it('lists the members of the active organisation only, with role, joined date and MFA', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const officer = await createUser(testApp.database.db, {
      role: 'company_officer',
      organisation: admin.organisation,
    });
    const contributor = await createUser(testApp.database.db, {
      role: 'contributor',
      organisation: admin.organisation,
    });
    await createUser(testApp.database.db, { role: 'contributor' });
    await verifiedSession(officer);

    const response = await call('GET', '/api/v1/users', await signIn(testApp.app, contributor));

    expect(response.statusCode).toBe(200);
    const { items } = MemberListSchema.parse(response.json());
    expect(items.map((m) => m.userId).sort()).toEqual(
      [admin.id, officer.id, contributor.id].sort(),
    );
    expect(items.find((m) => m.userId === officer.id)).toMatchObject({
      email: officer.email,
      role: 'company_officer',
      joinedAt: TEST_NOW.toISOString(),
      mfaEnrolled: true,
    });
    expect(items.find((m) => m.userId === admin.id)?.mfaEnrolled).toBe(false);
  });

  it('changes a role, tells the person in the app and by e-mail, and audits it', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const contributor = await createUser(testApp.database.db, {
      role: 'contributor',
      organisation: admin.organisation,
    });

    const response = await changeRole(
      await signIn(testApp.app, admin),
      contributor.id,
      'consultant',
    );

    expect(response.statusCode).toBe(200);
    expect(MemberSchema.parse(response.json())).toMatchObject({
      userId: contributor.id,
      role: 'consultant',
    });
    const view = await call('GET', '/api/v1/auth/session', await signIn(testApp.app, contributor));
    expect(view.json().role).toBe('consultant');
    const inbox = await call(
      'GET',
      '/api/v1/notifications',
      await signIn(testApp.app, contributor),
    );
    expect(inbox.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'membership_role_changed',
          params: { organisation: admin.organisation.legalName, role: 'consultant' },
        }),
      ]),
    );
    const emails = await emailsTo(testApp.database.db, contributor.email, 'Your role');
    expect(emails.map((email) => email.subject)).toEqual([
      `Your role in ${admin.organisation.legalName} changed`,
    ]);
    expect(await auditOf(contributor.id)).toEqual([
      {
        action: 'membership.role_changed',
        organisation_id: admin.organisation.id,
        before: '{"role": "contributor"}',
        after: '{"role": "consultant"}',
      },
    ]);
  });

  it('keeps role changes within the manager’s ceiling and the organisation’s kind', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const officer = await createUser(testApp.database.db, {
      role: 'company_officer',
      organisation: admin.organisation,
    });
    const contributor = await createUser(testApp.database.db, {
      role: 'contributor',
      organisation: admin.organisation,
    });
    const session = await signIn(testApp.app, admin);

    const promoteToOfficer = await changeRole(session, contributor.id, 'company_officer');
    const demoteOfficer = await changeRole(session, officer.id, 'contributor');
    const removeOfficer = await call('DELETE', `/api/v1/users/${officer.id}`, session);
    const cbpRole = await changeRole(session, contributor.id, 'program_manager');
    const unknownRole = await changeRole(session, contributor.id, 'emperor');

    for (const response of [promoteToOfficer, demoteOfficer, removeOfficer]) {
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect(cbpRole.statusCode).toBe(400);
    expect(cbpRole.json().error.details.issues).toEqual([
      { path: 'body.role', message: 'is not a role of a member company' },
    ]);
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().error.details.issues[0].path).toBe('body.role');

    const officerSession = await verifiedSession(officer);
    const byOfficer = await changeRole(officerSession, contributor.id, 'company_officer');
    expect(byOfficer.statusCode).toBe(200);
  });

  it('never demotes or removes the last company officer', async () => {
    const officer = await createUser(testApp.database.db, { role: 'company_officer' });
    const session = await verifiedSession(officer);

    const demoteSelf = await changeRole(session, officer.id, 'company_admin');
    const removeSelf = await call('DELETE', `/api/v1/users/${officer.id}`, session);
    expect(demoteSelf.statusCode).toBe(409);
    expect(errorCode(demoteSelf)).toBe('CONFLICT');
    expect(removeSelf.statusCode).toBe(409);

    const second = await createUser(testApp.database.db, {
      role: 'company_officer',
      organisation: officer.organisation,
    });
    expect((await changeRole(session, officer.id, 'company_admin')).statusCode).toBe(200);
    // The one who stepped down is an admin now (in the same, verified session) and can no
    // longer touch the remaining officer.
    expect((await call('DELETE', `/api/v1/users/${second.id}`, session)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/auth/session', session)).json().role).toBe('company_admin');
  });

  it('lets a CBP office have no company officer rule, but the same ceiling', async () => {
    const office = await createOrganisation(testApp.database.db, {
      kind: 'cbp_office',
      entityTypes: [],
    });
    const manager = await createUser(testApp.database.db, {
      role: 'program_manager',
      organisation: office,
    });
    const scss = await createUser(testApp.database.db, { role: 'scss', organisation: office });
    const session = await verifiedSession(manager);

    expect((await changeRole(session, scss.id, 'supervisory_scss')).statusCode).toBe(200);
    const memberRole = await changeRole(session, scss.id, 'company_admin');
    expect(memberRole.json().error.details.issues).toEqual([
      { path: 'body.role', message: 'is not a role of a CBP office' },
    ]);
  });

  it('removes a member: the membership goes and their sessions acting for it end', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const contributor = await createUser(testApp.database.db, {
      role: 'contributor',
      organisation: admin.organisation,
    });
    const contributorSession = await signIn(testApp.app, contributor);

    const removed = await call(
      'DELETE',
      `/api/v1/users/${contributor.id}`,
      await signIn(testApp.app, admin),
    );

    expect(removed.statusCode).toBe(204);
    expect((await call('GET', '/api/v1/auth/session', contributorSession)).json()).toEqual({
      signedIn: false,
    });
    // The account remains: they can still sign in, now acting for no organisation.
    const later = await call('GET', '/api/v1/auth/session', await signIn(testApp.app, contributor));
    expect(later.json()).toMatchObject({ signedIn: true, organisationId: null, memberships: [] });
    const list = MemberListSchema.parse(
      (await call('GET', '/api/v1/users', await signIn(testApp.app, admin))).json(),
    );
    expect(list.items.map((m) => m.userId)).toEqual([admin.id]);
    expect(await auditOf(contributor.id)).toEqual([
      {
        action: 'membership.removed',
        organisation_id: admin.organisation.id,
        before: '{"role": "contributor"}',
        after: '{"revokedSessions": 1}',
      },
    ]);
    expect((await verifyAuditTrail(testApp.database.db)).ok).toBe(true);
  });

  it("answers 404 for another organisation's user, and needs users:manage to change anyone", async () => {
    const adminA = await createUser(testApp.database.db, { role: 'company_admin' });
    const outsider = await createUser(testApp.database.db, { role: 'contributor' });
    const sessionA = await signIn(testApp.app, adminA);

    const patch = await changeRole(sessionA, outsider.id, 'consultant');
    const remove = await call('DELETE', `/api/v1/users/${outsider.id}`, sessionA);
    const unknown = await changeRole(sessionA, randomUUID(), 'consultant');
    expect(patch.statusCode).toBe(404);
    expect(remove.statusCode).toBe(404);
    expect(patch.json()).toEqual(unknown.json());

    const colleague = await createUser(testApp.database.db, {
      role: 'contributor',
      organisation: adminA.organisation,
    });
    const asContributor = await signIn(testApp.app, colleague);
    expect((await changeRole(asContributor, adminA.id, 'contributor')).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/users/${adminA.id}`, asContributor)).statusCode).toBe(
      403,
    );
    expect((await call('GET', '/api/v1/users', null)).statusCode).toBe(401);
  });
});
