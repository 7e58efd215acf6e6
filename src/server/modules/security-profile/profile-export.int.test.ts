import { sql } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  applicableCriterionIds,
  type InsertedAnswer,
  insertDraftProfile,
  insertLinkedEvidence,
  insertMemberCase,
} from '../../../../tests/factories/security-profile.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { docxText, pdfText } from '../../../../tests/setup/document-text.ts';
import { type MutableClock, mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import { ProfileVersionSchema } from '../../../domain/security-profile/profile-review.schema.ts';

/**
 * The Security Profile's exports (issue 5, item 7), read back: the PDF's text through pdf.js,
 * the Word file's text from word/document.xml, the workbook with read-excel-file.
 */

let testApp: TestApp;
let clock: MutableClock;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

let office: Organisation;
let specialistUser: TestUser;
let specialist: SignedIn;
let auditor: SignedIn;
let musts: string[];
let shoulds: string[];

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The running footer of every PDF page, taken out before comparing flowing text. */
const FOOTER = /Security Profile – .*? – (Version \d+|Working copy) Page \d+ of \d+/g;

beforeAll(async () => {
  clock = mutableClock(TEST_NOW);
  testApp = await buildTestApp({ clock });
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  specialistUser = await createUser(db, { role: 'scss', organisation: office });
  specialist = await signInWithMfaSettled(testApp.app, db, specialistUser);
  auditor = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'regulatory_audit', organisation: office }),
  );
  ({ musts, shoulds } = await applicableCriterionIds(db));
});

afterAll(async () => {
  await testApp.close();
});

/** A narrative of a few hundred characters, with Spanish and typographic punctuation. */
function narrativeOf(criterionId: string): string {
  return (
    `Narrativa ${criterionId}: la compañía revisa los “sellos” de alta seguridad en cada ` +
    `contenedor – el guardia anota el número en la bitácora, lo compara con el conocimiento ` +
    `de embarque y avisa al oficial de seguridad si algo no coincide. Revisión trimestral ` +
    `por auditoría interna; último hallazgo cerrado el 2026-10-01. Fin ${criterionId}.`
  );
}

interface Member {
  company: Organisation;
  officerUser: TestUser;
  officer: SignedIn;
  contributor: SignedIn;
  answers: InsertedAnswer[];
  evidence: { evidenceId: string; sha256: string; title: string; criterionId: string }[];
}

/** An importer with every must and the first should answered, two documents and a head office. */
async function newMember(): Promise<Member> {
  const db = testApp.database.db;
  const company = await createOrganisation(db, {
    legalName: `Compañía Ñandú ${crypto.randomUUID().slice(0, 8)}, S.A. de C.V.`,
  });
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  const contributorUser = await createUser(db, { role: 'contributor', organisation: company });
  await insertMemberCase(db, company.id, {
    at: TEST_NOW,
    specialist: { userId: specialistUser.id, officeId: office.id },
  });
  const answers: InsertedAnswer[] = [
    ...musts.map((criterionId) => ({ criterionId, narrative: narrativeOf(criterionId) })),
    {
      criterionId: shoulds[0] ?? '',
      status: 'not_applicable' as const,
      narrative: 'No manejamos carga: somos un agente “puro” – sin almacén.',
    },
  ];
  await insertDraftProfile(db, company.id, { at: TEST_NOW, answers, userId: officerUser.id });
  const evidence = [];
  for (const [criterionId, title] of [
    [musts[0] ?? '', 'Política de seguridad – sellos 2026'],
    [musts[1] ?? '', 'Bitácora de inspección “17 puntos”'],
  ] as const) {
    const document = await insertLinkedEvidence(db, company.id, criterionId, {
      at: TEST_NOW,
      title,
    });
    evidence.push({ ...document, title, criterionId });
  }
  const officer = await signInWithMfaSettled(testApp.app, db, officerUser);
  const address = await call('POST', '/api/v1/registry/profile/addresses', officer, {
    kind: 'headquarters',
    line1: 'Av. Constitución 1500',
    city: 'Monterrey',
    region: 'Nuevo León',
    postalCode: '64000',
    countryCode: 'MX',
  });
  expect(address.statusCode, address.body).toBe(201);
  return {
    company,
    officerUser,
    officer,
    contributor: await signIn(testApp.app, contributorUser),
    answers,
    evidence,
  };
}

