import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { createProtest, type ProtestSpec } from '../../../../tests/factories/protest.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import {
  ProtestPageSchema,
  ProtestViewSchema,
} from '../../../domain/protests/protest-api.schema.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { runProtestDeadlineJobs } from './protest-deemed-denials.ts';

/**
 * The set-aside of a denial of further review (19 U.S.C. 1515(c)): the member's request (each
 * refusal, the happy path), CBP's decision (granted voids a denial and puts the protest under
 * further review; denied needs reasons), and the hourly job's deemed denial 60 days after an
 * unanswered request, recorded once. Every step is checked in the view, the events, the audit
 * trail and the company's inbox.
 *
 * TEST_NOW is 2026-11-29. Sessions go idle while the clock jumps: each step signs in afresh.
 */

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);
const TAG = randomUUID().slice(0, 6);

let company: { id: string };
let otherCompanyOfficerUser: TestUser;
let officerUser: TestUser;
let reviewerUser: TestUser;

beforeAll(async () => {
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const companyOrg = await createOrganisation(db, { legalName: `Set-aside ${TAG}` });
  const otherOrg = await createOrganisation(db);
  company = companyOrg;
  officerUser = await createUser(db, { role: 'company_officer', organisation: companyOrg });
  otherCompanyOfficerUser = await createUser(db, {
    role: 'company_officer',
    organisation: otherOrg,
  });
  reviewerUser = await createUser(db, { role: 'protest_reviewer', organisation: office });
}, 60_000);

const asOfficer = (): Promise<SignedIn> =>
  signInWithMfaSettled(testApp.app, testApp.database.db, officerUser);
const asReviewer = (): Promise<SignedIn> =>
  signInWithMfaSettled(testApp.app, testApp.database.db, reviewerUser);

function protest(spec: Partial<ProtestSpec> & { filedOn: string }, organisationId = company.id) {
  return createProtest(testApp.database.db, { organisationId, ...spec });
}

async function cbpView(protestId: string) {
  const response = await call('GET', `/api/v1/cbp/protests/${protestId}`, await asReviewer());
  expect(response.statusCode, response.body).toBe(200);
  return ProtestViewSchema.parse(response.json());
}

/** CBP denies the application for further review today; the protest's version after it. */
async function denyFurtherReview(protestId: string): Promise<number> {
  const response = await call(
    'POST',
    `/api/v1/cbp/protests/${protestId}/further-review`,
    await asReviewer(),
    { decision: 'denied', reasons: 'The criterion is not met.', expectedVersion: 1 },
  );
  expect(response.statusCode, response.body).toBe(200);
  return ProtestViewSchema.parse(response.json()).version;
}

async function requestSetAside(
  protestId: string,
  body: Record<string, unknown>,
  session?: SignedIn,
) {
  return call(
    'POST',
    `/api/v1/protests/${protestId}/set-aside-request`,
    session ?? (await asOfficer()),
    body,
  );
}

async function decideSetAside(protestId: string, body: Record<string, unknown>) {
  return call(
    'POST',
    `/api/v1/cbp/protests/${protestId}/set-aside-decision`,
    await asReviewer(),
    body,
  );
}

function refusal(response: { statusCode: number; json(): unknown }) {
  const body = response.json() as { error: { code: string; details?: { reason?: string } } };
  return `${response.statusCode} ${body.error.code} ${body.error.details?.reason ?? ''}`.trim();
}

async function inbox(protestNumber: string) {
  const response = await call('GET', '/api/v1/notifications?limit=100', await asOfficer());
  return (response.json().items as { kind: string; params: Record<string, string> }[]).filter(
    (item) => item.params.protestNumber === protestNumber,
  );
}

const REASONS = 'The application met 19 CFR 174.24(a): the decision conflicts with HQ H123456.';

