import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { insertCertifiedMembership } from '../../../../tests/factories/certified-member.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { insertValidation } from '../../../../tests/factories/validation.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import type { TierStatus } from '../../../domain/registry/lifecycle/membership-states.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { type Clock, fixedClock } from '../../../domain/time/clock.ts';
import {
  ValidationPageSchema,
  type ValidationView,
  ValidationViewSchema,
} from '../../../domain/validations/validation-api.schema.ts';
import {
  DueMemberPageSchema,
  PlanYearResultSchema,
  WorkloadSchema,
} from '../../../domain/validations/validation-planning.schema.ts';
import type { Runtime } from '../../runtime.ts';
import type { ServiceContext } from '../../service-context.ts';
import { startFieldworkIfDue } from './validation-scheduling.service.ts';
import { findValidation } from './validations.repository.ts';
import { validationHours } from './validations.tables.ts';

/**
 * Planning and scheduling of validations (issue 6, items 1 and 2): the due list per office and
 * plan year, planning one validation and its refusals, the annual plan, assignment, the
 * workload, scheduling with the written notice and its refusals ("Bad input": in the past,
 * inside the notice period without an override reason), MRA sites, cancellation, the start of
 * fieldwork, and the member's own list and view (another tenant's is a 404).
 *
 * Today is TEST_NOW, 2026-11-29. Every list is narrowed to this file's CBP offices: the
 * PostgreSQL database may be shared with other files.
 */

/**
 * A clock that moves 1 ms at each reading from TEST_NOW, as separate requests do: the timeline of
 * a validation is ordered by time, which a fixed clock would leave to chance.
 */
function tickingClock(start: Date): Clock {
  let current = start.getTime();
  return {
    now: () => {
      current += 1;
      return new Date(current);
    },
  };
}

let built: TestApp | null = null;
const testApp = {
  get app() {
    if (!built) throw new Error('the app is built in beforeAll');
    return built.app;
  },
  get database() {
    if (!built) throw new Error('the app is built in beforeAll');
    return built.database;
  },
};

afterAll(async () => {
  await built?.close();
});
const call = apiCaller(testApp);

let officeA: Organisation;
let officeB: Organisation;
let supervisor: SignedIn;
let manager: SignedIn;
let spec1: TestUser;
let spec1Session: SignedIn;
let spec2: TestUser;
let spec2Session: SignedIn;
let spec3: TestUser;

interface Member {
  id: string;
  officer: SignedIn;
}

/** A member company holding a tier, with its registry dates, office and specialist. */
async function member(spec: {
  status?: TierStatus | 'suspended';
  certifiedOn: string;
  validatedOn?: string;
  lastValidatedOn?: string;
  office: Organisation;
  specialist?: TestUser | null;
}): Promise<Member> {
  const db = testApp.database.db;
  const organisation = await createOrganisation(db, {
    legalName: `Validated ${randomUUID().slice(0, 6)}`,
  });
  const status = spec.status ?? 'certified';
  await insertCertifiedMembership(db, organisation.id, {
    at: new Date(`${spec.certifiedOn}T12:00:00Z`),
    status: status === 'suspended' ? 'validated' : status,
  });
  await db.execute(sql`update partner_memberships set
      certified_on = ${spec.certifiedOn}::date,
      validated_on = ${spec.validatedOn ?? null}::date,
      last_validated_on = ${spec.lastValidatedOn ?? spec.validatedOn ?? null}::date,
      cbp_office_id = ${spec.office.id},
      assigned_specialist_user_id = ${spec.specialist?.id ?? null}
    where organisation_id = ${organisation.id}`);
  if (status === 'suspended') {
    await db.execute(sql`update partner_memberships set status = 'suspended',
        held_status = 'validated', tier = null where organisation_id = ${organisation.id}`);
  }
  const officerUser = await createUser(db, { role: 'company_officer', organisation });
  return { id: organisation.id, officer: await signInWithMfaSettled(testApp.app, db, officerUser) };
}

