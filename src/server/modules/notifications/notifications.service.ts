import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, notFound } from '../../../domain/errors/error-codes.ts';
import type {
  Notification,
  NotificationKind,
  OutboxEmail,
} from '../../../domain/notifications/notification-kinds.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import type { ServiceContext } from '../../service-context.ts';
import { type Language, languageOf, renderEmail } from './email-templates.ts';
import {
  countUnreadOfUser,
  findNotificationsOfUser,
  findOutbox,
  insertNotification,
  insertOutboxEmail,
  markAllRead,
  markNotificationRead,
  type NotificationRow,
  type OutboxRow,
} from './notifications.repository.ts';

export interface NotificationRequest {
  /**
   * Idempotency key: the same key never notifies twice, so a retried job or request is safe.
   * Build it from what makes the event unique, e.g. `mfa_enrolled:<userId>:<time>`.
   */
  key: string;
  kind: NotificationKind;
  params: Record<string, string>;
  /** Where in the app it leads (a path such as /account/security), or null. */
  link: string | null;
  organisationId: string | null;
  /** In-app recipient; null for e-mail-only messages to someone without an account yet. */
  userId: string | null;
  /** E-mail recipient and language; null for in-app only. */
  email: { to: string; language: Language } | null;
}

/** The e-mail of a notification to someone with an account: their address, in their language. */
export function emailTo(person: { email: string; preferredLanguage: string }): {
  to: string;
  language: Language;
} {
  return { to: person.email, language: languageOf(person.preferredLanguage) };
}

/**
 * Records a notification in the inbox and/or queues its e-mail, in the caller's transaction, so
 * a change and the message about it commit together. With SMTP configured the e-mail waits as
 * `pending` for the sender; without, it is `captured` in the outbox for an administrator to read.
 */
export async function notify(
  db: Db,
  options: { now: Date; smtpConfigured: boolean },
  request: NotificationRequest,
): Promise<void> {
  if (request.userId !== null) {
    await insertNotification(db, {
      id: randomUUID(),
      key: request.key,
      userId: request.userId,
      organisationId: request.organisationId,
      kind: request.kind,
      params: request.params,
      link: request.link,
      createdAt: options.now,
    });
  }
  if (request.email !== null) {
    const rendered = renderEmail(request.kind, request.email.language, request.params);
    await insertOutboxEmail(db, {
      id: randomUUID(),
      key: `${request.key}:email`,
      toAddress: request.email.to,
      subject: rendered.subject,
      textBody: rendered.text,
      status: options.smtpConfigured ? 'pending' : 'captured',
      createdAt: options.now,
    });
  }
}

/** notify() with the settings of a service context. */
export function notifyFrom(
  ctx: ServiceContext,
  db: Db,
  request: NotificationRequest,
): Promise<void> {
  return notify(
    db,
    { now: ctx.clock.now(), smtpConfigured: ctx.runtime.mail.smtpUrl !== null },
    request,
  );
}

const CursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeTimeCursor(row: { createdAt: Date; id: string }): string {
  return encodeCursor([row.createdAt.toISOString(), row.id]);
}

export function decodeTimeCursor(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = decodeCursor(cursor, CursorSchema);
  return { createdAt: new Date(createdAt), id };
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    organisationId: row.organisationId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function requireUserId(ctx: ServiceContext): string {
  if (ctx.actor.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'Only people have an inbox');
  }
  return ctx.actor.userId;
}

export async function listMyNotifications(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string | undefined; unreadOnly: boolean },
) {
  const userId = requireUserId(ctx);
  const rows = await findNotificationsOfUser(ctx.db, userId, {
    limit: query.limit + 1,
    before: query.cursor ? decodeTimeCursor(query.cursor) : undefined,
    unreadOnly: query.unreadOnly,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(toNotification),
    nextCursor: rows.length > query.limit && last ? encodeTimeCursor(last) : null,
    unread: await countUnreadOfUser(ctx.db, userId),
  };
}

export async function countMyUnread(ctx: ServiceContext): Promise<number> {
  return countUnreadOfUser(ctx.db, requireUserId(ctx));
}

/** Reading a notification is not a change worth auditing: it is the user's own inbox state. */
export async function markMyNotificationRead(ctx: ServiceContext, id: string): Promise<void> {
  const found = await markNotificationRead(ctx.db, requireUserId(ctx), id, ctx.clock.now());
  if (!found) {
    throw notFound('Notification');
  }
}

export async function markAllMyNotificationsRead(ctx: ServiceContext): Promise<{ marked: number }> {
  return { marked: await markAllRead(ctx.db, requireUserId(ctx), ctx.clock.now()) };
}

/** Links in e-mails carry single-use tokens; once delivered, nobody else needs to see them. */
const LINK = /https?:\/\/\S+/g;

function toOutboxEmail(row: OutboxRow): OutboxEmail {
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    // A captured e-mail is only delivered by an administrator reading it here, so it is shown
    // whole; a sent one keeps its text but not its links.
    textBody:
      row.status === 'captured'
        ? row.textBody
        : row.textBody.replace(LINK, '[link removed after delivery]'),
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** The outbox, newest first: for administrators (`outbox:read:any`, checked on the route). */
export async function listOutbox(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string | undefined },
) {
  const rows = await findOutbox(ctx.db, {
    limit: query.limit + 1,
    before: query.cursor ? decodeTimeCursor(query.cursor) : undefined,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(toOutboxEmail),
    nextCursor: rows.length > query.limit && last ? encodeTimeCursor(last) : null,
  };
}
