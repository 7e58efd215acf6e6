import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
  queryOptions,
} from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../../domain/api/pagination.schema.ts';
import {
  NotificationSchema,
  OutboxEmailSchema,
} from '../../../../domain/notifications/notification-kinds.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

const InboxPageSchema = pageOf(NotificationSchema).extend({ unread: z.number().int() });
export type InboxPage = z.infer<typeof InboxPageSchema>;
const OutboxPageSchema = pageOf(OutboxEmailSchema);
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  inbox: (unreadOnly: boolean) => ['notifications', 'inbox', { unreadOnly }] as const,
  outbox: ['outbox'] as const,
};

/** How often the header's unread count asks again. */
export const UNREAD_POLL_MS = 60_000;

export function unreadCountQuery() {
  return queryOptions({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) =>
      apiGet('/api/v1/notifications/unread-count', z.object({ unread: z.number().int() }), {
        signal,
      }),
    refetchInterval: UNREAD_POLL_MS,
    staleTime: UNREAD_POLL_MS / 2,
  });
}

export function inboxQuery(unreadOnly: boolean) {
  return infiniteQueryOptions<
    InboxPage,
    Error,
    InfiniteData<InboxPage, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: notificationKeys.inbox(unreadOnly),
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/notifications', InboxPageSchema, {
        query: { limit: 25, cursor: pageParam, unreadOnly: unreadOnly ? 'true' : undefined },
        signal,
      }),
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function markNotificationRead(id: string) {
  return apiSend('POST', `/api/v1/notifications/${encodeURIComponent(id)}/read`, z.null());
}

export function markAllNotificationsRead() {
  return apiSend('POST', '/api/v1/notifications/read-all', z.object({ marked: z.number().int() }));
}

export function outboxQuery() {
  return infiniteQueryOptions<
    OutboxPage,
    Error,
    InfiniteData<OutboxPage, string | null>,
    QueryKey,
    string | null
  >({
    queryKey: notificationKeys.outbox,
    queryFn: ({ pageParam, signal }) =>
      apiGet('/api/v1/outbox', OutboxPageSchema, {
        query: { limit: 25, cursor: pageParam },
        signal,
      }),
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
