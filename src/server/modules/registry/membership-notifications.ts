import type { Role } from '../../../domain/authorization/roles.ts';
import type {
  NotificationAudience,
  TransitionEffects,
} from '../../../domain/registry/lifecycle/membership-transitions.ts';
import { sviPartnerNotificationKind } from '../../../domain/registry/status-verification/svi-partner-notifications.ts';
import type { CalendarDate } from '../../../domain/time/calendar-date.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import { emailTo, notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';
import { findSviConnectedOrganisations } from './membership-audiences.repository.ts';

/**
 * The notifications of a lifecycle transition (issue 4, item 5: "every transition: ... audit
 * event, notification"). The domain's table names the kind and the audiences
 * (membership-transitions.ts); this resolves each audience to people and sends in the
 * transition's transaction, so the change and the message about it commit together.
 */

/** The member roles that answer for the company (the domain's `member_company` audience). */
const COMPANY_ROLES: readonly Role[] = ['company_officer', 'company_admin'];
const SPECIALIST_ROLES: readonly Role[] = ['scss', 'supervisory_scss'];
const SUPERVISOR_ROLES: readonly Role[] = ['supervisory_scss'];

export interface TransitionNotice {
  /** The audit event of the transition: makes each notification's idempotency key. */
  eventId: string | number;
  /** What the domain's transition table says to send, to whom (applyTransition's effects). */
  notifications: TransitionEffects['notifications'];
  organisationId: string;
  on: CalendarDate;
  reason: string | null;
  /** After the transition (an assignment names the new specialist and office). */
  assignedSpecialistUserId: string | null;
  cbpOfficeId: string | null;
}

interface Recipient {
  userId: string;
  email: string;
  preferredLanguage: string;
  /** The organisation the recipient acts for when reading it. */
  organisationId: string;
  link: string;
}

/** Where each audience reads about the member: its own file, CBP's file of it, or SVI. */
function linkFor(audience: NotificationAudience, memberId: string): string {
  switch (audience) {
    case 'member_company':
      return '/membership';
    case 'svi_connections':
      return '/svi';
    default:
      return `/cbp/members/${memberId}`;
  }
}

async function recipientsOf(
  db: Db,
  audience: NotificationAudience,
  notice: Pick<TransitionNotice, 'organisationId' | 'assignedSpecialistUserId' | 'cbpOfficeId'>,
): Promise<Recipient[]> {
  const link = linkFor(audience, notice.organisationId);
  const people = async (organisationId: string, roles: readonly Role[]) =>
    (await membersWithRoles(db, organisationId, roles)).map((member) => ({
      userId: member.userId,
      email: member.email,
      preferredLanguage: member.preferredLanguage,
      organisationId,
      link,
    }));
  switch (audience) {
    case 'member_company':
      return people(notice.organisationId, COMPANY_ROLES);
    case 'assigned_specialist': {
      // None before a specialist is assigned.
      const { assignedSpecialistUserId: specialist, cbpOfficeId: office } = notice;
      if (specialist === null || office === null) return [];
      return (await people(office, SPECIALIST_ROLES)).filter((one) => one.userId === specialist);
    }
    case 'cbp_supervisors':
      // The supervisors of the member's office. Before assignment the member has no office yet:
      // a new application then reaches CBP through the work queue of unassigned applications.
      return notice.cbpOfficeId === null ? [] : people(notice.cbpOfficeId, SUPERVISOR_ROLES);
    case 'svi_connections': {
      const partners = await findSviConnectedOrganisations(db, notice.organisationId);
      return (await Promise.all(partners.map((partner) => people(partner, COMPANY_ROLES)))).flat();
    }
  }
}

/** Sends the transition's notifications to every audience, once per person and kind. */
export async function notifyTransition(
  ctx: ServiceContext,
  tx: Db,
  notice: TransitionNotice,
): Promise<void> {
  if (notice.notifications.length === 0) return;
  const names = await organisationSummaries(tx, [notice.organisationId]);
  const params: Record<string, string> = {
    organisation: names.get(notice.organisationId)?.legalName ?? '',
    date: notice.on,
    reason: notice.reason ?? '',
  };
  const seen = new Set<string>();
  for (const { kind: memberKind, audience } of notice.notifications) {
    // SVI partners get their own text: the change and the date, never CBP's reason.
    const partnerKind =
      audience === 'svi_connections' ? sviPartnerNotificationKind(memberKind) : null;
    if (audience === 'svi_connections' && partnerKind === null) continue;
    const kind = partnerKind ?? memberKind;
    const sent = partnerKind
      ? { organisation: params.organisation ?? '', date: notice.on }
      : params;
    for (const recipient of await recipientsOf(tx, audience, notice)) {
      const key = `${kind}:${notice.eventId}:${recipient.userId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await notifyFrom(ctx, tx, {
        key,
        kind,
        params: sent,
        link: recipient.link,
        organisationId: recipient.organisationId,
        userId: recipient.userId,
        email: emailTo(recipient),
      });
    }
  }
}
