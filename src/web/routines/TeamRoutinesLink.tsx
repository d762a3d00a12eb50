import { Link } from 'react-router';
import { useRoutinesT } from './i18n';

/** "Routines · see each step, or adapt a routine for your team", for the team page's list of links. */
export function TeamRoutinesLink({ groupId }: { groupId: string }) {
  const t = useRoutinesT();
  return (
    <>
      <Link to={`/teams/${groupId}/routines`}>{t('teamLink.label')}</Link>{' '}
      <span className="muted">· {t('teamLink.hint')}</span>
    </>
  );
}
