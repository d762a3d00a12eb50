import { Link } from 'wouter';
import { useRoutinesT } from './i18n';

/**
 * "Routines · see each step, or adapt a routine for your team", for the team page's list of links. Only those
 * who may adapt the team's routines (the same rule as the routine editor: `can.manageMembers`) are offered to
 * adapt one; everyone else reads "see each step of your team's routines" (DAY-WORDS-6).
 */
export function TeamRoutinesLink({ groupId, canAdapt }: { groupId: string; canAdapt: boolean }) {
  const t = useRoutinesT();
  return (
    <>
      <Link to={`/teams/${groupId}/routines`}>{t('teamLink.label')}</Link>{' '}
      <span className="muted">· {canAdapt ? t('teamLink.hint') : t('teamLink.hintReader')}</span>
    </>
  );
}
