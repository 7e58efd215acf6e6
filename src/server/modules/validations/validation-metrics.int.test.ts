import { randomUUID } from 'node:crypto';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import {
  insertFindings,
  insertHours,
  insertValidation,
  setValidationReport,
} from '../../../../tests/factories/validation.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import {
  type ValidationMetrics,
  ValidationMetricsSchema,
} from '../../../domain/validations/validation-metrics.schema.ts';
import type {
  FindingRating,
  ValidationActivity,
} from '../../../domain/validations/validation-vocabulary.ts';

/**
 * Validation consistency metrics (issue 6, item 8): counts, shares, days from notice to report,
 * staff hours by activity, the findings per criterion, an outlier specialist, the CSV and XLSX
 * exports read back, permission and bad queries.
 *
 * Validations, findings and hours go straight into the database (validation.factory.ts). The
 * PostgreSQL test database may be shared with other files: every query is narrowed to this
 * file's own CBP office, so other files' validations never count.
 */

const testApp = setUpTestApp();
const call = apiCaller(testApp);
const TAG = randomUUID().slice(0, 6);
const AT = new Date('2030-09-01T12:00:00Z');
const PERIOD = 'from=2030-01-01&to=2030-12-31';

let office: Organisation;
let otherOffice: Organisation;
let specialists: TestUser[];
let manager: SignedIn;
let scssSession: SignedIn;
let officer: SignedIn;
let query = '';

interface Spec {
  officeId?: string;
  specialist: TestUser | null;
  noticeSentOn: string | null;
  reportIssuedOn: string | null;
  closedOn?: string | null;
  status?: 'fieldwork';
  /** Ratings in criterion order: the i-th rating is on criterion 1.(i+1). */
  ratings: FindingRating[];
  hours: { activity: ValidationActivity; minutes: number }[];
}

const repeat = (rating: FindingRating, times: number): FindingRating[] =>
  Array.from({ length: times }, () => rating);

async function validation(spec: Spec): Promise<void> {
  const db = testApp.database.db;
  const member = await createOrganisation(db);
  const { id } = await insertValidation(db, {
    organisationId: member.id,
    at: AT,
    status: spec.status ?? 'fieldwork',
    officeId: spec.officeId ?? office.id,
    specialistUserId: spec.specialist?.id ?? null,
    dueOn: '2030-06-30',
    noticeSentOn: spec.noticeSentOn,
  });
  if (spec.status !== 'fieldwork') {
    await setValidationReport(db, id, {
      reportIssuedOn: spec.reportIssuedOn,
      closedOn: spec.closedOn ?? null,
      ...(spec.closedOn ? { outcome: 'meets' as const } : {}),
    });
  }
  await insertFindings(db, {
    validationId: id,
    at: AT,
    findings: spec.ratings.map((rating, index) => ({ criterionId: `1.${index + 1}`, rating })),
  });
  await insertHours(db, {
    validationId: id,
    userId: spec.specialist?.id ?? (specialists[0] as TestUser).id,
    at: AT,
    workedOn: '2030-03-01',
    hours: spec.hours,
  });
}

