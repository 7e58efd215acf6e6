import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RawRequestDefaultExpression } from 'fastify';
import fp from 'fastify-plugin';
import { type Actor, anonymousActor } from '../../domain/authorization/permissions.ts';
import type { Clock } from '../../domain/time/clock.ts';
import type { Db } from '../db/database.ts';
import type { Runtime } from '../runtime.ts';
import type { ServiceContext } from '../service-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The service context for this request: database, actor, clock, logger, request id. */
    serviceContext(): ServiceContext;
  }
}

const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming request id is kept only if it is short and plain, so it is safe in logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify `genReqId`: reuse a caller's x-request-id (from a proxy) or make a new UUID. */
export function requestIdFrom(raw: RawRequestDefaultExpression): string {
  const incoming = raw.headers[REQUEST_ID_HEADER];
  if (typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming)) {
    return incoming;
  }
  return randomUUID();
}

export interface RequestContextOptions {
  db: Db;
  clock: Clock;
  runtime: Runtime;
}

export const requestContextPlugin = fp<RequestContextOptions>(
  async (app: FastifyInstance, options) => {
    // Fastify forbids object-valued request decorators (they would be shared between
    // requests), so the actor lives in a per-request WeakMap. Until authentication (issue 3)
    // sets one, a request acts anonymously.
    const actors = new WeakMap<FastifyRequest, Actor>();
    app.decorateRequest('actor', {
      getter(this: FastifyRequest) {
        return actors.get(this) ?? anonymousActor();
      },
      setter(this: FastifyRequest, actor: Actor) {
        actors.set(this, actor);
      },
    });
    app.decorateRequest('serviceContext', function serviceContext(this: FastifyRequest) {
      return {
        db: options.db,
        actor: this.actor,
        clock: options.clock,
        log: this.log,
        requestId: this.id,
        clientAddress: this.ip,
        runtime: options.runtime,
      };
    });
    app.addHook('onSend', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  },
  { name: 'request-context' },
);
