import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification as AppNotification } from '../../../domain/notifications/notification-kinds.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { InternalLink } from '../../components/internal-link.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { CheckboxField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  inboxQuery,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
} from '../../features/notifications/api/notifications-api.ts';
import { useNotificationText } from '../../features/notifications/components/notification-text.tsx';
import { isSafeNextPath } from '../../features/session/api/session-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';

/** The person's notifications, newest first: read and unread, mark one or all read. */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inbox.title'));
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInfiniteQuery(inboxQuery(unreadOnly));
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markOne = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const markAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = inbox.data?.pages[0]?.unread ?? 0;

  return (
    <>
      <h1 className="margin-top-0">{t('inbox.heading')}</h1>
      <p className="usa-intro">{t('inbox.intro')}</p>
      <div className="display-flex flex-wrap flex-align-center flex-justify margin-bottom-2">
        <CheckboxField
          id="inbox-unread-only"
          name="unreadOnly"
          label={t('inbox.unreadOnly')}
          checked={unreadOnly}
          onChange={setUnreadOnly}
          className="margin-top-0"
        />
        <Button
          variant="outline"
          aria-disabled={markAll.isPending || unread === 0}
          onClick={() => {
            if (!markAll.isPending && unread > 0) {
              markAll.mutate();
            }
          }}
        >
          {markAll.isPending ? t('inbox.markingAll') : t('inbox.markAll')}
        </Button>
      </div>
      {markAll.data ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{t('inbox.markedAll', { count: markAll.data.marked })}</p>
        </Alert>
      ) : null}
      {markOne.isError ? (
        <ApiErrorAlert heading={t('inbox.markFailed')} error={markOne.error} />
      ) : null}
      {markAll.isError ? (
        <ApiErrorAlert heading={t('inbox.markFailed')} error={markAll.error} />
      ) : null}
      {inbox.isPending ? (
        <p role="status" className="text-base-dark">
          {t('inbox.loading')}
        </p>
      ) : inbox.isError && items.length === 0 ? (
        <ApiErrorAlert
          heading={t('inbox.loadError')}
          error={inbox.error}
          onRetry={() => void inbox.refetch()}
        />
      ) : (
        <>
          <p role="status" className="margin-y-1">
            {items.length === 0
              ? unreadOnly
                ? t('inbox.noneUnread')
                : t('inbox.none')
              : t('inbox.unreadCount', { count: unread })}
          </p>
          <ul className="usa-list usa-list--unstyled" aria-label={t('inbox.listLabel')}>
            {items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                marking={markOne.isPending && markOne.variables === notification.id}
                onMarkRead={() => markOne.mutate(notification.id)}
              />
            ))}
          </ul>
          {inbox.hasNextPage ? (
            <Button
              variant="outline"
              aria-disabled={inbox.isFetchingNextPage}
              onClick={() => {
                if (!inbox.isFetchingNextPage) {
                  void inbox.fetchNextPage();
                }
              }}
            >
              {inbox.isFetchingNextPage ? t('inbox.loadingMore') : t('inbox.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}

function NotificationItem({
  notification,
  marking,
  onMarkRead,
}: {
  notification: AppNotification;
  marking: boolean;
  onMarkRead: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const text = useNotificationText();
  const unread = notification.readAt === null;
  return (
    <li
      className={`padding-2 margin-bottom-1 border-1px radius-md ${unread ? 'border-primary bg-primary-lighter' : 'border-base-lighter'}`}
    >
      <p className={`margin-top-0 margin-bottom-1 ${unread ? 'text-bold' : ''}`}>
        {unread ? (
          <span className="margin-right-1">
            <Tag tone="primary">{t('inbox.unread')}</Tag>
          </span>
        ) : null}
        {text(notification)}
      </p>
      <div className="display-flex flex-wrap flex-align-center font-sans-2xs">
        <span className="text-base-dark margin-right-2">
          {format.dateTime(notification.createdAt)}
        </span>
        {notification.link && isSafeNextPath(notification.link) ? (
          <span className="margin-right-2">
            <InternalLink href={notification.link} onFollow={unread ? onMarkRead : undefined}>
              {t('inbox.open')}
            </InternalLink>
          </span>
        ) : null}
        {unread ? (
          marking ? (
            <span role="status">{t('inbox.marking')}</span>
          ) : (
            <Button variant="unstyled" onClick={onMarkRead} className="font-sans-2xs">
              {t('inbox.markRead')}
            </Button>
          )
        ) : null}
      </div>
    </li>
  );
}