let initialDue: Member; // certified 2025-12-10: initial due 2026-12-10
let overdue: Member; // validated 2022-06-01: revalidation due 2026-06-01 (overdue)
let nextYear: Member; // validated 2023-03-01: revalidation due 2027-03-01
let suspended: Member;
let otherOffice: Member; // office B, initial due 2026-12-01

beforeAll(async () => {
  built = await buildTestApp({ clock: tickingClock(TEST_NOW) });
  const db = testApp.database.db;
  officeA = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  officeB = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const supervisorUser = await createUser(db, { role: 'supervisory_scss', organisation: officeA });
  const managerUser = await createUser(db, { role: 'program_manager', organisation: officeA });
  spec1 = await createUser(db, { role: 'scss', organisation: officeA });
  spec2 = await createUser(db, { role: 'scss', organisation: officeA });
  spec3 = await createUser(db, { role: 'scss', organisation: officeB });
  supervisor = await signInWithMfaSettled(testApp.app, db, supervisorUser);
  manager = await signInWithMfaSettled(testApp.app, db, managerUser);
  spec1Session = await signInWithMfaSettled(testApp.app, db, spec1);
  spec2Session = await signInWithMfaSettled(testApp.app, db, spec2);
  initialDue = await member({ certifiedOn: '2025-12-10', office: officeA, specialist: spec1 });
  overdue = await member({
    status: 'validated',
    certifiedOn: '2021-05-01',
    validatedOn: '2022-06-01',
    office: officeA,
    specialist: null,
  });
  nextYear = await member({
    status: 'validated_exceeds',
    certifiedOn: '2018-01-01',
    validatedOn: '2019-03-01',
    lastValidatedOn: '2023-03-01',
    office: officeA,
    specialist: spec2,
  });
  suspended = await member({
    status: 'suspended',
    certifiedOn: '2020-01-01',
    validatedOn: '2021-01-01',
    office: officeA,
  });
  otherOffice = await member({ certifiedOn: '2025-12-01', office: officeB, specialist: spec3 });
}, 120_000);

async function due(query: string) {
  const response = await call('GET', `/api/v1/cbp/validations/due?${query}`, supervisor);
  expect(response.statusCode, response.body).toBe(200);
  return DueMemberPageSchema.parse(response.json());
}

async function plan(body: Record<string, unknown>, session = supervisor) {
  return call('POST', '/api/v1/cbp/validations', session, body);
}

async function planned(body: Record<string, unknown>): Promise<ValidationView> {
  const response = await plan(body);
  expect(response.statusCode, response.body).toBe(201);
  return ValidationViewSchema.parse(response.json());
}

async function cbpView(id: string): Promise<ValidationView> {
  const response = await call('GET', `/api/v1/cbp/validations/${id}`, supervisor);
  expect(response.statusCode, response.body).toBe(200);
  return ValidationViewSchema.parse(response.json());
}

async function inbox(session: SignedIn) {
  const response = await call('GET', '/api/v1/notifications?limit=100', session);
  return response.json().items as { kind: string; params: Record<string, string> }[];
}

const domesticSite = (visitOn: string | null = null) => ({
  name: 'Headquarters',
  address: '1 Harbor Road, Baltimore MD',
  countryCode: 'US',
  visitOn,
  agenda: [{ time: '09:00', topic: 'Opening meeting' }],
});
const participants = [
  { side: 'cbp', name: 'Sam Specialist', title: 'SCSS', email: 'sam@cbp.example' },
  { side: 'member', name: 'Pat Member', title: 'Security manager', email: 'pat@example.com' },
];

function scheduleBody(view: ValidationView, overrides: Record<string, unknown> = {}) {
  return {
    expectedVersion: view.version,
    mode: 'in_person',
    startsOn: '2027-01-12',
    endsOn: '2027-01-13',
    sites: [domesticSite('2027-01-12')],
    participants,
    ...overrides,
  };
}

