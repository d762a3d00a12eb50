/**
 * The team home in the browser (issue 12, ADR 0022), against the real app (`serve --demo`): after a Share Successes
 * meeting that tagged sources of efficacy, a member opens the team page and finds its home: the next meeting, the
 * routine journey, "Since your last visit" and the sources chart with its data table (which must say what the
 * chart shows). axe 0 at 390x844 and 1920x1080. The facilitator presses Start on the home and the member's home,
 * in another browser, turns the next meeting live without a reload (team:watch, DAY-TEAM-1).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MeetingEvent } from '#contracts/meeting';
import {
  DEMO_TEAM,
  groupIdOf,
  LiveSocket,
  openMeeting,
  signIn as apiSignIn,
  type Http,
} from '../test/meeting-harness';
import { checkPage, viewports } from './axe';
import { appForFile, describeE2E, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword } from './meetings-helpers';

const shared = appForFile({ demo: true, database: 'shared' });

describeE2E('Team home', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let lena: Http;
  let jo: Http;
  let facilitator: Page;
  let member: Page;
  let teamId = '';

  async function pageFor(http: Http, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    context.setDefaultTimeout(10_000);
    await context.addCookies([{ name: 'ensemble_session', value: http.session, url: app.baseUrl }]);
    contexts.push(context);
    return context.newPage();
  }

  /** A Share Successes meeting run to its final step, where the team tags sources, then ended. */
  async function runMeetingWithTags(title: string, tags: { source: string; why: string }[]): Promise<void> {
    const meetingId = await openMeeting(lena, teamId, title);
    const socket = await LiveSocket.open(app.baseUrl, lena);
    try {
      const events: MeetingEvent[] = await socket.join(meetingId, 0);
      const created = events.find((e) => e.type === 'meeting.created');
      if (created?.type !== 'meeting.created') throw new Error('no meeting.created');
      const steps = created.payload.routine.steps.map((s) => s.id);
      await socket.must(meetingId, { type: 'startMeeting' });
      for (const fromStepId of steps.slice(0, -1))
        await socket.must(meetingId, { type: 'nextStep', fromStepId });
      for (const tag of tags) await socket.must(meetingId, { type: 'tagSource', ...tag });
      await socket.must(meetingId, { type: 'endMeeting' });
    } finally {
      socket.close();
    }
  }

  skipRestAfterFailure('team-home', () => [
    ['facilitator', facilitator],
    ['member', member],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([shared.app(), shared.browser()]);
    const password = demoPassword(app);
    [lena, jo] = await Promise.all([
      apiSignIn(app.baseUrl, demo.coach.email, password),
      apiSignIn(app.baseUrl, demo.teacher2.email, password),
    ]);
    teamId = await groupIdOf(lena, DEMO_TEAM);
    await runMeetingWithTags('Fractions wins', [
      { source: 'mastery', why: 'Our exit tickets showed the jump' },
      { source: 'vicarious', why: 'Seeing Sam’s number talk made it concrete' },
      { source: 'mastery', why: 'We planned it together and it worked' },
    ]);
    [facilitator, member] = await Promise.all([
      pageFor(lena, viewports.projector),
      pageFor(jo, viewports.phone),
    ]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  test('HOME-1, JOURNEY-1, SOURCES-4 a member finds the team home on the team page, at phone and projector sizes (axe 0)', async () => {
    await member.goto(`${app.baseUrl}/teams/${teamId}`);
    await member.getByRole('heading', { level: 1, name: DEMO_TEAM }).waitFor();
    const home = member.getByTestId('team-home');
    await home.getByRole('heading', { name: 'Next meeting' }).waitFor();
    await home.getByRole('heading', { name: 'Our routine journey' }).waitFor();
    const suggestion = member.getByTestId('journey-suggestion');
    await suggestion.getByText(/^Suggested next: /).waitFor();
    expect(await suggestion.getAttribute('data-rule')).toMatch(/^JOURNEY-[2-6]$/);
    expect(await member.locator('[aria-current="step"]').count()).toBe(1);
    // The first visit: a welcome instead of a list.
    await member
      .getByTestId('since-last-visit')
      .getByText(/^Welcome to your team’s home/)
      .waitFor();
    const chart = member.getByRole('img', { name: /Sources of efficacy tagged per month/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    await member.getByText('Our exit tickets showed the jump').waitFor();
    await member.getByText('Show the numbers as a table').click();
    await member.getByRole('table', { name: /the chart’s data/ }).waitFor();
    await home.getByRole('link', { name: 'Download CSV' }).waitFor();
    // The team page's own sections are still there.
    await member.getByRole('heading', { name: 'Meetings', exact: true }).waitFor();
    await checkPage(member, '60-team-home');
  });

  test('SOURCES-4 the data table holds exactly the numbers the chart draws', async () => {
    const bars = await member
      .locator('[data-testid="sources-chart"] rect[data-month]')
      .evaluateAll((rects) =>
        rects.map((r) => [
          r.getAttribute('data-month'),
          r.getAttribute('data-source'),
          r.getAttribute('data-count'),
        ]),
      );
    expect(bars.length).toBeGreaterThanOrEqual(4);
    const cells = await member
      .locator('[data-testid="sources-table"] tbody tr')
      .evaluateAll((rows) =>
        rows.flatMap((row) =>
          [...row.querySelectorAll('td[data-source]')].map((td) => [
            row.getAttribute('data-month'),
            td.getAttribute('data-source'),
            td.textContent.trim(),
          ]),
        ),
      );
    expect(cells).toEqual(bars);
    const mastery = bars
      .filter(([, source]) => source === 'mastery')
      .reduce((n, [, , c]) => n + Number(c), 0);
    expect(mastery).toBeGreaterThanOrEqual(2);
    // The text summary says the same totals.
    const desc = await member.locator('[data-testid="sources-chart"] desc').textContent();
    expect(desc).toContain(`Mastery experience ${mastery} times`);
  });

  test('HOME-2, DAY-TEAM-1 the facilitator presses Start on the home and the member’s home turns live without a reload', async () => {
    // A meeting planned for later: the home shows the team's next one (the demo plans one earlier today).
    await lena.request('POST', `/api/groups/${teamId}/meetings`, {
      title: 'Thursday check-in',
      routineId: 'share-successes',
      scheduledFor: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    await facilitator.goto(`${app.baseUrl}/teams/${teamId}`);
    const next = facilitator.getByTestId('next-meeting');
    const title = (await next.locator('.row__title').textContent()) ?? '';
    expect(title).not.toBe('');
    // The member reads the page again and sees the same meeting, planned, without Start.
    await member.reload();
    const memberNext = member.getByTestId('next-meeting');
    await memberNext.getByText(title, { exact: true }).waitFor();
    expect(await memberNext.getByRole('button', { name: `Start ${title}` }).count()).toBe(0);
    await memberNext.getByTestId('next-meeting-status').getByText('Planned').waitFor();

    await next.getByRole('button', { name: `Start ${title}` }).click();
    await facilitator.waitForURL(/\/meetings\/[^/]+$/);
    await memberNext.getByTestId('next-meeting-status').getByText('Live now').waitFor();
    await memberNext.getByRole('link', { name: `Join ${title}` }).waitFor();
  });
});
