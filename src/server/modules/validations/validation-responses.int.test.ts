import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { insertCertifiedMembership } from '../../../../tests/factories/certified-member.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  applicableCriterionIds,
  insertLinkedEvidence,
} from '../../../../tests/factories/security-profile.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { insertValidation } from '../../../../tests/factories/validation.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import { MemberPageSchema } from '../../../domain/registry/member-queue.schema.ts';
import { MembershipFileSchema } from '../../../domain/registry/registry.schema.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { fixedClock } from '../../../domain/time/clock.ts';
import { RequiredActionsViewSchema } from '../../../domain/validations/validation-responses.schema.ts';
import type { ValidationOutcome } from '../../../domain/validations/validation-vocabulary.ts';
import { runValidationResponseReminders } from './validation-reminders.ts';
import { validationFindings, validations } from './validations.tables.ts';

/**
 * Responses to a validation report's required actions and the outcome (issue 6, items 6 and 7):
 * the member answers each required action (corrective plan, date, its own evidence), the
 * specialist accepts or returns, the last acceptance closes the validation and records Tier II
 * or III in the registry with the approving supervisor as authority; the suspension path; the
 * reminders; the suspension risk on the CBP work queue; tenancy.
 *
 * Validations are written straight in the database at "report issued" (the report's own tests
 * walk there). The database may be shared with other files (PostgreSQL): every read is narrowed
 * to this file's companies and validations. Today is TEST_NOW (2026-11-29); reports are issued
 * on 2026-11-20 with responses due on 2027-02-18 (90 days).
 */

const testApp = setUpTestApp();
const call = apiCaller(testApp);
const TAG = randomUUID().slice(0, 6);
const ISSUED_ON = '2026-11-20';
const DUE_ON = '2027-02-18';

let office: Organisation;
let specialist: TestUser;
let specialistSession: SignedIn;
let otherSpecialistSession: SignedIn;
let supervisor: TestUser;
let supervisorSession: SignedIn;
let musts: string[];

beforeAll(async () => {
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  specialist = await createUser(db, { role: 'scss', organisation: office });
  supervisor = await createUser(db, { role: 'supervisory_scss', organisation: office });
  const otherSpecialist = await createUser(db, { role: 'scss', organisation: office });
  specialistSession = await signInWithMfaSettled(testApp.app, db, specialist);
  supervisorSession = await signInWithMfaSettled(testApp.app, db, supervisor);
  otherSpecialistSession = await signInWithMfaSettled(testApp.app, db, otherSpecialist);
  musts = (await applicableCriterionIds(db)).musts;
}, 60_000);

interface Member {
  company: Organisation;
  officer: TestUser;
  session: SignedIn;
}

let memberCount = 0;
async function newMember(): Promise<Member> {
  const db = testApp.database.db;
  memberCount += 1;
  const company = await createOrganisation(db, { legalName: `Responder ${TAG} ${memberCount}` });
  await insertCertifiedMembership(db, company.id, { at: new Date('2024-06-01T12:00:00Z') });
  const officer = await createUser(db, { role: 'company_officer', organisation: company });
  return { company, officer, session: await signInWithMfaSettled(testApp.app, db, officer) };
}