describe('the member’s set-aside request', () => {
  it('is refused unless further review was denied: none filed, still pending, approved', async () => {
    const none = await protest({ filedOn: '2026-11-02' });
    const pending = await protest({ filedOn: '2026-11-02', furtherReview: 'a' });
    const approved = await protest({ filedOn: '2026-11-02', furtherReview: 'b' });
    const approval = await call(
      'POST',
      `/api/v1/cbp/protests/${approved.id}/further-review`,
      await asReviewer(),
      { decision: 'approved', expectedVersion: 1 },
    );
    expect(approval.statusCode, approval.body).toBe(200);
    for (const [each, version] of [
      [none, 1],
      [pending, 1],
      [approved, 2],
    ] as const) {
      const response = await requestSetAside(each.id, {
        reasons: REASONS,
        expectedVersion: version,
      });
      expect(refusal(response)).toBe('409 CONFLICT further_review_not_denied');
    }
    expect(await auditActionsOn(testApp.database.db, none.id)).toEqual([]);
    // Another company's protest is not found at all.
    const elsewhere = await signInWithMfaSettled(
      testApp.app,
      testApp.database.db,
      otherCompanyOfficerUser,
    );
    const foreign = await requestSetAside(
      pending.id,
      { reasons: REASONS, expectedVersion: 1 },
      elsewhere,
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('is filed once within 60 days, with reasons, at the current version', async () => {
    const filed = await protest({ filedOn: '2026-11-02', furtherReview: 'a' });
    const version = await denyFurtherReview(filed.id);
    const denied = await cbpView(filed.id);
    expect(denied.setAsideRequest).toEqual({ allowed: true, reason: '', code: null, params: {} });
    expect(denied.clocks.find((clock) => clock.name === 'set_aside_request')?.effective).toBe(
      '2027-01-28',
    );

    const blank = await requestSetAside(filed.id, { reasons: '  ', expectedVersion: version });
    expect(blank.statusCode).toBe(400);
    expect(issuePaths(blank)).toEqual(['body.reasons']);
    const stale = await requestSetAside(filed.id, { reasons: REASONS, expectedVersion: 1 });
    expect(refusal(stale)).toBe('409 CONFLICT');

    const response = await requestSetAside(filed.id, {
      reasons: REASONS,
      expectedVersion: version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const requested = ProtestViewSchema.parse(response.json());
    expect(requested.version).toBe(version + 1);
    expect(requested.status).toBe('filed');
    expect(requested.setAside).toMatchObject({
      requestedOn: '2026-11-29',
      reasons: REASONS,
      deemedDeniedOn: '2027-01-28',
      outcome: null,
      decidedOn: null,
    });
    expect(requested.setAsideRequest).toMatchObject({
      allowed: false,
      code: 'already_requested',
      params: { requestedOn: '2026-11-29' },
    });
    const names = requested.clocks.map((clock) => clock.name);
    expect(names).not.toContain('set_aside_request');
    expect(
      requested.clocks.find((clock) => clock.name === 'set_aside_deemed_denial'),
    ).toMatchObject({ effective: '2027-01-28', daysLeft: 60, kind: 'deemed_denial', party: 'cbp' });
    expect(requested.events.map((event) => event.kind)).toContain('set_aside_requested');

    const again = await requestSetAside(filed.id, {
      reasons: REASONS,
      expectedVersion: requested.version,
    });
    expect(refusal(again)).toBe('409 CONFLICT already_requested');
    expect(await auditActionsOn(testApp.database.db, filed.id)).toEqual([
      'protest.further_review_decided',
      'protest.set_aside_requested',
    ]);
    const changes = (await inbox(filed.protestNumber)).map((item) => item.params.change);
    expect(changes).toContain('set-aside of the denial of further review requested');
  });

  it('is refused after the 60 days: the statute says it must be filed within them', async () => {
    clock.set(new Date('2026-09-01T15:00:00Z'));
    const filed = await protest({ filedOn: '2026-08-20', furtherReview: 'c' });
    const version = await denyFurtherReview(filed.id);
    // 2026-09-01 + 60 days = 2026-10-31, the last day; the 61st day is refused.
    clock.set(new Date('2026-11-01T15:00:00Z'));
    const late = await requestSetAside(filed.id, { reasons: REASONS, expectedVersion: version });
    expect(refusal(late)).toBe('409 CONFLICT window_closed');
    expect(late.json().error.message).toContain('2026-10-31');
    const view = await cbpView(filed.id);
    expect(view.setAsideRequest.allowed).toBe(false);
    expect(view.setAside).toBeNull();
    expect(view.clocks.find((clock) => clock.name === 'set_aside_request')?.daysLeft).toBe(-1);
  });

  it('is refused on a withdrawn protest', async () => {
    const filed = await protest({ filedOn: '2026-11-02', furtherReview: 'a' });
    await denyFurtherReview(filed.id);
    const withdrawn = await call(
      'POST',
      `/api/v1/protests/${filed.id}/withdraw`,
      await asOfficer(),
      {},
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const response = await requestSetAside(filed.id, {
      reasons: REASONS,
      expectedVersion: ProtestViewSchema.parse(withdrawn.json()).version,
    });
    expect(refusal(response)).toBe('409 CONFLICT protest_withdrawn');
  });
});

describe('CBP’s decision on the request', () => {
  it('refuses without a pending request, and a denial without reasons', async () => {
    const filed = await protest({ filedOn: '2026-11-02', furtherReview: 'a' });
    await denyFurtherReview(filed.id);
    const early = await decideSetAside(filed.id, { decision: 'granted' });
    expect(refusal(early)).toBe('409 CONFLICT no_request');
    const bare = await decideSetAside(filed.id, { decision: 'denied', reasons: ' ' });
    expect(bare.statusCode).toBe(400);
    expect(issuePaths(bare)).toEqual(['body.reasons']);
    const missing = await decideSetAside(randomUUID(), { decision: 'granted' });
    expect(missing.statusCode).toBe(404);
  });

  it('denies with reasons: the denial of further review stands, decided once', async () => {
    const filed = await protest({ filedOn: '2026-11-02', furtherReview: 'a' });
    const version = await denyFurtherReview(filed.id);
    await requestSetAside(filed.id, { reasons: REASONS, expectedVersion: version });
    const stale = await decideSetAside(filed.id, {
      decision: 'denied',
      reasons: 'No.',
      expectedVersion: version,
    });
    expect(refusal(stale)).toBe('409 CONFLICT');
    const response = await decideSetAside(filed.id, {
      decision: 'denied',
      reasons: 'The denial was within the reviewer’s authority.',
    });
    expect(response.statusCode, response.body).toBe(200);
    const decided = ProtestViewSchema.parse(response.json());
    expect(decided.status).toBe('filed');
    expect(decided.setAside).toMatchObject({
      outcome: 'denied',
      decidedOn: '2026-11-29',
      decisionReasons: 'The denial was within the reviewer’s authority.',
    });
    expect(decided.clocks.map((clock) => clock.name)).not.toContain('set_aside_deemed_denial');
    const again = await decideSetAside(filed.id, { decision: 'granted' });
    expect(refusal(again)).toBe('409 CONFLICT already_decided');
    expect(await auditActionsOn(testApp.database.db, filed.id)).toEqual([
      'protest.further_review_decided',
      'protest.set_aside_requested',
      'protest.set_aside_decided',
    ]);
    const changes = (await inbox(filed.protestNumber)).map((item) => item.params.change);
    expect(changes).toContain('set-aside request denied');
  });

  it('grants: the protest denial is voided and the protest is under further review', async () => {
    const filed = await protest({ filedOn: '2026-11-02', furtherReview: 'a' });
    const frVersion = await denyFurtherReview(filed.id);
    const denial = await call(
      'POST',
      `/api/v1/cbp/protests/${filed.id}/decision`,
      await asReviewer(),
      {
        decision: 'denied',
        reasons: 'The classification stands.',
        refundDue: false,
        publish: false,
        expectedVersion: frVersion,
      },
    );
    expect(denial.statusCode, denial.body).toBe(200);
    const deniedView = ProtestViewSchema.parse(denial.json());
    expect(deniedView.clocks.map((clock) => clock.name)).toContain('court_of_international_trade');
    const request = await requestSetAside(filed.id, {
      reasons: REASONS,
      expectedVersion: deniedView.version,
    });
    expect(request.statusCode, request.body).toBe(200);

    const response = await decideSetAside(filed.id, {
      decision: 'granted',
      expectedVersion: ProtestViewSchema.parse(request.json()).version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const granted = ProtestViewSchema.parse(response.json());
    expect(granted.status).toBe('under_further_review');
    expect(granted.decision).toBeNull();
    expect(granted.setAside).toMatchObject({ outcome: 'granted', decidedOn: '2026-11-29' });
    const names = granted.clocks.map((clock) => clock.name);
    expect(names).not.toContain('court_of_international_trade');
    expect(names).toContain('review_target');
    const event = granted.events.find((item) => item.kind === 'set_aside_granted');
    expect(event?.details).toMatchObject({
      route: 'headquarters',
      voidedDecision: { kind: 'denied', decidedOn: '2026-11-29' },
    });
    // Back in CBP's queue, under further review.
    const queue = await call(
      'GET',
      `/api/v1/cbp/protests?q=${encodeURIComponent(filed.protestNumber)}`,
      await asReviewer(),
    );
    const row = ProtestPageSchema.parse(queue.json()).items[0];
    expect(row).toMatchObject({ id: filed.id, status: 'under_further_review', decision: null });
    expect(await auditActionsOn(testApp.database.db, filed.id)).toEqual([
      'protest.further_review_decided',
      'protest.decided',
      'protest.set_aside_requested',
      'protest.set_aside_decided',
    ]);
    const details = (await inbox(filed.protestNumber))
      .filter((item) => item.params.change === 'denial of further review set aside')
      .map((item) => item.params.details);
    expect(details).toHaveLength(1);
    expect(details[0]).toContain('The decision on the protest of 2026-11-29 is void.');
  });

  it('grants a voided deemed denial without the job denying the protest again', async () => {
    // Accelerated disposition mailed 2026-09-10: deemed denied 2026-10-10.
    clock.set(new Date('2026-09-15T15:00:00Z'));
    const jobCompany = await createOrganisation(testApp.database.db);
    const filed = await protest(
      { filedOn: '2026-09-01', furtherReview: 'c', acceleratedDispositionMailedOn: '2026-09-10' },
      jobCompany.id,
    );
    await denyFurtherReview(filed.id);
    const context = {
      db: testApp.database.db,
      clock,
      smtpConfigured: false,
      publicUrl: 'http://localhost:3000',
      onlyOrganisationId: jobCompany.id,
    };
    clock.set(new Date('2026-10-11T15:00:00Z'));
    expect((await runProtestDeadlineJobs(context, calendarDate('2026-10-11'))).deemedDenied).toBe(
      1,
    );
    const deemed = await cbpView(filed.id);
    expect(deemed.decision?.kind).toBe('deemed_denied');
    // The member of jobCompany is not this file's officer: write the request as CBP would see
    // it through the member route by a member of that company.
    const jobOfficerUser = await createUser(testApp.database.db, {
      role: 'company_officer',
      organisation: jobCompany,
    });
    const jobOfficer = await signInWithMfaSettled(testApp.app, testApp.database.db, jobOfficerUser);
    const request = await requestSetAside(
      filed.id,
      { reasons: REASONS, expectedVersion: deemed.version },
      jobOfficer,
    );
    expect(request.statusCode, request.body).toBe(200);
    const granted = await decideSetAside(filed.id, { decision: 'granted' });
    expect(granted.statusCode, granted.body).toBe(200);
    const view = ProtestViewSchema.parse(granted.json());
    expect(view.status).toBe('under_further_review');
    expect(view.clocks.map((clock) => clock.name)).not.toContain(
      'accelerated_disposition_deemed_denial',
    );
    clock.set(new Date('2026-10-12T15:00:00Z'));
    expect((await runProtestDeadlineJobs(context, calendarDate('2026-10-12'))).deemedDenied).toBe(
      0,
    );
    expect((await cbpView(filed.id)).status).toBe('under_further_review');
  });
});

describe('the hourly job', () => {
  it('considers an unanswered request denied 60 days after it, once', async () => {
    const db = testApp.database.db;
    const jobCompany = await createOrganisation(db);
    const jobOfficerUser = await createUser(db, {
      role: 'company_officer',
      organisation: jobCompany,
    });
    clock.set(new Date('2026-09-01T15:00:00Z'));
    const filed = await protest({ filedOn: '2026-08-20', furtherReview: 'a' }, jobCompany.id);
    const other = await protest({ filedOn: '2026-08-20', furtherReview: 'a' }, jobCompany.id);
    const version = await denyFurtherReview(filed.id);
    await denyFurtherReview(other.id);
    clock.set(new Date('2026-09-10T15:00:00Z'));
    const jobOfficer = await signInWithMfaSettled(testApp.app, db, jobOfficerUser);
    const request = await requestSetAside(
      filed.id,
      { reasons: REASONS, expectedVersion: version },
      jobOfficer,
    );
    expect(request.statusCode, request.body).toBe(200);
    const context = {
      db,
      clock,
      smtpConfigured: false,
      publicUrl: 'http://localhost:3000',
      onlyOrganisationId: jobCompany.id,
    };
    // 2026-09-10 + 60 = 2026-11-09: the Commissioner's last day; nothing happens on it.
    clock.set(new Date('2026-11-09T15:00:00Z'));
    expect(
      (await runProtestDeadlineJobs(context, calendarDate('2026-11-09'))).setAsideDeemedDenied,
    ).toBe(0);
    clock.set(new Date('2026-11-10T15:00:00Z'));
    const late = await decideSetAside(filed.id, { decision: 'granted' });
    expect(refusal(late)).toBe('409 CONFLICT deemed_denied');
    const first = await runProtestDeadlineJobs(context, calendarDate('2026-11-10'));
    const second = await runProtestDeadlineJobs(context, calendarDate('2026-11-10'));
    expect(first.setAsideDeemedDenied).toBe(1);
    expect(second.setAsideDeemedDenied).toBe(0);

    const view = await cbpView(filed.id);
    expect(view.setAside).toMatchObject({
      requestedOn: '2026-09-10',
      outcome: 'deemed_denied',
      decidedOn: '2026-11-09',
      decidedByName: null,
    });
    expect(view.events.filter((event) => event.kind === 'set_aside_deemed_denied')).toHaveLength(1);
    expect(view.clocks.find((clock) => clock.name === 'set_aside_deemed_denial')).toMatchObject({
      effective: '2026-11-09',
      daysLeft: -1,
    });
    expect(await auditActionsOn(db, filed.id)).toEqual([
      'protest.further_review_decided',
      'protest.set_aside_requested',
      'protest.set_aside_deemed_denied',
    ]);
    // The protest without a request is untouched.
    expect((await cbpView(other.id)).setAside).toBeNull();
    const inboxResponse = await call(
      'GET',
      '/api/v1/notifications?limit=100',
      await signInWithMfaSettled(testApp.app, db, jobOfficerUser),
    );
    const notices = (
      inboxResponse.json().items as { kind: string; params: Record<string, string> }[]
    ).filter(
      (item) =>
        item.params.protestNumber === filed.protestNumber &&
        item.params.change === 'set-aside request considered denied',
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.params.details).toContain('2026-11-09');
  });
});
