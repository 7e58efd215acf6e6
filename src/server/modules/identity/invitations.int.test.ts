import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn, auditTrailText } from '../../../../tests/factories/audit.factory.ts';
import { signInWithTotpEnrolled } from '../../../../tests/factories/mfa.factory.ts';
import { emailsTo, tokenFromEmail } from '../../../../tests/factories/outbox.factory.ts';
import { createUser, type SignedIn, signIn } from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import {
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationSchema,
} from '../../../domain/accounts/invitation.schema.ts';
import { SessionViewSchema } from '../../../domain/accounts/session.schema.ts';
import { MemberListSchema } from '../../../domain/accounts/users.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { INVITATION_TTL_MS } from './invitations.service.ts';

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);

const NEW_PASSWORD = 'copper-meadow-lighthouse-17';
const INVITATION_SUBJECT = 'You are invited';

function newAddress(): string {
  return `invitee-${randomUUID().slice(0, 12)}@example.test`;
}

/** The token of the newest invitation e-mail to `address`, read from the e-mail's text. */
function invitationTokenFor(address: string): Promise<string> {
  return tokenFromEmail(testApp.database.db, address, INVITATION_SUBJECT, '/invitations/accept');
}

async function invite(session: SignedIn, email: string, role: string) {
  return call('POST', '/api/v1/invitations', session, { email, role });
}

