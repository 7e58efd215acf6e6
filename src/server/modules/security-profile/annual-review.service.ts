import { randomUUID } from 'node:crypto';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { applicableCriteria } from '../../../domain/criteria/applicability.ts';
import { compareCriterionIds } from '../../../domain/criteria/catalog.schema.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type {
  AnnualReviewBlocker,
  AnnualReviewCycle,
  AnnualReviewStatus,
  SnapshotAnnualReview,
} from '../../../domain/security-profile/annual-review.schema.ts';
import {
  annualReviewTarget,
  isSubmittedLate,
  summariseCycleAnswers,
} from '../../../domain/security-profile/annual-review.ts';
import { ProfileSnapshotSchema } from '../../../domain/security-profile/profile-review.schema.ts';
import type { SecurityProfileView } from '../../../domain/security-profile/security-profile.schema.ts';
import {
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  isAfter,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { getCurrentCatalog } from '../criteria/criteria.service.ts';
import { memberAnniversaryBasis } from '../registry/member-anniversaries.service.ts';
import { entityTypesOfMember } from '../registry/registry.service.ts';
import {
  findAnnualCycles,
  findFirstVersionOf,
  findLatestApprovedVersion,
  insertAnswers,
  insertAssignments,
} from './annual-review.repository.ts';
import {
  type AnswerRow,
  findAnswers,
  findAssignments,
  findCurrentProfile,
  insertProfile,
  lockProfileCreation,
  type ProfileRow,
} from './security-profile.repository.ts';
import { getOwnSecurityProfile } from './security-profile.service.ts';

/**
 * The annual Security Profile review (issue 5, item 6): where a company stands against its
 * anniversary, starting the cycle from the last approved version with every answer to
 * re-confirm, and what a submitted cycle records about its window. The rules are pure
 * (domain/security-profile/annual-review.ts); this module reads and writes the rows.
 */

const OPEN = new Set(['draft', 'submitted', 'returned']);

function ownOrganisation(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to work on its Security Profile');
  }
  return own;
}

/** The window of an annual cycle row (both columns are set for annual cycles, by a check). */
function windowOf(profile: ProfileRow): {
  anniversary: CalendarDate;
  opens: CalendarDate;
  closes: CalendarDate;
} {
  if (profile.reviewAnniversary === null || profile.reviewWindowOpens === null) {
    throw new Error(`Profile ${profile.id} is not an annual review cycle`);
  }
  const anniversary = calendarDate(profile.reviewAnniversary);
  return { anniversary, opens: calendarDate(profile.reviewWindowOpens), closes: anniversary };
}

/** A cycle's answers in CBP's criterion order, so lists built from them read the same every time. */
function cycleAnswers(rows: readonly AnswerRow[]) {
  return [...rows]
    .sort((a, b) => compareCriterionIds(a.criterionId, b.criterionId))
    .map((row) => ({
      criterionId: row.criterionId,
      toReconfirm: row.toReconfirm,
      savedOn: calendarDateFromInstant(row.updatedAt),
    }));
}

async function cycleView(
  db: Db,
  profile: ProfileRow,
  today: CalendarDate,
): Promise<AnnualReviewCycle> {
  const window = windowOf(profile);
  const answers = await findAnswers(db, profile.id);
  const first = await findFirstVersionOf(db, profile.id);
  const summary = summariseCycleAnswers(cycleAnswers(answers), window);
  const submittedLate = first
    ? isSubmittedLate(calendarDateFromInstant(first.submittedAt), window.anniversary)
    : null;
  return {
    profileId: profile.id,
    status: profile.status,
    anniversary: window.anniversary,
    windowOpens: window.opens,
    windowCloses: window.closes,
    basedOnVersionId: profile.basedOnVersionId,
    toReconfirm: summary.toReconfirm,
    confirmedInWindow: summary.confirmedInWindow,
    confirmedOutsideWindow: [...summary.confirmedOutsideWindow],
    submittedLate,
    overdue: submittedLate === null && isAfter(today, window.anniversary),
  };
}

