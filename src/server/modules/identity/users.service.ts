import {
  type ChangeRoleBody,
  type Member,
  mayManageRole,
  ROLE_LABELS,
} from '../../../domain/accounts/users.schema.ts';
import { ROLES_BY_ORGANISATION_KIND } from '../../../domain/authorization/permissions.ts';
import type { Role } from '../../../domain/authorization/roles.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type { OrganisationKind } from '../../../domain/organisations/organisation.schema.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { languageOf } from '../notifications/email-templates.ts';
import { notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  deleteMembership,
  findDisplayNames,
  findMemberOfOrganisation,
  findMembershipsOfUser,
  findMembersOfOrganisation,
  findUsersWithRoles,
  lockMembersWithRole,
  type MemberRow,
  type MembershipRow,
  updateMembershipRole,
} from './accounts.repository.ts';
import { revokeSessionsOfUser } from './sessions.repository.ts';

/** A person managing their organisation's people: the tenant and the role that sets the ceiling. */
export interface ManagingActor {
  userId: string;
  organisationId: string;
  role: Role;
}

/**
 * The tenant of a request (check 3): the organisation the session (or API token) acts for.
 * The route's permission already implies one; this guards the type and any other caller.
 */
export function tenantOf(ctx: ServiceContext): string {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous' || actor.kind === 'operator' || actor.organisationId === null) {
    throw new AppError('FORBIDDEN', 'Act for an organisation to manage its people');
  }
  return actor.organisationId;
}

/**
 * Granting, changing or taking away roles needs a person with a role in the organisation: the
 * role ceiling (mayManageRole) is measured against it, so API tokens cannot do it.
 */
export function managingActor(ctx: ServiceContext): ManagingActor {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.organisationId === null || actor.role === null) {
    throw new AppError('FORBIDDEN', 'Only a person with a role in the organisation manages roles');
  }
  return { userId: actor.userId, organisationId: actor.organisationId, role: actor.role };
}

export async function organisationOf(
  db: Db,
  organisationId: string,
): Promise<{ legalName: string; kind: OrganisationKind }> {
  const organisation = (await organisationSummaries(db, [organisationId])).get(organisationId);
  if (!organisation) {
    throw notFound('Organisation');
  }
  return organisation;
}

/** 400 naming `body.role` when the organisation's kind does not offer the role. */
export function assertRoleOffered(kind: OrganisationKind, role: Role): void {
  if (!ROLES_BY_ORGANISATION_KIND[kind].includes(role)) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: [
        {
          path: 'body.role',
          message: `is not a role of a ${kind === 'member_company' ? 'member company' : 'CBP office'}`,
        },
      ],
    });
  }
}

/** 403 unless the manager's role reaches every role given. */
export function assertWithinCeiling(manager: ManagingActor, ...roles: Role[]): void {
  const above = roles.find((role) => !mayManageRole(manager.role, role));
  if (above) {
    throw new AppError('FORBIDDEN', `A ${manager.role} may not manage the role ${above}`);
  }
}

function toMember(row: MemberRow): Member {
  return {
    userId: row.userId,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    joinedAt: row.joinedAt.toISOString(),
    mfaEnrolled: row.mfaEnrolled === true,
  };
}

/** The organisation's people (tenant scope), by name. */
export async function listMembers(ctx: ServiceContext): Promise<Member[]> {
  const rows = await findMembersOfOrganisation(ctx.db, tenantOf(ctx));
  return rows.map(toMember);
}

/**
 * A member company always keeps at least one company officer: only an officer signs the
 * agreements and submits the Security Profile. Locks the officers' memberships so concurrent
 * demotions or removals cannot both pass.
 */
async function assertAnotherOfficerRemains(
  tx: Db,
  kind: OrganisationKind,
  organisationId: string,
  leaving: MemberRow,
): Promise<void> {
  if (kind !== 'member_company' || leaving.role !== 'company_officer') {
    return;
  }
  const officers = await lockMembersWithRole(tx, organisationId, 'company_officer');
  if (!officers.some((userId) => userId !== leaving.userId)) {
    throw new AppError(
      'CONFLICT',
      'This is the last company officer; make someone else an officer first',
    );
  }
}

