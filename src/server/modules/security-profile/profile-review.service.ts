import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { applicableCriteria } from '../../../domain/criteria/applicability.ts';
import { compareCriterionIds } from '../../../domain/criteria/catalog.schema.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import {
  type AttestationLanguage,
  attestationText,
  PROFILE_ATTESTATION,
} from '../../../domain/security-profile/profile-attestation.ts';
import {
  type CriterionReview,
  type DecideVersionBody,
  type ProfileSnapshot,
  ProfileSnapshotSchema,
  type ProfileVersion,
  type ReviewCriterionBody,
  type ReviewQueuePage,
  type ReviewQueueQuery,
  type SnapshotCriterion,
  type SubmissionOverview,
  type SubmitProfileBody,
  type VersionChanges,
  type VersionRoundList,
} from '../../../domain/security-profile/profile-review.schema.ts';
import {
  checkSubmission,
  type MissingReason,
  type SubmissionCheck,
} from '../../../domain/security-profile/submission-check.ts';
import { versionChanges } from '../../../domain/security-profile/version-changes.ts';
import { todayFromClock } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { getCatalogVersion } from '../criteria/criteria.service.ts';
import { evidenceLinksByCriterion, evidenceSummaries } from '../evidence/evidence.service.ts';
import { getAccount } from '../identity/accounts.service.ts';
import { displayNames } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { memberAssignment } from '../registry/member-assignment.service.ts';
import { entityTypesOfMember } from '../registry/registry.service.ts';
import { annualReviewSnapshot } from './annual-review.service.ts';
import {
  type AnswerRow,
  countReviews,
  findLastVersionNumber,
  findLatestProfileOf,
  findPreviousVersion,
  findReview,
  findReviewQueue,
  findReviews,
  findVersion,
  findVersionsOfOrganisation,
  insertComments,
  insertVersion,
  type ProfileRow,
  type ReviewRow,
  updateProfileStatus,
  updateVersionOutcome,
  upsertReview,
  type VersionRow,
} from './profile-review.repository.ts';
import { notifyProfileRound } from './profile-review-notifications.ts';
import { findAnswers } from './security-profile.repository.ts';

/**
 * Submission and review of the Security Profile (issue 5, item 5): the company officer attests
 * and submits a version (a frozen snapshot); the specialist reviews it criterion by criterion and
 * returns it with comments or approves it; the member answers and resubmits; every round stays.
 */

// ---------------------------------------------------------------------------------------------
// Who acts

/** The tenant (check 3): the member company the actor acts for. */
function ownOrganisation(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to see its Security Profile');
  }
  return own;
}

/** Only the company officer, signed in, commits the company (product.md, "Users and roles"). */
function officerOf(ctx: ServiceContext): { userId: string; organisationId: string } {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.role !== 'company_officer' || actor.organisationId === null) {
    throw new AppError(
      'FORBIDDEN',
      'Only a company officer, signed in, attests to and submits the Security Profile',
    );
  }
  return { userId: actor.userId, organisationId: actor.organisationId };
}

// ---------------------------------------------------------------------------------------------
// What a profile holds now

const SUBMITTABLE = new Set(['draft', 'returned']);

interface ProfileState {
  profile: ProfileRow;
  catalogVersion: string;
  entityTypes: string[];
  criteria: SnapshotCriterion[];
  check: SubmissionCheck;
  answersVersion: string;
  /** Every answer of the profile as read (an annual cycle's window check uses them). */
  answers: AnswerRow[];
}

/**
 * A fingerprint of the answers as stored: the officer submits what they read, and a save by
 * someone else in between changes it (SubmitProfileBody.expectedAnswersVersion).
 */
