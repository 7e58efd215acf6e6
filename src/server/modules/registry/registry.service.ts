import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import type { Role } from '../../../domain/authorization/roles.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import {
  eligibilityAnswersSchema,
  evaluateEligibility,
} from '../../../domain/registry/eligibility/evaluate-eligibility.ts';
import {
  IDENTIFIER_KIND_NAMES,
  validateEntityIdentifiers,
} from '../../../domain/registry/identifiers/identifier-kinds.ts';
import type { OwnMembershipTransitionBody } from '../../../domain/registry/lifecycle/member-transition.schema.ts';
import {
  anniversaryOnOrAfter,
  annualReviewWindow,
  certificationTarget,
  DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
  firstValidationTarget,
  type MembershipClock,
  type MembershipClockSettings,
  reapplicationBar,
  revalidationDue,
  suspensionResponseDue,
} from '../../../domain/registry/lifecycle/membership-clocks.ts';
import {
  currentTier,
  describeState,
  isTerminalStatus,
  type MembershipState,
} from '../../../domain/registry/lifecycle/membership-states.ts';
import {
  applyTransition,
  availableTransitions,
  type MembershipTransition,
  TRANSITION_ERROR_API_CODE,
  TRANSITION_RULES,
  type TransitionEffects,
} from '../../../domain/registry/lifecycle/membership-transitions.ts';
import type {
  MembershipClockView,
  MembershipFile,
  MemberTransitionBody,
  SaveApplicationBody,
  StoredIdentifier,
  SubmitApplicationBody,
} from '../../../domain/registry/registry.schema.ts';
import {
  type CalendarDate,
  calendarDate,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { rolesOfUser } from '../identity/users.service.ts';
import { getOrganisation, organisationSummaries } from '../organisations/organisations.service.ts';
import { profileCompleteness } from './company-profile.service.ts';
import { notifyTransition } from './membership-notifications.ts';
import {
  appendStatusHistory,
  type EntityTypeRow,
  findEntityTypes,
  findMembership,
  findStatusHistory,
  identifierClaimedElsewhere,
  insertMembership,
  lockIdentifierClaims,
  type MembershipRow,
  replaceEntityTypes,
  updateMembership,
} from './registry.repository.ts';

// ---------------------------------------------------------------------------------------------
// Rows ↔ domain state

function dateOrNull(text: string | null): CalendarDate | null {
  return text === null ? null : calendarDate(text);
}

/** The columns the lifecycle state and its clocks are read from (a file or a queue row). */
export type MembershipStateColumns = Pick<
  MembershipRow,
  | 'organisationId'
  | 'status'
  | 'statusSince'
  | 'reviewStep'
  | 'heldStatus'
  | 'suspensionResponseReceivedOn'
  | 'removalCause'
  | 'applicationSubmittedOn'
  | 'certifiedOn'
  | 'validatedOn'
  | 'lastValidatedOn'
>;

function broken(row: MembershipStateColumns): Error {
  return new Error(`partner_memberships row ${row.organisationId} does not hold a valid state`);
}

/** The lifecycle state a stored row holds (the table's checks keep the fields consistent). */
export function stateOfRow(row: MembershipStateColumns): MembershipState {
  const since = calendarDate(row.statusSince);
  const status = row.status;
  switch (status) {
    case 'under_review':
      if (row.reviewStep === null) throw broken(row);
      return { status, since, reviewStep: row.reviewStep };
    case 'suspended':
      if (row.heldStatus === null) throw broken(row);
      return {
        status,
        since,
        heldStatus: row.heldStatus,
        responseReceivedOn: dateOrNull(row.suspensionResponseReceivedOn),
      };
    case 'removed':
      if (row.removalCause === null) throw broken(row);
      return { status, since, cause: row.removalCause };
    default:
      return { status, since };
  }
}

function stateColumns(state: MembershipState) {
  return {
    status: state.status,
    statusSince: state.since,
    reviewStep: state.status === 'under_review' ? state.reviewStep : null,
    heldStatus: state.status === 'suspended' ? state.heldStatus : null,
    suspensionResponseReceivedOn: state.status === 'suspended' ? state.responseReceivedOn : null,
    removalCause: state.status === 'removed' ? state.cause : null,
    tier: currentTier(state),
  };
}

/** The state as the audit trail records it (a plain record). */
function auditState(state: MembershipState): Record<string, unknown> {
  return { ...state };
}

// ---------------------------------------------------------------------------------------------
// Clocks

function clockView(
  name: MembershipClockView['name'],
  clock: MembershipClock & { opens?: CalendarDate },
): MembershipClockView {
  return {
    name,
    due: clock.due,
    opens: clock.opens ?? null,
    kind: clock.kind,
    citation: clock.rule.citation,
    text: clock.rule.text,
    provisional: clock.provisional,
  };
}

/** The clocks that run for a membership today, each with its rule (membership-clocks.ts). */
export function membershipClocks(
  row: MembershipStateColumns,
  state: MembershipState,
  today: CalendarDate,
  settings: MembershipClockSettings = DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
): MembershipClockView[] {
  const clocks: MembershipClockView[] = [];
  if (isTerminalStatus(state.status)) {
    if (state.status === 'removed' && state.cause === 'unanswered_suspension') {
      clocks.push(clockView('reapplication_bar', reapplicationBar(state.since, settings)));
    }
    return clocks;
  }
  const submitted = dateOrNull(row.applicationSubmittedOn);
  if (submitted && (state.status === 'applicant' || state.status === 'under_review')) {
    clocks.push(clockView('certification_target', certificationTarget(submitted)));
  }
  const certified = dateOrNull(row.certifiedOn);
  const validated = dateOrNull(row.validatedOn);
  if (certified && !validated) {
    clocks.push(clockView('first_validation', firstValidationTarget(certified)));
  }
  if (validated) {
    const last = dateOrNull(row.lastValidatedOn);
    const revalidation = revalidationDue({
      initialValidatedOn: validated,
      revalidatedOn: last && last !== validated ? [last] : [],
    });
    clocks.push(clockView('revalidation', revalidation.statutory));
    clocks.push(clockView('revalidation_planning', revalidation.planning));
  }
  if (certified) {
    clocks.push(
      clockView(
        'annual_review_window',
        annualReviewWindow(anniversaryOnOrAfter(certified, today), settings),
      ),
    );
  }
  if (state.status === 'suspended' && state.responseReceivedOn === null) {
    clocks.push(clockView('suspension_response', suspensionResponseDue(state.since, settings)));
  }
  return clocks;
}

// ---------------------------------------------------------------------------------------------
// Reading a file

function actorRole(ctx: ServiceContext): Role | null {
  return ctx.actor.kind === 'user' ? ctx.actor.role : null;
}

function entityTypeView(row: EntityTypeRow) {
  return {
    entityType: row.entityType,
    identifiers: row.identifiers,
    eligibility: row.eligibility,
    eligible: evaluateEligibility(row.entityType, row.eligibility).eligible,
  };
}

async function loadFile(
  ctx: ServiceContext,
  db: Db,
  organisationId: string,
): Promise<MembershipFile> {
  const row = await findMembership(db, organisationId);
  if (!row) {
    throw notFound('Membership');
  }
  const [entityTypes, history, names] = await Promise.all([
    findEntityTypes(db, organisationId),
    findStatusHistory(db, organisationId),
    organisationSummaries(db, [organisationId]),
  ]);
  const state = stateOfRow(row);
  const role = actorRole(ctx);
  return {
    organisationId,
    legalName: names.get(organisationId)?.legalName ?? '',
    state: {
      status: state.status,
      reviewStep: state.status === 'under_review' ? state.reviewStep : null,
      since: state.since,
      heldStatus: state.status === 'suspended' ? state.heldStatus : null,
      responseReceivedOn: state.status === 'suspended' ? state.responseReceivedOn : null,
      removalCause: state.status === 'removed' ? state.cause : null,
    },
    tier: currentTier(state),
    assignedSpecialistUserId: row.assignedSpecialistUserId,
    cbpOfficeId: row.cbpOfficeId,
    applicationSubmittedOn: row.applicationSubmittedOn,
    certifiedOn: row.certifiedOn,
    validatedOn: row.validatedOn,
    lastValidatedOn: row.lastValidatedOn,
    entityTypes: entityTypes.map(entityTypeView),
    clocks: membershipClocks(row, state, todayFromClock(ctx.clock), ctx.runtime.membershipClocks),
    history: history.map((entry) => ({
      seq: entry.seq,
      transition: entry.transition,
      fromState: entry.fromState,
      toState: entry.toState,
      toReviewStep: entry.toReviewStep,
      actorUserId: entry.actorUserId,
      actorRole: entry.actorRole,
      reason: entry.reason,
      on: entry.on,
      at: entry.at.toISOString(),
    })),
    availableTransitions: role ? [...availableTransitions(state, role)] : [],
  };
}

/** The tenant (check 3): the member company the actor acts for. */
function ownOrganisation(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to see its membership');
  }
  return own;
}