/**
 * Where the company stands: the anniversary in question, its window, and the latest cycle;
 * with what was read to decide it (whether the company has a membership record, the approved
 * version a new cycle would start from), so callers do not read them again.
 */
interface AnnualReviewState {
  status: AnnualReviewStatus;
  hasMembership: boolean;
  approved: Awaited<ReturnType<typeof findLatestApprovedVersion>>;
}

async function statusOf(
  ctx: ServiceContext,
  db: Db,
  organisationId: string,
): Promise<AnnualReviewState> {
  const today = todayFromClock(ctx.clock);
  const settings = ctx.runtime.membershipClocks;
  // One after another: `db` may be a transaction, whose connection runs one query at a time.
  const basis = await memberAnniversaryBasis(db, organisationId);
  const cycles = await findAnnualCycles(db, organisationId);
  const current = await findCurrentProfile(db, organisationId);
  const approved = await findLatestApprovedVersion(db, organisationId);
  const latest = cycles[0];
  const cycle = latest ? await cycleView(db, latest, today) : null;
  const setting = settings.annualReviewWindowDays;
  const common = { organisationId, provisional: setting.provisional, cycle };
  const read = { hasMembership: basis !== null, approved };
  if (!basis?.certifiedOn) {
    const status: AnnualReviewStatus = {
      ...common,
      certifiedOn: null,
      anniversary: null,
      windowOpens: null,
      windowCloses: null,
      phase: null,
      daysToAnniversary: null,
      citation: setting.source,
      rule: `The annual Security Profile review starts once the company is certified; its window opens ${setting.value} days before each anniversary of the certification.`,
      canStart: false,
      blocker: 'not_certified',
    };
    return { ...read, status };
  }
  const started = new Set(
    cycles.flatMap((row) => (row.reviewAnniversary ? [calendarDate(row.reviewAnniversary)] : [])),
  );
  const certifiedOn = basis.certifiedOn;
  const target = annualReviewTarget(certifiedOn, today, started, settings);
  let blocker: AnnualReviewBlocker | null = null;
  if (started.has(target.anniversary)) blocker = 'already_started';
  else if (target.phase === 'upcoming') blocker = 'window_not_open';
  else if (current && OPEN.has(current.status)) blocker = 'profile_open';
  else if (!approved) blocker = 'no_approved_profile';
  const status: AnnualReviewStatus = {
    ...common,
    certifiedOn,
    anniversary: target.anniversary,
    windowOpens: target.window.opens,
    windowCloses: target.window.closes,
    phase: target.phase,
    daysToAnniversary: target.daysToAnniversary,
    citation: target.window.rule.citation,
    rule: target.window.rule.text,
    canStart: blocker === null,
    blocker,
  };
  return { ...read, status };
}

/** The caller's company's annual review (profile:read). */
export async function getOwnAnnualReview(ctx: ServiceContext): Promise<AnnualReviewStatus> {
  return (await statusOf(ctx, ctx.db, ownOrganisation(ctx))).status;
}

/**
 * Any member's annual review, for CBP (profile:read:any, checked again here); a company without
 * a CTPAT membership record is a 404.
 */
export async function getMemberAnnualReview(
  ctx: ServiceContext,
  organisationId: string,
): Promise<AnnualReviewStatus> {
  if (!hasPermission(ctx.actor, 'profile:read:any')) {
    throw notFound('CTPAT member');
  }
  const state = await statusOf(ctx, ctx.db, organisationId);
  if (!state.hasMembership) {
    throw notFound('CTPAT member');
  }
  return state.status;
}

const BLOCKED: Readonly<Record<AnnualReviewBlocker, string>> = {
  not_certified: 'The annual review is for certified members: the company holds no CTPAT tier',
  no_approved_profile:
    'The annual review starts from an approved Security Profile; the company has none yet',
  profile_open:
    'The company has an open Security Profile: finish it (submit, and CBP approves) before the annual review',
  window_not_open: 'The annual review window is not open yet',
  already_started: 'The annual review for this anniversary is already started',
};

