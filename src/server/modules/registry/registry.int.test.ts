import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { signInWithTotpEnrolled } from '../../../../tests/factories/mfa.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createMinimumProfile,
  importerApplication,
  proceedAnswers,
  uniqueImporterNumber,
} from '../../../../tests/factories/registry.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import { MemberPageSchema } from '../../../domain/registry/member-queue.schema.ts';
import { MembershipFileSchema } from '../../../domain/registry/registry.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

let office: Organisation;
let supervisor: SignedIn;
let specialistUser: TestUser;
let specialist: SignedIn;
let otherSpecialist: SignedIn;

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const supervisorUser = await createUser(db, { role: 'supervisory_scss', organisation: office });
  specialistUser = await createUser(db, { role: 'scss', organisation: office });
  const otherSpecialistUser = await createUser(db, { role: 'scss', organisation: office });
  supervisor = await signInWithMfaSettled(testApp.app, db, supervisorUser);
  specialist = await signInWithMfaSettled(testApp.app, db, specialistUser);
  otherSpecialist = await signInWithMfaSettled(testApp.app, db, otherSpecialistUser);
});

afterAll(async () => {
  await testApp.close();
});

/** A new member company with an officer (MFA settled) and an admin. */
async function newCompany(overrides: Partial<Organisation> = {}) {
  const db = testApp.database.db;
  const company = await createOrganisation(db, overrides);
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  const adminUser = await createUser(db, { role: 'company_admin', organisation: company });
  await createMinimumProfile(db, company.id, officerUser.id);
  return {
    company,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
    admin: await signIn(testApp.app, adminUser),
  };
}

async function transition(
  session: SignedIn,
  organisationId: string,
  payload: Record<string, unknown>,
) {
  return call('POST', `/api/v1/registry/members/${organisationId}/transitions`, session, payload);
}

/** A company whose importer application has been saved and submitted by its officer. */
async function submittedCompany() {
  const parties = await newCompany();
  const saved = await call(
    'PUT',
    '/api/v1/registry/application',
    parties.admin,
    importerApplication(),
  );
  expect(saved.statusCode).toBe(200);
  const submitted = await call('POST', '/api/v1/registry/application/submit', parties.officer, {
    agreementAccepted: true,
  });
  expect(submitted.statusCode).toBe(200);
  return parties;
}