async function submitVersion(member: Member) {
  clock.advance(60_000);
  const response = await call('POST', '/api/v1/profile/submit', member.officer, {
    attestation: true,
  });
  expect(response.statusCode, response.body).toBe(201);
  return ProfileVersionSchema.parse(response.json());
}

/** The specialist approves every criterion but `returned`, which goes back with `comment`. */
async function returnVersion(versionId: string, returned: string, comment: string) {
  const version = ProfileVersionSchema.parse(
    (await call('GET', `/api/v1/profiles/versions/${versionId}`, specialist)).json(),
  );
  for (const criterion of version.snapshot.criteria) {
    const body =
      criterion.id === returned ? { decision: 'returned', comment } : { decision: 'approved' };
    const response = await call(
      'PUT',
      `/api/v1/profiles/versions/${versionId}/reviews/${criterion.id}`,
      specialist,
      body,
    );
    expect(response.statusCode, response.body).toBe(200);
  }
  clock.advance(60_000);
  const decided = await call(
    'POST',
    `/api/v1/profiles/versions/${versionId}/decision`,
    specialist,
    {
      outcome: 'returned',
    },
  );
  expect(decided.statusCode, decided.body).toBe(200);
}

async function auditEventCount(organisationId: string): Promise<number> {
  const result = await testApp.database.db.execute(
    sql`select count(*)::int as n from audit_events where organisation_id = ${organisationId}`,
  );
  return RowsSchema(z.object({ n: z.number() })).parse(result).rows[0]?.n ?? -1;
}

function expectFile(
  response: Awaited<ReturnType<typeof call>>,
  contentType: string,
  filename: RegExp,
) {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe(contentType);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(String(response.headers['content-disposition'])).toMatch(filename);
}

let member: Member;
let slug: string;

beforeAll(async () => {
  member = await newMember();
  slug = `compania-nandu-${member.company.legalName.slice(15, 23)}-s-a-de-c-v`;
});

