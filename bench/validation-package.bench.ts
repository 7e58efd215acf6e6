import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { applicableCriteria } from '../src/domain/criteria/applicability.ts';
import { buildApp } from '../src/server/app.ts';
import type { Db } from '../src/server/db/database.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import {
  findCatalogCriteria,
  findCurrentCatalogVersion,
} from '../src/server/modules/criteria/criteria.repository.ts';
import { memberships, users } from '../src/server/modules/identity/accounts.tables.ts';
import { organisations } from '../src/server/modules/organisations/organisations.tables.ts';
import { mraPrograms } from '../src/server/modules/registry/mutual-recognition.tables.ts';
import {
  validationFindings,
  validationParticipants,
  validationResponses,
  validationSites,
  validations,
} from '../src/server/modules/validations/validations.tables.ts';
import { zipPart } from '../tests/setup/document-text.ts';
import { type BenchDatabase, openOwnBenchData } from './bench-database.ts';
import { profileBenchDatabase, seedFullProfile } from './profile-open-and-pdf.ts';
import { type BenchRow, formatTable, judge } from './report.ts';
import { percentile, timeInterleaved, timeOnce } from './timing.ts';

/**
 * Issue 6 "Done when": generating the validation preparation package (DOCX + PDF) for the
 * largest member profile, beside a baseline measured in the same run.
 *
 * - The member: the Security Profile benchmark's importer (profile-open-and-pdf.ts
 *   `seedFullProfile`): an importer answers the most criteria of any single entity type (95 of
 *   the 2019 catalog's 100), every one answered with a realistic narrative, 150 documents linked
 *   300 times. Here it also has a scheduled revalidation (three sites, one a foreign site covered
 *   by an MRA partner program, agendas, contacts on both sides) and a closed revalidation with
 *   40 findings and their responses (the open items).
 * - Measured: POST /api/v1/validations/:id/package {language: "en"} end to end through
 *   app.inject as the company's administrator (reading the validation, the profile, the
 *   evidence and the previous validation; building, laying out and rendering the PDF and the
 *   DOCX; storing both with their inputs and the audit event). Target ≤ 1.5 s (p95).
 * - Baseline, alternating run by run: pdfkit and docx writing the same words (the paragraphs of
 *   a generated package's DOCX) as plain paragraphs, with their own text flow and no layout.
 *
 * The data lives in its own database: PostgreSQL `<bench name>_package` (dropped and recreated)
 * when the benchmark server answers, else an in-memory PGlite (the row says which).
 *
 * Run alone: `node bench/validation-package.bench.ts`.
 */
export const PACKAGE_TARGET_SECONDS = 1.5;
const SEEDED_AT = new Date('2026-06-01T12:00:00Z');
const PREVIOUS_FINDINGS = 40;

