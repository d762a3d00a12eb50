import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useNavigate } from '../../shell/navigation';
import { AGENDA_ROUTINES_MAX } from '#contracts/meeting';
import type { MeetingSummary, RoutineSummary } from '#contracts/meetings-api';
import { isObservedPractice } from '#core/routines/agenda';
import { call } from '../../api/client';
import { PracticeMeetingOffer } from '../../demo/PracticeMeetingOffer';
import { useDescribeError } from '../../api/describeError';
import { useGroup } from '../../api/queries';
import { ApiForm } from '../../forms/ApiForm';
import { useToast } from '../../shell/Toaster';
import { Button, ButtonLink } from '../../ui/Button';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { ErrorState, LoadingState } from '../../ui/States';
import { StatusBadge } from '../../ui/StatusBadge';
import { TextField } from '../../ui/TextField';
import { NativeInputField } from '../../ui/NativeInputField';
import { agendaName, formatDateTime } from '../format';
import { SelectField } from '../../ui/SelectField';
import { addMeetingsStrings, useMeetingsT } from '../i18n';
import { meetingKeys, useGroupMeetings, useRoutines } from '../queries';
import { useTeamMeetingsLive } from './useTeamMeetingsLive';
import { teamMeetingsStrings } from './strings.en';
import { CalendarSubscribe } from '../../schedule/CalendarSubscribe';
import { MeetingChangeActions } from '../../schedule/MeetingChangeActions';
import { SeriesList, SeriesRuleLabel } from '../../schedule/SeriesList';
import { SeriesFields, seriesFieldNames, type SeriesDraft } from '../../schedule/SeriesFields';
import { scheduleKeys, useSeries } from '../../schedule/queries';
import { useScheduleT } from '../../schedule/i18n';
import { todayLocal } from '../../schedule/format';

addMeetingsStrings(teamMeetingsStrings, {
  es: () => import('./strings.es').then((m) => m.teamMeetingsStrings),
});

// The date input is the browser's own, not a React Aria field: a problem with it is said in the form's alert.
const scheduleFields = [
  'title',
  ...Array.from({ length: AGENDA_ROUTINES_MAX }, (_, i) => `agenda.${i}.routineId`),
];

/** The team page's meetings: the list (scheduled, live, ended) with what each allows, and scheduling. */
export function TeamMeetingsSection({ groupId }: { groupId: string }) {
  const t = useMeetingsT();
  const meetings = useGroupMeetings(groupId);
  // DAY-TEAM-1: a meeting that opens, starts or ends shows here without a reload.
  useTeamMeetingsLive(groupId);
  const group = useGroup(groupId);
  // The server's `run-meetings` is the same rule as managing the team (those who run it); each meeting also says `canRun`.
  const mayRun = (group.data?.can.manageMembers ?? false) || (meetings.data?.some((m) => m.canRun) ?? false);
  // SERIES-TZ-3: times read in the team's zone (asked with the first screen, like the series).
  const timeZone = useSeries(groupId).data?.timeZone ?? null;

  return (
    <section className="section" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading" className="section__title">
        {t('team.title')}
      </h2>
      {meetings.isPending ? <LoadingState /> : null}
      {meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : null}
      <SeriesList groupId={groupId} />
      {meetings.data ? (
        meetings.data.length === 0 ? (
          <p className="muted">{t('team.none')}</p>
        ) : (
          <ul className="row-list" data-testid="meeting-list">
            {meetings.data.map((meeting) => (
              <MeetingRow key={meeting.id} meeting={meeting} timeZone={timeZone} />
            ))}
          </ul>
        )
      ) : null}
      <ul className="meetings-links">
        <li>
          <Link to="/join-meeting">{t('team.joinWithCode')}</Link>{' '}
          <span className="muted">· {t('team.joinWithCodeHint')}</span>
        </li>
      </ul>
      <PracticeMeetingOffer groupId={groupId} mayRun={mayRun} />
      {mayRun ? <ScheduleMeetingForm groupId={groupId} /> : null}
      <CalendarSubscribe groupId={groupId} isMember={(group.data?.myRole ?? null) !== null} />
    </section>
  );
}

