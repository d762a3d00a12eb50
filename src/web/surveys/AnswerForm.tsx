/**
 * MEASURE-WEB-1, MEASURE-WEB-2: the one answer form of a survey, for the invited person (/surveys/:waveId/answer)
 * and for the anonymous link (/s/:token). The promise comes first in plain words; then each question is a group of
 * native radios (fieldset + legend: the question; the scale's labels: the choices), in short sections, with a
 * count of what is answered that is also said politely; the team the answer is about when there is a choice; for
 * the link, whether the person leads; the optional comment when the instrument asks for one. Before sending, a
 * question left out is named and focused; the server's field errors land on the same questions.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmitResponse, SurveyToAnswer } from '#contracts/surveys';
import { ApiRequestError, isApiRequestError, type FieldProblem } from '../api/client';
import { ApiForm } from '../forms/ApiForm';
import { useCurrentNetwork } from '../shell/space';
import { Button, ButtonLink } from '../ui/Button';
import { FormAlert } from '../ui/FormAlert';
import { Notice } from '../ui/Notice';
import { RadioGroupField } from '../ui/RadioGroupField';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { formatDay } from './format';
import { useSurveysT, type SurveysT } from './i18n';

/** Questions per section: short enough to see the end of one on a phone. */
const SECTION_SIZE = 7;
/** Up to this many units are radios; more (an anonymous link over a district) are a select. */
const UNIT_RADIOS = 6;

export type AnswerOutcome = 'answered' | 'conflict';

export interface AnswerFormProps {
  survey: SurveyToAnswer;
  /** Sends the answer; rejects with the API's error. */
  submit: (body: SubmitResponse) => Promise<unknown>;
  isPending: boolean;
  /** The anonymous link's browser token (MEASURE-WAVE-6); none for the invited person. */
  browserToken?: string;
  onDone: (outcome: AnswerOutcome) => void;
}

function sections<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SECTION_SIZE) out.push(items.slice(i, i + SECTION_SIZE));
  return out;
}

/** The promise, in plain words, before any question (MEASURE-WEB-1). */
export function SurveyPromise({
  survey,
  viaLink,
  t,
}: {
  survey: SurveyToAnswer;
  viaLink: boolean;
  t: SurveysT;
}) {
  const inNetwork = useCurrentNetwork() !== null;
  return (
    <Notice tone="info" title={t('answer.promiseTitle')}>
      <ul className="survey-promise">
        <li>{t('answer.promise1')}</li>
        <li>{t('answer.promise2', { threshold: survey.threshold })}</li>
        <li>{t(inNetwork ? 'answer.promise3Network' : 'answer.promise3')}</li>
        {/* ADR 0029: the link's guard is weak by design, and said so. */}
        {viaLink ? <li>{t('answer.promiseLink')}</li> : null}
      </ul>
    </Notice>
  );
}

