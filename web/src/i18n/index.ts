import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

// Compile-time check that hi.json has exactly the keys en.json has (a missing or extra key fails `tsc`).
type En = typeof en;
type Hi = typeof import('./hi.json');
export const translationsMatch: [Hi] extends [En]
  ? [En] extends [Omit<Hi, 'default'>]
    ? true
    : false
  : false = true;

const STORAGE_KEY = 'setu.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The stored choice, else the browser's preference, else English. */
function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked; the language then follows the browser.
  }
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('hi')) ? 'hi' : 'en';
}

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
}

async function ensureResources(language: Language): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'translation')) return;
  // Hindi is loaded only by those who choose it, to keep the first download small.
  const hi = (await import('./hi.json')).default;
  i18n.addResourceBundle('hi', 'translation', hi);
}

export async function initI18n(): Promise<void> {
  i18n.on('languageChanged', applyToDocument);
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const language = initialLanguage();
  if (language !== 'en') {
    try {
      await setLanguage(language, false);
    } catch {
      applyToDocument('en'); // Hindi could not load (offline?): carry on in English.
    }
  } else {
    applyToDocument('en');
  }
}

export async function setLanguage(language: Language, remember = true): Promise<void> {
  await ensureResources(language);
  await i18n.changeLanguage(language);
  if (!remember) return;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the choice still holds for this visit.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** The locale for dates and numbers: Indian English or Hindi, both with Indian digit grouping. */
export function locale(language: string): string {
  return language === 'hi' ? 'hi-IN' : 'en-IN';
}

export { i18n };
