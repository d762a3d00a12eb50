/**
 * The meeting pulse in the browser (issue 13, docs/SPEC.md MEASURE-PULSE-5..7), against the real app
 * (`serve --demo`): the Grade 3 Team's meeting ends while Jo follows it on a phone; the ended page's link leads her
 * to the minutes, where she answers the pulse (first missing an item, which the server's 400 points at) and gets
 * the thanks; Sam answers too, by keyboard only. The team home then says the pulse is still gathering answers. A
 * second meeting's pulse is answered over REST by three more people, both meetings are moved more than a day back
 * in the database (as if the days had gone by, so both pulses have closed), and the team home shows their pooled
 * window of five answers as a chart with its table. The minutes with the card and the team home with the chart
 * pass axe at 390x844 and 1920x1080 (checkPage). Meetings are set up over REST and a plain socket, not under test.
 */
import pg from 'pg';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  DEMO_TEAM,
  groupIdOf,
  LiveSocket,
  openMeeting,
  signIn as apiSignIn,
  type Http,
} from '../test/meeting-harness';
import { checkPage, screenshotDir, viewports } from './axe';
import { appForFile, describeE2E, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword } from './meetings-helpers';

const shared = appForFile({ demo: true, database: 'shared' });

const belief = 'This meeting strengthened my belief that our team can help every student.';
const safe = 'I felt safe to share my thinking in this meeting.';
const cardTitle = 'How was this meeting? 2 quick questions, anonymous';
/** Points of the 6-point scale, as the instrument labels them. */
const label = { 3: 'Somewhat disagree', 4: 'Somewhat agree', 5: 'Agree', 6: 'Strongly agree' } as const;

/** Chooses a point of an item's scale as a person does, on its box, and checks the radio took it. */
async function choose(group: Locator, point: string): Promise<void> {
  await group
    .locator('label.radio__button')
    .filter({ hasText: new RegExp(`^${point}$`) })
    .click();
  expect(await group.getByRole('radio', { name: point, exact: true }).isChecked()).toBe(true);
}

