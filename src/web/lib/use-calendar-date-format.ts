import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A calendar date (YYYY-MM-DD: a business date or deadline, not an instant) in the reader's
 * language. Read as UTC, so it shows the same day in every time zone (calendar-date.ts: business
 * dates are UTC dates); formatting it as an instant would show the day before west of UTC.
 */
export function useCalendarDateFormat(): (date: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    return (date: string) => {
      const instant = new Date(`${date}T00:00:00Z`);
      return Number.isNaN(instant.getTime()) ? date : format.format(instant);
    };
  }, [language]);
}
