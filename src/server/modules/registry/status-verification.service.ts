import { randomInt, randomUUID } from 'node:crypto';
import { actorOrganisationId } from '../../../domain/authorization/permissions.ts';
import type { Role } from '../../../domain/authorization/roles.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type { NotificationKind } from '../../../domain/notifications/notification-kinds.ts';
import {
  describeState,
  isTierStatus,
  type TierStatus,
} from '../../../domain/registry/lifecycle/membership-states.ts';
import type {
  JoinSviBody,
  RequestSviConnectionBody,
  SendStatusConfirmationBody,
  SviConnection,
  SviConnectionAction,
  SviConnectionList,
  SviParticipation,
  SviPartnerStatus,
  SviStatusConfirmation,
  SviStatusConfirmationList,
} from '../../../domain/registry/status-verification/svi.schema.ts';
import {
  generateSviNumber,
  normaliseSviNumber,
  SVI_NUMBER_EXAMPLE,
} from '../../../domain/registry/status-verification/svi-number.ts';
import type { SviConnectionStatus } from '../../../domain/registry/status-verification/svi-vocabulary.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import type { Language } from '../notifications/email-templates.ts';
import { emailTo, notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { findEntityTypes, findMembership, type MembershipRow } from './registry.repository.ts';
import { stateOfRow } from './registry.service.ts';
import {
  findActiveParticipantByNumber,
  findConnectionOf,
  findOpenConnectionBetween,
  findOpenConnectionsOf,
  findParticipant,
  findParticipantsByIds,
  findStatusConfirmationsOf,
  insertConnection,
  insertStatusConfirmation,
  lockParticipants,
  markParticipantLeft,
  type SviConnectionRow,
  type SviParticipantRow,
  saveParticipantJoined,
  sviNumberTaken,
  updateConnection,
} from './status-verification.repository.ts';

/**
 * Status Verification Interface (issue 4, item 8; ../shared/domain/ctpat-program.md §3.7):
 * certified members consent to SVI ("join"), send and accept connection requests by SVI number,
 * and see the current CTPAT status of the partners they are connected with, in the app or by
 * API token. A company that does not take part (never joined, or left) is never revealed: every
 * question about it answers the same 404 as a number nobody holds.
 */

/** One answer for "nobody holds this number", "that company left SVI" and "not connected". */
export const SVI_PARTNER_NOT_FOUND = 'No SVI participant with this number is connected to you';
const SVI_NUMBER_UNKNOWN = 'No company taking part in SVI has this number';

/** Who hears of a partner's connection request or acceptance: the people who manage SVI. */
const SVI_MANAGERS: readonly Role[] = ['company_officer', 'company_admin'];

/** How many status confirmations the company's list shows (the audit trail keeps them all). */
const STATUS_CONFIRMATIONS_SHOWN = 50;

// ---------------------------------------------------------------------------------------------
// Actors and preconditions

/** The tenant (check 3): the member company the actor acts for. */
function ownOrganisation(ctx: ServiceContext): string {
  const own = actorOrganisationId(ctx.actor);
  if (own === null) {
    throw new AppError('FORBIDDEN', 'Act for a member company to use SVI');
  }
  return own;
}

function actorUserId(ctx: ServiceContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

function isParticipating(row: SviParticipantRow | null | undefined): row is SviParticipantRow {
  return row !== null && row !== undefined && row.leftAt === null;
}

/**
 * 409 unless the company's membership is certified or validated (Tier I, II or III): only
 * certified members verify each other through SVI (ctpat-program.md §3.7).
 */
function assertCertified(row: MembershipRow | null, what: string): TierStatus {
  if (!row) {
    throw new AppError(
      'CONFLICT',
      `Only a certified or validated CTPAT member ${what}; your company has no CTPAT membership yet.`,
    );
  }
  if (!isTierStatus(row.status)) {
    throw new AppError(
      'CONFLICT',
      `Only a certified or validated CTPAT member ${what}; your company is not: ${describeState(stateOfRow(row))}.`,
    );
  }
  return row.status;
}

function assertParticipating(
  row: SviParticipantRow | null | undefined,
  what: string,
): SviParticipantRow {
  if (!isParticipating(row)) {
    throw new AppError('CONFLICT', `Your company does not take part in SVI: join SVI ${what}.`);
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// Views

async function legalNameOf(db: Db, organisationId: string): Promise<string> {
  return (await organisationSummaries(db, [organisationId])).get(organisationId)?.legalName ?? '';
}

function participationView(
  row: SviParticipantRow | null,
  membership: MembershipRow | null,
): SviParticipation {
  const participating = isParticipating(row);
  return {
    participating,
    sviNumber: participating ? row.sviNumber : null,
    joinedAt: participating ? row.joinedAt.toISOString() : null,
    leftAt: row?.leftAt?.toISOString() ?? null,
    mayJoin: membership !== null && isTierStatus(membership.status),
  };
}

/** The partner's current status as a connected partner sees it. */
async function partnerStatusOf(
  db: Db,
  partner: SviParticipantRow,
  legalName: string,
): Promise<SviPartnerStatus> {
  const [membership, entityTypes] = await Promise.all([
    findMembership(db, partner.organisationId),
    findEntityTypes(db, partner.organisationId),
  ]);
  if (!membership) {
    // svi_participants references partner_memberships: a participant always has one.
    throw new Error(`SVI participant ${partner.organisationId} has no membership row`);
  }
  return {
    sviNumber: partner.sviNumber,
    legalName,
    entityTypes: entityTypes.map((entry) => entry.entityType),
    status: membership.status,
    tier: membership.tier,
    statusSince: membership.statusSince,
    asOf: membership.updatedAt.toISOString(),
  };
}

function partnerOf(row: SviConnectionRow, own: string): string {
  return row.requesterOrganisationId === own
    ? row.recipientOrganisationId
    : row.requesterOrganisationId;
}

/**
 * Connections as the company sees them. The partner's status is shown only for an accepted
 * connection while both companies still take part in SVI: never for a request (the partner has
 * not agreed yet) nor one declined, cancelled or ended.
 */
async function connectionViews(
  db: Db,
  own: string,
  rows: readonly SviConnectionRow[],
): Promise<SviConnection[]> {
  const partnerIds = [...new Set(rows.map((row) => partnerOf(row, own)))];
  const [participants, names, self] = await Promise.all([
    findParticipantsByIds(db, partnerIds),
    organisationSummaries(db, partnerIds),
    findParticipant(db, own),
  ]);
  const byId = new Map(participants.map((row) => [row.organisationId, row]));
  return Promise.all(
    rows.map(async (row) => {
      const partnerId = partnerOf(row, own);
      const partner = byId.get(partnerId);
      if (!partner) {
        throw new Error(`SVI connection ${row.id} names a company that never joined SVI`);
      }
      const legalName = names.get(partnerId)?.legalName ?? '';
      const visible =
        row.status === 'accepted' && isParticipating(self) && isParticipating(partner);
      return {
        id: row.id,
        direction: row.requesterOrganisationId === own ? 'outgoing' : 'incoming',
        status: row.status,
        partner: { sviNumber: partner.sviNumber, legalName },
        requestedAt: row.requestedAt.toISOString(),
        respondedAt: row.respondedAt?.toISOString() ?? null,
        partnerStatus: visible ? await partnerStatusOf(db, partner, legalName) : null,
      } satisfies SviConnection;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Notifications

/** In-app and e-mail notice to the people who manage SVI at `organisationId`. */
async function notifySviManagers(
  ctx: ServiceContext,
  tx: Db,
  organisationId: string,
  notice: { kind: NotificationKind; key: string; params: Record<string, string> },
): Promise<void> {
  const people = await membersWithRoles(tx, organisationId, SVI_MANAGERS);
  for (const person of people) {
    await notifyFrom(ctx, tx, {
      key: `${notice.key}:${person.userId}`,
      kind: notice.kind,
      // The e-mail's link is absolute (PUBLIC_URL); the inbox links within the app.
      params: { ...notice.params, link: `${ctx.runtime.publicUrl}/svi` },
      link: '/svi',
      organisationId,
      userId: person.userId,
      email: emailTo(person),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Joining and leaving

/** Whether the caller's company takes part in SVI, its SVI number, and whether it may join. */
export async function getParticipation(ctx: ServiceContext): Promise<SviParticipation> {
  const own = ownOrganisation(ctx);
  const [row, membership] = await Promise.all([
    findParticipant(ctx.db, own),
    findMembership(ctx.db, own),
  ]);
  return participationView(row, membership);
}

/** A random SVI number no company holds or held (node:crypto: unguessable). */
async function newSviNumber(tx: Db): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const candidate = generateSviNumber((bound) => randomInt(bound));
    if (!(await sviNumberTaken(tx, candidate))) {
      return candidate;
    }
  }
  // 60 random bits: five collisions in a row mean the random source is broken.
  throw new Error('Could not draw an unused SVI number');
}

/**
 * The company consents to SVI: its legal name, entity types, CTPAT status and tier will be
 * shown to the partners it connects with. Only a certified or validated member joins, and a
 * person consents (not an API token). Joining again after leaving draws a new SVI number: a
 * number given out before leaving no longer reaches the company, so leaving is final for
 * everyone who held the old one.
 */
export async function joinSvi(ctx: ServiceContext, _body: JoinSviBody): Promise<SviParticipation> {
  const own = ownOrganisation(ctx);
  const userId = actorUserId(ctx);
  if (userId === null) {
    throw new AppError('FORBIDDEN', 'A person consents to SVI for the company, not an API token');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // Locked, so a suspension cannot land between the check and the join.
    const membership = await findMembership(tx, own, { forUpdate: true });
    assertCertified(membership, 'can join SVI');
    const existing: SviParticipantRow | null = (await lockParticipants(tx, [own])).get(own) ?? null;
    if (existing !== null && existing.leftAt === null) {
      throw new AppError('CONFLICT', 'Your company already takes part in SVI');
    }
    const sviNumber = await newSviNumber(tx);
    await saveParticipantJoined(tx, {
      organisationId: own,
      sviNumber,
      joinedAt: now,
      joinedByUserId: userId,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'svi.joined',
      targetType: 'svi_participant',
      targetId: own,
      organisationId: own,
      before: existing
        ? { sviNumber: existing.sviNumber, leftAt: existing.leftAt?.toISOString() ?? null }
        : null,
      after: { sviNumber, consent: true, joinedAt: now.toISOString() },
    });
  });
  return getParticipation(ctx);
}

/**
 * The company withdraws its consent: it leaves SVI and every pending or accepted connection
 * ends (status `ended`), so no partner sees its status any more.
 */
export async function leaveSvi(ctx: ServiceContext): Promise<SviParticipation> {
  const own = ownOrganisation(ctx);
  const userId = actorUserId(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const participant = assertParticipating(
      (await lockParticipants(tx, [own])).get(own),
      'before leaving it',
    );
    const open = await findOpenConnectionsOf(tx, own);
    for (const connection of open) {
      await updateConnection(tx, connection.id, {
        status: 'ended',
        endedAt: now,
        endedByUserId: userId,
      });
    }
    await markParticipantLeft(tx, own, now, userId);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'svi.left',
      targetType: 'svi_participant',
      targetId: own,
      organisationId: own,
      before: { sviNumber: participant.sviNumber, joinedAt: participant.joinedAt.toISOString() },
      after: {
        leftAt: now.toISOString(),
        endedConnections: open.map((connection) => ({
          id: connection.id,
          status: connection.status,
        })),
      },
    });
  });
  return getParticipation(ctx);
}

// ---------------------------------------------------------------------------------------------
// Connections

/** The company's pending (incoming and outgoing) and accepted connections. */
export async function listConnections(ctx: ServiceContext): Promise<SviConnectionList> {
  const own = ownOrganisation(ctx);
  const rows = await findOpenConnectionsOf(ctx.db, own);
  return { items: await connectionViews(ctx.db, own, rows) };
}

async function connectionView(ctx: ServiceContext, own: string, id: string) {
  const row = await findConnectionOf(ctx.db, own, id);
  if (!row) {
    throw notFound('SVI connection');
  }
  const [view] = await connectionViews(ctx.db, own, [row]);
  if (!view) {
    throw notFound('SVI connection');
  }
  return view;
}

/**
 * Sends a connection request to the company holding `sviNumber`. Whether nobody holds the
 * number or its company has left SVI, the answer is the same 404: a company that does not take
 * part is never revealed.
 */
export async function requestConnection(
  ctx: ServiceContext,
  body: RequestSviConnectionBody,
): Promise<SviConnection> {
  const own = ownOrganisation(ctx);
  const sviNumber = normaliseSviNumber(body.sviNumber);
  if (sviNumber === null) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: [
        { path: 'body.sviNumber', message: `is not an SVI number (e.g. ${SVI_NUMBER_EXAMPLE})` },
      ],
    });
  }
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const target = await findActiveParticipantByNumber(tx, sviNumber);
    if (target?.organisationId === own) {
      throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
        issues: [{ path: 'body.sviNumber', message: 'is your own company’s SVI number' }],
      });
    }
    const locked = await lockParticipants(tx, target ? [own, target.organisationId] : [own]);
    assertParticipating(locked.get(own), 'before connecting with partners');
    assertCertified(await findMembership(tx, own), 'connects with partners in SVI');
    // Checked again under the lock: the partner may have left meanwhile.
    const recipient = target ? locked.get(target.organisationId) : undefined;
    if (!target || !isParticipating(recipient) || recipient.sviNumber !== sviNumber) {
      throw new AppError('NOT_FOUND', SVI_NUMBER_UNKNOWN);
    }
    if (await findOpenConnectionBetween(tx, own, recipient.organisationId)) {
      throw new AppError(
        'CONFLICT',
        'Your company already has a pending or accepted SVI connection with this partner',
      );
    }
    await insertConnection(tx, {
      id,
      requesterOrganisationId: own,
      recipientOrganisationId: recipient.organisationId,
      status: 'pending',
      requestedByUserId: actorUserId(ctx),
      requestedAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'svi_connection.requested',
      targetType: 'svi_connection',
      targetId: id,
      organisationId: own,
      after: {
        status: 'pending',
        recipientOrganisationId: recipient.organisationId,
        recipientSviNumber: sviNumber,
      },
    });
    await notifySviManagers(ctx, tx, recipient.organisationId, {
      kind: 'svi_connection_requested',
      key: `svi_connection_requested:${id}`,
      params: { partner: await legalNameOf(tx, own) },
    });
  });
  return connectionView(ctx, own, id);
}

