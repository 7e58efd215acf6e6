import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
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
import { type MutableClock, mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import {
  OwnPilotViewSchema,
  PilotQueueSchema,
  PilotRequestViewSchema,
} from '../../../domain/registry/lifecycle/pilot.schema.ts';
import { configurePilot } from '../../../domain/registry/lifecycle/pilot-configuration.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { insertMembership, replaceEntityTypes } from './registry.repository.ts';

let testApp: TestApp;
let clock: MutableClock;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});
let manager: SignedIn;

/** The pilot as this file configures it: ends 30 November 2027; 10 asset-based, 2 non-asset. */
function testPilot() {
  const result = configurePilot({
    endsOn: calendarDate('2027-11-30'),
    capPerCategory: { asset_based: 10, non_asset_based: 2 },
  });
  if (!result.ok) {
    throw new Error(result.issues.map((issue) => issue.message).join('; '));
  }
  return result.configuration;
}

beforeAll(async () => {
  clock = mutableClock(TEST_NOW);
  testApp = await buildTestApp({ clock, config: { pilot: testPilot() } });
  const db = testApp.database.db;
  // The pilot's places are shared by every company, and this is the only file that asks for
  // them: on a shared PostgreSQL database, start from an empty pilot.
  await db.execute(sql`delete from pilot_requests`);
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const managerUser = await createUser(db, { role: 'program_manager', organisation: office });
  manager = await signInWithMfaSettled(testApp.app, db, managerUser);
});

afterAll(async () => {
  await testApp.close();
});

beforeEach(() => {
  clock.set(TEST_NOW);
});

interface Company {
  id: string;
  organisation: Organisation;
  officerUser: TestUser;
  officer: SignedIn;
}

/** A member company with a draft application for `entityTypes` and a signed-in officer. */
async function company(
  entityTypes: EntityType[] = ['third_party_logistics_provider'],
  options: { membership?: boolean } = {},
): Promise<Company> {
  const db = testApp.database.db;
  const organisation = await createOrganisation(db, { entityTypes });
  if (options.membership !== false) {
    await insertMembership(db, {
      organisationId: organisation.id,
      status: 'pre_applicant',
      statusSince: '2026-11-01',
      createdAt: TEST_NOW,
      updatedAt: TEST_NOW,
    });
    await replaceEntityTypes(
      db,
      organisation.id,
      entityTypes.map((entityType) => ({ entityType, identifiers: [], eligibility: {} })),
      TEST_NOW,
    );
  }
  const officerUser = await createUser(db, { role: 'company_officer', organisation });
  return {
    id: organisation.id,
    organisation,
    officerUser,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
  };
}

async function requestPlace(who: Company, category: string) {
  return call('POST', '/api/v1/registry/pilot/requests', who.officer, { category });
}

async function queue() {
  const response = await call('GET', '/api/v1/registry/pilot/requests', manager);
  expect(response.statusCode).toBe(200);
  return PilotQueueSchema.parse(response.json());
}

describe('asking to join the 3PL pilot', () => {
  it('shows the pilot dates, caps and places left to an eligible 3PL', async () => {
    const threePl = await company();
    const response = await call('GET', '/api/v1/registry/pilot', threePl.officer);
    expect(response.statusCode).toBe(200);
    const view = OwnPilotViewSchema.parse(response.json());
    expect(view.pilot).toMatchObject({
      phase: 'open',
      startsOn: '2025-12-01',
      startIsProvisional: true,
      endsOn: '2027-11-30',
      capPerCategory: { asset_based: 10, non_asset_based: 2 },
    });
    expect(view.eligibleToRequest).toBe(true);
    expect(view.ineligibleReason).toBeNull();
    expect(view.requests).toEqual([]);
  });

  it('refuses a company without the 3PL entity type or without a membership, writing nothing', async () => {
    const importer = await company(['importer']);
    const notThreePl = await requestPlace(importer, 'asset_based');
    expect(notThreePl.statusCode).toBe(409);
    expect(notThreePl.json().error.details.reason).toBe('not_3pl');
    expect(notThreePl.json().error.message).toContain('third-party logistics provider');

    const newcomer = await company(['third_party_logistics_provider'], { membership: false });
    const noMembership = await requestPlace(newcomer, 'asset_based');
    expect(noMembership.statusCode).toBe(409);
    expect(noMembership.json().error.details.reason).toBe('no_membership');

    const own = OwnPilotViewSchema.parse(
      (await call('GET', '/api/v1/registry/pilot', importer.officer)).json(),
    );
    expect(own.eligibleToRequest).toBe(false);
    expect(own.ineligibleReason).toBe('not_3pl');
    expect(own.requests).toEqual([]);
  });

  it('names the field for an unknown category and lets only the officer ask', async () => {
    const threePl = await company();
    const bad = await requestPlace(threePl, 'warehouse');
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(['body.category']);

    const db = testApp.database.db;
    const adminUser = await createUser(db, {
      role: 'company_admin',
      organisation: threePl.organisation,
    });
    const admin = await signIn(testApp.app, adminUser);
    const byAdmin = await call('POST', '/api/v1/registry/pilot/requests', admin, {
      category: 'asset_based',
    });
    expect(byAdmin.statusCode).toBe(403);
  });
});

