import type { Role } from '../../../domain/authorization/roles.ts';
import type { NotificationKind } from '../../../domain/notifications/notification-kinds.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../service-context.ts';
import { membersWithRoles } from '../identity/users.service.ts';
import { emailTo, notifyFrom } from '../notifications/notifications.service.ts';
import { organisationSummaries } from '../organisations/organisations.service.ts';

/**
 * Who hears of a Security Profile round (issue 5, item 5): the people who answer for the company
 * (officers and admins) at every step, and the member's assigned specialist when a version is
 * submitted for review. Sent in the change's transaction, once per person and event.
 */

const COMPANY_ROLES: readonly Role[] = ['company_officer', 'company_admin'];
const SPECIALIST_ROLES: readonly Role[] = ['scss', 'supervisory_scss'];

export type ProfileRoundKind = Extract<
  NotificationKind,
  'profile_submitted' | 'profile_returned' | 'profile_approved'
>;

export interface ProfileRoundNotice {
  kind: ProfileRoundKind;
  /** The audit event of the change: makes each notification's idempotency key. */
  eventId: string | number;
  organisationId: string;
  versionId: string;
  number: number;
  on: string;
  /** Also tell the assigned specialist (submission): null when none is assigned yet. */
  specialist: { userId: string; officeId: string } | null;
}

export async function notifyProfileRound(
  ctx: ServiceContext,
  tx: Db,
  notice: ProfileRoundNotice,
): Promise<void> {
  const names = await organisationSummaries(tx, [notice.organisationId]);
  const params = {
    organisation: names.get(notice.organisationId)?.legalName ?? '',
    number: String(notice.number),
    date: notice.on,
  };
  const company = (await membersWithRoles(tx, notice.organisationId, COMPANY_ROLES)).map(
    (person) => ({
      person,
      organisationId: notice.organisationId,
      link: `/profile/versions/${notice.versionId}`,
    }),
  );
  const { specialist } = notice;
  const cbp = specialist
    ? (await membersWithRoles(tx, specialist.officeId, SPECIALIST_ROLES))
        .filter((person) => person.userId === specialist.userId)
        .map((person) => ({
          person,
          organisationId: specialist.officeId,
          link: `/cbp/profiles/${notice.versionId}`,
        }))
    : [];
  const seen = new Set<string>();
  for (const { person, organisationId, link } of [...company, ...cbp]) {
    const key = `${notice.kind}:${notice.eventId}:${person.userId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await notifyFrom(ctx, tx, {
      key,
      kind: notice.kind,
      params: { ...params, link: `${ctx.runtime.publicUrl}${link}` },
      link,
      organisationId,
      userId: person.userId,
      email: emailTo(person),
    });
  }
}
