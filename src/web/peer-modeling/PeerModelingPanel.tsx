import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { call } from '../api/client';
import { useDescribeError } from '../api/describeError';
import { FoldOnPhone } from '../meetings/device/FoldOnPhone';
import { useLiveMeeting } from '../meetings/live/LiveMeetingContext';
import { useToast } from '../shell/Toaster';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { usePeerModelingT } from './i18n';
import { PlanSummary } from './PlanSummary';
import { peerModelingKeys, useMyVisitNote } from './queries';
import './peer-modeling.css';

/**
 * A Peer Modeling part of a running meeting (loaded lazily: only these meetings need it). On the Observe step,
 * what the team watches: the plan's practice, mode, model and video link (PM-PLAN-3). On every step of the
 * part, the visit notes shared so far, and the person's own note with a button to share it (PM-NOTE-3).
 */
export function PeerModelingPanel({ section }: { section: 'plan' | 'observations' }) {
  const t = usePeerModelingT();
  const { state, nameOf, summary } = useLiveMeeting();
  const part = state.agenda[state.currentPart];
  const plan = part?.plan ?? null;
  if (section === 'plan') {
    if (!plan) return null;
    // Folded on a phone, so the step's own tool stays on the first screen (DAY-DEVICE-2); one tap opens it.
    return (
      <FoldOnPhone summary={t('meeting.observeTitle')} className="panel">
        <div data-testid="observe-plan">
          <PlanSummary plan={{ ...plan, modelName: plan.modelId ? nameOf(plan.modelId) : null }} />
        </div>
      </FoldOnPhone>
    );
  }
  const shared = state.sharedObservations.filter((o) => o.part === state.currentPart);
  return (
    <section className="panel stack" aria-labelledby="observations-heading">
      <h2 id="observations-heading" className="section__title">
        {t('meeting.sharedTitle')}
      </h2>
      {shared.length === 0 ? (
        <p className="muted">{t('meeting.noneShared')}</p>
      ) : (
        <ul className="observations" data-testid="shared-observations">
          {shared.map((o) => (
            <li key={o.observationId}>
              <p className="observations__author">{t('meeting.sharedBy', { name: nameOf(o.authorId) })}</p>
              <p className="observations__text">{o.text}</p>
            </li>
          ))}
        </ul>
      )}
      <MyNoteShare meetingId={summary.id} />
    </section>
  );
}

/** The person's own visit note: share it into the meeting (a snapshot), or write one. */
function MyNoteShare({ meetingId }: { meetingId: string }) {
  const t = usePeerModelingT();
  const toast = useToast();
  const describe = useDescribeError();
  const queryClient = useQueryClient();
  const note = useMyVisitNote(meetingId);
  const share = useMutation({
    mutationFn: () => call('shareMyVisitNote', { params: { meetingId } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(peerModelingKeys.note(meetingId), saved);
      toast(t('notes.sharedToast'));
    },
  });
  if (!note.data) return null;
  const hasText = note.data.text.trim() !== '';
  return (
    <div className="stack">
      <h3 className="subsection__title">{t('meeting.yourNote')}</h3>
      {note.data.sharedAt && !note.data.changedSinceShared ? (
        <p className="muted">{t('meeting.noteShared')}</p>
      ) : null}
      <p className="actions">
        {hasText && note.data.canShare && (!note.data.sharedAt || note.data.changedSinceShared) ? (
          <Button
            variant="primary"
            isPending={share.isPending}
            onPress={() => {
              share.mutate();
            }}
          >
            {note.data.sharedAt ? t('notes.shareAgain') : t('notes.share')}
          </Button>
        ) : null}
        <Link to={`/meetings/${meetingId}/visit-notes`}>
          {hasText ? t('notes.link') : t('meeting.writeNote')}{' '}
          <span className="muted">({t('notes.linkHint')})</span>
        </Link>
      </p>
      {share.error ? (
        <Notice tone="error" role="alert">
          <p>{describe(share.error)}</p>
        </Notice>
      ) : null}
    </div>
  );
}