interface ActionRule {
  /** Which side of the connection may take the action. */
  side: 'recipient' | 'requester' | 'either';
  from: SviConnectionStatus;
  to: SviConnectionStatus;
  sideRefusal: string;
}

const ACTION_RULES: Readonly<Record<SviConnectionAction, ActionRule>> = {
  accept: {
    side: 'recipient',
    from: 'pending',
    to: 'accepted',
    sideRefusal: 'Only the company that received the request accepts it',
  },
  decline: {
    side: 'recipient',
    from: 'pending',
    to: 'declined',
    sideRefusal: 'Only the company that received the request declines it',
  },
  cancel: {
    side: 'requester',
    from: 'pending',
    to: 'cancelled',
    sideRefusal: 'Only the company that sent the request cancels it',
  },
  end: {
    side: 'either',
    from: 'accepted',
    to: 'ended',
    sideRefusal: 'Only a company in the connection ends it',
  },
};

const ACTION_AUDIT = {
  accept: 'svi_connection.accepted',
  decline: 'svi_connection.declined',
  cancel: 'svi_connection.cancelled',
  end: 'svi_connection.ended',
} as const satisfies Record<SviConnectionAction, string>;

/**
 * Accepts or declines a request (the recipient), cancels one (the requester, while pending) or
 * ends an accepted connection (either side). Another company's connection answers 404.
 */
