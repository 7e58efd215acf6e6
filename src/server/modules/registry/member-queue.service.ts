import { z } from 'zod';
import { hasPermission } from '../../../domain/authorization/permissions.ts';
import type { Role } from '../../../domain/authorization/roles.ts';
import { AppError } from '../../../domain/errors/error-codes.ts';
import {
  IDENTIFIER_KINDS,
  validateIdentifier,
} from '../../../domain/registry/identifiers/identifier-kinds.ts';
import {
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  TIER_OF_STATUS,
  type TierStatus,
} from '../../../domain/registry/lifecycle/membership-states.ts';
import type {
  MemberFilter,
  MemberListQuery,
  MemberPage,
  MemberSort,
  MemberSummary,
  SpecialistList,
} from '../../../domain/registry/member-queue.schema.ts';
import {
  type CalendarDate,
  calendarDate,
  daysBetween,
  todayFromClock,
} from '../../../domain/time/calendar-date.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import type { ServiceContext } from '../../service-context.ts';
import { displayNames, peopleWithRoles } from '../identity/users.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import {
  membersAtSuspensionRisk,
  overdueRequiredActionsOf,
} from '../validations/validation-responses-risk.ts';
import {
  findMembers,
  type IdentifierProbe,
  type MemberListRow,
  type MemberSearch,
  type MemberSortKey,
  sortKeyOf,
} from './member-search.repository.ts';
import { membershipClocks, stateOfRow } from './registry.service.ts';

/**
 * The CBP work queue and member search (issue 4, items 7 and 10): every member, filtered and
 * sorted, with what a queue row needs (specialist, office, the certification target and the
 * next clock). The route requires `registry:read:any` (check 1); the list is agency-wide, so
 * there is no tenant to scope (check 3) beyond that permission.
 */

function queryIssue(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    issues: [{ path: `querystring.${field}`, message }],
  });
}

const STATUS_OF_TIER = Object.fromEntries(
  Object.entries(TIER_OF_STATUS).map(([status, tier]) => [tier, status]),
) as Record<'I' | 'II' | 'III', TierStatus>;

/**
 * The statuses the state, tier and review-step filters allow together: the tier is held by
 * exactly one status (6 U.S.C. 964–966; none while suspended), a review step exists only under
 * review. Both are read through the status index rather than an index of their own.
 */
function statusesOf(filter: MemberFilter): MembershipStatus[] | undefined {
  let statuses: MembershipStatus[] | undefined = filter.state ? [filter.state] : undefined;
  const narrow = (allowed: readonly MembershipStatus[]) => {
    statuses = (statuses ?? [...MEMBERSHIP_STATUSES]).filter((status) => allowed.includes(status));
  };
  if (filter.tier) {
    narrow([STATUS_OF_TIER[filter.tier]]);
  }
  if (filter.reviewStep) {
    narrow(['under_review']);
  }
  return statuses;
}

/**
 * What to look for when searching by identifier: its canonical spelling under the given kind,
 * or under every kind whose validator accepts it (stored identifiers are canonical, so "12 3456789"
 * finds the EIN 12-3456789). A value no kind accepts is looked for as it is, upper-cased, under
 * any kind.
 */
function identifierProbes(filter: MemberFilter): IdentifierProbe[] | undefined {
  const raw = filter.identifier;
  if (raw === undefined) {
    return undefined;
  }
  if (filter.identifierKind) {
    const result = validateIdentifier(filter.identifierKind, raw);
    if (!result.ok) {
      throw queryIssue('identifier', result.problems.map((problem) => problem.message).join('; '));
    }
    return [{ kind: filter.identifierKind, value: result.value }];
  }
  const probes = IDENTIFIER_KINDS.flatMap((kind) => {
    const result = validateIdentifier(kind, raw);
    return result.ok ? [{ kind, value: result.value }] : [];
  });
  return probes.length > 0 ? probes : [{ value: raw.trim().toUpperCase() }];
}

/** The repository's search for the API's filters (the `mine` shortcut is the caller). */
export function memberSearchOf(ctx: ServiceContext, filter: MemberFilter): MemberSearch {
  let specialist = filter.assignedSpecialistUserId;
  if (filter.mine === 'true') {
    if (ctx.actor.kind !== 'user') {
      throw queryIssue('mine', 'needs a person signed in (an API token has no assignments)');
    }
    specialist = ctx.actor.userId;
  }
  return {
    statuses: statusesOf(filter),
    reviewStep: filter.reviewStep,
    entityType: filter.entityType,
    nameContains: filter.q,
    identifiers: identifierProbes(filter),
    assignedSpecialistUserId: specialist,
    unassigned: filter.unassigned === 'true',
    cbpOfficeId: filter.cbpOfficeId,
  };
}

/**
 * memberSearchOf plus the filters another module resolves: members at suspension risk (required
 * actions of a validation report unanswered past the deadline) become the few companies they
 * are, a selective filter the search finds by primary key.
 */
export async function resolveMemberSearch(
  ctx: ServiceContext,
  filter: MemberFilter,
): Promise<MemberSearch> {
  const search = memberSearchOf(ctx, filter);
  if (filter.suspensionRisk !== 'true') {
    return search;
  }
  return {
    ...search,
    organisationIds: await membersAtSuspensionRisk(ctx.db, todayFromClock(ctx.clock)),
  };
}

// The cursor names its sort, so a cursor from one order cannot silently continue another.
const CursorSchema = z.union([
  z.tuple([z.literal('name'), z.string(), z.uuid()]),
  z.tuple([z.literal('submitted'), z.iso.date().nullable(), z.uuid()]),
  z.tuple([z.literal('status_since'), z.iso.date(), z.uuid()]),
]);

