import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { MeetingPlanView, PlanDetail } from '#contracts/peer-modeling';
import { ObservationMode } from '#contracts/routine';
import { ApiForm } from '../forms/ApiForm';
import { NativeInputField } from '../ui/NativeInputField';
import { TextAreaField } from '../ui/TextAreaField';
import { formatDateTime } from './dates';
import { useToast } from '../shell/Toaster';
import { Button, ButtonLink } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { RadioGroupField } from '../ui/RadioGroupField';
import { SelectField } from '../ui/SelectField';
import { ErrorState, LoadingState } from '../ui/States';
import { TextField } from '../ui/TextField';
import { usePeerModelingT } from './i18n';
import { InviteSection } from './InviteSection';
import { PlanSummary } from './PlanSummary';
import { useMeetingPlan, useSavePlan, useTeamSuccesses } from './queries';
import './peer-modeling.css';

/** /meetings/:meetingId/plan — PM-PLAN-1: the Peer Modeling plan of a meeting and the people invited to it. */
export function PlanPage() {
  const t = usePeerModelingT();
  const { i18n } = useTranslation();
  const { meetingId = '' } = useParams();
  const plan = useMeetingPlan(meetingId);

  if (plan.isPending) return <LoadingState />;
  if (plan.isError)
    return (
      <Page title={t('plan.pageTitle')} width="narrow">
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      </Page>
    );
  const view = plan.data;
  return (
    <Page
      title={t('plan.pageTitle')}
      documentTitle={t('plan.documentTitle', { meeting: view.title })}
      width="narrow"
      intro={
        <>
          <p>
            <Link to={`/meetings/${view.meetingId}`}>{view.title}</Link>
            {view.scheduledFor ? ` · ${formatDateTime(view.scheduledFor, i18n.language)}` : ''}
          </p>
          {view.canEditPlan ? <p>{t('plan.intro')}</p> : null}
        </>
      }
    >
      <div className="stack">
        <div className="actions">
          <ButtonLink to={`/meetings/${view.meetingId}`}>{t('plan.backToMeeting')}</ButtonLink>
          {view.canTakeNotes ? (
            <ButtonLink to={`/meetings/${view.meetingId}/visit-notes`}>
              {/* One flex item, so the hint wraps with the words instead of standing in a column. */}
              <span>
                {t('notes.link')} <span className="muted">({t('notes.linkHint')})</span>
              </span>
            </ButtonLink>
          ) : null}
        </div>
        {view.parts.length === 0 ? <Notice>{<p>{t('plan.noPart')}</p>}</Notice> : null}
        {view.parts.map((part) => (
          <section key={part.part} className="panel stack" aria-labelledby={`plan-${part.part}`}>
            <h2 id={`plan-${part.part}`} className="section__title">
              {t('plan.partTitle', { routine: part.routineName })}
            </h2>
            {view.canEditPlan ? (
              <PlanForm view={view} part={part.part} plan={part.plan} />
            ) : part.plan ? (
              <>
                {view.status !== 'scheduled' ? <p className="muted">{t('plan.fixed')}</p> : null}
                <PlanSummary plan={part.plan} />
              </>
            ) : (
              <p className="muted">{t('plan.notPlanned')}</p>
            )}
          </section>
        ))}
        <InviteSection view={view} />
      </div>
    </Page>
  );
}

const planFields = ['curiosity', 'practice', 'modelId', 'mode', 'modelingAt', 'videoUrl', 'fromSuccess'];

