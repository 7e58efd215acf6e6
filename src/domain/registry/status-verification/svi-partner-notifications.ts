import type { MembershipNotificationKind } from '../lifecycle/membership-transitions.ts';

/**
 * What SVI partners hear when a connected member's status changes (issue 4, item 8: "notified of
 * changes (suspension, removal, withdrawal)"). SVI shares status, nothing else: the partner's
 * message names the company, the change and the date, never CBP's reason, which stays between
 * CBP and the member. Hence kinds of their own rather than the member's own `membership_*` texts.
 */
export const SVI_PARTNER_NOTIFICATION_KINDS = [
  'svi_partner_suspended',
  'svi_partner_reinstated',
  'svi_partner_removed',
  'svi_partner_withdrew',
] as const;
export type SviPartnerNotificationKind = (typeof SVI_PARTNER_NOTIFICATION_KINDS)[number];

const PARTNER_KIND: Partial<Record<MembershipNotificationKind, SviPartnerNotificationKind>> = {
  membership_suspended: 'svi_partner_suspended',
  membership_reinstated: 'svi_partner_reinstated',
  membership_removed: 'svi_partner_removed',
  membership_removed_unanswered_suspension: 'svi_partner_removed',
  membership_withdrawn: 'svi_partner_withdrew',
};

/** The partner-facing kind of a membership notification, or null if partners do not hear it. */
export function sviPartnerNotificationKind(
  kind: MembershipNotificationKind,
): SviPartnerNotificationKind | null {
  return PARTNER_KIND[kind] ?? null;
}
