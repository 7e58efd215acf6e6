import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json' with { type: 'json' };
import es from '../locales/es.json' with { type: 'json' };

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The Spanish catalogue must have every key the English one has (checked by tsc). */
const spanish: typeof en = es;

export const resources = {
  en: { translation: en },
  es: { translation: spanish },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
  }
}

const STORAGE_KEY = 'openctpat.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage can be disabled (privacy settings); the choice then lasts for the page only.
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See storedLanguage().
  }
}

/** The saved choice, else the browser's first supported language, else English. */
function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) {
    return stored;
  }
  for (const tag of navigator.languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) {
      return primary;
    }
  }
  return 'en';
}

/** <html lang> follows the language so screen readers pronounce the page correctly. */
function reflectOnDocument(language: string): void {
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : 'en';
}

/** Switches every visible string and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18next.changeLanguage(language);
}

/** Initialises i18next synchronously (both catalogues are bundled: a few KB each). */
export function setUpI18n(): typeof i18next {
  i18next.on('languageChanged', reflectOnDocument);
  void i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    initAsync: false,
    // React escapes output already.
    interpolation: { escapeValue: false },
  });
  reflectOnDocument(i18next.language);
  return i18next;
}