describe('exporting the working profile', () => {
  it('as PDF: cover, company data, every criterion with its narrative, the evidence index', async () => {
    const response = await call('GET', '/api/v1/profile/export?format=pdf&lang=en', member.officer);
    expectFile(
      response,
      PDF,
      new RegExp(`^attachment; filename="security-profile-${slug}-draft-2026-11-29\\.pdf"$`),
    );
    const text = await pdfText(response.rawPayload, FOOTER);
    expect(text).toContain(`Company ${member.company.legalName}`);
    expect(text).toContain('Version Working copy');
    expect(text).toContain('Status Draft');
    expect(text).toContain('Importer of record number:');
    expect(text).toContain('Headquarters Av. Constitución 1500, 64000 Monterrey, Nuevo León, MX');
    expect(text).toContain(`Total ${musts.length} of ${musts.length}`);
    for (const answer of member.answers) {
      expect(text).toContain(`${answer.criterionId} (`);
      expect(text).toContain(answer.narrative);
    }
    expect(text).toContain('Status Not applicable');
    expect(text).toContain(
      `Responsible person Test company_officer ${member.officerUser.id.slice(0, 4)}`,
    );
    expect(text).toContain('Evidence index');
    for (const document of member.evidence) {
      expect(text).toContain(document.title);
      expect(text).toContain(document.sha256.slice(0, 12));
    }
    // Unanswered shoulds are listed as such.
    expect(text).toContain(`${shoulds[1]} (should`);
    expect(text).toContain('Not answered');
  });

  it('as Word: the same content as real Word text', async () => {
    const response = await call(
      'GET',
      '/api/v1/profile/export?format=docx&lang=en',
      member.officer,
    );
    expectFile(response, DOCX, new RegExp(`security-profile-${slug}-draft-2026-11-29\\.docx"$`));
    const text = docxText(response.rawPayload);
    expect(text).toContain(member.company.legalName);
    for (const answer of member.answers) {
      expect(text).toContain(answer.narrative);
    }
    for (const document of member.evidence) {
      expect(text).toContain(document.title);
    }
  });

  it('as Excel: one row per applicable criterion and an Evidence sheet', async () => {
    const response = await call(
      'GET',
      '/api/v1/profile/export?format=xlsx&lang=en',
      member.officer,
    );
    expectFile(response, XLSX, new RegExp(`security-profile-${slug}-draft-2026-11-29\\.xlsx"$`));
    const [header, ...rows] = await readSheet(response.rawPayload, 'Criteria');
    expect(header).toEqual([
      'Id',
      'Category',
      'must / should',
      'Criterion',
      'Status',
      'Narrative',
      'Responsible person',
      'Evidence',
      'CBP review',
      'To re-confirm',
    ]);
    expect(rows.map((row) => row[0])).toEqual(
      [...musts, ...shoulds].sort((a, b) => {
        const [ca = 0, na = 0] = a.split('.').map(Number);
        const [cb = 0, nb = 0] = b.split('.').map(Number);
        return ca - cb || na - nb;
      }),
    );
    for (const answer of member.answers) {
      const row = rows.find((candidate) => candidate[0] === answer.criterionId);
      expect(row?.[5]).toBe(answer.narrative);
    }
    const first = rows.find((row) => row[0] === member.evidence[0]?.criterionId);
    expect(first?.[2]).toMatch(/^must/);
    expect(first?.[4]).toBe('Implemented');
    expect(first?.[7]).toBe(member.evidence[0]?.title);
    const [evidenceHeader, ...evidence] = await readSheet(response.rawPayload, 'Evidence');
    expect(evidenceHeader).toEqual([
      'Title',
      'File name',
      'Type',
      'SHA-256',
      'Expires',
      'Criteria',
    ]);
    expect(evidence.map((row) => [row[0], row[2], row[3], row[5]])).toEqual(
      [...member.evidence]
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((document) => [document.title, 'PDF', document.sha256, document.criterionId]),
    );
  });

  it('in Spanish when asked, or when the person prefers Spanish', async () => {
    const asked = await call('GET', '/api/v1/profile/export?format=pdf&lang=es', member.officer);
    expect(asked.statusCode).toBe(200);
    const text = await pdfText(asked.rawPayload);
    expect(text).toContain('Perfil de Seguridad');
    expect(text).toContain('Versión Copia de trabajo');
    expect(text).toContain('Razón social');
    expect(text).toContain('Estado No aplica');
    expect(text).toMatch(/Página 1 de \d+/);
    expect(text).toContain(narrativeOf(musts[0] ?? '').slice(0, 80));

    // Without `lang`, the person's preferred language.
    const db = testApp.database.db;
    const reader = await createUser(db, { role: 'company_admin', organisation: member.company });
    const session = await signIn(testApp.app, reader);
    const preference = await call('PATCH', '/api/v1/account', session, {
      preferredLanguage: 'es',
    });
    expect(preference.statusCode, preference.body).toBe(200);
    const preferred = await call('GET', '/api/v1/profile/export?format=docx', session);
    expect(docxText(preferred.rawPayload)).toContain('Datos de la empresa');
    const english = await call('GET', '/api/v1/profile/export?format=docx', member.officer);
    expect(docxText(english.rawPayload)).toContain('Company data');
  });

  it('is open to a contributor of the company (profile:read), and writes no audit event', async () => {
    const before = await auditEventCount(member.company.id);
    const response = await call('GET', '/api/v1/profile/export?format=xlsx', member.contributor);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const [, ...rows] = await readSheet(response.rawPayload);
    expect(rows).toHaveLength(musts.length + shoulds.length);
    expect(await auditEventCount(member.company.id)).toBe(before);
  });

  it('refuses an unknown or missing format, naming it', async () => {
    for (const query of ['?format=odt', '', '?format=pdf&lang=fr']) {
      const response = await call('GET', `/api/v1/profile/export${query}`, member.officer);
      expect(response.statusCode).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
      expect(issuePaths(response)).toEqual([
        query.includes('lang') ? 'querystring.lang' : 'querystring.format',
      ]);
    }
  });

  it('answers 404 to a company without a profile', async () => {
    const db = testApp.database.db;
    const company = await createOrganisation(db);
    const admin = await signIn(
      testApp.app,
      await createUser(db, { role: 'company_admin', organisation: company }),
    );
    const response = await call('GET', '/api/v1/profile/export?format=pdf', admin);
    expect(response.statusCode).toBe(404);
  });
});

