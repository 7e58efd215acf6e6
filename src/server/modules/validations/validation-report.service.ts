import { randomUUID } from 'node:crypto';
import { hasPermission } from '../../../domain/authorization/permissions.ts';
import type { Role } from '../../../domain/authorization/roles.ts';
import { AppError } from '../../../domain/errors/error-codes.ts';
import { type CalendarDate, todayFromClock } from '../../../domain/time/calendar-date.ts';
import { responsesDue } from '../../../domain/validations/response-deadline.ts';
import type { DocumentLanguage } from '../../../domain/validations/validation-vocabulary.ts';
import type {
  DecideReportBody,
  SaveReportBody,
  SubmitReportBody,
  WorkProgram,
} from '../../../domain/validations/work-program.schema.ts';
import {
  checkOutcome,
  closesOnApproval,
  reportReadiness,
} from '../../../domain/validations/work-program.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { evidenceSummaries } from '../evidence/evidence.service.ts';
import { displayNames, membersWithRoles } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { type FindingRow, findFindings } from './validation-findings.repository.ts';
import { closeValidation } from './validation-outcome.service.ts';
import { insertValidationDocument } from './validation-report.repository.ts';
import { type RenderedReport, renderReport } from './validation-report-document.ts';
import {
  notifyReportIssued,
  notifyReportReturned,
  notifyReportSubmitted,
} from './validation-report-notifications.ts';
import { getWorkProgram, responsePeriod } from './validation-work.service.ts';
import {
  assertMayConduct,
  bodyIssue,
  refuseStatus,
  requireValidation,
  userIdOf,
  versionConflict,
} from './validation-work-access.ts';
import { type ReviewedCriteria, reviewedCriteria } from './validation-work-criteria.ts';
import {
  findSites,
  insertEvent,
  updateValidationAtVersion,
  type ValidationRow,
} from './validations.repository.ts';
import type { DocumentInputs } from './validations.tables.ts';

/**
 * The validation report and its approval (issue 6, item 5): the specialist drafts the summary
 * and the recommended outcome during fieldwork and submits the report once every applicable
 * criterion is rated (work-program.ts `reportReadiness`); a supervisory specialist who did not
 * write it approves it or returns it to fieldwork with a note. Approval issues the report: the
 * responses to required actions fall due after the configured period (response-deadline.ts,
 * provisional), the report is generated from the findings as PDF and Word and stored with its
 * inputs (validation_documents, kind `report`), and the member company is told. A report with
 * no required action at all also closes the validation with its recommended outcome.
 *
 * Every change bumps the validation's version at `expectedVersion` (409 otherwise), writes a
 * validation event and an audit event in the member's chain, in one transaction.
 */

const COMPANY_ROLES: readonly Role[] = ['company_officer', 'company_admin'];

function lockedAt(row: ValidationRow, expectedVersion: number): void {
  if (row.version !== expectedVersion) {
    throw versionConflict(row.version);
  }
}

async function update(
  tx: Parameters<typeof updateValidationAtVersion>[0],
  row: ValidationRow,
  changes: Parameters<typeof updateValidationAtVersion>[3],
): Promise<ValidationRow> {
  const updated = await updateValidationAtVersion(tx, row.id, row.version, changes);
  if (!updated) {
    throw versionConflict(row.version);
  }
  return updated;
}

/** Saves the draft summary and recommended outcome (`validation:conduct:any`, fieldwork). */
export async function saveReportDraft(
  ctx: ServiceContext,
  validationId: string,
  body: SaveReportBody,
): Promise<WorkProgram> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireValidation(tx, validationId, { forUpdate: true });
    assertMayConduct(ctx, row);
    if (row.status !== 'fieldwork') {
      throw refuseStatus(row, 'the report is drafted during fieldwork');
    }
    lockedAt(row, body.expectedVersion);
    const now = ctx.clock.now();
    const updated = await update(tx, row, {
      reportSummary: body.summary,
      recommendedOutcome: body.recommendedOutcome,
      updatedAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.report_drafted',
      targetType: 'validation',
      targetId: row.id,
      organisationId: row.organisationId,
      before: {
        summary: row.reportSummary,
        recommendedOutcome: row.recommendedOutcome,
        version: row.version,
      },
      after: {
        summary: updated.reportSummary,
        recommendedOutcome: updated.recommendedOutcome,
        version: updated.version,
      },
    });
  });
  return getWorkProgram(ctx, validationId);
}

