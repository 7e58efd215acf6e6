import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { insertCertifiedMembership } from '../../../../tests/factories/certified-member.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  applicableCriterionIds,
  insertDraftProfile,
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
import { docxText, pdfText } from '../../../../tests/setup/document-text.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import { CatalogVersionSchema } from '../../../domain/criteria/catalog-api.schema.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import type { FindingRating } from '../../../domain/validations/validation-vocabulary.ts';
import {
  FindingSchema,
  HoursSummarySchema,
  MemberReportSchema,
  WorkProgramSchema,
} from '../../../domain/validations/work-program.schema.ts';
import { validationFindings, validations } from './validations.tables.ts';

/**
 * The standard work program, staff hours and report of a validation (issue 6, items 4 and 5),
 * through the API: the bad inputs the issue names (a finding on a criterion that does not apply,
 * approval by the report's author), the ratings that fit a designation, report readiness, the
 * approval that issues the report with its due date, and the report documents read back.
 */

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

const TODAY = TEST_NOW.toISOString().slice(0, 10);
/** The running footer of every report page, taken out before comparing flowing text. */
const FOOTER = /CTPAT validation report – .*? – \d{4}-\d{2}-\d{2} Page \d+ of \d+/g;

let office: Organisation;
let specialistUser: TestUser;
let specialist: SignedIn;
let otherSpecialist: SignedIn;
let supervisorAUser: TestUser;
let supervisorA: SignedIn;
let supervisorB: SignedIn;
let auditor: SignedIn;
let musts: string[];
let shoulds: string[];
/** Catalog order (CBP's id order): what the work program lists. */
let applicable: string[];
let notApplicable: string;

function compareIds(a: string, b: string): number {
  const [ca, na] = a.split('.').map(Number);
  const [cb, nb] = b.split('.').map(Number);
  return (ca ?? 0) - (cb ?? 0) || (na ?? 0) - (nb ?? 0);
}

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const signed = async (role: 'scss' | 'supervisory_scss' | 'regulatory_audit') => {
    const user = await createUser(db, { role, organisation: office });
    return { user, session: await signInWithMfaSettled(testApp.app, db, user) };
  };
  ({ user: specialistUser, session: specialist } = await signed('scss'));
  ({ session: otherSpecialist } = await signed('scss'));
  ({ user: supervisorAUser, session: supervisorA } = await signed('supervisory_scss'));
  ({ session: supervisorB } = await signed('supervisory_scss'));
  ({ session: auditor } = await signed('regulatory_audit'));
  ({ musts, shoulds } = await applicableCriterionIds(db));
  applicable = [...musts, ...shoulds].sort(compareIds);
  const catalog = CatalogVersionSchema.parse(
    (await call('GET', '/api/v1/criteria/catalog', specialist)).json(),
  );
  notApplicable =
    catalog.criteria.find((criterion) => criterion.applicability.importer === undefined)?.id ??
    '12.99';
}, 60_000);

afterAll(async () => {
  await testApp.close();
});

function narrativeOf(criterionId: string): string {
  return `Narrative ${criterionId}: the guard checks the “seal” against the bill of lading – logged.`;
}

interface Member {
  company: Organisation;
  officer: SignedIn;
  validationId: string;
  siteId: string;
  evidenceId: string;
}

