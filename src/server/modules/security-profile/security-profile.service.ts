import { randomUUID } from 'node:crypto';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import type { Role } from '../../../domain/authorization/roles.ts';
import {
  type ApplicableCriterion,
  applicableCriteria,
} from '../../../domain/criteria/applicability.ts';
import type { CatalogVersion } from '../../../domain/criteria/catalog-api.schema.ts';
import { MSC_CATEGORIES, mscCategory } from '../../../domain/criteria/msc-categories.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import {
  hasMemberChanges,
  type MemberCatalogChanges,
  memberCatalogChanges,
  planCatalogUpdate,
} from '../../../domain/security-profile/catalog-update.ts';
import type { ProfileStatus } from '../../../domain/security-profile/profile-vocabulary.ts';
import {
  addReadiness,
  isJustified,
  isMet,
  readinessOf,
} from '../../../domain/security-profile/readiness.ts';
import type {
  AddCommentBody,
  AssignSectionBody,
  CatalogUpdate,
  ProfileAnswer,
  ProfileComment,
  SaveAnswerBody,
  SavedAnswer,
  SecurityProfileView,
} from '../../../domain/security-profile/security-profile.schema.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { getCatalogVersion, getCurrentCatalog } from '../criteria/criteria.service.ts';
import { evidenceLinksByCriterion } from '../evidence/evidence.service.ts';
import { displayNames, membersWithRoles } from '../identity/users.service.ts';
import { emailTo, notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { entityTypesOfMember } from '../registry/registry.service.ts';
import {
  type AnswerRow,
  type CommentRow,
  deleteAnswers,
  deleteAssignment,
  findAnswer,
  findAnswers,
  findAssignment,
  findAssignments,
  findCompanyComments,
  findCurrentProfile,
  insertComment,
  insertProfile,
  lockProfileCreation,
  markAnswersToReconfirm,
  type ProfileRow,
  updateProfile,
  upsertAnswer,
  upsertAssignment,
} from './security-profile.repository.ts';

/** The company's people: any of them may be responsible for a criterion or answer a section. */
const COMPANY_ROLES: readonly Role[] = [
  'company_officer',
  'company_admin',
  'contributor',
  'consultant',
];

/** Answers are saved while the company works on the profile: not in review, not once approved. */
const EDITABLE: readonly ProfileStatus[] = ['draft', 'returned'];
const OPEN: readonly ProfileStatus[] = ['draft', 'submitted', 'returned'];

// ---------------------------------------------------------------------------------------------
// Who and what

/** The tenant (check 3): the member company the actor acts for. */
function ownOrganisation(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to work on its Security Profile');
  }
  return own;
}

function actorUserId(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

function validationFailed(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${path.split('.').at(-1)} ${message}`, {
    issues: [{ path, message }],
  });
}

function notEditable(status: ProfileStatus): AppError {
  return new AppError(
    'CONFLICT',
    status === 'submitted'
      ? 'The Security Profile is submitted and under CBP review; it can be changed once CBP returns it'
      : `The Security Profile is ${status}; only a draft or returned profile can be changed`,
  );
}

async function requireProfile(db: Db, organisationId: string, forUpdate = false) {
  const profile = await findCurrentProfile(db, organisationId, { forUpdate });
  if (!profile) {
    throw notFound('Security Profile');
  }
  return profile;
}

/** What the member answers in a profile: its catalog version's criteria for its entity types. */
interface ProfileScope {
  catalog: CatalogVersion;
  entityTypes: EntityType[];
  applicable: ApplicableCriterion[];
  byId: Map<string, ApplicableCriterion>;
}

async function scopeOf(
  ctx: ServiceContext,
  profile: ProfileRow,
  organisationId: string,
): Promise<ProfileScope> {
  // Published versions never change, so reading one outside a transaction is safe.
  const [catalog, entityTypes] = await Promise.all([
    getCatalogVersion(ctx, profile.catalogVersionId),
    entityTypesOfMember(ctx.db, organisationId),
  ]);
  const applicable = applicableCriteria(catalog.criteria, entityTypes);
  return {
    catalog,
    entityTypes,
    applicable,
    byId: new Map(applicable.map((entry) => [entry.criterion.id, entry])),
  };
}

function applicableOrRefused(scope: ProfileScope, criterionId: string): ApplicableCriterion {
  const entry = scope.byId.get(criterionId);
  if (!entry) {
    throw validationFailed(
      'params.criterionId',
      `is not a criterion of catalog ${scope.catalog.version} that applies to the company's entity types`,
    );
  }
  return entry;
}

