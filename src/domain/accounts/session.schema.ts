import { z } from 'zod';
import { PERMISSIONS } from '../authorization/permissions.ts';
import { ROLES } from '../authorization/roles.ts';
import { ORGANISATION_KINDS } from '../organisations/organisation.schema.ts';

export const EmailSchema = z
  .email({ message: 'must be an e-mail address' })
  .max(254, 'must be at most 254 characters');

export const SignInBodySchema = z.object({
  email: EmailSchema,
  // Bounded so an attacker cannot make the server hash megabytes; the policy applies at sign-up.
  password: z.string().min(1, 'is required').max(1024, 'is too long'),
});
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const MfaStateSchema = z.enum([
  'not_required',
  'verified',
  'verification_required',
  'enrolment_required',
]);

export const MembershipSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationKind: z.enum(ORGANISATION_KINDS),
  role: z.enum(ROLES),
});

export const SessionViewSchema = z
  .discriminatedUnion('signedIn', [
    z.object({ signedIn: z.literal(false) }),
    z.object({
      signedIn: z.literal(true),
      user: z.object({
        id: z.uuid(),
        email: z.string(),
        displayName: z.string(),
        preferredLanguage: z.enum(['en', 'es']),
        hasAuthenticator: z.boolean(),
      }),
      organisationId: z.uuid().nullable().describe('The organisation the session acts for'),
      role: z.enum(ROLES).nullable(),
      mfa: MfaStateSchema.describe(
        'verification_required / enrolment_required block everything else',
      ),
      permissions: z.array(z.enum(PERMISSIONS)),
      memberships: z.array(MembershipSchema),
      csrfToken: z
        .string()
        .describe('Send as the x-csrf-token header on every state-changing request'),
    }),
  ])
  .meta({ id: 'SessionView' });
export type SessionView = z.infer<typeof SessionViewSchema>;

export const SessionSummarySchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const SessionListSchema = z.object({ items: z.array(SessionSummarySchema) });

export const SwitchOrganisationBodySchema = z.object({ organisationId: z.uuid() });
