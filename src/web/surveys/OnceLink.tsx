import { useId } from 'react';
import { Button } from '../ui/Button';
import { useCopy } from '../ui/useCopy';
import { useSurveysT } from './i18n';

/**
 * MEASURE-WAVE-6: a wave's anonymous link, shown this once (the server keeps only its hash), with a copy
 * button; the text is selectable too, for browsers that refuse the clipboard.
 */
export function OnceLink({ link }: { link: string }) {
  const t = useSurveysT();
  const copy = useCopy();
  const inputId = useId();
  return (
    <div className="field survey-link">
      <label htmlFor={inputId} className="field__label">
        {t('link.title')}
      </label>
      <p id={`${inputId}-hint`} className="field__hint">
        {t('link.hint')}
      </p>
      <input
        id={inputId}
        className="field__input"
        readOnly
        value={link}
        aria-describedby={`${inputId}-hint`}
        data-testid="survey-link"
        onFocus={(event) => {
          event.currentTarget.select();
        }}
      />
      <div className="inline-form">
        <Button
          variant="secondary"
          onPress={() => void copy(link, { copied: t('link.copied'), failed: t('link.copyFailed') })}
        >
          {t('link.copy')}
        </Button>
      </div>
    </div>
  );
}
