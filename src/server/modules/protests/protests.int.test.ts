import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { multipartBody, type UploadFile } from '../../../../tests/factories/evidence.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import { emailsTo } from '../../../../tests/factories/outbox.factory.ts';
import {
  certifiedMemberWithImporterNumber,
  validEntryNumber,
  withWrongCheckDigit,
} from '../../../../tests/factories/protest-filing.factory.ts';
import { uniqueImporterNumber } from '../../../../tests/factories/registry.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import {
  apiCaller,
  errorCode,
  issuePaths,
  nextClientAddress,
} from '../../../../tests/setup/api-caller.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import {
  ProtestPageSchema,
  type ProtestView,
  ProtestViewSchema,
} from '../../../domain/protests/protest-api.schema.ts';

/**
 * Protests, member side (issue 7): filing, timeliness, the Trade Compliance indicator, recorded
 * protests, amendments, accelerated disposition, withdrawal, the details spreadsheet and tenant
 * isolation. TEST_NOW is Sunday 29 November 2026.
 */

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

interface Company {
  id: string;
  officerUser: TestUser;
  officer: SignedIn;
}

let filer: Company;
let other: Company;
let manager: SignedIn;
/** An importer number of a certified member whose Trade Compliance status is active. */
let tcImporter: string;
let tcMemberId: string;
/** An importer number of a certified member that never held Trade Compliance status. */
let plainMemberImporter: string;
let plainMemberId: string;
/** A port of this test file, so serials counted here are not shared with other test files. */
const PORT = String(randomInt(1000, 9999));

async function company(): Promise<Company> {
  const db = testApp.database.db;
  const organisation = await createOrganisation(db);
  const officerUser = await createUser(db, { role: 'company_officer', organisation });
  return {
    id: organisation.id,
    officerUser,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
  };
}

/** A certified member company giving `importerNumber` in its application. */
function certifiedMember(importerNumber: string): Promise<string> {
  return certifiedMemberWithImporterNumber(testApp.database.db, importerNumber);
}

async function setTradeCompliance(organisationId: string, status: string, since: string) {
  const response = await call(
    'PUT',
    `/api/v1/registry/members/${organisationId}/trade-compliance`,
    manager,
    { status, since, reason: `Set to ${status} by the protest tests` },
  );
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  filer = await company();
  other = await company();
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  manager = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'program_manager', organisation: office }),
  );
  tcImporter = uniqueImporterNumber();
  tcMemberId = await certifiedMember(tcImporter);
  await setTradeCompliance(tcMemberId, 'active', '2026-10-01');
  plainMemberImporter = uniqueImporterNumber();
  plainMemberId = await certifiedMember(plainMemberImporter);
}, 60_000);

afterAll(async () => {
  await testApp.close();
});

const entryNumber = validEntryNumber;

function entry(overrides: Record<string, unknown> = {}) {
  return {
    entryNumber: entryNumber(),
    entryDate: '2026-06-10',
    dateKind: 'liquidation',
    liquidationOrDecisionDate: '2026-09-04',
    lead: false,
    ...overrides,
  };
}

function filingBody(overrides: Record<string, unknown> = {}) {
  return {
    portCode: PORT,
    center: 'ELE',
    protestant: { name: 'Harbor Electronics Inc.', address: '100 Harbor Drive, Chicago, IL' },
    protestantType: 'importer',
    importerNumber: tcImporter,
    filer: {
      name: 'Dana Whitfield',
      address: '100 Harbor Drive, Chicago, IL',
      capacity: 'protestant',
    },
    entries: [entry({ lead: true }), entry({ liquidationOrDecisionDate: '2026-09-18' })],
    decisionsProtested: ['classification_and_rate'],
    categories: [
      {
        category: 'LCD monitors',
        description: '24-inch LCD computer monitors',
        objections: [
          {
            decision: 'classification_and_rate',
            objection: 'Classified under 8528.59 instead of 8528.52',
            justification: 'The monitors are solely or principally used with computers.',
          },
        ],
      },
    ],
    drawbackDeclaration: 'not_subject_to_drawback',
    ...overrides,
  };
}

async function file(session: SignedIn, body: Record<string, unknown>): Promise<ProtestView> {
  const response = await call('POST', '/api/v1/protests', session, body);
  expect(response.statusCode, response.body).toBe(201);
  return ProtestViewSchema.parse(response.json());
}

async function read(session: SignedIn, protestId: string): Promise<ProtestView> {
  const response = await call('GET', `/api/v1/protests/${protestId}`, session);
  expect(response.statusCode, response.body).toBe(200);
  return ProtestViewSchema.parse(response.json());
}

