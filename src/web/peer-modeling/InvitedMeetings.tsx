import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDateTime } from './dates';
import { usePeerModelingT } from './i18n';
import { useInvitedMeetings } from './queries';
import './peer-modeling.css';

/**
 * PM-GUEST-5: on the home page, the meetings of other teams the person is invited to (as a model or an
 * observer); nothing when there are none.
 */
export function InvitedMeetings() {
  const t = usePeerModelingT();
  const { i18n } = useTranslation();
  const invited = useInvitedMeetings();
  if (!invited.data || invited.data.length === 0) return null;
  return (
    <section className="section stack invited-meetings" aria-labelledby="invited-heading">
      <h2 id="invited-heading" className="section__title">
        {t('invited.title')}
      </h2>
      <p className="muted">{t('invited.intro')}</p>
      <ul className="card-grid">
        {invited.data.map((m) => (
          <li key={m.id} className="card">
            <h3 className="card__title">
              <Link to={`/meetings/${m.id}`}>{m.title}</Link>
            </h3>
            <p className="card__kind">
              {t('invited.of', { team: m.groupName })} · {m.agenda.map((a) => a.routineName).join(' + ')}
            </p>
            <p>
              {m.scheduledFor ? formatDateTime(m.scheduledFor, i18n.language) : t('invited.noDate')} ·{' '}
              {t(`invited.status.${m.status}`)}
            </p>
            <p className="invited-meetings__links">
              <Link to={`/meetings/${m.id}/plan`}>
                {t('invited.plan')}
                <span className="visually-hidden">: {m.title}</span>
              </Link>
              <Link to={`/meetings/${m.id}/visit-notes`}>
                {t('invited.notes')}
                <span className="visually-hidden">: {m.title}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