/**
 * Re-reads and locks the profile the scope was computed for; if it moved to another catalog
 * version meanwhile, the caller's reading is stale and the request is refused.
 */
async function lockSameProfile(tx: Db, organisationId: string, profile: ProfileRow) {
  const locked = await requireProfile(tx, organisationId, true);
  if (locked.id !== profile.id || locked.catalogVersionId !== profile.catalogVersionId) {
    throw new AppError(
      'CONFLICT',
      'The Security Profile changed while saving (a new catalog version or profile); reload it',
    );
  }
  return locked;
}

// ---------------------------------------------------------------------------------------------
// Views

function answerView(row: AnswerRow): ProfileAnswer {
  return {
    status: row.status,
    narrative: row.narrative,
    responsibleUserId: row.responsibleUserId,
    toReconfirm: row.toReconfirm,
    updatedAt: row.updatedAt.toISOString(),
    updatedByUserId: row.updatedByUserId,
  };
}

function changeEntry(entry: ApplicableCriterion) {
  return { id: entry.criterion.id, category: entry.criterion.category, text: entry.criterion.text };
}

function catalogUpdateView(
  current: CatalogVersion,
  changes: MemberCatalogChanges,
  answered: ReadonlySet<string>,
): CatalogUpdate {
  return {
    available: true,
    versionId: current.id,
    version: current.version,
    added: changes.added.map(changeEntry),
    removed: changes.removed.map((entry) => ({
      ...changeEntry(entry),
      answered: answered.has(entry.criterion.id),
    })),
    changed: changes.changed.map((change) => ({
      id: change.criterion.id,
      category: change.criterion.category,
      text: change.criterion.text,
      textChanged: change.textChanged,
      guidanceChanged: change.guidanceChanged,
      designation: change.designation,
    })),
  };
}

/** The newer published catalog and what it changes for this member, when there is one. */
async function pendingCatalogUpdate(
  ctx: ServiceContext,
  profile: ProfileRow,
  scope: ProfileScope,
): Promise<{ current: CatalogVersion; changes: MemberCatalogChanges } | null> {
  const current = await getCurrentCatalog(ctx);
  if (current.id === profile.catalogVersionId) {
    return null;
  }
  return {
    current,
    changes: memberCatalogChanges(scope.catalog.criteria, current.criteria, scope.entityTypes),
  };
}

