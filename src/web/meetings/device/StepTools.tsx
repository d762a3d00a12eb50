import type { RoutineStep } from '#contracts/routine';
import { useMeetingsT } from '../i18n';
import { ActionItems } from './ActionItems';
import { FoldOnPhone } from './FoldOnPhone';
import { PresentationRecord } from './PresentationRecord';
import { PrivateReflections } from './PrivateReflections';
import { QuestionCards } from './QuestionCards';
import { SharedNote } from './SharedNote';
import { SourceTags } from './SourceTags';
import { StepGuide } from './StepGuide';

/** A quiet, individual step is for one's own thinking: the private reflection leads it (DAY-DEVICE-3). */
export function reflectionLeads(step: RoutineStep): boolean {
  return step.kind === 'reflect' && step.speaker === 'everyone-individually';
}

/**
 * The step's work, its own tool first (DAY-DEVICE-2): on a phone that tool is on the first screen, under the
 * compact timer; the guide (purpose, who speaks, prompts) follows it, then what else the step keeps. The
 * shared note and a private reflection come with every step (the reflection beside the work when it does not
 * lead).
 */
export function StepTools({ step, stepId }: { step: RoutineStep; stepId: string }) {
  const t = useMeetingsT();
  const guide = <StepGuide step={step} />;
  const note = <SharedNote step={step} stepId={stepId} />;
  switch (step.kind) {
    case 'present':
    case 'observe':
      return (
        <>
          <PresentationRecord step={step} editable />
          {guide}
          {note}
        </>
      );
    case 'questions':
      return (
        <>
          <QuestionCards step={step} stepId={stepId} />
          {guide}
          <PresentationRecord step={step} editable={false} />
          {note}
        </>
      );
    case 'discussion':
      return (
        <>
          {note}
          {guide}
          <PresentationRecord step={step} editable={false} />
        </>
      );
    case 'final':
      // Answered in order: what we learned (the note), next steps, sources. Each answer carries its own
      // prompt, so on a phone the guide folds after them, like their forms (DAY-DEVICE-4).
      return (
        <>
          {note}
          <ActionItems prompt={step.finalPrompts?.nextSteps} />
          <SourceTags prompt={step.finalPrompts?.sources} />
          <FoldOnPhone summary={t('device.aboutStep')} className="panel step-guide-fold">
            {guide}
          </FoldOnPhone>
        </>
      );
    case 'reflect':
      return reflectionLeads(step) ? (
        <>
          <PrivateReflections stepId={stepId} />
          {guide}
          {note}
        </>
      ) : (
        <>
          {note}
          {guide}
        </>
      );
  }
}
