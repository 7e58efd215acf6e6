import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors/error-codes.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';

const HealthSchema = z.object({ status: z.literal('ok') });

export interface HealthRoutesOptions {
  /** Resolves when the database answers; rejects when it does not. */
  pingDatabase: () => Promise<void>;
}

/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers). */
export const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, options) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is up',
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database is reachable',
        response: { 200: HealthSchema, 503: ErrorResponseSchema },
      },
    },
    async (request) => {
      try {
        await options.pingDatabase();
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed: database unreachable');
        throw new AppError('SERVICE_UNAVAILABLE', 'The database is not reachable');
      }
      return { status: 'ok' as const };
    },
  );
};