function MeetingRow({ meeting, timeZone }: { meeting: MeetingSummary; timeZone: string | null }) {
  const t = useMeetingsT();
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = useDescribeError();
  const open = useMutation({
    mutationFn: () => call('openMeeting', { params: { meetingId: meeting.id } }),
    onSuccess: (opened) => {
      queryClient.setQueryData(meetingKeys.meeting(opened.id), opened);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(meeting.groupId) });
      navigate(`/meetings/${opened.id}`);
    },
    onError: (error) => {
      toast(describe(error), 'error');
    },
  });
  const tone = meeting.status === 'live' ? 'attention' : 'neutral';
  const cancelled = meeting.status === 'cancelled';

  return (
    <li className={cancelled ? 'row meeting-row is-cancelled' : 'row meeting-row'}>
      <div className="row__main">
        <span className="row__title">{meeting.title}</span>
        {meeting.seriesId ? <SeriesRuleLabel groupId={meeting.groupId} seriesId={meeting.seriesId} /> : null}
        <span className="row__detail">
          {meeting.scheduledFor
            ? formatDateTime(meeting.scheduledFor, i18n.language, timeZone)
            : t('team.noDate')}
        </span>
        <span className="row__detail">
          {t('team.routineMinutes', { name: agendaName(meeting), minutes: meeting.totalMinutes })}
        </span>
        <span className="row__badges">
          <StatusBadge tone={tone}>{t(`status.${meeting.status}`)}</StatusBadge>
        </span>
      </div>
      <div className="row__actions">
        {meeting.status === 'scheduled' && meeting.canRun ? (
          // Not `isPending`: the page moves on, and React Aria would announce a button that is gone.
          <Button
            variant="primary"
            aria-label={t('team.openLiveLabel', { title: meeting.title })}
            onPress={() => {
              open.mutate();
            }}
            isDisabled={open.isPending}
          >
            {t('team.openLive')}
          </Button>
        ) : null}
        {meeting.status === 'scheduled' && meeting.canRun ? <MeetingChangeActions meeting={meeting} /> : null}
        {meeting.status === 'scheduled' && meeting.agenda.some(isObservedPractice) ? (
          // PM-PLAN-1: a Peer Modeling meeting is planned beforehand (model, mode, visit notes).
          <ButtonLink
            to={`/meetings/${meeting.id}/plan`}
            variant="secondary"
            aria-label={t('team.planLabel', { title: meeting.title })}
          >
            {t('team.plan')}
          </ButtonLink>
        ) : null}
        {meeting.status === 'live' && meeting.canTakePart ? (
          <ButtonLink
            to={`/meetings/${meeting.id}`}
            variant="primary"
            aria-label={t('team.joinLabel', { title: meeting.title })}
          >
            {t('team.join')}
          </ButtonLink>
        ) : null}
        {meeting.status === 'live' && meeting.canRun ? (
          <ButtonLink
            to={`/meetings/${meeting.id}/projector`}
            target="_blank"
            variant="secondary"
            aria-label={t('team.projectorLabel', { title: meeting.title })}
          >
            {t('team.projector')}
          </ButtonLink>
        ) : null}
        {(meeting.status === 'live' || meeting.status === 'ended') && meeting.canTakePart ? (
          <ButtonLink
            to={`/meetings/${meeting.id}/minutes`}
            variant="quiet"
            aria-label={t('team.minutesLabel', { title: meeting.title })}
          >
            {t('team.minutes')}
          </ButtonLink>
        ) : null}
      </div>
    </li>
  );
}

/** `datetime-local` gives local wall time without a zone; the API wants an instant. */
function localToIso(value: string): string | null {
  if (value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A first draft of a weekly series: Tuesdays at 15:30 from today for ten weeks. */
function seriesDraft(): SeriesDraft {
  const first = todayLocal();
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1, d + 7 * 10)).toISOString().slice(0, 10);
  return { weekday: 2, time: '15:30', intervalWeeks: 1, firstDate: first, lastDate: last, skipDates: [] };
}

