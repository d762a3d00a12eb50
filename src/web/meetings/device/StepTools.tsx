import type { RoutineStep } from '#contracts/routine';
import { ActionItems } from './ActionItems';
import { PresentationRecord } from './PresentationRecord';
import { QuestionCards } from './QuestionCards';
import { SourceTags } from './SourceTags';

/** The tools a step's kind calls for; the shared note and private reflection come with every step. */
export function StepTools({ step, stepId }: { step: RoutineStep; stepId: string }) {
  switch (step.kind) {
    case 'present':
    case 'observe':
      return <PresentationRecord step={step} editable />;
    case 'questions':
      return (
        <>
          <PresentationRecord step={step} editable={false} />
          <QuestionCards step={step} stepId={stepId} />
        </>
      );
    case 'discussion':
      return <PresentationRecord step={step} editable={false} />;
    case 'final':
      return (
        <>
          <ActionItems prompt={step.finalPrompts?.nextSteps} />
          <SourceTags prompt={step.finalPrompts?.sources} />
        </>
      );
    case 'reflect':
      return null;
  }
}