describe('the invitation flow', () => {
  it('invites by e-mail, previews, and on acceptance creates the user, signs them in and adds the membership', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const adminSession = await signIn(testApp.app, admin);
    const email = newAddress();

    const created = await invite(adminSession, email.toUpperCase(), 'contributor');
    expect(created.statusCode).toBe(201);
    const invitation = InvitationSchema.parse(created.json());
    expect(invitation).toMatchObject({ email, role: 'contributor' });
    expect(invitation.expiresAt).toBe(
      new Date(TEST_NOW.getTime() + INVITATION_TTL_MS).toISOString(),
    );

    const emails = await emailsTo(testApp.database.db, email, INVITATION_SUBJECT);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toBe(
      `You are invited to ${admin.organisation.legalName} on OpenCTPAT`,
    );
    expect(emails[0]?.text_body).toContain('as contributor');
    const token = await invitationTokenFor(email);
    expect(token).toMatch(/^[\w-]{43}$/);

    const pending = InvitationListSchema.parse(
      (await call('GET', '/api/v1/invitations', adminSession)).json(),
    );
    expect(pending.items.map((item) => item.id)).toEqual([invitation.id]);
    expect(pending.items[0]?.invitedBy?.userId).toBe(admin.id);

    const preview = await call('GET', `/api/v1/invitations/preview?token=${token}`, null);
    expect(preview.statusCode).toBe(200);
    expect(InvitationPreviewSchema.parse(preview.json())).toEqual({
      organisationName: admin.organisation.legalName,
      role: 'contributor',
      email,
      expiresAt: invitation.expiresAt,
    });

    const accepted = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      displayName: '  Ana Torres  ',
      password: NEW_PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
    const view = SessionViewSchema.parse(accepted.json());
    if (!view.signedIn) {
      throw new Error('not signed in');
    }
    expect(view.user).toMatchObject({ email, displayName: 'Ana Torres' });
    expect(view.organisationId).toBe(admin.organisation.id);
    expect(view.role).toBe('contributor');
    expect(view.mfa).toBe('not_required');
    const cookie = accepted.cookies.find((c) => c.name === 'ctpat_session');
    expect(cookie?.httpOnly).toBe(true);

    // The new session works, and the organisation's list shows the new member.
    const members = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: `ctpat_session=${cookie?.value}` },
    });
    expect(members.statusCode).toBe(200);
    const newcomer = MemberListSchema.parse(members.json()).items.find((m) => m.email === email);
    expect(newcomer).toMatchObject({ role: 'contributor', displayName: 'Ana Torres' });
    // ...and the password chosen signs in.
    await signIn(testApp.app, { email, password: NEW_PASSWORD });

    expect((await call('GET', '/api/v1/invitations', adminSession)).json()).toEqual({ items: [] });
    expect(await auditActionsOn(testApp.database.db, invitation.id)).toEqual([
      'invitation.created',
      'invitation.accepted',
    ]);
    expect(await auditActionsOn(testApp.database.db, view.user.id)).toEqual([
      'user.created',
      'membership.created',
    ]);

    // Neither the token nor the password is stored in the clear or in the audit trail.
    const stored = await testApp.database.db.execute(
      sql`select count(*)::int as n from invitations where token_hash = ${token}`,
    );
    expect(RowsSchema(z.object({ n: z.number() })).parse(stored).rows[0]?.n).toBe(0);
    const auditText = await auditTrailText(testApp.database.db);
    expect(auditText).not.toContain(token);
    expect(auditText).not.toContain(NEW_PASSWORD);
    expect((await verifyAuditTrail(testApp.database.db)).ok).toBe(true);
  });

  it('answers TOKEN_INVALID, with one message, for a used, an expired, a revoked and an unknown token', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const adminSession = await signIn(testApp.app, admin);
    const accept = (token: string) =>
      call('POST', '/api/v1/invitations/accept', null, {
        token,
        displayName: 'Somebody',
        password: NEW_PASSWORD,
      });

    const usedEmail = newAddress();
    await invite(adminSession, usedEmail, 'contributor');
    const usedToken = await invitationTokenFor(usedEmail);
    expect((await accept(usedToken)).statusCode).toBe(200);
    const reused = await accept(usedToken);

    const revokedEmail = newAddress();
    const revokedId = InvitationSchema.parse(
      (await invite(adminSession, revokedEmail, 'consultant')).json(),
    ).id;
    const revokedToken = await invitationTokenFor(revokedEmail);
    const revoke = await call('DELETE', `/api/v1/invitations/${revokedId}`, adminSession);
    expect(revoke.statusCode).toBe(204);
    const revoked = await accept(revokedToken);
    const revokedPreview = await call(
      'GET',
      `/api/v1/invitations/preview?token=${revokedToken}`,
      null,
    );

    const expiringEmail = newAddress();
    await invite(adminSession, expiringEmail, 'contributor');
    const expiringToken = await invitationTokenFor(expiringEmail);
    clock.advance(INVITATION_TTL_MS - 1000);
    expect(
      (await call('GET', `/api/v1/invitations/preview?token=${expiringToken}`, null)).statusCode,
    ).toBe(200);
    clock.advance(1000);
    const expired = await accept(expiringToken);
    const expiredPreview = await call(
      'GET',
      `/api/v1/invitations/preview?token=${expiringToken}`,
      null,
    );

    const unknown = await accept('x'.repeat(43));

    for (const response of [reused, revoked, revokedPreview, expired, expiredPreview, unknown]) {
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('TOKEN_INVALID');
      expect(response.json()).toEqual(unknown.json());
    }
    expect(await auditActionsOn(testApp.database.db, revokedId)).toEqual([
      'invitation.created',
      'invitation.revoked',
    ]);
    // Expired invitations are no longer pending.
    expect(
      (await call('GET', '/api/v1/invitations', await signIn(testApp.app, admin))).json(),
    ).toEqual({ items: [] });
  });

  it('replaces a pending invitation of the same address: only the newest link works', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const session = await signIn(testApp.app, admin);
    const email = newAddress();

    const first = InvitationSchema.parse((await invite(session, email, 'contributor')).json());
    const firstToken = await invitationTokenFor(email);
    clock.advance(1000);
    const second = InvitationSchema.parse((await invite(session, email, 'company_admin')).json());
    const secondToken = await invitationTokenFor(email);

    expect(secondToken).not.toBe(firstToken);
    const list = InvitationListSchema.parse(
      (await call('GET', '/api/v1/invitations', session)).json(),
    );
    expect(list.items.map((item) => [item.id, item.role])).toEqual([[second.id, 'company_admin']]);
    const oldPreview = await call('GET', `/api/v1/invitations/preview?token=${firstToken}`, null);
    expect(errorCode(oldPreview)).toBe('TOKEN_INVALID');
    const newPreview = await call('GET', `/api/v1/invitations/preview?token=${secondToken}`, null);
    expect(InvitationPreviewSchema.parse(newPreview.json()).role).toBe('company_admin');
    expect(await auditActionsOn(testApp.database.db, first.id)).toEqual([
      'invitation.created',
      'invitation.revoked',
    ]);
  });

  it('applies the password policy and requires a name for a new account, naming the fields', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const email = newAddress();
    await invite(await signIn(testApp.app, admin), email, 'contributor');
    const token = await invitationTokenFor(email);

    const weak = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      displayName: 'Weak Password',
      password: 'short',
    });
    const namesEmail = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      displayName: 'Uses Email',
      password: `${email.split('@')[0]}-extra-words`,
    });
    const noName = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      password: NEW_PASSWORD,
    });
    const blankName = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      displayName: '   ',
      password: NEW_PASSWORD,
    });
    const longName = await call('POST', '/api/v1/invitations/accept', null, {
      token,
      displayName: 'n'.repeat(101),
      password: NEW_PASSWORD,
    });

    for (const [response, path] of [
      [weak, 'body.password'],
      [namesEmail, 'body.password'],
      [noName, 'body.displayName'],
      [blankName, 'body.displayName'],
      [longName, 'body.displayName'],
    ] as const) {
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
      expect(issuePaths(response)).toEqual([path]);
    }
    // The invitation is still good.
    expect((await call('GET', `/api/v1/invitations/preview?token=${token}`, null)).statusCode).toBe(
      200,
    );
  });

  it('adds a membership to an existing account only when signed in as that account', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const adminSession = await signIn(testApp.app, admin);
    const consultant = await createUser(testApp.database.db, { role: 'consultant' });
    const stranger = await createUser(testApp.database.db, { role: 'contributor' });

    await invite(adminSession, consultant.email, 'consultant');
    const token = await invitationTokenFor(consultant.email);

    const anonymous = await call('POST', '/api/v1/invitations/accept', null, { token });
    const asStranger = await call(
      'POST',
      '/api/v1/invitations/accept',
      await signIn(testApp.app, stranger),
      { token },
    );
    expect(anonymous.statusCode).toBe(409);
    expect(anonymous.json().error.message).toBe(
      `Sign in as ${consultant.email} to accept this invitation`,
    );
    expect(asStranger.statusCode).toBe(409);

    const consultantSession = await signIn(testApp.app, consultant);
    const accepted = await call('POST', '/api/v1/invitations/accept', consultantSession, { token });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.cookies).toEqual([]);
    const view = SessionViewSchema.parse(accepted.json());
    if (!view.signedIn) {
      throw new Error('not signed in');
    }
    // The session keeps acting for the consultant's first organisation; both are listed.
    expect(view.organisationId).toBe(consultant.organisation.id);
    expect(view.memberships.map((m) => m.organisationId).sort()).toEqual(
      [consultant.organisation.id, admin.organisation.id].sort(),
    );
    const again = await call('POST', '/api/v1/invitations/accept', consultantSession, { token });
    expect(errorCode(again)).toBe('TOKEN_INVALID');
    expect(await auditActionsOn(testApp.database.db, consultant.id)).toEqual([
      'membership.created',
    ]);
  });
  it('holds a signed-in account that still owes its second factor to two-step verification', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const officerElsewhere = await createUser(testApp.database.db, { role: 'company_officer' });
    await invite(await signIn(testApp.app, admin), officerElsewhere.email, 'consultant');
    const token = await invitationTokenFor(officerElsewhere.email);

    const response = await call(
      'POST',
      '/api/v1/invitations/accept',
      await signIn(testApp.app, officerElsewhere),
      { token },
    );

    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({
      code: 'MFA_REQUIRED',
      details: { mfa: 'enrolment_required' },
    });
    const preview = await call('GET', `/api/v1/invitations/preview?token=${token}`, null);
    expect(preview.statusCode).toBe(200);
  });
});

