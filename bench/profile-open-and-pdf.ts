import { createHash, randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { applicableCriteria } from '../src/domain/criteria/applicability.ts';
import type { EvidenceMediaType } from '../src/domain/evidence/evidence-vocabulary.ts';
import { eligibilityQuestionnaire } from '../src/domain/registry/eligibility/eligibility-questionnaires.ts';
import type { AnswerStatus } from '../src/domain/security-profile/profile-vocabulary.ts';
import { buildApp } from '../src/server/app.ts';
import type { Db } from '../src/server/db/database.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import {
  findCatalogCriteria,
  findCurrentCatalogVersion,
} from '../src/server/modules/criteria/criteria.repository.ts';
import {
  evidenceCriterionLinks,
  evidenceFiles,
} from '../src/server/modules/evidence/evidence.tables.ts';
import { memberships, users } from '../src/server/modules/identity/accounts.tables.ts';
import { sessions } from '../src/server/modules/identity/sessions.tables.ts';
import { organisations } from '../src/server/modules/organisations/organisations.tables.ts';
import { companyAddresses } from '../src/server/modules/registry/company-profile.tables.ts';
import {
  partnerEntityTypes,
  partnerMemberships,
} from '../src/server/modules/registry/registry.tables.ts';
import {
  securityProfileAnswers,
  securityProfiles,
} from '../src/server/modules/security-profile/security-profile.tables.ts';
import { hashToken } from '../src/server/security/tokens.ts';
import {
  type BenchDatabase,
  describeBenchDatabase,
  openOwnBenchData,
  resolveBenchDatabase,
  whyUnreachable,
} from './bench-database.ts';
import { type BenchRow, formatTable, judge } from './report.ts';
import { pick, prng } from './seed-vocabulary.ts';
import { percentile, timeInterleaved, timeOnce } from './timing.ts';

/**
 * Issue 5 "Done when": opening a full importer Security Profile (every applicable criterion
 * answered with a realistic narrative, 300 evidence links) and generating its PDF, each beside a
 * baseline measured in the same run.
 *
 * - Row 7, GET /api/v1/profile p95: app.inject into the real app (auth, permission, tenant,
 *   the catalog, the answers, the evidence links, serialization), alternating request by request
 *   with a bare Fastify route serving the captured JSON from memory. INFO: the issue asks for the
 *   ratio; no latency target is set for this page.
 * - Row 5, generated document: GET /api/v1/profile/export?format=pdf end to end (reading the
 *   profile, the company, the evidence, laying out and rendering), target ≤ 1.5 s, alternating
 *   with the baseline: pdfkit writing the same words as plain paragraphs (its own text flow, no
 *   layout: no tables, headings, footers). The DOCX and XLSX exports are timed the same way.
 *
 * The data lives in its own database: PostgreSQL `<bench name>_profile` (dropped and recreated)
 * when the benchmark server answers, else an in-memory PGlite (the row says which).
 *
 * Run alone: `node bench/profile-open-and-pdf.ts`; `npm run bench` runs it with the others.
 */
export const DOCUMENT_TARGET_SECONDS = 1.5;
const EVIDENCE_LINKS = 300;
const LINKS_PER_DOCUMENT = 2;
const SEEDED_AT = new Date('2026-06-01T12:00:00Z');
const PROFILE_PATH = '/api/v1/profile';

export interface ProfileBenchOptions {
  /** The main benchmark database (its server hosts `<name>_profile`), or null: PGlite. */
  benchDatabase: BenchDatabase | null;
  warmupRequests: number;
  measuredRequests: number;
  /** Documents generated per format (after one warm-up each). */
  documentRuns: number;
  log: (message: string) => void;
}

// ---------------------------------------------------------------------------------------------
// Seed: one importer with a full profile

/** Sentences of a realistic narrative: who, what, how often, how it is checked. */
const OPENINGS = [
  'Procedure SEC-{n} assigns this control to the facility security manager, who reviews it every quarter.',
  'Our written security policy (revision {n}, approved by the CEO) covers this criterion in section {s}.',
  'La política corporativa de seguridad (revisión {n}) asigna este control al gerente de seguridad de la planta.',
  'The logistics director owns this control; the procedure is part of the onboarding training for new staff.',
];
const MIDDLES = [
  'Before loading, every container passes the seven-point inspection; seals meet ISO 17712 and are recorded in the seal log with the driver’s name, time and trailer number.',
  'Business partners are screened against the consolidated screening list at onboarding and every twelve months; high-risk partners complete the security questionnaire again.',
  'Access to the cargo area is limited to badge holders; visitors are escorted, logged at the gate and their photo identification is checked against the appointment list.',
  'Cada contenedor se inspecciona en siete puntos antes de la carga; el número de sello se anota en la bitácora y se compara con el conocimiento de embarque.',
  'Passwords are at least 14 characters, multi-factor authentication protects remote access, and accounts of people who leave are disabled the same day.',
];
const CLOSINGS = [
  'Discrepancies are escalated within two hours and an incident report is opened; internal audit reviews a 10% sample each quarter (last review: no exceptions).',
  'Evidence: the procedure, the latest training roster and the audit report linked to this criterion.',
  'Revisión trimestral por auditoría interna; el último hallazgo se cerró el 2026-03-15 con una acción correctiva documentada.',
  'Records are kept for five years and reviewed by the security committee, which reports to the board twice a year.',
];
const JUSTIFICATIONS = [
  'Not applicable: the company does not operate its own conveyances; all transport is contracted to CTPAT-certified highway carriers, whose certificates are on file.',
  'Not applicable: no agricultural products or wood packaging are imported; every supplier certifies ISPM 15 compliance and cargo is inspected on arrival.',
];

