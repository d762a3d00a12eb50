import type { RoutineStep } from '#contracts/routine';
import { useMeetingsT } from '../meetings/i18n';
import { FINAL_PROMPT_KEYS } from './draft';
import { useRoutinesT } from './i18n';
import { sourcesLabel, speakerLabel } from './labels';

/** One step, read-only: what it is for, who speaks, its norm and sources, and the prompts to think with. */
export function StepDetails({ step, number }: { step: RoutineStep; number: number }) {
  const t = useRoutinesT();
  const mt = useMeetingsT();
  const headingId = `step-${step.id}-heading`;
  return (
    <li className="panel routine-step" data-testid="routine-step">
      <div className="routine-step__head">
        <h3 id={headingId} className="routine-step__title">
          <span className="routine-step__number">{t('common.stepNumber', { number })}</span>{' '}
          <span data-testid="step-title">{step.title}</span>
        </h3>
        <p className="routine-step__minutes" data-testid="step-minutes">
          {t('common.minutes', { count: step.minutes })}
        </p>
      </div>
      <p className="routine-step__purpose">{step.purpose}</p>
      <dl className="routine-step__facts">
        <div>
          <dt>{mt('speaker.label')}</dt>
          <dd>{speakerLabel(mt, step.speaker)}</dd>
        </div>
        <div>
          <dt>{t('routine.norm')}</dt>
          <dd>{step.norm ?? t('routine.noNorm')}</dd>
        </div>
        <div>
          <dt>{t('routine.sources')}</dt>
          <dd>{sourcesLabel(mt, step.sources)}</dd>
        </div>
      </dl>
      <h4 className="routine-step__label">{t('routine.prompts')}</h4>
      <ul className="routine-step__prompts" data-testid="step-prompts">
        {step.prompts.map((prompt, i) => (
          <li key={i}>{prompt}</li>
        ))}
      </ul>
      {step.finalPrompts ? (
        <>
          <h4 className="routine-step__label">{t('routine.finalPrompts')}</h4>
          <dl className="routine-step__final">
            {FINAL_PROMPT_KEYS.map((key) => (
              <div key={key}>
                <dt>{t(`finalPrompt.${key}`)}</dt>
                <dd>{step.finalPrompts?.[key]}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </li>
  );
}
