import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { EFFICACY_SOURCES } from '#contracts/routine';
import { coreApi } from '#contracts/api-core';
import { pathFor } from '#contracts/endpoint';
import { Button, ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/States';
import { agendaName, formatDay, formatTime } from '../format';
import { addMeetingsStrings, useMeetingsT } from '../i18n';
import { MeetingIcon } from '../MeetingIcon';
import { useNameOf, type NameOf } from '../people';
import { MinutesPeerModeling } from '../../peer-modeling/MinutesPeerModeling';
import { useOptionalSignedInUser } from '../../shell/session';
import { useMeetingSummary, useMinutes } from '../queries';
import { useNavigationFocus } from '../useNavigationFocus';
import { formatActualWith, formatDurationWith } from './duration';
import { MinutesActionItems } from './MinutesActionItems';
import { MinutesFollowUps } from '../../next-steps/MinutesFollowUps';
import type { MinutesResponse } from './minutesShape';
import type { MeetingSummary } from '#contracts/meetings-api';
import { minutesStrings } from './strings.en';

addMeetingsStrings(minutesStrings, { es: () => import('./strings.es').then((m) => m.minutesStrings) });

/** The meeting pulse's card loads with its own chunk (MEASURE-PULSE-5), not with every page's first one. */
const loadPulseCard = () => import('../../pulse/PulseCard');
const PulseCard = lazy(() => loadPulseCard().then((module) => ({ default: module.PulseCard })));

/**
 * /meetings/:meetingId/minutes — what the team keeps: built by the server from shared content only (core
 * `minutesOf`), so a private reflection can never be here. Prints as a clean document (see @media print).
 */
export function MinutesPage() {
  const { meetingId = '' } = useParams();
  const summary = useMeetingSummary(meetingId);
  const minutes = useMinutes(meetingId);
  // Asked with the minutes, so that the pulse's card is in place when they show (nothing moves under the reader).
  const queryClient = useQueryClient();
  const pulse = useQuery({
    queryKey: ['minutes', 'pulse-card', meetingId],
    queryFn: () => loadPulseCard().then((module) => module.preparePulseCard(queryClient, meetingId)),
    retry: false,
  });
  if (summary.isPending || minutes.isPending || pulse.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  if (minutes.isError) return <ErrorState error={minutes.error} onRetry={() => void minutes.refetch()} />;
  return <MinutesDocument summary={summary.data} minutes={minutes.data} pulse={pulse.data === true} />;
}

function MinutesDocument({
  summary,
  minutes,
  pulse,
}: {
  summary: MeetingSummary;
  minutes: MinutesResponse;
  /** The meeting's pulse is open to this reader (its card's code and data are in). */
  pulse: boolean;
}) {
  const t = useMeetingsT();
  const { i18n } = useTranslation();
  // Meeting guests (ADR 0013) are named by the minutes themselves.
  const me = useOptionalSignedInUser();
  const nameOf = useNameOf(summary.groupId, [], {
    guests: Object.fromEntries(minutes.guests.map((g) => [g.id, g.name])),
    // PM-GUEST-3: a person invited to this meeting only reads its minutes, not the team's member list.
    invited: { meetingId: summary.id, ids: minutes.invitees, meId: me?.id ?? '' },
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = t('minutes.title', { meeting: summary.title });
  usePageTitle(t('minutes.documentTitle', { meeting: summary.title }));
  useNavigationFocus(headingRef);
  const language = i18n.language;
  const markdownUrl = pathFor(coreApi.meetingMinutesMarkdown.path, { meetingId: summary.id });
  // An agenda may run several routines; with one, the minutes read exactly as a one-routine meeting's.
  const { parts } = minutes;
  const several = parts.length > 1;
  const allSteps = parts.flatMap((part) => part.steps.map((step) => ({ part, step })));
  const stepTitle = (stepId: string) => {
    const found = allSteps.find(({ step }) => step.stepId === stepId);
    if (!found) return stepId;
    return several ? `${found.part.routine.name} · ${found.step.title}` : found.step.title;
  };
  const onlyPart = several ? undefined : parts[0];
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
            <dt>{t(several ? 'minutes.routines' : 'minutes.routine')}</dt>
            <dd>
              {parts.length === 0
                ? agendaName(summary)
                : parts.map((part, i) => (
                    <span key={part.index}>
                      {i > 0 ? ' + ' : ''}
                      {part.routine.name}{' '}
                      <span className="muted">
                        (
                        {part.routine.basedOn
                          ? t('minutes.basedOn', {
                              id: part.routine.basedOn.id,
                              version: part.routine.basedOn.version,
                            })
                          : t('minutes.version', { version: part.routine.version })}
                        )
                      </span>
                    </span>
                  ))}
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
              <RolesLine roles={minutes.roles} parts={parts} nameOf={nameOf} guests={minutes.guests} />
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
          {minutes.invitees.includes(me?.id ?? '') ? null : (
            <ButtonLink to={`/teams/${summary.groupId}`} variant="quiet">
              {t('common.backToTeam')}
            </ButtonLink>
          )}
        </div>
        {minutes.phase !== 'ended' ? (
          <div className="minutes__notice">
            <Notice tone="info">
              <p>{t('minutes.notEnded')}</p>
            </Notice>
          </div>
        ) : null}
      </header>

      {/* MEASURE-PULSE-5: the meeting's anonymous pulse, while it is open, for those who may answer it. */}
      {pulse ? (
        <Suspense fallback={null}>
          <PulseCard meetingId={summary.id} />
        </Suspense>
      ) : null}

      {several ? (
        parts.map((part) => (
          <section
            key={part.index}
            className="section minutes__section minutes__part"
            aria-labelledby={`minutes-part-${part.index}`}
          >
            <h2 id={`minutes-part-${part.index}`} className="section__title">
              {part.index + 1}. {part.routine.name}
            </h2>
            {part.presenterId ? (
              <p>
                {t('roles.presenter')}: {nameOf(part.presenterId)}
              </p>
            ) : null}
            <MinutesPeerModeling part={part} level={3} nameOf={nameOf} />
            <PartPresentation part={part} level={3} nameOf={nameOf} />
            <PartSteps part={part} level={3} />
            <PartNotes part={part} level={3} />
            <PartLearned part={part} level={3} />
            <PartSources part={part} level={3} nameOf={nameOf} />
          </section>
        ))
      ) : onlyPart ? (
        <>
          <PartSteps part={onlyPart} level={2} />
          <MinutesPeerModeling part={onlyPart} level={2} nameOf={nameOf} />
          <PartPresentation part={onlyPart} level={2} nameOf={nameOf} />
          <PartNotes part={onlyPart} level={2} />
        </>
      ) : null}

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
                    <MeetingIcon name="flag" />{' '}
                    {q.flagReason
                      ? t('questions.flaggedWithReason', { reason: q.flagReason })
                      : t('questions.flagged')}
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
                  {r.afterMeeting ? ` · ${t('minutes.sharedAfter')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {!several && onlyPart ? <PartLearned part={onlyPart} level={2} /> : null}

      <section className="section minutes__section" aria-labelledby="minutes-next">
        <h2 id="minutes-next" className="section__title">
          {t('minutes.nextSteps')}
        </h2>
        <MinutesActionItems
          summary={summary}
          phase={minutes.phase}
          items={minutes.actionItems}
          nameOf={nameOf}
        />
      </section>

      {/* FOLLOW-MIN-1: what the team said of earlier meetings' next steps. */}
      <MinutesFollowUps items={minutes.followUps} nameOf={nameOf} />

      {!several && onlyPart ? <PartSources part={onlyPart} level={2} nameOf={nameOf} /> : null}

      <p className="muted minutes__privacy">
        {t('minutes.privacy')} <Link to="/reflections">{t('minutes.myReflections')}</Link>
      </p>
    </article>
  );
}

function RolesLine({
  roles,
  parts,
  nameOf,
  guests = [],
}: {
  roles: MinutesResponse['roles'];
  parts: MinutesResponse['parts'];
  nameOf: NameOf;
  guests?: MinutesResponse['guests'];
}) {
  const t = useMeetingsT();
  // Each routine of the agenda has its own presenter.
  const presenters = parts
    .filter((part) => part.presenterId !== null)
    .map((part) =>
      parts.length > 1
        ? `${t('roles.presenter')} (${part.routine.name}): ${nameOf(part.presenterId)}`
        : `${t('roles.presenter')}: ${nameOf(part.presenterId)}`,
    );
  const line = [
    `${t('roles.facilitator')}: ${nameOf(roles.facilitator)}`,
    ...presenters,
    ...(
      [
        ['roles.timekeeper', roles.timekeeper],
        ['roles.noteTaker', roles.noteTaker],
      ] as const
    )
      .filter(([, id]) => id !== null)
      .map(([key, id]) => `${t(key)}: ${nameOf(id)}`),
    // DAY-FIRST-6: who joined as a guest, so the team can invite them later.
    ...(guests.length ? [`${t('guests.minutesLabel')}: ${guests.map((g) => g.name).join(', ')}`] : []),
  ];
  return <>{line.join(' · ')}</>;
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

type Part = MinutesResponse['parts'][number];
type Level = 2 | 3;

/** A section of one routine's minutes: an <h2> section for a one-routine meeting, an <h3> block in a part's. */
function PartBlock({
  part,
  level,
  name,
  title,
  children,
}: {
  part: Part;
  level: Level;
  name: string;
  title: ReactNode;
  children: ReactNode;
}) {
  const id = `minutes-${name}-${part.index}`;
  if (level === 2) {
    return (
      <section className="section minutes__section" aria-labelledby={id}>
        <h2 id={id} className="section__title">
          {title}
        </h2>
        {children}
      </section>
    );
  }
  return (
    <div className="minutes__block">
      <h3 id={id} className="subsection__title">
        {title}
      </h3>
      {children}
    </div>
  );
}

function PartSteps({ part, level }: { part: Part; level: Level }) {
  const t = useMeetingsT();
  const id = `minutes-steps-${part.index}`;
  return (
    <PartBlock part={part} level={level} name="steps" title={t('minutes.steps')}>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
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
            {part.steps.map((step) => (
              <tr key={step.stepId}>
                <th scope="row">{step.title}</th>
                <td>{formatDurationWith(t, step.plannedMinutes * 60_000)}</td>
                <td>
                  {step.extensionMinutes > 0 ? formatDurationWith(t, step.extensionMinutes * 60_000) : '—'}
                </td>
                <td>{formatActualWith(t, step)}</td>
                <td>{t(`device.outcome.${step.outcome}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PartBlock>
  );
}

function PartPresentation({ part, level, nameOf }: { part: Part; level: Level; nameOf: NameOf }) {
  const t = useMeetingsT();
  const { presentation, presenterId } = part;
  if (!presentation) return null;
  return (
    <PartBlock
      part={part}
      level={level}
      name="presentation"
      title={
        <>
          {t(`focus.${presentation.kind}`)}
          {presenterId && level === 2 ? (
            <span className="section__count"> · {nameOf(presenterId)}</span>
          ) : null}
        </>
      }
    >
      <p className="presentation__title">{presentation.title}</p>
      {presentation.mode ? <p className="muted">{t(`mode.${presentation.mode}`)}</p> : null}
      {presentation.summary ? <Paragraphs text={presentation.summary} /> : null}
    </PartBlock>
  );
}

function PartNotes({ part, level }: { part: Part; level: Level }) {
  const t = useMeetingsT();
  // The final step's note is "What we learned", shown under its own heading.
  const noted = part.steps.filter((step) => step.kind !== 'final' && step.note.trim() !== '');
  const StepHeading = level === 2 ? 'h3' : 'h4';
  return (
    <PartBlock part={part} level={level} name="notes" title={t('minutes.notes')}>
      {noted.length === 0 ? (
        <p className="muted">{t('minutes.noNotes')}</p>
      ) : (
        noted.map((step) => (
          <div key={step.stepId} className="minutes__note">
            <StepHeading className="subsection__title">{step.title}</StepHeading>
            <Paragraphs text={step.note} />
          </div>
        ))
      )}
    </PartBlock>
  );
}

function PartLearned({ part, level }: { part: Part; level: Level }) {
  const t = useMeetingsT();
  return (
    <PartBlock part={part} level={level} name="learned" title={t('minutes.learned')}>
      {part.learned.trim() ? (
        <Paragraphs text={part.learned} />
      ) : (
        <p className="muted">{t('minutes.nothingLearned')}</p>
      )}
    </PartBlock>
  );
}

function PartSources({ part, level, nameOf }: { part: Part; level: Level; nameOf: NameOf }) {
  const t = useMeetingsT();
  const SourceHeading = level === 2 ? 'h3' : 'h4';
  return (
    <PartBlock part={part} level={level} name="sources" title={t('minutes.sources')}>
      {part.sourceTags.length === 0 ? (
        <p className="muted">{t('minutes.noSources')}</p>
      ) : (
        <>
          <p>
            {t('minutes.sourcesSeen', {
              list: part.sourcesSeen.map((s) => t(`sources.${s}.name`)).join(', '),
            })}
          </p>
          {EFFICACY_SOURCES.filter((s) => part.sourcesSeen.includes(s)).map((source) => (
            <div key={source} className="minutes__source">
              <SourceHeading className="subsection__title">{t(`sources.${source}.name`)}</SourceHeading>
              <ul className="minutes__list">
                {part.sourceTags
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
    </PartBlock>
  );
}
