import { randomUUID } from 'node:crypto';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { proceedAnswers } from '../../../../tests/factories/registry.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import type {
  MembershipStatus,
  ReviewStep,
} from '../../../domain/registry/lifecycle/membership-states.ts';
import {
  MemberPageSchema,
  type MemberSummary,
  SpecialistListSchema,
} from '../../../domain/registry/member-queue.schema.ts';
import type { StoredIdentifier } from '../../../domain/registry/registry.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { insertMembership, replaceEntityTypes } from './registry.repository.ts';

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

/** Every company this file makes carries the tag, so `q` isolates them from other files' rows. */
const TAG = `Queue${randomUUID().slice(0, 6)}`;
const FORMULA_TAG = `Formula${randomUUID().slice(0, 6)}`;
/** A SCAC no other file uses (four letters). */
const SCAC = Array.from({ length: 4 }, () =>
  String.fromCharCode(65 + Math.floor(Math.random() * 26)),
)
  .join('')
  .replace(/[AEIOU]/g, 'X');
const IMPORTER_NUMBER = `26${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}-${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;

let officeA: Organisation;
let officeB: Organisation;
let supervisor: SignedIn;
let s1User: TestUser;
let s1: SignedIn;
let s2User: TestUser;
let s3User: TestUser;
let officer: SignedIn;

interface MemberSpec {
  name: string;
  status: MembershipStatus;
  reviewStep?: ReviewStep;
  submitted?: string;
  since: string;
  certified?: string;
  validated?: string;
  specialist?: TestUser;
  office?: Organisation;
  entityTypes?: { entityType: EntityType; identifiers: StoredIdentifier[] }[];
}

const TIERS = { certified: 'I', validated: 'II', validated_exceeds: 'III' } as const;

/** A membership in the given state, written straight to the registry tables. */
async function insertMember(spec: MemberSpec): Promise<string> {
  const db = testApp.database.db;
  const entityTypes = spec.entityTypes ?? [{ entityType: 'importer' as const, identifiers: [] }];
  const company = await createOrganisation(db, {
    legalName: spec.name,
    entityTypes: entityTypes.map((entry) => entry.entityType),
  });
  const tier =
    spec.status === 'certified' ||
    spec.status === 'validated' ||
    spec.status === 'validated_exceeds'
      ? TIERS[spec.status]
      : null;
  await insertMembership(db, {
    organisationId: company.id,
    status: spec.status,
    reviewStep: spec.reviewStep ?? null,
    statusSince: spec.since,
    tier,
    assignedSpecialistUserId: spec.specialist?.id ?? null,
    cbpOfficeId: spec.office?.id ?? null,
    applicationSubmittedOn: spec.submitted ?? null,
    certifiedOn: spec.certified ?? null,
    validatedOn: spec.validated ?? null,
    lastValidatedOn: spec.validated ?? null,
    createdAt: TEST_NOW,
    updatedAt: TEST_NOW,
  });
  await replaceEntityTypes(
    db,
    company.id,
    entityTypes.map((entry) => ({ ...entry, eligibility: proceedAnswers(entry.entityType) })),
    TEST_NOW,
  );
  return company.id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  officeA = await createOrganisation(db, {
    kind: 'cbp_office',
    entityTypes: [],
    legalName: `${TAG} Office Laredo`,
  });
  officeB = await createOrganisation(db, {
    kind: 'cbp_office',
    entityTypes: [],
    legalName: `${TAG} Office Buffalo`,
  });
  const supervisorUser = await createUser(db, { role: 'supervisory_scss', organisation: officeA });
  s1User = await createUser(db, { role: 'scss', organisation: officeA });
  s2User = await createUser(db, { role: 'scss', organisation: officeA });
  s3User = await createUser(db, { role: 'scss', organisation: officeB });
  supervisor = await signInWithMfaSettled(testApp.app, db, supervisorUser);
  s1 = await signInWithMfaSettled(testApp.app, db, s1User);
  const member = await createOrganisation(db);
  officer = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'company_officer', organisation: member }),
  );

  ids.alpha = await insertMember({
    name: `${TAG} Alpha Imports`,
    status: 'applicant',
    submitted: '2026-10-01',
    since: '2026-10-01',
    entityTypes: [
      {
        entityType: 'importer',
        identifiers: [{ kind: 'importer_of_record_number', value: IMPORTER_NUMBER, warnings: [] }],
      },
    ],
  });
  ids.bravo = await insertMember({
    name: `${TAG} Bravo Freight`,
    status: 'applicant',
    submitted: '2026-09-15',
    since: '2026-09-15',
    entityTypes: [
      {
        entityType: 'highway_carrier_us_mexico',
        identifiers: [{ kind: 'scac', value: SCAC, warnings: [] }],
      },
      { entityType: 'importer', identifiers: [] },
    ],
  });
  ids.charlie = await insertMember({
    name: `${TAG} Charlie Logistics`,
    status: 'under_review',
    reviewStep: 'specialist_assigned',
    submitted: '2026-08-01',
    since: '2026-08-10',
    specialist: s1User,
    office: officeA,
  });
  ids.delta = await insertMember({
    name: `${TAG} Delta Trading`,
    status: 'under_review',
    reviewStep: 'profile_review',
    submitted: '2026-08-01',
    since: '2026-09-01',
    specialist: s2User,
    office: officeA,
  });
  ids.echo = await insertMember({
    name: `${TAG} Echo Exports`,
    status: 'certified',
    submitted: '2025-01-01',
    since: '2025-03-01',
    certified: '2025-03-01',
    specialist: s3User,
    office: officeB,
    entityTypes: [{ entityType: 'exporter', identifiers: [] }],
  });
  ids.foxtrot = await insertMember({
    name: `${TAG} Foxtrot Brokers`,
    status: 'validated',
    submitted: '2024-01-01',
    since: '2024-09-01',
    certified: '2024-03-01',
    validated: '2024-09-01',
    specialist: s1User,
    office: officeA,
  });
  ids.golf = await insertMember({
    name: `${TAG} Golf Goods`,
    status: 'pre_applicant',
    since: '2026-11-01',
  });
  ids.hotel = await insertMember({
    name: `${TAG} Hotel Supply`,
    status: 'pre_applicant',
    since: '2026-11-20',
  });
}, 60_000);

afterAll(async () => {
  await testApp.close();
});

async function list(session: SignedIn, query: string): Promise<MemberSummary[]> {
  const response = await call('GET', `/api/v1/registry/members?${query}`, session);
  expect(response.statusCode, response.body).toBe(200);
  return MemberPageSchema.parse(response.json()).items;
}

/** The names (without the tag) a query lists, in order. */
async function names(query: string, session: SignedIn = supervisor): Promise<string[]> {
  const items = await list(session, `q=${TAG}&limit=100&${query}`);
  return items.map((item) => item.legalName.replace(`${TAG} `, '').split(' ')[0] ?? '');
}

/** Every page of a list, `limit` rows at a time, following nextCursor. */
async function allPages(query: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page += 1) {
    const url = `/api/v1/registry/members?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await call('GET', url, supervisor);
    expect(response.statusCode, response.body).toBe(200);
    const body = MemberPageSchema.parse(response.json());
    expect(body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...body.items.map((item) => item.organisationId));
    cursor = body.nextCursor;
    if (cursor === null) {
      return seen;
    }
  }
  throw new Error('the list did not end');
}

