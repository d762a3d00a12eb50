import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, resources, type Language } from './resources';

function isLanguage(value: string): value is Language {
  return Object.hasOwn(resources, value);
}

/** The reader's first browser language we have a translation for ("es-MX" → "es"), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return defaultLanguage;
}

export function setUpI18n(): typeof i18next {
  // Resources are bundled, so initialisation is synchronous and the first render already has text.
  void i18next.use(initReactI18next).init({
    resources,
    lng: pickLanguage(navigator.languages),
    fallbackLng: defaultLanguage,
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
  });
  const syncHtmlLang = (lng: string) => {
    document.documentElement.lang = lng;
    document.documentElement.dir = i18next.dir(lng);
  };
  syncHtmlLang(i18next.language);
  i18next.on('languageChanged', syncHtmlLang);
  return i18next;
}
