/** The catalogue's scheduling: weekly series, changing or cancelling a meeting, calendar feeds (ADR 0017); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { z } from './zod';
import { MeetingSummary } from './meetings-api';
import {
  CalendarFeedLink,
  CalendarFeedStatus,
  CreateSeriesRequest,
  SeriesList,
  SeriesSummary,
  UpdateMeetingRequest,
  UpdateSeriesRequest,
} from './schedule';
import { e, type Endpoint } from './endpoint';

export const scheduleApi = {
  groupCalendar: e({
    method: 'GET',
    path: '/api/groups/:groupId/meetings.ics',
    auth: 'session',
    response: z.string(),
    produces: 'text/calendar',
    summary: "The group's meetings as an iCalendar feed",
    tag: 'meetings',
  }),
  listSeries: e({
    method: 'GET',
    path: '/api/groups/:groupId/series',
    auth: 'session',
    response: SeriesList,
    summary: "A group's weekly series, with the team's time zone",
    tag: 'meetings',
  }),
  createSeries: e({
    method: 'POST',
    path: '/api/groups/:groupId/series',
    auth: 'session',
    body: CreateSeriesRequest,
    response: SeriesSummary,
    summary:
      'Schedule a weekly series: one meeting for each date that is not skipped (those who run the team)',
    tag: 'meetings',
  }),
  updateSeries: e({
    method: 'PATCH',
    path: '/api/series/:seriesId',
    auth: 'session',
    body: UpdateSeriesRequest,
    response: SeriesSummary,
    summary: "Change a series' holidays or last date; its meetings follow (those who run the team)",
    tag: 'meetings',
  }),
  cancelSeries: e({
    method: 'POST',
    path: '/api/series/:seriesId/cancel',
    auth: 'session',
    response: SeriesSummary,
    summary: 'Cancel the rest of a series: each meeting still to come is cancelled (those who run the team)',
    tag: 'meetings',
  }),
  groupCalendarFeed: e({
    method: 'GET',
    path: '/api/groups/:groupId/calendar-feed',
    auth: 'session',
    response: CalendarFeedStatus,
    summary: "Whether the caller has a secret calendar link for this team's meetings",
    tag: 'calendar',
  }),
  resetGroupCalendarFeed: e({
    method: 'POST',
    path: '/api/groups/:groupId/calendar-feed',
    auth: 'session',
    response: CalendarFeedLink,
    summary: "Make (or replace) the caller's secret calendar link for this team; shown once",
    tag: 'calendar',
  }),
  myCalendarFeed: e({
    method: 'GET',
    path: '/api/me/calendar-feed',
    auth: 'session',
    response: CalendarFeedStatus,
    summary: "Whether the caller has a secret calendar link for all their teams' meetings",
    tag: 'calendar',
  }),
  resetMyCalendarFeed: e({
    method: 'POST',
    path: '/api/me/calendar-feed',
    auth: 'session',
    response: CalendarFeedLink,
    summary: "Make (or replace) the caller's secret calendar link for all their teams; shown once",
    tag: 'calendar',
  }),
  calendarFeed: e({
    method: 'GET',
    path: '/api/calendar-feeds/:token/calendar.ics',
    auth: 'public',
    response: z.string(),
    produces: 'text/calendar',
    summary:
      'A secret calendar link: the meetings as iCalendar, for calendar apps (no cookie; 404 once reset)',
    tag: 'calendar',
  }),
  updateMeeting: e({
    method: 'PATCH',
    path: '/api/meetings/:meetingId',
    auth: 'session',
    body: UpdateMeetingRequest,
    response: MeetingSummary,
    summary: 'Move, rename or change the agenda of a scheduled meeting (those who run the team)',
    tag: 'meetings',
  }),
  cancelMeeting: e({
    method: 'POST',
    path: '/api/meetings/:meetingId/cancel',
    auth: 'session',
    response: MeetingSummary,
    summary: 'Cancel a scheduled meeting: kept and shown as cancelled, never opened (those who run the team)',
    tag: 'meetings',
  }),
} as const satisfies Record<string, Endpoint>;