/** A validation whose approved report is issued, with a required action per criterion. */
async function issuedValidation(
  member: Member,
  options: {
    recommended?: ValidationOutcome;
    criteria?: readonly string[];
    status?: 'report_issued' | 'fieldwork';
    dueOn?: string;
  } = {},
) {
  const db = testApp.database.db;
  const { id } = await insertValidation(db, {
    organisationId: member.company.id,
    at: TEST_NOW,
    status: options.status ?? 'report_issued',
    officeId: office.id,
    specialistUserId: specialist.id,
    noticeSentOn: '2026-09-01',
    startsOn: '2026-10-05',
    endsOn: '2026-10-06',
  });
  await db
    .update(validations)
    .set({
      reportSummary: 'Seals and access control need work.',
      recommendedOutcome: options.recommended ?? 'meets',
      reportAuthorUserId: specialist.id,
      reportSubmittedAt: new Date('2026-11-10T12:00:00Z'),
      ...(options.status === 'fieldwork'
        ? {}
        : {
            reportApprovedByUserId: supervisor.id,
            reportIssuedOn: ISSUED_ON,
            responsesDueOn: options.dueOn ?? DUE_ON,
          }),
    })
    .where(sql`${validations.id} = ${id}`);
  const findingIds: string[] = [];
  for (const criterionId of options.criteria ?? musts.slice(0, 2)) {
    const findingId = randomUUID();
    findingIds.push(findingId);
    await db.insert(validationFindings).values({
      id: findingId,
      validationId: id,
      criterionId,
      rating: 'required_action',
      notes: `Required action on ${criterionId}: the seal log is not kept.`,
      recordedByUserId: specialist.id,
      recordedAt: TEST_NOW,
      updatedAt: TEST_NOW,
    });
  }
  return { id, findingIds };
}

async function evidenceOf(member: Member, title = 'Seal log') {
  const { evidenceId } = await insertLinkedEvidence(
    testApp.database.db,
    member.company.id,
    musts[0] ?? '',
    { at: TEST_NOW, title },
  );
  return evidenceId;
}

function respond(
  member: Member,
  validationId: string,
  findingId: string,
  body: Record<string, unknown> = {},
) {
  return call(
    'POST',
    `/api/v1/validations/${validationId}/required-actions/${findingId}/responses`,
    member.session,
    { correctivePlan: 'Keep a seal log at every gate.', targetOn: '2026-12-31', ...body },
  );
}

function decide(
  validationId: string,
  responseId: string,
  body: Record<string, unknown>,
  session = specialistSession,
) {
  return call(
    'POST',
    `/api/v1/cbp/validations/${validationId}/responses/${responseId}/decision`,
    session,
    body,
  );
}

async function memberView(member: Member, validationId: string) {
  const response = await call(
    'GET',
    `/api/v1/validations/${validationId}/required-actions`,
    member.session,
  );
  expect(response.statusCode, response.body).toBe(200);
  return RequiredActionsViewSchema.parse(response.json());
}

/** The id of the latest response to a required action, from a view. */
function latestResponseId(view: z.infer<typeof RequiredActionsViewSchema>, findingId: string) {
  const item = view.items.find((one) => one.findingId === findingId);
  const id = item?.responses.at(-1)?.id;
  if (!id) throw new Error(`no response to ${findingId}`);
  return id;
}

async function answerAndAccept(member: Member, validationId: string, findingId: string) {
  const answered = await respond(member, validationId, findingId);
  expect(answered.statusCode, answered.body).toBe(201);
  const responseId = latestResponseId(RequiredActionsViewSchema.parse(answered.json()), findingId);
  const accepted = await decide(validationId, responseId, { decision: 'accepted' });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return RequiredActionsViewSchema.parse(accepted.json());
}

async function memberFile(organisationId: string) {
  const response = await call(
    'GET',
    `/api/v1/registry/members/${organisationId}`,
    supervisorSession,
  );
  expect(response.statusCode, response.body).toBe(200);
  return MembershipFileSchema.parse(response.json());
}

async function inboxKinds(session: SignedIn) {
  const response = await call('GET', '/api/v1/notifications?limit=100', session);
  return (response.json().items as { kind: string; params: Record<string, string> }[]).map(
    (item) => item,
  );
}

