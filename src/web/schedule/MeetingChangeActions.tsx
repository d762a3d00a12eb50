import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '#contracts/meetings-api';
import { call } from '../api/client';
import { ApiForm } from '../forms/ApiForm';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/TextField';
import { NativeInputField } from '../ui/NativeInputField';
import { meetingKeys } from '../meetings/queries';
import { formatDateTime } from '../meetings/format';
import { useScheduleT } from './i18n';
import { scheduleKeys } from './queries';

/** An instant as the browser's `datetime-local` value (local wall time, minutes). */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): string | null {
  if (value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Move (or rename) and cancel a scheduled meeting: for those who run the team (SERIES-MOVE). */
export function MeetingChangeActions({ meeting }: { meeting: MeetingSummary }) {
  const t = useScheduleT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const [moving, setMoving] = useState(false);
  // Meetings of a series share a title: their buttons are told apart by the date.
  const named = meeting.scheduledFor
    ? `${meeting.title}, ${formatDateTime(meeting.scheduledFor, i18n.language)}`
    : meeting.title;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingKeys.forGroup(meeting.groupId) }),
      queryClient.invalidateQueries({ queryKey: scheduleKeys.series(meeting.groupId) }),
    ]);
  return (
    <>
      <Button
        variant="quiet"
        aria-haspopup="dialog"
        aria-label={t('meeting.moveLabel', { title: named })}
        onPress={() => {
          setMoving(true);
        }}
      >
        {t('meeting.move')}
      </Button>
      {moving ? (
        <MoveDialog
          meeting={meeting}
          onClose={() => {
            setMoving(false);
          }}
          onSaved={async () => {
            await refresh();
            setMoving(false);
            toast(t('meeting.moved'));
          }}
        />
      ) : null}
      <ConfirmDialog
        trigger={t('meeting.cancel')}
        triggerLabel={t('meeting.cancelLabel', { title: named })}
        title={t('meeting.cancelTitle', { title: meeting.title })}
        body={<p>{t('meeting.cancelBody')}</p>}
        confirmLabel={t('meeting.cancelConfirm')}
        onConfirm={async () => {
          await call('cancelMeeting', { params: { meetingId: meeting.id } });
          await refresh();
          toast(t('meeting.cancelDone'));
        }}
      />
    </>
  );
}

function MoveDialog({
  meeting,
  onClose,
  onSaved,
}: {
  meeting: MeetingSummary;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const t = useScheduleT();
  const [title, setTitle] = useState(meeting.title);
  const [when, setWhen] = useState(toLocalInput(meeting.scheduledFor));
  const save = useMutation({
    mutationFn: () =>
      call('updateMeeting', {
        params: { meetingId: meeting.id },
        body: { title, scheduledFor: fromLocalInput(when) },
      }),
    onSuccess: onSaved,
  });
  return (
    <Dialog
      isOpen
      onClose={onClose}
      title={t('meeting.moveTitle', { title: meeting.title })}
      isBusy={save.isPending}
    >
      <ApiForm
        fieldNames={['title']}
        error={save.error}
        isPending={save.isPending}
        onValues={() => {
          save.mutate();
        }}
      >
        <TextField
          name="title"
          value={title}
          onChange={setTitle}
          label={t('meeting.moveTitleField')}
          isRequired
          maxLength={160}
        />
        <NativeInputField
          id={`move-${meeting.id}`}
          name="scheduledFor"
          type="datetime-local"
          label={t('meeting.moveWhen')}
          value={when}
          onChange={setWhen}
        />
        <div className="dialog__actions">
          <Button variant="secondary" onPress={onClose} isDisabled={save.isPending}>
            {t('meeting.close')}
          </Button>
          <Button type="submit" variant="primary" isPending={save.isPending}>
            {t('meeting.moveSave')}
          </Button>
        </div>
      </ApiForm>
    </Dialog>
  );
}
