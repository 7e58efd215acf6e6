import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { insertCertifiedMembership } from '../../../../tests/factories/certified-member.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { emailsTo } from '../../../../tests/factories/outbox.factory.ts';
import { importerApplication } from '../../../../tests/factories/registry.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import type { TierStatus } from '../../../domain/registry/lifecycle/membership-states.ts';
import {
  SviConnectionListSchema,
  SviConnectionSchema,
  SviParticipationSchema,
  SviPartnerStatusSchema,
  SviStatusConfirmationListSchema,
  SviStatusConfirmationSchema,
} from '../../../domain/registry/status-verification/svi.schema.ts';
import { SVI_NUMBER_PATTERN } from '../../../domain/registry/status-verification/svi-number.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';

const testApp = setUpTestApp();
const call = apiCaller(testApp);

let supervisor: SignedIn;

beforeAll(async () => {
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const supervisorUser = await createUser(db, { role: 'supervisory_scss', organisation: office });
  supervisor = await signInWithMfaSettled(testApp.app, db, supervisorUser);
});

interface Member {
  company: Organisation;
  officerUser: TestUser;
  adminUser: TestUser;
  officer: SignedIn;
  admin: SignedIn;
  contributor: SignedIn;
}

/** A member company with an officer, an admin and a contributor; certified unless told not. */
async function newMember(status: TierStatus | null = 'certified'): Promise<Member> {
  const db = testApp.database.db;
  const company = await createOrganisation(db, { entityTypes: ['importer', 'exporter'] });
  if (status) {
    await insertCertifiedMembership(db, company.id, {
      at: TEST_NOW,
      status,
      entityTypes: ['exporter', 'importer'],
    });
  }
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  const adminUser = await createUser(db, { role: 'company_admin', organisation: company });
  const contributorUser = await createUser(db, { role: 'contributor', organisation: company });
  return {
    company,
    officerUser,
    adminUser,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
    admin: await signIn(testApp.app, adminUser),
    contributor: await signIn(testApp.app, contributorUser),
  };
}

async function join(session: SignedIn): Promise<string> {
  const response = await call('POST', '/api/v1/svi/participation', session, { consent: true });
  expect(response.statusCode, response.body).toBe(200);
  const participation = SviParticipationSchema.parse(response.json());
  expect(participation.participating).toBe(true);
  return participation.sviNumber ?? '';
}

async function requestTo(session: SignedIn, sviNumber: string) {
  return call('POST', '/api/v1/svi/connections', session, { sviNumber });
}

async function connections(session: SignedIn) {
  const response = await call('GET', '/api/v1/svi/connections', session);
  expect(response.statusCode, response.body).toBe(200);
  return SviConnectionListSchema.parse(response.json()).items;
}

async function act(session: SignedIn, connectionId: string, action: string) {
  return call('POST', `/api/v1/svi/connections/${connectionId}/${action}`, session);
}

/** Two certified members, both in SVI, connected (A asked, B accepted). */
async function connectedPair() {
  const a = await newMember();
  const b = await newMember();
  const aNumber = await join(a.officer);
  const bNumber = await join(b.admin);
  const requested = await requestTo(a.admin, bNumber);
  expect(requested.statusCode, requested.body).toBe(201);
  const id = SviConnectionSchema.parse(requested.json()).id;
  const accepted = await act(b.officer, id, 'accept');
  expect(accepted.statusCode, accepted.body).toBe(200);
  return { a, b, aNumber, bNumber, id };
}

async function inboxKinds(session: SignedIn): Promise<{ kind: string; params: unknown }[]> {
  const response = await call('GET', '/api/v1/notifications', session);
  return z
    .object({ items: z.array(z.object({ kind: z.string(), params: z.unknown() })) })
    .parse(response.json()).items;
}

