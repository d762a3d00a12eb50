/**
 * Team memory, the whole story of issue 12 in one browser journey (docs/SPEC.md "Browser journey (E2E-MEM)"),
 * against the real app (`serve --demo`): the Grade 3 Team runs a Problem-Solve where Jo, the presenter, chooses
 * next steps; the team's next meeting opens with the follow-up of those steps, Jo marks one done there and the
 * minutes keep it; Jo marks the dilemma resolved with evidence; the success it became is in the library, linked
 * both ways; search finds it with a highlighted snippet; Jo shares it with the school after the review flagged a
 * student's name that she removed; the principal (not on the team) reads the shared copy and nothing else of the
 * team; Jo withdraws it and it is gone. Every page visited passes axe at 390x844 and 1920x1080 (checkPage).
 *
 * Only the meetings themselves are set up over REST and a plain socket (as in next-steps.test.ts); every step the
 * story names is a click in Chromium.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_TEAM, groupIdOf, LiveSocket, signIn as apiSignIn, type Http } from '../test/meeting-harness';
import { checkPage, viewports } from './axe';
import { appForFile, describeE2E, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword } from './meetings-helpers';

const shared = appForFile({ demo: true, database: 'shared' });

const principalEmail = 'principal.north@demo.ensemble.test';
const dilemmaTitle = 'Group work goes quiet';
const story = 'In group work, Maya stays silent while the others talk over her.';
const storyWithoutName = 'In group work, one student stays silent while the others talk over her.';
const stepDone = 'Try talk ladders with sentence starters';
const stepLater = 'Give every group a speaking order';
const outcome = 'Every group used the ladders by Thursday';
const evidence = 'Eleven of twelve groups finished the task, and the quietest students opened the talk';

describeE2E('Team memory: the story of issue 12 (E2E-MEM)', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sockets: LiveSocket[] = [];
  let lena: Http;
  let jo: Http;
  let principalHttp: Http;
  let joPage: Page;
  let principal: Page;
  let teamId = '';
  let joId = '';
  let firstMeeting = '';
  let secondMeeting = '';
  let dilemmaId = '';
  let successId = '';

  async function pageFor(http: Http, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    context.setDefaultTimeout(10_000);
    await context.addCookies([{ name: 'ensemble_session', value: http.session, url: app.baseUrl }]);
    contexts.push(context);
    return context.newPage();
  }

  async function socketOf(http: Http, meetingId: string): Promise<LiveSocket> {
    const socket = await LiveSocket.open(app.baseUrl, http);
    sockets.push(socket);
    await socket.join(meetingId, 0);
    return socket;
  }

  /** Searches from the header's box (SEARCH-WEB-2) and waits for the announced count. */
  async function searchFromHeader(page: Page, words: string): Promise<void> {
    const box = page.getByRole('search', { name: 'Search your teams’ memory' });
    await box.getByRole('searchbox', { name: 'Search your teams’ memory' }).fill(words);
    await box.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /results? for|Nothing found/ })
      .waitFor();
  }

  skipRestAfterFailure('team-memory', () => [
    ['jo', joPage],
    ['principal', principal],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([shared.app(), shared.browser()]);
    const password = demoPassword(app);
    [lena, jo, principalHttp] = await Promise.all([
      apiSignIn(app.baseUrl, demo.coach.email, password),
      apiSignIn(app.baseUrl, demo.teacher2.email, password),
      apiSignIn(app.baseUrl, principalEmail, password),
    ]);
    teamId = await groupIdOf(lena, DEMO_TEAM);
    joId = (await jo.request<{ id: string }>('GET', '/api/auth/me')).id;
    [joPage, principal] = await Promise.all([
      pageFor(jo, viewports.projector),
      pageFor(principalHttp, viewports.projector),
    ]);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  test('E2E-MEM-1 (MEM-REC-3) a Problem-Solve runs and its presenter chooses next steps', async () => {
    ({ id: firstMeeting } = await lena.request<{ id: string }>('POST', `/api/groups/${teamId}/meetings`, {
      title: 'Week 14 problem-solving',
      routineId: 'problem-solve',
    }));
    await lena.request('POST', `/api/meetings/${firstMeeting}/open`);
    const facilitator = await socketOf(lena, firstMeeting);
    const presenter = await socketOf(jo, firstMeeting);
    await facilitator.must(firstMeeting, { type: 'assignRoles', presenter: joId });
    await facilitator.must(firstMeeting, { type: 'startMeeting' });
    await facilitator.must(firstMeeting, { type: 'nextStep', fromStepId: 'identify' });
    await facilitator.must(firstMeeting, { type: 'recordPresentation', title: dilemmaTitle, summary: story });
    await facilitator.must(firstMeeting, {
      type: 'writeNote',
      stepId: 'discuss',
      text: 'Sentence starters; roles; a visible timer',
    });
    for (const text of [stepDone, stepLater])
      await presenter.must(firstMeeting, { type: 'addActionItem', text, ownerId: joId, due: null });
    await facilitator.must(firstMeeting, { type: 'endMeeting' });
    const minutes = await jo.request<{ actionItems: { text: string }[] }>(
      'GET',
      `/api/meetings/${firstMeeting}/minutes`,
    );
    expect(minutes.actionItems.map((item) => item.text)).toEqual([stepDone, stepLater]);
  });

  test('E2E-MEM-2 (FOLLOW-PANEL-1, FOLLOW-MIN-1) the next meeting opens with the follow-up; Jo marks one done; the minutes keep it', async () => {
    ({ id: secondMeeting } = await lena.request<{ id: string }>('POST', `/api/groups/${teamId}/meetings`, {
      title: 'Week 15 meeting',
      routineId: 'share-successes',
    }));
    await lena.request('POST', `/api/meetings/${secondMeeting}/open`);
    await joPage.goto(`${app.baseUrl}/meetings/${secondMeeting}`);
    const panel = joPage.getByTestId('follow-up');
    await panel.getByRole('heading', { name: 'Follow-up on last time’s next steps' }).waitFor();
    await panel.getByText(stepLater).waitFor();
    const row = panel.locator('li').filter({ hasText: stepDone });
    await row.getByRole('textbox', { name: 'What happened? (optional)' }).fill(outcome);
    await row.getByRole('button', { name: 'Done', exact: true }).click();
    await row.getByTestId('follow-up-status').getByText(`Done — ${outcome}`).waitFor();
    await checkPage(joPage, 'mem-journey-follow-up');

    const facilitator = await socketOf(lena, secondMeeting);
    await facilitator.must(secondMeeting, { type: 'startMeeting' });
    await facilitator.must(secondMeeting, { type: 'endMeeting' });
    await joPage.goto(`${app.baseUrl}/meetings/${secondMeeting}/minutes`);
    await joPage.getByRole('heading', { level: 1, name: 'Minutes: Week 15 meeting' }).waitFor();
    const kept = joPage.getByTestId('minutes-follow-ups');
    await kept.getByText(`${stepDone} — ${demo.teacher2.name}: Done — ${outcome}`).waitFor();
    await kept.getByText(`${stepLater} — ${demo.teacher2.name}: Not discussed yet`).waitFor();
    await checkPage(joPage, 'mem-journey-minutes');
  });

  test('E2E-MEM-3 (MEM-DIL-3) the presenter marks the dilemma resolved with evidence on Problems of practice', async () => {
    await joPage.goto(`${app.baseUrl}/teams/${teamId}`);
    await joPage.getByRole('heading', { level: 1, name: DEMO_TEAM }).waitFor();
    await joPage
      .getByRole('navigation', { name: 'Team memory' })
      .getByRole('link', { name: 'Problems of practice' })
      .click();
    await joPage.getByRole('link', { name: dilemmaTitle }).waitFor();
    await checkPage(joPage, 'mem-journey-problems');
    await joPage.getByRole('button', { name: `Mark resolved: ${dilemmaTitle}` }).click();
    const dialog = joPage.getByRole('dialog', { name: 'Mark this problem of practice resolved' });
    await dialog.getByRole('textbox', { name: 'Evidence of student growth' }).fill(evidence);
    await checkPage(joPage, 'mem-journey-resolve-dialog');
    await dialog.getByRole('button', { name: 'Mark resolved' }).click();
    await dialog.waitFor({ state: 'detached' });
    await joPage
      .getByRole('listitem')
      .filter({ hasText: dilemmaTitle })
      .getByText('Resolved', { exact: true })
      .waitFor();
  });

  test('E2E-MEM-4 (MEM-DIL-3, MEM-UI-1) the success is in the library, and both records show the link', async () => {
    await joPage.getByRole('link', { name: dilemmaTitle }).click();
    await joPage.getByRole('heading', { level: 1, name: dilemmaTitle }).waitFor();
    dilemmaId = new URL(joPage.url()).pathname.split('/').pop() ?? '';
    await joPage.getByText(evidence).first().waitFor();
    await joPage.locator('.memory-links dt', { hasText: 'Became a success' }).waitFor();
    await checkPage(joPage, 'mem-journey-dilemma');
    await joPage.locator('.memory-links').getByRole('link', { name: dilemmaTitle }).click();
    await joPage.locator('.memory-links dt', { hasText: 'Came from a problem of practice' }).waitFor();
    successId = new URL(joPage.url()).pathname.split('/').pop() ?? '';
    expect(successId).not.toBe(dilemmaId);
    // What made it work: the next steps the presenter chose.
    await joPage.getByText(stepDone, { exact: false }).first().waitFor();
    await checkPage(joPage, 'mem-journey-success');
    await joPage.locator('.memory-links').getByRole('link', { name: dilemmaTitle }).click();
    await joPage.waitForURL(`**/memory/${dilemmaId}`);

    await joPage.goto(`${app.baseUrl}/teams/${teamId}/successes`);
    await joPage.getByRole('heading', { level: 1, name: /^Successes/ }).waitFor();
    await joPage
      .getByRole('listitem')
      .filter({ has: joPage.getByRole('link', { name: dilemmaTitle }) })
      .getByText('Came from a problem of practice')
      .waitFor();
    await checkPage(joPage, 'mem-journey-successes');
  });

  test('E2E-MEM-5 (SEARCH-WEB-1, SEARCH-SNIP-1) search finds the success with a highlighted snippet', async () => {
    await searchFromHeader(joPage, 'ladders');
    const hit = joPage
      .locator('.search-hit')
      .filter({ has: joPage.locator(`a[href$="/memory/${successId}"]`) });
    await hit.waitFor();
    expect(await hit.locator('.search-hit__kind').innerText()).toBe('Success');
    expect((await hit.locator('.search-hit__snippet mark').first().innerText()).toLowerCase()).toContain(
      'ladder',
    );
    await checkPage(joPage, 'mem-journey-search');
    await hit.locator(`a[href$="/memory/${successId}"]`).click();
    await joPage.getByRole('heading', { level: 1, name: dilemmaTitle }).waitFor();
    await joPage.locator('.memory-links dt', { hasText: 'Came from a problem of practice' }).waitFor();
  });

  test('E2E-MEM-6 (SHARE-REVIEW-2, SHARE-CONSENT-1) the review flags the student’s name; Jo removes it and shares with the school', async () => {
    await joPage.getByRole('link', { name: 'Share beyond the team' }).click();
    await joPage.getByRole('heading', { level: 1, name: 'Share beyond the team' }).waitFor();
    await joPage.getByTestId('share-flags').getByText('“Maya” looks like a name (The story)').waitFor();
    await joPage.getByTestId('share-preview').locator('mark', { hasText: 'Maya' }).waitFor();
    await checkPage(joPage, 'mem-journey-share-flagged');
    await joPage.getByRole('textbox', { name: 'The story' }).fill(storyWithoutName);
    await joPage
      .getByText('Nothing here looks like a name or an identifying detail.', { exact: false })
      .waitFor();
    expect(await joPage.getByTestId('share-preview').locator('mark').count()).toBe(0);
    expect(await joPage.getByRole('radio', { name: 'The people of North Elementary' }).isChecked()).toBe(
      true,
    );
    await joPage.getByRole('checkbox', { name: /I agree to share this copy/ }).check();
    await joPage.getByRole('button', { name: 'Share', exact: true }).click();
    await joPage
      .getByTestId('share-status')
      .getByText(/^Shared with North Elementary since/)
      .waitFor();
    await checkPage(joPage, 'mem-journey-shared');
  });

  test('E2E-MEM-7 (SHARE-LIB-1, SHARE-ACCESS-1, SEARCH-PERM-3) the principal reads the shared copy and nothing else of the team', async () => {
    await principal.goto(`${app.baseUrl}/`);
    await principal.getByRole('link', { name: 'Shared', exact: true }).click();
    await principal.getByRole('heading', { level: 1, name: 'Shared by teams' }).waitFor();
    await checkPage(principal, 'mem-journey-principal-library');
    await principal.getByRole('link', { name: dilemmaTitle }).click();
    await principal.getByRole('heading', { level: 1, name: dilemmaTitle }).waitFor();
    await principal.getByText(storyWithoutName).waitFor();
    await principal.getByText(evidence).waitFor();
    expect(await principal.getByText('Maya').count()).toBe(0);
    await checkPage(principal, 'mem-journey-principal-copy');

    // The team's own records refuse the principal.
    await principal.goto(`${app.baseUrl}/teams/${teamId}/memory/${successId}`);
    await principal.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await principal.getByText('You do not have permission to do that.').waitFor();
    expect(await principal.getByText(evidence).count()).toBe(0);
    await checkPage(principal, 'mem-journey-principal-refused');

    // Search finds the shared copy only: not the team's success, dilemma, minutes or next steps.
    await searchFromHeader(principal, 'ladders');
    await principal
      .getByRole('status')
      .filter({ hasText: /^1 result for “ladders”/ })
      .waitFor();
    const hits = principal.locator('.search-hit');
    expect(await hits.count()).toBe(1);
    expect(await hits.locator('.search-hit__title a').getAttribute('href')).toMatch(/^\/shared\/[^/]+$/);
    expect(await hits.locator('mark').count()).toBeGreaterThan(0);
    await checkPage(principal, 'mem-journey-principal-search');
  });

  test('E2E-MEM-8 (SHARE-WITHDRAW-1) Jo withdraws it: it is gone from /shared and from the principal’s search', async () => {
    await joPage.getByRole('button', { name: 'Withdraw' }).click();
    const confirm = joPage.getByRole('alertdialog');
    await confirm.waitFor();
    await checkPage(joPage, 'mem-journey-withdraw-dialog');
    await confirm.getByRole('button', { name: 'Withdraw' }).click();
    await joPage.getByText('Withdrawn. The copy is gone everywhere.').first().waitFor();

    await principal.getByRole('link', { name: 'Shared', exact: true }).click();
    await principal.getByRole('heading', { level: 1, name: 'Shared by teams' }).waitFor();
    await principal.getByText('Nothing has been shared with you yet.').waitFor();
    expect(await principal.getByRole('link', { name: dilemmaTitle }).count()).toBe(0);
    await checkPage(principal, 'mem-journey-principal-library-empty');
    await searchFromHeader(principal, 'ladders');
    await principal.getByRole('status').filter({ hasText: 'Nothing found for “ladders”' }).waitFor();
    expect(await principal.locator('.search-hit').count()).toBe(0);
  });
});
