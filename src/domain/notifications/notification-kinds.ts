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
  // withdrawn, assigned, decided, a set-aside of a further review denial requested, decided or
  // considered denied (protests.service.ts, the protest review, protest-set-aside.service.ts).
  'protest_filed',
  'protest_status_changed',
  // CBP decided a protest, or it was deemed denied: the decision and the court deadline
  // (protest-review.service.ts, protest-deemed-denials.ts).
  'protest_decided',
  // The Court of International Trade deadline, the last day to amend or an entry's filing
  // window is 30 or 7 days away, or an accelerated disposition is deemed denied at the end of
  // today (protest-deemed-denials.ts, protest-filing-reminders.ts).
  'protest_deadline_reminder',
  // A validation report was submitted for approval (to the office's supervisory specialists),
  // returned to its author, or approved and issued to the member (validation-report.service.ts).
  'validation_report_submitted',
  'validation_report_returned',
  'validation_report_issued',
  // Planning and scheduling of validations (validation-notifications.ts): a validation was
  // assigned to a specialist, an annual plan gave a specialist validations, the written notice
  // of a (re)scheduled validation to the member, a cancellation.
  'validation_assigned',
  'validation_plan_assigned',
  'validation_scheduled',
  'validation_cancelled',
  // Responses to a validation report (validation-responses.service.ts): the member answered a
  // required action (to the specialist), the specialist accepted or returned it (to the member
  // company); the validation closed (member company and specialist), on the suspension path
  // (the office's supervisory specialists decide the suspension); the response deadline is 30
  // or 7 days away or passed (member company), and passed (specialist; validation-reminders.ts).
  'validation_response_submitted',
  'validation_response_accepted',
  'validation_response_returned',
  'validation_closed',
  'validation_suspension_decision_due',
  'validation_responses_due',
  'validation_responses_overdue',
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