export async function actOnConnection(
  ctx: ServiceContext,
  connectionId: string,
  action: SviConnectionAction,
): Promise<SviConnection> {
  const own = ownOrganisation(ctx);
  const rule = ACTION_RULES[action];
  const userId = actorUserId(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const found = await findConnectionOf(tx, own, connectionId);
    if (!found) {
      throw notFound('SVI connection');
    }
    await lockParticipants(tx, [found.requesterOrganisationId, found.recipientOrganisationId]);
    // Read again under the lock: every change to a pair's connections holds both locks.
    const row = await findConnectionOf(tx, own, connectionId);
    if (!row) {
      throw notFound('SVI connection');
    }
    const side = row.requesterOrganisationId === own ? 'requester' : 'recipient';
    if (rule.side !== 'either' && rule.side !== side) {
      throw new AppError('FORBIDDEN', rule.sideRefusal);
    }
    if (row.status !== rule.from) {
      throw new AppError(
        'CONFLICT',
        `This SVI connection is ${row.status}; only a ${rule.from} one can be ${rule.to}`,
      );
    }
    if (action === 'accept') {
      assertCertified(await findMembership(tx, own), 'accepts SVI connections');
    }
    const changes =
      action === 'accept' || action === 'decline'
        ? { status: rule.to, respondedAt: now, respondedByUserId: userId }
        : { status: rule.to, endedAt: now, endedByUserId: userId };
    await updateConnection(tx, row.id, changes);
    const partner = partnerOf(row, own);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: ACTION_AUDIT[action],
      targetType: 'svi_connection',
      targetId: row.id,
      organisationId: own,
      before: { status: row.status },
      after: { status: rule.to, partnerOrganisationId: partner },
    });
    if (action === 'accept') {
      await notifySviManagers(ctx, tx, partner, {
        kind: 'svi_connection_accepted',
        key: `svi_connection_accepted:${row.id}`,
        params: { partner: await legalNameOf(tx, own) },
      });
    }
  });
  return connectionView(ctx, own, connectionId);
}

