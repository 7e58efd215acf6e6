import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../../domain/api/pagination.schema.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import {
  NotificationSchema,
  OutboxEmailSchema,
} from '../../../domain/notifications/notification-kinds.ts';
import {
  countMyUnread,
  listMyNotifications,
  listOutbox,
  markAllMyNotificationsRead,
  markMyNotificationRead,
} from './notifications.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      config: { permission: 'notifications:read' },
      schema: {
        tags: ['notifications'],
        summary: 'Your inbox, newest first',
        querystring: PageQuerySchema.extend({
          unreadOnly: z
            .enum(['true', 'false'])
            .default('false')
            .transform((value) => value === 'true'),
        }),
        response: {
          200: pageOf(NotificationSchema).extend({ unread: z.number().int() }),
          ...errors,
        },
      },
    },
    (request) => listMyNotifications(request.serviceContext(), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { permission: 'notifications:read' },
      schema: {
        tags: ['notifications'],
        summary: 'How many notifications you have not read',
        response: { 200: z.object({ unread: z.number().int() }), ...errors },
      },
    },
    async (request) => ({ unread: await countMyUnread(request.serviceContext()) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { permission: 'notifications:read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 404: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await markMyNotificationRead(request.serviceContext(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: { permission: 'notifications:read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark every notification read',
        response: { 200: z.object({ marked: z.number().int() }), ...errors },
      },
    },
    (request) => markAllMyNotificationsRead(request.serviceContext()),
  );

  app.get(
    '/outbox',
    {
      config: { permission: 'outbox:read:any' },
      schema: {
        tags: ['notifications'],
        summary: 'Every e-mail the system sent or captured (administrators)',
        querystring: PageQuerySchema,
        response: { 200: pageOf(OutboxEmailSchema), ...errors },
      },
    },
    (request) => listOutbox(request.serviceContext(), request.query),
  );
};
