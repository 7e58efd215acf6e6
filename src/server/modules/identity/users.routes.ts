import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangeRoleBodySchema,
  MemberListSchema,
  MemberSchema,
  UserIdParamsSchema,
} from '../../../domain/accounts/users.schema.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import { changeMemberRole, listMembers, removeMember } from './users.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

/** The people of the organisation the session acts for, and their roles. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { permission: 'users:read' },
      schema: {
        tags: ['users'],
        summary: "Your organisation's people: name, e-mail, role, joined, two-step verification",
        response: { 200: MemberListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listMembers(request.serviceContext()) }),
  );

  app.patch(
    '/users/:userId',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: "Change a person's role (never above your own; a company keeps one officer)",
        params: UserIdParamsSchema,
        body: ChangeRoleBodySchema,
        response: {
          200: MemberSchema,
          404: ErrorResponseSchema,
          409: ErrorResponseSchema,
          ...errors,
        },
      },
    },
    (request) => changeMemberRole(request.serviceContext(), request.params.userId, request.body),
  );

  app.delete(
    '/users/:userId',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['users'],
        summary: 'Remove a person from your organisation and end their sessions acting for it',
        params: UserIdParamsSchema,
        response: { 204: z.null(), 404: ErrorResponseSchema, 409: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await removeMember(request.serviceContext(), request.params.userId);
      return reply.status(204).send(null);
    },
  );
};
