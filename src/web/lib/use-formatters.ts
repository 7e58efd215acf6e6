import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** "US" → "United States" / "Estados Unidos"; the code itself when the browser lacks the name. */
  countryName(code: string): string;
  /** ["Importer", "Exporter"] → "Importer and Exporter" / "Importador y Exportador". */
  list(items: readonly string[]): string;
  /** An ISO instant as a date and time in the reader's time zone ("Nov 29, 2026, 3:00 PM"). */
  dateTime(iso: string): string;
  /** An ISO instant as a date only. */
  date(iso: string): string;
}

/** Locale-aware formatting from the browser's Intl data, for the current language. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const regions = new Intl.DisplayNames([language], { type: 'region' });
    const lists = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    const dateTimes = new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const safely = (format: Intl.DateTimeFormat, iso: string) => {
      const instant = new Date(iso);
      return Number.isNaN(instant.getTime()) ? iso : format.format(instant);
    };
    return {
      countryName: (code) => regions.of(code) ?? code,
      list: (items) => lists.format(items),
      dateTime: (iso) => safely(dateTimes, iso),
      date: (iso) => safely(dates, iso),
    };
  }, [language]);
}