export function AnswerForm({ survey, submit, isPending, browserToken, onDone }: AnswerFormProps) {
  const t = useSurveysT();
  const { i18n } = useTranslation();
  const { items, scale, freeText } = survey.instrument;
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [unit, setUnit] = useState(survey.units.length === 1 ? (survey.units[0]?.key ?? '') : '');
  const [leader, setLeader] = useState<'' | 'yes' | 'no'>('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(0);
  const endpoint = browserToken === undefined ? 'submitResponse' : 'submitLinkResponse';

  const answered = items.filter((item) => answers[item.id] !== undefined).length;
  // Kept between renders: ApiForm moves the focus to the first field in error when its errors change.
  const fieldNames = useMemo(
    () => ['unit', 'leader', 'freeText', ...items.map((item) => `answers.${item.id}`)],
    [items],
  );
  const options = scale.map((label, index) => ({ value: String(index + 1), label }));

  const send = async (values: Record<string, string>) => {
    const problems: FieldProblem[] = [];
    if (survey.units.length > 1 && unit === '')
      problems.push({ path: 'unit', message: t('answer.missingChoice') });
    if (survey.asksRole && leader === '')
      problems.push({ path: 'leader', message: t('answer.missingChoice') });
    const unanswered = items.filter((item) => answers[item.id] === undefined);
    for (const item of unanswered)
      problems.push({ path: `answers.${item.id}`, message: t('answer.missingItem') });
    setMissing(unanswered.length);
    if (problems.length > 0) {
      // Checked here as the server would (every item is required, ADR 0028): the fields show it and the first
      // one left out takes the focus (ApiForm).
      setError(
        new ApiRequestError(
          endpoint,
          400,
          'validation',
          t('answer.missing', { count: problems.length }),
          problems,
        ),
      );
      return;
    }
    setError(null);
    const text = values.freeText?.trim() ?? '';
    try {
      await submit({
        unit,
        answers,
        ...(text ? { freeText: text } : {}),
        ...(survey.asksRole ? { leader: leader === 'yes' } : {}),
        ...(browserToken === undefined ? {} : { browserToken }),
      });
      onDone('answered');
    } catch (failure) {
      if (isApiRequestError(failure) && failure.status === 409) onDone('conflict');
      else setError(failure);
    }
  };

  return (
    <ApiForm
      fieldNames={fieldNames}
      error={error}
      isPending={isPending}
      className="survey-form"
      onValues={(values) => void send(values)}
    >
      <p className="survey-form__progress" role="status" data-testid="survey-progress">
        {t('answer.progress', { answered, total: items.length })}
      </p>
      {survey.units.length > 1 ? (
        survey.units.length > UNIT_RADIOS ? (
          <SelectField
            name="unit"
            label={t('answer.unit')}
            description={t('answer.unitHint')}
            placeholder={t('answer.missingChoice')}
            isRequired
            value={unit === '' ? null : unit}
            onChange={setUnit}
            options={survey.units.map((u) => ({ id: u.key, label: u.label }))}
          />
        ) : (
          <RadioGroupField
            name="unit"
            label={t('answer.unit')}
            description={t('answer.unitHint')}
            isRequired
            value={unit}
            onChange={setUnit}
            options={survey.units.map((u) => ({ value: u.key, label: u.label }))}
          />
        )
      ) : null}
      {survey.asksRole ? (
        <div className="survey-form__inline">
          <RadioGroupField
            name="leader"
            label={t('answer.leader')}
            description={t('answer.leaderHint')}
            isRequired
            value={leader}
            onChange={(value) => setLeader(value === 'yes' ? 'yes' : 'no')}
            options={[
              { value: 'yes', label: t('answer.yes') },
              { value: 'no', label: t('answer.no') },
            ]}
          />
        </div>
      ) : null}
      {sections(items).map((part, index) => {
        const from = index * SECTION_SIZE + 1;
        const headingId = `survey-section-${index}`;
        return (
          <section key={from} className="survey-section" aria-labelledby={headingId}>
            <h2 id={headingId} className="section__title">
              {t('answer.section', { from, to: from + part.length - 1 })}
            </h2>
            {part.map((item, offset) => (
              <div key={item.id} className="survey-item">
                <RadioGroupField
                  name={`answers.${item.id}`}
                  label={t('answer.item', { number: from + offset, text: item.text })}
                  isRequired
                  value={answers[item.id] === undefined ? '' : String(answers[item.id])}
                  onChange={(value) => setAnswers((current) => ({ ...current, [item.id]: Number(value) }))}
                  options={options}
                />
              </div>
            ))}
          </section>
        );
      })}
      {freeText ? (
        <TextAreaField
          name="freeText"
          label={freeText.prompt}
          description={t('answer.freeTextHint')}
          maxLength={2000}
          rows={4}
        />
      ) : null}
      {missing > 0 && error ? <FormAlert messages={[t('answer.missing', { count: missing })]} /> : null}
      <p className="muted">{t('answer.closes', { date: formatDay(survey.wave.closesOn, i18n.language) })}</p>
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={isPending}>
          {t('answer.submit')}
        </Button>
      </div>
    </ApiForm>
  );
}

/** What the page shows instead of the questions: thanks, already answered, not open, or not there. */
export function AnswerState({
  kind,
  survey,
  signedIn,
}: {
  kind: 'thanks' | 'already' | 'already-browser' | 'scheduled' | 'closed' | 'missing';
  survey?: SurveyToAnswer;
  signedIn: boolean;
}) {
  const t = useSurveysT();
  const { i18n } = useTranslation();
  const back = signedIn ? (
    <p>
      <ButtonLink to="/surveys">{t('answer.backToSurveys')}</ButtonLink>
    </p>
  ) : null;
  const [title, body] =
    kind === 'thanks'
      ? [
          t('answer.thanksTitle'),
          t('answer.thanks', {
            date: survey ? formatDay(survey.wave.closesOn, i18n.language) : '',
            threshold: survey?.threshold ?? 5,
          }),
        ]
      : kind === 'already'
        ? [t('answer.alreadyTitle'), t('answer.already')]
        : kind === 'already-browser'
          ? [t('answer.alreadyTitle'), t('answer.alreadyBrowser')]
          : kind === 'scheduled'
            ? [t('answer.notOpenTitle'), t('answer.scheduled')]
            : kind === 'closed'
              ? [t('answer.notOpenTitle'), t('answer.closed')]
              : [t('answer.missingTitle'), t('answer.missingBody')];
  return (
    <div className="stack" data-testid={`survey-state-${kind}`}>
      <Notice
        tone={kind === 'thanks' || kind.startsWith('already') ? 'success' : 'info'}
        title={title}
        role="status"
      >
        <p>{body}</p>
      </Notice>
      {back}
    </div>
  );
}