function answersVersionOf(answers: readonly AnswerRow[]): string {
  const canonical = [...answers]
    .sort((a, b) => compareCriterionIds(a.criterionId, b.criterionId))
    .map((answer) => [
      answer.criterionId,
      answer.status,
      answer.narrative,
      answer.responsibleUserId,
      answer.toReconfirm,
      answer.updatedAt.toISOString(),
    ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
}

/** The applicable criteria (applicability.ts) with the answers given, in CBP's order. */
async function stateOf(ctx: ServiceContext, db: Db, profile: ProfileRow): Promise<ProfileState> {
  // Read in the caller's transaction, one query after another: a transaction's connection runs
  // one query at a time (node-postgres deprecates queuing them; PGlite has one connection).
  const catalog = await getCatalogVersion({ ...ctx, db }, profile.catalogVersionId);
  const entityTypes = await entityTypesOfMember(db, profile.organisationId);
  const answers = await findAnswers(db, profile.id);
  const links = await evidenceLinksByCriterion(db, profile.organisationId);
  // The documents as they are now: their file name and content hash freeze with the version.
  const documents = await evidenceSummaries(
    db,
    profile.organisationId,
    [...links.values()].flat().map((link) => link.evidenceId),
  );
  const byCriterion = new Map(answers.map((answer) => [answer.criterionId, answer]));
  const criteria = applicableCriteria(catalog.criteria, entityTypes).map(
    (applicable): SnapshotCriterion => {
      const answer = byCriterion.get(applicable.criterion.id);
      return {
        id: applicable.criterion.id,
        category: applicable.criterion.category,
        designation: applicable.designation,
        provisional: applicable.provisional,
        text: applicable.criterion.text,
        guidance: applicable.criterion.guidance,
        answer: answer
          ? {
              status: answer.status,
              narrative: answer.narrative,
              responsibleUserId: answer.responsibleUserId,
              toReconfirm: answer.toReconfirm,
              updatedAt: answer.updatedAt.toISOString(),
            }
          : null,
        evidence: (links.get(applicable.criterion.id) ?? []).map((link) => {
          const document = documents.get(link.evidenceId);
          return {
            evidenceId: link.evidenceId,
            title: link.title,
            originalFilename: document?.originalFilename ?? null,
            sha256: document?.sha256 ?? null,
            expiresOn: link.expiresOn,
          };
        }),
      };
    },
  );
  return {
    profile,
    catalogVersion: catalog.version,
    entityTypes,
    criteria,
    check: checkSubmission(criteria, { reconfirmAll: profile.cycle === 'annual_review' }),
    answersVersion: answersVersionOf(answers),
    answers,
  };
}

const MISSING_MESSAGES: Readonly<Record<MissingReason, string>> = {
  unanswered: 'is a must-criterion without an answer',
  to_reconfirm: 'was carried over from last year: confirm or update its answer',
  not_applicable_unjustified: 'is marked not applicable without saying why',
};

function readinessView(check: SubmissionCheck) {
  return {
    ...check,
    byCategory: [...check.byCategory],
    missing: [...check.missing],
  };
}

// ---------------------------------------------------------------------------------------------
// Submission

/** What the officer reads before submitting: readiness, missing musts, the statement. */
export async function getSubmissionOverview(ctx: ServiceContext): Promise<SubmissionOverview> {
  const organisationId = ownOrganisation(ctx);
  const profile = await findLatestProfileOf(ctx.db, organisationId);
  const attestation = { ...PROFILE_ATTESTATION };
  if (!profile) {
    return {
      profileId: null,
      status: null,
      submittable: false,
      readiness: null,
      answersVersion: null,
      attestation,
      lastVersionId: null,
    };
  }
  const state = await stateOf(ctx, ctx.db, profile);
  const versions = await findVersionsOfOrganisation(ctx.db, organisationId);
  return {
    profileId: profile.id,
    status: profile.status,
    submittable: SUBMITTABLE.has(profile.status),
    readiness: readinessView(state.check),
    answersVersion: state.answersVersion,
    attestation,
    lastVersionId: versions[0]?.id ?? null,
  };
}

async function attestationLanguage(
  ctx: ServiceContext,
  body: SubmitProfileBody,
): Promise<AttestationLanguage> {
  if (body.language) return body.language;
  return (await getAccount(ctx)).preferredLanguage === 'es' ? 'es' : 'en';
}

/**
 * The officer attests and submits the company's profile: refused, naming every must that is not
 * answered, unless ready; in one transaction the version is frozen with its snapshot, the
 * profile waits for CBP, the audit event is written and the company and its specialist told.
 */
export async function submitProfile(
  ctx: ServiceContext,
  body: SubmitProfileBody,
): Promise<ProfileVersion> {
  const officer = officerOf(ctx);
  const language = await attestationLanguage(ctx, body);
  const now = ctx.clock.now();
  const versionId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const profile = await findLatestProfileOf(tx, officer.organisationId, { forUpdate: true });
    if (!profile) {
      throw new AppError('CONFLICT', 'Start the Security Profile before submitting it');
    }
    if (!SUBMITTABLE.has(profile.status)) {
      throw new AppError(
        'CONFLICT',
        profile.status === 'submitted'
          ? 'The Security Profile is already submitted and waits for CBP’s review'
          : 'The Security Profile is approved; a new cycle starts with the annual review',
      );
    }
    const state = await stateOf(ctx, tx, profile);
    if (
      body.expectedAnswersVersion !== undefined &&
      body.expectedAnswersVersion !== state.answersVersion
    ) {
      throw new AppError(
        'CONFLICT',
        'The answers changed since you read them: review the profile again before submitting',
        { path: 'body.expectedAnswersVersion', answersVersion: state.answersVersion },
      );
    }
    if (!state.check.ready) {
      const issues: FieldIssue[] = state.check.missing.map((missing) => ({
        path: `answers.${missing.criterionId}`,
        message: MISSING_MESSAGES[missing.reason],
      }));
      throw new AppError(
        'VALIDATION_FAILED',
        `${issues.length} criteria are not ready (must-criteria unanswered, or answers carried over from last year not confirmed): the Security Profile cannot be submitted`,
        { issues },
      );
    }
    const number = (await findLastVersionNumber(tx, profile.id)) + 1;
    const annualReview = annualReviewSnapshot(profile, state.answers, todayFromClock(ctx.clock));
    const snapshot: ProfileSnapshot = {
      format: 1,
      catalog: { versionId: profile.catalogVersionId, version: state.catalogVersion },
      entityTypes: state.entityTypes,
      criteria: state.criteria,
      readiness: readinessView(state.check),
      ...(annualReview ? { annualReview } : {}),
    };
    const attestation = attestationText(language);
    await insertVersion(tx, {
      id: versionId,
      profileId: profile.id,
      organisationId: officer.organisationId,
      number,
      catalogVersionId: profile.catalogVersionId,
      snapshot,
      submittedByUserId: officer.userId,
      submittedAt: now,
      attestation,
      status: 'submitted',
    });
    await updateProfileStatus(tx, profile.id, 'submitted', now);
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'security_profile.submitted',
      targetType: 'security_profile_version',
      targetId: versionId,
      organisationId: officer.organisationId,
      before: { profileId: profile.id, status: profile.status },
      after: {
        profileId: profile.id,
        status: 'submitted',
        number,
        attestation,
        language,
        mustsMet: state.check.mustsMet,
        mustsApplicable: state.check.mustsApplicable,
      },
    });
    const assignment = await memberAssignment(tx, officer.organisationId);
    await notifyProfileRound(ctx, tx, {
      kind: 'profile_submitted',
      eventId: event.id,
      organisationId: officer.organisationId,
      versionId,
      number,
      on: todayFromClock(ctx.clock),
      specialist:
        assignment.assignedSpecialistUserId && assignment.cbpOfficeId
          ? { userId: assignment.assignedSpecialistUserId, officeId: assignment.cbpOfficeId }
          : null,
    });
  });
  return getOwnVersion(ctx, versionId);
}