beforeAll(async () => {
  const db = testApp.database.db;
  office = await createOrganisation(db, {
    kind: 'cbp_office',
    entityTypes: [],
    legalName: `=HYPERLINK("x") Office ${TAG}`,
  });
  otherOffice = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  specialists = [];
  for (let index = 0; index < 5; index += 1) {
    specialists.push(await createUser(db, { role: 'scss', organisation: office }));
  }
  const [s1, s2, s3, s4, s5] = specialists as [TestUser, TestUser, TestUser, TestUser, TestUser];
  const managerUser = await createUser(db, { role: 'program_manager', organisation: office });
  const officerUser = await createUser(db, { role: 'company_officer' });
  manager = await signInWithMfaSettled(testApp.app, db, managerUser);
  scssSession = await signInWithMfaSettled(testApp.app, db, s1);
  officer = await signInWithMfaSettled(testApp.app, db, officerUser);
  query = `${PERIOD}&officeId=${office.id}`;

  const C = 'compliant' as const;
  const RA = 'required_action' as const;
  const BP = 'best_practice' as const;
  const REC = 'recommendation' as const;
  // S1: 50 days; required actions 1/10, best practices 1/10; 10 h.
  await validation({
    specialist: s1,
    noticeSentOn: '2030-01-10',
    reportIssuedOn: '2030-03-01',
    closedOn: '2030-04-15',
    ratings: [RA, BP, ...repeat(C, 8)],
    hours: [
      { activity: 'planning', minutes: 120 },
      { activity: 'site_visit', minutes: 480 },
    ],
  });
  // S2: 50 and 60 days (median 55); required actions 3/20, best practices 1/20; 9 h each.
  await validation({
    specialist: s2,
    noticeSentOn: '2030-02-01',
    reportIssuedOn: '2030-03-23',
    ratings: [RA, BP, ...repeat(C, 8)],
    hours: [{ activity: 'site_visit', minutes: 600 }],
  });
  await validation({
    specialist: s2,
    noticeSentOn: '2030-04-01',
    reportIssuedOn: '2030-05-31',
    closedOn: '2030-07-01',
    ratings: [RA, RA, ...repeat(C, 8)],
    hours: [
      { activity: 'site_visit', minutes: 360 },
      { activity: 'report_writing', minutes: 120 },
    ],
  });
  // S3: 45 days; required actions 2/10; 9 h.
  await validation({
    specialist: s3,
    noticeSentOn: '2030-05-01',
    reportIssuedOn: '2030-06-15',
    ratings: [RA, RA, REC, ...repeat(C, 7)],
    hours: [
      { activity: 'site_visit', minutes: 420 },
      { activity: 'travel', minutes: 120 },
    ],
  });
  // S4: 55 days; required actions 1/10, best practices 1/10; 10 h.
  await validation({
    specialist: s4,
    noticeSentOn: '2030-06-01',
    reportIssuedOn: '2030-07-26',
    ratings: [RA, BP, ...repeat(C, 8)],
    hours: [
      { activity: 'site_visit', minutes: 480 },
      { activity: 'report_writing', minutes: 120 },
    ],
  });
  // S5: 50 days; required actions 6/10, the outlier; 11 h.
  await validation({
    specialist: s5,
    noticeSentOn: '2030-07-01',
    reportIssuedOn: '2030-08-20',
    ratings: [...repeat(RA, 6), REC, ...repeat(C, 3)],
    hours: [
      { activity: 'site_visit', minutes: 540 },
      { activity: 'report_writing', minutes: 120 },
    ],
  });
  // Closed without a report day, in the period by its closing day; no specialist: overall only.
  await validation({
    specialist: null,
    noticeSentOn: '2030-08-01',
    reportIssuedOn: null,
    closedOn: '2030-10-01',
    ratings: [],
    hours: [{ activity: 'document_review', minutes: 300 }],
  });
  // Not counted: reported before the period (though closed in it), still in fieldwork, and
  // another office's.
  await validation({
    specialist: s1,
    noticeSentOn: '2029-11-01',
    reportIssuedOn: '2029-12-20',
    closedOn: '2030-02-01',
    ratings: [RA, RA, RA],
    hours: [{ activity: 'site_visit', minutes: 900 }],
  });
  await validation({
    specialist: s5,
    status: 'fieldwork',
    noticeSentOn: '2030-09-01',
    reportIssuedOn: null,
    ratings: [RA, RA],
    hours: [{ activity: 'site_visit', minutes: 900 }],
  });
  await validation({
    officeId: otherOffice.id,
    specialist: s3,
    noticeSentOn: '2030-01-01',
    reportIssuedOn: '2030-05-01',
    ratings: [RA, RA, RA],
    hours: [{ activity: 'travel', minutes: 900 }],
  });
}, 120_000);

async function metrics(q = query): Promise<ValidationMetrics> {
  const response = await call('GET', `/api/v1/cbp/validations/metrics?${q}`, manager);
  expect(response.statusCode, response.body).toBe(200);
  return ValidationMetricsSchema.parse(response.json());
}