describe('joining SVI', () => {
  it('lets a certified member consent, with a random SVI number, audited', async () => {
    const member = await newMember('validated');
    const before = await call('GET', '/api/v1/svi/participation', member.contributor);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      participating: false,
      sviNumber: null,
      joinedAt: null,
      leftAt: null,
      mayJoin: true,
    });
    const number = await join(member.admin);
    expect(number).toMatch(SVI_NUMBER_PATTERN);
    expect(await auditActionsOn(testApp.database.db, member.company.id)).toContain('svi.joined');
    // Twice is refused, and the contributor (svi:read only) cannot consent for the company.
    const again = await call('POST', '/api/v1/svi/participation', member.officer, {
      consent: true,
    });
    expect(again.statusCode).toBe(409);
    const contributor = await call('POST', '/api/v1/svi/participation', member.contributor, {
      consent: true,
    });
    expect(contributor.statusCode).toBe(403);
  });

  it('requires the consent, named at its field', async () => {
    const member = await newMember();
    const response = await call('POST', '/api/v1/svi/participation', member.officer, {
      consent: false,
    });
    expect(response.statusCode).toBe(400);
    expect(issuePaths(response)).toEqual(['body.consent']);
  });

  it('refuses a company that is not certified or validated, saying why', async () => {
    const none = await newMember(null);
    const noMembership = await call('POST', '/api/v1/svi/participation', none.officer, {
      consent: true,
    });
    expect(noMembership.statusCode).toBe(409);
    expect(noMembership.json().error.message).toMatch(/no CTPAT membership yet/);

    const saved = await call(
      'PUT',
      '/api/v1/registry/application',
      none.admin,
      importerApplication(),
    );
    expect(saved.statusCode).toBe(200);
    const preApplicant = await call('POST', '/api/v1/svi/participation', none.officer, {
      consent: true,
    });
    expect(preApplicant.statusCode).toBe(409);
    expect(preApplicant.json().error.message).toBe(
      'Only a certified or validated CTPAT member can join SVI; your company is not: A pre-applicant.',
    );
    const participation = await call('GET', '/api/v1/svi/participation', none.officer);
    expect(participation.json()).toMatchObject({ participating: false, mayJoin: false });
  });

  it('leaving ends every connection; joining again draws a new number and the old one is dead', async () => {
    const { a, b, aNumber } = await connectedPair();
    const c = await newMember();
    await join(c.officer);
    const pending = await requestTo(c.officer, aNumber);
    expect(pending.statusCode).toBe(201);

    const left = await call('DELETE', '/api/v1/svi/participation', a.officer);
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ participating: false, sviNumber: null });
    expect(await connections(a.officer)).toEqual([]);
    expect(await connections(b.officer)).toEqual([]);
    expect(await connections(c.officer)).toEqual([]);
    expect(await auditActionsOn(testApp.database.db, a.company.id)).toEqual([
      'svi.joined',
      'svi.left',
    ]);
    const leftAgain = await call('DELETE', '/api/v1/svi/participation', a.officer);
    expect(leftAgain.statusCode).toBe(409);

    const rejoined = await join(a.officer);
    expect(rejoined).not.toBe(aNumber);
    const toOld = await requestTo(b.officer, aNumber);
    expect(toOld.statusCode).toBe(404);
    const toNew = await requestTo(b.officer, rejoined);
    expect(toNew.statusCode).toBe(201);
  });
});