function narrative(criterionId: string, random: () => number): string {
  const fill = (text: string) =>
    text.replace('{n}', String(1 + Math.floor(random() * 40))).replace('{s}', criterionId);
  return [pick(OPENINGS, random), pick(MIDDLES, random), pick(CLOSINGS, random)]
    .map(fill)
    .join(' ');
}

function statusFor(designation: 'must' | 'should', random: () => number): AnswerStatus {
  const roll = random();
  if (designation === 'should' && roll < 0.08) return 'not_applicable';
  if (roll < 0.85) return 'implemented';
  return roll < 0.95 ? 'partially_implemented' : 'not_implemented';
}

const DOCUMENT_TITLES = [
  'Seal log',
  'Security policy',
  'Partner screening report',
  'Training roster',
  'Internal audit report',
  'Bitácora de inspección de 7 puntos',
  'Access control list',
  'Incident response plan',
];

/** Media types (and file extensions) of the seeded documents: mostly PDFs, some photos. */
const DOCUMENT_TYPES: readonly (readonly [EvidenceMediaType, string])[] = [
  ['application/pdf', 'pdf'],
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
];

export interface ProfileSeed {
  organisationId: string;
  criteria: number;
  evidenceDocuments: number;
  evidenceLinks: number;
  sessionToken: string;
}