/** A certified importer with an answered profile and a validation in fieldwork. */
async function newMember(
  options: {
    status?: 'fieldwork' | 'scheduled';
    startsOn?: string;
    specialistUserId?: string;
    language?: 'en' | 'es';
  } = {},
): Promise<Member> {
  const db = testApp.database.db;
  const company = await createOrganisation(db);
  await insertCertifiedMembership(db, company.id, { at: TEST_NOW });
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  if (options.language === 'es') {
    await db.execute(sql`update users set preferred_language = 'es' where id = ${officerUser.id}`);
  }
  await insertDraftProfile(db, company.id, {
    at: TEST_NOW,
    answers: applicable.map((criterionId) => ({
      criterionId,
      narrative: narrativeOf(criterionId),
    })),
  });
  const evidence = await insertLinkedEvidence(db, company.id, musts[0] ?? '1.1', {
    at: TEST_NOW,
    title: 'Seal verification procedure',
  });
  const { id } = await insertValidation(db, {
    organisationId: company.id,
    at: TEST_NOW,
    status: options.status ?? 'fieldwork',
    officeId: office.id,
    specialistUserId: options.specialistUserId ?? specialistUser.id,
    startsOn: options.startsOn ?? TODAY,
    endsOn: options.startsOn ?? TODAY,
    noticeSentOn: TODAY,
  });
  const program = await workProgram(id);
  return {
    company,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
    validationId: id,
    siteId: program.sites[0]?.id ?? '',
    evidenceId: evidence.evidenceId,
  };
}

async function workProgram(validationId: string, session: SignedIn = supervisorB) {
  const response = await call(
    'GET',
    `/api/v1/cbp/validations/${validationId}/work-program`,
    session,
  );
  expect(response.statusCode).toBe(200);
  return WorkProgramSchema.parse(response.json());
}

function findingUrl(member: Member): string {
  return `/api/v1/cbp/validations/${member.validationId}/findings`;
}

/** Rates every applicable criterion not rated yet, straight in the database. */
async function rateTheRest(member: Member, rating: (criterionId: string) => FindingRating) {
  const program = await workProgram(member.validationId);
  const rated = new Set(
    program.criteria.filter((criterion) => criterion.findings.length > 0).map((c) => c.id),
  );
  const rows = applicable
    .filter((id) => !rated.has(id))
    .map((criterionId) => ({
      id: randomUUID(),
      validationId: member.validationId,
      criterionId,
      siteId: null,
      rating: rating(criterionId),
      notes: `Notes on ${criterionId}`,
      evidenceSeen: `Seen for ${criterionId}`,
      recordedAt: TEST_NOW,
      updatedAt: TEST_NOW,
    }));
  if (rows.length > 0) await testApp.database.db.insert(validationFindings).values(rows);
}

async function versionOf(validationId: string): Promise<number> {
  return (await workProgram(validationId)).version;
}

async function draftAndSubmit(
  member: Member,
  author: SignedIn,
  outcome: 'meets' | 'exceeds' | 'suspension' = 'meets',
) {
  const draft = await call('PUT', `/api/v1/cbp/validations/${member.validationId}/report`, author, {
    summary: 'The member implements its security program.\n\nSeals need attention.',
    recommendedOutcome: outcome,
    expectedVersion: await versionOf(member.validationId),
  });
  expect(draft.statusCode).toBe(200);
  return call('POST', `/api/v1/cbp/validations/${member.validationId}/report/submit`, author, {
    expectedVersion: WorkProgramSchema.parse(draft.json()).version,
  });
}

describe('the work program', () => {
  it('lists every applicable criterion in catalog order with answer, evidence, steps and ratings', async () => {
    const member = await newMember();
    const program = await workProgram(member.validationId, auditor);
    expect(program.criteria.map((criterion) => criterion.id)).toEqual(applicable);
    expect(program.steps).toEqual(['read_answer', 'examine_evidence', 'observe_interview', 'rate']);
    const first = program.criteria.find((criterion) => criterion.id === musts[0]);
    expect(first?.answer?.narrative).toBe(narrativeOf(musts[0] ?? ''));
    expect(first?.evidence.map((link) => link.evidenceId)).toEqual([member.evidenceId]);
    expect(first?.ratings).toEqual(['compliant', 'required_action', 'best_practice']);
    const should = program.criteria.find((criterion) => criterion.id === shoulds[0]);
    expect(should?.ratings).toEqual(['compliant', 'recommendation', 'best_practice']);
    expect(program.readiness).toMatchObject({ ready: false, missing: applicable });
    expect(program.hours.byActivity.map((entry) => entry.minutes)).toEqual([0, 0, 0, 0, 0, 0]);
    // The auditor reads, but records nothing.
    expect(program.canRecordFindings).toBe(false);
    expect((await workProgram(member.validationId, specialist)).canRecordFindings).toBe(true);
  });

  it('answers 404 for an unknown validation', async () => {
    const response = await call(
      'GET',
      `/api/v1/cbp/validations/${randomUUID()}/work-program`,
      specialist,
    );
    expect(response.statusCode).toBe(404);
  });
});

