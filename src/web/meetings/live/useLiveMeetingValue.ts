import { useCallback, useEffect, useMemo } from 'react';
import type { MeetingSummary } from '#contracts/meetings-api';
import { abilitiesFor } from '#core/meeting/index';
import { useOptionalSignedInUser } from '../../shell/session';
import { useToast } from '../../shell/Toaster';
import { useMeetingsT, type MeetingsKey } from '../i18n';
import { useNameOf } from '../people';
import type { LiveMeeting } from './LiveMeetingContext';
import type { CommandError } from './meeting-client';
import { useMeetingClient } from './useMeetingClient';

const KNOWN_REFUSALS = new Set([
  'STALE_STEP',
  'NO_NEXT_STEP',
  'NO_PREVIOUS_STEP',
  'TIMER_STATE',
  'NOT_ALLOWED',
  'WRONG_PHASE',
  'NOT_A_MEMBER',
  'LIMIT',
]);

/** One calm sentence for a refused command: ours for the common codes, the server's message otherwise. */
export function useDescribeRefusal(): (error: CommandError) => string {
  const t = useMeetingsT();
  return useCallback(
    (error) => {
      const reason = KNOWN_REFUSALS.has(error.code)
        ? t(`problems.${error.code}` as MeetingsKey)
        : error.message;
      return t('problems.refused', { reason });
    },
    [t],
  );
}

/** Connects to the meeting and gathers what its screens need; refusals are reported once, as toasts. */
export function useLiveMeetingValue(
  summary: MeetingSummary,
  view: 'device' | 'projector' = 'device',
  /** A meeting guest (DAY-FIRST, ADR 0013): no account; sees the meeting, never the team. */
  guest?: { id: string },
): LiveMeeting {
  const signedIn = useOptionalSignedInUser();
  const me = { id: guest?.id ?? signedIn?.id ?? '' };
  const { client, snapshot } = useMeetingClient(summary.id, me.id, view);
  const nameOf = useNameOf(summary.groupId, snapshot.present, {
    guests: snapshot.state.guests,
    team: guest === undefined,
    // PM-GUEST-3: people invited to this meeting only are named from its plan (and read no team list).
    invited:
      guest === undefined ? { meetingId: summary.id, ids: snapshot.state.invitees, meId: me.id } : undefined,
  });
  const toast = useToast();
  const describe = useDescribeRefusal();
  const { state } = snapshot;

  useEffect(() => {
    for (const problem of snapshot.problems) {
      toast(describe(problem.error), 'error');
      client.dismissProblem(problem.id);
    }
  }, [snapshot.problems, client, toast, describe]);

  const can = useMemo(() => abilitiesFor(state, me.id), [state, me.id]);
  return useMemo(
    () => ({ client, snapshot, state, summary, meId: me.id, can, nameOf, send: (body) => client.send(body) }),
    [client, snapshot, state, summary, me.id, can, nameOf],
  );
}
