import { randomUUID } from 'node:crypto';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { createProtest, type ProtestSpec } from '../../../../tests/factories/protest.factory.ts';
import { uniqueImporterNumber } from '../../../../tests/factories/registry.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { pdfText } from '../../../../tests/setup/document-text.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import {
  ProtestPageSchema,
  type ProtestSummary,
  ProtestViewSchema,
} from '../../../domain/protests/protest-api.schema.ts';
import { ProtestMetricsSchema } from '../../../domain/protests/protest-metrics.schema.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { runProtestDeadlineJobs } from './protest-deemed-denials.ts';

/**
 * CBP's protest review (issue 7, items 4, 5 and 7): the priority queue and its filters and
 * cursor, assignment (one and bulk), decisions with reasons and the court deadline, the denial
 * notice PDF read back, further review, the deemed-denial job, metrics and their exports.
 *
 * Protests are written by the factory (tests/factories/protest.factory.ts). The database may be
 * shared with other files (PostgreSQL): lists are narrowed to this file's reviewer, numbers or
 * company, and the metrics to a period no other file decides protests in.
 */

const testApp = setUpTestApp();
const call = apiCaller(testApp);
const TAG = randomUUID().slice(0, 6);
const FOOTER = /Page \d+ of \d+/g;

let company: Awaited<ReturnType<typeof createOrganisation>>;
let reviewer: TestUser;
let reviewerSession: SignedIn;
let secondReviewer: TestUser;
let manager: SignedIn;
let officer: SignedIn;
let otherOfficer: SignedIn;
let specialist: TestUser;

beforeAll(async () => {
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const companyOrg = await createOrganisation(db, { legalName: `Protester ${TAG}` });
  const otherOrg = await createOrganisation(db);
  company = companyOrg;
  reviewer = await createUser(db, { role: 'protest_reviewer', organisation: office });
  secondReviewer = await createUser(db, { role: 'protest_reviewer', organisation: office });
  specialist = await createUser(db, { role: 'scss', organisation: office });
  const managerUser = await createUser(db, { role: 'program_manager', organisation: office });
  const officerUser = await createUser(db, { role: 'company_officer', organisation: companyOrg });
  const otherOfficerUser = await createUser(db, {
    role: 'company_officer',
    organisation: otherOrg,
  });
  reviewerSession = await signInWithMfaSettled(testApp.app, db, reviewer);
  manager = await signInWithMfaSettled(testApp.app, db, managerUser);
  officer = await signInWithMfaSettled(testApp.app, db, officerUser);
  otherOfficer = await signInWithMfaSettled(testApp.app, db, otherOfficerUser);
}, 60_000);

function protest(spec: Partial<ProtestSpec> & { filedOn: string }) {
  return createProtest(testApp.database.db, { organisationId: company.id, ...spec });
}

async function queue(query: string, session = reviewerSession) {
  const response = await call('GET', `/api/v1/cbp/protests?${query}`, session);
  expect(response.statusCode, response.body).toBe(200);
  return ProtestPageSchema.parse(response.json());
}

async function view(protestId: string) {
  const response = await call('GET', `/api/v1/cbp/protests/${protestId}`, reviewerSession);
  expect(response.statusCode, response.body).toBe(200);
  return ProtestViewSchema.parse(response.json());
}

async function inbox(session: SignedIn) {
  const response = await call('GET', '/api/v1/notifications?limit=100', session);
  return response.json().items as { kind: string; params: Record<string, string> }[];
}

