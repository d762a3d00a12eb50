import { useTranslation } from 'react-i18next';
import type { ObservationMode } from '#contracts/routine';
import { formatDateTime } from './dates';
import { usePeerModelingT } from './i18n';

/** What a plan shows wherever it is read: the plan page, the Observe step, the minutes. */
export interface PlanFacts {
  curiosity: string;
  practice: string;
  /** The model's name, already resolved; null when nobody was chosen. */
  modelName: string | null;
  mode: ObservationMode;
  modelingAt: string | null;
  videoUrl: string | null;
  fromSuccess: { title: string } | null;
}

/** PM-PLAN-1, PM-MIN-1: a plan as a list of facts; a video link is a real link that says it opens a new tab. */
export function PlanSummary({ plan }: { plan: PlanFacts }) {
  const t = usePeerModelingT();
  const { i18n } = useTranslation();
  return (
    <dl className="plan-facts" data-testid="plan-summary">
      <dt>{t('plan.summary.curiosity')}</dt>
      <dd>{plan.curiosity}</dd>
      <dt>{t('plan.summary.practice')}</dt>
      <dd>{plan.practice}</dd>
      <dt>{t('plan.summary.model')}</dt>
      <dd>{plan.modelName ?? t('plan.modelNone')}</dd>
      <dt>{t('plan.summary.mode')}</dt>
      <dd data-testid="plan-mode">{t(`mode.${plan.mode}`)}</dd>
      {plan.modelingAt ? (
        <>
          <dt>{t('plan.summary.when')}</dt>
          <dd>{formatDateTime(plan.modelingAt, i18n.language)}</dd>
        </>
      ) : null}
      {plan.videoUrl ? (
        <>
          <dt>{t('plan.summary.video')}</dt>
          <dd>
            <VideoLink url={plan.videoUrl} />
          </dd>
        </>
      ) : null}
      {plan.fromSuccess ? (
        <>
          <dt>{t('plan.summary.fromSuccess')}</dt>
          <dd>{plan.fromSuccess.title}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** PM-URL-2: the plan's video, opened in a new tab (said in words), never with a reference back to this page. */
export function VideoLink({ url }: { url: string }) {
  const t = usePeerModelingT();
  // The server and the log's schema accept https only; anything else is shown, never followed.
  if (!url.startsWith('https://')) return <span>{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="plan-video" data-testid="video-link">
      {t('plan.openVideo')} <span className="plan-video__note">{t('plan.newTab')}</span>
    </a>
  );
}
