import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SessionListSchema,
  SessionViewSchema,
  SignInBodySchema,
  SwitchOrganisationBodySchema,
} from '../../../domain/accounts/session.schema.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/authentication.ts';
import {
  describeSession,
  describeSessionToken,
  listMySessions,
  revokeMySession,
  signIn,
  signOut,
  signOutEverywhereElse,
  switchOrganisation,
} from './sessions.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

/** Sign-in and sign-in attempts from one address are limited before lockout even starts. */
export const SIGN_IN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

export const sessionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/sign-in',
    {
      config: { permission: null, rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags: ['sessions'],
        summary: 'Sign in with e-mail and password; then the MFA step when one is required',
        body: SignInBodySchema,
        response: { 200: SessionViewSchema, 429: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const { token, expiresAt } = await signIn(ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, ctx.runtime, token, expiresAt);
      return describeSessionToken(ctx, token);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { permission: null },
      schema: {
        tags: ['sessions'],
        summary: 'The current session: user, organisation, role, permissions, CSRF token',
        response: { 200: SessionViewSchema },
      },
    },
    (request) => describeSession(request.serviceContext(), request.sessionToken),
  );

  app.post(
    '/auth/sign-out',
    {
      config: { permission: null },
      schema: {
        tags: ['sessions'],
        summary: 'Sign out of this session',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      await signOut(ctx);
      clearSessionCookie(reply, ctx.runtime);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere-else',
    {
      config: { permission: 'account:manage' },
      schema: {
        tags: ['sessions'],
        summary: 'Sign out every other session of this user',
        response: { 200: z.object({ revoked: z.number().int() }), ...errors },
      },
    },
    (request) => signOutEverywhereElse(request.serviceContext()),
  );

  app.get(
    '/auth/sessions',
    {
      config: { permission: 'account:manage' },
      schema: {
        tags: ['sessions'],
        summary: "The signed-in user's active sessions",
        response: { 200: SessionListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listMySessions(request.serviceContext()) }),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      config: { permission: 'account:manage' },
      schema: {
        tags: ['sessions'],
        summary: 'Revoke one of your sessions',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 404: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await revokeMySession(request.serviceContext(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/auth/session/organisation',
    {
      config: { permission: 'account:manage' },
      schema: {
        tags: ['sessions'],
        summary: 'Act for another organisation you belong to',
        body: SwitchOrganisationBodySchema,
        response: { 200: SessionViewSchema, 404: ErrorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const ctx = request.serviceContext();
      await switchOrganisation(ctx, request.body.organisationId);
      return describeSessionToken(ctx, request.sessionToken);
    },
  );
};
