/**
 * DAY-DEMO-5: on a demo server, those who run a team's meetings can open a practice meeting where simulated
 * colleagues take part. Renders nothing on any other server.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../shell/navigation';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { meetingKeys } from '../meetings/queries';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { useDemoInfo } from './queries';
import './demo.css';
import './i18n';

export function PracticeMeetingOffer({ groupId, mayRun }: { groupId: string; mayRun: boolean }) {
  const { t } = useTranslation();
  const info = useDemoInfo();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const start = useMutation({
    mutationFn: () => call('startPracticeMeeting', { params: { groupId } }),
    onSuccess: ({ meetingId }) => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(groupId) });
      navigate(`/meetings/${meetingId}`);
    },
  });
  if (!info.data?.demo || !mayRun) return null;
  return (
    <div className="panel practice-offer">
      <h3 className="subsection__title">{t('demo.practice.title')}</h3>
      <p>{t('demo.practice.body')}</p>
      {start.isError ? (
        <Notice tone="error" role="alert">
          {describe(start.error)}
        </Notice>
      ) : null}
      {/* Not `isPending`: the page moves on, and React Aria would announce a button that is gone. */}
      <Button
        variant="primary"
        onPress={() => {
          start.mutate();
        }}
        isDisabled={start.isPending}
      >
        {t('demo.practice.start')}
      </Button>
    </div>
  );
}