// ---------------------------------------------------------------------------------------------
// Reading versions

function snapshotOf(row: VersionRow): ProfileSnapshot {
  return ProfileSnapshotSchema.parse(row.snapshot);
}

function reviewView(row: ReviewRow, names: ReadonlyMap<string, string>): CriterionReview {
  return {
    criterionId: row.criterionId,
    decision: row.decision,
    comment: row.comment,
    reviewerUserId: row.reviewerUserId,
    reviewerName: row.reviewerUserId ? (names.get(row.reviewerUserId) ?? null) : null,
    reviewedAt: row.reviewedAt.toISOString(),
  };
}

function byCriterionOrder<T extends { criterionId: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareCriterionIds(a.criterionId, b.criterionId));
}

/**
 * An annual review cycle's version against the approved version the cycle started from: the
 * specialist sees exactly what changed since last year (issue 5, item 6).
 */
async function changesSinceLastYear(
  db: Db,
  snapshot: ProfileSnapshot,
): Promise<VersionChanges | null> {
  const basedOn = snapshot.annualReview?.basedOnVersionId;
  if (!basedOn) return null;
  const lastYear = await findVersion(db, basedOn);
  if (!lastYear) return null;
  return {
    previousVersionId: lastYear.id,
    previousNumber: lastYear.number,
    criteria: versionChanges(snapshotOf(lastYear).criteria, snapshot.criteria),
    previouslyReturned: [],
  };
}

