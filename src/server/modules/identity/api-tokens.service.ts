import { randomUUID } from 'node:crypto';
import {
  type ApiToken,
  type CreateApiTokenBody,
  type CreatedApiToken,
  isGrantableToApiToken,
} from '../../../domain/accounts/api-token.schema.ts';
import { PERMISSIONS, type Permission } from '../../../domain/authorization/permissions.ts';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import { generateToken, hashToken } from '../../security/tokens.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { appendAuditEvent } from '../audit/audit.service.ts';
import { API_TOKEN_PREFIX } from './api-token-actor.ts';
import {
  type ApiTokenRow,
  findApiToken,
  findApiTokensOfOrganisation,
  insertApiToken,
  revokeApiToken as revokeApiTokenRow,
} from './api-tokens.repository.ts';

/** How many characters of a token are kept in the clear, so lists can tell tokens apart. */
export const API_TOKEN_DISPLAY_PREFIX_LENGTH = 10;

const DAY_MS = 86_400_000;

const KNOWN = new Set<string>(PERMISSIONS);
function isPermission(value: string): value is Permission {
  return KNOWN.has(value);
}

/** The organisation whose tokens the actor manages (the tenant, check 3). */
function tenantOf(ctx: ServiceContext): string {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') {
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  }
  if (actor.kind === 'operator' || actor.organisationId === null) {
    throw new AppError('FORBIDDEN', 'Act for an organisation to manage its API tokens');
  }
  return actor.organisationId;
}

function statusOf(row: ApiTokenRow, now: Date): ApiToken['status'] {
  if (row.revokedAt !== null) {
    return 'revoked';
  }
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/**
 * Creates a token for the actor's organisation and returns its secret, once: only its SHA-256
 * and a short display prefix are stored. People only: a token cannot mint tokens (it could
 * otherwise outlive its own revocation through its offspring). A token gets only permissions
 * its creator holds, never `:any` and never a personal one.
 */
export async function createApiToken(
  ctx: ServiceContext,
  input: CreateApiTokenBody,
): Promise<CreatedApiToken> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'API tokens are created by people, not by other API tokens');
  }
  const organisationId = tenantOf(ctx);
  const permissions = [...new Set(input.permissions)].sort();
  const notGrantable = permissions.filter((permission) => !isGrantableToApiToken(permission));
  if (notGrantable.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: notGrantable.map((permission) => ({
        path: 'body.permissions',
        message: `${permission} cannot be granted to an API token`,
      })),
    });
  }
  const notHeld = permissions.filter((permission) => !actor.permissions.has(permission));
  if (notHeld.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      'An API token can only be given permissions you hold yourself',
      { permissions: notHeld },
    );
  }

  const now = ctx.clock.now();
  const token = `${API_TOKEN_PREFIX}${generateToken(32)}`;
  const id = randomUUID();
  const prefix = token.slice(0, API_TOKEN_DISPLAY_PREFIX_LENGTH);
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  await ctx.db.transaction(async (tx) => {
    await insertApiToken(tx, {
      organisationId,
      id,
      name: input.name,
      prefix,
      tokenHash: hashToken(token),
      permissions,
      createdByUserId: actor.userId,
      expiresAt,
      createdAt: now,
    });
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'api_token.created',
      targetType: 'api_token',
      targetId: id,
      organisationId,
      // Never the token itself: the name, the display prefix and what it may do.
      after: { name: input.name, prefix, permissions, expiresAt: expiresAt.toISOString() },
    });
  });
  return {
    id,
    name: input.name,
    prefix,
    permissions,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    token,
  };
}

/** Every token of the actor's organisation, revoked and expired ones included, newest first. */
export async function listApiTokens(ctx: ServiceContext): Promise<{ items: ApiToken[] }> {
  const organisationId = tenantOf(ctx);
  const now = ctx.clock.now();
  const rows = await findApiTokensOfOrganisation(ctx.db, organisationId);
  return {
    items: rows.map(({ token, creatorEmail, creatorDisplayName }) => ({
      id: token.id,
      name: token.name,
      prefix: token.prefix,
      permissions: token.permissions.filter(isPermission),
      status: statusOf(token, now),
      createdBy: {
        userId: token.createdByUserId,
        email: creatorEmail,
        displayName: creatorDisplayName,
      },
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      revokedAt: token.revokedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Revokes a token of the actor's organisation; the next request with it answers 401. Another
 * tenant's token answers 404. Revoking a revoked token again changes nothing.
 */
export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<void> {
  const organisationId = tenantOf(ctx);
  const found = await findApiToken(ctx.db, organisationId, id);
  if (!found) {
    throw notFound('API token');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeApiTokenRow(tx, organisationId, id, now))) {
      return;
    }
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'api_token.revoked',
      targetType: 'api_token',
      targetId: id,
      organisationId,
      before: { name: found.name, prefix: found.prefix, revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
  });
}
