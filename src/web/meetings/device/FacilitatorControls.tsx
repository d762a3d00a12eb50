import { lazy, Suspense, useEffect, useState } from 'react';
import type { MeetingState } from '#core/meeting/index';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { LoadingState } from '../../ui/States';
import type { CurrentStep } from '../format';
import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import type { CommandBody } from '../live/meeting-client';
import { MeetingIcon } from '../MeetingIcon';

/** "More" loads apart (`./MoreSettings.tsx`, DAY-PERF-1), when first opened. */
const MoreSettings = lazy(() =>
  import('./MoreSettings').then((module) => ({ default: module.MoreSettings })),
);

/** Whether this step is the routine's last before another routine of the agenda: its Next button says so. */
function nextRoutineName(state: MeetingState, current: CurrentStep): string | undefined {
  const isLast = current.index === current.total - 1;
  return !isLast && current.numberInPart === current.stepsInPart
    ? state.agenda[current.part + 1]?.routine.name
    : undefined;
}

/**
 * Start/pause/resume and +1/+2 minutes, beside the clock (the facilitator and the timekeeper, as
 * `abilitiesFor` allows). Also owns the keyboard shortcuts, so they work for both.
 */
export function TimerButtons({ current }: { current: CurrentStep }) {
  const t = useMeetingsT();
  const { state, can, send } = useLiveMeeting();
  const run = state.steps[current.index];
  const timerAction = timerActionFor(run?.timer);
  useShortcuts(state, current.stepId, timerAction);
  if (!can.pauseTimer) return null;
  return (
    <div className="controls__row timer__buttons" role="group" aria-label={t('controls.timekeeperTitle')}>
      <Button
        variant="primary"
        className="controls__timer-button"
        aria-keyshortcuts="Space"
        onPress={() => void send({ type: timerAction })}
        isDisabled={!can[timerAction]}
      >
        <MeetingIcon name={timerAction === 'pauseTimer' ? 'pause' : 'play'} />
        {t(
          timerAction === 'pauseTimer'
            ? 'controls.pause'
            : timerAction === 'resumeTimer'
              ? 'controls.resume'
              : 'controls.startTimer',
        )}
      </Button>
      <Button
        aria-keyshortcuts="1"
        aria-label={t('controls.plusOne')}
        onPress={() => void send({ type: 'extendStep', minutes: 1 })}
        isDisabled={!can.extendStep}
      >
        <TimeAdded label={t('controls.plusOne')} short={t('controls.plusOneShort')} />
      </Button>
      <Button
        aria-keyshortcuts="2"
        aria-label={t('controls.plusTwo')}
        onPress={() => void send({ type: 'extendStep', minutes: 2 })}
        isDisabled={!can.extendStep}
      >
        <TimeAdded label={t('controls.plusTwo')} short={t('controls.plusTwoShort')} />
      </Button>
    </div>
  );
}

/**
 * "+1 min" on the button, "+1" on a phone (the meeting CSS shows one of the two), so the clock and the three
 * timer buttons share one line there; the button's name is the whole label either way.
 */
function TimeAdded({ label, short }: { label: string; short: string }) {
  return (
    <>
      <span className="timer__long">{label}</span>
      <span className="timer__short">{short}</span>
    </>
  );
}

/** Back, skip and next (the facilitator only): one compact row under the timer, so the step's tool stays in view. */
export function StepNavigation({ current }: { current: CurrentStep }) {
  const t = useMeetingsT();
  const { state, can, send } = useLiveMeeting();
  const stepId = current.stepId;
  const isLast = current.index === current.total - 1;
  const nextRoutine = nextRoutineName(state, current);
  if (!can.nextStep) return null;
  return (
    <div className="controls__row controls__nav" role="group" aria-label={t('device.steps')}>
      <Button
        aria-label={t('controls.backLabel')}
        aria-keyshortcuts="B"
        onPress={() => void send({ type: 'previousStep', fromStepId: stepId })}
        isDisabled={current.index === 0}
      >
        {t('controls.back')}
      </Button>
      {isLast ? null : (
        <Button
          aria-label={t('controls.skipLabel')}
          variant="quiet"
          onPress={() => void send({ type: 'skipStep', fromStepId: stepId })}
        >
          {t('controls.skip')}
        </Button>
      )}
      {isLast ? (
        <EndMeetingButton variant="primary" />
      ) : (
        <Button
          variant="primary"
          aria-keyshortcuts="N"
          onPress={() => void send({ type: 'nextStep', fromStepId: stepId })}
          {...(nextRoutine && { 'aria-label': t('controls.nextRoutine', { name: nextRoutine }) })}
        >
          {/* The last step of a routine in an agenda leads into the next routine: say so (its name is in the
              button's label always, in its text where there is room). */}
          {nextRoutine ? (
            <span>
              {t('controls.nextRoutineShort')}
              <span className="controls__next-name">
                {t('controls.nextRoutineName', { name: nextRoutine })}
              </span>
            </span>
          ) : (
            t('controls.next')
          )}
        </Button>
      )}
    </div>
  );
}

