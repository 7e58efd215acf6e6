import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import { todayFromClock } from '../../../domain/time/calendar-date.ts';
import type { Finding, SaveFindingBody } from '../../../domain/validations/work-program.schema.ts';
import { checkFinding } from '../../../domain/validations/work-program.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { evidenceSummaries } from '../evidence/evidence.service.ts';
import { displayNames } from '../identity/users.service.ts';
import {
  deleteFinding,
  type FindingRow,
  findFinding,
  findFindingAt,
  insertFinding,
  updateFindingAtVersion,
} from './validation-findings.repository.ts';
import { findingView } from './validation-findings-view.ts';
import { startFieldworkIfDue } from './validation-scheduling.service.ts';
import { findingsOpen } from './validation-work.service.ts';
import {
  assertMayConduct,
  invalid,
  refuseStatus,
  requireValidation,
  userIdOf,
} from './validation-work-access.ts';
import { designations, reviewedCriteria } from './validation-work-criteria.ts';
import { findSites, type ValidationRow } from './validations.repository.ts';

/**
 * Findings of the standard work program (issue 6, item 4): one rating per criterion, for the
 * whole validation or per site, with notes, the evidence seen and the member's evidence files
 * looked at. Recorded during fieldwork (the first finding on or after the start date moves a
 * scheduled validation into fieldwork), by the assigned specialist or a supervisory one; a
 * finding may be changed or deleted until the report is submitted. The rules (a rating that
 * fits the designation, only applicable criteria) are work-program.ts.
 */

function findingConflict(message: string, current: Finding | null): AppError {
  return new AppError('CONFLICT', message, { path: 'body.expectedVersion', current });
}

function auditView(row: FindingRow) {
  return {
    criterionId: row.criterionId,
    siteId: row.siteId,
    rating: row.rating,
    notes: row.notes,
    evidenceSeen: row.evidenceSeen,
    evidenceIds: row.evidenceIds,
    version: row.version,
  };
}

async function viewOf(db: Db, row: FindingRow): Promise<Finding> {
  const names = await displayNames(db, row.recordedByUserId ? [row.recordedByUserId] : []);
  return findingView(row, names);
}

/** Locks the validation and opens it for findings (starting fieldwork when due), or 409. */
async function lockForFindings(
  ctx: ServiceContext,
  tx: Db,
  validationId: string,
  what: string,
): Promise<ValidationRow> {
  const row = await requireValidation(tx, validationId, { forUpdate: true });
  assertMayConduct(ctx, row);
  if (!findingsOpen(row, todayFromClock(ctx.clock))) {
    throw refuseStatus(
      row,
      row.status === 'scheduled'
        ? `${what} once its fieldwork starts on ${row.startsOn ?? 'its start date'}`
        : `${what} only during fieldwork, before the report is submitted`,
    );
  }
  return startFieldworkIfDue(ctx, tx, row);
}

/**
 * Records or changes the finding for one criterion at one place (`validation:conduct:any`).
 * 400 naming the field: a criterion that does not apply to the member, a rating that does not
 * fit its designation, a site of another validation, evidence that is not the member's.
 * 409: outside fieldwork, or a stale `expectedVersion` (with the current finding).
 */
export async function saveFinding(
  ctx: ServiceContext,
  validationId: string,
  body: SaveFindingBody,
): Promise<Finding> {
  const read = await requireValidation(ctx.db, validationId);
  assertMayConduct(ctx, read);
  // Read outside the transaction (the Security Profile and catalog services use ctx.db).
  const [criteria, sites, evidence] = await Promise.all([
    reviewedCriteria(ctx, read.organisationId),
    findSites(ctx.db, read.id),
    evidenceSummaries(ctx.db, read.organisationId, body.evidenceIds),
  ]);
  const issues = checkFinding(
    body,
    designations(criteria),
    new Set(sites.map((site) => site.id)),
  ).map((issue) => ({ path: `body.${issue.field}`, message: issue.message }));
  const unknown = body.evidenceIds.filter((id) => !evidence.has(id));
  if (unknown.length > 0) {
    issues.push({
      path: 'body.evidenceIds',
      message: `are not documents of the member's evidence library: ${unknown.join(', ')}`,
    });
  }
  if (issues.length > 0) {
    throw invalid(issues, issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  }
  const evidenceIds = [...new Set(body.evidenceIds)];
  return ctx.db.transaction(async (tx) => {
    const row = await lockForFindings(ctx, tx, validationId, 'findings are recorded');
    const existing = await findFindingAt(tx, row.id, body.criterionId, body.siteId, {
      forUpdate: true,
    });
    const now = ctx.clock.now();
    const userId = userIdOf(ctx);
    let saved: FindingRow;
    if (existing === null) {
      if (body.expectedVersion !== undefined) {
        throw findingConflict(
          'The finding was deleted since you read it: reload the work program and record it again.',
          null,
        );
      }
      saved = await insertFinding(tx, {
        id: randomUUID(),
        validationId: row.id,
        criterionId: body.criterionId,
        siteId: body.siteId,
        rating: body.rating,
        notes: body.notes,
        evidenceSeen: body.evidenceSeen,
        evidenceIds,
        recordedByUserId: userId,
        version: 1,
        recordedAt: now,
        updatedAt: now,
      });
    } else {
      if (body.expectedVersion !== existing.version) {
        throw findingConflict(
          body.expectedVersion === undefined
            ? 'Someone recorded a finding for this criterion and site meanwhile: read it, then change it.'
            : 'The finding changed since you read it: read the current one, then change it.',
          await viewOf(tx, existing),
        );
      }
      const updated = await updateFindingAtVersion(tx, existing.id, existing.version, {
        rating: body.rating,
        notes: body.notes,
        evidenceSeen: body.evidenceSeen,
        evidenceIds,
        recordedByUserId: userId,
        updatedAt: now,
      });
      if (!updated) {
        throw findingConflict('The finding changed while saving: read it again.', null);
      }
      saved = updated;
    }
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.finding_recorded',
      targetType: 'validation_finding',
      targetId: saved.id,
      organisationId: row.organisationId,
      before: existing ? auditView(existing) : null,
      after: { validationId: row.id, ...auditView(saved) },
    });
    return viewOf(tx, saved);
  });
}

/** Deletes a finding before the report is submitted (`validation:conduct:any`). */
export async function removeFinding(
  ctx: ServiceContext,
  validationId: string,
  findingId: string,
  expectedVersion: number | undefined,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockForFindings(ctx, tx, validationId, 'findings are deleted');
    const finding = await findFinding(tx, row.id, findingId, { forUpdate: true });
    if (!finding) {
      throw notFound('Finding');
    }
    if (expectedVersion !== undefined && expectedVersion !== finding.version) {
      throw findingConflict(
        'The finding changed since you read it: read the current one first.',
        await viewOf(tx, finding),
      );
    }
    await deleteFinding(tx, finding.id);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'validation.finding_deleted',
      targetType: 'validation_finding',
      targetId: finding.id,
      organisationId: row.organisationId,
      before: { validationId: row.id, ...auditView(finding) },
      after: null,
    });
  });
}
