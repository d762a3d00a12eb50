/**
 * The minutes as the server sends them (`GET /api/meetings/:id/minutes`, built by core `minutesOf`): the
 * contract's own schema, so the page and the server cannot drift. One part per routine of the agenda.
 */
import { MeetingMinutes } from '#contracts/minutes';

export const MinutesResponse = MeetingMinutes;
export type MinutesResponse = MeetingMinutes;