describe('GET /api/v1/registry/members: filters', () => {
  it('filters by status, tier, review step and entity type', async () => {
    expect(await names('state=applicant')).toEqual(['Alpha', 'Bravo']);
    expect(await names('tier=I')).toEqual(['Echo']);
    expect(await names('tier=II')).toEqual(['Foxtrot']);
    // A tier and a state that never meet: nothing, not an error.
    expect(await names('tier=II&state=applicant')).toEqual([]);
    expect(await names('reviewStep=profile_review')).toEqual(['Delta']);
    expect(await names('entityType=exporter')).toEqual(['Echo']);
    expect(await names('entityType=highway_carrier_us_mexico')).toEqual(['Bravo']);
  });

  it('filters by specialist, by "mine", by unassigned and by office', async () => {
    expect(await names(`assignedSpecialistUserId=${s1User.id}`)).toEqual(['Charlie', 'Foxtrot']);
    expect(await names('mine=true', s1)).toEqual(['Charlie', 'Foxtrot']);
    expect(await names('unassigned=true')).toEqual(['Alpha', 'Bravo', 'Golf', 'Hotel']);
    expect(await names(`cbpOfficeId=${officeB.id}`)).toEqual(['Echo']);
    // Without the name filter, the office walks the name order (no selective index).
    const inOffice = await list(supervisor, `cbpOfficeId=${officeA.id}&limit=100`);
    expect(inOffice.map((item) => item.organisationId)).toEqual([
      ids.charlie,
      ids.delta,
      ids.foxtrot,
    ]);
    const both = await call('GET', `/api/v1/registry/members?mine=true&unassigned=true`, s1);
    expect(both.statusCode).toBe(400);
    expect(issuePaths(both)).toEqual(['querystring.assignedSpecialistUserId']);
  });

  it('finds a member by identifier, spelled as people type it (canonicalised), any kind or one', async () => {
    const [year, serial] = IMPORTER_NUMBER.split('-');
    const spaced = await list(supervisor, `identifier=${encodeURIComponent(`${year} ${serial}`)}`);
    expect(spaced.map((item) => item.organisationId)).toEqual([ids.alpha]);
    const scac = await list(supervisor, `identifier=${SCAC.toLowerCase()}&identifierKind=scac`);
    expect(scac.map((item) => item.organisationId)).toEqual([ids.bravo]);
    const invalid = await call(
      'GET',
      '/api/v1/registry/members?identifier=12&identifierKind=duns_number',
      supervisor,
    );
    expect(invalid.statusCode).toBe(400);
    expect(issuePaths(invalid)).toEqual(['querystring.identifier']);
  });

  it('shows what the queue needs: specialist, office, certification target and days left', async () => {
    const [charlie] = await list(supervisor, `q=${encodeURIComponent(`${TAG} Charlie`)}`);
    expect(charlie).toMatchObject({
      status: 'under_review',
      reviewStep: 'specialist_assigned',
      assignedSpecialistUserId: s1User.id,
      cbpOfficeId: officeA.id,
      cbpOfficeName: `${TAG} Office Laredo`,
      applicationSubmittedOn: '2026-08-01',
      // 90 days after 2026-08-01 (6 U.S.C. 964(c)); the tests run on 2026-11-29.
      certificationTarget: { due: '2026-10-30', daysLeft: -30 },
      nextClock: { name: 'certification_target', due: '2026-10-30', daysLeft: -30 },
    });
    expect(charlie?.assignedSpecialistName).toMatch(/^Test scss /);
    const [alpha] = await list(supervisor, `identifier=${IMPORTER_NUMBER}`);
    expect(alpha?.certificationTarget).toEqual({ due: '2026-12-30', daysLeft: 31 });
    const [echo] = await list(supervisor, `q=${encodeURIComponent(`${TAG} Echo`)}`);
    expect(echo).toMatchObject({ tier: 'I', certificationTarget: null, entityTypes: ['exporter'] });
    // Certified 2025-03-01, not yet validated: the first validation was due within a year.
    expect(echo?.nextClock).toEqual({
      name: 'first_validation',
      due: '2026-03-01',
      daysLeft: -273,
    });
  });
});

