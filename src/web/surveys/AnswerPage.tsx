/**
 * MEASURE-WEB-1, MEASURE-WEB-2: answering a survey, as the invited person (/surveys/:waveId/answer, signed in) or
 * through its anonymous link (/s/:token, no account). Both pages are the same form (AnswerForm.tsx) and the same
 * states; the link's page keeps this browser's token for the wave (browser-token.ts).
 */
import { useState } from 'react';
import { useParams } from 'wouter';
import type { SubmitResponse, SurveyToAnswer } from '#contracts/surveys';
import { isApiRequestError } from '../api/client';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { AnswerForm, AnswerState, SurveyPromise, type AnswerOutcome } from './AnswerForm';
import { answeredFromThisBrowser, browserTokenFor, noteAnsweredFromThisBrowser } from './browser-token';
import { useSurveysT } from './i18n';
import { useLinkSurvey, useSubmitAnswer, useSurveyToAnswer } from './queries';
import './surveys.css';

type Shown = 'form' | 'thanks' | 'already' | 'already-browser' | 'scheduled' | 'closed';

function shownFor(survey: SurveyToAnswer, outcome: AnswerOutcome | null, viaLink: boolean): Shown {
  if (outcome === 'answered') return 'thanks';
  if (survey.wave.status === 'scheduled') return 'scheduled';
  if (survey.wave.status === 'closed') return 'closed';
  if (viaLink && (outcome === 'conflict' || answeredFromThisBrowser(survey.wave.id)))
    return 'already-browser';
  if (survey.alreadyAnswered || outcome === 'conflict') return 'already';
  return 'form';
}

function Answering({
  survey,
  viaLink,
  submit,
  isPending,
  onConflict,
}: {
  survey: SurveyToAnswer;
  viaLink: boolean;
  submit: (body: SubmitResponse) => Promise<unknown>;
  isPending: boolean;
  onConflict: () => void;
}) {
  const t = useSurveysT();
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const shown = shownFor(survey, outcome, viaLink);
  return (
    <Page title={survey.wave.title} width="narrow" intro={<p>{survey.instrument.description}</p>}>
      {shown === 'form' ? (
        <>
          <SurveyPromise survey={survey} viaLink={viaLink} t={t} />
          <AnswerForm
            survey={survey}
            submit={submit}
            isPending={isPending}
            {...(viaLink ? { browserToken: browserTokenFor(survey.wave.id) } : {})}
            onDone={(done) => {
              if (viaLink) noteAnsweredFromThisBrowser(survey.wave.id);
              if (done === 'conflict') onConflict();
              setOutcome(done);
              window.scrollTo({ top: 0 });
            }}
          />
        </>
      ) : (
        <AnswerState kind={shown} survey={survey} signedIn={!viaLink} />
      )}
    </Page>
  );
}

/** The page's frame while the survey loads or when it is not there (404: not invited, closed, or a reset link). */
function Unavailable({
  error,
  onRetry,
  signedIn,
}: {
  error: unknown;
  onRetry: () => void;
  signedIn: boolean;
}) {
  const t = useSurveysT();
  const missing = isApiRequestError(error) && error.status === 404;
  return (
    <Page title={missing ? t('answer.missingTitle') : t('title')} width="narrow">
      {missing ? (
        <AnswerState kind="missing" signedIn={signedIn} />
      ) : (
        <ErrorState error={error} onRetry={onRetry} />
      )}
    </Page>
  );
}

/** /surveys/:waveId/answer: the invited, signed-in person answers (MEASURE-WAVE-4, -5). */
export function AnswerPage() {
  const t = useSurveysT();
  const { waveId = '' } = useParams();
  const survey = useSurveyToAnswer(waveId);
  const submit = useSubmitAnswer({ waveId });
  if (survey.isPending)
    return (
      <Page title={t('title')} width="narrow">
        <LoadingState label={t('answer.loading')} />
      </Page>
    );
  if (survey.isError)
    return <Unavailable error={survey.error} onRetry={() => void survey.refetch()} signedIn />;
  return (
    <Answering
      survey={survey.data}
      viaLink={false}
      submit={submit.mutateAsync}
      isPending={submit.isPending}
      onConflict={() => void survey.refetch()}
    />
  );
}

/** /s/:token: anyone with the anonymous link answers, once per browser (MEASURE-WAVE-6). */
export function LinkAnswerPage() {
  const t = useSurveysT();
  const { token = '' } = useParams();
  const survey = useLinkSurvey(token);
  const submit = useSubmitAnswer({ token });
  if (survey.isPending)
    return (
      <Page title={t('title')} width="narrow">
        <LoadingState label={t('answer.loading')} />
      </Page>
    );
  if (survey.isError)
    return <Unavailable error={survey.error} onRetry={() => void survey.refetch()} signedIn={false} />;
  return (
    <Answering
      survey={survey.data}
      viaLink
      submit={submit.mutateAsync}
      isPending={submit.isPending}
      onConflict={() => void survey.refetch()}
    />
  );
}
