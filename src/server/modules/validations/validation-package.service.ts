import { createHash, randomUUID } from 'node:crypto';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { applicableCriteria } from '../../../domain/criteria/applicability.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type { SecurityProfileView } from '../../../domain/security-profile/security-profile.schema.ts';
import { todayFromClock } from '../../../domain/time/calendar-date.ts';
import type {
  GeneratePackageBody,
  ValidationDocument,
} from '../../../domain/validations/preparation-package.schema.ts';
import {
  buildPreparationPackage,
  PACKAGE_VALIDATION_STATUSES,
  type PackageCriterionInput,
  type PackageInput,
  type StepPeriods,
} from '../../../domain/validations/preparation-package.ts';
import { renderDocx } from '../../documents/docx-renderer.ts';
import { renderPdf } from '../../documents/pdf-renderer.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { getCurrentCatalog } from '../criteria/criteria.service.ts';
import { evidenceSummaries } from '../evidence/evidence.service.ts';
import { displayNames } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { listMraPrograms } from '../registry/mutual-recognition.service.ts';
import { entityTypesOfMember } from '../registry/registry.service.ts';
import { latestApprovedVersionId } from '../security-profile/profile-review.service.ts';
import {
  getMemberSecurityProfile,
  getOwnSecurityProfile,
} from '../security-profile/security-profile.service.ts';
import { insertValidationDocument } from './validation-documents.repository.ts';
import { describeDocument } from './validation-documents.service.ts';
import {
  findFindingsWithSites,
  findPackageParticipants,
  findPackageSites,
  findPreviousClosedValidation,
  findResponsesOf,
  findValidationForPackage,
  type PackageValidationRow,
} from './validation-package.repository.ts';
import { packageDocument } from './validation-package-document.ts';
import type { DocumentInputs } from './validations.tables.ts';

/**
 * The standard validation preparation package (issue 6, item 3; COAC benefit 1): gathered from
 * the validation (dates, sites, participants), the member's Security Profile (every applicable
 * criterion with its current answer, through the security-profile module), the evidence library
 * (linked documents, expiry and hashes) and the member's previous closed validation (open items);
 * built by the domain (preparation-package.ts), laid out (validation-package-document.ts) and
 * rendered as PDF and DOCX (ADR 0026).
 *
 * Every generation is a new `validation_documents` row holding both files and the versions of
 * its inputs, with a `validation.package_generated` audit event in the same transaction;
 * regenerating never replaces an earlier package. Rendering happens before the transaction, so
 * no lock is held while the documents are laid out.
 *
 * Who: the member for its own validation (another company's is a 404) and, with no validation,
 * as a readiness check from its current profile; CBP for any validation it conducts (a specialist
 * only the validations assigned to them, a supervisory specialist any).
 */

type Side = 'member' | 'cbp';

function userIdOf(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function assertPackageable(row: PackageValidationRow): void {
  if (PACKAGE_VALIDATION_STATUSES.includes(row.status)) return;
  throw new AppError(
    'CONFLICT',
    row.status === 'planned'
      ? 'The validation is not scheduled yet: its preparation package is generated once dates and sites are set'
      : `The validation is ${row.status}: a preparation package is generated for a scheduled validation`,
    { status: row.status },
  );
}

/** The member company the actor acts for (check 3). */
async function ownCompanyId(ctx: ServiceContext): Promise<string> {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to prepare for its validations');
  }
  const organisation = (await organisationSummaries(ctx.db, [own])).get(own);
  if (organisation?.kind !== 'member_company') {
    throw notFound('Validation');
  }
  return own;
}

/** A specialist prepares the validations assigned to them; those who assign the work, any. */
function assertMayConduct(ctx: ServiceContext, row: PackageValidationRow): void {
  if (hasPermission(ctx.actor, 'validation:plan:any')) return;
  const userId = userIdOf(ctx);
  if (userId !== null && row.specialistUserId === userId) return;
  throw new AppError(
    'FORBIDDEN',
    'Only the specialist assigned to this validation, or a supervisory specialist, can generate its preparation package',
  );
}

// ---------------------------------------------------------------------------------------------
// Gathering