/**
 * Submits the report for approval (`validation:conduct:any`). Refused (409) outside fieldwork,
 * while applicable criteria are unrated (listed in the message and in `details.missing`),
 * without a summary or recommended outcome, or with an outcome the findings do not allow.
 */
export async function submitReport(
  ctx: ServiceContext,
  validationId: string,
  body: SubmitReportBody,
): Promise<WorkProgram> {
  const userId = userIdOf(ctx);
  if (userId === null) {
    throw new AppError('FORBIDDEN', 'A report is submitted by a person, who becomes its author');
  }
  const read = await requireValidation(ctx.db, validationId);
  assertMayConduct(ctx, read);
  // The member's criteria are read outside the transaction (other modules' services use ctx.db).
  const criteria = await reviewedCriteria(ctx, read.organisationId);
  await ctx.db.transaction(async (tx) => {
    const row = await requireValidation(tx, validationId, { forUpdate: true });
    assertMayConduct(ctx, row);
    if (row.status !== 'fieldwork') {
      throw refuseStatus(row, 'a report is submitted from fieldwork');
    }
    lockedAt(row, body.expectedVersion);
    const readiness = reportReadiness(criteria.criteria, await findFindings(tx, row.id));
    if (!readiness.ready) {
      throw new AppError(
        'CONFLICT',
        `The report cannot be submitted: ${readiness.missing.length} applicable criteria are not rated yet (${readiness.missing.join(', ')}). Rate each one, for the whole validation or at a site.`,
        { missing: readiness.missing },
      );
    }
    const summary = row.reportSummary?.trim() ?? '';
    if (summary === '') {
      throw new AppError(
        'CONFLICT',
        'The report has no summary: save the draft with a summary first.',
        { missing: [], field: 'summary' },
      );
    }
    if (row.recommendedOutcome === null) {
      throw new AppError(
        'CONFLICT',
        'The report recommends no outcome: save the draft with a recommended outcome first.',
        { missing: [], field: 'recommendedOutcome' },
      );
    }
    const outcome = checkOutcome(row.recommendedOutcome, readiness.counts, summary);
    if (!outcome.ok) {
      throw new AppError(
        'CONFLICT',
        `The recommended outcome is not possible: ${outcome.reason}.`,
        {
          missing: [],
          field: 'recommendedOutcome',
        },
      );
    }
    const now = ctx.clock.now();
    const updated = await update(tx, row, {
      status: 'report_submitted',
      reportAuthorUserId: userId,
      reportSubmittedAt: now,
      updatedAt: now,
    });
    const eventId = randomUUID();
    await insertEvent(tx, {
      id: eventId,
      validationId: row.id,
      kind: 'report_submitted',
      at: now,
      actorUserId: userId,
      details: { recommendedOutcome: row.recommendedOutcome, counts: readiness.counts },
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.report_submitted',
      targetType: 'validation',
      targetId: row.id,
      organisationId: row.organisationId,
      before: { status: row.status, version: row.version },
      after: {
        status: updated.status,
        version: updated.version,
        recommendedOutcome: updated.recommendedOutcome,
        counts: readiness.counts,
      },
    });
    const names = await displayNames(tx, [userId]);
    await notifyReportSubmitted(ctx, tx, updated, {
      id: eventId,
      authorName: names.get(userId) ?? '',
    });
  });
  return getWorkProgram(ctx, validationId);
}

// ---------------------------------------------------------------------------------------------
// The decision

/** The languages the report is generated in: English, and the member's when it is Spanish. */
async function reportLanguages(
  ctx: ServiceContext,
  organisationId: string,
): Promise<DocumentLanguage[]> {
  const people = await membersWithRoles(ctx.db, organisationId, COMPANY_ROLES);
  const officer =
    people.find((person) => person.role === 'company_officer') ?? people.at(0) ?? null;
  return officer?.preferredLanguage === 'es' ? ['en', 'es'] : ['en'];
}

