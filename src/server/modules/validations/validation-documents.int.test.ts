import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
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
import {
  insertValidation,
  setValidationReport,
} from '../../../../tests/factories/validation.factory.ts';
import { apiCaller, errorCode } from '../../../../tests/setup/api-caller.ts';
import { docxText, pdfText } from '../../../../tests/setup/document-text.ts';
import { mutableClock } from '../../../../tests/setup/mutable-clock.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { TEST_NOW } from '../../../../tests/setup/test-app.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import {
  type ValidationDocument,
  ValidationDocumentListSchema,
  ValidationDocumentSchema,
} from '../../../domain/validations/preparation-package.schema.ts';
import {
  validationFindings,
  validationParticipants,
  validationResponses,
} from './validations.tables.ts';

/**
 * The validation preparation package (issue 6, item 3), generated through the API and read back
 * as text from the PDF (pdf.js) and the Word file (word/document.xml): every applicable
 * criterion with the member's answer, the sites' agenda with the MRA flag, the contacts, the
 * evidence expiry flags, the open items of the previous validation, the Spanish headings; the
 * stored inputs and audit event; tenant isolation; CBP's side; the readiness check.
 *
 * Everything is set up straight in the database (factories) in new tenants, so the file shares a
 * PostgreSQL database safely: queries are narrowed to this file's own ids.
 */

const clock = mutableClock(TEST_NOW);
const testApp = setUpTestApp({ clock });
const call = apiCaller(testApp);

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FOOTER_EN = /Validation preparation package – .*? Page \d+ of \d+/g;
const FOOTER_ES = /Paquete de preparación para la validación – .*? Página \d+ de \d+/g;
const READINESS_FOOTER = /Validation readiness check – .*? Page \d+ of \d+/g;

let office: Organisation;
let specialistUser: TestUser;
let specialist: SignedIn;
let otherSpecialist: SignedIn;
let supervisor: SignedIn;
let musts: string[];
let shoulds: string[];
let catalogVersionId: string;

interface Member {
  company: Organisation;
  officer: SignedIn;
  profileId: string;
  validationId: string;
  evidence: { evidenceId: string; sha256: string }[];
  previousFindings: string[];
  mraProgramName: string;
}

let member: Member;

function narrativeOf(criterionId: string): string {
  return `Respuesta ${criterionId}: la compañía revisa los sellos – bitácora “diaria”.`;
}

async function setExpiry(evidenceId: string, expiresOn: string): Promise<void> {
  await testApp.database.db.execute(
    sql`update evidence_files set expires_on = ${expiresOn} where id = ${evidenceId}`,
  );
}

/**
 * An importer with a full draft profile (every must implemented, one should not implemented),
 * two linked documents (one expired, one expiring before the first visit), a closed revalidation
 * with findings and responses, and a scheduled revalidation with three sites (one foreign site
 * covered by an MRA partner program), agendas and contacts on both sides.
 */