/** The member's profile as the side may read it; null when the company has none. */
async function readProfile(
  ctx: ServiceContext,
  organisationId: string,
  side: Side,
): Promise<SecurityProfileView | null> {
  try {
    return side === 'member'
      ? await getOwnSecurityProfile(ctx)
      : await getMemberSecurityProfile(ctx, organisationId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

interface Criteria {
  criteria: PackageCriterionInput[];
  catalogVersionId: string | null;
  catalogVersion: string | null;
}

function criteriaOfProfile(view: SecurityProfileView): Criteria {
  return {
    catalogVersionId: view.catalogVersionId,
    catalogVersion: view.catalogVersion,
    criteria: view.sections.flatMap((section) =>
      section.criteria.map((criterion) => ({
        id: criterion.id,
        category: section.category,
        designation: criterion.designation,
        provisional: criterion.provisional,
        text: criterion.text,
        guidance: criterion.guidance,
        answer: criterion.answer
          ? {
              status: criterion.answer.status,
              narrative: criterion.answer.narrative,
              toReconfirm: criterion.answer.toReconfirm,
            }
          : null,
        evidence: criterion.evidence.map((link) => ({
          evidenceId: link.evidenceId,
          title: link.title,
          expiresOn: link.expiresOn,
        })),
      })),
    ),
  };
}

/** Without a profile: the current catalog's criteria for the member's entity types, unanswered. */
async function criteriaWithoutProfile(
  ctx: ServiceContext,
  organisationId: string,
): Promise<Criteria> {
  const [catalog, entityTypes] = await Promise.all([
    getCurrentCatalog(ctx),
    entityTypesOfMember(ctx.db, organisationId),
  ]);
  return {
    catalogVersionId: catalog.id,
    catalogVersion: catalog.version,
    criteria: applicableCriteria(catalog.criteria, entityTypes).map((entry) => ({
      id: entry.criterion.id,
      category: entry.criterion.category,
      designation: entry.designation,
      provisional: entry.provisional,
      text: entry.criterion.text,
      guidance: entry.criterion.guidance,
      answer: null,
      evidence: [],
    })),
  };
}

async function previousValidation(
  ctx: ServiceContext,
  organisationId: string,
  exceptId: string | null,
) {
  const previous = await findPreviousClosedValidation(ctx.db, organisationId, exceptId);
  if (!previous) return null;
  const [findings, responses] = await Promise.all([
    findFindingsWithSites(ctx.db, previous.id),
    findResponsesOf(ctx.db, previous.id),
  ]);
  return { row: previous, findings, responses };
}

function stepPeriods(ctx: ServiceContext): StepPeriods {
  const notice = ctx.runtime.validationNotice;
  const response = ctx.runtime.validationResponseDays;
  return {
    noticeDays: notice.noticeDays.value,
    foreignNoticeDays: notice.foreignNoticeDays.value,
    noticeProvisional: notice.noticeDays.provisional || notice.foreignNoticeDays.provisional,
    responseDays: response.value,
    responseProvisional: response.provisional,
  };
}

interface Generation {
  organisationId: string;
  validation: PackageValidationRow | null;
  side: Side;
  language: GeneratePackageBody['language'];
}

async function generate(ctx: ServiceContext, generation: Generation): Promise<ValidationDocument> {
  const { organisationId, validation, side, language } = generation;
  const generatedAt = ctx.clock.now();

  const [organisations, sites, participants, profile, previous, programs, periods] =
    await Promise.all([
      organisationSummaries(ctx.db, [
        organisationId,
        ...(validation?.officeId ? [validation.officeId] : []),
      ]),
      validation ? findPackageSites(ctx.db, validation.id) : [],
      validation ? findPackageParticipants(ctx.db, validation.id) : [],
      readProfile(ctx, organisationId, side),
      previousValidation(ctx, organisationId, validation?.id ?? null),
      listMraPrograms(ctx),
      stepPeriods(ctx),
    ]);
  if (!validation && !profile) {
    throw new AppError(
      'CONFLICT',
      'The readiness check is made from your Security Profile: start your Security Profile first',
    );
  }
  const scope = profile
    ? criteriaOfProfile(profile)
    : await criteriaWithoutProfile(ctx, organisationId);
  const evidenceIds = [
    ...new Set(scope.criteria.flatMap((criterion) => criterion.evidence.map((e) => e.evidenceId))),
  ];
  const [files, names, approvedVersionId] = await Promise.all([
    evidenceSummaries(ctx.db, organisationId, evidenceIds),
    displayNames(ctx.db, validation?.specialistUserId ? [validation.specialistUserId] : []),
    profile?.status === 'approved'
      ? latestApprovedVersionId(ctx.db, organisationId, profile.id)
      : Promise.resolve(null),
  ]);
  const programName = new Map(
    programs.items.map((program) => [
      program.id,
      `${program.programName} (${program.countryName})`,
    ]),
  );

  const input: PackageInput = {
    language,
    today: todayFromClock(ctx.clock),
    memberName: organisations.get(organisationId)?.legalName ?? '',
    validation: validation
      ? {
          kind: validation.kind,
          mode: validation.mode,
          status: validation.status,
          dueOn: validation.dueOn,
          noticeSentOn: validation.noticeSentOn,
          startsOn: validation.startsOn,
          endsOn: validation.endsOn,
          officeName: validation.officeId
            ? (organisations.get(validation.officeId)?.legalName ?? null)
            : null,
          specialistName: validation.specialistUserId
            ? (names.get(validation.specialistUserId) ?? null)
            : null,
        }
      : null,
    sites: sites.map((site) => ({
      name: site.name,
      address: site.address,
      countryCode: site.countryCode,
      location: site.location,
      mraProgramName: site.mraProgramId ? (programName.get(site.mraProgramId) ?? null) : null,
      cbpVisitRequired: site.cbpVisitRequired,
      visitOn: site.visitOn,
      agenda: site.agenda,
    })),
    participants: participants.map((person) => ({
      side: person.side,
      name: person.name,
      title: person.title,
      email: person.email,
      phone: person.phone,
    })),
    criteria: scope.criteria,
    hasProfile: profile !== null,
    previous: previous
      ? {
          closedOn: previous.row.closedOn,
          outcome: previous.row.outcome,
          findings: previous.findings.map((finding) => ({
            id: finding.id,
            criterionId: finding.criterionId,
            rating: finding.rating,
            notes: finding.notes,
            siteName: finding.siteName,
          })),
          responses: previous.responses.map((response) => ({
            findingId: response.findingId,
            submittedAt: response.submittedAt.toISOString(),
            decision: response.decision,
          })),
        }
      : null,
    periods,
  };
  const built = buildPreparationPackage(input);
  const model = packageDocument(built, {
    catalogVersion: scope.catalogVersion,
    generatedAt,
    readiness: profile
      ? {
          byCategory: new Map(
            profile.sections.map((section) => [section.category, section.readiness]),
          ),
          total: profile.readiness,
        }
      : null,
    evidenceFiles: new Map(
      [...files.values()].map((file) => [
        file.evidenceId,
        {
          filename: file.originalFilename,
          mediaType: file.mediaType,
          sha256: file.sha256,
          deleted: file.deleted,
        },
      ]),
    ),
  });
  const [pdf, docx] = await Promise.all([renderPdf(model), renderDocx(model)]);

  const inputs: DocumentInputs = {
    validationVersion: validation?.version ?? null,
    catalogVersionId: scope.catalogVersionId,
    // security_profiles has no row version: its updated_at moves with every saved answer and is
    // the stamp the profile service compares, so the package records it (epoch milliseconds).
    profile: profile
      ? { id: profile.id, version: Date.parse(profile.updatedAt), approvedVersionId }
      : null,
    evidence: evidenceIds
      .map((id) => ({ id, sha256: files.get(id)?.sha256 ?? '' }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    findingsVersion: (previous?.findings ?? []).map((finding) => ({
      id: finding.id,
      version: finding.version,
    })),
  };
  const documentId = randomUUID();
  const row = {
    id: documentId,
    organisationId,
    validationId: validation?.id ?? null,
    kind: 'preparation_package' as const,
    language,
    pdfContent: pdf,
    pdfSha256: sha256(pdf),
    docxContent: docx,
    docxSha256: sha256(docx),
    inputs,
    generatedByUserId: userIdOf(ctx),
    generatedAt,
  };
  await ctx.db.transaction(async (tx) => {
    await insertValidationDocument(tx, row);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      organisationId,
      action: 'validation.package_generated',
      targetType: 'validation_document',
      targetId: documentId,
      before: null,
      after: {
        validationId: row.validationId,
        readinessCheck: row.validationId === null,
        language,
        side,
        pdfSha256: row.pdfSha256,
        docxSha256: row.docxSha256,
        inputs: {
          validationVersion: inputs.validationVersion,
          catalogVersionId: inputs.catalogVersionId,
          profile: inputs.profile,
          evidenceCount: inputs.evidence.length,
          findingsCount: inputs.findingsVersion.length,
        },
      },
    });
  });
  return describeDocument(ctx, {
    id: documentId,
    organisationId,
    validationId: row.validationId,
    kind: row.kind,
    language,
    pdfSha256: row.pdfSha256,
    docxSha256: row.docxSha256,
    pdfSize: pdf.length,
    docxSize: docx.length,
    inputs,
    generatedByUserId: row.generatedByUserId,
    generatedAt,
  });
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** The member's own validation (validation:read); another company's answers 404. */
export async function generateOwnPackage(
  ctx: ServiceContext,
  validationId: string,
  body: GeneratePackageBody,
): Promise<ValidationDocument> {
  const organisationId = await ownCompanyId(ctx);
  const validation = await findValidationForPackage(ctx.db, validationId, organisationId);
  if (!validation) throw notFound('Validation');
  assertPackageable(validation);
  return generate(ctx, { organisationId, validation, side: 'member', language: body.language });
}

/**
 * A readiness check: the package's structure from the company's current Security Profile, with
 * no validation (any member company with a profile; the open items are those of its last closed
 * validation, if any).
 */
export async function generateReadinessPackage(
  ctx: ServiceContext,
  body: GeneratePackageBody,
): Promise<ValidationDocument> {
  const organisationId = await ownCompanyId(ctx);
  return generate(ctx, {
    organisationId,
    validation: null,
    side: 'member',
    language: body.language,
  });
}

/** CBP: any validation it conducts (validation:conduct:any; the assignment is checked here). */
export async function generatePackageForCbp(
  ctx: ServiceContext,
  validationId: string,
  body: GeneratePackageBody,
): Promise<ValidationDocument> {
  const validation = await findValidationForPackage(ctx.db, validationId, null);
  if (!validation) throw notFound('Validation');
  assertMayConduct(ctx, validation);
  assertPackageable(validation);
  return generate(ctx, {
    organisationId: validation.organisationId,
    validation,
    side: 'cbp',
    language: body.language,
  });
}