interface IssuedReport {
  rendered: RenderedReport[];
  inputs: DocumentInputs;
  requiredActions: number;
  closes: boolean;
  responsesDueOn: CalendarDate | null;
}

/** Gathers the report's data and renders it, before the approval's transaction. */
async function prepareReport(
  ctx: ServiceContext,
  row: ValidationRow,
  criteria: ReviewedCriteria,
  findings: readonly FindingRow[],
  today: CalendarDate,
): Promise<IssuedReport> {
  const readiness = reportReadiness(criteria.criteria, findings);
  const period = responsePeriod(ctx);
  const requiredActions = readiness.counts.required_action;
  const responsesDueOn = requiredActions > 0 ? responsesDue(today, period).due : null;
  const approver = userIdOf(ctx);
  const [sites, organisations, names, languages, evidence] = await Promise.all([
    findSites(ctx.db, row.id),
    organisationSummaries(ctx.db, [row.organisationId]),
    displayNames(
      ctx.db,
      [row.reportAuthorUserId, approver].filter((id): id is string => id !== null),
    ),
    reportLanguages(ctx, row.organisationId),
    evidenceSummaries(
      ctx.db,
      row.organisationId,
      criteria.criteria.flatMap((criterion) => criterion.evidence.map((link) => link.evidenceId)),
    ),
  ]);
  const applicable = new Set(criteria.criteria.map((criterion) => criterion.id));
  const data = {
    memberName: organisations.get(row.organisationId)?.legalName ?? '',
    kind: row.kind,
    mode: row.mode,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    specialist: row.reportAuthorUserId ? (names.get(row.reportAuthorUserId) ?? null) : null,
    approvedBy: approver ? (names.get(approver) ?? null) : null,
    issuedOn: today,
    responsesDueOn,
    responsePeriod: { days: period.value, provisional: period.provisional },
    catalogVersion: criteria.catalogVersion,
    summary: row.reportSummary ?? '',
    recommendedOutcome: row.recommendedOutcome,
    sites: sites.map((site) => ({
      id: site.id,
      name: site.name,
      countryCode: site.countryCode,
      location: site.location,
      mra: !site.cbpVisitRequired,
      visitOn: site.visitOn,
    })),
    criteria: criteria.criteria,
    findings: findings
      .filter((finding) => applicable.has(finding.criterionId))
      .map((finding) => ({
        criterionId: finding.criterionId,
        siteId: finding.siteId,
        rating: finding.rating,
        notes: finding.notes,
        evidenceSeen: finding.evidenceSeen,
      })),
    counts: readiness.counts,
    generatedAt: ctx.clock.now(),
  };
  const rendered: RenderedReport[] = [];
  for (const language of languages) {
    rendered.push(await renderReport(data, language));
  }
  return {
    rendered,
    inputs: {
      validationVersion: row.version,
      catalogVersionId: criteria.catalogVersionId,
      profile: criteria.profile
        ? {
            id: criteria.profile.id,
            // Profiles carry no row version: the instant of their last change stands for it.
            version: Date.parse(criteria.profile.updatedAt),
            approvedVersionId: null,
          }
        : null,
      evidence: [...evidence.values()].map((item) => ({
        id: item.evidenceId,
        sha256: item.sha256,
      })),
      findingsVersion: findings.map((finding) => ({ id: finding.id, version: finding.version })),
    },
    requiredActions,
    closes: closesOnApproval(readiness.counts),
    responsesDueOn,
  };
}

/**
 * Approves or returns a submitted report (`validation:approve:any`). The report's author may
 * not decide it (403: approval is a second person's, issue 6 "bad input"; the table's CHECK says
 * the same); a return needs a note (400 on `body.note`) and puts the validation back to
 * fieldwork; an approval issues the report (see the module comment).
 */