export interface PackageBenchOptions {
  /** The main benchmark database (its server hosts `<name>_package`), or null: PGlite. */
  benchDatabase: BenchDatabase | null;
  /** Packages generated (after one cold and one warm-up run). */
  runs: number;
  log: (message: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Seed: the validations of the full-profile importer

const AGENDA = [
  'Opening meeting with management and the CTPAT point of contact',
  'Review of the Security Profile and the risk assessment',
  'Walk-through of the cargo area: seals, inspections, storage',
  'Business partner screening records',
  'Cybersecurity: access control and backups',
  'Reunión con el personal de seguridad y revisión de la bitácora',
  'Personnel security and training records',
  'Closing meeting: first observations',
];

async function seedValidations(db: Db, organisationId: string): Promise<string> {
  const version = await findCurrentCatalogVersion(db);
  if (!version) throw new Error('no published criteria catalog');
  const applicable = applicableCriteria(await findCatalogCriteria(db, version.id), ['importer']);
  const officeId = randomUUID();
  const specialistId = randomUUID();
  const previousId = randomUUID();
  const validationId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({
      id: officeId,
      kind: 'cbp_office',
      legalName: 'CBP CTPAT Field Office (benchmark)',
      tradeName: null,
      countryCode: 'US',
      city: 'Washington',
      entityTypes: [],
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    await tx.insert(users).values({
      id: specialistId,
      email: `bench-scss-${specialistId.slice(0, 8)}@cbp.example.gov`,
      displayName: 'Jordan Specialist (benchmark)',
      passwordHash: null,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    await tx.insert(memberships).values({
      organisationId: officeId,
      userId: specialistId,
      role: 'scss',
      createdAt: SEEDED_AT,
    });
    const base = {
      organisationId,
      kind: 'revalidation' as const,
      officeId,
      specialistUserId: specialistId,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    };
    await tx.insert(validations).values({
      ...base,
      id: previousId,
      status: 'closed',
      mode: 'in_person',
      planYear: 2022,
      dueOn: '2022-12-31',
      noticeSentOn: '2022-09-01',
      startsOn: '2022-10-10',
      endsOn: '2022-10-12',
      reportIssuedOn: '2022-11-15',
      outcome: 'meets',
      closedOn: '2023-03-01',
    });
    const findings = applicable.slice(0, PREVIOUS_FINDINGS).map((entry, index) => ({
      id: randomUUID(),
      validationId: previousId,
      criterionId: entry.criterion.id,
      rating:
        index % 4 === 0
          ? entry.designation === 'must'
            ? ('required_action' as const)
            : ('recommendation' as const)
          : ('compliant' as const),
      notes: `Observation ${index + 1}: the procedure exists but the records of the last quarter were incomplete at one site.`,
      recordedAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    }));
    await tx.insert(validationFindings).values(findings);
    const answered = findings.filter((finding) => finding.rating === 'required_action');
    if (answered.length > 0) {
      await tx.insert(validationResponses).values(
        answered.map((finding, index) => ({
          id: randomUUID(),
          findingId: finding.id,
          validationId: previousId,
          organisationId,
          correctivePlan: 'Corrective plan with owner, steps and date.',
          targetOn: '2023-02-01',
          submittedAt: SEEDED_AT,
          decision: index % 2 === 0 ? ('accepted' as const) : ('returned' as const),
          decisionNote: index % 2 === 0 ? null : 'Evidence missing',
          decidedAt: SEEDED_AT,
        })),
      );
    }
    await tx.insert(validations).values({
      ...base,
      id: validationId,
      status: 'scheduled',
      mode: 'in_person',
      planYear: 2026,
      dueOn: '2026-12-31',
      noticeSentOn: '2026-09-01',
      startsOn: '2026-11-02',
      endsOn: '2026-11-05',
    });
    // The first MRA partner program of the reference data, for the MRA-covered site.
    const [program] = await tx
      .select({ id: mraPrograms.id })
      .from(mraPrograms)
      .orderBy(mraPrograms.id)
      .limit(1);
    const sites = [
      { name: 'Distribution center León', countryCode: 'US', location: 'domestic' as const },
      { name: 'Planta de ensamble Querétaro', countryCode: 'MX', location: 'foreign' as const },
      { name: 'Supplier Rotterdam', countryCode: 'NL', location: 'foreign' as const },
    ];
    await tx.insert(validationSites).values(
      sites.map((site, position) => ({
        id: randomUUID(),
        validationId,
        position,
        name: site.name,
        address: `${100 + position} Industrial Avenue`,
        countryCode: site.countryCode,
        location: site.location,
        mraProgramId: position === 2 ? (program?.id ?? null) : null,
        cbpVisitRequired: position !== 2,
        visitOn: `2026-11-0${2 + position}`,
        agenda: AGENDA.map((topic, index) => ({
          time: `${String(8 + index).padStart(2, '0')}:00`,
          topic,
        })),
      })),
    );
    await tx.insert(validationParticipants).values(
      [
        { side: 'cbp' as const, name: 'Jordan Specialist', title: 'SCSS' },
        { side: 'cbp' as const, name: 'Casey Supervisor', title: 'Supervisory SCSS' },
        { side: 'member' as const, name: 'María Fernández', title: 'Security manager' },
        { side: 'member' as const, name: 'Luis Ortega', title: 'Logistics director' },
      ].map((person, position) => ({
        id: randomUUID(),
        validationId,
        position,
        ...person,
        email: `person${position}@example.com`,
        phone: '+1 555 0100',
      })),
    );
  });
  return validationId;
}

// ---------------------------------------------------------------------------------------------
// Baseline: the same words as plain paragraphs

/** The paragraphs of a generated DOCX (word/document.xml), in order. */
function paragraphsOf(docx: Buffer): string[] {
  const xml = zipPart(docx, 'word/document.xml');
  return xml
    .split('</w:p>')
    .map((part) =>
      [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''),
    )
    .map((text) =>
      text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter((text) => text.trim() !== '');
}

async function plainPdf(paragraphs: readonly string[]): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'LETTER', margin: 56 });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(10);
  for (const text of paragraphs) doc.text(text);
  doc.end();
  return done;
}

async function plainDocx(paragraphs: readonly string[]): Promise<Buffer> {
  const docx = await import('docx');
  const document = new docx.Document({
    sections: [{ children: paragraphs.map((text) => new docx.Paragraph(text)) }],
  });
  return docx.Packer.toBuffer(document);
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** Log lines are formatted as in production, then dropped (the cheapest possible sink). */
const discard = { write: (_line: string) => {} };

export async function measureValidationPackage(options: PackageBenchOptions): Promise<BenchRow[]> {
  const { handle, where } = await openOwnBenchData(options.benchDatabase, 'package');
  let app: FastifyInstance | null = null;
  try {
    options.log(`  ${where}`);
    await migrateDatabase(handle);
    const seed = await seedFullProfile(handle.db);
    const validationId = await seedValidations(handle.db, seed.organisationId);
    options.log(
      `  seeded one importer: ${seed.criteria} criteria answered, ${seed.evidenceLinks} evidence links, 3 sites, ${PREVIOUS_FINDINGS} findings of the last validation`,
    );
    app = await buildApp({
      config: {
        logLevel: 'info',
        logPretty: false,
        nodeEnv: 'production',
        webDistDir: '/nonexistent-ctpat-bench-web-dist',
      },
      database: handle,
      logStream: discard,
    });
    await app.ready();
    const server = app;
    const cookie = `__Host-ctpat_session=${seed.sessionToken}; ctpat_session=${seed.sessionToken}`;
    const session = await server.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie },
    });
    const csrfToken = (session.json() as { csrfToken?: string }).csrfToken;
    if (session.statusCode !== 200 || !csrfToken) {
      throw new Error(
        `GET /api/v1/auth/session answered ${session.statusCode}: ${session.body.slice(0, 200)}`,
      );
    }
    const url = `/api/v1/validations/${validationId}/package`;
    const generate = () =>
      server.inject({
        method: 'POST',
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        payload: JSON.stringify({ language: 'en' }),
      });

    // The first package also loads pdfkit and docx (lazily, on first use).
    const cold = await timeOnce(async () => (await generate()).statusCode === 201);
    const sample = await generate();
    if (sample.statusCode !== 201) {
      throw new Error(`POST ${url} answered ${sample.statusCode}: ${sample.body.slice(0, 300)}`);
    }
    const generated = sample.json() as {
      id: string;
      pdf: { sizeBytes: number };
      docx: { sizeBytes: number };
    };
    const docxFile = await server.inject({
      method: 'GET',
      url: `/api/v1/validations/documents/${generated.id}/docx`,
      headers: { cookie },
    });
    const paragraphs = paragraphsOf(docxFile.rawPayload);
    const words = paragraphs.join(' ').split(/\s+/).length;

    const timed = await timeInterleaved(
      options.runs,
      1,
      async () => (await generate()).statusCode === 201,
      async () => {
        const [pdf, docx] = await Promise.all([plainPdf(paragraphs), plainDocx(paragraphs)]);
        return pdf.length > 0 && docx.length > 0;
      },
    );
    const seconds = timed.a.map((ms) => ms / 1000);
    const baseline = timed.b.map((ms) => ms / 1000);
    return [
      {
        id: 'validation-package',
        name: '9. Validation preparation package (DOCX + PDF)',
        unit: 's',
        measured: percentile(seconds, 0.95),
        baseline: percentile(baseline, 0.95),
        baselineLabel: 'pdfkit + docx, same words, plain paragraphs',
        target: { kind: 'at-most', value: PACKAGE_TARGET_SECONDS },
        note: [
          `whole request (gather + build + lay out + render both + store), p95 of ${options.runs}`,
          `p50 ${percentile(seconds, 0.5).toFixed(2)} s (baseline ${percentile(baseline, 0.5).toFixed(2)} s)`,
          `${paragraphs.length} paragraphs, ${words} words`,
          `PDF ${(generated.pdf.sizeBytes / 1024).toFixed(0)} KB, DOCX ${(generated.docx.sizeBytes / 1024).toFixed(0)} KB`,
          `first package, loading pdfkit and docx: ${(cold.ms / 1000).toFixed(2)} s`,
          where,
        ].join('; '),
        ...(timed.failures > 0 || !cold.ok
          ? { invalid: `${timed.failures} generations did not answer 201` }
          : {}),
      },
    ];
  } finally {
    await app?.close();
    await handle.close();
  }
}

// `node bench/validation-package.bench.ts`: this benchmark alone.
if (import.meta.main) {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const rows = await measureValidationPackage({
    benchDatabase: await profileBenchDatabase(log),
    runs: 20,
    log,
  });
  const judged = rows.map(judge);
  log(formatTable(judged));
  process.exit(judged.some((row) => row.status === 'FAIL') ? 1 : 0);
}