/** One importer company, its administrator signed in, and its profile fully answered. */
export async function seedFullProfile(db: Db): Promise<ProfileSeed> {
  const random = prng(20_260_505);
  const organisationId = randomUUID();
  const userId = randomUUID();
  const sessionToken = randomBytes(32).toString('base64url');
  const version = await findCurrentCatalogVersion(db);
  if (!version) throw new Error('no published criteria catalog: was the database migrated?');
  const applicable = applicableCriteria(await findCatalogCriteria(db, version.id), ['importer']);
  const profileId = randomUUID();
  const documentCount = Math.ceil(EVIDENCE_LINKS / LINKS_PER_DOCUMENT);

  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({
      id: organisationId,
      kind: 'member_company',
      legalName: 'Importadora del Bajío Benchmark, S.A. de C.V.',
      tradeName: null,
      countryCode: 'MX',
      city: 'León',
      entityTypes: ['importer'],
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    await tx.insert(partnerMemberships).values({
      organisationId,
      status: 'under_review',
      reviewStep: 'profile_review',
      statusSince: '2026-05-01',
      applicationSubmittedOn: '2026-05-01',
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    await tx.insert(partnerEntityTypes).values({
      organisationId,
      entityType: 'importer',
      identifiers: [{ kind: 'importer_of_record_number', value: '260101-04242', warnings: [] }],
      eligibility: Object.fromEntries(
        eligibilityQuestionnaire('importer').map((question) => [
          question.id,
          question.proceedAnswer,
        ]),
      ),
      createdAt: SEEDED_AT,
    });
    await tx.insert(companyAddresses).values({
      id: randomUUID(),
      organisationId,
      kind: 'headquarters',
      label: null,
      line1: 'Blvd. Adolfo López Mateos 2300',
      line2: null,
      city: 'León',
      region: 'Guanajuato',
      postalCode: '37270',
      countryCode: 'MX',
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    await tx.insert(users).values({
      id: userId,
      email: `bench-admin-${userId.slice(0, 8)}@importadora.example`,
      displayName: 'María Fernández (benchmark)',
      passwordHash: null,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    // A company administrator reads and exports the profile and needs no second factor.
    await tx
      .insert(memberships)
      .values({ organisationId, userId, role: 'company_admin', createdAt: SEEDED_AT });
    const now = new Date();
    await tx.insert(sessions).values({
      id: randomUUID(),
      tokenHash: hashToken(sessionToken),
      userId,
      organisationId,
      mfaVerifiedAt: null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 24 * 3_600_000),
    });
    await tx.insert(securityProfiles).values({
      id: profileId,
      organisationId,
      catalogVersionId: version.id,
      cycle: 'initial',
      status: 'draft',
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    });
    await tx.insert(securityProfileAnswers).values(
      applicable.map((entry) => {
        const status = statusFor(entry.designation, random);
        return {
          profileId,
          criterionId: entry.criterion.id,
          status,
          narrative:
            status === 'not_applicable'
              ? pick(JUSTIFICATIONS, random)
              : narrative(entry.criterion.id, random),
          responsibleUserId: userId,
          toReconfirm: false,
          updatedByUserId: userId,
          updatedAt: SEEDED_AT,
        };
      }),
    );
    const documents = Array.from({ length: documentCount }, (_, index) => {
      const id = randomUUID();
      const title = `${pick(DOCUMENT_TITLES, random)} – ${2025 + (index % 2)} (#${index + 1})`;
      const [mediaType, extension] = DOCUMENT_TYPES[index % DOCUMENT_TYPES.length] ?? [
        'application/pdf',
        'pdf',
      ];
      return {
        id,
        organisationId,
        title,
        description: null,
        originalFilename: `${title.replace(/[^\w]+/g, '-').replace(/-$/, '')}.${extension}`,
        mediaType,
        sizeBytes: 10_000 + index * 137,
        sha256: createHash('sha256').update(id).digest('hex'),
        expiresOn: index % 5 === 0 ? '2027-03-31' : null,
        uploadedByUserId: userId,
        uploadedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      };
    });
    await tx.insert(evidenceFiles).values(documents);
    // Each document supports LINKS_PER_DOCUMENT criteria, spread over the whole profile.
    const links = documents.flatMap((document, index) =>
      Array.from({ length: LINKS_PER_DOCUMENT }, (_, offset) => ({
        evidenceId: document.id,
        organisationId,
        criterionId:
          applicable[(index * LINKS_PER_DOCUMENT + offset * 7) % applicable.length]?.criterion.id ??
          '1.1',
        linkedAt: SEEDED_AT,
      })),
    );
    const unique = [
      ...new Map(links.map((link) => [`${link.evidenceId}|${link.criterionId}`, link])).values(),
    ];
    await tx.insert(evidenceCriterionLinks).values(unique.slice(0, EVIDENCE_LINKS));
  });
  return {
    organisationId,
    criteria: applicable.length,
    evidenceDocuments: documentCount,
    evidenceLinks: Math.min(EVIDENCE_LINKS, documentCount * LINKS_PER_DOCUMENT),
    sessionToken,
  };
}

// ---------------------------------------------------------------------------------------------
// Baselines

/** The baseline for the page: one route serving the captured JSON, nothing else. */
async function bareServer(body: string, contentType: string): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get(PROFILE_PATH, (_request, reply) => {
    reply.header('content-type', contentType).send(body);
  });
  await bare.ready();
  return bare;
}

interface ProfileWords {
  sections: {
    category: number;
    name: string;
    criteria: {
      id: string;
      text: string;
      answer: { narrative: string } | null;
      evidence: { title: string }[];
    }[];
  }[];
}

/**
 * The baseline for the documents: pdfkit writing the profile's words as plain paragraphs with
 * its own text flow (wrapping and new pages), in the same standard font, without any layout.
 */
async function plainPdf(profile: ProfileWords): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'LETTER', margin: 56 });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(10);
  for (const section of profile.sections) {
    doc.text(`${section.category}. ${section.name}`);
    for (const criterion of section.criteria) {
      doc.text(`${criterion.id} ${criterion.text}`);
      doc.text(criterion.answer?.narrative ?? '');
      doc.text(criterion.evidence.map((link) => link.title).join('; '));
    }
  }
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** Log lines are formatted as in production, then dropped (the cheapest possible sink). */
const discard = { write: (_line: string) => {} };

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

export async function measureProfileOpenAndPdf(options: ProfileBenchOptions): Promise<BenchRow[]> {
  const { handle, where } = await openOwnBenchData(options.benchDatabase, 'profile');
  let app: FastifyInstance | null = null;
  try {
    options.log(`  ${where}`);
    await migrateDatabase(handle);
    const seed = await seedFullProfile(handle.db);
    options.log(
      `  seeded one importer: ${seed.criteria} criteria answered, ${seed.evidenceDocuments} documents, ${seed.evidenceLinks} evidence links`,
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
    const headers = {
      cookie: `__Host-ctpat_session=${seed.sessionToken}; ctpat_session=${seed.sessionToken}`,
    };
    const get = (url: string) => server.inject({ method: 'GET', url, headers });

    // (a) Opening the profile.
    const probe = await get(PROFILE_PATH);
    if (probe.statusCode !== 200) {
      throw new Error(
        `GET ${PROFILE_PATH} answered ${probe.statusCode}: ${probe.body.slice(0, 300)}`,
      );
    }
    const profile = probe.json<ProfileWords>();
    const answered = profile.sections.flatMap((section) => section.criteria);
    const links = answered.reduce((sum, criterion) => sum + criterion.evidence.length, 0);
    const bare = await bareServer(probe.body, String(probe.headers['content-type']));
    const rows: BenchRow[] = [];
    try {
      const timed = await timeInterleaved(
        options.measuredRequests,
        options.warmupRequests,
        async () => (await get(PROFILE_PATH)).statusCode === 200,
        async () => (await bare.inject({ method: 'GET', url: PROFILE_PATH })).statusCode === 200,
      );
      rows.push({
        id: 'profile-open',
        name: '7. Open full Security Profile p95',
        unit: 'ms',
        measured: percentile(timed.a, 0.95),
        baseline: percentile(timed.b, 0.95),
        baselineLabel: 'bare Fastify, same JSON',
        target: { kind: 'none' },
        note: `${answered.length} criteria, ${links} evidence links, ${(probe.body.length / 1024).toFixed(0)} KB of JSON; p50 ${percentile(timed.a, 0.5).toFixed(1)} ms (baseline ${percentile(timed.b, 0.5).toFixed(2)} ms) over ${options.measuredRequests} requests; ${where}`,
        ...(timed.failures > 0 ? { invalid: `${timed.failures} requests did not answer 200` } : {}),
      });
    } finally {
      await bare.close();
    }

    // (b) Generating the documents. The first PDF also loads pdfkit (lazily, on first use).
    const cold = await timeOnce(
      async () => (await get(`${PROFILE_PATH}/export?format=pdf&lang=en`)).statusCode === 200,
    );
    const sample = await get(`${PROFILE_PATH}/export?format=pdf&lang=en`);
    const baselinePdf = await plainPdf(profile);
    for (const format of ['pdf', 'docx', 'xlsx'] as const) {
      const url = `${PROFILE_PATH}/export?format=${format}&lang=en`;
      const timed = await timeInterleaved(
        options.documentRuns,
        1,
        async () => (await get(url)).statusCode === 200,
        async () => (await plainPdf(profile)).length > 0,
      );
      const seconds = timed.a.map((ms) => ms / 1000);
      const baseline = timed.b.map((ms) => ms / 1000);
      const size = (await get(url)).rawPayload.length;
      rows.push({
        id: format === 'pdf' ? 'generated-document' : `generated-document-${format}`,
        name:
          format === 'pdf'
            ? '5. Generated document: profile PDF'
            : `5. Generated document: profile ${format.toUpperCase()}`,
        unit: 's',
        measured: percentile(seconds, 0.95),
        baseline: percentile(baseline, 0.95),
        baselineLabel: 'pdfkit, same words, no layout',
        target: { kind: 'at-most', value: DOCUMENT_TARGET_SECONDS },
        note: [
          `whole request (read + lay out + render), p95 of ${options.documentRuns}`,
          `p50 ${percentile(seconds, 0.5).toFixed(2)} s`,
          `${(size / 1024).toFixed(0)} KB`,
          format === 'pdf'
            ? `${pageCount(sample.rawPayload)} pages (baseline ${pageCount(baselinePdf)}); first PDF, loading pdfkit: ${(cold.ms / 1000).toFixed(2)} s`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
        ...(timed.failures > 0 || !cold.ok
          ? { invalid: `${timed.failures} exports did not answer 200` }
          : {}),
      });
    }
    return rows;
  } finally {
    await app?.close();
    await handle.close();
  }
}

/** Where the profile benchmark runs: the benchmark PostgreSQL when it answers, else PGlite. */
export async function profileBenchDatabase(
  log: (message: string) => void,
): Promise<BenchDatabase | null> {
  try {
    const database = resolveBenchDatabase();
    const unreachable = await whyUnreachable(database);
    if (unreachable === null) return database;
    log(`  ${describeBenchDatabase(database)} is not reachable (${unreachable}): using PGlite`);
  } catch (error) {
    log(`  ${error instanceof Error ? error.message : String(error)}: using PGlite`);
  }
  return null;
}

// `node bench/profile-open-and-pdf.ts`: this benchmark alone.
if (import.meta.main) {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const rows = await measureProfileOpenAndPdf({
    benchDatabase: await profileBenchDatabase(log),
    warmupRequests: 20,
    measuredRequests: 200,
    documentRuns: 10,
    log,
  });
  const judged = rows.map(judge);
  log(formatTable(judged));
  process.exit(judged.some((row) => row.status === 'FAIL') ? 1 : 0);
}
