import { z } from 'zod';
import { MEMBERSHIP_NOTIFICATION_KINDS } from '../registry/lifecycle/membership-transitions.ts';
import { SVI_PARTNER_NOTIFICATION_KINDS } from '../registry/status-verification/svi-partner-notifications.ts';

/**
 * Every kind of notification the system sends. In-app texts are translations in the web app
 * (`notifications.<kind>`); e-mail texts are the server's templates, in the recipient's
 * language. Later modules add their deadline reminders here.
 */
export const NOTIFICATION_KINDS = [
  'invitation',
  'password_reset',
  'email_change',
  'email_changed',
  'new_sign_in',
  'mfa_enrolled',
  'mfa_disabled',
  'recovery_codes_regenerated',
  'recovery_code_used',
  'membership_role_changed',
  'account_locked',
  'password_changed',
  // Every CTPAT membership lifecycle transition (membership-transitions.ts).
  ...MEMBERSHIP_NOTIFICATION_KINDS,
  // CBP accepted or refused a company's request to join the 3PL pilot (pilot.service.ts).
  'pilot_request_decided',
  // Status Verification Interface (status-verification.service.ts): a partner asked to connect
  // or accepted; an official status confirmation e-mailed to a non-member.
  'svi_connection_requested',
  'svi_connection_accepted',
  'svi_status_confirmation',
  // A connected SVI partner's status changed (no reason: SVI shares status only).
  ...SVI_PARTNER_NOTIFICATION_KINDS,
  // An evidence document reaches 30 or 7 days before its expiry date, or the date itself
  // (evidence-reminders.ts).
  'evidence_expiring',
  // A section of the Security Profile was assigned to someone (security-profile.service.ts).
  'profile_section_assigned',
  // A Security Profile version was submitted, returned or approved (profile-review.service.ts).
  'profile_submitted',
  'profile_returned',
  'profile_approved',
  // The annual review window opened, or the anniversary is 30 or 7 days away, and the cycle is
  // not submitted (annual-review-reminders.ts).
  'annual_review_due',
  // A protest was filed (or recorded), or its status changed: accelerated disposition requested,
  // withdrawn, assigned, decided (protests.service.ts and the protest review).
  'protest_filed',
  'protest_status_changed',
  // CBP decided a protest, or it was deemed denied: the decision and the court deadline
  // (protest-review.service.ts, protest-deemed-denials.ts).
  'protest_decided',
  // The Court of International Trade deadline is 30 or 7 days away, or an accelerated
  // disposition is deemed denied at the end of today (protest-deemed-denials.ts).
  'protest_deadline_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    params: z.record(z.string(), z.string()).describe('Values the message text refers to'),
    link: z.string().nullable().describe('Where in the app the notification leads'),
    organisationId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const OutboxEmailSchema = z
  .object({
    id: z.uuid(),
    toAddress: z.string(),
    subject: z.string(),
    textBody: z.string(),
    status: z.enum(['pending', 'sent', 'failed', 'captured']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'OutboxEmail' });
export type OutboxEmail = z.infer<typeof OutboxEmailSchema>;