describe('an importer applies and CBP certifies it', () => {
  it('draft → submit → assign → review → vetting → certified: Tier I, clocks and history', async () => {
    const db = testApp.database.db;
    const company = await createOrganisation(db);
    const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
    await createMinimumProfile(db, company.id, officerUser.id);
    // The officer signs in and sets up an authenticator through the real routes.
    const officer = await signInWithTotpEnrolled(testApp.app, officerUser, TEST_NOW);
    const importerNumber = uniqueImporterNumber();

    const draft = await call(
      'PUT',
      '/api/v1/registry/application',
      officer,
      importerApplication(importerNumber.replace('-', ' ')),
    );
    expect(draft.statusCode).toBe(200);
    const draftFile = MembershipFileSchema.parse(draft.json());
    expect(draftFile.state.status).toBe('pre_applicant');
    expect(draftFile.tier).toBeNull();
    // Stored canonical.
    expect(draftFile.entityTypes[0]?.identifiers[0]?.value).toBe(importerNumber);
    expect(draftFile.entityTypes[0]?.eligible).toBe(true);

    const submitted = await call('POST', '/api/v1/registry/application/submit', officer, {
      agreementAccepted: true,
    });
    expect(submitted.statusCode).toBe(200);
    const submittedFile = MembershipFileSchema.parse(submitted.json());
    expect(submittedFile.state.status).toBe('applicant');
    expect(submittedFile.applicationSubmittedOn).toBe('2026-11-29');
    expect(submittedFile.clocks).toContainEqual(
      expect.objectContaining({
        name: 'certification_target',
        due: '2027-02-27',
        citation: '6 U.S.C. 964(c)',
        provisional: false,
      }),
    );

    // A plain SCSS may not assign work: the domain's table says supervisors do.
    const notSupervisor = await transition(specialist, company.id, {
      transition: 'assign_specialist',
      specialistUserId: specialistUser.id,
    });
    expect(notSupervisor.statusCode).toBe(403);

    const assigned = await transition(supervisor, company.id, {
      transition: 'assign_specialist',
      specialistUserId: specialistUser.id,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({
      state: { status: 'under_review', reviewStep: 'specialist_assigned' },
      assignedSpecialistUserId: specialistUser.id,
      cbpOfficeId: office.id,
    });

    // Another SCSS cannot work a file assigned to someone else.
    const notAssigned = await transition(otherSpecialist, company.id, {
      transition: 'start_profile_review',
    });
    expect(notAssigned.statusCode).toBe(403);

    for (const step of ['start_profile_review', 'approve_profile', 'certify']) {
      const response = await transition(specialist, company.id, { transition: step });
      expect(`${step} ${response.statusCode}`).toBe(`${step} 200`);
    }

    const mine = await call('GET', '/api/v1/registry/membership', officer);
    expect(mine.statusCode).toBe(200);
    const file = MembershipFileSchema.parse(mine.json());
    expect(file.state.status).toBe('certified');
    expect(file.tier).toBe('I');
    expect(file.certifiedOn).toBe('2026-11-29');
    const firstValidation = file.clocks.find((clock) => clock.name === 'first_validation');
    expect(firstValidation).toMatchObject({
      due: '2027-11-29',
      kind: 'target',
      provisional: false,
    });
    expect(firstValidation?.citation).toContain('6 U.S.C. 965');
    expect(file.clocks.find((clock) => clock.name === 'annual_review_window')).toMatchObject({
      opens: '2027-08-31',
      due: '2027-11-29',
      provisional: true,
    });
    expect(file.history.map((entry) => [entry.transition, entry.fromState, entry.toState])).toEqual(
      [
        ['submit_application', 'pre_applicant', 'applicant'],
        ['assign_specialist', 'applicant', 'under_review'],
        ['start_profile_review', 'under_review', 'under_review'],
        ['approve_profile', 'under_review', 'under_review'],
        ['certify', 'under_review', 'certified'],
      ],
    );
    expect(file.history[0]?.actorUserId).toBe(officerUser.id);

    // CBP reads the same file, and finds the company in the list.
    const cbpFile = await call('GET', `/api/v1/registry/members/${company.id}`, supervisor);
    expect(cbpFile.statusCode).toBe(200);
    expect(cbpFile.json().tier).toBe('I');
    const listed = await call(
      'GET',
      `/api/v1/registry/members?state=certified&entityType=importer&q=${encodeURIComponent(company.legalName)}`,
      specialist,
    );
    expect(listed.statusCode).toBe(200);
    expect(MemberPageSchema.parse(listed.json()).items).toEqual([
      expect.objectContaining({
        organisationId: company.id,
        status: 'certified',
        tier: 'I',
        entityTypes: ['importer'],
      }),
    ]);

    expect(await auditActionsOn(db, company.id)).toEqual([
      'partner_membership.application_saved',
      'partner_membership.application_submitted',
      'partner_membership.specialist_assigned',
      'partner_membership.profile_review_started',
      'partner_membership.profile_approved',
      'partner_membership.certified',
    ]);
    expect((await verifyAuditTrail(db)).ok).toBe(true);
  });
});

describe('PUT /api/v1/registry/application', () => {
  it('names each invalid identifier and unknown eligibility question by its field path', async () => {
    const { company, admin } = await newCompany();
    const response = await call('PUT', '/api/v1/registry/application', admin, {
      entityTypes: [
        {
          entityType: 'importer',
          identifiers: [
            { kind: 'importer_of_record_number', value: uniqueImporterNumber() },
            { kind: 'importer_of_record_number', value: '12-34' },
          ],
          eligibility: proceedAnswers('importer'),
        },
        {
          entityType: 'highway_carrier_us_mexico',
          identifiers: [{ kind: 'scac', value: 'ABCD' }],
          eligibility: { 'no.such.question': true },
        },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
    // A draft may still lack the carrier's required identifiers; what it gives must be valid.
    expect(issuePaths(response)).toEqual([
      'body.entityTypes.0.identifiers.1.value',
      'body.entityTypes.1.eligibility',
    ]);
    // Nothing was written.
    const mine = await call('GET', '/api/v1/registry/membership', admin);
    expect(mine.statusCode).toBe(404);
    expect(await auditActionsOn(testApp.database.db, company.id)).toEqual([]);
  });

  it('saves a draft that still lacks a required identifier, and submission names it', async () => {
    const { admin, officer } = await newCompany();
    const saved = await call('PUT', '/api/v1/registry/application', admin, {
      entityTypes: [
        { entityType: 'importer', identifiers: [], eligibility: proceedAnswers('importer') },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await call('POST', '/api/v1/registry/application/submit', officer, {
      agreementAccepted: true,
    });
    expect(submitted.statusCode).toBe(400);
    expect(issuePaths(submitted)).toContain('entityTypes.0.identifiers');
  });

  it('refuses an identifier already in another company’s active application with 409', async () => {
    const importerNumber = uniqueImporterNumber();
    const first = await newCompany();
    const second = await newCompany();
    const saved = await call(
      'PUT',
      '/api/v1/registry/application',
      first.admin,
      importerApplication(importerNumber),
    );
    expect(saved.statusCode).toBe(200);

    const duplicate = await call(
      'PUT',
      '/api/v1/registry/application',
      second.admin,
      importerApplication(importerNumber),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(errorCode(duplicate)).toBe('CONFLICT');
    expect(duplicate.json().error.details).toEqual({
      path: 'body.entityTypes.0.identifiers.0.value',
    });
    expect(await auditActionsOn(testApp.database.db, second.company.id)).toEqual([]);

    // The same company may save its own draft again with the same number.
    const again = await call(
      'PUT',
      '/api/v1/registry/application',
      first.officer,
      importerApplication(importerNumber),
    );
    expect(again.statusCode).toBe(200);
  });

  it('refuses to edit an application once it is submitted', async () => {
    const { admin } = await submittedCompany();
    const response = await call(
      'PUT',
      '/api/v1/registry/application',
      admin,
      importerApplication(),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('An applicant cannot change its application');
  });
});

describe('POST /api/v1/registry/application/submit', () => {
  it('lists the blocking and unanswered eligibility questions and submits nothing', async () => {
    const { company, admin, officer } = await newCompany();
    const answers = proceedAnswers('importer');
    const [blocked, unanswered] = Object.keys(answers);
    if (blocked === undefined || unanswered === undefined) {
      throw new Error('the importer questionnaire has at least two questions');
    }
    answers[blocked] = !answers[blocked];
    delete answers[unanswered];
    const saved = await call('PUT', '/api/v1/registry/application', admin, {
      entityTypes: [
        {
          entityType: 'importer',
          identifiers: [{ kind: 'importer_of_record_number', value: uniqueImporterNumber() }],
          eligibility: answers,
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().entityTypes[0].eligible).toBe(false);

    const response = await call('POST', '/api/v1/registry/application/submit', officer, {
      agreementAccepted: true,
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
    expect(issuePaths(response)).toEqual([
      `entityTypes.0.eligibility.${blocked}`,
      `entityTypes.0.eligibility.${unanswered}`,
    ]);
    expect(response.json().error.details.blocking).toEqual([
      expect.objectContaining({ entityType: 'importer', questionId: blocked }),
    ]);
    const mine = await call('GET', '/api/v1/registry/membership', officer);
    expect(mine.json().state.status).toBe('pre_applicant');
    expect(await auditActionsOn(testApp.database.db, company.id)).toEqual([
      'partner_membership.application_saved',
    ]);
  });

  it('requires the agreement to be accepted', async () => {
    const { admin, officer } = await newCompany();
    await call('PUT', '/api/v1/registry/application', admin, importerApplication());
    const response = await call('POST', '/api/v1/registry/application/submit', officer, {
      agreementAccepted: false,
    });
    expect(response.statusCode).toBe(400);
    expect(issuePaths(response)).toEqual(['body.agreementAccepted']);
  });

  it('is the officer’s alone: an admin and a contributor are refused with 403', async () => {
    const { company, admin } = await newCompany();
    await call('PUT', '/api/v1/registry/application', admin, importerApplication());
    const contributor = await signIn(
      testApp.app,
      await createUser(testApp.database.db, { role: 'contributor', organisation: company }),
    );
    for (const session of [admin, contributor]) {
      const response = await call('POST', '/api/v1/registry/application/submit', session, {
        agreementAccepted: true,
      });
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    // A contributor reads the membership but cannot edit the application either.
    expect((await call('GET', '/api/v1/registry/membership', contributor)).statusCode).toBe(200);
    const edit = await call(
      'PUT',
      '/api/v1/registry/application',
      contributor,
      importerApplication(),
    );
    expect(edit.statusCode).toBe(403);
  });
});

describe('CBP transitions and reads', () => {
  it('answers an impossible transition with 409 and the domain’s message, writing nothing', async () => {
    const { company } = await submittedCompany();
    const response = await transition(specialist, company.id, { transition: 'certify' });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('CONFLICT');
    expect(response.json().error.message).toBe('An applicant cannot be certified.');

    const file = await call('GET', `/api/v1/registry/members/${company.id}`, supervisor);
    expect(file.json().state.status).toBe('applicant');
    expect(file.json().history).toHaveLength(1);
  });

  it('refuses to validate a removed member, with the domain’s message', async () => {
    const { company } = await submittedCompany();
    await transition(supervisor, company.id, {
      transition: 'assign_specialist',
      specialistUserId: specialistUser.id,
    });
    for (const step of ['start_profile_review', 'approve_profile', 'certify']) {
      expect((await transition(specialist, company.id, { transition: step })).statusCode).toBe(200);
    }
    const removed = await transition(supervisor, company.id, {
      transition: 'remove',
      reason: 'Seizure of narcotics in a container of the member',
      evidenceIds: ['incident-report-1'],
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ state: { status: 'removed' }, tier: null });

    const validate = await transition(supervisor, company.id, {
      transition: 'record_validation_meets',
      evidenceIds: ['validation-report-1'],
    });
    expect(validate.statusCode).toBe(409);
    expect(validate.json().error.message).toBe('A removed member cannot be validated.');

    // The importer number is free again once the membership is over.
    const number = removed.json().entityTypes[0].identifiers[0].value;
    const next = await newCompany();
    const reuse = await call(
      'PUT',
      '/api/v1/registry/application',
      next.admin,
      importerApplication(number),
    );
    expect(reuse.statusCode).toBe(200);
    expect((await verifyAuditTrail(testApp.database.db)).ok).toBe(true);
  });

  it('requires a reason where the domain does, and a specialist to assign', async () => {
    const { company } = await submittedCompany();
    const reject = await transition(specialist, company.id, { transition: 'reject' });
    expect(reject.statusCode).toBe(400);
    expect(reject.json().error.message).toContain('a reason is required');
    const assign = await transition(supervisor, company.id, { transition: 'assign_specialist' });
    expect(assign.statusCode).toBe(400);
    expect(issuePaths(assign)).toEqual(['body.specialistUserId']);
    const notSpecialist = await transition(supervisor, company.id, {
      transition: 'assign_specialist',
      specialistUserId: (await newCompany()).company.id,
    });
    expect(notSpecialist.statusCode).toBe(400);
  });

  it('answers 404 for a company without a membership, and members cannot reach CBP routes', async () => {
    const { company, officer, admin } = await newCompany();
    const none = await call('GET', `/api/v1/registry/members/${company.id}`, supervisor);
    expect(none.statusCode).toBe(404);
    const other = await submittedCompany();
    // A member never reads another member's file: the CBP routes are not theirs (403), and
    // their own membership route only ever reads their own company.
    const read = await call('GET', `/api/v1/registry/members/${other.company.id}`, officer);
    expect(read.statusCode).toBe(403);
    const own = await call('GET', '/api/v1/registry/membership', admin);
    expect(own.statusCode).toBe(404);
    const moved = await transition(officer, other.company.id, {
      transition: 'withdraw',
      reason: 'x',
    });
    expect(moved.statusCode).toBe(403);
  });
});

describe('the company profile hand-off', () => {
  it('refuses to submit without a headquarters address and a primary contact, naming both', async () => {
    const db = testApp.database.db;
    const company = await createOrganisation(db);
    const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
    const officer = await signInWithMfaSettled(testApp.app, db, officerUser);
    const saved = await call('PUT', '/api/v1/registry/application', officer, importerApplication());
    expect(saved.statusCode).toBe(200);

    const response = await call('POST', '/api/v1/registry/application/submit', officer, {
      agreementAccepted: true,
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
    expect(issuePaths(response)).toEqual(['profile.addresses', 'profile.contacts']);
    expect(response.json().error.message).toContain('company profile is incomplete');
    expect(await auditActionsOn(db, company.id)).toEqual(['partner_membership.application_saved']);

    await createMinimumProfile(db, company.id, officerUser.id);
    const submitted = await call('POST', '/api/v1/registry/application/submit', officer, {
      agreementAccepted: true,
    });
    expect(submitted.statusCode).toBe(200);
  });
});
