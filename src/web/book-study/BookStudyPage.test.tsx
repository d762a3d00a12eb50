/**
 * The study page as a district team's member, its facilitator and a leader who is not in it see it (BOOK-WEB-3..5),
 * rendered to HTML from seeded answers (no browser, no server): the browser journey (e2e/networks.test.ts) covers a
 * network cohort, this the district's cases.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { Route, Router } from 'wouter';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { BookStudyDetail } from '#contracts/book-study';
import { ApiRequestError } from '../api/client';
import { resources } from '../i18n/resources';
import { BookStudyPage } from './BookStudyPage';
import { bookStudyKeys } from './queries';

// The toaster is only called after a press, which HTML never has.
vi.mock('../shell/Toaster', () => ({ useToast: () => () => undefined }));

// The page frame follows the app's history (the browser's `window`): here, its title, intro and content only.
vi.mock('../ui/Page', () => ({
  Page: ({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) => (
    <main>
      <h1>{title}</h1>
      {intro}
      {children}
    </main>
  ),
}));

const STUDY = '6f1c1f0e-0000-4000-8000-0000000000aa';
const GROUP = '6f1c1f0e-0000-4000-8000-0000000000bb';
const id = (n: number) => `6f1c1f0e-0000-4000-8000-${String(n).padStart(12, '0')}`;

function study(can: BookStudyDetail['can']): BookStudyDetail {
  const reflection = (
    n: number,
    over: Partial<BookStudyDetail['sections'][number]['reflections'][number]>,
  ) => ({
    id: id(n),
    sectionId: id(1),
    author: { id: id(50), name: 'Maya Chen' },
    text: `Reflection ${String(n)}`,
    visibility: 'shared' as const,
    writtenAt: '2027-03-01T17:00:00.000Z',
    sharedAt: '2027-03-01T17:00:00.000Z',
    mine: false,
    ...over,
  });
  return {
    id: STUDY,
    groupId: GROUP,
    title: 'Collective Efficacy',
    authors: ['Jenni Donohoo', 'John Hattie'],
    isbn: '9780306406157',
    sectionCount: 2,
    firstReadBy: '2027-03-08',
    lastReadBy: '2027-03-15',
    nextReadBy: '2027-03-08',
    createdAt: '2027-02-01T17:00:00.000Z',
    group: { id: GROUP, name: 'Team A1', kind: 'teacher_team' },
    timeZone: 'America/Los_Angeles',
    can,
    sections: [
      {
        id: id(1),
        position: 0,
        title: 'Part one',
        pages: 'Chapters 1-3',
        readBy: '2027-03-08',
        sessionAt: '2027-03-09T16:00',
        routineId: 'share-successes',
        prompts: ['What surprised you?'],
        meetingId: null,
        reflections: can.reflect
          ? [
              reflection(10, {}),
              reflection(11, {
                author: { id: id(51), name: 'Me Myself' },
                text: 'My own private thought',
                visibility: 'private',
                sharedAt: null,
                mine: true,
              }),
            ]
          : [],
      },
      {
        id: id(2),
        position: 1,
        title: 'Part two',
        pages: '',
        readBy: '2027-03-15',
        sessionAt: null,
        routineId: null,
        prompts: [],
        meetingId: id(99),
        reflections: [],
      },
    ],
  };
}

function render(answer: { data: BookStudyDetail } | { error: ApiRequestError }): string {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources,
    lng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const queryClient = new QueryClient({
    // The seeded answer is the one shown: a page mounted on an error would otherwise ask again (pending).
    defaultOptions: { queries: { retry: false, retryOnMount: false } },
  });
  if ('data' in answer) queryClient.setQueryData(bookStudyKeys.study(STUDY), answer.data);
  else
    queryClient
      .getQueryCache()
      .build(queryClient, { queryKey: bookStudyKeys.study(STUDY) })
      .setState({ status: 'error', error: answer.error, fetchStatus: 'idle' });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Router ssrPath={`/book-studies/${STUDY}`}>
          <Route path="/book-studies/:studyId">
            <BookStudyPage />
          </Route>
        </Router>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

/** The page's text, tags dropped (what a reader reads). */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('BOOK-WEB: the study page of a district team', () => {
  it('BOOK-WEB-3: a member reads the schedule in the group zone, the prompts, shared reflections with authors, their own private one marked, and the who-reads-it choice', () => {
    const text = textOf(render({ data: study({ manage: false, reflect: true }) }));
    expect(text).toContain('by Jenni Donohoo, John Hattie');
    expect(text).toContain('ISBN 9780306406157');
    expect(text).toContain('Days and times are in the group’s time zone, America/Los_Angeles.');
    expect(text).toContain('Read by Monday, March 8, 2027');
    expect(text).toContain('Session Tue, Mar 9, 2027 at 4:00 PM with share-successes');
    expect(text).toContain('What surprised you?');
    expect(text).toContain('Maya Chen, ');
    expect(text).toContain('Reflection 10');
    expect(text).toContain('My own private thought');
    expect(text).toContain('Only you can read this');
    expect(text).toContain('Only me');
    expect(text).toContain('The group’s members can read it, with your name.');
    // A member does not run the team: no schedule tools; the calendar file is theirs.
    expect(text).not.toContain('Schedule this session');
    expect(text).not.toContain('Change the schedule');
    expect(text).toContain('Download the reading schedule (.ics)');
    expect(text).toContain('Open the meeting');
  });

  it('BOOK-WEB-4: its facilitator also schedules a section session (one with a time and a routine) and changes the schedule', () => {
    const html = render({ data: study({ manage: true, reflect: true }) });
    const text = textOf(html);
    expect(text).toContain('Schedule this session');
    expect(text).toContain('Change the schedule');
    expect(html).toContain(`href="/meetings/${id(99)}"`);
    expect(html).toContain(`href="/api/book-studies/${STUDY}/calendar.ics"`);
    expect(html).toContain('download="collective-efficacy.ics"');
  });

  it('BOOK-WEB-5: a school leader who is not in the team gets the 403 as a kind notice, not an error', () => {
    const text = textOf(
      render({ error: new ApiRequestError('getBookStudy', 403, 'forbidden', 'Forbidden') }),
    );
    expect(text).toContain('This book study is for the group’s members');
    expect(text).toContain('so their reflections stay among them');
    expect(text).not.toContain('Forbidden');
    expect(text).not.toContain('Reflection 10');
  });
});