/** The caller's own company's membership file. */
export async function getOwnMembership(ctx: ServiceContext): Promise<MembershipFile> {
  return loadFile(ctx, ctx.db, ownOrganisation(ctx));
}

/** Any company's file, for CBP (`registry:read:any`, checked again here). */
export async function getMemberFile(
  ctx: ServiceContext,
  organisationId: string,
): Promise<MembershipFile> {
  if (!hasPermission(ctx.actor, 'registry:read:any')) {
    throw notFound('Membership');
  }
  return loadFile(ctx, ctx.db, organisationId);
}

/**
 * The entity types a company applied or is a member as, for other modules: the Security Profile
 * answers the criteria of each (issue 5, item 2). Not an entry point for requests.
 */
export async function entityTypesOfMember(db: Db, organisationId: string): Promise<EntityType[]> {
  const rows = await findEntityTypes(db, organisationId);
  return rows.map((row) => row.entityType);
}

// ---------------------------------------------------------------------------------------------
// The application

function validationFailed(issues: FieldIssue[], message = 'The request is not valid'): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues });
}

/** 409 when another company's application that is not over already holds one of them. */
async function assertIdentifiersUnclaimed(
  tx: Db,
  organisationId: string,
  entries: readonly { identifiers: readonly StoredIdentifier[] }[],
): Promise<void> {
  for (const [entityIndex, entry] of entries.entries()) {
    for (const [index, identifier] of entry.identifiers.entries()) {
      if (await identifierClaimedElsewhere(tx, organisationId, identifier)) {
        throw new AppError(
          'CONFLICT',
          `${IDENTIFIER_KIND_NAMES[identifier.kind]} ${identifier.value} is already in another company's active CTPAT application or membership`,
          { path: `body.entityTypes.${entityIndex}.identifiers.${index}.value` },
        );
      }
    }
  }
}

