import { z } from 'zod';
import { AppError } from '../../../domain/errors/error-codes.ts';
import type {
  ProtestQueueQuery,
  ProtestSummary,
} from '../../../domain/protests/protest-api.schema.ts';
import { parseProtestNumber } from '../../../domain/protests/protest-number.ts';
import { validateCbpEntryNumber } from '../../../domain/registry/identifiers/cbp-entry-number.ts';
import { validateImporterOfRecordNumber } from '../../../domain/registry/identifiers/importer-of-record-number.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import type { ServiceContext } from '../../service-context.ts';
import { peopleWithRoles } from '../identity/users.service.ts';
import {
  findQueuePage,
  OPEN_PROTEST_STATUSES,
  type ProtestQueueSearch,
  type QueueKey,
  queueKeyOf,
} from './protest-queue.repository.ts';
import { protestSummaries } from './protest-view.service.ts';

/**
 * CBP's protest review queue (issue 7, item 4; ADR 0027): open protests in priority order,
 * filtered by Center, reviewer, status, Trade Compliance and number, keyset-paged. The route
 * requires `protest:read:any` (check 1); the queue is agency-wide, so there is no tenant to
 * scope (check 3).
 */

function queryIssue(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request is not valid', {
    issues: [{ path: `querystring.${field}`, message }],
  });
}

/**
 * The canonical spellings `q` can stand for: a protest number in any historical form, an entry
 * number, an importer number, and the text as typed (upper-cased) for anything else stored.
 */
export function numbersToFind(q: string): string[] {
  const found = new Set<string>([q.trim().toUpperCase()]);
  for (const result of [
    parseProtestNumber(q),
    validateCbpEntryNumber(q),
    validateImporterOfRecordNumber(q),
  ]) {
    if (result.ok) {
      found.add(result.value);
    }
  }
  return [...found];
}

/** The repository's search for the API's filters (`reviewer=me` is the caller). */
export function queueSearchOf(ctx: ServiceContext, query: ProtestQueueQuery): ProtestQueueSearch {
  let reviewerUserId: string | null | undefined;
  if (query.reviewer === 'me') {
    if (ctx.actor.kind !== 'user') {
      throw queryIssue('reviewer', 'me needs a person signed in (an API token has no assignments)');
    }
    reviewerUserId = ctx.actor.userId;
  } else if (query.reviewer === 'unassigned') {
    reviewerUserId = null;
  } else {
    reviewerUserId = query.reviewer;
  }
  return {
    statuses: query.status ? [query.status] : OPEN_PROTEST_STATUSES,
    center: query.center,
    reviewerUserId,
    tradeCompliance:
      query.tradeCompliance === undefined ? undefined : query.tradeCompliance === 'true',
    numbers: query.q === undefined ? undefined : numbersToFind(query.q),
  };
}

const CursorSchema = z.tuple([z.number().int().min(0).max(2), z.iso.date(), z.uuid()]);

export function encodeQueueCursor(key: QueueKey): string {
  return encodeCursor([key.rank, key.date, key.id]);
}

export function decodeQueueCursor(cursor: string): QueueKey {
  const [rank, date, id] = decodeCursor(cursor, CursorSchema);
  return { rank, date, id };
}

/** One page of the queue, in priority order, each row with its next clock. */
export async function listProtestQueue(
  ctx: ServiceContext,
  query: ProtestQueueQuery,
): Promise<{ items: ProtestSummary[]; nextCursor: string | null }> {
  const search = queueSearchOf(ctx, query);
  const after = query.cursor ? decodeQueueCursor(query.cursor) : undefined;
  const rows = await findQueuePage(ctx.db, search, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await protestSummaries(ctx, ctx.db, page),
    nextCursor: rows.length > query.limit && last ? encodeQueueCursor(queueKeyOf(last)) : null,
  };
}

export const PROTEST_REVIEWER_ROLE = 'protest_reviewer' as const;

/** Every protest reviewer, by name: whom a protest can be assigned to and the queue filters by. */
export async function listProtestReviewers(
  ctx: ServiceContext,
): Promise<{ items: { userId: string; displayName: string }[] }> {
  const people = await peopleWithRoles(ctx.db, [PROTEST_REVIEWER_ROLE]);
  const seen = new Set<string>();
  return {
    items: people.flatMap((person) => {
      if (seen.has(person.userId)) return [];
      seen.add(person.userId);
      return [{ userId: person.userId, displayName: person.displayName }];
    }),
  };
}