async function loadView(
  ctx: ServiceContext,
  profile: ProfileRow,
  organisationId: string,
): Promise<SecurityProfileView> {
  const scope = await scopeOf(ctx, profile, organisationId);
  const [answers, assignments, people, update, evidence] = await Promise.all([
    findAnswers(ctx.db, profile.id),
    findAssignments(ctx.db, profile.id),
    membersWithRoles(ctx.db, organisationId, COMPANY_ROLES),
    OPEN.includes(profile.status) ? pendingCatalogUpdate(ctx, profile, scope) : null,
    evidenceLinksByCriterion(ctx.db, organisationId),
  ]);
  const answerOf = new Map(answers.map((row) => [row.criterionId, row]));
  const assigneeOf = new Map(assignments.map((row) => [row.category, row.userId]));
  const sections = MSC_CATEGORIES.map((category) => {
    const criteria = scope.applicable
      .filter((entry) => entry.criterion.category === category.number)
      .map((entry) => {
        const row = answerOf.get(entry.criterion.id);
        const answer = row ? answerView(row) : null;
        return {
          id: entry.criterion.id,
          text: entry.criterion.text,
          guidance: entry.criterion.guidance,
          designation: entry.designation,
          byEntityType: entry.byEntityType.map((part) => ({
            entityType: part.entityType,
            designation: part.designation,
          })),
          provisional: entry.provisional,
          answer,
          met: isMet(answer),
          evidence: evidence.get(entry.criterion.id) ?? [],
        };
      });
    return {
      category: category.number,
      name: category.name,
      provisionalName: category.provisional,
      assigneeUserId: assigneeOf.get(category.number) ?? null,
      readiness: readinessOf(criteria),
      criteria,
    };
  });
  return {
    id: profile.id,
    organisationId,
    status: profile.status,
    cycle: profile.cycle,
    editable: EDITABLE.includes(profile.status),
    catalogVersionId: profile.catalogVersionId,
    catalogVersion: scope.catalog.version,
    entityTypes: scope.entityTypes,
    readiness: addReadiness(sections.map((section) => section.readiness)),
    sections,
    catalogUpdate: update
      ? catalogUpdateView(update.current, update.changes, new Set(answerOf.keys()))
      : null,
    people: people.map((person) => ({
      userId: person.userId,
      displayName: person.displayName,
      role: person.role,
    })),
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The caller's company's profile: the open one, else the last approved one; 404 before any. */
export async function getOwnSecurityProfile(ctx: ServiceContext): Promise<SecurityProfileView> {
  const organisationId = ownOrganisation(ctx);
  const profile = await requireProfile(ctx.db, organisationId);
  return loadView(ctx, profile, organisationId);
}

/** Any member's profile, for CBP (`profile:read:any`, checked again here). */
export async function getMemberSecurityProfile(
  ctx: ServiceContext,
  organisationId: string,
): Promise<SecurityProfileView> {
  if (!hasPermission(ctx.actor, 'profile:read:any')) {
    throw notFound('Security Profile');
  }
  const profile = await requireProfile(ctx.db, organisationId);
  return loadView(ctx, profile, organisationId);
}

// ---------------------------------------------------------------------------------------------
// Starting

/**
 * Starts the company's initial Security Profile against the current published catalog. The
 * criteria it answers follow from the entity types of its CTPAT application, so the company
 * must have saved one. A company that already has a profile does not start another: the open
 * one is worked on, and an approved one is the base of the annual review (issue 5, item 6).
 */
export async function startSecurityProfile(ctx: ServiceContext): Promise<SecurityProfileView> {
  const organisationId = ownOrganisation(ctx);
  const [entityTypes, current] = await Promise.all([
    entityTypesOfMember(ctx.db, organisationId),
    getCurrentCatalog(ctx),
  ]);
  if (entityTypes.length === 0) {
    throw new AppError(
      'CONFLICT',
      'Save the CTPAT application with the company’s entity types first: they decide which criteria the Security Profile answers',
    );
  }
  const now = ctx.clock.now();
  const profile: ProfileRow = {
    id: randomUUID(),
    organisationId,
    catalogVersionId: current.id,
    cycle: 'initial',
    status: 'draft',
    basedOnVersionId: null,
    reviewAnniversary: null,
    reviewWindowOpens: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await lockProfileCreation(tx, organisationId);
    const existing = await findCurrentProfile(tx, organisationId);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        OPEN.includes(existing.status)
          ? 'The company already has an open Security Profile'
          : 'The company’s Security Profile is approved; the next one starts with the annual review',
      );
    }
    await insertProfile(tx, profile);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'security_profile.created',
      targetType: 'security_profile',
      targetId: profile.id,
      organisationId,
      after: {
        cycle: profile.cycle,
        catalogVersion: current.version,
        entityTypes,
        applicable: applicableCriteria(current.criteria, entityTypes).length,
      },
    });
  });
  return loadView(ctx, profile, organisationId);
}

// ---------------------------------------------------------------------------------------------
// Answering

/**
 * Check 2 for the people who answer only what they are given (contributors, consultants: no
 * `profile:assign`): the criterion's section must be assigned to them.
 */