/**
 * Saves the company's draft application (pre-applicant): entity types, identifiers and
 * eligibility answers, replacing the previous draft. Identifiers are validated per entity type
 * and stored canonical; answers must belong to the entity type's questionnaire (whether they
 * make the company eligible is checked at submission).
 */
export async function saveApplication(
  ctx: ServiceContext,
  body: SaveApplicationBody,
): Promise<MembershipFile> {
  const organisationId = ownOrganisation(ctx);
  const organisation = await getOrganisation(ctx, organisationId);
  if (organisation.kind !== 'member_company') {
    throw new AppError('FORBIDDEN', 'Only a member company applies to CTPAT');
  }
  const issues: FieldIssue[] = [];
  const entries: {
    entityType: SaveApplicationBody['entityTypes'][number]['entityType'];
    identifiers: StoredIdentifier[];
    eligibility: Record<string, boolean>;
  }[] = [];
  body.entityTypes.forEach((entry, index) => {
    const path = `body.entityTypes.${index}`;
    const identifiers = validateEntityIdentifiers(
      entry.entityType,
      entry.identifiers,
      // A draft may lack required identifiers; submission checks they are all there.
      { mexicanCompany: organisation.countryCode === 'MX', draft: true },
      `${path}.identifiers`,
    );
    const answers = eligibilityAnswersSchema(entry.entityType).safeParse(entry.eligibility);
    if (!answers.success) {
      for (const issue of answers.error.issues) {
        issues.push({ path: `${path}.eligibility`, message: issue.message });
      }
    }
    if (!identifiers.ok) {
      issues.push(...identifiers.issues);
    } else if (answers.success) {
      entries.push({
        entityType: entry.entityType,
        identifiers: identifiers.identifiers,
        eligibility: answers.data,
      });
    }
  });
  if (issues.length > 0) {
    throw validationFailed(issues);
  }

  const now = ctx.clock.now();
  const today = todayFromClock(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    await lockIdentifierClaims(tx);
    const existing = await findMembership(tx, organisationId, { forUpdate: true });
    if (existing && existing.status !== 'pre_applicant') {
      throw new AppError(
        'CONFLICT',
        `${describeState(stateOfRow(existing))} cannot change its application; only a draft (pre-applicant) application can be edited.`,
      );
    }
    await assertIdentifiersUnclaimed(tx, organisationId, entries);
    if (!existing) {
      await insertMembership(tx, {
        organisationId,
        status: 'pre_applicant',
        statusSince: today,
        createdAt: now,
        updatedAt: now,
      });
    } else {
      await updateMembership(tx, organisationId, { updatedAt: now });
    }
    const before = existing ? await findEntityTypes(tx, organisationId) : [];
    await replaceEntityTypes(tx, organisationId, entries, now);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'partner_membership.application_saved',
      targetType: 'partner_membership',
      targetId: organisationId,
      organisationId,
      before: existing ? { entityTypes: before.map(entityTypeView) } : null,
      after: { entityTypes: entries },
    });
  });
  return loadFile(ctx, ctx.db, organisationId);
}