describe('first come, first served within the cap (non-asset-based cap 2)', () => {
  it('waits in line within the cap, refuses past it, and CBP decides in order', async () => {
    const db = testApp.database.db;
    const first = await company();
    const second = await company();
    const third = await company();

    const a = await requestPlace(first, 'non_asset_based');
    expect(a.statusCode).toBe(201);
    const aView = PilotRequestViewSchema.parse(a.json());
    expect(aView).toMatchObject({ status: 'waiting', rank: 1, withinCap: true });

    // One open request per company.
    const again = await requestPlace(first, 'asset_based');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already has a waiting request');

    clock.advance(60_000);
    const b = PilotRequestViewSchema.parse((await requestPlace(second, 'non_asset_based')).json());
    expect(b).toMatchObject({ status: 'waiting', rank: 2, withinCap: true });

    // The third request finds both places taken: refused at once, with the statute's reason.
    clock.advance(60_000);
    const c = await requestPlace(third, 'non_asset_based');
    expect(c.statusCode).toBe(201);
    const cView = PilotRequestViewSchema.parse(c.json());
    expect(cView.status).toBe('refused');
    expect(cView.reason).toContain('P.L. 118-98: not more than 10 per category');
    expect(await auditActionsOn(db, cView.id)).toEqual([
      'pilot_request.created',
      'pilot_request.refused',
    ]);

    const line = await queue();
    const nonAsset = line.categories.find((entry) => entry.category === 'non_asset_based');
    expect(nonAsset?.requests.map((request) => [request.id, request.status, request.rank])).toEqual(
      [
        [aView.id, 'waiting', 1],
        [b.id, 'waiting', 2],
        [cView.id, 'refused', null],
      ],
    );
    expect(line.pilot.placesLeftPerCategory.non_asset_based).toBe(0);

    // CBP accepts the first; the company's officer is told in the app and by e-mail.
    const accepted = await call(
      'POST',
      `/api/v1/registry/pilot/requests/${aView.id}/decision`,
      manager,
      { decision: 'accept' },
    );
    expect(accepted.statusCode).toBe(200);
    expect(PilotRequestViewSchema.parse(accepted.json()).status).toBe('accepted');
    const inbox = await call('GET', '/api/v1/notifications', first.officer);
    expect(inbox.json().items[0]).toMatchObject({
      kind: 'pilot_request_decided',
      link: '/pilot',
      params: { outcome: 'accepted', category: 'non-asset-based' },
    });
    const mails = await emailsTo(db, first.officerUser.email, '3PL pilot request accepted');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text_body).toContain('90 FR 52690');

    // A refusal needs a reason, named by field; with one, the place is freed.
    const noReason = await call(
      'POST',
      `/api/v1/registry/pilot/requests/${b.id}/decision`,
      manager,
      { decision: 'refuse' },
    );
    expect(noReason.statusCode).toBe(400);
    expect(issuePaths(noReason)).toEqual(['body.reason']);
    const refused = await call(
      'POST',
      `/api/v1/registry/pilot/requests/${b.id}/decision`,
      manager,
      { decision: 'refuse', reason: 'No DOT licence on file' },
    );
    expect(refused.statusCode).toBe(200);
    expect(PilotRequestViewSchema.parse(refused.json())).toMatchObject({
      status: 'refused',
      reason: 'No DOT licence on file',
    });
    // Only a waiting request is decided.
    const twice = await call('POST', `/api/v1/registry/pilot/requests/${b.id}/decision`, manager, {
      decision: 'accept',
    });
    expect(twice.statusCode).toBe(409);

    // The refusal freed a place: the third company asks again (a minute later) and waits in line.
    clock.advance(60_000);
    const retry = PilotRequestViewSchema.parse(
      (await requestPlace(third, 'non_asset_based')).json(),
    );
    expect(retry).toMatchObject({ status: 'waiting', rank: 1, withinCap: true });
    const own = OwnPilotViewSchema.parse(
      (await call('GET', '/api/v1/registry/pilot', third.officer)).json(),
    );
    expect(own.requests.map((request) => request.status)).toEqual(['waiting', 'refused']);
    expect(own.pilot.acceptedPerCategory.non_asset_based).toBe(1);
    expect(own.pilot.placesLeftPerCategory.non_asset_based).toBe(0);

    // Another company cannot withdraw it (404); the participant leaving frees its place.
    const foreign = await call(
      'POST',
      `/api/v1/registry/pilot/requests/${retry.id}/withdraw`,
      first.officer,
      {},
    );
    expect(foreign.statusCode).toBe(404);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    const left = await call(
      'POST',
      `/api/v1/registry/pilot/requests/${aView.id}/withdraw`,
      first.officer,
      { reason: 'Joining the regular 3PL program instead' },
    );
    expect(left.statusCode).toBe(200);
    expect(PilotRequestViewSchema.parse(left.json()).status).toBe('withdrawn');
    expect((await queue()).pilot.placesLeftPerCategory.non_asset_based).toBe(1);
    expect(await auditActionsOn(db, aView.id)).toEqual([
      'pilot_request.created',
      'pilot_request.accepted',
      'pilot_request.withdrawn',
    ]);
    expect(await verifyAuditTrail(db, 1000, { chain: first.id })).toMatchObject({ ok: true });
  });

  it('lets concurrent requests take no more places than the cap (12 at once, cap 10)', async () => {
    const companies = await Promise.all(Array.from({ length: 12 }, () => company()));
    const responses = await Promise.all(companies.map((each) => requestPlace(each, 'asset_based')));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(12).fill(201));
    const views = responses.map((response) => PilotRequestViewSchema.parse(response.json()));
    expect(views.filter((view) => view.status === 'waiting')).toHaveLength(10);
    expect(views.filter((view) => view.status === 'refused')).toHaveLength(2);

    const assetBased = (await queue()).categories.find((entry) => entry.category === 'asset_based');
    const waiting = assetBased?.requests.filter((request) => request.status === 'waiting') ?? [];
    expect(waiting.map((request) => request.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(waiting.every((request) => request.withinCap)).toBe(true);
  });
});

