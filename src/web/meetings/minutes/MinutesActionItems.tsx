import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { ActionItem } from '#core/meeting/index';
import { useSignedInUser } from '../../shell/session';
import { Button } from '../../ui/Button';
import { mayCompleteActionItem } from '../device/ActionItems';
import { formatDay, formatDueDate } from '../format';
import { useMeetingsT } from '../i18n';
import { MeetingIcon } from '../MeetingIcon';
import { announce } from '../../ui/announcer';
import { browserStorage, hasStoredCommands } from '../live/outbox-store';
import { useLiveMeetingValue } from '../live/useLiveMeetingValue';
import type { NameOf } from '../people';
import { meetingKeys } from '../queries';
import { useNextStepsT } from '../../next-steps/i18n';

const doneId = (itemId: string) => `done-${itemId}`;

/** A next step as the minutes list it (the server's `minutesOf`, or the live fold once connected). */
export type MinutesItem = Pick<ActionItem, 'id' | 'text' | 'ownerId' | 'due' | 'completedAt' | 'outcome'>;

/** NEXT-DONE-1: what happened, written when it was marked done. */
function Outcome({ text }: { text: string }) {
  const t = useNextStepsT();
  return <span className="minutes__outcome"> · {t('outcome', { text })}</span>;
}

/**
 * Next steps in the minutes (LIVE-UI-17). After the meeting has ended, follow-ups are ticked off here: the page
 * joins the meeting's live connection (the one write path, with idempotency keys and the offline outbox) and
 * offers "Mark done" to whoever may (owner, who added it, facilitator). It connects only when there is
 * something to do: an open item, or commands this browser still keeps for the meeting.
 */
export function MinutesActionItems({
  summary,
  phase,
  items,
  nameOf,
}: {
  summary: MeetingSummary;
  phase: string;
  items: readonly MinutesItem[];
  nameOf: NameOf;
}) {
  const me = useSignedInUser();
  const wanted =
    summary.status === 'ended' &&
    phase === 'ended' &&
    (items.some((item) => item.completedAt === null) ||
      hasStoredCommands(browserStorage(), summary.id, me.id));
  // Once connected, the page stays connected (marking the last item done must not swap the list under the focus).
  const [connect, setConnect] = useState(false);
  if (wanted && !connect) setConnect(true);
  return connect ? (
    <LiveActionItems summary={summary} items={items} nameOf={nameOf} />
  ) : (
    <ActionItemList items={items} nameOf={nameOf} />
  );
}

function LiveActionItems({
  summary,
  items,
  nameOf,
}: {
  summary: MeetingSummary;
  items: readonly MinutesItem[];
  nameOf: NameOf;
}) {
  const t = useMeetingsT();
  const queryClient = useQueryClient();
  const live = useLiveMeetingValue(summary);
  // Until the live fold is here (or when this person may not join, e.g. an admin reading the minutes), the
  // server's minutes are shown as they are, without buttons.
  const joined = live.state.phase === 'ended';
  const shown = joined ? live.state.actionItems : items;
  // Sent and not answered yet (it may wait offline): the button says so rather than sending twice.
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  // The item whose button was just used: its "Done" takes the focus the vanished button had (unless the
  // person has moved on meanwhile).
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    const id = focusAfter.current;
    if (id === null || shown.find((item) => item.id === id)?.completedAt == null) return;
    focusAfter.current = null;
    if (document.activeElement === null || document.activeElement === document.body)
      document.getElementById(doneId(id))?.focus();
  }, [shown]);

  const complete = async (item: MinutesItem) => {
    setPending((ids) => new Set(ids).add(item.id));
    focusAfter.current = item.id;
    const result = await live.send({ type: 'completeActionItem', itemId: item.id });
    setPending((ids) => new Set([...ids].filter((id) => id !== item.id)));
    if (result.ok) {
      announce(t('actions.completed'));
      void queryClient.invalidateQueries({ queryKey: meetingKeys.minutes(summary.id) });
    }
  };

  const { connection, outbox } = live.snapshot;
  const waiting = connection !== 'live' && outbox.length > 0;

  return (
    <>
      {/* Always present, so the status region exists before there is anything to say. */}
      <p className="muted" role="status" data-testid="queued-count">
        {waiting
          ? `${connection === 'offline' ? `${t('connection.offline')} ` : ''}${t('connection.queued', { count: outbox.length })}`
          : ''}
      </p>
      <ActionItemList
        items={shown}
        nameOf={nameOf}
        mayComplete={(item) =>
          joined &&
          live.state.actionItems.some(
            (own) => own.id === item.id && mayCompleteActionItem(live.state, live.can, live.meId, own),
          )
        }
        onComplete={(item) => void complete(item)}
        isPending={(item) => pending.has(item.id)}
      />
    </>
  );
}

function ActionItemList({
  items,
  nameOf,
  mayComplete = () => false,
  onComplete,
  isPending = () => false,
}: {
  items: readonly MinutesItem[];
  nameOf: NameOf;
  mayComplete?: (item: MinutesItem) => boolean;
  onComplete?: (item: MinutesItem) => void;
  isPending?: (item: MinutesItem) => boolean;
}) {
  const t = useMeetingsT();
  const { i18n } = useTranslation();
  const language = i18n.language;
  if (items.length === 0) return <p className="muted">{t('minutes.noNextSteps')}</p>;
  return (
    <ul className="minutes__list" data-testid="minutes-action-items">
      {items.map((item) => (
        <li key={item.id} className="minutes__item">
          <span className="minutes__item-text">{item.text}</span>{' '}
          <span className="muted">
            ·{' '}
            {item.due
              ? t('actions.ownerDue', { owner: nameOf(item.ownerId), due: formatDueDate(item.due, language) })
              : nameOf(item.ownerId)}
          </span>{' '}
          {item.completedAt !== null ? (
            <span className="minutes__done" id={doneId(item.id)} tabIndex={-1}>
              <MeetingIcon name="check" />{' '}
              {t('actions.doneOn', { date: formatDay(item.completedAt, language) })}
              {item.outcome ? <Outcome text={item.outcome} /> : null}
            </span>
          ) : mayComplete(item) && onComplete ? (
            <span className="minutes__complete">
              <Button
                variant="secondary"
                aria-label={t('actions.completeLabel', { text: item.text })}
                isPending={isPending(item)}
                onPress={() => {
                  onComplete(item);
                }}
              >
                {t('actions.complete')}
              </Button>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