function transitionRefused(result: {
  code: keyof typeof TRANSITION_ERROR_API_CODE;
  message: string;
}) {
  return new AppError(TRANSITION_ERROR_API_CODE[result.code], result.message);
}

/**
 * The company officer submits the application and accepts the partner agreement for the
 * company: every entity type must pass its eligibility questionnaire, and no identifier may be
 * in another company's active application.
 */
export async function submitApplication(
  ctx: ServiceContext,
  _body: SubmitApplicationBody,
): Promise<MembershipFile> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.role !== 'company_officer' || actor.organisationId === null) {
    throw new AppError(
      'FORBIDDEN',
      'Only a company officer, signed in, submits the application and signs the partner agreement',
    );
  }
  const organisationId = actor.organisationId;
  const now = ctx.clock.now();
  const today = todayFromClock(ctx.clock);
  // Read before the transaction: PGlite has one connection, which the transaction holds.
  const company = await getOrganisation(ctx, organisationId);
  await ctx.db.transaction(async (tx) => {
    await lockIdentifierClaims(tx);
    const row = await findMembership(tx, organisationId, { forUpdate: true });
    if (!row) {
      throw new AppError('CONFLICT', 'Save a draft application before submitting it');
    }
    const entityTypes = await findEntityTypes(tx, organisationId);
    const issues: FieldIssue[] = [];
    const blocking: { entityType: string; questionId: string; reason: string }[] = [];
    entityTypes.forEach((entry, index) => {
      // Drafts may be saved without every required identifier: all must be there now.
      const identifiers = validateEntityIdentifiers(
        entry.entityType,
        entry.identifiers,
        { mexicanCompany: company.countryCode === 'MX' },
        `entityTypes.${index}.identifiers`,
      );
      if (!identifiers.ok) {
        issues.push(...identifiers.issues);
      }
    });
    entityTypes.forEach((entry, index) => {
      const result = evaluateEligibility(entry.entityType, entry.eligibility);
      if (result.eligible) return;
      for (const answer of result.blocking) {
        blocking.push({
          entityType: entry.entityType,
          questionId: answer.questionId,
          reason: answer.reason.en,
        });
        issues.push({
          path: `entityTypes.${index}.eligibility.${answer.questionId}`,
          message: answer.reason.en,
        });
      }
      for (const questionId of result.unanswered) {
        issues.push({
          path: `entityTypes.${index}.eligibility.${questionId}`,
          message: 'is not answered',
        });
      }
    });
    const state = stateOfRow(row);
    const result = applyTransition(state, 'submit_application', {
      actorRole: actor.role ?? 'company_officer',
      on: today,
    });
    if (!result.ok) {
      throw transitionRefused(result);
    }
    if (entityTypes.length === 0) {
      throw validationFailed([{ path: 'entityTypes', message: 'name at least one entity type' }]);
    }
    // The hand-off from the company profile (ctpat-program.md §3.1): CBP needs the
    // headquarters and the primary point of contact, who is a company officer.
    const profile = await profileCompleteness(tx, organisationId);
    if (!profile.headquarters) {
      issues.push({ path: 'profile.addresses', message: 'add the headquarters address' });
    }
    if (!profile.primaryContact) {
      issues.push({ path: 'profile.contacts', message: 'add the primary contact' });
    }
    if (issues.length > 0) {
      const eligibilityIssue = issues.some((issue) => issue.path.startsWith('entityTypes.'));
      throw new AppError(
        'VALIDATION_FAILED',
        eligibilityIssue
          ? 'The company does not meet the eligibility requirements: the application cannot be submitted'
          : 'The company profile is incomplete: the application cannot be submitted',
        { issues, blocking },
      );
    }
    await assertIdentifiersUnclaimed(tx, organisationId, entityTypes);
    await updateMembership(tx, organisationId, {
      ...stateColumns(result.next),
      applicationSubmittedOn: today,
      agreementSignedByUserId: actor.userId,
      agreementSignedAt: now,
      updatedAt: now,
    });
    await appendStatusHistory(tx, {
      organisationId,
      transition: 'submit_application',
      fromState: state.status,
      toState: result.next.status,
      toReviewStep: null,
      actorUserId: actor.userId,
      actorRole: actor.role,
      reason: null,
      evidenceIds: [],
      on: today,
      at: now,
    });
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: result.effects.audit.action,
      targetType: 'partner_membership',
      targetId: organisationId,
      organisationId,
      before: auditState(state),
      after: {
        ...auditState(result.next),
        agreementAcceptedBy: actor.userId,
        agreementAcceptedAt: now.toISOString(),
      },
    });
    await notifyTransition(ctx, tx, {
      eventId: event.id,
      notifications: result.effects.notifications,
      organisationId,
      on: today,
      reason: null,
      assignedSpecialistUserId: row.assignedSpecialistUserId,
      cbpOfficeId: row.cbpOfficeId,
    });
  });
  return loadFile(ctx, ctx.db, organisationId);
}

