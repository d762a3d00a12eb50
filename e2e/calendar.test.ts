/**
 * E2E-CAL: a weekly series and its calendar feed in the browser against the real app (`serve --demo`). The coach
 * (facilitator of "Grade 3 Team", in the demo district's America/New_York) schedules Tuesdays at 15:30 across the
 * March change to daylight-saving time with one holiday skipped, cancels one meeting, makes the team's calendar
 * link and copies it; the link, fetched without a cookie, parses with ical.js into the right local times, the
 * EXDATE and the cancelled occurrence; after "Reset link" the old link answers 404. axe on every state at
 * 390x844 and 1920x1080.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expandSeries } from '../src/server/calendar/testing';
import { checkPage } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword, signInWithSession } from './meetings-helpers';

const team = 'Grade 3 Team';
const title = 'Grade 3 weekly';

describeE2E('weekly series and calendar feed', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let coach: Page;
  let feedUrl = '';

  skipRestAfterFailure('calendar', () => [['coach', coach]]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ demo: true, database: 'shared' }), sharedBrowser()]);
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      // A teacher's browser is in the school's zone.
      timezoneId: 'America/New_York',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    context.setDefaultTimeout(10_000);
    coach = await context.newPage();
    await signInWithSession(coach, app.baseUrl, demo.coach.email, demoPassword(app));
  });

  afterAll(async () => {
    await context.close().catch(() => undefined);
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('E2E-CAL-1 (SERIES-CREATE-1): the coach schedules a weekly series across the DST change with one holiday skipped, seeing the dates first', async () => {
    await coach.getByRole('link', { name: team, exact: true }).click();
    await coach.getByRole('heading', { level: 1, name: team }).waitFor();
    await coach.locator('label.radio__button', { hasText: 'A weekly series' }).click();
    expect(await coach.getByRole('radio', { name: /A weekly series/ }).isChecked()).toBe(true);
    await coach.getByRole('textbox', { name: 'Title' }).fill(title);
    await coach.getByText('Times are in America/New_York, this team’s time zone.').waitFor();
    await coach.getByRole('combobox', { name: 'Weekday' }).selectOption({ label: 'Tuesday' });
    await coach.getByLabel('Time', { exact: true }).fill('15:30');
    await coach.getByRole('combobox', { name: 'Repeats' }).selectOption({ label: 'Every week' });
    await coach.getByLabel('First date').fill('2027-03-01');
    await coach.getByLabel('Last date').fill('2027-03-30');
    await coach.getByLabel('Date to skip').fill('2027-03-23');
    await coach.getByRole('button', { name: 'Add skipped date' }).click();
    await coach.getByRole('button', { name: 'Remove Tue, Mar 23, 2027 from the skipped dates' }).waitFor();
    const preview = coach.getByTestId('series-preview');
    expect((await preview.locator('li').allTextContents()).map((s) => s.trim())).toEqual([
      'Tue, Mar 2, 2027',
      'Tue, Mar 9, 2027',
      'Tue, Mar 16, 2027',
      'Tue, Mar 23, 2027 — skipped',
      'Tue, Mar 30, 2027',
    ]);
    await coach.getByText('4 meetings, from Tue, Mar 2, 2027 to Tue, Mar 30, 2027.').waitFor();
    await checkPage(coach, 'calendar-series-form');

    await coach.getByRole('button', { name: 'Schedule series' }).click();
    await coach.getByText('Series scheduled.').first().waitFor();
    const series = coach.getByTestId('series-list');
    await series.getByText('Every Tuesday at 3:30 PM').waitFor();
    const rows = coach.getByTestId('meeting-list').locator('li', { hasText: title });
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.filter({ hasText: 'Tuesday, March 16, 2027 at 3:30 PM' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'March 23, 2027' }).count()).toBe(0);
    await checkPage(coach, 'calendar-series-listed');
  });

  test('E2E-CAL-2 (SERIES-MOVE-2): the coach cancels one meeting of the series after confirming; it stays, struck through and marked Cancelled', async () => {
    await coach
      .getByRole('button', { name: `Cancel meeting: ${title}, Tuesday, March 30, 2027 at 3:30 PM` })
      .click();
    const dialog = coach.getByRole('alertdialog', { name: `Cancel “${title}”?` });
    await dialog.waitFor();
    await checkPage(coach, 'calendar-cancel-confirm');
    await dialog.getByRole('button', { name: 'Cancel meeting' }).click();
    await coach.getByText('Meeting cancelled.').first().waitFor();
    const row = coach.getByTestId('meeting-list').locator('li', { hasText: 'March 30, 2027' });
    await row.getByText('Cancelled', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /^Open live/ }).count()).toBe(0);
    const decoration = await row
      .locator('.row__title')
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(decoration).toBe('line-through');
    await checkPage(coach, 'calendar-cancelled');
  });

  test('E2E-CAL-5 (SERIES-EDIT-1): the coach ends the series a week later in the “Change dates” dialog; the new meeting appears', async () => {
    await coach.getByRole('button', { name: `Change dates: ${title}` }).click();
    const dialog = coach.getByRole('dialog', { name: `Change the dates of “${title}”` });
    await dialog.waitFor();
    await dialog.getByLabel('Last date').fill('2027-04-06');
    await dialog.getByText('5 meetings, from Tue, Mar 2, 2027 to Tue, Apr 6, 2027.').waitFor();
    await checkPage(coach, 'calendar-series-edit');
    await dialog.getByRole('button', { name: 'Save dates' }).click();
    await coach.getByText('Series dates changed. Subscribed calendars update.').first().waitFor();
    const rows = coach.getByTestId('meeting-list').locator('li', { hasText: title });
    await expect.poll(() => rows.count()).toBe(5);
    await rows.filter({ hasText: 'Tuesday, April 6, 2027 at 3:30 PM' }).waitFor();
  });

  test('E2E-CAL-3 (CAL-FEED-1, CAL-ICS-1..3): the team link, copied, is read without a cookie by ical.js: 15:30 local on both sides of the change, the holiday left out, the cancelled meeting cancelled', async () => {
    const panel = coach.getByRole('region', { name: 'Subscribe in your calendar' });
    await panel
      .getByText('Anyone with a link can see the meeting titles and times', { exact: false })
      .waitFor();
    await panel.getByRole('button', { name: 'Make link: This team’s meetings' }).click();
    const input = panel.getByTestId('calendar-feed-url');
    await input.waitFor();
    feedUrl = await input.inputValue();
    expect(feedUrl).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await coach.getByText('Calendar link copied.').first().waitFor();
    expect(await coach.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
    expect(await panel.getByRole('link', { name: 'Open in your calendar app' }).getAttribute('href')).toBe(
      feedUrl.replace(/^http:/, 'webcal:'),
    );
    await checkPage(coach, 'calendar-feed-link');

    // As a calendar app: plain fetch, no cookie.
    const res = await fetch(feedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('EXDATE;TZID=America/New_York:20270323T153000');
    expect(text).toContain('BEGIN:VTIMEZONE');
    const { out } = expandSeries(text, title);
    expect(out.map((o) => `${o.start} ${o.utc} ${o.status}`)).toEqual([
      '2027-03-02 15:30 2027-03-02T20:30:00.000Z CONFIRMED',
      '2027-03-09 15:30 2027-03-09T20:30:00.000Z CONFIRMED',
      '2027-03-16 15:30 2027-03-16T19:30:00.000Z CONFIRMED',
      '2027-03-30 15:30 2027-03-30T19:30:00.000Z CANCELLED',
      '2027-04-06 15:30 2027-04-06T19:30:00.000Z CONFIRMED',
    ]);
  });

  test('E2E-CAL-4 (CAL-FEED-2): resetting the link, confirmed, shows a new one; the old one answers 404 and the new one the feed', async () => {
    const panel = coach.getByRole('region', { name: 'Subscribe in your calendar' });
    await panel.getByRole('button', { name: 'Reset link: This team’s meetings' }).click();
    const dialog = coach.getByRole('alertdialog', { name: 'Reset this calendar link?' });
    await dialog.waitFor();
    await checkPage(coach, 'calendar-reset-confirm');
    await dialog.getByRole('button', { name: 'Reset link' }).click();
    await dialog.waitFor({ state: 'detached' });
    const input = panel.getByTestId('calendar-feed-url');
    await expect.poll(() => input.inputValue()).not.toBe(feedUrl);
    const fresh = await input.inputValue();
    expect((await fetch(feedUrl)).status).toBe(404);
    expect((await fetch(fresh)).status).toBe(200);
    // The panel with a new link is the one checked with axe in E2E-CAL-3 (calendar-feed-link), another address.
  });
});
