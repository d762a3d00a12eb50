import type { MeetingSummary } from '#contracts/meetings-api';

/**
 * Where phones in the room join a meeting (DAY-PROJ-1, DAY-FIRST-3): the server's PUBLIC_URL, not whatever
 * address this screen happened to open, and the join page with the code filled in, which works for a
 * signed-in member and for a guest alike. The projector and the lobby show the same link.
 */
export function meetingJoinLinks(summary: Pick<MeetingSummary, 'publicUrl' | 'joinCode'>): {
  /** What the QR code opens. */
  url: string;
  /** What people type: the host and path, without the scheme. */
  page: string;
} {
  const base = summary.publicUrl ?? window.location.origin;
  return {
    url: `${base}/join-meeting?code=${encodeURIComponent(summary.joinCode)}`,
    page: `${new URL(base).host}/join-meeting`,
  };
}