/** Every page of a queue query, `limit` rows at a time. */
async function allPages(query: string, limit: number): Promise<ProtestSummary[]> {
  const items: ProtestSummary[] = [];
  let cursor: string | null = null;
  do {
    const page = await queue(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('the review queue', () => {
  it('puts a running deemed-denial clock above a Trade Compliance member above an older non-member', async () => {
    const older = await protest({ filedOn: '2026-06-01', assignedReviewerUserId: reviewer.id });
    const member = await protest({
      filedOn: '2026-11-01',
      tradeCompliance: true,
      assignedReviewerUserId: reviewer.id,
    });
    const accelerated = await protest({
      filedOn: '2026-11-10',
      acceleratedDispositionMailedOn: '2026-11-20',
      assignedReviewerUserId: reviewer.id,
    });
    const page = await queue(`reviewer=${reviewer.id}&q=${accelerated.importerNumber}`);
    expect(ids(page.items)).toEqual([accelerated.id]);
    const mine = (await queue('reviewer=me')).items.filter((item) =>
      [older.id, member.id, accelerated.id].includes(item.id),
    );
    expect(ids(mine)).toEqual([accelerated.id, member.id, older.id]);
    expect(mine.map((item) => item.priorityRank)).toEqual([0, 1, 2]);
    expect(mine[0]?.nextClock).toMatchObject({
      name: 'accelerated_disposition_deemed_denial',
      effective: '2026-12-20',
      daysLeft: 21,
    });
    expect(mine[1]?.tradeCompliance).toBe(true);
  });

  it('is sorted by rank, date and id on every page, and paging is stable', async () => {
    const whole = await allPages('', 100);
    const keys = whole.map((item) => [item.priorityRank, item.priorityDate, item.id].join('|'));
    const sorted = [...whole]
      .sort(
        (a, b) =>
          a.priorityRank - b.priorityRank ||
          a.priorityDate.localeCompare(b.priorityDate) ||
          (a.id < b.id ? -1 : 1),
      )
      .map((item) => [item.priorityRank, item.priorityDate, item.id].join('|'));
    expect(keys).toEqual(sorted);
    expect(new Set(ids(whole)).size).toBe(whole.length);
    const inThrees = await allPages(`reviewer=${reviewer.id}`, 3);
    const inOne = (await queue(`reviewer=${reviewer.id}&limit=100`)).items;
    expect(ids(inThrees)).toEqual(ids(inOne));
    expect(inOne.every((item) => item.status !== 'decided')).toBe(true);
  });

  it('filters by Center, reviewer, status, Trade Compliance and number', async () => {
    const owner = await createUser(testApp.database.db, {
      role: 'protest_reviewer',
      organisation: reviewer.organisation,
    });
    const at = { assignedReviewerUserId: owner.id, status: 'under_review' as const };
    const electronics = await protest({ filedOn: '2026-05-01', center: 'ELE', ...at });
    const tcRank0 = await protest({
      filedOn: '2026-11-20',
      tradeCompliance: true,
      decisionsProtested: ['exclusion_or_redelivery'],
      ...at,
    });
    const tcRank1 = await protest({ filedOn: '2026-04-01', tradeCompliance: true, ...at });
    const plainRank0 = await protest({
      filedOn: '2026-11-02',
      acceleratedDispositionMailedOn: '2026-11-05',
      ...at,
    });
    const importer = uniqueImporterNumber();
    const unassigned = await protest({ filedOn: '2026-03-01', importerNumber: importer });
    const assigned = await protest({ filedOn: '2026-03-02', importerNumber: importer, ...at });
    const list = (query: string) =>
      queue(`reviewer=${owner.id}&limit=100&${query}`).then((page) => ids(page.items));

    expect(await list('center=ELE')).toEqual([electronics.id]);
    expect(await list('tradeCompliance=true')).toEqual([tcRank0.id, tcRank1.id]);
    expect(await list('tradeCompliance=false')).toEqual([
      plainRank0.id,
      assigned.id,
      electronics.id,
    ]);
    // One row a page across the rank boundary of the Trade Compliance filter.
    expect(ids(await allPages(`reviewer=${owner.id}&tradeCompliance=true`, 1))).toEqual([
      tcRank0.id,
      tcRank1.id,
    ]);
    expect(await list('status=filed')).toEqual([]);
    expect(ids((await queue(`reviewer=unassigned&q=${importer}`)).items)).toEqual([unassigned.id]);
    expect(ids((await queue(`q=${importer}`)).items)).toEqual([unassigned.id, assigned.id]);
    // Numbers are matched as their validators spell them: a protest number without hyphens,
    // an entry number with spaces.
    expect(ids((await queue(`q=${electronics.protestNumber.replaceAll('-', '')}`)).items)).toEqual([
      electronics.id,
    ]);
    const entry = electronics.entries[0] ?? '';
    expect(ids((await queue(`q=${encodeURIComponent(entry.replaceAll('-', ' '))}`)).items)).toEqual(
      [electronics.id],
    );

    const badCursor = await call('GET', '/api/v1/cbp/protests?cursor=bm9wZQ', reviewerSession);
    expect(badCursor.statusCode).toBe(400);
    expect(issuePaths(badCursor)).toEqual(['querystring.cursor']);
  });

  it('is CBP’s: a member company cannot read it, a program manager can', async () => {
    expect((await call('GET', '/api/v1/cbp/protests', officer)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/cbp/protests?limit=1', manager)).statusCode).toBe(200);
  });
});

describe('assignment', () => {
  it('assigns a reviewer: the protest is under review, audited, and the company told', async () => {
    const filed = await protest({ filedOn: '2026-10-01' });
    const response = await call(
      'PUT',
      `/api/v1/cbp/protests/${filed.id}/assignment`,
      reviewerSession,
      { reviewerUserId: secondReviewer.id, expectedVersion: 1 },
    );
    expect(response.statusCode, response.body).toBe(200);
    const assigned = ProtestViewSchema.parse(response.json());
    expect(assigned.status).toBe('under_review');
    expect(assigned.assignedReviewer?.userId).toBe(secondReviewer.id);
    expect(assigned.events.map((event) => event.kind)).toContain('assigned');
    expect(await auditActionsOn(testApp.database.db, filed.id)).toEqual(['protest.assigned']);
    const told = (await inbox(officer)).filter(
      (item) =>
        item.kind === 'protest_status_changed' && item.params.protestNumber === filed.protestNumber,
    );
    expect(told).toHaveLength(1);

    const stale = await call(
      'PUT',
      `/api/v1/cbp/protests/${filed.id}/assignment`,
      reviewerSession,
      {
        reviewerUserId: reviewer.id,
        expectedVersion: 1,
      },
    );
    expect(stale.statusCode).toBe(409);
    const notReviewer = await call(
      'PUT',
      `/api/v1/cbp/protests/${filed.id}/assignment`,
      reviewerSession,
      { reviewerUserId: specialist.id },
    );
    expect(notReviewer.statusCode).toBe(400);
    expect(issuePaths(notReviewer)).toEqual(['body.reviewerUserId']);
    const missing = await call(
      'PUT',
      `/api/v1/cbp/protests/${randomUUID()}/assignment`,
      reviewerSession,
      { reviewerUserId: reviewer.id },
    );
    expect(missing.statusCode).toBe(404);
  });

  it('assigns in bulk all or nothing, and refuses a count that differs', async () => {
    const a = await protest({ filedOn: '2026-09-01' });
    const b = await protest({ filedOn: '2026-09-02' });
    const decided = await protest({
      filedOn: '2026-09-03',
      decision: 'allowed',
      decidedOn: '2026-11-01',
    });
    const url = '/api/v1/cbp/protests/assignments';
    const miscounted = await call('POST', url, reviewerSession, {
      protestIds: [a.id, b.id],
      reviewerUserId: reviewer.id,
      expectedCount: 3,
    });
    expect(miscounted.statusCode).toBe(400);
    expect(issuePaths(miscounted)).toEqual(['body.expectedCount']);
    const withDecided = await call('POST', url, reviewerSession, {
      protestIds: [a.id, b.id, decided.id],
      reviewerUserId: reviewer.id,
      expectedCount: 3,
    });
    expect(withDecided.statusCode).toBe(409);
    expect(withDecided.json().error.details.refused).toEqual([
      expect.objectContaining({ protestId: decided.id, code: 'closed' }),
    ]);
    expect((await view(a.id)).assignedReviewer).toBeNull();
    const done = await call('POST', url, reviewerSession, {
      protestIds: [a.id, b.id],
      reviewerUserId: reviewer.id,
      expectedCount: 2,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().assigned).toBe(2);
    for (const id of [a.id, b.id]) {
      const read = await view(id);
      expect([read.status, read.assignedReviewer?.userId]).toEqual(['under_review', reviewer.id]);
    }
  });
});

describe('decisions', () => {
  it('refuses a denial without reasons, naming body.reasons', async () => {
    const filed = await protest({ filedOn: '2026-10-05' });
    for (const decision of ['denied', 'denied_in_part', 'allowed_in_part']) {
      const response = await call(
        'POST',
        `/api/v1/cbp/protests/${filed.id}/decision`,
        reviewerSession,
        {
          decision,
          reasons: '   ',
          refundDue: false,
          publish: false,
          expectedVersion: 1,
        },
      );
      expect(response.statusCode).toBe(400);
      expect(issuePaths(response)).toEqual(['body.reasons']);
    }
    expect((await view(filed.id)).status).toBe('filed');
  });

  it('denies in part: the court deadline from the notice’s mailing, the notice as PDF', async () => {
    const filed = await protest({
      filedOn: '2026-08-03',
      categories: ['Leather footwear'],
      entries: undefined,
    });
    const reasons = `The goods are classified under heading 6403 (${TAG}); the claim for 6404 is denied.`;
    const stale = await call('POST', `/api/v1/cbp/protests/${filed.id}/decision`, reviewerSession, {
      decision: 'denied_in_part',
      reasons,
      refundDue: true,
      publish: true,
      expectedVersion: 7,
    });
    expect(stale.statusCode).toBe(409);
    const response = await call(
      'POST',
      `/api/v1/cbp/protests/${filed.id}/decision`,
      reviewerSession,
      {
        decision: 'denied_in_part',
        reasons,
        refundDue: true,
        publish: true,
        denialNoticeMailedOn: '2026-11-23',
        expectedVersion: 1,
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    const decided = ProtestViewSchema.parse(response.json());
    expect(decided.status).toBe('decided');
    expect(decided.decision).toMatchObject({
      kind: 'denied_in_part',
      reasons,
      decidedOn: '2026-11-29',
      denialNoticeMailedOn: '2026-11-23',
      refundDue: true,
      published: true,
    });
    // 2026-11-23 + 180 days = Saturday 2027-05-22: the court's last day is Monday 2027-05-24.
    expect(
      decided.clocks.find((clock) => clock.name === 'court_of_international_trade'),
    ).toMatchObject({
      nominal: '2027-05-22',
      effective: '2027-05-24',
      rolled: true,
    });
    expect(await auditActionsOn(testApp.database.db, filed.id)).toEqual(['protest.decided']);
    const told = (await inbox(officer)).find(
      (item) =>
        item.kind === 'protest_decided' && item.params.protestNumber === filed.protestNumber,
    );
    expect(told?.params.court).toContain('2027-05-24');
    expect(told?.params.decision).toBe('denied in part');

    const again = await call('POST', `/api/v1/cbp/protests/${filed.id}/decision`, reviewerSession, {
      decision: 'allowed',
      refundDue: false,
      publish: false,
      expectedVersion: decided.version,
    });
    expect(again.statusCode).toBe(409);

    for (const [url, session] of [
      [`/api/v1/cbp/protests/${filed.id}/denial-notice.pdf`, reviewerSession],
      [`/api/v1/protests/${filed.id}/denial-notice.pdf`, officer],
    ] as const) {
      const pdf = await call('GET', url, session);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.rawPayload, FOOTER);
      expect(text).toContain(filed.protestNumber);
      expect(text).toContain(reasons);
      expect(text).toContain(filed.entries[0] ?? 'no entry');
      expect(text).toContain('Court of International Trade within 180 days');
      expect(text).toContain('28 U.S.C. 2636(a); 19 CFR 174.30–174.31');
      expect(text).toContain('180 days end on (nominal) 2027-05-22');
      expect(text).toContain('Court deadline (effective) 2027-05-24');
    }

    // In Spanish: asked for, or by default for a reader who prefers Spanish. The notice's own
    // text is translated, the reviewer's reasons and the citations stay as written.
    const spanishReader = await createUser(testApp.database.db, {
      role: 'company_officer',
      organisation: company,
    });
    const spanishSession = await signInWithMfaSettled(
      testApp.app,
      testApp.database.db,
      spanishReader,
    );
    const preference = await call('PATCH', '/api/v1/account', spanishSession, {
      preferredLanguage: 'es',
    });
    expect(preference.statusCode, preference.body).toBe(200);
    for (const [url, session] of [
      [`/api/v1/protests/${filed.id}/denial-notice.pdf?lang=es`, officer],
      [`/api/v1/cbp/protests/${filed.id}/denial-notice.pdf?lang=es`, reviewerSession],
      [`/api/v1/protests/${filed.id}/denial-notice.pdf`, spanishSession],
    ] as const) {
      const pdf = await call('GET', url, session);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      const text = await pdfText(pdf.rawPayload, /Página \d+ de \d+/g);
      expect(text).toContain(`Aviso de denegación parcial de la protesta ${filed.protestNumber}`);
      expect(text).toContain('Su derecho a impugnar esta denegación ante el tribunal');
      expect(text).toContain(
        'ante el Tribunal de Comercio Internacional de los Estados Unidos (United States Court of International Trade) dentro de los 180 días siguientes a la fecha de envío por correo de este aviso (2026-11-23) (28 U.S.C. 2636(a); 19 CFR 174.30–174.31)',
      );
      expect(text).toContain('Fin de los 180 días (nominal) 2027-05-22');
      expect(text).toContain('Último día (efectivo) 2027-05-24');
      expect(text).toContain('USCIT Rule 6(a)');
      expect(text).toContain('Resolución denegada en parte');
      expect(text).toContain(reasons);
      expect(text).not.toContain('Your right to contest');
    }
    const english = await call(
      'GET',
      `/api/v1/protests/${filed.id}/denial-notice.pdf?lang=en`,
      spanishSession,
    );
    expect(await pdfText(english.rawPayload, FOOTER)).toContain(
      'Your right to contest this denial in court',
    );
    const unknown = await call(
      'GET',
      `/api/v1/protests/${filed.id}/denial-notice.pdf?lang=fr`,
      officer,
    );
    expect(unknown.statusCode).toBe(400);
    expect(issuePaths(unknown)).toEqual(['querystring.lang']);
    const otherTenant = await call(
      'GET',
      `/api/v1/protests/${filed.id}/denial-notice.pdf`,
      otherOfficer,
    );
    expect(otherTenant.statusCode).toBe(404);
  });

  it('refuses a withdrawn protest, and an allowed one has no denial notice', async () => {
    const withdrawn = await protest({ filedOn: '2026-10-06', status: 'withdrawn' });
    const refused = await call(
      'POST',
      `/api/v1/cbp/protests/${withdrawn.id}/decision`,
      reviewerSession,
      {
        decision: 'allowed',
        refundDue: true,
        publish: false,
        expectedVersion: 1,
      },
    );
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toBe('CONFLICT');
    // Accelerated disposition mailed 2026-10-01: deemed denied on 2026-10-31, before today.
    const lapsed = await protest({
      filedOn: '2026-09-15',
      acceleratedDispositionMailedOn: '2026-10-01',
    });
    const late = await call('POST', `/api/v1/cbp/protests/${lapsed.id}/decision`, reviewerSession, {
      decision: 'allowed',
      refundDue: true,
      publish: false,
      expectedVersion: 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('deemed denied on 2026-10-31');
    const allowed = await protest({ filedOn: '2026-10-07' });
    const response = await call(
      'POST',
      `/api/v1/cbp/protests/${allowed.id}/decision`,
      reviewerSession,
      {
        decision: 'allowed',
        refundDue: true,
        publish: false,
        expectedVersion: 1,
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(
      ProtestViewSchema.parse(response.json()).clocks.map((clock) => clock.name),
    ).not.toContain('court_of_international_trade');
    const pdf = await call(
      'GET',
      `/api/v1/cbp/protests/${allowed.id}/denial-notice.pdf`,
      reviewerSession,
    );
    expect(pdf.statusCode).toBe(404);
  });

  it('is for protest reviewers: a program manager reads but cannot decide', async () => {
    const filed = await protest({ filedOn: '2026-10-08' });
    const response = await call('POST', `/api/v1/cbp/protests/${filed.id}/decision`, manager, {
      decision: 'allowed',
      refundDue: false,
      publish: false,
      expectedVersion: 1,
    });
    expect(response.statusCode).toBe(403);
    expect((await call('GET', `/api/v1/cbp/protests/${filed.id}`, manager)).statusCode).toBe(200);
  });
});

describe('further review', () => {
  it('approves: the protest is under further review, routed to Headquarters', async () => {
    const filed = await protest({ filedOn: '2026-11-09', furtherReview: 'a' });
    const response = await call(
      'POST',
      `/api/v1/cbp/protests/${filed.id}/further-review`,
      reviewerSession,
      {
        decision: 'approved',
        expectedVersion: 1,
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    const approved = ProtestViewSchema.parse(response.json());
    expect(approved.status).toBe('under_further_review');
    const event = approved.events.find((item) => item.kind === 'further_review_approved');
    expect(event?.details).toMatchObject({ route: 'headquarters', criterion: 'a' });
    expect(approved.clocks.map((clock) => clock.name)).not.toContain('further_review_decision');
    const again = await call(
      'POST',
      `/api/v1/cbp/protests/${filed.id}/further-review`,
      reviewerSession,
      {
        decision: 'denied',
        reasons: 'No.',
        expectedVersion: approved.version,
      },
    );
    expect(again.statusCode).toBe(409);
    expect(await auditActionsOn(testApp.database.db, filed.id)).toEqual([
      'protest.further_review_decided',
    ]);
  });

  it('denies with reasons only, and the 60-day set-aside clock appears', async () => {
    const filed = await protest({ filedOn: '2026-11-12', furtherReview: 'c' });
    const url = `/api/v1/cbp/protests/${filed.id}/further-review`;
    const bare = await call('POST', url, reviewerSession, {
      decision: 'denied',
      expectedVersion: 1,
    });
    expect(bare.statusCode).toBe(400);
    expect(issuePaths(bare)).toEqual(['body.reasons']);
    const response = await call('POST', url, reviewerSession, {
      decision: 'denied',
      reasons: 'The criterion of 19 CFR 174.24(c) is not met: the arguments were considered.',
      expectedVersion: 1,
    });
    expect(response.statusCode, response.body).toBe(200);
    const denied = ProtestViewSchema.parse(response.json());
    expect(denied.status).toBe('filed');
    expect(denied.clocks.find((clock) => clock.name === 'set_aside_request')).toMatchObject({
      nominal: '2027-01-28',
      daysLeft: 60,
    });
    // The queue row's clocks follow the decision too: no 30-day further-review target left.
    const row = (await queue(`q=${encodeURIComponent(denied.protestNumber)}`)).items[0];
    expect(row?.id).toBe(filed.id);
    expect(row?.nextClock?.name).toBe('set_aside_request');
    const without = await protest({ filedOn: '2026-11-12' });
    const none = await call(
      'POST',
      `/api/v1/cbp/protests/${without.id}/further-review`,
      reviewerSession,
      {
        decision: 'approved',
        expectedVersion: 1,
      },
    );
    expect(none.statusCode).toBe(409);
  });
});

describe('the hourly job', () => {
  it('records a passed deemed denial once, on its day, and reminds before deadlines', async () => {
    const db = testApp.database.db;
    const jobCompany = await createOrganisation(db);
    const jobOfficerUser = await createUser(db, {
      role: 'company_officer',
      organisation: jobCompany,
    });
    const jobOfficer = await signInWithMfaSettled(testApp.app, db, jobOfficerUser);
    const mine = (spec: Partial<ProtestSpec> & { filedOn: string }) =>
      createProtest(db, { organisationId: jobCompany.id, ...spec });
    const passed = await mine({
      filedOn: '2026-10-01',
      acceleratedDispositionMailedOn: '2026-10-20',
    });
    const today = await mine({
      filedOn: '2026-10-15',
      acceleratedDispositionMailedOn: '2026-10-30',
    });
    const running = await mine({
      filedOn: '2026-11-25',
      decisionsProtested: ['exclusion_or_redelivery'],
    });
    // Denial notice mailed 2026-06-12: the court's 180 days end 2026-12-09 (10 days left).
    const courtSoon = await mine({
      filedOn: '2026-03-02',
      decision: 'denied',
      decisionReasons: 'Denied.',
      decidedOn: '2026-06-12',
    });
    const context = {
      db,
      clock: testApp.clock,
      smtpConfigured: false,
      publicUrl: 'http://localhost:3000',
      onlyOrganisationId: jobCompany.id,
    };
    const first = await runProtestDeadlineJobs(context, calendarDate('2026-11-29'));
    expect(first.deemedDenied).toBe(1);
    const second = await runProtestDeadlineJobs(context, calendarDate('2026-11-29'));
    expect(second.deemedDenied).toBe(0);

    const denied = await view(passed.id);
    expect(denied.status).toBe('decided');
    expect(denied.decision).toMatchObject({
      kind: 'deemed_denied',
      decidedOn: '2026-11-19',
      reasons: null,
    });
    expect(denied.events.filter((event) => event.kind === 'deemed_denied')).toHaveLength(1);
    expect(
      denied.clocks.find((clock) => clock.name === 'court_of_international_trade'),
    ).toMatchObject({
      nominal: '2027-05-18',
    });
    expect(await auditActionsOn(db, passed.id)).toEqual(['protest.deemed_denied']);
    expect((await view(today.id)).status).toBe('filed');
    expect((await view(running.id)).status).toBe('filed');

    const items = await inbox(jobOfficer);
    const kinds = (protestNumber: string) =>
      items
        .filter((item) => item.params.protestNumber === protestNumber)
        .map((item) => `${item.kind}:${item.params.daysLeft ?? ''}`);
    expect(kinds(passed.protestNumber)).toEqual(['protest_decided:']);
    expect(kinds(today.protestNumber)).toEqual(['protest_deadline_reminder:0']);
    expect(kinds(courtSoon.protestNumber)).toEqual(['protest_deadline_reminder:10']);
    expect(kinds(running.protestNumber)).toEqual([]);

    // Five days on: the 7-day reminder of the court deadline, once.
    await runProtestDeadlineJobs(context, calendarDate('2026-12-04'));
    await runProtestDeadlineJobs(context, calendarDate('2026-12-04'));
    const later = (await inbox(jobOfficer))
      .filter((item) => item.params.protestNumber === courtSoon.protestNumber)
      .map((item) => item.params.daysLeft);
    expect(later.sort()).toEqual(['10', '5']);
    // The protest deemed denied today is recorded the next day.
    expect((await view(today.id)).decision?.decidedOn).toBe('2026-11-29');
  });
});

describe('metrics', () => {
  const X = `Footwear ${TAG}`;
  const Y = `Steel ${TAG}`;
  const Z = `=SUM(1+1) ${TAG}`;
  /** A leap year L: protests filed from L, decided in L+2 and L+3 (the period measured). */
  let year = 0;
  let period = '';

  async function decidedInPeriod(from: string, to: string): Promise<number> {
    const response = await call(
      'GET',
      `/api/v1/cbp/protests/metrics?decidedFrom=${from}&decidedTo=${to}`,
      manager,
    );
    return ProtestMetricsSchema.parse(response.json()).overall.decided;
  }

  beforeAll(async () => {
    // A period nobody has decided protests in (the PostgreSQL test database outlives runs).
    const leapYears = Array.from({ length: 32 }, (_, index) => 1972 + 4 * index).filter(
      (leap) => leap < 2012 || leap > 2032,
    );
    for (const leap of leapYears.sort(() => Math.random() - 0.5)) {
      if ((await decidedInPeriod(`${leap + 2}-01-01`, `${leap + 3}-12-31`)) === 0) {
        year = leap;
        break;
      }
    }
    expect(year).toBeGreaterThan(0);
    period = `decidedFrom=${year + 2}-01-01&decidedTo=${year + 3}-12-31`;
    const decided = (
      filedOn: string,
      decidedOn: string,
      tradeCompliance: boolean,
      center: 'AAI' | 'BAS',
      categories: string[],
      deemed = false,
    ) =>
      protest({
        filedOn,
        decidedOn,
        tradeCompliance,
        center,
        categories,
        decision: deemed ? 'deemed_denied' : 'denied',
        decisionReasons: deemed ? undefined : 'Denied.',
        entryDate: `${year - 1}-01-04`,
        liquidationDate: filedOn,
      });
    const [l, l1, l2, l3] = [year, year + 1, year + 2, year + 3];
    await decided(`${l2}-06-01`, `${l3}-01-10`, true, 'AAI', [X]); // 223 days
    await decided(`${l2}-12-01`, `${l3}-02-01`, true, 'AAI', [X]); // 62
    await decided(`${l}-01-03`, `${l3}-06-02`, false, 'BAS', [Y]); // 1246
    await decided(`${l1}-06-29`, `${l3}-06-29`, false, 'BAS', [X, Y]); // 730, on the target day
    await decided(`${l3}-01-01`, `${l3}-01-31`, false, 'AAI', [Y], true); // 30, deemed denied
    // 29 February + 2 years = 28 February: decided that day is within the target, a day later not.
    await decided(`${l}-02-29`, `${l2}-02-28`, false, 'BAS', [Z]); // 730
    await decided(`${l}-02-29`, `${l2}-03-01`, false, 'BAS', [Z]); // 731
  });

  it('gives median, p90 and the share within two years by membership, Center and category', async () => {
    const response = await call('GET', `/api/v1/cbp/protests/metrics?${period}`, manager);
    expect(response.statusCode, response.body).toBe(200);
    const metrics = ProtestMetricsSchema.parse(response.json());
    const rowOf = (dimension: string, group: string) =>
      metrics.rows.find((row) => row.dimension === dimension && row.group === group);
    expect(metrics.overall).toMatchObject({
      decided: 7,
      medianDays: 730,
      withinTarget: 5,
      deemedDenied: 1,
    });
    expect(metrics.overall.p90Days).toBeCloseTo(937, 6);
    expect(rowOf('trade_compliance', 'member')).toMatchObject({
      decided: 2,
      medianDays: 142.5,
      withinTarget: 2,
      withinTargetShare: 1,
    });
    expect(rowOf('trade_compliance', 'member')?.p90Days).toBeCloseTo(206.9, 6);
    expect(rowOf('trade_compliance', 'non_member')).toMatchObject({
      decided: 5,
      medianDays: 730,
      p90Days: 1040,
      withinTarget: 3,
      withinTargetShare: 0.6,
      deemedDenied: 1,
    });
    expect(rowOf('center', 'AAI')).toMatchObject({ decided: 3, medianDays: 62 });
    expect(rowOf('center', 'BAS')).toMatchObject({
      decided: 4,
      medianDays: 730.5,
      withinTarget: 2,
    });
    expect(rowOf('category', X)).toMatchObject({ decided: 3, medianDays: 223, withinTarget: 3 });
    expect(rowOf('category', Y)).toMatchObject({ decided: 3, medianDays: 730, withinTarget: 2 });
    expect(rowOf('category', Z)).toMatchObject({
      decided: 2,
      withinTarget: 1,
      withinTargetShare: 0.5,
    });
    expect((await call('GET', '/api/v1/cbp/protests/metrics', officer)).statusCode).toBe(403);
  });

  it('exports the same numbers as CSV (formula-safe) and XLSX, read back', async () => {
    const query = period;
    const csv = await call(
      'GET',
      `/api/v1/cbp/protests/metrics/export?format=csv&${query}`,
      reviewerSession,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'Dimension,Group,Protests decided,Median days to decision,90th percentile days,Decided within 2 years,Share within 2 years,Deemed denied',
    );
    expect(lines).toContain('trade_compliance,non_member,5,730,1040,3,0.6,1');
    expect(lines).toContain(`category,'${Z},2,730.5,730.9,1,0.5,0`);

    const xlsx = await call(
      'GET',
      `/api/v1/cbp/protests/metrics/export?format=xlsx&${query}`,
      reviewerSession,
    );
    expect(xlsx.statusCode).toBe(200);
    const [header, ...rows] = await readSheet(xlsx.rawPayload);
    expect(header?.[0]).toBe('Dimension');
    expect(rows.find((row) => row[0] === 'overall')?.slice(2, 4)).toEqual([7, 730]);
    // A text cell, shown as typed: never evaluated as a formula.
    expect(
      rows.find(
        (row) =>
          row[0] === 'category' && String(row[1]).endsWith(TAG) && String(row[1]).startsWith('='),
      )?.[1],
    ).toBe(Z);
  });
});
