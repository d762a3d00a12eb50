import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';
import { useMeetingsT } from './i18n';
import type { PresentPerson } from './live/meeting-client';

export type NameOf = (userId: string | null | undefined) => string;

/**
 * Names for the ids in a meeting: the team's member list first, then who is present (the server names them),
 * then "A former member" for someone who has left the team since.
 */
export function useNameOf(
  groupId: string,
  present: readonly PresentPerson[] = [],
  opts: {
    /** Meeting guests' display names, from the meeting's log (ADR 0013). */
    guests?: Readonly<Record<string, string>>;
    /** False for a meeting guest, who may not read the team (its member list is not theirs to fetch). */
    team?: boolean;
    /**
     * PM-GUEST-1: the meeting's people invited to it only (not on the team), named from its plan; when the
     * viewer is one of them, the team's member list is not theirs to read.
     */
    invited?: { meetingId: string; ids: readonly string[]; meId: string } | undefined;
  } = {},
): NameOf {
  const t = useMeetingsT();
  const invited = opts.invited;
  const team = opts.team !== false && !(invited?.ids.includes(invited.meId) ?? false);
  const invitedTo = invited && invited.ids.length > 0 ? invited.meetingId : undefined;
  const group = useQuery({
    queryKey: queryKeys.group(groupId),
    queryFn: ({ signal }) => call('getGroup', { params: { groupId }, signal }),
    enabled: team,
  });
  const members = group.data?.members;
  const guests = opts.guests;
  const plan = useQuery({
    queryKey: ['peer-modeling', 'plan', invitedTo ?? ''],
    queryFn: ({ signal }) => call('getMeetingPlan', { params: { meetingId: invitedTo ?? '' }, signal }),
    enabled: invitedTo !== undefined,
  });
  const invitees = plan.data?.invitees;
  return useCallback<NameOf>(
    (userId) => {
      if (!userId) return t('common.nobody');
      return (
        members?.find((m) => m.userId === userId)?.name ??
        invitees?.find((i) => i.userId === userId)?.name ??
        (guests && Object.hasOwn(guests, userId) ? guests[userId] : undefined) ??
        present.find((p) => p.userId === userId)?.name ??
        (team ? t('common.formerMember') : t('guests.teamMember'))
      );
    },
    [members, invitees, guests, present, team, t],
  );
}
