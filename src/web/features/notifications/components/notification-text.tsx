import { useTranslation } from 'react-i18next';
import type { Notification as AppNotification } from '../../../../domain/notifications/notification-kinds.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';

/**
 * A notification in the reader's language, its parameters filled in. Only the parameters the
 * texts name are passed on (a server parameter called `count` or `context` must not change
 * which text i18next picks); instants are shown in the reader's language and time zone.
 */
export function useNotificationText(): (notification: AppNotification) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return (notification) => {
    const params = notification.params;
    const text = (name: string) => params[name] ?? '';
    const instant = (name: string) => (params[name] ? format.dateTime(text(name)) : '');
    return t(`notifications.kinds.${notification.kind}`, {
      inviter: text('inviter'),
      organisation: text('organisation'),
      role: text('role'),
      newEmail: text('newEmail'),
      address: text('address'),
      device: text('device'),
      remaining: text('remaining'),
      category: text('category'),
      outcome: text('outcome'),
      time: instant('time'),
      until: instant('until'),
      expires: instant('expires'),
    });
  };
}