async function newMember(): Promise<Member> {
  const db = testApp.database.db;
  const company = await createOrganisation(db, {
    legalName: `Importadora Ñandú ${randomUUID().slice(0, 6)}, S.A.`,
  });
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  await insertCertifiedMembership(db, company.id, { at: TEST_NOW, status: 'validated' });
  const profileId = await insertDraftProfile(db, company.id, {
    at: TEST_NOW,
    userId: officerUser.id,
    answers: [
      ...musts.map((criterionId) => ({ criterionId, narrative: narrativeOf(criterionId) })),
      {
        criterionId: shoulds[0] ?? '',
        status: 'not_implemented' as const,
        narrative: 'Todavía no: plan para el segundo trimestre.',
      },
    ],
  });
  const expired = await insertLinkedEvidence(db, company.id, musts[0] ?? '', {
    at: TEST_NOW,
    title: 'Póliza de seguro 2025',
  });
  const beforeVisit = await insertLinkedEvidence(db, company.id, musts[1] ?? '', {
    at: TEST_NOW,
    title: 'Certificado ISO 17712 de sellos',
  });
  await setExpiry(expired.evidenceId, '2026-10-31');
  await setExpiry(beforeVisit.evidenceId, '2027-01-05');

  // The previous revalidation, closed with open items: a required action returned, a
  // recommendation never answered, and a required action accepted (closed).
  const previous = await insertValidation(db, {
    organisationId: company.id,
    at: new Date('2023-01-10T12:00:00Z'),
    status: 'fieldwork',
    officeId: office.id,
    specialistUserId: specialistUser.id,
    dueOn: '2023-03-01',
  });
  const findings = [
    { criterionId: musts[2] ?? '', rating: 'required_action' as const, notes: 'Sin bitácora' },
    { criterionId: shoulds[1] ?? '', rating: 'recommendation' as const, notes: 'Mejorar CCTV' },
    { criterionId: musts[3] ?? '', rating: 'required_action' as const, notes: 'Cerrado ya' },
  ].map((finding) => ({ id: randomUUID(), ...finding }));
  await db.insert(validationFindings).values(
    findings.map((finding) => ({
      id: finding.id,
      validationId: previous.id,
      criterionId: finding.criterionId,
      rating: finding.rating,
      notes: finding.notes,
      recordedAt: TEST_NOW,
      updatedAt: TEST_NOW,
    })),
  );
  const [returned, , accepted] = findings;
  for (const [finding, decision, at] of [
    [returned, 'returned', '2023-03-01T10:00:00Z'],
    [accepted, 'returned', '2023-03-01T10:00:00Z'],
    [accepted, 'accepted', '2023-04-01T10:00:00Z'],
  ] as const) {
    await db.insert(validationResponses).values({
      id: randomUUID(),
      findingId: finding?.id ?? '',
      validationId: previous.id,
      organisationId: company.id,
      correctivePlan: 'Plan',
      targetOn: '2023-06-01',
      submittedAt: new Date(at),
      decision,
      decisionNote: decision === 'returned' ? 'Falta evidencia' : null,
      decidedAt: new Date(at),
    });
  }
  await setValidationReport(db, previous.id, {
    reportIssuedOn: '2023-02-01',
    closedOn: '2023-05-01',
    outcome: 'meets',
  });

  const { id: validationId } = await insertValidation(db, {
    organisationId: company.id,
    at: TEST_NOW,
    status: 'scheduled',
    officeId: office.id,
    specialistUserId: specialistUser.id,
    dueOn: '2027-02-28',
    noticeSentOn: '2026-11-29',
    startsOn: '2027-01-11',
    endsOn: '2027-01-13',
    sites: [
      { name: 'Almacén Laredo', countryCode: 'US', visitOn: '2027-01-11' },
      { name: 'Planta Monterrey', countryCode: 'MX', visitOn: '2027-01-12' },
      { name: 'Proveedor Rotterdam', countryCode: 'NL', visitOn: null },
    ],
  });
  const programs = await call('GET', '/api/v1/registry/mra-programs', specialist);
  expect(programs.statusCode, programs.body).toBe(200);
  const program = (programs.json() as { items: { id: string; programName: string }[] }).items[0];
  if (!program) throw new Error('no MRA program in the reference data');
  await db.execute(
    sql`update validation_sites set mra_program_id = ${program.id}, cbp_visit_required = false
        where validation_id = ${validationId} and position = 2`,
  );
  await db.execute(
    sql`update validation_sites set agenda = ${JSON.stringify([
      { time: '09:00', topic: 'Reunión de apertura con la gerencia' },
      { time: '10:30', topic: 'Recorrido del área de carga y sellos' },
    ])}::jsonb where validation_id = ${validationId} and position = 0`,
  );
  await db.insert(validationParticipants).values({
    id: randomUUID(),
    validationId,
    position: 1,
    side: 'cbp',
    name: 'Dana Specialist',
    title: 'Supply Chain Security Specialist',
    email: 'dana.specialist@cbp.example.gov',
    phone: '+1 202 555 0100',
  });
  return {
    company,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
    profileId,
    validationId,
    evidence: [expired, beforeVisit],
    previousFindings: findings.map((finding) => finding.id),
    mraProgramName: program.programName,
  };
}

async function generate(session: SignedIn, url: string, language: 'en' | 'es') {
  clock.advance(60_000);
  const response = await call('POST', url, session, { language });
  expect(response.statusCode, response.body).toBe(201);
  return ValidationDocumentSchema.parse(response.json());
}

