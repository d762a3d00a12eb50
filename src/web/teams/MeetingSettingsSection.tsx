import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSettings } from '#contracts/meeting-settings';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { ToggleSwitch } from '../ui/ToggleSwitch';
import { FormAlert } from '../ui/FormAlert';
import './i18n';

const meetingSettingsKey = (groupId: string) => ['groups', groupId, 'meeting-settings'] as const;

export function useMeetingSettings(groupId: string) {
  return useQuery({
    queryKey: meetingSettingsKey(groupId),
    queryFn: ({ signal }) => call('getMeetingSettings', { params: { groupId }, signal }),
  });
}

/**
 * DAY-TIMER-2: how the team's meetings run by default (the timer that starts itself on each step), for those
 * who run its meetings; hidden from everyone else. Each meeting copies the setting when it is opened.
 */
export function MeetingSettingsSection({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const settings = useMeetingSettings(groupId);
  // The value being saved, set in the press itself: the mutation's own state reaches the page a task later,
  // and until then the switch would show the old value and a second press would start a second save.
  const [requested, setRequested] = useState<boolean | null>(null);
  const change = useMutation({
    mutationFn: (autoStartTimer: boolean) =>
      call('updateMeetingSettings', { params: { groupId }, body: { autoStartTimer } }),
    onSuccess: (updated: MeetingSettings) => {
      queryClient.setQueryData(meetingSettingsKey(groupId), updated);
    },
    onSettled: () => {
      setRequested(null);
    },
  });

  if (!settings.data?.canChange) return null;
  // While a change is on its way the switch already shows it; a refusal puts it back.
  const selected = requested ?? settings.data.autoStartTimer;
  return (
    <section className="section" aria-labelledby="meeting-settings-heading">
      <h2 id="meeting-settings-heading" className="section__title">
        {t('team.meetingSettings.title')}
      </h2>
      <ToggleSwitch
        label={t('team.meetingSettings.autoStartTimer')}
        description={t('team.meetingSettings.autoStartTimerHint')}
        isSelected={selected}
        onChange={(next) => {
          // Not natively disabled while saving (the switch keeps focus); a press meanwhile is ignored.
          if (requested !== null) return;
          setRequested(next);
          change.mutate(next);
        }}
      />
      {change.isError ? (
        <FormAlert messages={[t('team.meetingSettings.failed'), describe(change.error)]} />
      ) : null}
    </section>
  );
}
