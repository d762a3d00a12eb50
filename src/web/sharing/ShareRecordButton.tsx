import { ButtonLink } from '../ui/Button';
import { useCurrentNetwork } from '../shell/space';
import { useSharingT } from './i18n';

/** The record page's way to the review (SHARE-RULE-1: shown for a success or a resolved dilemma only). */
export function ShareRecordButton({
  record,
}: {
  record: {
    id: string;
    groupId: string;
    kind: 'success' | 'dilemma' | 'observation';
    status?: 'open' | 'resolved' | null;
  };
}) {
  const t = useSharingT();
  // SHARE-NET-WEB-1: a cohort's record goes to the whole network, the only audience there.
  const inNetwork = useCurrentNetwork() !== null;
  const shareable = record.kind === 'success' || (record.kind === 'dilemma' && record.status === 'resolved');
  if (!shareable) return null;
  return (
    <ButtonLink to={`/teams/${record.groupId}/memory/${record.id}/share`}>
      {inNetwork ? t('button.shareNetwork') : t('button.share')}
    </ButtonLink>
  );
}
