import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { MeetingIcon } from '../MeetingIcon';

/**
 * The agenda's steps with their planned minutes and where the meeting is: done, skipped, now, not reached.
 * With several routines, each routine's steps form their own list under its name.
 */
export function StepList() {
  const t = useMeetingsT();
  const { state } = useLiveMeeting();
  const several = state.agenda.length > 1;
  return (
    <section className="panel stack" aria-labelledby="steps-heading">
      <h2 id="steps-heading" className="section__title">
        {t(several ? 'device.agenda' : 'device.steps')}
      </h2>
      {state.agenda.map((part, p) => (
        <div key={p} className="stack">
          {several ? (
            <h3 className="step-list__routine">
              {t('device.routineOf', { n: p + 1, total: state.agenda.length, name: part.routine.name })}
            </h3>
          ) : null}
          <ol className="step-list">
            {part.routine.steps.map((step, i) => {
              const index = part.firstStepIndex + i;
              const run = state.steps[index];
              const isCurrent = state.currentStepIndex === index;
              const outcome = isCurrent ? 'current' : (run?.outcome ?? 'pending');
              const minutes = Math.round(((run?.plannedMs ?? 0) + (run?.extensionsMs ?? 0)) / 60_000);
              return (
                <li
                  key={run?.stepId ?? step.id}
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
        </div>
      ))}
    </section>
  );
}