describe('connections', () => {
  it('request → accept: each side notified, the partner’s status shown only once accepted', async () => {
    const a = await newMember();
    const b = await newMember('validated_exceeds');
    const aNumber = await join(a.officer);
    const bNumber = await join(b.officer);

    // Typed the way people type it: lower case, spaces.
    const requested = await requestTo(a.admin, bNumber.toLowerCase().replaceAll('-', ' '));
    expect(requested.statusCode, requested.body).toBe(201);
    const connection = SviConnectionSchema.parse(requested.json());
    expect(connection).toMatchObject({
      direction: 'outgoing',
      status: 'pending',
      partner: { sviNumber: bNumber, legalName: b.company.legalName },
      partnerStatus: null,
    });

    const incoming = await connections(b.contributor);
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({
      id: connection.id,
      direction: 'incoming',
      status: 'pending',
      partner: { legalName: a.company.legalName },
      partnerStatus: null,
    });
    for (const session of [b.officer, b.admin]) {
      expect(await inboxKinds(session)).toContainEqual({
        kind: 'svi_connection_requested',
        params: expect.objectContaining({ partner: a.company.legalName }),
      });
    }
    expect((await inboxKinds(b.contributor)).map((entry) => entry.kind)).not.toContain(
      'svi_connection_requested',
    );
    const email = await emailsTo(
      testApp.database.db,
      b.officerUser.email,
      'SVI connection request from',
    );
    expect(email).toHaveLength(1);
    expect(email[0]?.text_body).toContain('/svi');

    // One open connection per pair, whichever side asks; the requester cannot accept.
    expect((await requestTo(a.officer, bNumber)).statusCode).toBe(409);
    const reverse = await requestTo(b.officer, aNumber);
    expect(reverse.statusCode).toBe(409);
    expect(errorCode(await act(a.officer, connection.id, 'accept'))).toBe('FORBIDDEN');
    expect((await act(b.contributor, connection.id, 'accept')).statusCode).toBe(403);

    const accepted = await act(b.admin, connection.id, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect(await inboxKinds(a.officer)).toContainEqual({
      kind: 'svi_connection_accepted',
      params: expect.objectContaining({ partner: b.company.legalName }),
    });

    const seenByA = await connections(a.contributor);
    expect(seenByA).toHaveLength(1);
    expect(seenByA[0]?.partnerStatus).toEqual({
      sviNumber: bNumber,
      legalName: b.company.legalName,
      entityTypes: ['exporter', 'importer'],
      status: 'validated_exceeds',
      tier: 'III',
      statusSince: '2026-11-29',
      asOf: TEST_NOW.toISOString(),
    });
    expect((await connections(b.officer))[0]?.partnerStatus).toMatchObject({
      legalName: a.company.legalName,
      status: 'certified',
      tier: 'I',
    });
    expect(await auditActionsOn(testApp.database.db, connection.id)).toEqual([
      'svi_connection.requested',
      'svi_connection.accepted',
    ]);
  });

  it('declines, cancels and ends, each by the side that may, once', async () => {
    const a = await newMember();
    const b = await newMember();
    await join(a.officer);
    const bNumber = await join(b.officer);

    const first = SviConnectionSchema.parse((await requestTo(a.officer, bNumber)).json());
    expect(errorCode(await act(b.officer, first.id, 'cancel'))).toBe('FORBIDDEN');
    expect((await act(a.officer, first.id, 'cancel')).json().status).toBe('cancelled');
    expect((await act(a.officer, first.id, 'cancel')).statusCode).toBe(409);

    const second = SviConnectionSchema.parse((await requestTo(a.officer, bNumber)).json());
    expect(errorCode(await act(a.officer, second.id, 'decline'))).toBe('FORBIDDEN');
    const declined = await act(b.officer, second.id, 'decline');
    expect(declined.json()).toMatchObject({ status: 'declined', partnerStatus: null });
    expect((await act(b.officer, second.id, 'accept')).statusCode).toBe(409);

    const third = SviConnectionSchema.parse((await requestTo(a.officer, bNumber)).json());
    expect((await act(a.officer, third.id, 'end')).statusCode).toBe(409);
    expect((await act(b.officer, third.id, 'accept')).statusCode).toBe(200);
    const ended = await act(b.admin, third.id, 'end');
    expect(ended.json()).toMatchObject({ status: 'ended', partnerStatus: null });
    expect(await connections(a.officer)).toEqual([]);
    expect(await auditActionsOn(testApp.database.db, third.id)).toEqual([
      'svi_connection.requested',
      'svi_connection.accepted',
      'svi_connection.ended',
    ]);

    // Another company's connection is not found, whatever the action.
    const outsider = await newMember();
    for (const action of ['accept', 'decline', 'cancel', 'end']) {
      expect((await act(outsider.officer, third.id, action)).statusCode).toBe(404);
    }
  });

  it('never reveals a company that does not take part: unknown and left numbers answer alike', async () => {
    const a = await newMember();
    const gone = await newMember();
    await join(a.officer);
    const goneNumber = await join(gone.officer);
    expect((await call('DELETE', '/api/v1/svi/participation', gone.officer)).statusCode).toBe(200);

    const unknown = await requestTo(a.officer, 'SVI-0000-0000-0000');
    const left = await requestTo(a.officer, goneNumber);
    expect(unknown.statusCode).toBe(404);
    expect(left.statusCode).toBe(404);
    expect(left.body).toBe(unknown.body);
    expect(errorCode(left)).toBe('NOT_FOUND');

    const malformed = await requestTo(a.officer, 'WALSEA01198');
    expect(malformed.statusCode).toBe(400);
    expect(issuePaths(malformed)).toEqual(['body.sviNumber']);
    const own = await requestTo(
      a.officer,
      SviParticipationSchema.parse(
        (await call('GET', '/api/v1/svi/participation', a.officer)).json(),
      ).sviNumber ?? '',
    );
    expect(issuePaths(own)).toEqual(['body.sviNumber']);

    // Nothing was written by the refused requests.
    const rows = await testApp.database.db.execute(
      sql`select count(*)::int as count from svi_connections where requester_organisation_id = ${a.company.id}`,
    );
    expect(RowsSchema(z.object({ count: z.number() })).parse(rows).rows[0]?.count).toBe(0);
  });

  it('refuses requests from a company not in SVI, and from one no longer certified', async () => {
    const target = await newMember();
    const targetNumber = await join(target.officer);
    const outsider = await newMember();
    const notJoined = await requestTo(outsider.officer, targetNumber);
    expect(notJoined.statusCode).toBe(409);
    expect(notJoined.json().error.message).toMatch(/join SVI/);

    const suspended = await newMember();
    await join(suspended.officer);
    const suspension = await call(
      'POST',
      `/api/v1/registry/members/${suspended.company.id}/transitions`,
      supervisor,
      { transition: 'suspend', reason: 'Unreported security breach' },
    );
    expect(suspension.statusCode, suspension.body).toBe(200);
    const refused = await requestTo(suspended.officer, targetNumber);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/A suspended member/);
  });
});