async function files(session: SignedIn, prefix: string, document: ValidationDocument) {
  const pdf = await call('GET', `${prefix}/documents/${document.id}/pdf`, session);
  const docx = await call('GET', `${prefix}/documents/${document.id}/docx`, session);
  expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
  expect(docx.statusCode, docx.body.slice(0, 200)).toBe(200);
  expect(pdf.headers['content-type']).toBe(PDF);
  expect(docx.headers['content-type']).toBe(DOCX);
  expect(String(pdf.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]+\.pdf"/);
  return { pdf: pdf.rawPayload, docx: docx.rawPayload };
}

beforeAll(async () => {
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  specialistUser = await createUser(db, { role: 'scss', organisation: office });
  specialist = await signInWithMfaSettled(testApp.app, db, specialistUser);
  otherSpecialist = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'scss', organisation: office }),
  );
  supervisor = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'supervisory_scss', organisation: office }),
  );
  ({ musts, shoulds, catalogVersionId } = await applicableCriterionIds(db));
  member = await newMember();
});

describe('the member’s preparation package', () => {
  it('holds every applicable criterion with the answers, the agenda, contacts and expiry flags', async () => {
    const document = await generate(
      member.officer,
      `/api/v1/validations/${member.validationId}/package`,
      'en',
    );
    expect(document).toMatchObject({
      organisationId: member.company.id,
      validationId: member.validationId,
      kind: 'preparation_package',
      language: 'en',
      inputs: {
        validationVersion: 1,
        catalogVersionId,
        profile: { id: member.profileId, approvedVersionId: null },
        evidenceCount: 2,
        findingsCount: 3,
      },
    });
    const { pdf, docx } = await files(member.officer, '/api/v1/validations', document);
    const texts = [await pdfText(pdf, FOOTER_EN), docxText(docx)];
    for (const text of texts) {
      // Every applicable criterion, its designation and the member's answer.
      for (const id of musts) {
        expect(text).toContain(`${id} (must`);
        expect(text).toContain(narrativeOf(id));
      }
      for (const id of shoulds) expect(text).toContain(`${id} (should`);
      expect(text).toContain('Todavía no: plan para el segundo trimestre.');
      expect(text).toContain('Not implemented');
      // Cover letter, dates and contacts on both sides.
      expect(text).toContain(`To ${member.company.legalName}:`);
      expect(text).toContain('from 2027-01-11 to 2027-01-13');
      expect(text).toContain('Dana Specialist');
      expect(text).toContain('dana.specialist@cbp.example.gov');
      expect(text).toContain('Pat Member');
      // The standard steps.
      expect(text).toContain('Pre-validation profile review');
      // A foreign site without MRA cover (Monterrey) needs a CBP foreign visit: 60 days.
      expect(text).toContain(
        'At least 60 days before the first visit (a CBP foreign visit is planned)',
      );
      // Agenda per site, the MRA-covered foreign site flagged.
      expect(text).toContain('Site 1: Almacén Laredo');
      expect(text).toContain('Reunión de apertura con la gerencia');
      expect(text).toContain('Site 3: Proveedor Rotterdam');
      expect(text).toContain(`Covered by ${member.mraProgramName}`);
      expect(text).toContain('no CBP foreign visit needed');
      // Evidence with expiry, flagged; what the specialist will ask to see; the checklist.
      expect(text).toContain('Póliza de seguro 2025 (Expires: 2026-10-31) – EXPIRED');
      expect(text).toContain(
        'Certificado ISO 17712 de sellos (Expires: 2027-01-05) – expires before the first visit',
      );
      expect(text).toContain('The specialist will ask to see');
      expect(text).toContain(
        'Renew “Certificado ISO 17712 de sellos”: expires on 2027-01-05, before the first visit',
      );
      expect(text).toContain('Self-check worksheet');
      // Open items of the last validation: the returned action and the unanswered recommendation.
      expect(text).toContain('The last validation closed on 2023-05-01');
      expect(text).toContain('Sin bitácora');
      expect(text).toContain('Returned by CBP');
      expect(text).toContain('Mejorar CCTV');
      expect(text).toContain('Not answered');
      expect(text).not.toContain('Cerrado ya');
    }
  });

  it('in Spanish: the same structure under Spanish headings', async () => {
    const document = await generate(
      member.officer,
      `/api/v1/validations/${member.validationId}/package`,
      'es',
    );
    const { pdf, docx } = await files(member.officer, '/api/v1/validations', document);
    for (const text of [await pdfText(pdf, FOOTER_ES), docxText(docx)]) {
      for (const heading of [
        'Paquete de preparación para la validación',
        'Carta de presentación',
        'Qué ocurre en cada paso y cuánto tarda',
        'Agenda por sitio',
        'Criterios, sus respuestas actuales y lo que pedirá ver el especialista',
        'Evidencias vinculadas y su vencimiento',
        'Lista de documentos por preparar',
        'Hoja de autoevaluación',
        'Puntos abiertos de la última validación',
      ]) {
        expect(text).toContain(heading);
      }
      expect(text).toContain('vence antes de la primera visita');
      expect(text).toContain('no se necesita visita de CBP en el extranjero');
      for (const id of musts) expect(text).toContain(`${id} (obligatorio`);
    }
  });

  it('stores each generation with both files, its inputs and an audit event; lists newest first', async () => {
    const first = await generate(
      member.officer,
      `/api/v1/validations/${member.validationId}/package`,
      'en',
    );
    const second = await generate(
      member.officer,
      `/api/v1/validations/${member.validationId}/package`,
      'es',
    );
    const result = await testApp.database.db.execute(
      sql`select inputs, pdf_sha256, docx_sha256, generated_by_user_id from validation_documents
          where id = ${first.id}`,
    );
    const [row] = RowsSchema(
      z.object({
        inputs: z.object({
          validationVersion: z.number(),
          catalogVersionId: z.string(),
          profile: z.object({ id: z.string(), version: z.number() }),
          evidence: z.array(z.object({ id: z.string(), sha256: z.string() })),
          findingsVersion: z.array(z.object({ id: z.string(), version: z.number() })),
        }),
        pdf_sha256: z.string(),
        docx_sha256: z.string(),
      }),
    ).parse(result).rows;
    expect(row?.inputs.validationVersion).toBe(1);
    expect(row?.inputs.catalogVersionId).toBe(catalogVersionId);
    expect(row?.inputs.profile.id).toBe(member.profileId);
    expect(row?.inputs.profile.version).toBe(TEST_NOW.getTime());
    expect(row?.inputs.evidence).toEqual(
      member.evidence
        .map((document) => ({ id: document.evidenceId, sha256: document.sha256 }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(row?.inputs.findingsVersion.map((finding) => finding.id).sort()).toEqual(
      [...member.previousFindings].sort(),
    );
    const { pdf, docx } = await files(member.officer, '/api/v1/validations', first);
    expect(row?.pdf_sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(row?.docx_sha256).toBe(createHash('sha256').update(docx).digest('hex'));
    expect(first.pdf.sha256).toBe(row?.pdf_sha256);

    const audit = await testApp.database.db.execute(
      sql`select action, organisation_id from audit_events
          where target_type = 'validation_document' and target_id = ${first.id}`,
    );
    expect(
      RowsSchema(z.object({ action: z.string(), organisation_id: z.string() })).parse(audit).rows,
    ).toEqual([{ action: 'validation.package_generated', organisation_id: member.company.id }]);

    const list = await call(
      'GET',
      `/api/v1/validations/documents?validationId=${member.validationId}`,
      member.officer,
    );
    expect(list.statusCode, list.body).toBe(200);
    const items = ValidationDocumentListSchema.parse(list.json()).items;
    // Regenerating adds a row; earlier ones stay.
    expect(items.length).toBeGreaterThanOrEqual(2);
    const ids = items.map((item) => item.id);
    expect(ids[0]).toBe(second.id);
    expect(ids.indexOf(first.id)).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({
      language: 'es',
      inputs: { catalogVersion: expect.any(String) },
    });
    expect(items[0]?.pdf.sizeBytes).toBeGreaterThan(1000);
  });

  it('refuses a validation that is not scheduled yet', async () => {
    const db = testApp.database.db;
    const company = await createOrganisation(db);
    const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
    await insertCertifiedMembership(db, company.id, { at: TEST_NOW });
    const planned = await insertValidation(db, {
      organisationId: company.id,
      at: TEST_NOW,
      kind: 'initial',
    });
    const officer = await signInWithMfaSettled(testApp.app, db, officerUser);
    const response = await call('POST', `/api/v1/validations/${planned.id}/package`, officer, {
      language: 'en',
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.message).toContain('not scheduled yet');
    const bad = await call('POST', `/api/v1/validations/${planned.id}/package`, officer, {
      language: 'fr',
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('tenants and CBP', () => {
  it('answers 404 for another company’s validation and packages', async () => {
    const db = testApp.database.db;
    const document = await generate(
      member.officer,
      `/api/v1/validations/${member.validationId}/package`,
      'en',
    );
    const other = await signInWithMfaSettled(
      testApp.app,
      db,
      await createUser(db, { role: 'company_officer' }),
    );
    for (const response of [
      await call('POST', `/api/v1/validations/${member.validationId}/package`, other, {
        language: 'en',
      }),
      await call('GET', `/api/v1/validations/documents?validationId=${member.validationId}`, other),
      await call('GET', `/api/v1/validations/documents/${document.id}/pdf`, other),
      await call('GET', `/api/v1/validations/documents/${document.id}/docx`, other),
    ]) {
      expect(response.statusCode, response.body).toBe(404);
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
    const own = await call('GET', '/api/v1/validations/documents', other);
    expect(ValidationDocumentListSchema.parse(own.json()).items).toEqual([]);
  });

  it('lets the assigned specialist and a supervisor generate, not another specialist', async () => {
    const url = `/api/v1/cbp/validations/${member.validationId}/package`;
    const byAssigned = await generate(specialist, url, 'en');
    const bySupervisor = await generate(supervisor, url, 'es');
    const refused = await call('POST', url, otherSpecialist, { language: 'en' });
    expect(refused.statusCode, refused.body).toBe(403);

    const list = await call(
      'GET',
      `/api/v1/cbp/validations/${member.validationId}/documents`,
      otherSpecialist,
    );
    expect(list.statusCode, list.body).toBe(200);
    const ids = ValidationDocumentListSchema.parse(list.json()).items.map((item) => item.id);
    expect(ids).toContain(byAssigned.id);
    expect(ids).toContain(bySupervisor.id);
    const { pdf } = await files(otherSpecialist, '/api/v1/cbp/validations', byAssigned);
    const text = await pdfText(pdf, FOOTER_EN);
    for (const id of [...musts, ...shoulds]) expect(text).toContain(`${id} (`);
    // The member downloads what CBP generated for its validation.
    await files(member.officer, '/api/v1/validations', bySupervisor);

    const unknown = await call(
      'GET',
      `/api/v1/cbp/validations/${randomUUID()}/documents`,
      specialist,
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the readiness check', () => {
  it('builds the package from the current profile with no validation', async () => {
    const db = testApp.database.db;
    const company = await createOrganisation(db);
    const officerUser = await createUser(db, { role: 'company_admin', organisation: company });
    await insertCertifiedMembership(db, company.id, { at: TEST_NOW });
    await insertDraftProfile(db, company.id, {
      at: TEST_NOW,
      answers: [{ criterionId: musts[0] ?? '', narrative: 'Lista para validar.' }],
    });
    const expiring = await insertLinkedEvidence(db, company.id, musts[0] ?? '', {
      at: TEST_NOW,
      title: 'Training roster',
    });
    await setExpiry(expiring.evidenceId, '2026-12-15');
    const admin = await signInWithMfaSettled(testApp.app, db, officerUser);
    const document = await generate(admin, '/api/v1/validations/readiness-package', 'en');
    expect(document.validationId).toBeNull();
    expect(document.inputs.validationVersion).toBeNull();
    const { pdf, docx } = await files(admin, '/api/v1/validations', document);
    for (const text of [await pdfText(pdf, READINESS_FOOTER), docxText(docx)]) {
      expect(text).toContain('Validation readiness check');
      expect(text).toContain('generated this readiness check from its current Security Profile');
      expect(text).toContain('Lista para validar.');
      expect(text).toContain('Training roster (Expires: 2026-12-15) – expires soon');
      for (const id of [...musts, ...shoulds]) expect(text).toContain(`${id} (`);
      expect(text).toContain('The company has no earlier closed validation.');
    }
    const list = await call('GET', '/api/v1/validations/documents', admin);
    expect(ValidationDocumentListSchema.parse(list.json()).items.map((item) => item.id)).toEqual([
      document.id,
    ]);
    // CBP sees the packages of validations, never a member's own readiness checks.
    const cbp = await call(
      'GET',
      `/api/v1/cbp/validations/documents/${document.id}/pdf`,
      specialist,
    );
    expect(cbp.statusCode).toBe(404);
  });

  it('needs a Security Profile', async () => {
    const db = testApp.database.db;
    const officer = await signInWithMfaSettled(
      testApp.app,
      db,
      await createUser(db, { role: 'company_officer' }),
    );
    const response = await call('POST', '/api/v1/validations/readiness-package', officer, {
      language: 'es',
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.message).toContain('Security Profile');
  });
});
