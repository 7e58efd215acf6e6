import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../domain/authorization/permissions.ts';
import type { Clock } from '../domain/time/clock.ts';
import type { Db } from './db/database.ts';
import type { Runtime } from './runtime.ts';

/**
 * What every use case receives: `fn(ctx, input)`. Services never see request or reply, so they
 * run the same from a route, the CLI, a job or a test.
 */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  clock: Clock;
  log: FastifyBaseLogger;
  requestId: string | null;
  /** The client's address (behind a trusted proxy: from X-Forwarded-For). */
  clientAddress: string | null;
  runtime: Runtime;
}

/** Where an audited change came from, as the audit trail records it. */
export function auditOrigin(ctx: ServiceContext) {
  return {
    actor: ctx.actor,
    now: ctx.clock.now(),
    requestId: ctx.requestId,
    clientAddress: ctx.clientAddress,
  };
}