describe('the partner status for machines (API token) and after a suspension', () => {
  it('answers connected partners only; a suspension shows at once; leaving hides it', async () => {
    const { a, b, bNumber } = await connectedPair();
    const created = await call('POST', '/api/v1/api-tokens', a.admin, {
      name: 'ERP partner screening',
      permissions: ['svi:read'],
      expiresInDays: 30,
    });
    expect(created.statusCode, created.body).toBe(201);
    const token: string = created.json().token;
    const byToken = (sviNumber: string) =>
      testApp.app.inject({
        method: 'GET',
        url: `/api/v1/svi/partners/${encodeURIComponent(sviNumber)}/status`,
        headers: { authorization: `Bearer ${token}` },
      });

    const certified = await byToken(bNumber);
    expect(certified.statusCode, certified.body).toBe(200);
    expect(SviPartnerStatusSchema.parse(certified.json())).toMatchObject({
      legalName: b.company.legalName,
      status: 'certified',
      tier: 'I',
    });

    const suspension = await call(
      'POST',
      `/api/v1/registry/members/${b.company.id}/transitions`,
      supervisor,
      { transition: 'suspend', reason: 'Annual security profile review not completed' },
    );
    expect(suspension.statusCode, suspension.body).toBe(200);
    expect((await byToken(bNumber)).json()).toMatchObject({ status: 'suspended', tier: null });
    expect((await connections(a.officer))[0]?.partnerStatus).toMatchObject({
      status: 'suspended',
      tier: null,
    });
    // The lifecycle tells connected partners too (the transition's 'svi_connections' audience).
    expect((await inboxKinds(a.officer)).map((entry) => entry.kind)).toContain(
      'svi_partner_suspended',
    );

    // Unknown, unconnected, malformed and left numbers: one body.
    const unknown = await byToken('SVI-0000-0000-0000');
    const stranger = await newMember();
    const unconnected = await byToken(await join(stranger.officer));
    const malformed = await byToken('not-a-number');
    expect(unknown.statusCode).toBe(404);
    expect(unconnected.body).toBe(unknown.body);
    expect(malformed.body).toBe(unknown.body);
    expect((await call('DELETE', '/api/v1/svi/participation', b.officer)).statusCode).toBe(200);
    const left = await byToken(bNumber);
    expect(left.statusCode).toBe(404);
    expect(left.body).toBe(unknown.body);

    // A token without svi:read is refused by the permission check.
    const other = await call('POST', '/api/v1/api-tokens', a.admin, {
      name: 'users only',
      permissions: ['users:read'],
      expiresInDays: 30,
    });
    const refused = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/svi/partners/${bNumber}/status`,
      headers: { authorization: `Bearer ${other.json().token}` },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('a token cannot consent for the company', async () => {
    const member = await newMember();
    const created = await call('POST', '/api/v1/api-tokens', member.admin, {
      name: 'svi manager',
      permissions: ['svi:manage'],
      expiresInDays: 30,
    });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/svi/participation',
      headers: { authorization: `Bearer ${created.json().token}` },
      payload: { consent: true },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('official status confirmation to a non-member', () => {
  it('e-mails the status, tier and as-of time only, records and audits it', async () => {
    const member = await newMember('validated');
    const body = {
      recipientEmail: 'Buyer@Retailer.example.com',
      recipientName: 'Jordan Buyer',
      language: 'es',
    };
    const notJoined = await call('POST', '/api/v1/svi/status-confirmations', member.admin, body);
    expect(notJoined.statusCode).toBe(409);

    await join(member.officer);
    const sent = await call('POST', '/api/v1/svi/status-confirmations', member.admin, body);
    expect(sent.statusCode, sent.body).toBe(201);
    const confirmation = SviStatusConfirmationSchema.parse(sent.json());
    expect(confirmation).toMatchObject({
      recipientEmail: 'buyer@retailer.example.com',
      recipientName: 'Jordan Buyer',
      status: 'validated',
      tier: 'II',
      sentAt: TEST_NOW.toISOString(),
    });
    const emails = await emailsTo(
      testApp.database.db,
      'buyer@retailer.example.com',
      'Confirmación de estatus CTPAT',
    );
    expect(emails).toHaveLength(1);
    const text = emails[0]?.text_body ?? '';
    expect(text).toContain(`Empresa: ${member.company.legalName}`);
    expect(text).toContain('Estatus: Certificado y validado (Nivel II)');
    expect(text).toContain('En este estatus desde: 2026-11-29');
    expect(text).toContain(`A fecha de: ${TEST_NOW.toISOString()} (UTC)`);
    // Nothing else about the company: no identifiers, no address, no people.
    expect(text).not.toMatch(/\d{6}-\d{5}/);
    expect(text).not.toContain(member.company.city ?? 'Baltimore');
    expect(await auditActionsOn(testApp.database.db, confirmation.id)).toEqual([
      'svi.status_confirmation_sent',
    ]);
    const listed = await call('GET', '/api/v1/svi/status-confirmations', member.contributor);
    expect(SviStatusConfirmationListSchema.parse(listed.json()).items).toEqual([
      {
        id: confirmation.id,
        recipientEmail: 'buyer@retailer.example.com',
        recipientName: 'Jordan Buyer',
        sentAt: TEST_NOW.toISOString(),
      },
    ]);
  });

  it('names bad fields, and refuses a suspended company', async () => {
    const member = await newMember();
    await join(member.officer);
    const bad = await call('POST', '/api/v1/svi/status-confirmations', member.officer, {
      recipientEmail: 'not an address',
      recipientName: ' ',
    });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad).sort()).toEqual(['body.recipientEmail', 'body.recipientName']);

    const suspension = await call(
      'POST',
      `/api/v1/registry/members/${member.company.id}/transitions`,
      supervisor,
      { transition: 'suspend', reason: 'Seal procedures not followed' },
    );
    expect(suspension.statusCode).toBe(200);
    const refused = await call('POST', '/api/v1/svi/status-confirmations', member.officer, {
      recipientEmail: 'buyer@retailer.example.com',
      recipientName: 'Jordan Buyer',
    });
    expect(refused.statusCode).toBe(409);
    const listed = await call('GET', '/api/v1/svi/status-confirmations', member.officer);
    expect(listed.json().items).toEqual([]);
  });
});

describe('the audit trail', () => {
  it('stays intact through every SVI change', async () => {
    await expect(verifyAuditTrail(testApp.database.db)).resolves.toMatchObject({ ok: true });
  });
});