describe('who may invite whom', () => {
  it('keeps roles within the inviter’s ceiling and the organisation’s kind', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const adminSession = await signIn(testApp.app, admin);
    const officer = await createUser(testApp.database.db, {
      role: 'company_officer',
      organisation: admin.organisation,
    });
    const officerSession = await signInWithTotpEnrolled(testApp.app, officer, clock.now());

    const adminInvitesOfficer = await invite(adminSession, newAddress(), 'company_officer');
    const adminInvitesAdmin = await invite(adminSession, newAddress(), 'company_admin');
    const cbpRole = await invite(adminSession, newAddress(), 'scss');
    const officerInvitesOfficer = await invite(officerSession, newAddress(), 'company_officer');

    expect(adminInvitesOfficer.statusCode).toBe(403);
    expect(errorCode(adminInvitesOfficer)).toBe('FORBIDDEN');
    expect(adminInvitesAdmin.statusCode).toBe(201);
    expect(cbpRole.statusCode).toBe(400);
    expect(issuePaths(cbpRole)).toEqual(['body.role']);
    expect(officerInvitesOfficer.statusCode).toBe(201);
  });

  it('lets only users:manage invite, list and revoke', async () => {
    const contributor = await createUser(testApp.database.db, { role: 'contributor' });
    const session = await signIn(testApp.app, contributor);

    expect((await invite(session, newAddress(), 'contributor')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/invitations', session)).statusCode).toBe(403);
    expect(
      (
        await call('POST', '/api/v1/invitations', null, {
          email: newAddress(),
          role: 'contributor',
        })
      ).statusCode,
    ).toBe(401);
  });

  it("answers 404 for another organisation's invitation and never lists it", async () => {
    const adminA = await createUser(testApp.database.db, { role: 'company_admin' });
    const adminB = await createUser(testApp.database.db, { role: 'company_admin' });
    const sessionA = await signIn(testApp.app, adminA);
    const sessionB = await signIn(testApp.app, adminB);
    const email = newAddress();
    const invitation = InvitationSchema.parse(
      (await invite(sessionA, email, 'contributor')).json(),
    );

    const revoke = await call('DELETE', `/api/v1/invitations/${invitation.id}`, sessionB);
    const unknown = await call('DELETE', `/api/v1/invitations/${randomUUID()}`, sessionB);
    expect(revoke.statusCode).toBe(404);
    expect(revoke.json()).toEqual(unknown.json());
    expect((await call('GET', '/api/v1/invitations', sessionB)).json()).toEqual({ items: [] });
    expect(
      (
        await call(
          'GET',
          `/api/v1/invitations/preview?token=${await invitationTokenFor(email)}`,
          null,
        )
      ).statusCode,
    ).toBe(200);
  });

  it('refuses to invite a current member, and malformed input naming the fields', async () => {
    const admin = await createUser(testApp.database.db, { role: 'company_admin' });
    const session = await signIn(testApp.app, admin);
    const member = await createUser(testApp.database.db, {
      role: 'contributor',
      organisation: admin.organisation,
    });

    const existing = await invite(session, member.email, 'consultant');
    const malformed = await invite(session, `${'a'.repeat(250)}@example.test`, 'chief');
    const notEmail = await invite(session, 'not-an-email', 'contributor');

    expect(existing.statusCode).toBe(409);
    expect(errorCode(existing)).toBe('CONFLICT');
    expect(malformed.statusCode).toBe(400);
    expect(issuePaths(malformed)).toEqual(['body.email', 'body.role']);
    expect(issuePaths(notEmail)).toEqual(['body.email']);
  });
});