// ---------------------------------------------------------------------------------------------
// CBP transitions

const SPECIALIST_ROLES: readonly Role[] = ['scss', 'supervisory_scss'];
/** The steps an SCSS makes only on files assigned to it (a supervisor may act on any). */
const ASSIGNED_WORK: readonly MembershipTransition[] = [
  'start_profile_review',
  'approve_profile',
  'certify',
  'reject',
];

/** The CBP office in which `userId` holds a specialist role, or 400 naming the field. */
async function specialistOffice(db: Db, userId: string): Promise<string> {
  const roles = await rolesOfUser(db, userId);
  const specialist = roles.find((membership) => SPECIALIST_ROLES.includes(membership.role));
  if (!specialist) {
    throw validationFailed([
      { path: 'body.specialistUserId', message: 'is not a CTPAT supply chain security specialist' },
    ]);
  }
  return specialist.organisationId;
}

/**
 * A lifecycle transition a CBP person asks for, with what does not depend on the member checked
 * once: the permission, that a person with a CBP role makes it, and the specialist an
 * assignment names. The single and the bulk route both start here.
 */
export interface PreparedTransition {
  actor: { userId: string; role: Role };
  transition: MembershipTransition;
  reason: string | null;
  evidenceIds: readonly string[];
  specialist: { userId: string; officeId: string } | null;
  /** The deployment's provisional periods (MEMBERSHIP_*): the time guards use them. */
  settings: MembershipClockSettings;
}