async function memberOrNotFound(db: Db, organisationId: string, userId: string) {
  const member = await findMemberOfOrganisation(db, organisationId, userId);
  if (!member) {
    throw notFound('User');
  }
  return member;
}

export async function changeMemberRole(
  ctx: ServiceContext,
  userId: string,
  input: ChangeRoleBody,
): Promise<Member> {
  const manager = managingActor(ctx);
  const organisation = await organisationOf(ctx.db, manager.organisationId);
  return ctx.db.transaction(async (tx) => {
    // Check 2: the record is a member of the actor's organisation (another tenant's user: 404).
    const member = await memberOrNotFound(tx, manager.organisationId, userId);
    assertRoleOffered(organisation.kind, input.role);
    assertWithinCeiling(manager, member.role, input.role);
    if (member.role === input.role) {
      return toMember(member);
    }
    await assertAnotherOfficerRemains(tx, organisation.kind, manager.organisationId, member);
    await updateMembershipRole(tx, manager.organisationId, userId, input.role);
    const event = await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'membership.role_changed',
      targetType: 'user',
      targetId: userId,
      organisationId: manager.organisationId,
      before: { role: member.role },
      after: { role: input.role },
    });
    const language = languageOf(member.preferredLanguage);
    await notifyFrom(ctx, tx, {
      key: `membership_role_changed:${event.id}`,
      kind: 'membership_role_changed',
      params: { organisation: organisation.legalName, role: ROLE_LABELS[language][input.role] },
      link: '/',
      organisationId: manager.organisationId,
      userId,
      email: { to: member.email, language },
    });
    return toMember({ ...member, role: input.role });
  });
}

/**
 * Takes a person out of the organisation: the membership goes and so do their sessions acting
 * for it (their account and other memberships stay).
 */
export async function removeMember(ctx: ServiceContext, userId: string): Promise<void> {
  const manager = managingActor(ctx);
  const organisation = await organisationOf(ctx.db, manager.organisationId);
  await ctx.db.transaction(async (tx) => {
    const current = await memberOrNotFound(tx, manager.organisationId, userId);
    assertWithinCeiling(manager, current.role);
    await assertAnotherOfficerRemains(tx, organisation.kind, manager.organisationId, current);
    if (!(await deleteMembership(tx, manager.organisationId, userId))) {
      throw notFound('User');
    }
    const now = ctx.clock.now();
    const revokedSessions = await revokeSessionsOfUser(tx, userId, now, {
      organisationId: manager.organisationId,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'membership.removed',
      targetType: 'user',
      targetId: userId,
      organisationId: manager.organisationId,
      before: { role: current.role },
      after: { revokedSessions },
    });
  });
}

/**
 * The organisations and roles of a user, for other modules that must check who someone is
 * before pointing at them (e.g. the registry assigning a specialist). Not an entry point for
 * requests.
 */
export async function rolesOfUser(db: Db, userId: string): Promise<MembershipRow[]> {
  return findMembershipsOfUser(db, userId);
}

/**
 * The people holding one of `roles` in an organisation, with the address and language their
 * e-mail goes to: for other modules that notify an organisation's officers or a CBP office's
 * supervisors (e.g. the registry's lifecycle notifications). Not an entry point for requests.
 */
export async function membersWithRoles(
  db: Db,
  organisationId: string,
  roles: readonly Role[],
): Promise<MemberRow[]> {
  const members = await findMembersOfOrganisation(db, organisationId);
  return members.filter((member) => roles.includes(member.role));
}

/** Display names by user id, for other modules that hold the ids (e.g. an assigned specialist). */
export async function displayNames(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await findDisplayNames(db, [...new Set(userIds)]);
  return new Map(rows.map((row) => [row.userId, row.displayName]));
}

/**
 * The active people holding one of `roles` in any organisation (e.g. every CTPAT specialist,
 * for the registry's assignment list), by name. Not an entry point for requests: the caller
 * decides who may see them.
 */
export async function peopleWithRoles(
  db: Db,
  roles: readonly Role[],
): Promise<{ userId: string; displayName: string; organisationId: string; role: Role }[]> {
  return findUsersWithRoles(db, roles);
}