describe('the member’s required actions', () => {
  it('lists each required action with its criterion, the specialist’s notes and the provisional deadline', async () => {
    const member = await newMember();
    const { id, findingIds } = await issuedValidation(member);
    const view = await memberView(member, id);
    expect(view.items.map((item) => item.findingId).sort()).toEqual([...findingIds].sort());
    const first = view.items[0];
    expect(first?.state).toBe('awaiting_response');
    expect(first?.criterion.text).toBeTruthy();
    expect(first?.notes).toContain('seal log is not kept');
    expect(view.deadline).toMatchObject({ due: DUE_ON, provisional: true, daysLeft: 81 });
    expect(view.deadline?.citation).toContain('UNVERIFIED');
    expect(view).toMatchObject({ open: 2, overdue: 0, suspensionRisk: false });
  });

  it('shows nothing before the report is issued, and another company’s validation is a 404', async () => {
    const member = await newMember();
    const other = await newMember();
    const draft = await issuedValidation(member, { status: 'fieldwork' });
    expect((await memberView(member, draft.id)).items).toEqual([]);
    const answer = await respond(member, draft.id, draft.findingIds[0] ?? '');
    expect(answer.statusCode).toBe(404);

    const issued = await issuedValidation(other);
    for (const response of [
      await call('GET', `/api/v1/validations/${issued.id}/required-actions`, member.session),
      await respond(member, issued.id, issued.findingIds[0] ?? ''),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
  });
});

describe('answering a required action', () => {
  it('records the plan, date and own evidence, tells the specialist, and refuses a second while one waits', async () => {
    const member = await newMember();
    const { id, findingIds } = await issuedValidation(member);
    const findingId = findingIds[0] ?? '';
    const evidenceId = await evidenceOf(member);
    const answered = await respond(member, id, findingId, { evidenceIds: [evidenceId] });
    expect(answered.statusCode, answered.body).toBe(201);
    const item = RequiredActionsViewSchema.parse(answered.json()).items.find(
      (one) => one.findingId === findingId,
    );
    expect(item).toMatchObject({ state: 'awaiting_decision' });
    expect(item?.responses).toMatchObject([
      {
        correctivePlan: 'Keep a seal log at every gate.',
        targetOn: '2026-12-31',
        evidence: [{ id: evidenceId, title: 'Seal log', deleted: false }],
        submittedBy: { id: member.officer.id },
        decision: null,
      },
    ]);
    expect(
      (await inboxKinds(specialistSession)).filter(
        (note) =>
          note.kind === 'validation_response_submitted' &&
          note.params.organisation === member.company.legalName,
      ),
    ).toHaveLength(1);
    expect(await auditActionsOn(testApp.database.db, id)).toContain(
      'validation.response_submitted',
    );

    const second = await respond(member, id, findingId);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.reason).toBe('awaiting_decision');
  });

  it('refuses evidence of another company, a target date in the past, and a stale version', async () => {
    const member = await newMember();
    const other = await newMember();
    const { id, findingIds } = await issuedValidation(member);
    const findingId = findingIds[0] ?? '';
    const own = await evidenceOf(member);
    const foreign = await evidenceOf(other);

    const stolen = await respond(member, id, findingId, { evidenceIds: [own, foreign] });
    expect(stolen.statusCode).toBe(400);
    expect(issuePaths(stolen)).toEqual(['body.evidenceIds.1']);

    const past = await respond(member, id, findingId, { targetOn: '2026-11-28' });
    expect(past.statusCode).toBe(400);
    expect(issuePaths(past)).toEqual(['body.targetOn']);

    const stale = await respond(member, id, findingId, { expectedVersion: 99 });
    expect(stale.statusCode).toBe(409);
    // Nothing was recorded by the refused requests.
    expect((await memberView(member, id)).items.every((one) => one.responses.length === 0)).toBe(
      true,
    );
  });
});

describe('the specialist’s decision', () => {
  it('needs a note to return; the member answers again; only the assigned specialist decides', async () => {
    const member = await newMember();
    const { id, findingIds } = await issuedValidation(member);
    const findingId = findingIds[0] ?? '';
    const answered = RequiredActionsViewSchema.parse((await respond(member, id, findingId)).json());
    const responseId = latestResponseId(answered, findingId);

    const notMine = await decide(id, responseId, { decision: 'accepted' }, otherSpecialistSession);
    expect(notMine.statusCode).toBe(403);

    const noNote = await decide(id, responseId, { decision: 'returned', note: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(issuePaths(noNote)).toEqual(['body.note']);

    const returned = await decide(id, responseId, {
      decision: 'returned',
      note: 'Name who keeps the log.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const item = RequiredActionsViewSchema.parse(returned.json()).items.find(
      (one) => one.findingId === findingId,
    );
    expect(item).toMatchObject({ state: 'returned' });
    expect(item?.responses[0]).toMatchObject({
      decision: 'returned',
      decisionNote: 'Name who keeps the log.',
      decidedBy: { id: specialist.id },
    });
    expect(
      (await inboxKinds(member.session)).some(
        (note) =>
          note.kind === 'validation_response_returned' &&
          note.params.note === 'Name who keeps the log.',
      ),
    ).toBe(true);

    // Deciding it again is refused; the member answers again.
    expect((await decide(id, responseId, { decision: 'accepted' })).statusCode).toBe(409);
    const again = await respond(member, id, findingId, {
      correctivePlan: 'The gate lead keeps it.',
    });
    expect(again.statusCode, again.body).toBe(201);
    const history = RequiredActionsViewSchema.parse(again.json()).items.find(
      (one) => one.findingId === findingId,
    )?.responses;
    expect(history?.map((one) => one.decision)).toEqual(['returned', null]);
  });
});

describe('the outcome', () => {
  it('accepting the last required action closes the validation and makes the member Tier II', async () => {
    const member = await newMember();
    const { id, findingIds } = await issuedValidation(member, { recommended: 'meets' });
    const [first, second] = findingIds as [string, string];
    const halfway = await answerAndAccept(member, id, first);
    expect(halfway).toMatchObject({ status: 'report_issued', open: 1, outcome: null });
    expect((await memberFile(member.company.id)).tier).toBe('I');

    const closed = await answerAndAccept(member, id, second);
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'meets',
      closedOn: '2026-11-29',
      nextRevalidationDueOn: '2030-11-29',
      open: 0,
    });
    const file = await memberFile(member.company.id);
    expect(file).toMatchObject({
      state: { status: 'validated' },
      tier: 'II',
      validatedOn: '2026-11-29',
      lastValidatedOn: '2026-11-29',
    });
    // The supervisory specialist who approved the report is the transition's authority; the
    // audit event names the specialist who accepted the last response.
    expect(file.history.at(-1)).toMatchObject({
      transition: 'record_validation_meets',
      actorUserId: supervisor.id,
      actorRole: 'supervisory_scss',
    });
    const audit = await testApp.database.db.execute(
      sql`select actor_user_id from audit_events where target_id = ${member.company.id} and action = 'partner_membership.validated'`,
    );
    expect(RowsSchema(z.object({ actor_user_id: z.string() })).parse(audit).rows).toEqual([
      { actor_user_id: specialist.id },
    ]);
    expect(await auditActionsOn(testApp.database.db, id)).toContain('validation.closed');
    expect(
      (await inboxKinds(member.session))
        .filter((note) => note.params.organisation === member.company.legalName)
        .map((note) => note.kind),
    ).toEqual(expect.arrayContaining(['validation_closed', 'membership_validated']));

    // Responses after closure are refused.
    const late = await respond(member, id, first);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.reason).toBe('closed');
  });

  it('an exceeds recommendation makes the member Tier III', async () => {
    const member = await newMember();
    const { id, findingIds } = await issuedValidation(member, {
      recommended: 'exceeds',
      criteria: [musts[0] ?? ''],
    });
    const closed = await answerAndAccept(member, id, findingIds[0] ?? '');
    expect(closed).toMatchObject({ status: 'closed', outcome: 'exceeds' });
    expect(await memberFile(member.company.id)).toMatchObject({
      state: { status: 'validated_exceeds' },
      tier: 'III',
      validatedOn: '2026-11-29',
    });
  });

  it('a suspension recommendation closes on the suspension path and asks the supervisors to decide', async () => {
    const member = await newMember();
    const { id, findingIds } = await issuedValidation(member, {
      recommended: 'suspension',
      criteria: [musts[0] ?? ''],
    });
    const closed = await answerAndAccept(member, id, findingIds[0] ?? '');
    expect(closed).toMatchObject({ status: 'closed', outcome: 'suspension' });
    // Never validated before: no revalidation date; the registry is untouched (no auto-suspend).
    expect(closed.nextRevalidationDueOn).toBeNull();
    expect(await memberFile(member.company.id)).toMatchObject({
      state: { status: 'certified' },
      tier: 'I',
    });
    expect(
      (await inboxKinds(supervisorSession)).filter(
        (note) =>
          note.kind === 'validation_suspension_decision_due' &&
          note.params.organisation === member.company.legalName,
      ),
    ).toHaveLength(1);
  });
});

describe('reminders', () => {
  it('are sent once per step: 30 and 7 days before the deadline and the first day overdue', async () => {
    const member = await newMember();
    const { id, findingIds } = await issuedValidation(member);
    // One required action answered and waiting: the reminder counts the other one.
    await respond(member, id, findingIds[0] ?? '');
    const run = (day: string) =>
      runValidationResponseReminders(
        {
          db: testApp.database.db,
          clock: fixedClock(new Date(`${day}T12:00:00Z`)),
          smtpConfigured: false,
          publicUrl: 'http://localhost:3000',
          onlyOrganisationId: member.company.id,
        },
        calendarDate(day),
      );
    const dueNotes = async (session: SignedIn, kind: string) =>
      (await inboxKinds(session)).filter(
        (note) => note.kind === kind && note.params.organisation === member.company.legalName,
      );

    await run('2027-01-18');
    expect(await dueNotes(member.session, 'validation_responses_due')).toHaveLength(0);
    await run('2027-01-19');
    await run('2027-01-19');
    await run('2027-01-25');
    const thirty = await dueNotes(member.session, 'validation_responses_due');
    expect(thirty.map((note) => note.params)).toMatchObject([
      { due: DUE_ON, open: '1', daysLeft: '30' },
    ]);
    await run('2027-02-11');
    await run('2027-02-18');
    expect(await dueNotes(member.session, 'validation_responses_due')).toHaveLength(2);
    // The specialist hears only once the deadline has passed.
    expect(await dueNotes(specialistSession, 'validation_responses_overdue')).toHaveLength(0);
    await run('2027-02-19');
    await run('2027-02-20');
    expect(await dueNotes(member.session, 'validation_responses_due')).toHaveLength(3);
    expect(await dueNotes(specialistSession, 'validation_responses_overdue')).toHaveLength(1);
  });
});

describe('suspension risk on the CBP work queue', () => {
  it('shows overdue required actions per member and filters the members at risk', async () => {
    const late = await newMember();
    const onTime = await newMember();
    await issuedValidation(late, { dueOn: '2026-11-25' });
    await issuedValidation(onTime);
    const queue = async (query: string) => {
      const response = await call(
        'GET',
        `/api/v1/registry/members?q=${encodeURIComponent(`Responder ${TAG}`)}&limit=100${query}`,
        specialistSession,
      );
      expect(response.statusCode, response.body).toBe(200);
      return MemberPageSchema.parse(response.json()).items;
    };
    const rows = await queue('');
    const byId = new Map(rows.map((row) => [row.organisationId, row.overdueRequiredActions]));
    expect(byId.get(late.company.id)).toBe(2);
    expect(byId.get(onTime.company.id)).toBe(0);
    const atRisk = (await queue('&suspensionRisk=true')).map((row) => row.organisationId);
    expect(atRisk).toContain(late.company.id);
    expect(atRisk).not.toContain(onTime.company.id);
  });
});
