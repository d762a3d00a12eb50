/**
 * PWA-UPCOMING-1: my teams' meetings live now or in the next two weeks, on My teams. A personal device keeps
 * this list for offline use (PWA-OFFLINE-1), so it also answers "when is the next meeting?" without a network.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { dateTimeFormat } from '../ui/dates';
import { StatusBadge } from '../ui/StatusBadge';
import { useScheduleT } from './i18n';
import { useUpcomingMeetings } from './queries';

/** "Tue, Mar 9, 3:30 PM MST": in the team's time zone, always named (SERIES-TZ-3). */
function when(iso: string, timeZone: string, language: string): string {
  return dateTimeFormat(language, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function UpcomingMeetings() {
  const t = useScheduleT();
  const { i18n } = useTranslation();
  const upcoming = useUpcomingMeetings();
  // Loading or failing, the list says nothing: the teams below are the page's subject, and each team's page
  // has its own next meeting.
  if (!upcoming.data) return null;
  const items = upcoming.data.items;
  return (
    <section className="section panel" aria-labelledby="upcoming-meetings" data-testid="upcoming-meetings">
      <h2 id="upcoming-meetings" className="section__title">
        {t('upcoming.title')}
      </h2>
      {items.length === 0 ? (
        <p>{t('upcoming.empty')}</p>
      ) : (
        <ul className="stack">
          {items.map((m) => (
            <li key={m.id} className="row">
              <div className="row__main">
                <Link to={`/teams/${m.groupId}`} className="row__title">
                  {m.title}
                </Link>
                <span className="row__detail">{m.groupName}</span>
                <span className="row__detail">
                  {m.scheduledFor ? `${when(m.scheduledFor, m.timeZone, i18n.language)} · ` : null}
                  {t('upcoming.minutes', { count: m.totalMinutes })}
                </span>
              </div>
              <span className="row__badges">
                <StatusBadge tone={m.status === 'live' ? 'attention' : 'neutral'}>
                  {m.status === 'live' ? t('upcoming.live') : t('upcoming.scheduled')}
                </StatusBadge>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
