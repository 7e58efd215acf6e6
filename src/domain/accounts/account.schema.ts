import { z } from 'zod';
import { EmailSchema } from './session.schema.ts';

/** A person's name as shown to others: trimmed, 1–100 characters. */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters');

export const LanguageSchema = z.enum(['en', 'es']);

/**
 * A password as the API accepts it. The policy (length in code points, common passwords,
 * context words) is checked by the service, which names the field; this bound only stops an
 * attacker from making the server hash megabytes.
 */
export const PasswordInputSchema = z.string().min(1, 'is required').max(1024, 'is too long');

/** A one-time token from an e-mailed link (256 bits, base64url: 43 characters). */
export const OneTimeTokenSchema = z
  .string()
  .min(1, 'is required')
  .max(200, 'is not a token this service issued');

export const AccountProfileSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    preferredLanguage: LanguageSchema,
  })
  .meta({ id: 'AccountProfile' });
export type AccountProfile = z.infer<typeof AccountProfileSchema>;

export const UpdateAccountBodySchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    preferredLanguage: LanguageSchema.optional(),
  })
  .refine((body) => body.displayName !== undefined || body.preferredLanguage !== undefined, {
    message: 'give displayName, preferredLanguage or both',
  });
export type UpdateAccountBody = z.infer<typeof UpdateAccountBodySchema>;

export const ChangePasswordBodySchema = z.object({
  currentPassword: PasswordInputSchema,
  newPassword: PasswordInputSchema,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const ChangeEmailBodySchema = z.object({
  newEmail: EmailSchema,
  currentPassword: PasswordInputSchema,
});
export type ChangeEmailBody = z.infer<typeof ChangeEmailBodySchema>;

export const TokenBodySchema = z.object({ token: OneTimeTokenSchema });

export const EmailChangedSchema = z.object({ email: z.string() }).meta({ id: 'EmailChanged' });

export const PasswordResetRequestBodySchema = z.object({ email: EmailSchema });

export const PasswordResetCompleteBodySchema = z.object({
  token: OneTimeTokenSchema,
  password: PasswordInputSchema,
});
export type PasswordResetCompleteBody = z.infer<typeof PasswordResetCompleteBodySchema>;

/** The answer of a request whose outcome arrives by e-mail (202 Accepted). */
export const AcceptedSchema = z.object({ message: z.string() }).meta({ id: 'Accepted' });