describe('GET /api/v1/registry/members: sorting and paging', () => {
  const byName = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
  const bySubmitted = () => {
    const tied = [ids.charlie, ids.delta].sort();
    return [ids.foxtrot, ids.echo, ...tied, ids.bravo, ids.alpha, ...[ids.golf, ids.hotel].sort()];
  };
  const bySince = ['foxtrot', 'echo', 'charlie', 'delta', 'bravo', 'alpha', 'golf', 'hotel'];

  it('sorts by name, by submission (oldest first, never submitted last) and by status since', async () => {
    const byKey = (keys: string[]) => keys.map((key) => ids[key]);
    const sorted = async (sort: string) =>
      (await list(supervisor, `q=${TAG}&limit=100&sort=${sort}`)).map(
        (item) => item.organisationId,
      );
    expect(await sorted('name')).toEqual(byKey(byName));
    expect(await sorted('submitted')).toEqual(bySubmitted());
    expect(await sorted('status_since')).toEqual(byKey(bySince));
  });

  it('pages through every sort without duplicates or gaps', async () => {
    const byKey = (keys: string[]) => keys.map((key) => ids[key]);
    for (const limit of [1, 2, 3]) {
      expect(await allPages(`q=${TAG}&sort=name`, limit)).toEqual(byKey(byName));
      expect(await allPages(`q=${TAG}&sort=submitted`, limit)).toEqual(bySubmitted());
      expect(await allPages(`q=${TAG}&sort=status_since`, limit)).toEqual(byKey(bySince));
    }
  });

  it('pages the unfiltered walk of each sort index in the same order', async () => {
    // No selective filter: the name index, or the memberships in date order, are walked. Other
    // rows of the database may come between ours; ours keep their order and appear once.
    const mine = new Set(Object.values(ids));
    for (const [sort, expected] of [
      ['name', byName.map((key) => ids[key])],
      ['submitted', bySubmitted()],
      ['status_since', bySince.map((key) => ids[key])],
    ] as const) {
      const seen = await allPages(`sort=${sort}`, 7);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => mine.has(id))).toEqual(expected);
    }
  });

  it('refuses a cursor of another sort order, naming querystring.cursor', async () => {
    const first = await call(
      'GET',
      `/api/v1/registry/members?q=${TAG}&limit=1&sort=submitted`,
      supervisor,
    );
    const cursor = MemberPageSchema.parse(first.json()).nextCursor;
    const response = await call(
      'GET',
      `/api/v1/registry/members?q=${TAG}&limit=1&sort=name&cursor=${cursor}`,
      supervisor,
    );
    expect(response.statusCode).toBe(400);
    expect(issuePaths(response)).toEqual(['querystring.cursor']);
  });
});