export async function decideReport(
  ctx: ServiceContext,
  validationId: string,
  body: DecideReportBody,
): Promise<WorkProgram> {
  const userId = userIdOf(ctx);
  const read = await requireValidation(ctx.db, validationId);
  if (!hasPermission(ctx.actor, 'validation:approve:any') || userId === null) {
    throw new AppError('FORBIDDEN', 'A supervisory specialist decides validation reports');
  }
  if (read.status !== 'report_submitted') {
    throw refuseStatus(read, 'only a submitted report is approved or returned');
  }
  if (read.reportAuthorUserId === userId) {
    throw new AppError(
      'FORBIDDEN',
      'You wrote this report: another supervisory specialist approves or returns it.',
    );
  }
  if (body.decision === 'return' && body.note === '') {
    throw bodyIssue('note', 'is required to return a report: say what to change');
  }
  lockedAt(read, body.expectedVersion);
  const today = todayFromClock(ctx.clock);
  const prepared =
    body.decision === 'approve'
      ? await prepareReport(
          ctx,
          read,
          await reviewedCriteria(ctx, read.organisationId),
          await findFindings(ctx.db, read.id),
          today,
        )
      : null;
  await ctx.db.transaction(async (tx) => {
    const row = await requireValidation(tx, validationId, { forUpdate: true });
    if (row.status !== 'report_submitted') {
      throw refuseStatus(row, 'only a submitted report is approved or returned');
    }
    lockedAt(row, body.expectedVersion);
    const now = ctx.clock.now();
    const eventId = randomUUID();
    const names = await displayNames(tx, [userId]);
    if (prepared === null) {
      const updated = await update(tx, row, { status: 'fieldwork', updatedAt: now });
      await insertEvent(tx, {
        id: eventId,
        validationId: row.id,
        kind: 'report_returned',
        at: now,
        actorUserId: userId,
        details: { note: body.note },
      });
      await appendAuditEvent(tx, auditOrigin(ctx), {
        action: 'validation.report_returned',
        targetType: 'validation',
        targetId: row.id,
        organisationId: row.organisationId,
        before: { status: row.status, version: row.version },
        after: { status: updated.status, version: updated.version, note: body.note },
      });
      await notifyReportReturned(ctx, tx, updated, {
        id: eventId,
        approverName: names.get(userId) ?? '',
        note: body.note,
        authorUserId: row.reportAuthorUserId,
      });
      return;
    }
    const updated = await update(tx, row, {
      status: 'report_issued',
      reportApprovedByUserId: userId,
      reportIssuedOn: today,
      responsesDueOn: prepared.responsesDueOn,
      updatedAt: now,
    });
    const documentIds: string[] = [];
    for (const rendered of prepared.rendered) {
      const id = randomUUID();
      documentIds.push(id);
      await insertValidationDocument(tx, {
        id,
        organisationId: row.organisationId,
        validationId: row.id,
        kind: 'report',
        language: rendered.language,
        pdfContent: rendered.pdf,
        pdfSha256: rendered.pdfSha256,
        docxContent: rendered.docx,
        docxSha256: rendered.docxSha256,
        inputs: prepared.inputs,
        generatedByUserId: userId,
        generatedAt: now,
      });
    }
    await insertEvent(tx, {
      id: eventId,
      validationId: row.id,
      kind: 'report_issued',
      at: now,
      actorUserId: userId,
      details: {
        issuedOn: today,
        responsesDueOn: prepared.responsesDueOn,
        requiredActions: prepared.requiredActions,
        recommendedOutcome: row.recommendedOutcome,
        note: body.note === '' ? null : body.note,
      },
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.report_issued',
      targetType: 'validation',
      targetId: row.id,
      organisationId: row.organisationId,
      before: { status: row.status, version: row.version },
      after: {
        status: updated.status,
        version: updated.version,
        reportIssuedOn: today,
        responsesDueOn: prepared.responsesDueOn,
        documents: documentIds,
        note: body.note === '' ? null : body.note,
      },
    });
    await notifyReportIssued(ctx, tx, updated, { id: eventId });
    if (prepared.closes) {
      // Nothing for the member to answer: the validation closes now with the recommended
      // outcome (validation-outcome.service.ts; the registry records the tier in this
      // transaction). If the registry refuses, nothing of the approval is kept either.
      await closeValidation(ctx, tx, row.id);
    }
  });
  return getWorkProgram(ctx, validationId);
}