async function changesSince(
  db: Db,
  row: VersionRow,
  snapshot: ProfileSnapshot,
): Promise<VersionChanges | null> {
  const previous = await findPreviousVersion(db, row.profileId, row.number);
  if (!previous) return null;
  const reviews = await findReviews(db, [previous.id]);
  return {
    previousVersionId: previous.id,
    previousNumber: previous.number,
    criteria: versionChanges(snapshotOf(previous).criteria, snapshot.criteria),
    previouslyReturned: byCriterionOrder(
      reviews
        .filter((review) => review.decision === 'returned')
        .map((review) => ({ criterionId: review.criterionId, comment: review.comment ?? '' })),
    ),
  };
}

/**
 * One version as read: the snapshot, the reviews (for members only once the round is decided:
 * a specialist's work in progress is not the company's answer) and what changed since the
 * previous round.
 */
async function versionView(
  db: Db,
  row: VersionRow,
  options: { reviewsInProgress: boolean },
): Promise<ProfileVersion> {
  const snapshot = snapshotOf(row);
  const showReviews = options.reviewsInProgress || row.status !== 'submitted';
  const [reviews, changes, sinceLastYear, organisations] = await Promise.all([
    showReviews ? findReviews(db, [row.id]) : Promise.resolve([]),
    changesSince(db, row, snapshot),
    changesSinceLastYear(db, snapshot),
    organisationSummaries(db, [row.organisationId]),
  ]);
  const people = [row.submittedByUserId, ...reviews.map((review) => review.reviewerUserId)];
  const names = await displayNames(
    db,
    people.filter((id): id is string => id !== null),
  );
  return {
    id: row.id,
    profileId: row.profileId,
    organisationId: row.organisationId,
    organisationName: organisations.get(row.organisationId)?.legalName ?? '',
    number: row.number,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    submittedByUserId: row.submittedByUserId,
    submittedByName: row.submittedByUserId ? (names.get(row.submittedByUserId) ?? null) : null,
    attestation: row.attestation,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedByUserId: row.decidedByUserId,
    snapshot,
    reviews: byCriterionOrder(reviews.map((review) => reviewView(review, names))),
    changes,
    sinceLastYear,
  };
}

/** The company's own version (profile:read); another company's answers 404. */
export async function getOwnVersion(
  ctx: ServiceContext,
  versionId: string,
): Promise<ProfileVersion> {
  const organisationId = ownOrganisation(ctx);
  const row = await findVersion(ctx.db, versionId);
  if (!row || row.organisationId !== organisationId) {
    throw notFound('Security Profile version');
  }
  return versionView(ctx.db, row, { reviewsInProgress: false });
}

/** Every round of the company's profiles, newest first, with what CBP returned. */
export async function listOwnVersions(ctx: ServiceContext): Promise<VersionRoundList> {
  const organisationId = ownOrganisation(ctx);
  const rows = await findVersionsOfOrganisation(ctx.db, organisationId);
  const decided = rows.filter((row) => row.status !== 'submitted').map((row) => row.id);
  const reviews = await findReviews(ctx.db, decided);
  return {
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      submittedAt: row.submittedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      returned: byCriterionOrder(
        reviews
          .filter((review) => review.versionId === row.id && review.decision === 'returned')
          .map((review) => ({ criterionId: review.criterionId, comment: review.comment ?? '' })),
      ),
    })),
  };
}

/**
 * The latest approved version of a profile (the one its current answers were approved as, when
 * the profile stands approved), or null. For modules that already read the profile through an
 * authorised service (the validation preparation package records which answers it showed).
 */
