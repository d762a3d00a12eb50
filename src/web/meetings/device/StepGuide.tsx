import type { RoutineStep, Speaker } from '#contracts/routine';
import { useMeetingsT, type MeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import type { NameOf } from '../people';

/** Who holds the floor, with the presenter's name where the routine gives it to them. */
export function speakerText(
  t: MeetingsT,
  speaker: Speaker,
  presenterId: string | null,
  nameOf: NameOf,
): string {
  const name = presenterId ? nameOf(presenterId) : t('speaker.thePresenter');
  const text = t(`speaker.${speaker}`, { name });
  // "the presenter leads" opens the sentence when nobody is named yet.
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** What this step is for, the prompts to think with, its norm, and who speaks. */
export function StepGuide({ step }: { step: RoutineStep }) {
  const t = useMeetingsT();
  const { state, nameOf } = useLiveMeeting();
  return (
    <section className="panel step-guide" aria-labelledby="purpose-heading">
      <h2 id="purpose-heading" className="step-guide__label">
        {t('device.purpose')}
      </h2>
      <p className="step-guide__purpose">{step.purpose}</p>
      <dl className="step-guide__facts">
        <div>
          <dt>{t('speaker.label')}</dt>
          <dd data-testid="speaker">{speakerText(t, step.speaker, state.roles.presenter, nameOf)}</dd>
        </div>
        {step.norm ? (
          <div>
            <dt>{t('device.norm')}</dt>
            <dd>{step.norm}</dd>
          </div>
        ) : null}
      </dl>
      <h2 className="step-guide__label">{t('device.prompts')}</h2>
      <ul className="step-guide__prompts">
        {step.prompts.map((prompt) => (
          <li key={prompt}>{prompt}</li>
        ))}
      </ul>
    </section>
  );
}