async function assertMaySaveIn(
  ctx: ServiceContext,
  db: Db,
  profileId: string,
  category: number,
): Promise<void> {
  if (hasPermission(ctx.actor, 'profile:assign')) {
    return;
  }
  const assignment = await findAssignment(db, profileId, category);
  if (!assignment || assignment.userId !== actorUserId(ctx)) {
    throw new AppError(
      'FORBIDDEN',
      `Section ${category} (${mscCategory(category)?.name ?? ''}) is not assigned to you; ask a company administrator to assign it`,
    );
  }
}

async function assertCompanyPerson(
  db: Db,
  organisationId: string,
  userId: string,
  path: string,
  roles: readonly Role[] = COMPANY_ROLES,
) {
  const people = await membersWithRoles(db, organisationId, roles);
  const person = people.find((candidate) => candidate.userId === userId);
  if (!person) {
    throw validationFailed(path, 'is not a person of the company who can take this on');
  }
  return person;
}

/**
 * An answer's version stamp: the save time, but always later than the previous stamp, so that
 * two saves in the same millisecond (or under a stopped test clock) still differ and a stale
 * editor is caught.
 */
function nextStamp(now: Date, previous: Date | undefined): Date {
  return previous && previous.getTime() >= now.getTime() ? new Date(previous.getTime() + 1) : now;
}

/**
 * Autosaves one answer (issue 5, item 3) with optimistic concurrency: the editor sends the
 * `updatedAt` it last read; if someone saved since, nothing is written and the 409 carries the
 * current answer, so the editor shows the other person's text instead of overwriting it.
 */
export async function saveAnswer(
  ctx: ServiceContext,
  criterionId: string,
  body: SaveAnswerBody,
): Promise<SavedAnswer> {
  const organisationId = ownOrganisation(ctx);
  const profile = await requireProfile(ctx.db, organisationId);
  if (!EDITABLE.includes(profile.status)) {
    throw notEditable(profile.status);
  }
  const scope = await scopeOf(ctx, profile, organisationId);
  const entry = applicableOrRefused(scope, criterionId);
  await assertMaySaveIn(ctx, ctx.db, profile.id, entry.criterion.category);
  if (body.status === 'not_applicable' && !isJustified(body.narrative)) {
    throw validationFailed(
      'body.narrative',
      'must say why the criterion does not apply to the company (a justification is required for not applicable)',
    );
  }
  if (body.responsibleUserId !== null) {
    await assertCompanyPerson(
      ctx.db,
      organisationId,
      body.responsibleUserId,
      'body.responsibleUserId',
    );
  }
  return ctx.db.transaction(async (tx) => {
    const locked = await lockSameProfile(tx, organisationId, profile);
    if (!EDITABLE.includes(locked.status)) {
      throw notEditable(locked.status);
    }
    // Again under the lock: an administrator may have unassigned the section meanwhile.
    await assertMaySaveIn(ctx, tx, locked.id, entry.criterion.category);
    const current = await findAnswer(tx, locked.id, criterionId);
    const currentStamp = current ? current.updatedAt.toISOString() : null;
    if (body.expectedUpdatedAt !== currentStamp) {
      throw new AppError(
        'CONFLICT',
        current
          ? 'Someone else saved this answer since you opened it; their answer is shown'
          : 'The answer was removed since you opened it',
        { path: 'body.expectedUpdatedAt', current: current ? answerView(current) : null },
      );
    }
    const now = ctx.clock.now();
    const row: AnswerRow = {
      profileId: locked.id,
      criterionId,
      status: body.status,
      narrative: body.narrative,
      responsibleUserId: body.responsibleUserId,
      // Saving an answer confirms it, whatever it carried over.
      toReconfirm: false,
      updatedByUserId: actorUserId(ctx),
      updatedAt: nextStamp(now, current?.updatedAt),
    };
    await upsertAnswer(tx, row);
    await updateProfile(tx, locked.id, { updatedAt: now });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'security_profile.answer_saved',
      targetType: 'security_profile',
      targetId: locked.id,
      organisationId,
      before: current ? { criterionId, ...answerView(current) } : { criterionId, answer: null },
      after: { criterionId, ...answerView(row) },
    });
    return { criterionId, answer: answerView(row) };
  });
}