async function protestCount(organisationId: string): Promise<number> {
  const result = await testApp.database.db.execute(
    sql`select count(*)::int as n from protests where organisation_id = ${organisationId}`,
  );
  return RowsSchema(z.object({ n: z.number() })).parse(result).rows[0]?.n ?? -1;
}

describe('filing a protest', () => {
  it('assigns the ACE number, judges each entry and verifies the Trade Compliance member', async () => {
    const body = filingBody();
    const protest = await file(filer.officer, body);
    expect(protest.protestNumber).toMatch(new RegExp(`^${PORT}-2026-\\d{6}$`));
    expect(protest).toMatchObject({
      recorded: false,
      status: 'filed',
      filedOn: '2026-11-29',
      timely: true,
      untimelyReason: null,
      importerNumber: tcImporter,
      centerName: 'Electronics',
      filedByName: expect.stringContaining('company_officer'),
    });
    expect(protest.entries.map((e) => [e.entryNumber, e.lead, e.timely])).toEqual([
      [body.entries[0]?.entryNumber, true, true],
      [body.entries[1]?.entryNumber, false, true],
    ]);
    expect(protest.tradeCompliance).toMatchObject({
      verified: true,
      memberOrganisationId: tcMemberId,
      statusAtFiling: 'active',
      statusNow: 'active',
      changedSinceFiling: false,
      checkedAt: TEST_NOW.toISOString(),
    });
    // The amendment window closes with the first entry's: 2026-09-04 + 180 = 2027-03-03.
    expect(protest.amendment.allowed).toBe(true);
    expect(protest.clocks.find((clock) => clock.name === 'amendment')).toMatchObject({
      effective: '2027-03-03',
      daysLeft: 94,
    });
    expect(protest.events.map((event) => event.kind)).toEqual(['filed']);
    expect(await auditActionsOn(testApp.database.db, protest.id)).toEqual(['protest.filed']);

    // Listed with its queue priority: a Trade Compliance member ranks 1.
    const page = ProtestPageSchema.parse(
      (await call('GET', `/api/v1/protests?q=${protest.protestNumber}`, filer.officer)).json(),
    );
    expect(page.items.map((item) => [item.id, item.priorityRank, item.tradeCompliance])).toEqual([
      [protest.id, 1, true],
    ]);
    expect(page.items[0]?.nextClock?.name).toBe('amendment');

    // The officer (the filer) hears of it once, in the inbox and by e-mail.
    const mails = await emailsTo(
      testApp.database.db,
      filer.officerUser.email,
      `Protest ${protest.protestNumber} filed`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text_body).toContain('verified CTPAT Trade Compliance member');
  });

  it('shows a Trade Compliance status changed after filing beside the snapshot', async () => {
    const importer = uniqueImporterNumber();
    const memberId = await certifiedMember(importer);
    await setTradeCompliance(memberId, 'active', '2026-11-01');
    const protest = await file(filer.officer, filingBody({ importerNumber: importer }));
    await setTradeCompliance(memberId, 'suspended', '2026-11-29');
    expect((await read(filer.officer, protest.id)).tradeCompliance).toMatchObject({
      verified: true,
      statusAtFiling: 'active',
      statusNow: 'suspended',
      changedSinceFiling: true,
    });
  });

  it('is not verified for a member without active status, nor for an unknown importer', async () => {
    const plain = await file(filer.officer, filingBody({ importerNumber: plainMemberImporter }));
    expect(plain.tradeCompliance).toMatchObject({
      verified: false,
      memberOrganisationId: plainMemberId,
      statusAtFiling: null,
      statusNow: null,
      changedSinceFiling: false,
    });
    const unknown = await file(
      filer.officer,
      filingBody({ importerNumber: uniqueImporterNumber() }),
    );
    expect(unknown.tradeCompliance).toMatchObject({
      verified: false,
      memberOrganisationId: null,
      memberName: null,
    });
    const page = ProtestPageSchema.parse(
      (await call('GET', `/api/v1/protests?q=${unknown.protestNumber}`, filer.officer)).json(),
    );
    expect(page.items[0]?.priorityRank).toBe(2);
  });

  it('never takes the indicator from the body', async () => {
    const response = await call(
      'POST',
      '/api/v1/protests',
      filer.officer,
      filingBody({
        importerNumber: uniqueImporterNumber(),
        tradeCompliance: { verified: true },
        tcVerified: true,
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(ProtestViewSchema.parse(response.json()).tradeCompliance.verified).toBe(false);
  });

  it('files an untimely protest and flags it with the reason', async () => {
    const late = entry({
      lead: true,
      entryDate: '2025-11-03',
      liquidationOrDecisionDate: '2026-01-02',
    });
    const protest = await file(filer.officer, filingBody({ entries: [late, entry()] }));
    expect(protest.timely).toBe(false);
    expect(protest.entries.map((e) => e.timely)).toEqual([false, true]);
    // 2026-01-02 + 180 = Wednesday 2026-07-01; filed 151 days later.
    expect(protest.entries[0]?.timelinessReason).toContain(
      '151 days after the last day (2026-07-01)',
    );
    expect(protest.untimelyReason).toContain(late.entryNumber);
    // The same reason, coded for the web to translate (stored with the filing).
    expect(protest.entries[0]).toMatchObject({
      timelinessCode: 'after_window',
      timelinessParams: {
        filedOn: '2026-11-29',
        count: 151,
        lastDay: '2026-07-01',
        periodDays: 180,
        trigger: 'liquidation',
        triggerDate: '2026-01-02',
      },
    });
    expect(protest.entries[1]?.timelinessCode).toBe('within_window');
    expect(protest.amendment).toMatchObject({
      allowed: false,
      code: 'window_closed',
      params: { lastDay: '2026-07-01' },
    });
    const filingWindow = protest.clocks.find(
      (clock) => clock.name === 'filing_window' && clock.entryNumber === late.entryNumber,
    );
    expect(filingWindow).toMatchObject({
      code: 'filing_window_180_roll',
      params: { trigger: 'liquidation' },
      text: expect.stringContaining('within 180 days after the liquidation'),
    });
  });

  it('refuses a wrong check digit and a future liquidation date, naming the paths, storing nothing', async () => {
    const before = await protestCount(filer.id);
    const badShape = filingBody({
      entries: [
        entry({ lead: true, entryNumber: withWrongCheckDigit(entryNumber()) }),
        entry({ entryDate: '2026-13-01' }),
      ],
      center: 'XYZ',
    });
    const shape = await call('POST', '/api/v1/protests', filer.officer, badShape);
    expect(shape.statusCode).toBe(400);
    expect(errorCode(shape)).toBe('VALIDATION_FAILED');
    expect(issuePaths(shape).sort()).toEqual([
      'body.center',
      'body.entries.0.entryNumber',
      'body.entries.1.entryDate',
    ]);
    expect(shape.body).toContain('check digit');

    const future = filingBody({
      entries: [entry({ lead: true }), entry({ liquidationOrDecisionDate: '2026-12-01' })],
      relatedProtest: { protestNumber: `${PORT}-2026-000001`, receivedOn: '2026-11-30' },
    });
    const dates = await call('POST', '/api/v1/protests', filer.officer, future);
    expect(dates.statusCode).toBe(400);
    expect(issuePaths(dates)).toEqual([
      'body.entries.1.liquidationOrDecisionDate',
      'body.relatedProtest.receivedOn',
    ]);
    expect(dates.body).toContain('2026-12-01 is in the future (today is 2026-11-29)');
    expect(await protestCount(filer.id)).toBe(before);
  });

  it('gives concurrent filings at one port distinct serials', async () => {
    const port = String(randomInt(1000, 9999));
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('POST', '/api/v1/protests', filer.officer, filingBody({ portCode: port })),
      ),
    );
    const numbers = responses.map((response) => {
      expect(response.statusCode, response.body).toBe(201);
      return ProtestViewSchema.parse(response.json()).protestNumber;
    });
    expect(new Set(numbers).size).toBe(6);
    for (const number of numbers) {
      expect(number).toMatch(new RegExp(`^${port}-2026-\\d{6}$`));
    }
  });
});

describe('recording a protest filed elsewhere', () => {
  it('accepts any historical form, keeps it as CBP issued it, and refuses it twice', async () => {
    const serial = String(randomInt(100_000, 999_999));
    const response = await call(
      'POST',
      '/api/v1/protests/recorded',
      filer.officer,
      filingBody({ protestNumber: `${PORT}15${serial}`, filedOn: '2026-10-01' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const protest = ProtestViewSchema.parse(response.json());
    expect(protest).toMatchObject({
      protestNumber: `${PORT}-15-${serial}`,
      recorded: true,
      filedOn: '2026-10-01',
    });
    expect(await auditActionsOn(testApp.database.db, protest.id)).toEqual(['protest.recorded']);
    const again = await call(
      'POST',
      '/api/v1/protests/recorded',
      filer.officer,
      filingBody({ protestNumber: `${PORT}-15-${serial}`, filedOn: '2026-10-01' }),
    );
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('refuses a number of another port, a malformed number and a future filing day', async () => {
    const otherPort = PORT === '2704' ? '2705' : '2704';
    const response = await call(
      'POST',
      '/api/v1/protests/recorded',
      filer.officer,
      filingBody({ protestNumber: `${otherPort}-2026-100001`, filedOn: '2026-10-01' }),
    );
    expect(issuePaths(response)).toEqual(['body.protestNumber']);
    const malformed = await call(
      'POST',
      '/api/v1/protests/recorded',
      filer.officer,
      filingBody({ protestNumber: `${PORT}-2026-1001`, filedOn: '2026-12-01' }),
    );
    expect(issuePaths(malformed).sort()).toEqual(['body.filedOn', 'body.protestNumber']);
  });
});

describe('after filing', () => {
  it('amends, then records accelerated disposition (rank 0), then refuses amendments (409)', async () => {
    const protest = await file(
      filer.officer,
      filingBody({ importerNumber: uniqueImporterNumber() }),
    );
    const categories = [
      ...filingBody().categories,
      {
        category: 'Monitor stands',
        description: 'Steel stands for monitors',
        objections: [
          {
            decision: 'appraised_value',
            objection: 'Assists were added twice',
            justification: 'The invoice price already includes the tooling.',
          },
        ],
      },
    ];
    const amended = await call('PATCH', `/api/v1/protests/${protest.id}`, filer.officer, {
      decisionsProtested: ['classification_and_rate', 'appraised_value'],
      categories,
      expectedVersion: protest.version,
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(ProtestViewSchema.parse(amended.json()).categories).toHaveLength(2);

    const early = await call(
      'POST',
      `/api/v1/protests/${protest.id}/accelerated-disposition`,
      filer.officer,
      { mailedOn: '2026-11-28' },
    );
    expect(issuePaths(early)).toEqual(['body.mailedOn']);
    const requested = await call(
      'POST',
      `/api/v1/protests/${protest.id}/accelerated-disposition`,
      filer.officer,
      { mailedOn: '2026-11-29' },
    );
    expect(requested.statusCode, requested.body).toBe(200);
    const view = ProtestViewSchema.parse(requested.json());
    expect(view.acceleratedDispositionMailedOn).toBe('2026-11-29');
    expect(view.clocks[0]).toMatchObject({
      name: 'accelerated_disposition_deemed_denial',
      effective: '2026-12-29',
      daysLeft: 30,
    });
    expect(view.amendment.allowed).toBe(false);
    const listed = ProtestPageSchema.parse(
      (await call('GET', `/api/v1/protests?q=${protest.protestNumber}`, filer.officer)).json(),
    );
    expect(listed.items[0]).toMatchObject({ priorityRank: 0, priorityDate: '2026-12-29' });

    const refused = await call('PATCH', `/api/v1/protests/${protest.id}`, filer.officer, {
      decisionsProtested: ['classification_and_rate'],
      categories: filingBody().categories,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('Accelerated disposition was requested');
    const twice = await call(
      'POST',
      `/api/v1/protests/${protest.id}/accelerated-disposition`,
      filer.officer,
      { mailedOn: '2026-11-29' },
    );
    expect(twice.statusCode).toBe(409);
    expect(await auditActionsOn(testApp.database.db, protest.id)).toEqual([
      'protest.filed',
      'protest.amended',
      'protest.accelerated_disposition_requested',
    ]);
  });

  it('refuses an amendment with an objection against a decision not protested', async () => {
    const protest = await file(filer.officer, filingBody());
    const response = await call('PATCH', `/api/v1/protests/${protest.id}`, filer.officer, {
      decisionsProtested: ['appraised_value'],
      categories: filingBody().categories,
    });
    expect(issuePaths(response).sort()).toEqual([
      'body.categories.0.objections.0.decision',
      'body.decisionsProtested.0',
    ]);
  });

  it('withdraws a protest once; a withdrawn protest takes no more changes', async () => {
    const protest = await file(filer.officer, filingBody());
    const withdrawn = await call('POST', `/api/v1/protests/${protest.id}/withdraw`, filer.officer, {
      reason: 'Settled with a post-summary correction',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(ProtestViewSchema.parse(withdrawn.json()).status).toBe('withdrawn');
    const again = await call('POST', `/api/v1/protests/${protest.id}/withdraw`, filer.officer, {});
    expect(again.statusCode).toBe(409);
    const mails = await emailsTo(
      testApp.database.db,
      filer.officerUser.email,
      `Protest ${protest.protestNumber}: withdrawn`,
    );
    expect(mails).toHaveLength(1);
  });
});

function uploadTo(session: SignedIn, protestId: string, kind: string, file: UploadFile) {
  const body = multipartBody({ kind }, [file]);
  return testApp.app.inject({
    method: 'POST',
    url: `/api/v1/protests/${protestId}/attachments`,
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
    remoteAddress: nextClientAddress(),
  });
}

function csvFile(text: string, filename = 'details.csv'): UploadFile {
  return { filename, contentType: 'text/csv', content: Buffer.from(text) };
}

async function detailRows(protestId: string) {
  const result = await testApp.database.db.execute(
    sql`select r.line, r.entry_number, r.entry_line_number, r.change_from, r.change_to, r.extra
          from protest_detail_rows r join protest_attachments a on a.id = r.attachment_id
         where a.protest_id = ${protestId} order by a.filename, r.line`,
  );
  return RowsSchema(
    z.object({
      line: z.number(),
      entry_number: z.string(),
      entry_line_number: z.number(),
      change_from: z.string(),
      change_to: z.string(),
      extra: z.record(z.string(), z.string()),
    }),
  ).parse(result).rows;
}

const ProblemsSchema = z.object({
  error: z.object({
    details: z.object({
      problems: z.array(
        z.object({
          line: z.number(),
          column: z.string().nullable(),
          code: z.string(),
          message: z.string(),
        }),
      ),
    }),
  }),
});

describe('the protest details spreadsheet', () => {
  let protest: ProtestView;
  let first: string;
  let second: string;

  beforeAll(async () => {
    protest = await file(filer.officer, filingBody());
    first = protest.entries[0]?.entryNumber ?? '';
    second = protest.entries[1]?.entryNumber ?? '';
  });

  it('refuses a sheet without a required column, on the header line', async () => {
    const response = await uploadTo(
      filer.officer,
      protest.id,
      'details_spreadsheet',
      csvFile(`Entry Number,Entry Line Number,Change From\n${first},1,8528.59\n`),
    );
    expect(response.statusCode).toBe(400);
    expect(ProblemsSchema.parse(response.json()).error.details.problems).toEqual([
      { line: 1, column: 'Change To', code: 'missing_column', message: expect.any(String) },
    ]);
  });

  it('reports every bad row with its line and column and imports nothing', async () => {
    const wrongDigit = withWrongCheckDigit(first);
    const csv = [
      'Entry Number,Entry Line Number,Change From,Change To,Note',
      `${first},1,8528.59.2100,8528.52.0000,ok`,
      `${wrongDigit},2,8528.59,8528.52,bad check digit`,
      `${second},zero,8528.59,,bad line and empty change`,
      `${entryNumber('ZZ9')},3,A,B,not an entry of the protest`,
    ].join('\n');
    const response = await uploadTo(filer.officer, protest.id, 'details_spreadsheet', csvFile(csv));
    expect(response.statusCode).toBe(400);
    const problems = ProblemsSchema.parse(response.json()).error.details.problems;
    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [3, 'Entry Number'],
      [4, 'Entry Line Number'],
      [4, 'Change To'],
      [5, 'Entry Number'],
    ]);
    expect(problems[3]?.code).toBe('entry_not_in_protest');
    expect(await detailRows(protest.id)).toEqual([]);
    expect((await read(filer.officer, protest.id)).attachments).toEqual([]);
  });

  it('imports a good CSV with its extra columns, and a good XLSX', async () => {
    const csv = [
      'Entry Number,Entry Line Number,Change From,Change To,Reason',
      `${first},1,8528.59.2100,8528.52.0000,Used with computers`,
      `${second.replaceAll('-', '')},2,USD 10.00,USD 8.50,Assist counted twice`,
    ].join('\r\n');
    const accepted = await uploadTo(filer.officer, protest.id, 'details_spreadsheet', csvFile(csv));
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ kind: 'details_spreadsheet', rows: 2 });

    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const workbook = await writeXlsxFile(
      [
        [
          { value: 'ENTRY NUMBER' },
          { value: 'Entry Line Number' },
          { value: 'Change From' },
          { value: 'Change To' },
        ],
        [{ value: second }, { value: 7 }, { value: '8471.30' }, { value: '8471.41' }],
      ],
      { sheet: 'Details' },
    ).toBuffer();
    const xlsx = await uploadTo(filer.officer, protest.id, 'details_spreadsheet', {
      filename: 'details.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: workbook,
    });
    expect(xlsx.statusCode, xlsx.body).toBe(201);

    expect(await detailRows(protest.id)).toEqual([
      {
        line: 2,
        entry_number: first,
        entry_line_number: 1,
        change_from: '8528.59.2100',
        change_to: '8528.52.0000',
        extra: { Reason: 'Used with computers' },
      },
      {
        line: 3,
        entry_number: second,
        entry_line_number: 2,
        change_from: 'USD 10.00',
        change_to: 'USD 8.50',
        extra: { Reason: 'Assist counted twice' },
      },
      {
        line: 2,
        entry_number: second,
        entry_line_number: 7,
        change_from: '8471.30',
        change_to: '8471.41',
        extra: {},
      },
    ]);
    const view = await read(filer.officer, protest.id);
    expect(view.attachments.map((a) => [a.filename, a.kind, a.rows]).sort()).toEqual([
      ['details.csv', 'details_spreadsheet', 2],
      ['details.xlsx', 'details_spreadsheet', 1],
    ]);
    expect(await auditActionsOn(testApp.database.db, protest.id)).toEqual([
      'protest.filed',
      'protest.attachment_added',
      'protest.attachment_added',
    ]);

    const attachmentId = view.attachments.find((a) => a.filename === 'details.csv')?.id ?? '';
    const download = await call(
      'GET',
      `/api/v1/protests/${protest.id}/attachments/${attachmentId}/content`,
      filer.officer,
    );
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(csv);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    // CBP downloads it from its own route; members cannot use that route.
    const cbpPath = `/api/v1/cbp/protests/${protest.id}/attachments/${attachmentId}/content`;
    const forCbp = await call('GET', cbpPath, manager);
    expect(forCbp.statusCode).toBe(200);
    expect(forCbp.body).toBe(csv);
    expect(forCbp.headers['content-security-policy']).toContain('sandbox');
    expect((await call('GET', cbpPath, filer.officer)).statusCode).toBe(403);
    const mismatched = await call(
      'GET',
      `/api/v1/cbp/protests/${randomUUID()}/attachments/${attachmentId}/content`,
      manager,
    );
    expect(mismatched.statusCode).toBe(404);
  });

  it('refuses a spreadsheet that is not CSV or XLSX, and an unknown kind', async () => {
    const text = await uploadTo(
      filer.officer,
      protest.id,
      'details_spreadsheet',
      csvFile('Entry Number\n', 'details.txt'),
    );
    expect(issuePaths(text)).toEqual(['body.file']);
    const kind = await uploadTo(filer.officer, protest.id, 'photo', csvFile('a,b\n'));
    expect(issuePaths(kind)).toEqual(['body.kind']);
  });
});

describe('tenant isolation', () => {
  it('answers 404 for another company’s protest, whatever the route', async () => {
    const protest = await file(filer.officer, filingBody());
    const attachment = await uploadTo(filer.officer, protest.id, 'supporting_document', {
      filename: 'notes.txt',
      contentType: 'text/plain',
      content: Buffer.from('Supporting notes'),
    });
    expect(attachment.statusCode, attachment.body).toBe(201);
    const attachmentId: string = attachment.json().id;
    const attempts = [
      call('GET', `/api/v1/protests/${protest.id}`, other.officer),
      call('PATCH', `/api/v1/protests/${protest.id}`, other.officer, {
        decisionsProtested: ['classification_and_rate'],
        categories: filingBody().categories,
      }),
      call('POST', `/api/v1/protests/${protest.id}/accelerated-disposition`, other.officer, {
        mailedOn: '2026-11-29',
      }),
      call('POST', `/api/v1/protests/${protest.id}/withdraw`, other.officer, {}),
      call(
        'GET',
        `/api/v1/protests/${protest.id}/attachments/${attachmentId}/content`,
        other.officer,
      ),
      uploadTo(other.officer, protest.id, 'supporting_document', csvFile('a,b\n')),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode, response.body).toBe(404);
    }
    const page = ProtestPageSchema.parse(
      (await call('GET', `/api/v1/protests?q=${protest.protestNumber}`, other.officer)).json(),
    );
    expect(page.items).toEqual([]);
    expect((await read(filer.officer, protest.id)).status).toBe('filed');
  });
});
