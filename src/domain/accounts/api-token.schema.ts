import { z } from 'zod';
import { PERMISSIONS, type Permission } from '../authorization/permissions.ts';

export const API_TOKEN_NAME_MAX = 100;
export const API_TOKEN_LIFETIME_DAYS_MAX = 365;

/**
 * Permissions about a person's own account, inbox or second factor: meaningless for a machine
 * client, which acts for its organisation, so never granted to a token.
 */
export const PERSONAL_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'account:manage',
  'mfa:enrol',
  'notifications:read',
]);

/**
 * Whether a permission may be granted to an API token at all: never `:any` (cross-tenant reach
 * belongs to people, and actorForApiToken drops it anyway) and never a personal one. On top of
 * this the creator must hold the permission (checked by the service).
 */
export function isGrantableToApiToken(permission: Permission): boolean {
  return !permission.endsWith(':any') && !PERSONAL_PERMISSIONS.has(permission);
}

export const CreateApiTokenBodySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(API_TOKEN_NAME_MAX, `must be at most ${API_TOKEN_NAME_MAX} characters`)
    .describe('What the token is for, e.g. "ERP nightly sync"'),
  permissions: z
    .array(
      z.enum(PERMISSIONS).refine(isGrantableToApiToken, {
        message: 'cannot be granted to an API token (cross-tenant or personal permission)',
      }),
    )
    .min(1, 'name at least one permission')
    .max(PERMISSIONS.length)
    .describe('What the token may do: each one you hold yourself, never an :any permission'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(API_TOKEN_LIFETIME_DAYS_MAX)
    .describe(`Lifetime in days (1-${API_TOKEN_LIFETIME_DAYS_MAX})`),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBodySchema>;

export const ApiTokenStatusSchema = z.enum(['active', 'expired', 'revoked']);

export const ApiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
    permissions: z.array(z.enum(PERMISSIONS)),
    status: ApiTokenStatusSchema,
    createdBy: z.object({ userId: z.uuid(), email: z.string(), displayName: z.string() }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });

export const CreatedApiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    permissions: z.array(z.enum(PERMISSIONS)),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    token: z
      .string()
      .describe(
        'The secret, shown this once and never again: send it as "Authorization: Bearer <token>"',
      ),
  })
  .meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

export const ApiTokenIdParamsSchema = z.object({ id: z.uuid() });
