import { type AuditAction, redactSecrets } from '../../../domain/audit/audit-events.ts';
import type { Actor } from '../../../domain/authorization/permissions.ts';
import type { Db } from '../../db/database.ts';
import { auditHash, type ChainedContent, GENESIS_HASH } from './audit.hash.ts';
import {
  type AuditRow,
  countTargetEventsSinceLast,
  findChainBatch,
  findChainHead,
  findChains,
  insertAuditRow,
  lockChain,
} from './audit.repository.ts';

export const SYSTEM_CHAIN = 'system';

export interface AuditInput {
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  /** The tenant the change belongs to; null for events outside any organisation. */
  organisationId: string | null;
  /** Changed fields before and after; secret-looking fields are redacted automatically. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Who and where: taken from the service context of the change being audited. */
export interface AuditOrigin {
  actor: Actor;
  /** The role the actor held when acting (users); null otherwise. */
  now: Date;
  requestId: string | null;
  clientAddress: string | null;
}

function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case 'user':
      return { actorUserId: actor.userId, actorApiTokenId: null, actorRole: actor.role };
    case 'api_token':
      return { actorUserId: null, actorApiTokenId: actor.tokenId, actorRole: 'api_token' };
    case 'anonymous':
      return { actorUserId: null, actorApiTokenId: null, actorRole: null };
    case 'operator':
      return { actorUserId: null, actorApiTokenId: null, actorRole: 'operator' };
  }
}

/**
 * Appends one event to its organisation's chain. Call it with the transaction that makes the
 * change, so the change and its audit event commit or roll back together.
 */
export async function appendAuditEvent(
  tx: Db,
  origin: AuditOrigin,
  input: AuditInput,
): Promise<AuditRow> {
  const chain = input.organisationId ?? SYSTEM_CHAIN;
  await lockChain(tx, chain);
  const head = await findChainHead(tx, chain);
  const content: ChainedContent = {
    chain,
    seq: (head?.seq ?? 0) + 1,
    organisationId: input.organisationId,
    ...actorColumns(origin.actor),
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    before: input.before ? redactSecrets(input.before) : null,
    after: input.after ? redactSecrets(input.after) : null,
    occurredAt: origin.now.toISOString(),
    requestId: origin.requestId,
    clientAddress: origin.clientAddress,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  return insertAuditRow(tx, {
    ...content,
    occurredAt: origin.now,
    prevHash,
    hash: auditHash(prevHash, content),
  });
}

/**
 * How many times `action` happened to a target since one of `sinceLastOf` last did (since
 * `notBefore` when none has), read from the trail: for counters that need no column of their
 * own, e.g. the wrong MFA codes entered in a session since a code last verified it. `notBefore`
 * bounds the read (say, the session's start) so it stays small however long the trail grows.
 */
export function countEventsSinceLast(
  db: Db,
  query: {
    targetType: string;
    targetId: string;
    action: AuditAction;
    sinceLastOf: readonly AuditAction[];
    notBefore: Date;
  },
): Promise<number> {
  return countTargetEventsSinceLast(db, query);
}

export type AuditVerification =
  | { ok: true; chains: number; events: number }
  | { ok: false; chain: string; seq: number; id: number | null; problem: string; events: number };

function contentOf(row: AuditRow): ChainedContent {
  return {
    chain: row.chain,
    seq: row.seq,
    organisationId: row.organisationId,
    actorUserId: row.actorUserId,
    actorApiTokenId: row.actorApiTokenId,
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before: row.before,
    after: row.after,
    occurredAt: row.occurredAt.toISOString(),
    requestId: row.requestId,
    clientAddress: row.clientAddress,
  };
}

/**
 * Walks every chain in order and recomputes every hash. Reports the first broken link: an
 * edited event (its hash no longer matches its content), a deleted one (a gap in seq, or the
 * next event's prev_hash pointing at a hash that is not there), or a re-linked one. With
 * `chain`, only that chain (an organisation id, or `system`).
 */
export async function verifyAuditTrail(
  db: Db,
  batchSize = 1000,
  options: { chain?: string | undefined } = {},
): Promise<AuditVerification> {
  const chains = options.chain === undefined ? await findChains(db) : [options.chain];
  let events = 0;
  for (const chain of chains) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const batch = await findChainBatch(db, chain, expectedSeq - 1, batchSize);
      for (const row of batch) {
        const broken = (problem: string): AuditVerification => ({
          ok: false,
          chain,
          seq: row.seq,
          id: row.id,
          problem,
          events,
        });
        if (row.seq !== expectedSeq) {
          return broken(
            `event ${expectedSeq} is missing (deleted?): the chain jumps to ${row.seq}`,
          );
        }
        if (row.prevHash !== prevHash) {
          return broken(
            'its prev_hash does not match the previous event (an event before it was changed or removed)',
          );
        }
        if (auditHash(prevHash, contentOf(row)) !== row.hash) {
          return broken('its content does not match its hash (the event was edited)');
        }
        prevHash = row.hash;
        expectedSeq += 1;
        events += 1;
      }
      if (batch.length < batchSize) {
        break;
      }
    }
  }
  return { ok: true, chains: chains.length, events };
}