// ---------------------------------------------------------------------------------------------
// Sections

async function notifyAssignee(
  ctx: ServiceContext,
  tx: Db,
  assignment: { eventId: number; organisationId: string; category: number },
  assignee: { userId: string; email: string; preferredLanguage: string },
): Promise<void> {
  const assigner = actorUserId(ctx);
  // In the caller's transaction: one query at a time.
  const names = await organisationSummaries(tx, [assignment.organisationId]);
  const assigners = await displayNames(tx, assigner ? [assigner] : []);
  await notifyFrom(ctx, tx, {
    key: `profile_section_assigned:${assignment.eventId}:${assignee.userId}`,
    kind: 'profile_section_assigned',
    params: {
      organisation: names.get(assignment.organisationId)?.legalName ?? '',
      category: String(assignment.category),
      section: mscCategory(assignment.category)?.name ?? '',
      assignedBy: (assigner && assigners.get(assigner)) || 'OpenCTPAT',
      link: `${ctx.runtime.publicUrl}/profile?section=${assignment.category}`,
    },
    // The section itself (the page's `section` search parameter).
    link: `/profile?section=${assignment.category}`,
    organisationId: assignment.organisationId,
    userId: assignee.userId,
    email: emailTo(assignee),
  });
}

/**
 * Gives a section (an MSC category) to one of the company's people to answer, or takes it
 * back (`userId: null`). The assignee is told in the app and by e-mail.
 */
export async function assignSection(
  ctx: ServiceContext,
  category: number,
  body: AssignSectionBody,
): Promise<{ category: number; assigneeUserId: string | null }> {
  const organisationId = ownOrganisation(ctx);
  return ctx.db.transaction(async (tx) => {
    const profile = await requireProfile(tx, organisationId, true);
    if (!EDITABLE.includes(profile.status)) {
      throw notEditable(profile.status);
    }
    const assignee =
      body.userId === null
        ? null
        : await assertCompanyPerson(tx, organisationId, body.userId, 'body.userId');
    const previous = await findAssignment(tx, profile.id, category);
    if ((previous?.userId ?? null) === body.userId) {
      return { category, assigneeUserId: body.userId };
    }
    const now = ctx.clock.now();
    if (assignee === null) {
      await deleteAssignment(tx, profile.id, category);
    } else {
      await upsertAssignment(tx, {
        profileId: profile.id,
        category,
        userId: assignee.userId,
        assignedByUserId: actorUserId(ctx),
        assignedAt: now,
      });
    }
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: assignee
        ? 'security_profile.section_assigned'
        : 'security_profile.section_unassigned',
      targetType: 'security_profile',
      targetId: profile.id,
      organisationId,
      before: { category, userId: previous?.userId ?? null },
      after: { category, userId: assignee?.userId ?? null },
    });
    if (assignee && assignee.userId !== actorUserId(ctx)) {
      await notifyAssignee(ctx, tx, { eventId: event.id, organisationId, category }, assignee);
    }
    return { category, assigneeUserId: assignee?.userId ?? null };
  });
}

// ---------------------------------------------------------------------------------------------
// Comments

function commentView(row: CommentRow, names: ReadonlyMap<string, string>): ProfileComment {
  return {
    id: row.id,
    criterionId: row.criterionId,
    authorUserId: row.authorUserId,
    authorName: row.authorUserId ? (names.get(row.authorUserId) ?? null) : null,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    reviewVersionId: row.versionId,
  };
}