export async function prepareTransition(
  ctx: ServiceContext,
  body: MemberTransitionBody,
): Promise<PreparedTransition> {
  const actor = ctx.actor;
  if (!hasPermission(actor, 'registry:review:any')) {
    throw notFound('Membership');
  }
  if (actor.kind !== 'user' || actor.role === null) {
    throw new AppError('FORBIDDEN', 'Lifecycle transitions are made by a person with a CBP role');
  }
  const specialist =
    body.transition === 'assign_specialist'
      ? body.specialistUserId
        ? {
            userId: body.specialistUserId,
            officeId: await specialistOffice(ctx.db, body.specialistUserId),
          }
        : null
      : null;
  if (body.transition === 'assign_specialist' && specialist === null) {
    throw validationFailed([
      { path: 'body.specialistUserId', message: 'is required to assign a specialist' },
    ]);
  }
  return {
    actor: { userId: actor.userId, role: actor.role },
    transition: body.transition,
    reason: body.reason ?? null,
    evidenceIds: body.evidenceIds ?? [],
    specialist,
    settings: ctx.runtime.membershipClocks,
  };
}

/** A transition the state machine and the record checks allowed on one member: what to write. */
export interface PlannedTransition {
  organisationId: string;
  row: MembershipRow;
  state: MembershipState;
  next: MembershipState;
  effects: TransitionEffects;
}

/**
 * Locks the member's row and decides, writing nothing, whether the transition may be made: the
 * domain state machine decides whether it may start from the current state and whether the
 * actor's role may make it; then the record check. Throws the AppError that refuses it.
 */
export async function planTransition(
  tx: Db,
  organisationId: string,
  prepared: PreparedTransition,
  today: CalendarDate,
): Promise<PlannedTransition> {
  const { actor, transition } = prepared;
  const row = await findMembership(tx, organisationId, { forUpdate: true });
  if (!row) {
    throw notFound('Membership');
  }
  const state = stateOfRow(row);
  const result = applyTransition(state, transition, {
    actorRole: actor.role,
    on: today,
    settings: prepared.settings,
    reason: prepared.reason,
    evidenceIds: prepared.evidenceIds,
  });
  if (!result.ok) {
    throw transitionRefused(result);
  }
  // Check 2 beyond the role: an SCSS works the files assigned to it.
  if (
    actor.role === 'scss' &&
    ASSIGNED_WORK.includes(transition) &&
    row.assignedSpecialistUserId !== actor.userId
  ) {
    throw new AppError(
      'FORBIDDEN',
      `${TRANSITION_RULES[transition].label}: this member is assigned to another specialist`,
    );
  }
  return { organisationId, row, state, next: result.next, effects: result.effects };
}

/**
 * A new application starts from nothing: the last membership's submission, agreement,
 * certification, validations and specialist belong to it (and its history), not to the new one,
 * whose clocks must not run from them. The draft's entity types stay, to be edited.
 */
const NEW_APPLICATION_COLUMNS = {
  applicationSubmittedOn: null,
  agreementSignedByUserId: null,
  agreementSignedAt: null,
  certifiedOn: null,
  validatedOn: null,
  lastValidatedOn: null,
  assignedSpecialistUserId: null,
  cbpOfficeId: null,
} as const;

