import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json' with { type: 'json' };

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalogue = typeof en;

/**
 * English is bundled (it is also every other language's fallback); the others load when chosen,
 * so a visitor downloads one catalogue, not all of them (each is about 20 KB gzipped, and the
 * first page load has a 250 KB budget: tests/e2e/home.e2e.test.ts). The return type makes tsc
 * check that the Spanish catalogue has every key the English one has.
 */
const LOAD_CATALOGUE: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  es: () => import('../locales/es.json').then((module) => module.default),
};

export const resources = {
  en: { translation: en },
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

/** Loads a language's catalogue into i18next unless it is there already. */
async function ensureCatalogue(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) {
    return;
  }
  i18next.addResourceBundle(language, 'translation', await LOAD_CATALOGUE[language]());
}

/** Switches every visible string and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await ensureCatalogue(language);
  await i18next.changeLanguage(language);
}

/**
 * Initialises i18next with English, then loads and switches to the visitor's language if it is
 * another one; the app renders after this resolves, so nobody sees a flash of English.
 */
export async function setUpI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', reflectOnDocument);
  await i18next.use(initReactI18next).init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    // React escapes output already.
    interpolation: { escapeValue: false },
  });
  const language = initialLanguage();
  if (language !== 'en') {
    try {
      await ensureCatalogue(language);
      await i18next.changeLanguage(language);
    } catch {
      // The catalogue could not be fetched (offline, new deployment): English still works.
    }
  }
  reflectOnDocument(i18next.language);
  return i18next;
}