export function encodeMemberCursor(key: MemberSortKey): string {
  switch (key.sort) {
    case 'name':
      return encodeCursor([key.sort, key.legalName, key.organisationId]);
    case 'submitted':
      // null: the page ended in the tail of members that never submitted.
      return encodeCursor([key.sort, key.submittedOn, key.organisationId]);
    case 'status_since':
      return encodeCursor([key.sort, key.statusSince, key.organisationId]);
  }
}

export function decodeMemberCursor(cursor: string, sort: MemberSort): MemberSortKey {
  const decoded = decodeCursor(cursor, CursorSchema);
  if (decoded[0] !== sort) {
    throw queryIssue('cursor', `continues a list sorted by ${decoded[0]}, not by ${sort}`);
  }
  switch (decoded[0]) {
    case 'name':
      return { sort: 'name', legalName: decoded[1], organisationId: decoded[2] };
    case 'submitted':
      return { sort: 'submitted', submittedOn: decoded[1], organisationId: decoded[2] };
    case 'status_since':
      return { sort: 'status_since', statusSince: decoded[1], organisationId: decoded[2] };
  }
}

function daysLeft(today: CalendarDate, due: CalendarDate): number {
  return daysBetween(today, due);
}

/** Queue rows: the membership, its running clocks, and the specialist's and office's names. */
export async function summariesOf(
  ctx: ServiceContext,
  rows: readonly MemberListRow[],
): Promise<MemberSummary[]> {
  const specialistIds = rows.flatMap((row) =>
    row.assignedSpecialistUserId ? [row.assignedSpecialistUserId] : [],
  );
  const officeIds = [...new Set(rows.flatMap((row) => (row.cbpOfficeId ? [row.cbpOfficeId] : [])))];
  const today = todayFromClock(ctx.clock);
  const [specialists, offices, overdue] = await Promise.all([
    displayNames(ctx.db, specialistIds),
    officeIds.length > 0
      ? organisationSummaries(ctx.db, officeIds)
      : new Map<string, { legalName: string }>(),
    overdueRequiredActionsOf(
      ctx.db,
      rows.map((row) => row.organisationId),
      today,
    ),
  ]);
  return rows.map((row) => {
    const clocks = membershipClocks(row, stateOfRow(row), today, ctx.runtime.membershipClocks);
    const target = clocks.find((clock) => clock.name === 'certification_target');
    const next = clocks.reduce<(typeof clocks)[number] | null>(
      (first, clock) => (first === null || clock.due < first.due ? clock : first),
      null,
    );
    return {
      organisationId: row.organisationId,
      legalName: row.legalName,
      countryCode: row.countryCode,
      status: row.status,
      statusSince: row.statusSince,
      reviewStep: row.reviewStep,
      tier: row.tier,
      entityTypes: row.entityTypes,
      assignedSpecialistUserId: row.assignedSpecialistUserId,
      assignedSpecialistName: row.assignedSpecialistUserId
        ? (specialists.get(row.assignedSpecialistUserId) ?? null)
        : null,
      cbpOfficeId: row.cbpOfficeId,
      cbpOfficeName: row.cbpOfficeId ? (offices.get(row.cbpOfficeId)?.legalName ?? null) : null,
      applicationSubmittedOn: row.applicationSubmittedOn,
      certifiedOn: row.certifiedOn,
      certificationTarget: target
        ? { due: target.due, daysLeft: daysLeft(today, calendarDate(target.due)) }
        : null,
      nextClock: next
        ? { name: next.name, due: next.due, daysLeft: daysLeft(today, calendarDate(next.due)) }
        : null,
      overdueRequiredActions: overdue.get(row.organisationId) ?? 0,
    };
  });
}

/** One page of the queue (`registry:read:any`), in the order asked for. */
export async function listMembers(
  ctx: ServiceContext,
  query: MemberListQuery,
): Promise<MemberPage> {
  if (!hasPermission(ctx.actor, 'registry:read:any')) {
    return { items: [], nextCursor: null };
  }
  const search = await resolveMemberSearch(ctx, query);
  const after = query.cursor ? decodeMemberCursor(query.cursor, query.sort) : undefined;
  const rows = await findMembers(ctx.db, search, query.sort, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await summariesOf(ctx, page),
    nextCursor:
      rows.length > query.limit && last ? encodeMemberCursor(sortKeyOf(query.sort, last)) : null,
  };
}

const SPECIALIST_ROLES = ['scss', 'supervisory_scss'] as const satisfies readonly Role[];

function isSpecialistRole(role: Role): role is (typeof SPECIALIST_ROLES)[number] {
  return (SPECIALIST_ROLES as readonly Role[]).includes(role);
}

/**
 * Every CTPAT supply chain security specialist (SCSS and supervisory SCSS) of every CBP office,
 * by name: whom a member can be assigned to, and whom the queue filters by.
 */
export async function listSpecialists(ctx: ServiceContext): Promise<SpecialistList> {
  if (!hasPermission(ctx.actor, 'registry:read:any')) {
    return { items: [] };
  }
  const people = await peopleWithRoles(ctx.db, SPECIALIST_ROLES);
  if (people.length === 0) {
    return { items: [] };
  }
  const offices = await organisationSummaries(ctx.db, [
    ...new Set(people.map((person) => person.organisationId)),
  ]);
  return {
    items: people.flatMap((person) => {
      const office = offices.get(person.organisationId);
      return isSpecialistRole(person.role) && office?.kind === 'cbp_office'
        ? [
            {
              userId: person.userId,
              displayName: person.displayName,
              role: person.role,
              officeId: person.organisationId,
              officeName: office.legalName,
            },
          ]
        : [];
    }),
  };
}