describe('POST /api/v1/registry/members/bulk-transitions', () => {
  async function applicants(count: number, label: string): Promise<string[]> {
    const made: string[] = [];
    for (let index = 0; index < count; index += 1) {
      made.push(
        await insertMember({
          name: `${label} ${randomUUID().slice(0, 6)} Bulk ${index}`,
          status: 'applicant',
          submitted: '2026-11-01',
          since: '2026-11-01',
        }),
      );
    }
    return made;
  }

  async function statusOf(organisationId: string) {
    const response = await call('GET', `/api/v1/registry/members/${organisationId}`, supervisor);
    return response.json() as {
      state: { status: string; reviewStep: string | null };
      assignedSpecialistUserId: string | null;
      cbpOfficeId: string | null;
    };
  }

  it('assigns several applicants to a specialist in one go, audited per member', async () => {
    const chosen = await applicants(3, 'AssignAll');
    const response = await call('POST', '/api/v1/registry/members/bulk-transitions', supervisor, {
      organisationIds: chosen,
      transition: 'assign_specialist',
      specialistUserId: s1User.id,
      expectedCount: 3,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(
      response.json().applied.map((entry: { organisationId: string }) => entry.organisationId),
    ).toEqual(chosen);
    for (const organisationId of chosen) {
      expect(await statusOf(organisationId)).toMatchObject({
        state: { status: 'under_review', reviewStep: 'specialist_assigned' },
        assignedSpecialistUserId: s1User.id,
        cbpOfficeId: officeA.id,
      });
      expect(await auditActionsOn(testApp.database.db, organisationId)).toEqual([
        'partner_membership.specialist_assigned',
      ]);
    }
    expect((await verifyAuditTrail(testApp.database.db)).ok).toBe(true);
  });

  it('writes nothing when one member refuses, and lists every refused member with its reason', async () => {
    const [first, second] = await applicants(2, 'AllOrNothing');
    const unknown = randomUUID();
    // Charlie is already under review: a specialist cannot be assigned again.
    const chosen = [first, ids.charlie, second, unknown] as string[];
    const response = await call('POST', '/api/v1/registry/members/bulk-transitions', supervisor, {
      organisationIds: chosen,
      transition: 'assign_specialist',
      specialistUserId: s2User.id,
      expectedCount: 4,
    });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('CONFLICT');
    expect(response.json().error.details.refused).toEqual([
      {
        organisationId: ids.charlie,
        legalName: `${TAG} Charlie Logistics`,
        code: 'CONFLICT',
        message: expect.stringContaining('cannot be assigned a specialist'),
      },
      { organisationId: unknown, legalName: '', code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    for (const organisationId of [first, second] as string[]) {
      expect(await statusOf(organisationId)).toMatchObject({
        state: { status: 'applicant' },
        assignedSpecialistUserId: null,
      });
      expect(await auditActionsOn(testApp.database.db, organisationId)).toEqual([]);
    }
    expect((await statusOf(ids.charlie as string)).assignedSpecialistUserId).toBe(s1User.id);
  });

  it('refuses a count that differs from the confirmation with 400 naming body.expectedCount', async () => {
    const chosen = await applicants(2, 'Mismatch');
    const response = await call('POST', '/api/v1/registry/members/bulk-transitions', supervisor, {
      organisationIds: chosen,
      transition: 'assign_specialist',
      specialistUserId: s1User.id,
      expectedCount: 3,
    });
    expect(response.statusCode).toBe(400);
    expect(issuePaths(response)).toEqual(['body.expectedCount']);
    expect((await statusOf(chosen[0] as string)).state.status).toBe('applicant');
  });

  it('answers once what does not depend on the member: the role, a reason, evidence', async () => {
    const chosen = await applicants(1, 'Upfront');
    const notSupervisor = await call('POST', '/api/v1/registry/members/bulk-transitions', s1, {
      organisationIds: chosen,
      transition: 'assign_specialist',
      specialistUserId: s1User.id,
      expectedCount: 1,
    });
    expect(notSupervisor.statusCode).toBe(403);
    const noReason = await call('POST', '/api/v1/registry/members/bulk-transitions', supervisor, {
      organisationIds: chosen,
      transition: 'reject',
      expectedCount: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(issuePaths(noReason)).toEqual(['body.reason']);
    const evidence = await call('POST', '/api/v1/registry/members/bulk-transitions', supervisor, {
      organisationIds: chosen,
      transition: 'record_validation_meets',
      expectedCount: 1,
    });
    expect(evidence.statusCode).toBe(400);
    expect(issuePaths(evidence)).toEqual(['body.transition']);
  });
});

/** RFC 4180 CSV into rows of cells (quoted cells, doubled quotes, line breaks in quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') {
        index += 1;
      }
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const HEADER = [
  'Legal name',
  'Status',
  'Tier',
  'Entity types',
  'Identifiers',
  'Specialist',
  'CBP office',
  'Application submitted',
  'Certified',
  'Validated',
  'Next clock',
  'Next clock due',
];

describe('GET /api/v1/registry/members/export', () => {
  it('exports the filtered list as CSV, with a dated attachment name', async () => {
    const response = await call(
      'GET',
      `/api/v1/registry/members/export?format=csv&q=${TAG}&sort=submitted`,
      supervisor,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="ctpat-members-2026-11-29T\d{6}Z\.csv"$/,
    );
    expect(response.headers['x-export-truncated']).toBe('false');
    const [header, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''));
    expect(header).toEqual(HEADER);
    expect(rows.map((row) => row[0]?.replace(`${TAG} `, '').split(' ')[0])).toEqual([
      'Foxtrot',
      'Echo',
      ...(String(ids.charlie) < String(ids.delta) ? ['Charlie', 'Delta'] : ['Delta', 'Charlie']),
      'Bravo',
      'Alpha',
      ...(String(ids.golf) < String(ids.hotel) ? ['Golf', 'Hotel'] : ['Hotel', 'Golf']),
    ]);
    const bravo = rows.find((row) => row[0] === `${TAG} Bravo Freight`);
    expect(bravo?.slice(1, 5)).toEqual([
      'applicant',
      '',
      'highway_carrier_us_mexico, importer',
      `scac: ${SCAC}`,
    ]);
    const foxtrot = rows.find((row) => row[0] === `${TAG} Foxtrot Brokers`);
    expect(foxtrot?.[2]).toBe('II');
    expect(foxtrot?.[6]).toBe(`${TAG} Office Laredo`);
    expect(foxtrot?.slice(7, 10)).toEqual(['2024-01-01', '2024-03-01', '2024-09-01']);
  });

  it('exports the same rows as XLSX, read back with read-excel-file', async () => {
    const response = await call(
      'GET',
      `/api/v1/registry/members/export?format=xlsx&q=${TAG}&state=under_review`,
      supervisor,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toMatch(/ctpat-members-.*\.xlsx"$/);
    const [header, ...rows] = await readSheet(response.rawPayload);
    expect(header).toEqual(HEADER);
    expect(rows.map((row) => row[0])).toEqual([`${TAG} Charlie Logistics`, `${TAG} Delta Trading`]);
    expect(rows[0]?.[1]).toBe('under_review (specialist_assigned)');
    expect(rows[0]?.[6]).toBe(`${TAG} Office Laredo`);
    expect(rows[0]?.slice(10, 12)).toEqual(['certification_target', '2026-10-30']);
  });

  it('defuses spreadsheet formulas: quoted in CSV, plain text in XLSX', async () => {
    const name = `=HYPERLINK("https://example.test","${FORMULA_TAG}")`;
    await insertMember({ name, status: 'applicant', submitted: '2026-11-01', since: '2026-11-01' });
    const csv = await call('GET', `/api/v1/registry/members/export?q=${FORMULA_TAG}`, supervisor);
    const [, row] = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(row?.[0]).toBe(`'${name}`);
    const xlsx = await call(
      'GET',
      `/api/v1/registry/members/export?format=xlsx&q=${FORMULA_TAG}`,
      supervisor,
    );
    const [, sheetRow] = await readSheet(xlsx.rawPayload);
    // A text cell: shown as typed, never evaluated (a formula cell would read back its result).
    expect(sheetRow?.[0]).toBe(name);
  });
});

describe('who may use the queue', () => {
  it('refuses a member company’s people with 403 from the permission', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/v1/registry/members', undefined],
      ['GET', '/api/v1/registry/members/export?format=xlsx', undefined],
      ['GET', '/api/v1/registry/specialists', undefined],
      [
        'POST',
        '/api/v1/registry/members/bulk-transitions',
        {
          organisationIds: [ids.alpha],
          transition: 'withdraw',
          reason: 'x',
          expectedCount: 1,
        },
      ],
    ] as const) {
      const response = await call(method, url, officer, body);
      expect(`${method} ${url} ${response.statusCode}`).toBe(`${method} ${url} 403`);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
  });

  it('lists the specialists of every CBP office for assignment', async () => {
    const response = await call('GET', '/api/v1/registry/specialists', supervisor);
    expect(response.statusCode).toBe(200);
    const items = SpecialistListSchema.parse(response.json()).items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: s1User.id,
          officeName: `${TAG} Office Laredo`,
          role: 'scss',
        }),
        expect.objectContaining({ userId: s3User.id, officeId: officeB.id }),
        expect.objectContaining({ role: 'supervisory_scss', officeId: officeA.id }),
      ]),
    );
  });
});
