import { ButtonLink } from '../ui/Button';
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
  const shareable = record.kind === 'success' || (record.kind === 'dilemma' && record.status === 'resolved');
  if (!shareable) return null;
  return (
    <ButtonLink to={`/teams/${record.groupId}/memory/${record.id}/share`}>{t('button.share')}</ButtonLink>
  );
}
