/**
 * Next steps across meetings in the browser, against the real app (`serve --demo`): a next step chosen in one
 * meeting shows in the follow-up of the team's next meeting (FOLLOW-PANEL-1), its owner marks it done there with
 * what happened, and the minutes keep it (FOLLOW-MIN-1); the Next steps page passes axe at phone and projector
 * size (NEXT-PAGE-1). Meetings are set up over REST and a plain socket (not what is under test here).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_TEAM, groupIdOf, LiveSocket, signIn as apiSignIn, type Http } from '../test/meeting-harness';
import { checkPage } from './axe';
import { appForFile, describeE2E, type AppUnderTest } from './harness';
import { demo, demoPassword } from './meetings-helpers';

const stepText = 'Try think-pair-share with the quiet table';
const outcome = 'Three quiet students spoke up on day two';
const shared = appForFile({ demo: true, database: 'shared' });

describeE2E('next steps', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sockets: LiveSocket[] = [];
  let coach: Http;
  let jo: Http;
  let page: Page;
  let second = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([shared.app(), shared.browser()]);
    const password = demoPassword(app);
    [coach, jo] = await Promise.all([
      apiSignIn(app.baseUrl, demo.coach.email, password),
      apiSignIn(app.baseUrl, demo.teacher2.email, password),
    ]);
    const joId = (await jo.request<{ id: string }>('GET', '/api/auth/me')).id;
    const groupId = await groupIdOf(coach, DEMO_TEAM);
    const socket = await LiveSocket.open(app.baseUrl, coach);
    sockets.push(socket);
    // Meeting 1: a Problem-Solve where Jo's next step is chosen.
    const { id: first } = await coach.request<{ id: string }>('POST', `/api/groups/${groupId}/meetings`, {
      title: 'Dilemma week',
      routineId: 'problem-solve',
    });
    await coach.request('POST', `/api/meetings/${first}/open`);
    await socket.join(first, 0);
    await socket.must(first, { type: 'startMeeting' });
    await socket.must(first, { type: 'addActionItem', text: stepText, ownerId: joId, due: null });
    await socket.must(first, { type: 'endMeeting' });
    // Meeting 2 opens with the follow-up.
    ({ id: second } = await coach.request<{ id: string }>('POST', `/api/groups/${groupId}/meetings`, {
      title: 'Next week',
      routineId: 'share-successes',
    }));
    await coach.request('POST', `/api/meetings/${second}/open`);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(10_000);
    await context.addCookies([{ name: 'ensemble_session', value: jo.session, url: app.baseUrl }]);
    contexts.push(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  test('NEXT-PAGE-1 (NEXT-REMIND-1) the Next steps page lists the open step and passes axe at 390x844 and 1920x1080', async () => {
    await page.goto(`${app.baseUrl}/next-steps`);
    await page.getByRole('heading', { level: 1, name: 'Next steps' }).waitFor();
    await page.getByText(stepText).first().waitFor();
    await checkPage(page, 'next-steps-page');
  });

  test('FOLLOW-PANEL-1, FOLLOW-MIN-1 the next meeting opens with the follow-up; Jo marks it done; the minutes keep it', async () => {
    await page.goto(`${app.baseUrl}/meetings/${second}`);
    const panel = page.getByTestId('follow-up');
    await panel.getByText(stepText).waitFor();
    const row = panel.locator('li').filter({ hasText: stepText });
    await row.getByRole('textbox', { name: 'What happened? (optional)' }).fill(outcome);
    await row.getByRole('button', { name: 'Done', exact: true }).click();
    await row.getByTestId('follow-up-status').getByText(`Done — ${outcome}`).waitFor();
    await checkPage(page, 'next-steps-follow-up');
    const minutes = await coach.request<{ followUps: { text: string; status: string; note: string }[] }>(
      'GET',
      `/api/meetings/${second}/minutes`,
    );
    expect(minutes.followUps).toEqual([
      expect.objectContaining({ text: stepText, status: 'done', note: outcome }),
    ]);
    const mine = await jo.request<{ items: { text: string }[] }>('GET', '/api/me/next-steps');
    expect(mine.items.some((i) => i.text === stepText)).toBe(false);
  });
});
