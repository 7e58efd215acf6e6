import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../domain/authorization/permissions.ts';
import type { Clock } from '../domain/time/clock.ts';
import type { Db } from './db/database.ts';

/**
 * What every use case receives: `fn(ctx, input)`. Services never see request or reply, so they
 * run the same from a route, the CLI, a job or a test.
 */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  clock: Clock;
  log: FastifyBaseLogger;
  requestId: string;
}