function ScheduleMeetingForm({ groupId }: { groupId: string }) {
  const t = useMeetingsT();
  const ts = useScheduleT();
  const series = useSeries(groupId);
  const [mode, setMode] = useState<'once' | 'weekly'>('once');
  const [draft, setDraft] = useState<SeriesDraft>(seriesDraft);
  const toast = useToast();
  const queryClient = useQueryClient();
  const routines = useRoutines(groupId);
  const [when, setWhen] = useState('');
  const [routineId, setRoutineId] = useState<string | null>(null);
  // Routines that follow the first one in the same meeting (a fuller professional-learning session).
  const [followedBy, setFollowedBy] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const chosen = routineId ?? routines.data?.[0]?.id ?? '';
  const agenda = chosen ? [chosen, ...followedBy] : [];

  const schedule = useMutation({
    mutationFn: async (values: {
      title: string;
      scheduledFor: string | null;
      agenda: { routineId: string }[];
    }) => {
      if (mode === 'weekly') {
        await call('createSeries', {
          params: { groupId },
          body: { title: values.title, agenda: values.agenda, ...draft },
        });
        return 'weekly' as const;
      }
      await call('scheduleMeeting', { params: { groupId }, body: values });
      return 'once' as const;
    },
    onSuccess: (made) => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(groupId) });
      void queryClient.invalidateQueries({ queryKey: scheduleKeys.series(groupId) });
      toast(made === 'weekly' ? ts('series.scheduled') : t('team.scheduled'));
      setTitle('');
      setWhen('');
      setFollowedBy([]);
      setDraft(seriesDraft());
    },
  });

  return (
    <div className="panel schedule-meeting">
      <h3 className="subsection__title schedule-meeting__title">{t('team.scheduleTitle')}</h3>
      <ApiForm
        fieldNames={mode === 'weekly' ? [...scheduleFields, ...seriesFieldNames] : scheduleFields}
        error={schedule.error}
        onValues={(values) => {
          schedule.mutate({
            title: values.title ?? title,
            scheduledFor: localToIso(when),
            agenda: agenda.map((id) => ({ routineId: id })),
          });
        }}
      >
        <TextField
          name="title"
          value={title}
          onChange={setTitle}
          label={t('team.meetingTitle')}
          description={t('team.meetingTitleHint')}
          isRequired
          maxLength={160}
        />
        <RadioGroupField
          name="mode"
          label={ts('mode.label')}
          value={mode}
          onChange={(next) => {
            setMode(next === 'weekly' ? 'weekly' : 'once');
          }}
          options={[
            { value: 'once', label: ts('mode.once'), description: ts('mode.onceHint') },
            { value: 'weekly', label: ts('mode.weekly'), description: ts('mode.weeklyHint') },
          ]}
        />
        {mode === 'once' ? (
          <NativeInputField
            id="meeting-when"
            name="scheduledFor"
            label={`${t('team.when')} ${t('common.optional')}`}
            type="datetime-local"
            value={when}
            onChange={setWhen}
          />
        ) : (
          <SeriesFields value={draft} onChange={setDraft} timeZone={series.data?.timeZone ?? null} />
        )}
        {routines.isPending ? <LoadingState /> : null}
        {routines.isError ? (
          <ErrorState error={routines.error} onRetry={() => void routines.refetch()} />
        ) : null}
        {routines.data ? (
          <>
            <RadioGroupField
              name="agenda.0.routineId"
              label={t('team.routine')}
              value={chosen}
              onChange={setRoutineId}
              options={routines.data.map((r) => ({
                value: r.id,
                label: t('team.routineOption', { name: r.name, minutes: r.totalMinutes }),
                description: r.summary,
              }))}
            />
            <FollowingRoutines routines={routines.data} value={followedBy} onChange={setFollowedBy} />
            {followedBy.length > 0 ? (
              <p className="muted" role="status">
                {t('team.agendaTotal', {
                  count: agenda.length,
                  minutes: agenda.reduce(
                    (sum, id) => sum + (routines.data.find((r) => r.id === id)?.totalMinutes ?? 0),
                    0,
                  ),
                })}
              </p>
            ) : null}
          </>
        ) : null}
        <div className="form__actions">
          <Button type="submit" variant="primary" isPending={schedule.isPending} isDisabled={!chosen}>
            {mode === 'weekly' ? ts('series.schedule') : t('team.schedule')}
          </Button>
        </div>
      </ApiForm>
    </div>
  );
}

/** Up to three more routines after the first, each chosen from a list, in the order they will run. */
function FollowingRoutines({
  routines,
  value,
  onChange,
}: {
  routines: readonly RoutineSummary[];
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const t = useMeetingsT();
  const options = routines.map((r) => ({
    id: r.id,
    label: t('team.routineOption', { name: r.name, minutes: r.totalMinutes }),
  }));
  const canAdd = value.length < AGENDA_ROUTINES_MAX - 1;
  // The next routine in the progression is the natural follow-on (a success, then a dilemma).
  const nextDefault = routines[Math.min(value.length + 1, routines.length - 1)]?.id ?? routines[0]?.id;
  return (
    <fieldset className="fieldset stack">
      <legend className="fieldset__legend">{t('team.thenTitle')}</legend>
      <p className="field__hint">{t('team.thenHint')}</p>
      {value.map((id, i) => (
        <div key={i} className="inline-form">
          <SelectField
            name={`agenda.${i + 1}.routineId`}
            label={t('team.thenRoutine', { n: i + 2 })}
            options={options}
            value={id}
            onChange={(next) => {
              onChange(value.with(i, next));
            }}
          />
          <Button
            variant="quiet"
            aria-label={t('team.removeRoutine', { n: i + 2 })}
            onPress={() => {
              onChange(value.filter((_, j) => j !== i));
            }}
          >
            {t('team.remove')}
          </Button>
        </div>
      ))}
      {canAdd && nextDefault ? (
        <div>
          <Button
            variant="secondary"
            onPress={() => {
              onChange([...value, nextDefault]);
            }}
          >
            {t('team.addRoutine')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
