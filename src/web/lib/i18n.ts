import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCore from '../locales/en/core.json' with { type: 'json' };
import type enFeatures from '../locales/en/features.json';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each language's strings are in two files (ADR 0028):
 * - `core.json`: what the first page can show before any screen loads: the shell (header,
 *   navigation, footer), the home and sign-in pages, error pages, form basics, roles, entity
 *   types and module names. English core is bundled; it is every language's fallback.
 * - `features.json`: every working screen's strings, one group per feature. They load with
 *   the first lazy page, in parallel with its code, and every lazy page waits for them
 *   (`withFeatureStrings`), so the first load stays inside its 250 KB budget
 *   (tests/e2e/home.e2e.test.ts) however many screens the app grows.
 * A string a first-load component shows must be in core; a test checks the groups
 * (src/web/locales/locales.test.ts).
 */
type Core = typeof enCore;
type Features = typeof enFeatures;
type Catalogue = Core & Features;

/** The return types make tsc check that every language has every key English has. */
const LOAD_CORE: Record<Exclude<Language, 'en'>, () => Promise<Core>> = {
  es: () => import('../locales/es/core.json').then((module) => module.default),
};
const LOAD_FEATURES: Record<Language, () => Promise<Features>> = {
  en: () => import('../locales/en/features.json').then((module) => module.default),
  es: () => import('../locales/es/features.json').then((module) => module.default),
};

export const resources = {
  en: { translation: enCore },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
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

/** Languages whose feature strings have been added (or are being added). */
const featuresLoading = new Map<Language, Promise<void>>();

/** Adds a language's feature strings to i18next once; a failed fetch can be retried. */
function ensureFeatureStrings(language: Language): Promise<void> {
  let loading = featuresLoading.get(language);
  if (!loading) {
    loading = LOAD_FEATURES[language]().then(
      (features) => {
        i18next.addResourceBundle(language, 'translation', features, true, false);
      },
      (error: unknown) => {
        featuresLoading.delete(language);
        throw error;
      },
    );
    featuresLoading.set(language, loading);
  }
  return loading;
}

/** Loads a language's core strings, and its feature strings when English's are in use. */
async function ensureCatalogue(language: Language): Promise<void> {
  const core =
    language === 'en' || i18next.hasResourceBundle(language, 'translation')
      ? Promise.resolve()
      : LOAD_CORE[language]().then((strings) => {
          i18next.addResourceBundle(language, 'translation', strings, true, false);
        });
  // Once screens have been opened in one language, switching must bring their strings too.
  const features = featuresLoading.size > 0 ? ensureFeatureStrings(language) : Promise.resolve();
  await Promise.all([core, features]);
}

/**
 * Resolves a lazy page's module once the current language's feature strings are in too, so no
 * page renders raw keys. Used by every lazy route in router.tsx.
 */
export async function withFeatureStrings<Module>(page: Promise<Module>): Promise<Module> {
  const [module] = await Promise.all([page, ensureFeatureStrings(currentLanguage())]);
  return module;
}

/** Switches every visible string and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await ensureCatalogue(language);
  await i18next.changeLanguage(language);
}

/**
 * Initialises i18next with English core, then loads and switches to the visitor's language if
 * it is another one; the app renders after this resolves, so nobody sees a flash of English.
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
    // A component showing a feature string before the file arrived re-renders when it does.
    react: { bindI18nStore: 'added' },
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