/**
 * The machine verification answer: the current status of the partner holding `sviNumber`,
 * only when the caller's company and that partner are connected (accepted) and both still take
 * part in SVI. Any other case, including a malformed number, is the same 404.
 */
export async function getPartnerStatus(
  ctx: ServiceContext,
  sviNumberInput: string,
): Promise<SviPartnerStatus> {
  const own = ownOrganisation(ctx);
  const hidden = new AppError('NOT_FOUND', SVI_PARTNER_NOT_FOUND);
  const sviNumber = normaliseSviNumber(sviNumberInput);
  if (sviNumber === null) {
    throw hidden;
  }
  const [self, partner] = await Promise.all([
    findParticipant(ctx.db, own),
    findActiveParticipantByNumber(ctx.db, sviNumber),
  ]);
  if (!isParticipating(self) || !partner || partner.organisationId === own) {
    throw hidden;
  }
  const connection = await findOpenConnectionBetween(ctx.db, own, partner.organisationId);
  if (connection?.status !== 'accepted') {
    throw hidden;
  }
  return partnerStatusOf(ctx.db, partner, await legalNameOf(ctx.db, partner.organisationId));
}

// ---------------------------------------------------------------------------------------------
// Official status confirmations to non-members

/** The status an e-mail confirms, in the recipient's language (tier statuses only can send). */
const TIER_STATUS_WORDING: Readonly<Record<Language, Record<TierStatus, string>>> = {
  en: {
    certified: 'Certified (Tier I)',
    validated: 'Certified and validated (Tier II)',
    validated_exceeds: 'Certified and validated, exceeding the minimum criteria (Tier III)',
  },
  es: {
    certified: 'Certificado (Nivel I)',
    validated: 'Certificado y validado (Nivel II)',
    validated_exceeds: 'Certificado y validado, supera los criterios mínimos (Nivel III)',
  },
};