describe('validation metrics', () => {
  it('counts the office’s validations of the period, their findings, days and hours', async () => {
    const result = await metrics();
    expect(result).toMatchObject({ from: '2030-01-01', to: '2030-12-31', officeId: office.id });
    expect(result.outlierRule).toEqual({ k: 1.5, minimumGroups: 4 });
    expect(result.overall).toMatchObject({
      id: null,
      validations: 7,
      findings: 60,
      byRating: { compliant: 42, required_action: 13, recommendation: 2, best_practice: 3 },
      bestPracticeShare: 0.05,
      durationMeasured: 6,
      medianDays: 50,
      p90Days: 57.5,
      hours: 63,
      hoursPerValidation: 9,
      outliers: [],
    });
    expect(result.overall.requiredActionShare).toBeCloseTo(13 / 60, 12);
    expect(result.overall.hoursByActivity.site_visit.total).toBe(48);
    expect(result.overall.hoursByActivity.document_review).toEqual({
      total: 5,
      perValidation: 5 / 7,
    });
    expect(result.overall.hoursByActivity.follow_up).toEqual({ total: 0, perValidation: 0 });

    expect(result.offices).toHaveLength(1);
    const { outliers: _outliers, ...overallNumbers } = result.overall;
    expect(result.offices[0]).toEqual({
      ...overallNumbers,
      id: office.id,
      name: `=HYPERLINK("x") Office ${TAG}`,
      outliers: [],
    });
  });

  it('gives each specialist their numbers and flags the one outside the fences', async () => {
    const result = await metrics();
    const [s1, s2, s3, s4, s5] = specialists as [TestUser, TestUser, TestUser, TestUser, TestUser];
    expect(result.specialists.map((line) => line.id).sort()).toEqual(
      specialists.map((user) => user.id).sort(),
    );
    const line = (user: TestUser) => result.specialists.find((row) => row.id === user.id);
    expect(line(s1)).toMatchObject({
      validations: 1,
      findings: 10,
      requiredActionShare: 0.1,
      bestPracticeShare: 0.1,
      medianDays: 50,
      hours: 10,
      hoursPerValidation: 10,
      outliers: [],
    });
    expect(line(s1)?.name).toMatch(/^Test scss /);
    expect(line(s2)).toMatchObject({
      validations: 2,
      findings: 20,
      byRating: { compliant: 16, required_action: 3, recommendation: 0, best_practice: 1 },
      requiredActionShare: 0.15,
      bestPracticeShare: 0.05,
      durationMeasured: 2,
      medianDays: 55,
      p90Days: 59,
      hours: 18,
      hoursPerValidation: 9,
      outliers: [],
    });
    expect(line(s3)).toMatchObject({ requiredActionShare: 0.2, medianDays: 45, outliers: [] });
    expect(line(s4)).toMatchObject({ requiredActionShare: 0.1, medianDays: 55, outliers: [] });
    // Required-action shares 0.1, 0.1, 0.15, 0.2, 0.6: Q1 0.1, Q3 0.2, upper fence 0.35.
    expect(line(s5)?.requiredActionShare).toBe(0.6);
    expect(line(s5)?.outliers).toHaveLength(1);
    expect(line(s5)?.outliers[0]).toMatchObject({
      metric: 'requiredActionShare',
      direction: 'high',
      value: 0.6,
    });
    expect(line(s5)?.outliers[0]?.upperFence).toBeCloseTo(0.35, 12);
    expect(line(s5)?.outliers[0]?.lowerFence).toBeCloseTo(-0.05, 12);
  });

  it('lists findings per criterion by rating, in catalog order', async () => {
    const result = await metrics();
    expect(result.criteria.map((line) => line.criterionId)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '1.8',
      '1.9',
      '1.10',
    ]);
    const criterion = (id: string) => result.criteria.find((line) => line.criterionId === id);
    expect(criterion('1.1')).toEqual({
      criterionId: '1.1',
      validations: 6,
      findings: 6,
      byRating: { compliant: 0, required_action: 6, recommendation: 0, best_practice: 0 },
      requiredActionShare: 1,
    });
    expect(criterion('1.2')).toMatchObject({
      findings: 6,
      byRating: { compliant: 0, required_action: 3, recommendation: 0, best_practice: 3 },
      requiredActionShare: 0.5,
    });
    expect(criterion('1.3')?.byRating).toEqual({
      compliant: 4,
      required_action: 1,
      recommendation: 1,
      best_practice: 0,
    });
    expect(criterion('1.10')?.byRating).toEqual({
      compliant: 6,
      required_action: 0,
      recommendation: 0,
      best_practice: 0,
    });
  });

  it('narrows to the period by report day, then by closing day without one', async () => {
    // The validation reported in December 2029 belongs to 2029, though closed in 2030.
    const before = await metrics(`from=2029-12-01&to=2029-12-31&officeId=${office.id}`);
    expect(before.overall).toMatchObject({ validations: 1, findings: 3, hours: 15 });
    expect(before.specialists.map((line) => line.id)).toEqual([specialists[0]?.id]);
    // Autumn: only the one closed without a report day (no specialist, not measured).
    const autumn = await metrics(`from=2030-09-01&to=2030-12-31&officeId=${office.id}`);
    expect(autumn.overall).toMatchObject({
      validations: 1,
      findings: 0,
      requiredActionShare: null,
      durationMeasured: 0,
      medianDays: null,
      hours: 5,
    });
    expect(autumn.specialists).toEqual([]);
    expect(autumn.criteria).toEqual([]);
    // The other office: its own validation only.
    const other = await metrics(`${PERIOD}&officeId=${otherOffice.id}`);
    expect(other.overall).toMatchObject({ validations: 1, findings: 3, medianDays: 120 });
  });

  it('exports the same numbers as CSV (formula-safe) and XLSX, read back', async () => {
    const csv = await call('GET', `/api/v1/cbp/validations/metrics.csv?${query}`, manager);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/validation-metrics-.*\.csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]?.split(',').slice(0, 10)).toEqual([
      'Section',
      'Id',
      'Name',
      'Validations',
      'Findings',
      'Findings: compliant',
      'Findings: required_action',
      'Findings: recommendation',
      'Findings: best_practice',
      'Required-action share',
    ]);
    expect(lines[1]?.startsWith('overall,,all,7,60,42,13,2,3,')).toBe(true);
    expect(lines[1]).toContain(',0.05,6,50,57.5,63,9,');
    // The office's name starts with "=": quoted so a spreadsheet shows it as text.
    expect(lines[2]?.startsWith(`office,${office.id},"'=HYPERLINK(""x"") Office ${TAG}",7,`)).toBe(
      true,
    );
    const s5 = specialists[4] as TestUser;
    expect(lines.find((line) => line.includes(s5.id))).toMatch(
      /^specialist,.*,1,10,3,6,1,0,0\.6,0,.*,requiredActionShare high$/,
    );
    // Criterion lines fill the counts and the share; the 13 group-only columns stay empty.
    expect(lines).toContain(`criterion,1.1,,6,6,0,6,0,0,1${','.repeat(13)}`);
    expect(lines).toHaveLength(1 + 1 + 1 + 5 + 10);

    const xlsx = await call('GET', `/api/v1/cbp/validations/metrics.xlsx?${query}`, manager);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const [header, ...rows] = await readSheet(xlsx.rawPayload);
    expect(header?.slice(0, 3)).toEqual(['Section', 'Id', 'Name']);
    expect(rows.find((row) => row[0] === 'overall')?.slice(3, 9)).toEqual([7, 60, 42, 13, 2, 3]);
    const officeRow = rows.find((row) => row[0] === 'office');
    // A text cell shown as typed, never a formula.
    expect(officeRow?.[2]).toBe(`=HYPERLINK("x") Office ${TAG}`);
    const outlierRow = rows.find((row) => row[1] === s5.id);
    expect(outlierRow?.[9]).toBe(0.6);
    expect(outlierRow?.at(-1)).toBe('requiredActionShare high');
  });

  it('is for supervisors and program managers only', async () => {
    for (const path of ['metrics', 'metrics.csv', 'metrics.xlsx']) {
      const url = `/api/v1/cbp/validations/${path}?${query}`;
      const bySpecialist = await call('GET', url, scssSession);
      expect(bySpecialist.statusCode).toBe(403);
      expect(errorCode(bySpecialist)).toBe('FORBIDDEN');
      expect((await call('GET', url, officer)).statusCode).toBe(403);
      expect((await call('GET', url, null)).statusCode).toBe(401);
    }
  });

  it('refuses a bad query, naming the field', async () => {
    const bad = async (q: string) => {
      const response = await call('GET', `/api/v1/cbp/validations/metrics?${q}`, manager);
      expect(response.statusCode, response.body).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
      return issuePaths(response);
    };
    expect(await bad('from=2030-12-31&to=2030-01-01')).toEqual(['querystring.to']);
    expect(await bad('from=2030-02-30')).toEqual(['querystring.from']);
    expect(await bad('officeId=not-a-uuid')).toEqual(['querystring.officeId']);
    const member = await createOrganisation(testApp.database.db);
    expect(await bad(`officeId=${member.id}`)).toEqual(['querystring.officeId']);
    const csv = await call(
      'GET',
      '/api/v1/cbp/validations/metrics.csv?from=2030-12-31&to=2030-01-01',
      manager,
    );
    expect(csv.statusCode).toBe(400);
    expect(issuePaths(csv)).toEqual(['querystring.to']);
  });
});
