import { z } from 'zod';
import { ROLES } from '../authorization/roles.ts';
import { DisplayNameSchema, OneTimeTokenSchema, PasswordInputSchema } from './account.schema.ts';
import { EmailSchema } from './session.schema.ts';

export const CreateInvitationBodySchema = z.object({
  email: EmailSchema,
  role: z.enum(ROLES),
});
export type CreateInvitationBody = z.infer<typeof CreateInvitationBodySchema>;

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(ROLES),
    invitedBy: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;

export const InvitationListSchema = z
  .object({ items: z.array(InvitationSchema) })
  .meta({ id: 'InvitationList' });

export const InvitationIdParamsSchema = z.object({ id: z.uuid() });

export const InvitationTokenQuerySchema = z.object({ token: OneTimeTokenSchema });

export const InvitationPreviewSchema = z
  .object({
    organisationName: z.string(),
    role: z.enum(ROLES),
    email: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'InvitationPreview' });
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/**
 * Accepting an invitation. A new person gives a name and a password; someone who already has
 * an account accepts while signed in and gives neither (the service names a missing field).
 */
export const AcceptInvitationBodySchema = z.object({
  token: OneTimeTokenSchema,
  displayName: DisplayNameSchema.optional(),
  password: PasswordInputSchema.optional(),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBodySchema>;
