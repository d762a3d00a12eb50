import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { MeetingIcon } from '../MeetingIcon';

/** The routine's steps with their planned minutes and where the meeting is: done, skipped, now, not reached. */
export function StepList() {
  const t = useMeetingsT();
  const { state } = useLiveMeeting();
  const steps = state.routine?.steps ?? [];
  return (
    <section className="panel stack" aria-labelledby="steps-heading">
      <h2 id="steps-heading" className="section__title">
        {t('device.steps')}
      </h2>
      <ol className="step-list">
        {steps.map((step, i) => {
          const run = state.steps[i];
          const isCurrent = state.currentStepIndex === i;
          const outcome = isCurrent ? 'current' : (run?.outcome ?? 'pending');
          const minutes = Math.round(((run?.plannedMs ?? 0) + (run?.extensionsMs ?? 0)) / 60_000);
          return (
            <li
              key={step.id}
              className={`step-list__item step-list__item--${outcome}`}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="step-list__title">{step.title}</span>
              <span className="step-list__meta">
                {outcome === 'done' ? <MeetingIcon name="check" /> : null}
                {t(`device.outcome.${outcome}`)} · {t('common.minutes', { count: minutes })}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