/**
 * Starts the annual review for the anniversary in question (issue 5, item 6): a new profile
 * against the current catalog, its answers carried from the last approved version with every
 * one marked "to re-confirm", its sections assigned as before. Refused, saying why, outside the
 * window (unless a missed anniversary is done late), while another profile is open, or without an
 * approved version to start from.
 */
export async function startAnnualReview(ctx: ServiceContext): Promise<SecurityProfileView> {
  const organisationId = ownOrganisation(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockProfileCreation(tx, organisationId);
    const { status, approved } = await statusOf(ctx, tx, organisationId);
    if (status.blocker !== null) {
      const when =
        status.blocker === 'window_not_open' && status.windowOpens
          ? `: it opens on ${status.windowOpens}, before the anniversary on ${status.anniversary}`
          : '';
      throw new AppError('CONFLICT', `${BLOCKED[status.blocker]}${when}`, {
        blocker: status.blocker,
      });
    }
    if (!approved || !status.anniversary || !status.windowOpens) {
      throw new AppError('CONFLICT', BLOCKED.no_approved_profile);
    }
    const catalog = await getCurrentCatalog({ ...ctx, db: tx });
    const entityTypes = await entityTypesOfMember(tx, organisationId);
    const assignments = await findAssignments(tx, approved.profileId);
    const applicable = new Set(
      applicableCriteria(catalog.criteria, entityTypes).map((entry) => entry.criterion.id),
    );
    const snapshot = ProfileSnapshotSchema.parse(approved.snapshot);
    const profile: ProfileRow = {
      id: randomUUID(),
      organisationId,
      catalogVersionId: catalog.id,
      cycle: 'annual_review',
      status: 'draft',
      basedOnVersionId: approved.id,
      reviewAnniversary: status.anniversary,
      reviewWindowOpens: status.windowOpens,
      createdAt: now,
      updatedAt: now,
    };
    const carried: AnswerRow[] = snapshot.criteria.flatMap((criterion) =>
      criterion.answer && applicable.has(criterion.id)
        ? [
            {
              profileId: profile.id,
              criterionId: criterion.id,
              status: criterion.answer.status,
              narrative: criterion.answer.narrative,
              responsibleUserId: criterion.answer.responsibleUserId,
              toReconfirm: true,
              updatedByUserId: null,
              updatedAt: now,
            },
          ]
        : [],
    );
    await insertProfile(tx, profile);
    await insertAnswers(tx, carried);
    await insertAssignments(
      tx,
      assignments.map((assignment) => ({ ...assignment, profileId: profile.id })),
    );
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'security_profile.annual_review_started',
      targetType: 'security_profile',
      targetId: profile.id,
      organisationId,
      after: {
        anniversary: status.anniversary,
        windowOpens: status.windowOpens,
        windowCloses: status.windowCloses,
        late: status.phase === 'late',
        basedOnVersionId: approved.id,
        catalogVersion: catalog.version,
        carriedAnswers: carried.length,
        notCarried: snapshot.criteria.filter(
          (criterion) => criterion.answer && !applicable.has(criterion.id),
        ).length,
      },
    });
  });
  return getOwnSecurityProfile(ctx);
}

/**
 * What a submitted annual-review version records about its window (ProfileSnapshot.annualReview):
 * whether it came after the anniversary and which answers were confirmed outside the window.
 * Null for an initial profile. `answers` are the cycle's answers as the submission read them.
 */
export function annualReviewSnapshot(
  profile: ProfileRow,
  answers: readonly AnswerRow[],
  submittedOn: CalendarDate,
): SnapshotAnnualReview | null {
  if (profile.cycle !== 'annual_review') return null;
  const window = windowOf(profile);
  const summary = summariseCycleAnswers(cycleAnswers(answers), window);
  return {
    anniversary: window.anniversary,
    windowOpens: window.opens,
    windowCloses: window.closes,
    basedOnVersionId: profile.basedOnVersionId,
    submittedLate: isSubmittedLate(submittedOn, window.anniversary),
    confirmedOutsideWindow: [...summary.confirmedOutsideWindow],
  };
}