describe('findings', () => {
  it('refuses a criterion that does not apply to the member, and ratings that do not fit', async () => {
    const member = await newMember();
    const notApplicableResponse = await call('PUT', findingUrl(member), specialist, {
      criterionId: notApplicable,
      siteId: null,
      rating: 'compliant',
    });
    expect(notApplicableResponse.statusCode).toBe(400);
    expect(issuePaths(notApplicableResponse)).toEqual(['body.criterionId']);
    expect(notApplicableResponse.json().error.message).toContain('does not apply to the member');

    const actionOnShould = await call('PUT', findingUrl(member), specialist, {
      criterionId: shoulds[0],
      siteId: null,
      rating: 'required_action',
    });
    expect(actionOnShould.statusCode).toBe(400);
    expect(issuePaths(actionOnShould)).toEqual(['body.rating']);
    expect(actionOnShould.json().error.message).toContain('rate it a recommendation');

    const recommendationOnMust = await call('PUT', findingUrl(member), specialist, {
      criterionId: musts[0],
      siteId: randomUUID(),
      rating: 'recommendation',
    });
    expect(recommendationOnMust.statusCode).toBe(400);
    expect(issuePaths(recommendationOnMust)).toEqual(['body.rating', 'body.siteId']);

    const foreignEvidence = await call('PUT', findingUrl(member), specialist, {
      criterionId: musts[0],
      siteId: null,
      rating: 'compliant',
      evidenceIds: [randomUUID()],
    });
    expect(foreignEvidence.statusCode).toBe(400);
    expect(issuePaths(foreignEvidence)).toEqual(['body.evidenceIds']);
    expect((await workProgram(member.validationId)).readiness.rated).toBe(0);
  });

  it('records per site and validation-wide, changes with the version read, deletes', async () => {
    const member = await newMember();
    const created = await call('PUT', findingUrl(member), specialist, {
      criterionId: musts[0],
      siteId: member.siteId,
      rating: 'required_action',
      notes: 'Seal log incomplete at the dock.',
      evidenceSeen: 'Seal log, October',
      evidenceIds: [member.evidenceId],
    });
    expect(created.statusCode).toBe(200);
    const finding = FindingSchema.parse(created.json());
    expect(finding).toMatchObject({ version: 1, siteId: member.siteId, rating: 'required_action' });

    const wide = await call('PUT', findingUrl(member), specialist, {
      criterionId: musts[0],
      siteId: null,
      rating: 'compliant',
    });
    expect(wide.statusCode).toBe(200);

    // Saving over a finding without the version read is a conflict that shows the current one.
    const blind = await call('PUT', findingUrl(member), specialist, {
      criterionId: musts[0],
      siteId: member.siteId,
      rating: 'compliant',
    });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().error.details.current.notes).toBe('Seal log incomplete at the dock.');

    const changed = await call('PUT', findingUrl(member), specialist, {
      criterionId: musts[0],
      siteId: member.siteId,
      rating: 'compliant',
      notes: 'Corrected during the visit.',
      expectedVersion: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(FindingSchema.parse(changed.json())).toMatchObject({ version: 2, rating: 'compliant' });

    const stale = await call('PUT', findingUrl(member), specialist, {
      criterionId: musts[0],
      siteId: member.siteId,
      rating: 'best_practice',
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);

    const program = await workProgram(member.validationId);
    const criterion = program.criteria.find((entry) => entry.id === musts[0]);
    expect(criterion?.findings.map((entry) => entry.siteId)).toEqual([null, member.siteId]);
    expect(program.readiness.rated).toBe(1);

    const removed = await call(
      'DELETE',
      `${findingUrl(member)}/${finding.id}?expectedVersion=2`,
      specialist,
    );
    expect(removed.statusCode).toBe(204);
    expect(
      (await workProgram(member.validationId)).criteria.find((entry) => entry.id === musts[0])
        ?.findings,
    ).toHaveLength(1);
    expect(await auditActionsOn(testApp.database.db, finding.id)).toEqual([
      'validation.finding_recorded',
      'validation.finding_recorded',
      'validation.finding_deleted',
    ]);
  });

  it('refuses a specialist the validation is not assigned to; a supervisor may act', async () => {
    const member = await newMember();
    const body = { criterionId: musts[0], siteId: null, rating: 'compliant' };
    const refused = await call('PUT', findingUrl(member), otherSpecialist, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('assigned to another specialist');
    const hours = await call(
      'POST',
      `/api/v1/cbp/validations/${member.validationId}/hours`,
      otherSpecialist,
      { activity: 'site_visit', workedOn: TODAY, minutes: 60 },
    );
    expect(hours.statusCode).toBe(403);
    expect((await workProgram(member.validationId, otherSpecialist)).canRecordFindings).toBe(false);
    expect((await call('PUT', findingUrl(member), supervisorA, body)).statusCode).toBe(200);
  });

  it('starts fieldwork with the first finding once the start date has come; not before', async () => {
    const future = await newMember({ status: 'scheduled', startsOn: '2026-12-15' });
    const early = await call('PUT', findingUrl(future), specialist, {
      criterionId: musts[0],
      siteId: null,
      rating: 'compliant',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('2026-12-15');

    const due = await newMember({ status: 'scheduled', startsOn: TODAY });
    expect((await workProgram(due.validationId, auditor)).canRecordFindings).toBe(false);
    expect((await workProgram(due.validationId, specialist)).canRecordFindings).toBe(true);
    const first = await call('PUT', findingUrl(due), specialist, {
      criterionId: musts[0],
      siteId: null,
      rating: 'compliant',
    });
    expect(first.statusCode).toBe(200);
    expect((await workProgram(due.validationId)).status).toBe('fieldwork');
    expect(await auditActionsOn(testApp.database.db, due.validationId)).toEqual([
      'validation.fieldwork_started',
    ]);
  });
});

describe('staff hours', () => {
  it('records hours per activity with totals; only one’s own entries are deleted; none once closed', async () => {
    const member = await newMember();
    const url = `/api/v1/cbp/validations/${member.validationId}/hours`;
    const first = await call('POST', url, specialist, {
      activity: 'site_visit',
      workedOn: TODAY,
      minutes: 240,
      note: 'Dock and gate',
    });
    expect(first.statusCode).toBe(201);
    const second = await call('POST', url, supervisorA, {
      activity: 'document_review',
      workedOn: '2026-11-20',
      minutes: 90,
    });
    const summary = HoursSummarySchema.parse(second.json());
    expect(summary.totalMinutes).toBe(330);
    expect(summary.byActivity).toContainEqual({ activity: 'site_visit', minutes: 240 });
    expect(summary.byActivity).toContainEqual({ activity: 'document_review', minutes: 90 });
    expect(summary.items.map((item) => item.workedOn)).toEqual([TODAY, '2026-11-20']);

    const future = await call('POST', url, specialist, {
      activity: 'travel',
      workedOn: '2026-12-01',
      minutes: 30,
    });
    expect(future.statusCode).toBe(400);
    expect(issuePaths(future)).toEqual(['body.workedOn']);
    const tooLong = await call('POST', url, specialist, {
      activity: 'travel',
      workedOn: TODAY,
      minutes: 1441,
    });
    expect(issuePaths(tooLong)).toEqual(['body.minutes']);

    const supervisorsEntry = summary.items.find((item) => item.activity === 'document_review');
    const notOwn = await call('DELETE', `${url}/${supervisorsEntry?.id}`, specialist);
    expect(notOwn.statusCode).toBe(403);
    const own = summary.items.find((item) => item.activity === 'site_visit');
    const deleted = await call('DELETE', `${url}/${own?.id}`, specialist);
    expect(deleted.statusCode).toBe(200);
    expect(HoursSummarySchema.parse(deleted.json()).totalMinutes).toBe(90);
    expect(await auditActionsOn(testApp.database.db, own?.id ?? '')).toEqual([
      'validation.hours_recorded',
      'validation.hours_deleted',
    ]);

    await testApp.database.db.execute(
      sql`update validations set status = 'closed', outcome = 'meets', closed_on = ${TODAY} where id = ${member.validationId}`,
    );
    const closed = await call('POST', url, specialist, {
      activity: 'follow_up',
      workedOn: TODAY,
      minutes: 15,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('closed');
  });
});

describe('the report', () => {
  it('is refused for submission while criteria are unrated, listing them', async () => {
    const member = await newMember();
    await call('PUT', findingUrl(member), specialist, {
      criterionId: musts[0],
      siteId: null,
      rating: 'compliant',
    });
    const response = await draftAndSubmit(member, specialist);
    expect(response.statusCode).toBe(409);
    const missing: string[] = response.json().error.details.missing;
    expect(missing).toEqual(applicable.filter((id) => id !== musts[0]));
    expect(response.json().error.message).toContain(shoulds[0]);
    expect((await workProgram(member.validationId)).status).toBe('fieldwork');
  });

  it('refuses an outcome the findings do not allow', async () => {
    const member = await newMember();
    await rateTheRest(member, (id) => (id === musts[1] ? 'required_action' : 'compliant'));
    const exceeds = await draftAndSubmit(member, specialist, 'exceeds');
    expect(exceeds.statusCode).toBe(409);
    expect(exceeds.json().error.message).toContain('best practice');
  });

  it('goes to a second supervisor: the author cannot approve, a return needs a note, approval issues it', async () => {
    const db = testApp.database.db;
    const member = await newMember({ specialistUserId: supervisorAUser.id });
    await call('PUT', findingUrl(member), supervisorA, {
      criterionId: musts[0],
      siteId: member.siteId,
      rating: 'required_action',
      notes: 'Seal log incomplete at the dock.',
      evidenceSeen: 'Seal log, October',
    });
    await rateTheRest(member, (id) => (id === shoulds[0] ? 'recommendation' : 'compliant'));
    const submitted = await draftAndSubmit(member, supervisorA);
    expect(submitted.statusCode).toBe(200);
    const afterSubmit = WorkProgramSchema.parse(submitted.json());
    expect(afterSubmit.status).toBe('report_submitted');
    expect(afterSubmit.report.author?.id).toBe(supervisorAUser.id);

    // The supervisory specialists of the office are told (not the author).
    const told = RowsSchema(z.object({ user_id: z.string() })).parse(
      await db.execute(
        sql`select user_id from notifications where kind = 'validation_report_submitted' and link = ${`/cbp/validations/${member.validationId}/work-program`}`,
      ),
    ).rows;
    expect(told.length).toBeGreaterThan(0);
    expect(told.map((row) => row.user_id)).not.toContain(supervisorAUser.id);

    const decide = (session: SignedIn, body: Record<string, unknown>) =>
      call('POST', `/api/v1/cbp/validations/${member.validationId}/report/decision`, session, body);
    const byAuthor = await decide(supervisorA, {
      decision: 'approve',
      expectedVersion: afterSubmit.version,
    });
    expect(byAuthor.statusCode).toBe(403);
    expect(byAuthor.json().error.message).toContain('You wrote this report');

    const noNote = await decide(supervisorB, {
      decision: 'return',
      note: '  ',
      expectedVersion: afterSubmit.version,
    });
    expect(noNote.statusCode).toBe(400);
    expect(issuePaths(noNote)).toEqual(['body.note']);

    const returned = await decide(supervisorB, {
      decision: 'return',
      note: 'Say which seals were checked.',
      expectedVersion: afterSubmit.version,
    });
    expect(returned.statusCode).toBe(200);
    expect(WorkProgramSchema.parse(returned.json()).status).toBe('fieldwork');

    // The member reads nothing before the report is issued.
    expect(
      (await call('GET', `/api/v1/validations/${member.validationId}/report`, member.officer))
        .statusCode,
    ).toBe(404);

    const again = await draftAndSubmit(member, supervisorA);
    expect(again.statusCode).toBe(200);
    const stale = await decide(supervisorB, {
      decision: 'approve',
      expectedVersion: afterSubmit.version,
    });
    expect(stale.statusCode).toBe(409);
    const approved = await decide(supervisorB, {
      decision: 'approve',
      expectedVersion: WorkProgramSchema.parse(again.json()).version,
    });
    expect(approved.statusCode).toBe(200);
    const issued = WorkProgramSchema.parse(approved.json());
    expect(issued.status).toBe('report_issued');
    expect(issued.report.issuedOn).toBe(TODAY);
    // 90 days after issue by default (VALIDATION_RESPONSE_DAYS; provisional).
    expect(issued.report.responsesDueOn).toBe('2027-02-27');
    expect(issued.report.responsePeriodProvisional).toBe(true);
    expect(issued.report.documents.map((document) => document.language)).toEqual(['en']);

    expect(await auditActionsOn(db, member.validationId)).toEqual([
      'validation.report_drafted',
      'validation.report_submitted',
      'validation.report_returned',
      'validation.report_drafted',
      'validation.report_submitted',
      'validation.report_issued',
    ]);
    const events = RowsSchema(z.object({ kind: z.string() })).parse(
      await db.execute(
        sql`select kind from validation_events where validation_id = ${member.validationId} order by at, kind`,
      ),
    ).rows;
    expect(events.map((event) => event.kind)).toContain('report_issued');
    const memberTold = RowsSchema(z.object({ user_id: z.string() })).parse(
      await db.execute(
        sql`select user_id from notifications where kind = 'validation_report_issued' and organisation_id = ${member.company.id}`,
      ),
    ).rows;
    expect(memberTold).toHaveLength(1);

    // The member reads the issued report: findings, summary, outcome, due date.
    const report = await call(
      'GET',
      `/api/v1/validations/${member.validationId}/report`,
      member.officer,
    );
    expect(report.statusCode).toBe(200);
    const read = MemberReportSchema.parse(report.json());
    expect(read).toMatchObject({
      issuedOn: TODAY,
      responsesDueOn: '2027-02-27',
      recommendedOutcome: 'meets',
      counts: { required_action: 1, recommendation: 1 },
    });
    expect(read.findings).toHaveLength(applicable.length);
    expect(read.findings[0]?.criterionId).toBe(applicable[0]);
    const action = read.findings.find((finding) => finding.rating === 'required_action');
    expect(action).toMatchObject({ criterionId: musts[0], site: { name: 'Headquarters' } });

    // Another company's people get a 404, for the report and its documents alike.
    const stranger = await newMember();
    for (const url of ['report', 'report/pdf']) {
      const response = await call(
        'GET',
        `/api/v1/validations/${member.validationId}/${url}`,
        stranger.officer,
      );
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }

    // The documents hold every applicable criterion, the member's answers and the findings.
    const pdf = await call(
      'GET',
      `/api/v1/validations/${member.validationId}/report/pdf`,
      member.officer,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/validation-report-.*-2026-11-29-en\.pdf"$/);
    const pdfContent = await pdfText(pdf.rawPayload, FOOTER);
    const docx = await call(
      'GET',
      `/api/v1/cbp/validations/${member.validationId}/report/docx`,
      auditor,
    );
    expect(docx.statusCode).toBe(200);
    const docxContent = docxText(docx.rawPayload);
    for (const text of [pdfContent, docxContent]) {
      expect(text).toContain(member.company.legalName);
      expect(text).toContain('The member implements its security program.');
      expect(text).toContain('Responses due 2027-02-27 (90 days after issue, provisional period)');
      for (const criterionId of applicable) {
        expect(text).toContain(`${criterionId} (`);
        expect(text).toContain(narrativeOf(criterionId));
        if (criterionId !== musts[0]) expect(text).toContain(`Notes on ${criterionId}`);
      }
      expect(text).toContain('Seal log incomplete at the dock.');
      expect(text).toContain('Seal log, October');
      expect(text).toContain('Seal verification procedure');
    }
    const stored = RowsSchema(z.object({ inputs: z.record(z.string(), z.unknown()) })).parse(
      await db.execute(
        sql`select inputs from validation_documents where validation_id = ${member.validationId} and kind = 'report'`,
      ),
    ).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]?.inputs.validationVersion).toBe(WorkProgramSchema.parse(again.json()).version);
    expect(stored[0]?.inputs.findingsVersion).toHaveLength(applicable.length);
  }, 60_000);

  it('is issued in Spanish too when the member reads Spanish', async () => {
    const member = await newMember({ language: 'es' });
    await rateTheRest(member, (id) => (id === musts[0] ? 'required_action' : 'compliant'));
    const submitted = await draftAndSubmit(member, specialist);
    const approved = await call(
      'POST',
      `/api/v1/cbp/validations/${member.validationId}/report/decision`,
      supervisorA,
      { decision: 'approve', expectedVersion: WorkProgramSchema.parse(submitted.json()).version },
    );
    expect(approved.statusCode).toBe(200);
    expect(
      WorkProgramSchema.parse(approved.json())
        .report.documents.map((document) => document.language)
        .sort(),
    ).toEqual(['en', 'es']);
    const spanish = await call(
      'GET',
      `/api/v1/validations/${member.validationId}/report/docx`,
      member.officer,
    );
    expect(docxText(spanish.rawPayload)).toContain('Informe de validación CTPAT');
    expect(docxText(spanish.rawPayload)).toContain('Acción requerida');
    const english = await call(
      'GET',
      `/api/v1/validations/${member.validationId}/report/docx?lang=en`,
      member.officer,
    );
    expect(docxText(english.rawPayload)).toContain('CTPAT validation report');
  }, 60_000);

  it('closes the validation on approval when there is no required action', async () => {
    const member = await newMember();
    await rateTheRest(member, (id) => (id === shoulds[0] ? 'best_practice' : 'compliant'));
    const submitted = await draftAndSubmit(member, specialist, 'exceeds');
    expect(submitted.statusCode).toBe(200);
    const approved = await call(
      'POST',
      `/api/v1/cbp/validations/${member.validationId}/report/decision`,
      supervisorA,
      { decision: 'approve', expectedVersion: WorkProgramSchema.parse(submitted.json()).version },
    );
    expect(approved.statusCode).toBe(200);
    const program = WorkProgramSchema.parse(approved.json());
    expect(program.status).toBe('closed');
    expect(program.report.responsesDueOn).toBeNull();
    const [row] = await testApp.database.db
      .select({ outcome: validations.outcome })
      .from(validations)
      .where(sql`${validations.id} = ${member.validationId}`);
    expect(row?.outcome).toBe('exceeds');
  }, 60_000);
});
