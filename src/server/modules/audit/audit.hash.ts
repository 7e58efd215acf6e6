import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

/** The first link of every chain points at this. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers: everything but the database id. */
export interface ChainedContent {
  chain: string;
  seq: number;
  organisationId: string | null;
  actorUserId: string | null;
  actorApiTokenId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  occurredAt: string;
  requestId: string | null;
  clientAddress: string | null;
}

/**
 * SHA-256 over the previous hash and the event's canonical JSON (keys sorted at every depth, so
 * jsonb's own key order in storage does not matter).
 */
export function auditHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(stringify(content) ?? '')
    .digest('hex');
}
