import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { registerStrings, startLanguage, syncStrings } from './kits';
import { defaultLanguage, firstLanguage, localeTag } from './languages';
import { resources } from './resources';

export { pickLanguage } from './languages';

/** Starts i18next in the reader's language (I18N-PICK-2); main.tsx waits for `stringsReady()` before it draws. */
export function setUpI18n(): typeof i18next {
  const language = firstLanguage();
  startLanguage(language);
  // English is bundled, so initialisation is synchronous; another language's strings follow (`kits.ts`).
  void i18next.use(initReactI18next).init({
    resources,
    lng: localeTag[language],
    fallbackLng: defaultLanguage,
    interpolation: { escapeValue: false }, // React escapes.
    initAsync: false,
    // A translation that arrives after a screen drew (a lazy part of a page) redraws it.
    react: { bindI18nStore: 'added' },
  });
  syncStrings(i18next);
  registerStrings('translation', en, { es: () => import('./es').then((m) => m.es) });
  const syncHtmlLang = (lng: string) => {
    document.documentElement.lang = lng;
    document.documentElement.dir = i18next.dir(lng);
  };
  syncHtmlLang(i18next.language);
  i18next.on('languageChanged', syncHtmlLang);
  return i18next;
}