/**
 * E-mails an official confirmation of the company's current CTPAT status to someone without an
 * account (ctpat-program.md §3.7: the Portal sends one to non-Portal parties). The e-mail says
 * only the company's legal name, status, tier, since when, and when it was issued. Only a
 * company that takes part in SVI and is certified or validated sends one.
 */
export async function sendStatusConfirmation(
  ctx: ServiceContext,
  body: SendStatusConfirmationBody,
): Promise<SviStatusConfirmation> {
  const own = ownOrganisation(ctx);
  const language: Language = body.language ?? 'en';
  const recipientEmail = body.recipientEmail.trim().toLowerCase();
  const recipientName = body.recipientName.trim();
  const id = randomUUID();
  const now = ctx.clock.now();
  const sent = await ctx.db.transaction(async (tx) => {
    assertParticipating(
      (await lockParticipants(tx, [own])).get(own),
      'to send official status confirmations',
    );
    const membership = await findMembership(tx, own, { forUpdate: true });
    const status = assertCertified(membership, 'sends an official status confirmation');
    const statusSince = membership?.statusSince ?? '';
    const tier = membership?.tier ?? null;
    const company = await legalNameOf(tx, own);
    await insertStatusConfirmation(tx, {
      id,
      organisationId: own,
      recipientEmail,
      recipientName,
      sentByUserId: actorUserId(ctx),
      sentAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'svi.status_confirmation_sent',
      targetType: 'svi_status_confirmation',
      targetId: id,
      organisationId: own,
      after: { recipientEmail, recipientName, status, tier, statusSince, language },
    });
    await notifyFrom(ctx, tx, {
      key: `svi_status_confirmation:${id}`,
      kind: 'svi_status_confirmation',
      params: {
        recipientName,
        company,
        status: TIER_STATUS_WORDING[language][status],
        since: statusSince,
        asOf: now.toISOString(),
      },
      link: null,
      organisationId: own,
      // E-mail only: the recipient has no account.
      userId: null,
      email: { to: recipientEmail, language },
    });
    return { status, tier };
  });
  return {
    id,
    recipientEmail,
    recipientName,
    sentAt: now.toISOString(),
    status: sent.status,
    tier: sent.tier,
  };
}

/** The company's latest status confirmations, newest first. */
export async function listStatusConfirmations(
  ctx: ServiceContext,
): Promise<SviStatusConfirmationList> {
  const rows = await findStatusConfirmationsOf(
    ctx.db,
    ownOrganisation(ctx),
    STATUS_CONFIRMATIONS_SHOWN,
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      recipientEmail: row.recipientEmail,
      recipientName: row.recipientName,
      sentAt: row.sentAt.toISOString(),
    })),
  };
}