/**
 * What the facilitator changes now and then (roles, minutes of a variable step, auto-advance, handing over,
 * ending early) and the keyboard shortcuts: beside the step's work, not above it.
 */
export function FacilitatorSettings({ current }: { current: CurrentStep }) {
  const t = useMeetingsT();
  const { can } = useLiveMeeting();
  const leads = can.nextStep;
  const isLast = current.index === current.total - 1;
  const [moreOpened, setMoreOpened] = useState(false);
  if (!can.pauseTimer && !leads) return null;
  return (
    <section className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="controls__title">
        {leads ? t('controls.title') : t('controls.timekeeperTitle')}
      </h2>
      {leads ? (
        <details
          className="controls__more"
          onToggle={(event) => {
            if (event.currentTarget.open) setMoreOpened(true);
          }}
        >
          <summary>{t('controls.more')}</summary>
          {/* DAY-PERF-1: what is changed now and then loads when "More" is first opened. */}
          {moreOpened ? (
            <Suspense fallback={<LoadingState />}>
              <MoreSettings current={current} isLast={isLast} />
            </Suspense>
          ) : null}
        </details>
      ) : null}
      <ShortcutHelp leads={leads} />
    </section>
  );
}

type TimerCommand = 'startTimer' | 'pauseTimer' | 'resumeTimer';
function timerActionFor(status: string | undefined): TimerCommand {
  return status === 'running' ? 'pauseTimer' : status === 'paused' ? 'resumeTimer' : 'startTimer';
}

export function EndMeetingButton({ variant }: { variant: 'primary' | 'danger' | 'quiet' }) {
  const t = useMeetingsT();
  const { send } = useLiveMeeting();
  return (
    <ConfirmDialog
      trigger={t('controls.endMeeting')}
      triggerVariant={variant}
      title={t('controls.endTitle')}
      body={<p>{t('controls.endBody')}</p>}
      confirmLabel={t('controls.endConfirm')}
      confirmVariant="primary"
      onConfirm={async () => {
        await send({ type: 'endMeeting' });
      }}
    />
  );
}

function ShortcutHelp({ leads }: { leads: boolean }) {
  const t = useMeetingsT();
  const rows: [string, string][] = [
    [t('controls.shortcutSpace'), t('controls.shortcutSpaceDoes')],
    ...(leads
      ? ([
          ['N', t('controls.shortcutNext')],
          ['B', t('controls.shortcutBack')],
        ] as [string, string][])
      : []),
    ['1', t('controls.shortcutOne')],
    ['2', t('controls.shortcutTwo')],
  ];
  return (
    <details className="controls__shortcuts">
      <summary>{t('controls.shortcuts')}</summary>
      <p className="field__hint">{t('controls.shortcutsIntro')}</p>
      <dl className="shortcut-list">
        {rows.map(([key, does]) => (
          <div key={key} className="shortcut-list__row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Elements where a key press belongs to the element: typing, or Space pressing a focused control. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest(
      'input, textarea, select, [role="textbox"], [role="combobox"], [role="listbox"], dialog, [role="dialog"], [role="alertdialog"]',
    ) !== null
  );
}
function isPressableTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest(
      'button, a[href], summary, [role="button"], [role="switch"], [role="link"], [role="menuitem"]',
    ) !== null
  );
}

/** Space = pause/resume (or start), N = next, B = back, 1/2 = add minutes; ignored while typing in a field. */
function useShortcuts(state: MeetingState, stepId: string, timerAction: TimerCommand): void {
  const { can, send } = useLiveMeeting();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      let body: CommandBody | null = null;
      const key = event.key.toLowerCase();
      if (key === ' ' && !isPressableTarget(event.target) && can[timerAction]) body = { type: timerAction };
      else if (key === 'n' && can.nextStep) body = { type: 'nextStep', fromStepId: stepId };
      else if (key === 'b' && can.previousStep && state.currentStepIndex !== 0)
        body = { type: 'previousStep', fromStepId: stepId };
      else if ((key === '1' || key === '2') && can.extendStep)
        body = { type: 'extendStep', minutes: key === '1' ? 1 : 2 };
      if (!body) return;
      event.preventDefault();
      void send(body);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [can, send, stepId, timerAction, state.currentStepIndex]);
}