/** `datetime-local` wants local wall time without a zone. */
function isoToLocal(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function localToIso(value: string): string | null {
  if (value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function PlanForm({ view, part, plan }: { view: MeetingPlanView; part: number; plan: PlanDetail | null }) {
  const t = usePeerModelingT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const save = useSavePlan(view.meetingId, part);
  const successes = useTeamSuccesses(view.groupId, view.canEditPlan);
  const [curiosity, setCuriosity] = useState(plan?.curiosity ?? '');
  const [practice, setPractice] = useState(plan?.practice ?? '');
  const [modelId, setModelId] = useState(plan?.modelId ?? '');
  const [mode, setMode] = useState<ObservationMode>(plan?.mode ?? 'classroom-visit');
  const [when, setWhen] = useState(isoToLocal(plan?.modelingAt ?? null));
  const [videoUrl, setVideoUrl] = useState(plan?.videoUrl ?? '');
  const [fromSuccess, setFromSuccess] = useState(
    plan?.fromSuccess ? `${plan.fromSuccess.meetingId}:${plan.fromSuccess.part}` : '',
  );
  // A model withdrawn from the invitations is no longer a choice (the server cleared it too).
  const model = view.modelChoices.some((c) => c.id === modelId) ? modelId : '';

  return (
    <ApiForm
      fieldNames={planFields}
      error={save.error}
      isPending={save.isPending}
      onValues={() => {
        const [successMeeting, successPart] = fromSuccess.split(':');
        save.mutate(
          {
            curiosity,
            practice,
            modelId: model || null,
            mode,
            modelingAt: localToIso(when),
            videoUrl: mode === 'classroom-video' && videoUrl.trim() !== '' ? videoUrl : null,
            fromSuccess:
              successMeeting && successPart !== undefined
                ? { meetingId: successMeeting, part: Number(successPart) }
                : null,
          },
          { onSuccess: () => toast(t('plan.saved')) },
        );
      }}
    >
      <TextAreaField
        name="curiosity"
        label={t('plan.curiosity')}
        description={t('plan.curiosityHint')}
        value={curiosity}
        onChange={setCuriosity}
        maxLength={1000}
        rows={2}
        isRequired
      />
      <TextAreaField
        name="practice"
        label={t('plan.practice')}
        description={t('plan.practiceHint')}
        value={practice}
        onChange={setPractice}
        maxLength={1000}
        rows={2}
        isRequired
      />
      <SelectField
        name="modelId"
        label={t('plan.model')}
        description={t('plan.modelHint')}
        options={[
          { id: '', label: t('plan.modelNone') },
          ...view.modelChoices.map((c) => ({
            id: c.id,
            label: c.invited ? t('plan.modelInvited', { name: c.name }) : c.name,
          })),
        ]}
        value={model}
        onChange={setModelId}
      />
      <RadioGroupField
        name="mode"
        label={t('plan.modeLabel')}
        value={mode}
        onChange={(value) => {
          setMode(ObservationMode.parse(value));
        }}
        options={ObservationMode.options.map((m) => ({
          value: m,
          label: t(`mode.${m}`),
          description: t(`modeHint.${m}`),
        }))}
      />
      {mode === 'classroom-video' ? (
        <TextField
          name="videoUrl"
          type="url"
          inputMode="url"
          label={t('plan.videoUrl')}
          description={t('plan.videoUrlHint')}
          value={videoUrl}
          onChange={setVideoUrl}
          maxLength={2000}
        />
      ) : null}
      <NativeInputField
        id={`plan-when-${part}`}
        name="modelingAt"
        label={t('plan.when')}
        description={mode === 'classroom-visit' ? t('plan.whenHintVisit') : t('plan.whenHintMeeting')}
        type="datetime-local"
        value={when}
        onChange={setWhen}
      />
      {successes.data && successes.data.length > 0 ? (
        <SelectField
          name="fromSuccess"
          label={t('plan.fromSuccess')}
          description={t('plan.fromSuccessHint')}
          options={[
            { id: '', label: t('plan.fromSuccessNone') },
            ...successes.data.map((s) => {
              const values = {
                title: s.title,
                name: s.presenterName,
                meeting: s.meetingTitle,
                date: formatDateTime(s.at, i18n.language),
              };
              return {
                id: `${s.meetingId}:${s.part}`,
                label: s.presenterName
                  ? t('plan.fromSuccessBy', values)
                  : t('plan.fromSuccessOption', values),
              };
            }),
          ]}
          value={fromSuccess}
          onChange={setFromSuccess}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          {t('plan.save')}
        </Button>
      </div>
    </ApiForm>
  );
}
