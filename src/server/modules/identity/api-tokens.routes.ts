import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenIdParamsSchema,
  ApiTokenListSchema,
  CreateApiTokenBodySchema,
  CreatedApiTokenSchema,
} from '../../../domain/accounts/api-token.schema.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

export const apiTokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api-tokens',
    {
      config: { permission: 'api_tokens:manage' },
      schema: {
        tags: ['api-tokens'],
        summary: 'Create an API token for a machine client; the token is shown this once',
        body: CreateApiTokenBodySchema,
        response: { 201: CreatedApiTokenSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(request.serviceContext(), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api-tokens',
    {
      config: { permission: 'api_tokens:manage' },
      schema: {
        tags: ['api-tokens'],
        summary: "Your organisation's API tokens (never the secrets)",
        response: { 200: ApiTokenListSchema, ...errors },
      },
    },
    (request) => listApiTokens(request.serviceContext()),
  );

  app.delete(
    '/api-tokens/:id',
    {
      config: { permission: 'api_tokens:manage' },
      schema: {
        tags: ['api-tokens'],
        summary: 'Revoke an API token: the next request with it answers 401',
        params: ApiTokenIdParamsSchema,
        response: { 204: z.null(), 404: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await revokeApiToken(request.serviceContext(), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