describe('the pilot window', () => {
  it('refuses requests after the pilot ended, writing nothing', async () => {
    const threePl = await company();
    clock.set(new Date('2027-12-01T09:00:00Z'));
    // A session opened after the end (the one opened in 2026 has long gone idle).
    const late = {
      ...threePl,
      officer: await signInWithMfaSettled(testApp.app, testApp.database.db, threePl.officerUser),
    };
    const response = await requestPlace(late, 'asset_based');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('ended on 2027-11-30');
    const own = OwnPilotViewSchema.parse(
      (await call('GET', '/api/v1/registry/pilot', late.officer)).json(),
    );
    expect(own.pilot.phase).toBe('ended');
    expect(own.requests).toEqual([]);
  });

  it('shows "end date not set" and refuses requests while the deployment has no end date', async () => {
    // A second app on the same database, configured without PILOT_3PL_ENDS_ON.
    const unconfigured = await buildTestApp({ database: testApp.database });
    try {
      const threePl = await company();
      const session = await signInWithMfaSettled(
        unconfigured.app,
        testApp.database.db,
        threePl.officerUser,
      );
      const status = await unconfigured.app.inject({
        method: 'GET',
        url: '/api/v1/registry/pilot',
        headers: { cookie: session.cookie },
      });
      expect(OwnPilotViewSchema.parse(status.json()).pilot).toMatchObject({
        phase: 'end_date_not_set',
        endsOn: null,
      });
      const refused = await unconfigured.app.inject({
        method: 'POST',
        url: '/api/v1/registry/pilot/requests',
        headers: session.headers,
        payload: { category: 'asset_based' },
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toContain('PILOT_3PL_ENDS_ON');
    } finally {
      await unconfigured.app.close();
    }
  });
});