describeE2E('Meeting pulse (MEASURE-PULSE-5..7)', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sockets: LiveSocket[] = [];
  let coach: Http;
  let jo: Http;
  let sam: Http;
  let ana: Http;
  let joPage: Page;
  let samPage: Page;
  let teamId = '';
  let first = '';
  const started = Date.now();

  async function pageFor(http: Http, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    context.setDefaultTimeout(10_000);
    await context.addCookies([{ name: 'ensemble_session', value: http.session, url: app.baseUrl }]);
    contexts.push(context);
    return context.newPage();
  }

  /** A Share Successes meeting of the team, opened and started over the API (the coach facilitates). */
  async function startedMeeting(title: string): Promise<{ id: string; socket: LiveSocket; steps: string[] }> {
    const id = await openMeeting(coach, teamId, title);
    const socket = await LiveSocket.open(app.baseUrl, coach);
    sockets.push(socket);
    const created = (await socket.join(id, 0)).find((e) => e.type === 'meeting.created');
    if (created?.type !== 'meeting.created') throw new Error('no meeting.created');
    await socket.must(id, { type: 'startMeeting' });
    return { id, socket, steps: created.payload.routine.steps.map((step) => step.id) };
  }

  skipRestAfterFailure('pulse', () => [
    ['jo', joPage],
    ['sam', samPage],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([shared.app(), shared.browser()]);
    const password = demoPassword(app);
    const signIn = (email: string) => apiSignIn(app.baseUrl, email, password);
    [coach, jo, sam, ana] = await Promise.all([
      signIn(demo.coach.email),
      signIn(demo.teacher2.email),
      signIn(demo.teacher1.email),
      signIn('teacher3@demo.ensemble.test'),
    ]);
    teamId = await groupIdOf(coach, DEMO_TEAM);
    [joPage, samPage] = await Promise.all([pageFor(jo, viewports.phone), pageFor(sam, viewports.projector)]);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const context of contexts) await context.close().catch(() => undefined);
    console.log(`MEASURE-PULSE e2e: ${Date.now() - started} ms from the app's start to the last test's end`);
  });

  test('MEASURE-PULSE-7, MEASURE-PULSE-5 the meeting ends on Jo’s phone, its link leads to the minutes, where she answers the pulse (a missing item pointed at) and is thanked', async () => {
    const meeting = await startedMeeting('Pulse check-in');
    first = meeting.id;
    await joPage.goto(`${app.baseUrl}/meetings/${first}`);
    await joPage.getByTestId('step-title').waitFor();
    await meeting.socket.must(first, { type: 'endMeeting' });
    // The ended meeting's page leads to the pulse.
    await joPage.getByRole('link', { name: 'Open the minutes and answer the 2-question pulse' }).click();
    await joPage.getByRole('heading', { level: 1, name: 'Minutes: Pulse check-in' }).waitFor();

    const card = joPage.getByTestId('pulse-card');
    await card.getByRole('heading', { level: 2, name: cardTitle }).waitFor();
    await card
      .getByText(
        'Your answers are stored with no link to you. The team sees results only pooled over at least 5 answers, across meetings if needed.',
      )
      .waitFor();
    await card.getByText(/^Open until /).waitFor();
    // The card comes first after the minutes' header, from the first paint (it is read before they show).
    expect(
      await joPage.evaluate(() => document.querySelector('.minutes > header')?.nextElementSibling?.className),
    ).toContain('pulse-card');
    const beliefGroup = card.getByRole('radiogroup', { name: belief });
    const safeGroup = card.getByRole('radiogroup', { name: safe });
    expect(await beliefGroup.getByRole('radio').count()).toBe(6);
    expect(await safeGroup.getByRole('radio').count()).toBe(6);
    expect(await joPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    await checkPage(joPage, 'pulse-minutes-card');
    await joPage.setViewportSize(viewports.phone);

    // One item left out: the server's 400 is shown at that item, which takes the focus.
    await choose(beliefGroup, label[5]);
    await card.getByRole('button', { name: 'Send my answers' }).click();
    await safeGroup.getByText('Answer this question').waitFor();
    expect(await safeGroup.getAttribute('aria-invalid')).toBe('true');
    expect(await beliefGroup.getAttribute('aria-invalid')).toBeNull();
    expect(
      await safeGroup.evaluate(
        (group) => group.contains(document.activeElement) && document.activeElement !== group,
      ),
    ).toBe(true);
    await joPage.screenshot({ path: `${screenshotDir}/pulse-minutes-error-phone.png`, fullPage: true });

    await choose(safeGroup, label[6]);
    await card.getByRole('button', { name: 'Send my answers' }).click();
    const thanks = card.getByTestId('pulse-thanks');
    await thanks.getByText('Thank you', { exact: true }).waitFor();
    await expect.poll(() => thanks.evaluate((el) => el === document.activeElement)).toBe(true);
    await joPage
      .getByRole('status')
      .getByText('Thank you: your answers to the meeting pulse are in.')
      .waitFor({ state: 'attached' });
    expect(await card.getByRole('radiogroup').count()).toBe(0);
    await joPage.screenshot({ path: `${screenshotDir}/pulse-minutes-thanks-phone.png`, fullPage: true });

    // Read again: one line says it is answered, and nothing can be answered twice.
    await joPage.reload();
    await joPage.getByRole('heading', { level: 1, name: 'Minutes: Pulse check-in' }).waitFor();
    await joPage
      .getByTestId('pulse-answered')
      .getByText('You answered this meeting’s pulse. Thank you.')
      .waitFor();
    expect(await joPage.getByTestId('pulse-card').count()).toBe(0);
  });

  test('MEASURE-PULSE-5 Sam, a second member, answers on a wide screen by keyboard only', async () => {
    await samPage.goto(`${app.baseUrl}/meetings/${first}/minutes`);
    const card = samPage.getByTestId('pulse-card');
    await card.getByRole('heading', { level: 2, name: cardTitle }).waitFor();
    // By keyboard only: Space takes a point, the arrows move along the scale, Tab goes to the next item.
    const beliefGroup = card.getByRole('radiogroup', { name: belief });
    await beliefGroup.getByRole('radio').first().focus();
    await samPage.keyboard.press('Space');
    for (let i = 0; i < 3; i += 1) await samPage.keyboard.press('ArrowDown');
    await samPage.keyboard.press('Tab');
    await samPage.keyboard.press('Space');
    for (let i = 0; i < 4; i += 1) await samPage.keyboard.press('ArrowDown');
    expect(await beliefGroup.getByRole('radio', { name: label[4], exact: true }).isChecked()).toBe(true);
    const safeGroup = card.getByRole('radiogroup', { name: safe });
    expect(await safeGroup.getByRole('radio', { name: label[5], exact: true }).isChecked()).toBe(true);
    await samPage.screenshot({ path: `${screenshotDir}/pulse-minutes-card-projector-answered.png` });
    await samPage.keyboard.press('Tab');
    expect(
      await card
        .getByRole('button', { name: 'Send my answers' })
        .evaluate((b) => b === document.activeElement),
    ).toBe(true);
    await samPage.keyboard.press('Enter');
    await card.getByTestId('pulse-thanks').getByText('Thank you', { exact: true }).waitFor();
  });

  test('MEASURE-PULSE-6 the team home says the pulse is still gathering answers, with no number', async () => {
    await joPage.goto(`${app.baseUrl}/teams/${teamId}`);
    const trend = joPage.getByTestId('pulse-trend');
    await trend.getByRole('heading', { level: 2, name: 'Meeting pulse' }).waitFor();
    await trend
      .getByText(
        'The pulse appears here once at least 5 answers have come in, pooled across meetings so nobody’s answer stands out.',
      )
      .waitFor();
    await trend.getByText('1 recent meeting is still gathering answers.').waitFor();
    expect(await trend.getByRole('img').count()).toBe(0);
    expect(await trend.innerText()).not.toMatch(/\b2 answers\b/);
    await trend.screenshot({ path: `${screenshotDir}/pulse-trend-gathering-phone.png` });
  });

  test('MEASURE-PULSE-6 once both pulses have closed with 5 answers pooled, the team home shows the window as a chart with its table', async () => {
    // The second meeting runs to its final step and tags a source, so that the team home's sources chart, drawn
    // by the same ui/BarChart (SOURCES-4), shows beside the pulse.
    const second = await startedMeeting('Pulse follow-up');
    for (const fromStepId of second.steps.slice(0, -1))
      await second.socket.must(second.id, { type: 'nextStep', fromStepId });
    await second.socket.must(second.id, {
      type: 'tagSource',
      source: 'mastery',
      why: 'Our exit tickets showed the jump',
    });
    await second.socket.must(second.id, { type: 'endMeeting' });
    for (const [who, answers] of [
      [coach, [6, 6]],
      [ana, [3, 4]],
      [jo, [5, 5]],
    ] as const)
      await who.request('POST', `/api/meetings/${second.id}/pulse`, {
        answers: { 'pulse-belief': answers[0], 'pulse-safe-to-share': answers[1] },
      });
    // As if two days had gone by: both pulses have closed (they are open for a day).
    if (!app.databaseUrl) throw new Error('the app has no shared database');
    const pool = new pg.Pool({ connectionString: app.databaseUrl, max: 1 });
    try {
      const moved = await pool.query(
        `update meetings set started_at = started_at - interval '2 days', ended_at = ended_at - interval '2 days'
         where id = any($1::uuid[])`,
        [[first, second.id]],
      );
      expect(moved.rowCount).toBe(2);
    } finally {
      await pool.end();
    }

    await joPage.reload();
    const trend = joPage.getByTestId('pulse-trend');
    const chart = trend.getByRole('img', { name: /^Meeting pulse: the mean answer per period/ });
    await chart.waitFor();
    // Jo 5/6 and Sam 4/5 in the first meeting, 6/6, 3/4 and 5/5 in the second: one window of 5 answers.
    const bars = await trend
      .locator('[data-testid="pulse-chart"] rect[data-item]')
      .evaluateAll((rects) =>
        rects.map((r) => [r.getAttribute('data-item'), Number(r.getAttribute('data-mean'))]),
      );
    expect(bars.map(([item]) => item)).toEqual(['pulse-belief', 'pulse-safe-to-share']);
    expect(Number(bars[0]?.[1])).toBeCloseTo(4.6, 9);
    expect(Number(bars[1]?.[1])).toBeCloseTo(5.2, 9);
    // Every value is written out: on the bars, in the description and in the table.
    const svgText = await chart.evaluate((svg) => svg.textContent);
    expect(svgText).toContain('4.6');
    expect(svgText).toContain('5.2');
    expect(await chart.locator('desc').textContent()).toMatch(
      /5 answers: question 1 4\.6, question 2 5\.2\./,
    );
    const table = trend.getByRole('table', { name: /Meeting pulse per period/ });
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[0]).toMatch(/ \(2 meetings, 5 answers\)$/);
    expect(rows[0]?.[1]).toMatch(/^4\.6 \(\d\.\d–\d\.\d\)$/);
    expect(rows[0]?.[2]).toMatch(/^5\.2 \(\d\.\d–\d\.\d\)$/);
    await trend.getByText(`Question 1: ${belief}`).waitFor();
    // SOURCES-4 through the shared chart: the mastery bar of this month, counted once, and its table.
    const sources = joPage.getByRole('img', { name: /Sources of efficacy tagged per month/ });
    await sources.waitFor();
    const counted = await joPage
      .locator('[data-testid="sources-chart"] rect[data-source="mastery"]')
      .evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-month'), r.getAttribute('data-count')]));
    expect(counted.map(([, count]) => count)).toEqual(['1']);
    expect(counted[0]?.[0]).toMatch(/^\d{4}-\d{2}$/);
    expect(await trend.getByText(/still gathering/).count()).toBe(0);
    await trend.screenshot({ path: `${screenshotDir}/pulse-trend-section-phone.png` });
    // Nothing widens the page on the phone: a wide chart or table scrolls in its own region (ui/bar-chart.css).
    expect(await joPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewports.phone.width,
    );
    await checkPage(joPage, 'pulse-team-home-trend');
    await trend.screenshot({ path: `${screenshotDir}/pulse-trend-section-projector.png` });
  });
});