/** The discussion of one criterion, oldest first: the company's and CBP's return remarks. */
export async function listComments(
  ctx: ServiceContext,
  criterionId: string,
): Promise<{ items: ProfileComment[] }> {
  const organisationId = ownOrganisation(ctx);
  const profile = await requireProfile(ctx.db, organisationId);
  applicableOrRefused(await scopeOf(ctx, profile, organisationId), criterionId);
  const rows = await findCompanyComments(ctx.db, profile.id, criterionId);
  const names = await displayNames(
    ctx.db,
    rows.flatMap((row) => (row.authorUserId ? [row.authorUserId] : [])),
  );
  return { items: rows.map((row) => commentView(row, names)) };
}

/** Adds to the company's discussion of a criterion (any time the profile is open). */
export async function addComment(
  ctx: ServiceContext,
  criterionId: string,
  body: AddCommentBody,
): Promise<ProfileComment> {
  const organisationId = ownOrganisation(ctx);
  const profile = await requireProfile(ctx.db, organisationId);
  if (!OPEN.includes(profile.status)) {
    throw notEditable(profile.status);
  }
  applicableOrRefused(await scopeOf(ctx, profile, organisationId), criterionId);
  const row: CommentRow = {
    id: randomUUID(),
    profileId: profile.id,
    criterionId,
    authorUserId: actorUserId(ctx),
    versionId: null,
    body: body.body,
    createdAt: ctx.clock.now(),
  };
  await ctx.db.transaction(async (tx) => {
    await lockSameProfile(tx, organisationId, profile);
    await insertComment(tx, row);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'security_profile.comment_added',
      targetType: 'security_profile',
      targetId: profile.id,
      organisationId,
      after: { commentId: row.id, criterionId, body: row.body },
    });
  });
  const names = await displayNames(ctx.db, row.authorUserId ? [row.authorUserId] : []);
  return commentView(row, names);
}

// ---------------------------------------------------------------------------------------------
// A new catalog version

/**
 * Moves a draft or returned profile to the current catalog version (issue 5, item 8): answers
 * to criteria that no longer apply leave the working profile (the audit event keeps them),
 * answers to changed criteria must be re-confirmed, new criteria wait for an answer.
 */
export async function moveToCurrentCatalog(ctx: ServiceContext): Promise<SecurityProfileView> {
  const organisationId = ownOrganisation(ctx);
  const profile = await requireProfile(ctx.db, organisationId);
  if (!EDITABLE.includes(profile.status)) {
    throw notEditable(profile.status);
  }
  const scope = await scopeOf(ctx, profile, organisationId);
  const update = await pendingCatalogUpdate(ctx, profile, scope);
  if (!update) {
    throw new AppError(
      'CONFLICT',
      `The Security Profile already answers the current catalog (${scope.catalog.version})`,
    );
  }
  const { current, changes } = update;
  await ctx.db.transaction(async (tx) => {
    const locked = await lockSameProfile(tx, organisationId, profile);
    if (!EDITABLE.includes(locked.status)) {
      throw notEditable(locked.status);
    }
    const answers = await findAnswers(tx, locked.id);
    const plan = planCatalogUpdate(
      answers.map((row) => row.criterionId),
      changes,
    );
    const dropped = answers.filter((row) => plan.drop.includes(row.criterionId));
    await deleteAnswers(tx, locked.id, plan.drop);
    await markAnswersToReconfirm(tx, locked.id, plan.reconfirm);
    await updateProfile(tx, locked.id, {
      catalogVersionId: current.id,
      updatedAt: ctx.clock.now(),
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'security_profile.catalog_updated',
      targetType: 'security_profile',
      targetId: locked.id,
      organisationId,
      before: {
        catalogVersion: scope.catalog.version,
        droppedAnswers: dropped.map((row) => ({
          criterionId: row.criterionId,
          ...answerView(row),
        })),
      },
      after: {
        catalogVersion: current.version,
        added: changes.added.map((entry) => entry.criterion.id),
        removed: changes.removed.map((entry) => entry.criterion.id),
        changed: changes.changed.map((change) => change.criterion.id),
        toReconfirm: plan.reconfirm,
        memberChanges: hasMemberChanges(changes),
      },
    });
  });
  const moved = await requireProfile(ctx.db, organisationId);
  return loadView(ctx, moved, organisationId);
}
