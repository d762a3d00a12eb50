import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { VISIT_NOTE_MAX, type MyVisitNote } from '#contracts/peer-modeling';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { TextAreaField } from '../ui/TextAreaField';
import { formatTime } from './dates';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { ErrorState, LoadingState } from '../ui/States';
import { usePeerModelingT } from './i18n';
import { peerModelingKeys, useMyVisitNote } from './queries';
import './peer-modeling.css';

/** Typing pauses this long before the note is saved. */
const SAVE_AFTER_MS = 800;

/**
 * /meetings/:meetingId/visit-notes — an observer's own notes from a classroom visit (PM-NOTE-1), on a phone
 * before the meeting: saved as they type, private to their author until they share them into the meeting.
 */
export function VisitNotesPage() {
  const t = usePeerModelingT();
  const { meetingId = '' } = useParams();
  // While the meeting may still open, asked again now and then: the share button appears once it runs.
  const note = useMyVisitNote(meetingId, 10_000);

  if (note.isPending) return <LoadingState />;
  if (note.isError)
    return (
      <Page title={t('notes.pageTitle')} width="narrow">
        <ErrorState error={note.error} onRetry={() => void note.refetch()} />
      </Page>
    );
  return (
    <Page
      title={t('notes.pageTitle')}
      documentTitle={t('notes.documentTitle', { meeting: note.data.meetingTitle })}
      width="narrow"
      intro={
        <p>
          <Link to={`/meetings/${meetingId}`}>{note.data.meetingTitle}</Link>
        </p>
      }
    >
      <NotesEditor key={meetingId} initial={note.data} />
    </Page>
  );
}

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; reason: string };

function NotesEditor({ initial }: { initial: MyVisitNote }) {
  const t = usePeerModelingT();
  const { i18n } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const queryClient = useQueryClient();
  const meetingId = initial.meetingId;
  const latest = useMyVisitNote(meetingId, 10_000).data ?? initial;
  const [text, setText] = useState(initial.text);
  const [save, setSave] = useState<SaveState>(
    initial.updatedAt ? { kind: 'saved', at: initial.updatedAt } : { kind: 'idle' },
  );
  const pending = useRef<{ timer: ReturnType<typeof setTimeout> | null; text: string | null }>({
    timer: null,
    text: null,
  });
  const saving = useRef(Promise.resolve());

  const store = useCallback(
    (value: string) => {
      setSave({ kind: 'saving' });
      // One save at a time, in the order typed: the last one written is the one kept.
      saving.current = saving.current.then(async () => {
        try {
          const saved = await call('saveMyVisitNote', { params: { meetingId }, body: { text: value } });
          queryClient.setQueryData(peerModelingKeys.note(meetingId), saved);
          if (pending.current.text === null)
            setSave({ kind: 'saved', at: saved.updatedAt ?? new Date().toISOString() });
        } catch (err) {
          setSave({ kind: 'error', reason: describe(err) });
        }
      });
      return saving.current;
    },
    [meetingId, queryClient, describe],
  );

  const flush = useCallback(() => {
    const p = pending.current;
    if (p.timer) clearTimeout(p.timer);
    p.timer = null;
    const value = p.text;
    p.text = null;
    return value === null ? saving.current : store(value);
  }, [store]);

  // Whatever is still waiting is saved when the page goes away or is hidden (a phone locked in a pocket).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  const share = useMutation({
    mutationFn: async () => {
      await flush();
      return call('shareMyVisitNote', { params: { meetingId } });
    },
    onSuccess: (shared) => {
      queryClient.setQueryData(peerModelingKeys.note(meetingId), shared);
      toast(t('notes.sharedToast'));
    },
  });

  const status =
    save.kind === 'saving'
      ? t('notes.saving')
      : save.kind === 'saved'
        ? t('notes.saved', { time: formatTime(Date.parse(save.at), i18n.language) })
        : save.kind === 'error'
          ? t('notes.notSaved', { reason: save.reason })
          : t('notes.empty');

  return (
    <div className="stack visit-notes">
      <Notice tone="info">
        <p>{t('notes.private')}</p>
      </Notice>
      <div onBlur={() => void flush()}>
        <TextAreaField
          label={t('notes.label')}
          description={t('notes.hint')}
          value={text}
          onChange={(value) => {
            setText(value);
            const p = pending.current;
            p.text = value;
            if (p.timer) clearTimeout(p.timer);
            p.timer = setTimeout(() => void flush(), SAVE_AFTER_MS);
          }}
          maxLength={VISIT_NOTE_MAX}
          rows={12}
          name="text"
        />
      </div>
      <p
        className={`visit-notes__status visit-notes__status--${save.kind}`}
        role="status"
        data-testid="note-status"
      >
        {status}
      </p>
      <section className="panel stack" aria-labelledby="share-heading">
        <h2 id="share-heading" className="section__title">
          {t('notes.share')}
        </h2>
        {latest.sharedAt ? (
          <p>{t('notes.shared', { time: formatTime(Date.parse(latest.sharedAt), i18n.language) })}</p>
        ) : null}
        {latest.sharedAt && latest.changedSinceShared ? (
          <p className="muted">{t('notes.changedSinceShared')}</p>
        ) : null}
        {latest.status === 'ended' ? <p className="muted">{t('notes.ended')}</p> : null}
        {latest.canShare ? (
          <div>
            <Button
              variant="primary"
              isPending={share.isPending}
              isDisabled={text.trim() === ''}
              onPress={() => {
                share.mutate();
              }}
            >
              {latest.sharedAt ? t('notes.shareAgain') : t('notes.share')}
            </Button>
          </div>
        ) : latest.status !== 'ended' ? (
          <p className="muted">{t('notes.shareWhenRunning')}</p>
        ) : null}
        {share.error ? (
          <Notice tone="error" role="alert">
            <p>{describe(share.error)}</p>
          </Notice>
        ) : null}
      </section>
    </div>
  );
}
