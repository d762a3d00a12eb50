/**
 * Book studies of a group (issue 14, BOOK-*); merged in `api.ts`, loaded by the web client on first use (ADR 0026).
 * Every entry is callable in a district (a team) and in a network (a cohort): `spaces: anySpace` (ADR 0032).
 */
import { z } from './zod';
import { e, anySpace, type Endpoint } from './endpoint';
import {
  BookReflection,
  BookStudyDetail,
  BookStudyList,
  CreateBookStudy,
  NewBookReflection,
  ReplaceBookSections,
} from './book-study';
import { MeetingSummary } from './meetings-api';

export const bookStudyApi = {
  listBookStudies: e({
    method: 'GET',
    path: '/api/groups/:groupId/book-studies',
    auth: 'session',
    spaces: anySpace,
    response: BookStudyList,
    summary:
      "A group's book studies, newest first, and whether the caller may start one (whoever reads the group)",
    tag: 'book-study',
  }),
  createBookStudy: e({
    method: 'POST',
    path: '/api/groups/:groupId/book-studies',
    auth: 'session',
    spaces: anySpace,
    body: CreateBookStudy,
    response: BookStudyDetail,
    summary: 'Start a book study: the book, its sections and reading schedule (those who run the group)',
    tag: 'book-study',
  }),
  getBookStudy: e({
    method: 'GET',
    path: '/api/book-studies/:studyId',
    auth: 'session',
    spaces: anySpace,
    response: BookStudyDetail,
    summary:
      "A book study: sections, prompts, the group's shared reflections and my own private ones (members)",
    tag: 'book-study',
  }),
  replaceBookSections: e({
    method: 'PUT',
    path: '/api/book-studies/:studyId/sections',
    auth: 'session',
    spaces: anySpace,
    body: ReplaceBookSections,
    response: BookStudyDetail,
    summary: 'Replace the sections and schedule (sections named by id keep their reflections and meeting)',
    tag: 'book-study',
  }),
  writeBookReflection: e({
    method: 'POST',
    path: '/api/book-studies/:studyId/sections/:sectionId/reflections',
    auth: 'session',
    spaces: anySpace,
    body: NewBookReflection,
    response: BookReflection,
    summary: 'Write a reflection on a section: private to me unless I share it with the group (members)',
    tag: 'book-study',
  }),
  shareBookReflection: e({
    method: 'POST',
    path: '/api/book-reflections/:reflectionId/share',
    auth: 'session',
    spaces: anySpace,
    response: BookReflection,
    summary: 'Share one of my private reflections with the group (its author only)',
    tag: 'book-study',
  }),
  scheduleBookSession: e({
    method: 'POST',
    path: '/api/book-studies/:studyId/sections/:sectionId/meeting',
    auth: 'session',
    spaces: anySpace,
    response: MeetingSummary,
    summary:
      "Schedule the section's session as a meeting of the group with its routine (those who run the group)",
    tag: 'book-study',
  }),
  bookStudyCalendar: e({
    method: 'GET',
    path: '/api/book-studies/:studyId/calendar.ics',
    auth: 'session',
    spaces: anySpace,
    response: z.string(),
    produces: 'text/calendar',
    summary:
      "The study's schedule as iCalendar: read-by days (all day) and sessions in the group's time zone",
    tag: 'book-study',
  }),
} as const satisfies Record<string, Endpoint>;