/** Writes a planned transition: the new state, its history row and its audit event. */
export async function writeTransition(
  ctx: ServiceContext,
  tx: Db,
  plan: PlannedTransition,
  prepared: PreparedTransition,
  at: { now: Date; today: CalendarDate },
): Promise<void> {
  const { organisationId, row, state, next, effects } = plan;
  const { actor, transition, specialist } = prepared;
  const { now, today } = at;
  const validation =
    transition === 'record_validation_meets' || transition === 'record_validation_exceeds';
  await updateMembership(tx, organisationId, {
    ...stateColumns(next),
    ...(specialist
      ? { assignedSpecialistUserId: specialist.userId, cbpOfficeId: specialist.officeId }
      : {}),
    ...(transition === 'certify' ? { certifiedOn: today } : {}),
    ...(validation ? { validatedOn: row.validatedOn ?? today, lastValidatedOn: today } : {}),
    ...(transition === 'start_new_application' ? NEW_APPLICATION_COLUMNS : {}),
    updatedAt: now,
  });
  await appendStatusHistory(tx, {
    organisationId,
    transition,
    fromState: state.status,
    toState: next.status,
    toReviewStep: next.status === 'under_review' ? next.reviewStep : null,
    actorUserId: actor.userId,
    actorRole: actor.role,
    reason: effects.audit.reason,
    evidenceIds: [...effects.audit.evidenceIds],
    on: today,
    at: now,
  });
  const event = await appendAuditEvent(tx, auditOrigin(ctx), {
    action: effects.audit.action,
    targetType: 'partner_membership',
    targetId: organisationId,
    organisationId,
    before: auditState(state),
    after: {
      ...auditState(next),
      reason: effects.audit.reason,
      evidenceIds: [...effects.audit.evidenceIds],
      ...(specialist ? { assignedSpecialistUserId: specialist.userId } : {}),
    },
  });
  await notifyTransition(ctx, tx, {
    eventId: event.id,
    notifications: effects.notifications,
    organisationId,
    on: today,
    reason: effects.audit.reason,
    assignedSpecialistUserId: specialist?.userId ?? row.assignedSpecialistUserId,
    cbpOfficeId: specialist?.officeId ?? row.cbpOfficeId,
  });
}

/**
 * Applies one lifecycle transition to a member's file (CBP): checked (prepareTransition,
 * planTransition) and written (writeTransition) in one transaction.
 */
export async function transitionMember(
  ctx: ServiceContext,
  organisationId: string,
  body: MemberTransitionBody,
): Promise<MembershipFile> {
  const prepared = await prepareTransition(ctx, body);
  const now = ctx.clock.now();
  const today = todayFromClock(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const plan = await planTransition(tx, organisationId, prepared, today);
    await writeTransition(ctx, tx, plan, prepared, { now, today });
  });
  return loadFile(ctx, ctx.db, organisationId);
}

// ---------------------------------------------------------------------------------------------
// Member transitions

/**
 * A transition the member company makes itself (withdraw, answer a suspension, apply again):
 * only its company officer, signed in, commits the company (membership-transitions.ts). The
 * domain decides whether it may start from the current state and checks its guards (a reason
 * to withdraw, evidence for a response, the re-application bar after a removal for an
 * unanswered suspension); the write is the CBP transitions' (writeTransition).
 */
export async function transitionOwnMembership(
  ctx: ServiceContext,
  body: OwnMembershipTransitionBody,
): Promise<MembershipFile> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.role !== 'company_officer' || actor.organisationId === null) {
    throw new AppError(
      'FORBIDDEN',
      'Only a company officer, signed in, makes a transition for the company',
    );
  }
  const organisationId = actor.organisationId;
  const prepared: PreparedTransition = {
    actor: { userId: actor.userId, role: actor.role },
    transition: body.transition,
    reason: body.reason ?? null,
    evidenceIds: body.evidenceIds ?? [],
    specialist: null,
    settings: ctx.runtime.membershipClocks,
  };
  const now = ctx.clock.now();
  const today = todayFromClock(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const plan = await planTransition(tx, organisationId, prepared, today);
    await writeTransition(ctx, tx, plan, prepared, { now, today });
  });
  return loadFile(ctx, ctx.db, organisationId);
}
