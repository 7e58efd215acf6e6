import type { TOptions } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Notification as AppNotification } from '../../../../domain/notifications/notification-kinds.ts';
import { useFormatters } from '../../../lib/use-formatters.ts';

/** Parameters that would change which text i18next picks, never passed on from the server. */
const RESERVED = new Set(['count', 'context', 'ns', 'lng', 'defaultValue', 'returnObjects']);
/** Parameters that are instants: shown in the reader's language and time zone. */
const INSTANTS = ['time', 'until', 'expires'] as const;

/**
 * The values a notification's text is filled with: every parameter the server stored (texts
 * name the ones they use), except those that steer i18next itself (a server parameter called
 * `count` or `context` must not change which text is picked); instants formatted for the reader.
 */
export function notificationTextValues(
  params: Readonly<Record<string, string>>,
  formatInstant: (iso: string) => string,
): TOptions {
  const values: TOptions = {};
  for (const [name, value] of Object.entries(params)) {
    if (!RESERVED.has(name)) values[name] = value;
  }
  for (const name of INSTANTS) {
    const value = params[name];
    if (value) values[name] = formatInstant(value);
  }
  return values;
}

/** A notification in the reader's language, its parameters filled in. */
export function useNotificationText(): (notification: AppNotification) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return (notification) =>
    t(
      `notifications.kinds.${notification.kind}`,
      notificationTextValues(notification.params, format.dateTime),
    );
}