export async function latestApprovedVersionId(
  db: Db,
  organisationId: string,
  profileId: string,
): Promise<string | null> {
  const rows = await findVersionsOfOrganisation(db, organisationId);
  const approved = rows
    .filter((row) => row.profileId === profileId && row.status === 'approved')
    .sort((a, b) => b.number - a.number);
  return approved[0]?.id ?? null;
}

/** Any version, for CBP (profile:read:any, checked again here). */
export async function getVersionForReview(
  ctx: ServiceContext,
  versionId: string,
): Promise<ProfileVersion> {
  if (!hasPermission(ctx.actor, 'profile:read:any')) {
    throw notFound('Security Profile version');
  }
  const row = await findVersion(ctx.db, versionId);
  if (!row) {
    throw notFound('Security Profile version');
  }
  return versionView(ctx.db, row, { reviewsInProgress: true });
}

// ---------------------------------------------------------------------------------------------
// The review queue

const QueueCursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export async function listReviewQueue(
  ctx: ServiceContext,
  query: ReviewQueueQuery,
): Promise<ReviewQueuePage> {
  if (!hasPermission(ctx.actor, 'profile:read:any')) {
    throw notFound('Review queue');
  }
  const actor = ctx.actor;
  const after = query.cursor ? decodeCursor(query.cursor, QueueCursorSchema) : undefined;
  const rows = await findReviewQueue(ctx.db, {
    limit: query.limit + 1,
    after: after ? { submittedAt: new Date(after[0]), id: after[1] } : undefined,
    // "Mine" for someone who is not a person (an API token) matches no member.
    assignedSpecialistUserId:
      query.mine === 'true' ? (actor.kind === 'user' ? actor.userId : randomUUID()) : undefined,
    cbpOfficeId: query.officeId,
  });
  const page = rows.slice(0, query.limit);
  const [organisations, names, reviewed] = await Promise.all([
    organisationSummaries(
      ctx.db,
      page.map((row) => row.organisationId),
    ),
    displayNames(
      ctx.db,
      page.flatMap((row) => (row.assignedSpecialistUserId ? [row.assignedSpecialistUserId] : [])),
    ),
    countReviews(
      ctx.db,
      page.map((row) => row.id),
    ),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      versionId: row.id,
      number: row.number,
      organisationId: row.organisationId,
      organisationName: organisations.get(row.organisationId)?.legalName ?? '',
      submittedAt: row.submittedAt.toISOString(),
      assignedSpecialistUserId: row.assignedSpecialistUserId,
      assignedSpecialistName: row.assignedSpecialistUserId
        ? (names.get(row.assignedSpecialistUserId) ?? null)
        : null,
      cbpOfficeId: row.cbpOfficeId,
      reviewedCount: reviewed.get(row.id) ?? 0,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.submittedAt.toISOString(), last.id])
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Reviewing

interface Reviewer {
  userId: string;
}

/**
 * The version a specialist may act on, locked: it exists (404), the actor is a person with a
 * CBP role, an SCSS reviews only the members assigned to them (a supervisory SCSS or a program
 * manager any: product.md, "Users and roles"), and the round is still open (409).
 */
async function versionToReview(
  ctx: ServiceContext,
  tx: Db,
  versionId: string,
): Promise<{ row: VersionRow; reviewer: Reviewer }> {
  const actor = ctx.actor;
  if (!hasPermission(actor, 'profile:review:any')) {
    throw notFound('Security Profile version');
  }
  const row = await findVersion(tx, versionId, { forUpdate: true });
  if (!row) {
    throw notFound('Security Profile version');
  }
  if (actor.kind !== 'user' || actor.role === null) {
    throw new AppError('FORBIDDEN', 'Security Profiles are reviewed by a person with a CBP role');
  }
  if (actor.role === 'scss') {
    const assignment = await memberAssignment(tx, row.organisationId);
    if (assignment.assignedSpecialistUserId !== actor.userId) {
      throw new AppError(
        'FORBIDDEN',
        'This member is assigned to another specialist: only they or a supervisor review its profile',
      );
    }
  }
  if (row.status !== 'submitted') {
    throw new AppError('CONFLICT', `Version ${row.number} was already ${row.status}`);
  }
  return { row, reviewer: { userId: actor.userId } };
}

/** A specialist approves or returns (with a comment) one criterion of a version in review. */
export async function reviewCriterion(
  ctx: ServiceContext,
  versionId: string,
  criterionId: string,
  body: ReviewCriterionBody,
): Promise<CriterionReview> {
  const now = ctx.clock.now();
  const review = await ctx.db.transaction(async (tx) => {
    const { row, reviewer } = await versionToReview(ctx, tx, versionId);
    const snapshot = snapshotOf(row);
    if (!snapshot.criteria.some((criterion) => criterion.id === criterionId)) {
      throw notFound(`Criterion ${criterionId} in this version`);
    }
    const before = await findReview(tx, versionId, criterionId);
    const next: ReviewRow = {
      versionId,
      criterionId,
      decision: body.decision,
      comment: body.comment ? body.comment : null,
      reviewerUserId: reviewer.userId,
      reviewedAt: now,
    };
    await upsertReview(tx, next);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'security_profile.criterion_reviewed',
      targetType: 'security_profile_version',
      targetId: versionId,
      organisationId: row.organisationId,
      before: before ? { criterionId, decision: before.decision, comment: before.comment } : null,
      after: { criterionId, decision: next.decision, comment: next.comment },
    });
    return next;
  });
  const names = await displayNames(ctx.db, [review.reviewerUserId ?? '']);
  return reviewView(review, names);
}

