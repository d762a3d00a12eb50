import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { ApiForm } from '../forms/ApiForm';
import { setLanguage } from '../i18n/kits';
import { isLanguage, languageNames, languages, pickLanguage, rememberLanguage } from '../i18n/languages';
import { useSignedInUser } from '../shell/session';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/SelectField';

const BROWSER = 'browser';

/**
 * I18N-PICK-1: the person's language, kept with their account so every device and the mail follow it; "same as
 * this browser" gives the choice back to each browser (I18N-PICK-2).
 */
export function LanguageSection() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [choice, setChoice] = useState<string>(me.language ?? BROWSER);
  const browserLanguage = pickLanguage(navigator.languages);
  const save = useMutation({
    mutationFn: async () => {
      const language = isLanguage(choice) ? choice : null;
      const updated = await call('setLanguage', { body: { language } });
      rememberLanguage(language);
      await setLanguage(language ?? browserLanguage);
      return updated;
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      // What the server wrote in the former language (its messages, Ensemble's routines) is asked again.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      toast(t('account.language.saved'));
    },
  });
  const options = [
    { id: BROWSER, label: t('account.language.followBrowser', { language: languageNames[browserLanguage] }) },
    ...languages.map((language) => ({ id: language, label: languageNames[language], lang: language })),
  ];
  return (
    <section className="section" aria-labelledby="account-language">
      <h2 id="account-language" className="section__title">
        {t('account.language.title')}
      </h2>
      <ApiForm
        fieldNames={['language']}
        error={save.error}
        isPending={save.isPending}
        onValues={() => {
          save.mutate();
        }}
        className="inline-form"
      >
        <SelectField
          name="language"
          label={t('account.language.label')}
          description={t('account.language.hint')}
          options={options}
          value={choice}
          onChange={setChoice}
        />
        <Button
          type="submit"
          variant="secondary"
          isPending={save.isPending}
          isDisabled={choice === (me.language ?? BROWSER)}
        >
          {t('account.language.save')}
        </Button>
      </ApiForm>
    </section>
  );
}
