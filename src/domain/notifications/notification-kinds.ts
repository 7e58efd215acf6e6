import { z } from 'zod';

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
