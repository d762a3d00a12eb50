import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EFFICACY_SOURCES } from '../../../contracts/routine';
import { pathFor, api } from '../../../contracts/api';
import { Button, ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/States';
import { formatDay, formatDueDate, formatTime } from '../format';
import { useMeetingsT } from '../i18n';
import { MeetingIcon } from '../MeetingIcon';
import { useNameOf, type NameOf } from '../people';
import { useMeetingSummary, useMinutes } from '../queries';
import { useNavigationFocus } from '../useNavigationFocus';
import type { MinutesResponse } from './minutesShape';
import type { MeetingSummary } from '../../../contracts/meetings-api';

/**
 * /meetings/:meetingId/minutes — what the team keeps: built by the server from shared content only (core
 * `minutesOf`), so a private reflection can never be here. Prints as a clean document (see @media print).
 */
export function MinutesPage() {
  const { meetingId = '' } = useParams();
  const summary = useMeetingSummary(meetingId);
  const minutes = useMinutes(meetingId);
  if (summary.isPending || minutes.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  if (minutes.isError) return <ErrorState error={minutes.error} onRetry={() => void minutes.refetch()} />;
  return <MinutesDocument summary={summary.data} minutes={minutes.data} />;
}

function MinutesDocument({ summary, minutes }: { summary: MeetingSummary; minutes: MinutesResponse }) {
  const t = useMeetingsT();
  const { i18n } = useTranslation();
  const nameOf = useNameOf(summary.groupId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = t('minutes.title', { meeting: summary.title });
  usePageTitle(t('minutes.documentTitle', { meeting: summary.title }));
  useNavigationFocus(headingRef);
  const language = i18n.language;
  const markdownUrl = pathFor(api.meetingMinutesMarkdown.path, { meetingId: summary.id });
  const stepTitle = (stepId: string) => minutes.steps.find((s) => s.stepId === stepId)?.title ?? stepId;
  // The final step's note is "What we learned", shown under its own heading below.
  const notedSteps = minutes.steps.filter((step) => step.kind !== 'final' && step.note.trim() !== '');
  const when = minutes.startedAt ?? (summary.scheduledFor ? Date.parse(summary.scheduledFor) : null);

  return (
    <article className="minutes page page--wide">
      <header className="page__header">
        <h1 ref={headingRef} tabIndex={-1} className="page__title">
          {title}
        </h1>
        <dl className="facts minutes__facts">
          <div className="facts__row">
            <dt>{t('minutes.team')}</dt>
            <dd>{summary.groupName}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('minutes.routine')}</dt>
            <dd>
              {minutes.routine?.name ?? summary.routineName}{' '}
              <span className="muted">
                (
                {minutes.routine?.basedOn
                  ? t('minutes.basedOn', {
                      id: minutes.routine.basedOn.id,
                      version: minutes.routine.basedOn.version,
                    })
                  : t('minutes.version', { version: minutes.routine?.version ?? summary.routineVersion })}
                )
              </span>
            </dd>
          </div>
          {when !== null ? (
            <div className="facts__row">
              <dt>{t('minutes.date')}</dt>
              <dd>
                {formatDay(when, language)}
                {minutes.startedAt !== null
                  ? ` · ${formatTime(minutes.startedAt, language)}${minutes.endedAt !== null ? `–${formatTime(minutes.endedAt, language)}` : ''}`
                  : ''}
              </dd>
            </div>
          ) : null}
          <div className="facts__row">
            <dt>{t('minutes.roles')}</dt>
            <dd>
              <RolesLine roles={minutes.roles} nameOf={nameOf} />
            </dd>
          </div>
        </dl>
        <div className="actions minutes__actions">
          <Button
            variant="primary"
            onPress={() => {
              window.print();
            }}
          >
            {t('minutes.print')}
          </Button>
          <a className="button button--secondary" href={markdownUrl} download>
            {t('minutes.markdown')}
          </a>
          <ButtonLink to={`/teams/${summary.groupId}`} variant="quiet">
            {t('common.backToTeam')}
          </ButtonLink>
        </div>
        {minutes.phase !== 'ended' ? (
          <div className="minutes__notice">
            <Notice tone="info">
              <p>{t('minutes.notEnded')}</p>
            </Notice>
          </div>
        ) : null}
      </header>

      <section className="section minutes__section" aria-labelledby="minutes-steps">
        <h2 id="minutes-steps" className="section__title">
          {t('minutes.steps')}
        </h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="minutes-steps">
          <table className="minutes-table">
            <thead>
              <tr>
                <th scope="col">{t('minutes.step')}</th>
                <th scope="col">{t('minutes.planned')}</th>
                <th scope="col">{t('minutes.extended')}</th>
                <th scope="col">{t('minutes.actual')}</th>
                <th scope="col">{t('minutes.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {minutes.steps.map((step) => (
                <tr key={step.stepId}>
                  <th scope="row">{step.title}</th>
                  <td>{t('minutes.minutesShort', { value: step.plannedMinutes })}</td>
                  <td>
                    {step.extensionMinutes > 0
                      ? t('minutes.minutesShort', { value: step.extensionMinutes })
                      : '—'}
                  </td>
                  <td>{t('minutes.minutesShort', { value: step.actualMinutes })}</td>
                  <td>{t(`device.outcome.${step.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {minutes.presentation ? (
        <section className="section minutes__section" aria-labelledby="minutes-presentation">
          <h2 id="minutes-presentation" className="section__title">
            {t(`focus.${minutes.presentation.kind}`)}
            {minutes.roles.presenter ? (
              <span className="section__count"> · {nameOf(minutes.roles.presenter)}</span>
            ) : null}
          </h2>
          <p className="presentation__title">{minutes.presentation.title}</p>
          {minutes.presentation.mode ? (
            <p className="muted">{t(`mode.${minutes.presentation.mode}`)}</p>
          ) : null}
          {minutes.presentation.summary ? <Paragraphs text={minutes.presentation.summary} /> : null}
        </section>
      ) : null}

      <section className="section minutes__section" aria-labelledby="minutes-notes">
        <h2 id="minutes-notes" className="section__title">
          {t('minutes.notes')}
        </h2>
        {notedSteps.length === 0 ? (
          <p className="muted">{t('minutes.noNotes')}</p>
        ) : (
          notedSteps.map((step) => (
            <div key={step.stepId} className="minutes__note">
              <h3 className="subsection__title">{step.title}</h3>
              <Paragraphs text={step.note} />
            </div>
          ))
        )}
      </section>

      <section className="section minutes__section" aria-labelledby="minutes-questions">
        <h2 id="minutes-questions" className="section__title">
          {t('minutes.questions')}
        </h2>
        {minutes.questions.length === 0 ? (
          <p className="muted">{t('minutes.noQuestions')}</p>
        ) : (
          <ul className="minutes__list">
            {minutes.questions.map((q, i) => (
              <li key={i}>
                <span className="minutes__label">{t(`questions.${q.kind}`)}:</span> {q.text}{' '}
                <span className="muted">
                  · {nameOf(q.authorId)} · {stepTitle(q.stepId)}
                </span>
                {q.flagged ? (
                  <span className="minutes__flag">
                    {' '}
                    <MeetingIcon name="flag" /> {t('questions.flagged')}
                    {q.flagReason ? `: ${q.flagReason}` : ''}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section minutes__section" aria-labelledby="minutes-reflections">
        <h2 id="minutes-reflections" className="section__title">
          {t('minutes.reflections')}
        </h2>
        {minutes.sharedReflections.length === 0 ? (
          <p className="muted">{t('minutes.noReflections')}</p>
        ) : (
          <ul className="minutes__list">
            {minutes.sharedReflections.map((r) => (
              <li key={r.reflectionId}>
                {r.text}{' '}
                <span className="muted">
                  · {nameOf(r.authorId)} · {stepTitle(r.stepId)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section minutes__section" aria-labelledby="minutes-learned">
        <h2 id="minutes-learned" className="section__title">
          {t('minutes.learned')}
        </h2>
        {minutes.learned.trim() ? (
          <Paragraphs text={minutes.learned} />
        ) : (
          <p className="muted">{t('minutes.nothingLearned')}</p>
        )}
      </section>

      <section className="section minutes__section" aria-labelledby="minutes-next">
        <h2 id="minutes-next" className="section__title">
          {t('minutes.nextSteps')}
        </h2>
        {minutes.actionItems.length === 0 ? (
          <p className="muted">{t('minutes.noNextSteps')}</p>
        ) : (
          <ul className="minutes__list" data-testid="minutes-action-items">
            {minutes.actionItems.map((item) => (
              <li key={item.id}>
                {item.completedAt !== null ? (
                  <span className="minutes__done">
                    <MeetingIcon name="check" /> {t('actions.done')}:{' '}
                  </span>
                ) : null}
                {item.text}{' '}
                <span className="muted">
                  ·{' '}
                  {item.due
                    ? t('actions.ownerDue', {
                        owner: nameOf(item.ownerId),
                        due: formatDueDate(item.due, language),
                      })
                    : nameOf(item.ownerId)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section minutes__section" aria-labelledby="minutes-sources">
        <h2 id="minutes-sources" className="section__title">
          {t('minutes.sources')}
        </h2>
        {minutes.sourceTags.length === 0 ? (
          <p className="muted">{t('minutes.noSources')}</p>
        ) : (
          <>
            <p>
              {t('minutes.sourcesSeen', {
                list: minutes.sourcesSeen.map((s) => t(`sources.${s}.name`)).join(', '),
              })}
            </p>
            {EFFICACY_SOURCES.filter((s) => minutes.sourcesSeen.includes(s)).map((source) => (
              <div key={source} className="minutes__source">
                <h3 className="subsection__title">{t(`sources.${source}.name`)}</h3>
                <ul className="minutes__list">
                  {minutes.sourceTags
                    .filter((tag) => tag.source === source)
                    .map((tag, i) => (
                      <li key={i}>
                        {tag.why} <span className="muted">· {nameOf(tag.taggedBy)}</span>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </>
        )}
      </section>

      <p className="muted minutes__privacy">{t('minutes.privacy')}</p>
    </article>
  );
}

function RolesLine({ roles, nameOf }: { roles: MinutesResponse['roles']; nameOf: NameOf }) {
  const t = useMeetingsT();
  const parts = (
    [
      ['roles.facilitator', roles.facilitator],
      ['roles.presenter', roles.presenter],
      ['roles.timekeeper', roles.timekeeper],
      ['roles.noteTaker', roles.noteTaker],
    ] as const
  )
    .filter(([, id]) => id !== null)
    .map(([key, id]) => `${t(key)}: ${nameOf(id)}`);
  return <>{parts.join(' · ')}</>;
}

function Paragraphs({ text }: { text: string }) {
  return (
    <div className="note-text">
      {text
        .trim()
        .split(/\n{2,}/)
        .map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
    </div>
  );
}
