import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** "US" → "United States" / "Estados Unidos"; the code itself when the browser lacks the name. */
  countryName(code: string): string;
  /** ["Importer", "Exporter"] → "Importer and Exporter" / "Importador y Exportador". */
  list(items: readonly string[]): string;
}

/** Locale-aware formatting from the browser's Intl data, for the current language. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const regions = new Intl.DisplayNames([language], { type: 'region' });
    const lists = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    return {
      countryName: (code) => regions.of(code) ?? code,
      list: (items) => lists.format(items),
    };
  }, [language]);
}
