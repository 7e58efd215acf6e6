import {
  type Actor,
  PERMISSIONS,
  type Permission,
} from '../../../domain/authorization/permissions.ts';
import type { Db } from '../../db/database.ts';
import { hashToken } from '../../security/tokens.ts';
import { findUsableApiToken, markApiTokenUsed } from './api-tokens.repository.ts';

/** API tokens read `ctpat_<random>`; the prefix lets secret scanners recognise a leaked one. */
export const API_TOKEN_PREFIX = 'ctpat_';

/** last_used_at is written at most this often per token. */
const MARK_USED_INTERVAL_MS = 60_000;

const KNOWN = new Set<string>(PERMISSIONS);
function isPermission(value: string): value is Permission {
  return KNOWN.has(value);
}

/**
 * The actor behind a bearer token: the token's organisation and exactly the permissions it was
 * given (never `:any`: those belong to people, not machines, until a module needs otherwise).
 */
export async function actorForApiToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) {
    return null;
  }
  const row = await findUsableApiToken(db, hashToken(token), now);
  if (!row) {
    return null;
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > MARK_USED_INTERVAL_MS) {
    await markApiTokenUsed(db, row.organisationId, row.id, now);
  }
  return {
    kind: 'api_token',
    tokenId: row.id,
    organisationId: row.organisationId,
    permissions: new Set(row.permissions.filter(isPermission).filter((p) => !p.endsWith(':any'))),
  };
}
