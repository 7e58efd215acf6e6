import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const OPENAPI_JSON_PATH = '/api/openapi.json';
export const API_DOCS_PATH = '/api/docs';

/** OpenAPI 3.1 generated from the routes' Zod schemas, and a browsable UI. */
export const openApiPlugin = fp(
  async (app: FastifyInstance, options: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'OpenCTPAT API',
          description:
            'The Customs Trade Partnership Against Terrorism program, end to end. Every error ' +
            'answers { "error": { "code", "message", "details" } }.',
          version: options.version,
        },
        tags: [
          { name: 'organisations', description: 'Member companies and CBP offices' },
          { name: 'sessions', description: 'Sign-in, sign-out and sessions' },
          { name: 'account', description: 'Your own account, e-mail change and password reset' },
          { name: 'invitations', description: 'Inviting people into an organisation' },
          { name: 'users', description: "An organisation's people and their roles" },
          {
            name: 'mfa',
            description: 'Two-step verification: authenticator apps and recovery codes',
          },
          { name: 'notifications', description: 'The in-app inbox and the e-mail outbox' },
          { name: 'api-tokens', description: 'API tokens for machine clients' },
          { name: 'audit', description: 'The audit trail: viewer and CSV export' },
          {
            name: 'svi',
            description:
              'Status Verification Interface: consent, connections between members, partner status (also by API token), status confirmations',
          },
          { name: 'operations', description: 'Health and readiness' },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: API_DOCS_PATH, staticCSP: true });
    app.get(OPENAPI_JSON_PATH, { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
