import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingGuest } from '#contracts/guests';
import { isGuest } from '#core/meeting/index';
import { call } from '../../api/client';
import { useDescribeError } from '../../api/describeError';
import { useToast } from '../../shell/Toaster';
import { Button } from '../../ui/Button';
import { FormAlert } from '../../ui/FormAlert';
import { useMeetingsT } from '../i18n';
import { useLiveMeeting } from '../live/LiveMeetingContext';
import { guestKeys, useMeetingGuests } from './queries';
import './guests.css';

/** Who waits to join; the facilitator lets each in (or turns them away). */
export function WaitingGuests({ onlyWhenWaiting = false }: { onlyWhenWaiting?: boolean }) {
  const t = useMeetingsT();
  const { summary, state, meId } = useLiveMeeting();
  const facilitates = state.roles.facilitator === meId;
  const guests = useMeetingGuests(summary.id, facilitates);
  const all = guests.data ?? [];
  const waiting = all.filter((g) => g.status === 'waiting' && !isGuest(state, g.id));
  const admittedCount = Object.keys(state.guests).length;
  // The facilitator decides who comes in, so the list is theirs; the others see who is here (presence).
  if (!facilitates || (onlyWhenWaiting && waiting.length === 0)) return null;
  // In the lobby those let in stay in the list (marked so), so a row never moves under the next click.
  const rows = onlyWhenWaiting ? waiting : all;
  return (
    <section className="stack" aria-labelledby="guest-waiting-heading">
      <h3 id="guest-waiting-heading" className="guest-waiting__title">
        {t('guests.waitingListTitle')}
      </h3>
      {/* Announced as people arrive, so a facilitator using a screen reader hears them too. */}
      <div role="status" aria-live="polite">
        {waiting.length === 0 ? <p>{t('guests.nobodyWaiting')}</p> : null}
      </div>
      {rows.length ? (
        <ul className="guest-waiting" aria-label={t('guests.waitingListTitle')}>
          {rows.map((g) => (
            <WaitingGuestRow
              key={g.id}
              guest={g}
              admitted={g.status === 'admitted' || isGuest(state, g.id)}
            />
          ))}
        </ul>
      ) : null}
      {admittedCount > 0 ? <p>{t('guests.guestsIn', { count: admittedCount })}</p> : null}
    </section>
  );
}

function WaitingGuestRow({ guest, admitted }: { guest: MeetingGuest; admitted: boolean }) {
  const t = useMeetingsT();
  const { summary } = useLiveMeeting();
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = useDescribeError();
  const refresh = () => queryClient.invalidateQueries({ queryKey: guestKeys.ofMeeting(summary.id) });
  const admit = useMutation({
    mutationFn: () => call('admitMeetingGuest', { params: { meetingId: summary.id, guestId: guest.id } }),
    onSuccess: () => {
      toast(t('guests.admitted', { name: guest.name }));
      void refresh();
    },
  });
  const decline = useMutation({
    mutationFn: () => call('declineMeetingGuest', { params: { meetingId: summary.id, guestId: guest.id } }),
    onSuccess: () => void refresh(),
  });
  const problem = admit.error ?? decline.error;
  return (
    <li className="guest-waiting__row">
      <span className="guest-waiting__name">{guest.name}</span>
      {admitted ? (
        <span className="guest-waiting__in">{t('guests.inMeeting')}</span>
      ) : (
        <span className="guest-waiting__actions">
          <Button
            variant="primary"
            aria-label={t('guests.admitName', { name: guest.name })}
            isPending={admit.isPending}
            isDisabled={decline.isPending}
            onPress={() => {
              admit.mutate();
            }}
          >
            {t('guests.admit')}
          </Button>
          <Button
            variant="quiet"
            aria-label={t('guests.declineName', { name: guest.name })}
            isDisabled={admit.isPending || decline.isPending}
            onPress={() => {
              decline.mutate();
            }}
          >
            {t('guests.decline')}
          </Button>
        </span>
      )}
      {problem ? <FormAlert messages={[describe(problem)]} /> : null}
    </li>
  );
}
