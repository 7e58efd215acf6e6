import { z } from 'zod';

/** The six digits an authenticator app shows; surrounding spaces are forgiven. */
export const TotpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app')
  .describe('The current 6-digit code from the authenticator app');

/** A recovery code as typed (`xxxx-xxxx-xxxx`, any case, dashes optional). */
export const RecoveryCodeSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64, 'is too long')
  .describe('One of the recovery codes, e.g. abcd-efgh-jkmn');

export const MfaCodeBodySchema = z.object({ code: TotpCodeSchema });
export type MfaCodeBody = z.infer<typeof MfaCodeBodySchema>;

/** The second sign-in step: either the authenticator code or one recovery code. */
export const MfaVerifyBodySchema = z
  .object({
    code: TotpCodeSchema.optional(),
    recoveryCode: RecoveryCodeSchema.optional(),
  })
  .superRefine((body, context) => {
    if ((body.code === undefined) === (body.recoveryCode === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['code'],
        message: 'give either the code from your authenticator app or a recovery code',
      });
    }
  });
export type MfaVerifyBody = z.infer<typeof MfaVerifyBodySchema>;

export const TotpEnrolmentSchema = z
  .object({
    secret: z.string().describe('The secret in base32, for typing into the app by hand'),
    otpauthUri: z.string().describe('otpauth://totp/… URI (what the QR code holds)'),
    qrCodeDataUrl: z.string().describe('The URI as a QR code: a data:image/png;base64 URL'),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

export const RecoveryCodesSchema = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .describe('Single-use codes, shown this once: store them somewhere safe'),
  })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

export const MfaStatusSchema = z
  .object({
    enrolled: z.boolean().describe('A confirmed authenticator exists'),
    pendingEnrolment: z.boolean().describe('Enrolment started and awaits its first code'),
    recoveryCodesRemaining: z.number().int(),
  })
  .meta({ id: 'MfaStatus' });
export type MfaStatus = z.infer<typeof MfaStatusSchema>;