describe('the due list', () => {
  it('lists this year’s members of the office by due date, overdue first, and not other states or offices', async () => {
    const page = await due(`year=2026&officeId=${officeA.id}`);
    expect(
      page.items.map((item) => [item.organisationId, item.kind, item.dueOn, item.overdue]),
    ).toEqual([
      [overdue.id, 'revalidation', '2026-06-01', true],
      [initialDue.id, 'initial', '2026-12-10', false],
    ]);
    expect(page.items[1]).toMatchObject({
      membershipStatus: 'certified',
      planYear: 2026,
      assignedSpecialist: { id: spec1.id },
      office: { id: officeA.id },
      citation: '6 U.S.C. 965(a)',
    });
    expect(page.items[0]?.statutoryDueOn).toBe('2026-06-01');
    // Defaults to this year; another office's members are not listed.
    const defaulted = await due(`officeId=${officeA.id}`);
    expect(defaulted.items.map((item) => item.organisationId)).toEqual([overdue.id, initialDue.id]);
    expect((await due(`officeId=${officeB.id}`)).items.map((item) => item.organisationId)).toEqual([
      otherOffice.id,
    ]);
  });

  it('lists next year’s revalidations in next year, and nothing in a past year', async () => {
    const page = await due(`year=2027&officeId=${officeA.id}`);
    expect(page.items.map((item) => [item.organisationId, item.dueOn])).toEqual([
      [nextYear.id, '2027-03-01'],
    ]);
    expect((await due(`year=2025&officeId=${officeA.id}`)).items).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await due(`year=2026&officeId=${officeA.id}&limit=1`);
    expect(first.items.map((item) => item.organisationId)).toEqual([overdue.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await due(`year=2026&officeId=${officeA.id}&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.organisationId)).toEqual([initialDue.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('is for those who plan: a specialist is refused', async () => {
    const response = await call('GET', '/api/v1/cbp/validations/due', spec1Session);
    expect(response.statusCode).toBe(403);
  });
});

describe('planning one validation', () => {
  it('refuses what the member is not due for, naming why', async () => {
    const wrongKind = await plan({
      organisationId: initialDue.id,
      kind: 'revalidation',
      planYear: 2026,
    });
    expect(wrongKind.statusCode).toBe(409);
    expect(wrongKind.json().error.details).toMatchObject({
      reason: 'wrong_kind',
      dueKind: 'initial',
      dueOn: '2026-12-10',
    });
    const notInTier = await plan({
      organisationId: suspended.id,
      kind: 'revalidation',
      planYear: 2026,
    });
    expect(notInTier.statusCode).toBe(409);
    expect(notInTier.json().error.details.reason).toBe('not_in_tier');
    const company = await createOrganisation(testApp.database.db);
    const notMember = await plan({ organisationId: company.id, kind: 'initial', planYear: 2026 });
    expect(notMember.statusCode).toBe(409);
    expect(notMember.json().error.details.reason).toBe('not_a_member');
    const office = await plan({ organisationId: officeA.id, kind: 'initial', planYear: 2026 });
    expect(office.statusCode).toBe(404);
  });

  it('refuses a past plan year, a year after the due date, and for cause without a reason', async () => {
    const past = await plan({ organisationId: initialDue.id, kind: 'initial', planYear: 2025 });
    expect(past.statusCode).toBe(400);
    expect(issuePaths(past)).toEqual(['body.planYear']);
    const late = await plan({ organisationId: initialDue.id, kind: 'initial', planYear: 2027 });
    expect(issuePaths(late)).toEqual(['body.planYear']);
    expect(late.json().error.details.issues[0].message).toContain('2026-12-10');
    const noReason = await plan({
      organisationId: initialDue.id,
      kind: 'for_cause',
      planYear: 2026,
    });
    expect(issuePaths(noReason)).toEqual(['body.reason']);
    const notSpecialist = await plan({
      organisationId: initialDue.id,
      kind: 'initial',
      planYear: 2026,
      specialistUserId: randomUUID(),
    });
    expect(issuePaths(notSpecialist)).toEqual(['body.specialistUserId']);
  });

  it('plans the initial validation with the member’s specialist, who is told; a second open one is refused', async () => {
    const view = await planned({ organisationId: initialDue.id, kind: 'initial', planYear: 2026 });
    expect(view).toMatchObject({
      status: 'planned',
      kind: 'initial',
      dueOn: '2026-12-10',
      planYear: 2026,
      overdue: false,
      specialist: { id: spec1.id },
      office: { id: officeA.id },
      minimumNoticeDays: 30,
      noticeProvisional: true,
      version: 1,
    });
    expect(view.events.map((event) => event.kind)).toEqual(['planned']);
    expect(await auditActionsOn(testApp.database.db, view.id)).toEqual(['validation.planned']);
    const told = (await inbox(spec1Session)).filter((n) => n.kind === 'validation_assigned');
    expect(told.some((n) => n.params.dueOn === '2026-12-10')).toBe(true);

    const again = await plan({ organisationId: initialDue.id, kind: 'initial', planYear: 2026 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({
      reason: 'open_validation',
      validationId: view.id,
    });
    // No longer due: it has an open validation.
    const page = await due(`year=2026&officeId=${officeA.id}`);
    expect(page.items.map((item) => item.organisationId)).toEqual([overdue.id]);
  });
});

describe('the annual plan', () => {
  it('plans every due member of the office for the year in one go, then nothing more', async () => {
    const response = await call('POST', '/api/v1/cbp/validations/plan', manager, {
      officeId: officeA.id,
      year: 2026,
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = PlanYearResultSchema.parse(response.json());
    expect(result).toMatchObject({
      planned: 1,
      initial: 0,
      revalidation: 1,
      assigned: 0,
      unassigned: 1,
      overdue: 1,
    });
    const created = await cbpView(result.validationIds[0] ?? '');
    expect(created).toMatchObject({
      organisationId: overdue.id,
      kind: 'revalidation',
      dueOn: '2026-06-01',
      overdue: true,
      specialist: null,
      office: { id: officeA.id },
    });
    expect((await due(`year=2026&officeId=${officeA.id}`)).items).toEqual([]);
    const rerun = await call('POST', '/api/v1/cbp/validations/plan', manager, {
      officeId: officeA.id,
      year: 2026,
    });
    expect(PlanYearResultSchema.parse(rerun.json()).planned).toBe(0);
  });

  it('plans next year with the members’ specialists, each told once with a count', async () => {
    const response = await call('POST', '/api/v1/cbp/validations/plan', supervisor, {
      officeId: officeA.id,
      year: 2027,
    });
    const result = PlanYearResultSchema.parse(response.json());
    expect(result).toMatchObject({ planned: 1, revalidation: 1, assigned: 1, overdue: 0 });
    const told = (await inbox(spec2Session)).filter((n) => n.kind === 'validation_plan_assigned');
    expect(told.map((n) => [n.params.year, n.params.number])).toEqual([['2027', '1']]);
  });

  it('refuses a past year and an organisation that is not a CBP office', async () => {
    const past = await call('POST', '/api/v1/cbp/validations/plan', supervisor, {
      officeId: officeA.id,
      year: 2025,
    });
    expect(issuePaths(past)).toEqual(['body.year']);
    const notOffice = await call('POST', '/api/v1/cbp/validations/plan', supervisor, {
      officeId: initialDue.id,
      year: 2026,
    });
    expect(issuePaths(notOffice)).toEqual(['body.officeId']);
  });
});

async function openValidationOf(organisationId: string): Promise<ValidationView> {
  const response = await call(
    'GET',
    `/api/v1/cbp/validations?officeId=${officeA.id}&open=true&limit=100`,
    supervisor,
  );
  const found = ValidationPageSchema.parse(response.json()).items.find(
    (item) => item.organisationId === organisationId,
  );
  if (!found) throw new Error(`no open validation for ${organisationId}`);
  return cbpView(found.id);
}

describe('the list and assignment', () => {
  it('filters by office, plan year, specialist and kind', async () => {
    const list = async (query: string) => {
      const response = await call('GET', `/api/v1/cbp/validations?${query}`, manager);
      expect(response.statusCode, response.body).toBe(200);
      return ValidationPageSchema.parse(response.json()).items.map((item) => item.organisationId);
    };
    expect(await list(`officeId=${officeA.id}&year=2026`)).toEqual([overdue.id, initialDue.id]);
    expect(await list(`officeId=${officeA.id}&year=2027`)).toEqual([nextYear.id]);
    expect(await list(`specialistId=${spec1.id}`)).toEqual([initialDue.id]);
    expect(await list(`officeId=${officeA.id}&kind=initial`)).toEqual([initialDue.id]);
    expect(await list(`officeId=${officeA.id}&open=false`)).toEqual([]);
  });

  it('assigns and re-assigns; the office follows the specialist, who is told', async () => {
    const view = await openValidationOf(overdue.id);
    const stale = await call('POST', `/api/v1/cbp/validations/${view.id}/assignment`, supervisor, {
      specialistUserId: spec2.id,
      expectedVersion: view.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const notSpecialist = await call(
      'POST',
      `/api/v1/cbp/validations/${view.id}/assignment`,
      supervisor,
      { specialistUserId: randomUUID(), expectedVersion: view.version },
    );
    expect(issuePaths(notSpecialist)).toEqual(['body.specialistUserId']);
    const assigned = await call(
      'POST',
      `/api/v1/cbp/validations/${view.id}/assignment`,
      supervisor,
      {
        specialistUserId: spec2.id,
        expectedVersion: view.version,
      },
    );
    expect(assigned.statusCode, assigned.body).toBe(200);
    const afterAssign = ValidationViewSchema.parse(assigned.json());
    expect(afterAssign).toMatchObject({ specialist: { id: spec2.id }, office: { id: officeA.id } });
    expect((await inbox(spec2Session)).some((n) => n.kind === 'validation_assigned')).toBe(true);

    const moved = await call('POST', `/api/v1/cbp/validations/${view.id}/assignment`, supervisor, {
      specialistUserId: spec3.id,
      expectedVersion: afterAssign.version,
    });
    const afterMove = ValidationViewSchema.parse(moved.json());
    expect(afterMove).toMatchObject({ specialist: { id: spec3.id }, office: { id: officeB.id } });
    expect(afterMove.events.map((event) => event.kind)).toEqual([
      'planned',
      'assigned',
      'reassigned',
    ]);
    // Back to office A for the scheduling tests.
    const back = await call('POST', `/api/v1/cbp/validations/${view.id}/assignment`, supervisor, {
      specialistUserId: spec2.id,
      expectedVersion: afterMove.version,
    });
    expect(back.statusCode).toBe(200);
    expect(await auditActionsOn(testApp.database.db, view.id)).toEqual([
      'validation.planned',
      'validation.assigned',
      'validation.assigned',
      'validation.assigned',
    ]);
  });
});

describe('scheduling', () => {
  it('lets a specialist schedule only their own validation (403 otherwise)', async () => {
    const view = await openValidationOf(initialDue.id); // assigned to spec1
    const response = await call(
      'PUT',
      `/api/v1/cbp/validations/${view.id}/schedule`,
      spec2Session,
      scheduleBody(view),
    );
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('FORBIDDEN');
  });

  it('refuses a start in the past and a notice inside the minimum without a reason, naming the field', async () => {
    const view = await openValidationOf(initialDue.id);
    const url = `/api/v1/cbp/validations/${view.id}/schedule`;
    const past = await call('PUT', url, spec1Session, {
      ...scheduleBody(view),
      startsOn: '2026-11-20',
      endsOn: '2026-11-21',
      sites: [domesticSite(null)],
    });
    expect(past.statusCode).toBe(400);
    expect(issuePaths(past)).toEqual(['body.startsOn']);
    expect(past.json().error.details.issues[0].message).toMatch(/in the past/);

    const short = await call('PUT', url, spec1Session, {
      ...scheduleBody(view),
      startsOn: '2026-12-20',
      endsOn: '2026-12-21',
      sites: [domesticSite('2026-12-21')],
    });
    expect(short.statusCode).toBe(400);
    expect(issuePaths(short)).toEqual(['body.startsOn']);
    expect(short.json().error.details.issues[0].message).toContain('2026-12-29');

    // A foreign site that needs a CBP visit: 60 days.
    const foreign = await call('PUT', url, spec1Session, {
      ...scheduleBody(view),
      startsOn: '2027-01-10',
      endsOn: '2027-01-14',
      sites: [domesticSite('2027-01-10'), { ...domesticSite('2027-01-13'), countryCode: 'VN' }],
    });
    expect(issuePaths(foreign)).toEqual(['body.startsOn']);
    expect(foreign.json().error.details.issues[0].message).toContain('2027-01-28');

    const outside = await call('PUT', url, spec1Session, {
      ...scheduleBody(view),
      sites: [domesticSite('2027-01-20')],
    });
    expect(issuePaths(outside)).toEqual(['body.sites.0.visitOn']);
    const mraAtHome = await call('PUT', url, spec1Session, {
      ...scheduleBody(view),
      sites: [{ ...domesticSite('2027-01-12'), mraProgramId: 'mx-oea' }],
    });
    expect(issuePaths(mraAtHome)).toEqual(['body.sites.0.mraProgramId']);
    const unknownMra = await call('PUT', url, spec1Session, {
      ...scheduleBody(view),
      sites: [{ ...domesticSite('2027-01-12'), countryCode: 'MX', mraProgramId: 'xx-nothing' }],
    });
    expect(issuePaths(unknownMra)).toEqual(['body.sites.0.mraProgramId']);
    // Nothing changed.
    expect((await cbpView(view.id)).status).toBe('planned');
  });

  it('schedules with an MRA foreign site (no CBP visit, 30 days) and sends the written notice', async () => {
    const view = await openValidationOf(initialDue.id);
    const response = await call(
      'PUT',
      `/api/v1/cbp/validations/${view.id}/schedule`,
      spec1Session,
      scheduleBody(view, {
        startsOn: '2027-01-05',
        endsOn: '2027-01-08',
        sites: [
          domesticSite('2027-01-05'),
          {
            name: 'Supplier plant',
            address: 'Av. Industria 5, Monterrey',
            countryCode: 'mx',
            mraProgramId: 'mx-oea',
            visitOn: null,
            agenda: [],
          },
        ],
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const scheduled = ValidationViewSchema.parse(response.json());
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      startsOn: '2027-01-05',
      endsOn: '2027-01-08',
      noticeSentOn: '2026-11-29',
      noticeOverrideReason: null,
      minimumNoticeDays: 30,
    });
    expect(
      scheduled.sites.map((site) => [site.location, site.cbpVisitRequired, site.mraProgram?.id]),
    ).toEqual([
      ['domestic', true, undefined],
      ['foreign', false, 'mx-oea'],
    ]);
    expect(scheduled.sites[1]?.mraProgram?.name).toMatch(/Mexico/);
    expect(scheduled.sites[0]?.agenda).toEqual([{ time: '09:00', topic: 'Opening meeting' }]);
    expect(scheduled.participants.map((p) => p.side)).toEqual(['cbp', 'member']);
    const notices = (await inbox(initialDue.officer)).filter(
      (n) => n.kind === 'validation_scheduled',
    );
    expect(notices.map((n) => [n.params.startsOn, n.params.endsOn, n.params.change])).toEqual([
      ['2027-01-05', '2027-01-08', 'scheduled'],
    ]);
    expect(notices[0]?.params.sites).toContain('MRA partner program: no CBP visit');
    expect(await auditActionsOn(testApp.database.db, view.id)).toEqual([
      'validation.planned',
      'validation.scheduled',
    ]);
  });

  it('re-schedules inside the notice with an override reason: new sites, a new notice', async () => {
    const view = await openValidationOf(initialDue.id);
    const stale = await call('PUT', `/api/v1/cbp/validations/${view.id}/schedule`, spec1Session, {
      ...scheduleBody(view),
      expectedVersion: view.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const response = await call(
      'PUT',
      `/api/v1/cbp/validations/${view.id}/schedule`,
      supervisor,
      scheduleBody(view, {
        mode: 'virtual',
        startsOn: '2026-12-15',
        endsOn: '2026-12-15',
        noticeOverrideReason: 'The member asked for an earlier date',
        sites: [domesticSite('2026-12-15')],
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const again = ValidationViewSchema.parse(response.json());
    expect(again).toMatchObject({
      status: 'scheduled',
      mode: 'virtual',
      noticeOverrideReason: 'The member asked for an earlier date',
    });
    expect(again.sites).toHaveLength(1);
    expect(again.events.map((event) => event.kind)).toEqual([
      'planned',
      'scheduled',
      'rescheduled',
    ]);
    const notices = (await inbox(initialDue.officer)).filter(
      (n) => n.kind === 'validation_scheduled',
    );
    expect(notices.map((n) => n.params.change).sort()).toEqual(['rescheduled', 'scheduled']);
  });

  it('starts fieldwork when the first day has come, not before', async () => {
    const view = await openValidationOf(initialDue.id);
    const db = testApp.database.db;
    const ctx = (today: Date): ServiceContext => ({
      db,
      actor: { kind: 'operator', command: 'test', permissions: new Set() },
      clock: fixedClock(today),
      log: testApp.app.log,
      requestId: null,
      clientAddress: null,
      runtime: {} as Runtime,
    });
    const early = await db.transaction(async (tx) => {
      const row = await findValidation(tx, view.id, null, { forUpdate: true });
      if (!row) throw new Error('missing');
      return startFieldworkIfDue(ctx(TEST_NOW), tx, row);
    });
    expect(early.status).toBe('scheduled');
    const started = await db.transaction(async (tx) => {
      const row = await findValidation(tx, view.id, null, { forUpdate: true });
      if (!row) throw new Error('missing');
      const at = new Date('2026-12-15T08:00:00Z');
      return startFieldworkIfDue(ctx(at), tx, row, calendarDate('2026-12-15'));
    });
    expect(started).toMatchObject({ status: 'fieldwork', version: view.version + 1 });
    expect((await auditActionsOn(db, view.id)).at(-1)).toBe('validation.fieldwork_started');
    // Fieldwork cannot be re-scheduled.
    const response = await call(
      'PUT',
      `/api/v1/cbp/validations/${view.id}/schedule`,
      supervisor,
      scheduleBody({ ...view, version: started.version }),
    );
    expect(response.statusCode).toBe(409);
  });
});

describe('cancellation', () => {
  it('cancels with a reason before the report, telling the member and the specialist', async () => {
    const view = await openValidationOf(initialDue.id);
    const noReason = await call('POST', `/api/v1/cbp/validations/${view.id}/cancel`, supervisor, {
      reason: ' ',
      expectedVersion: view.version,
    });
    expect(issuePaths(noReason)).toEqual(['body.reason']);
    const response = await call('POST', `/api/v1/cbp/validations/${view.id}/cancel`, supervisor, {
      reason: 'The member withdrew from the program',
      expectedVersion: view.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(ValidationViewSchema.parse(response.json())).toMatchObject({
      status: 'cancelled',
      reason: 'The member withdrew from the program',
    });
    expect((await inbox(initialDue.officer)).some((n) => n.kind === 'validation_cancelled')).toBe(
      true,
    );
    expect((await inbox(spec1Session)).some((n) => n.kind === 'validation_cancelled')).toBe(true);
    const twice = await call('POST', `/api/v1/cbp/validations/${view.id}/cancel`, supervisor, {
      reason: 'again',
      expectedVersion: view.version + 1,
    });
    expect(twice.statusCode).toBe(409);
    // The member is due again.
    const page = await due(`year=2026&officeId=${officeA.id}`);
    expect(page.items.map((item) => item.organisationId)).toEqual([initialDue.id]);
  });

  it('refuses once the report is issued', async () => {
    const company = await member({ certifiedOn: '2025-06-01', office: officeB });
    const { id } = await insertValidation(testApp.database.db, {
      organisationId: company.id,
      at: TEST_NOW,
      status: 'report_issued',
      officeId: officeB.id,
      startsOn: '2026-10-01',
      endsOn: '2026-10-02',
    });
    const response = await call('POST', `/api/v1/cbp/validations/${id}/cancel`, supervisor, {
      reason: 'too late',
      expectedVersion: 1,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/report .* was issued/);
  });
});

describe('the workload', () => {
  it('counts open validations per specialist by status, due this year, overdue, and hours of the year', async () => {
    const db = testApp.database.db;
    const mine = await openValidationOf(overdue.id); // spec2, 2026 plan, overdue
    const hours = (workedOn: string, minutes: number) => ({
      id: randomUUID(),
      validationId: mine.id,
      userId: spec2.id,
      activity: 'planning' as const,
      workedOn,
      minutes,
      recordedAt: TEST_NOW,
    });
    await db
      .insert(validationHours)
      .values([hours('2026-03-02', 90), hours('2026-03-03', 45), hours('2025-12-30', 600)]);
    const response = await call(
      'GET',
      `/api/v1/cbp/validations/workload?officeId=${officeA.id}&year=2026`,
      supervisor,
    );
    expect(response.statusCode, response.body).toBe(200);
    const workload = WorkloadSchema.parse(response.json());
    const line = (id: string | null) =>
      workload.items.find((item) => (item.specialist?.id ?? null) === id);
    // spec2: the overdue revalidation (2026) and the 2027 revalidation, both planned.
    expect(line(spec2.id)).toMatchObject({
      open: { planned: 2, scheduled: 0, fieldwork: 0 },
      openTotal: 2,
      dueThisYear: 1,
      overdue: 1,
      hoursRecorded: 2.25,
    });
    // spec1's validation was cancelled.
    expect(line(spec1.id)).toMatchObject({ openTotal: 0, dueThisYear: 0, hoursRecorded: 0 });
    expect(line(null)).toMatchObject({ openTotal: 0 });
    expect(line(spec3.id)).toBeUndefined();
    const next = WorkloadSchema.parse(
      (
        await call(
          'GET',
          `/api/v1/cbp/validations/workload?officeId=${officeA.id}&year=2027`,
          supervisor,
        )
      ).json(),
    );
    expect(next.items.find((item) => item.specialist?.id === spec2.id)).toMatchObject({
      dueThisYear: 1,
      hoursRecorded: 0,
    });
  });
});

describe('the member’s validations', () => {
  it('lists and opens its own; another company’s answers 404', async () => {
    const list = await call('GET', '/api/v1/validations', initialDue.officer);
    expect(list.statusCode, list.body).toBe(200);
    const items = ValidationPageSchema.parse(list.json()).items;
    expect(items.map((item) => [item.organisationId, item.status])).toEqual([
      [initialDue.id, 'cancelled'],
    ]);
    const own = await call('GET', `/api/v1/validations/${items[0]?.id}`, initialDue.officer);
    expect(own.statusCode).toBe(200);
    expect(ValidationViewSchema.parse(own.json()).sites.map((site) => site.name)).toEqual([
      'Headquarters',
    ]);
    const theirs = await openValidationOf(overdue.id);
    const other = await call('GET', `/api/v1/validations/${theirs.id}`, initialDue.officer);
    expect(other.statusCode).toBe(404);
    expect(errorCode(other)).toBe('NOT_FOUND');
    const cbpOnly = await call('GET', `/api/v1/cbp/validations/${theirs.id}`, initialDue.officer);
    expect(cbpOnly.statusCode).toBe(403);
  });
});
