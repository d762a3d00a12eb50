import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/kits';
import { languageNames, languageOfTag, languages, rememberLanguage } from '../i18n/languages';

/**
 * I18N-PICK-2: before signing in, a page offers its other languages by their own names ("Español", spoken in
 * Spanish: `lang`). The choice is this device's until the person's account says otherwise.
 */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const current = languageOfTag(i18n.language);
  return (
    <div className="language-switch">
      {languages
        .filter((language) => language !== current)
        .map((language) => (
          <button
            key={language}
            type="button"
            className="language-switch__button"
            lang={language}
            onClick={() => {
              rememberLanguage(language);
              void setLanguage(language);
            }}
          >
            {languageNames[language]}
          </button>
        ))}
    </div>
  );
}
