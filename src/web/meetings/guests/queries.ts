/** Meeting guests (DAY-FIRST, ADR 0013): query keys and reads. */
import { useQuery } from '@tanstack/react-query';
import type { GuestSession } from '#contracts/guests';
import { call, isApiRequestError } from '../../api/client';

export const guestKeys = {
  session: ['guest-session'] as const,
  ofMeeting: (meetingId: string) => ['meetings', 'guests', meetingId] as const,
};

/** This device's guest session, or null without one; asked again while waiting to be let in. */
export function useGuestSession() {
  return useQuery<GuestSession | null>({
    queryKey: guestKeys.session,
    queryFn: async ({ signal }) => {
      try {
        return await call('guestSession', { signal });
      } catch (error) {
        if (isApiRequestError(error) && error.status === 401) return null;
        throw error;
      }
    },
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'waiting' ? 1_500 : status === 'admitted' ? 10_000 : false;
    },
  });
}

/**
 * Who waits to join (and who was let in), for the facilitator: asked every 2 s while shown. Only the
 * facilitator's device asks, so a school's devices behind one address stay well inside the rate limit.
 */
export function useMeetingGuests(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: guestKeys.ofMeeting(meetingId),
    queryFn: async ({ signal }) => (await call('listMeetingGuests', { params: { meetingId }, signal })).items,
    refetchInterval: 2_000,
    enabled,
  });
}