describe('exporting a submitted version', () => {
  let versionId: string;
  const returnedComment = 'Falta la evidencia del “sello” – adjunte la bitácora firmada.';

  beforeAll(async () => {
    const version = await submitVersion(member);
    versionId = version.id;
    await returnVersion(versionId, musts[2] ?? '', returnedComment);
  });

  it('gives the member the version as frozen, with CBP’s decision and comment', async () => {
    const response = await call(
      'GET',
      `/api/v1/profile/versions/${versionId}/export?format=pdf&lang=en`,
      member.officer,
    );
    expectFile(response, PDF, new RegExp(`filename="security-profile-${slug}-v1\\.pdf"$`));
    const text = await pdfText(response.rawPayload, FOOTER);
    expect(text).toContain('Version Version 1');
    expect(text).toContain('Status Returned by CBP');
    expect(text).toMatch(/Submitted 2026-11-29 \d\d:\d\d UTC by Test company_officer/);
    expect(text).toMatch(/Returned 2026-11-29 \d\d:\d\d UTC by Test scss/);
    for (const answer of member.answers) {
      expect(text).toContain(answer.narrative);
    }
    expect(text).toContain(`CBP review Returned: ${returnedComment}`);
    expect(text).toContain('CBP review Approved');
    for (const document of member.evidence) {
      expect(text).toContain(`${document.title}.pdf`);
    }
  });

  it('puts CBP’s decision in the working profile too, once the round is decided', async () => {
    const response = await call(
      'GET',
      '/api/v1/profile/export?format=docx&lang=en',
      member.officer,
    );
    expectFile(response, DOCX, /-returned-2026-11-29\.docx"$/);
    const text = docxText(response.rawPayload);
    expect(text).toContain('Status Returned by CBP');
    expect(text).toMatch(/Submitted 2026-11-29 \d\d:\d\d UTC by Test company_officer/);
    expect(text).toContain(`CBP review Returned: ${returnedComment}`);
  });

  it('gives CBP any member’s version, in every format', async () => {
    const url = `/api/v1/profiles/versions/${versionId}/export`;
    const pdf = await call('GET', `${url}?format=pdf&lang=en`, specialist);
    expectFile(pdf, PDF, new RegExp(`security-profile-${slug}-v1\\.pdf"$`));
    expect(await pdfText(pdf.rawPayload, FOOTER)).toContain(narrativeOf(musts[2] ?? ''));

    const docx = await call('GET', `${url}?format=docx&lang=en`, auditor);
    expectFile(docx, DOCX, new RegExp(`security-profile-${slug}-v1\\.docx"$`));
    const text = docxText(docx.rawPayload);
    expect(text).toContain(`Returned: ${returnedComment}`);
    expect(text).toContain('Headquarters Av. Constitución 1500');

    const xlsx = await call('GET', `${url}?format=xlsx&lang=en`, specialist);
    expectFile(xlsx, XLSX, new RegExp(`security-profile-${slug}-v1\\.xlsx"$`));
    const [, ...rows] = await readSheet(xlsx.rawPayload, 'Criteria');
    expect(rows).toHaveLength(musts.length + shoulds.length);
    const returned = rows.find((row) => row[0] === musts[2]);
    expect(returned?.[5]).toBe(narrativeOf(musts[2] ?? ''));
    expect(returned?.[8]).toBe(`Returned: ${returnedComment}`);
  });

  it('is a 404 for another company, and for an unknown version', async () => {
    const other = await newMember();
    const theirs = await call(
      'GET',
      `/api/v1/profile/versions/${versionId}/export?format=pdf`,
      other.officer,
    );
    expect(theirs.statusCode).toBe(404);
    expect(errorCode(theirs)).toBe('NOT_FOUND');
    const unknown = await call(
      'GET',
      `/api/v1/profiles/versions/${crypto.randomUUID()}/export?format=pdf`,
      specialist,
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('is open to a contributor of the same company', async () => {
    const response = await call(
      'GET',
      `/api/v1/profile/versions/${versionId}/export?format=docx&lang=en`,
      member.contributor,
    );
    expectFile(response, DOCX, /-v1\.docx"$/);
    expect(docxText(response.rawPayload)).toContain(narrativeOf(musts[0] ?? ''));
  });

  it('keeps the member’s and CBP’s routes apart (403 from the permission)', async () => {
    const memberOnCbpRoute = await call(
      'GET',
      `/api/v1/profiles/versions/${versionId}/export?format=pdf`,
      member.officer,
    );
    expect(memberOnCbpRoute.statusCode).toBe(403);
    const cbpOnMemberRoute = await call(
      'GET',
      `/api/v1/profile/versions/${versionId}/export?format=pdf`,
      specialist,
    );
    expect(cbpOnMemberRoute.statusCode).toBe(403);
  });
});