/**
 * The specialist closes the round: approved only when every criterion is approved; returned
 * when at least one is returned, whose comments are copied next to the member's answers
 * (security_profile_comments with the version) and the profile opens for editing again.
 */
export async function decideVersion(
  ctx: ServiceContext,
  versionId: string,
  body: DecideVersionBody,
): Promise<ProfileVersion> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { row, reviewer } = await versionToReview(ctx, tx, versionId);
    const snapshot = snapshotOf(row);
    const reviews = new Map(
      (await findReviews(tx, [versionId])).map((review) => [review.criterionId, review]),
    );
    const returned = snapshot.criteria.filter(
      (criterion) => reviews.get(criterion.id)?.decision === 'returned',
    );
    if (body.outcome === 'approved') {
      const unreviewed = snapshot.criteria
        .filter((criterion) => !reviews.has(criterion.id))
        .map((criterion) => criterion.id);
      if (unreviewed.length > 0) {
        throw new AppError(
          'CONFLICT',
          `Approve or return every criterion first: ${unreviewed.length} not reviewed (${unreviewed.slice(0, 20).join(', ')}${unreviewed.length > 20 ? ', …' : ''})`,
          { unreviewed },
        );
      }
      if (returned.length > 0) {
        throw new AppError(
          'CONFLICT',
          `A version with returned criteria cannot be approved: ${returned.map((criterion) => criterion.id).join(', ')}`,
          { returned: returned.map((criterion) => criterion.id) },
        );
      }
    } else if (returned.length === 0) {
      throw new AppError(
        'CONFLICT',
        'Return at least one criterion, with a comment, before returning the version',
      );
    }
    await updateVersionOutcome(tx, versionId, {
      status: body.outcome,
      decidedByUserId: reviewer.userId,
      decidedAt: now,
    });
    await updateProfileStatus(tx, row.profileId, body.outcome, now);
    if (body.outcome === 'returned') {
      await insertComments(
        tx,
        returned.map((criterion) => ({
          id: randomUUID(),
          profileId: row.profileId,
          criterionId: criterion.id,
          authorUserId: reviews.get(criterion.id)?.reviewerUserId ?? reviewer.userId,
          versionId,
          body: reviews.get(criterion.id)?.comment ?? '',
          createdAt: now,
        })),
      );
    }
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action:
        body.outcome === 'approved' ? 'security_profile.approved' : 'security_profile.returned',
      targetType: 'security_profile_version',
      targetId: versionId,
      organisationId: row.organisationId,
      before: { status: row.status },
      after: {
        status: body.outcome,
        number: row.number,
        returned: returned.map((criterion) => criterion.id),
      },
    });
    await notifyProfileRound(ctx, tx, {
      kind: body.outcome === 'approved' ? 'profile_approved' : 'profile_returned',
      eventId: event.id,
      organisationId: row.organisationId,
      versionId,
      number: row.number,
      on: todayFromClock(ctx.clock),
      specialist: null,
    });
  });
  return getVersionForReview(ctx, versionId);
}
