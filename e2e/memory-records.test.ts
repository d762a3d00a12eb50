/**
 * Team memory: records end to end in the browser (issue 12, ADR 0019), against the real app (`serve --demo`):
 * a Share Successes meeting ends and its success, with the evidence of student growth, appears in the team's
 * successes library; a Problem-Solve leaves a problem of practice, which its presenter marks resolved with
 * evidence in the "Mark resolved" dialog, and the linked success shows on both records. Every new page passes
 * axe at 390x844 and 1920x1080 (checkPage).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_TEAM, groupIdOf, LiveSocket, signIn as apiSignIn, type Http } from '../test/meeting-harness';
import { checkPage, viewports } from './axe';
import { appForFile, describeE2E, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword } from './meetings-helpers';

const shared = appForFile({ demo: true, database: 'shared' });

const successTitle = 'Exit tickets every day';
const evidence = 'Unit test scores rose from 61% to 78% in six weeks';
const dilemmaTitle = 'Group work stalls after five minutes';
const resolution = 'Nine of ten groups finished the task with role cards';

describeE2E('Team memory: records', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sockets: LiveSocket[] = [];
  let lena: Http;
  let jo: Http;
  let joPage: Page;
  let teamId = '';
  let joId = '';

  async function pageFor(http: Http, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    context.setDefaultTimeout(10_000);
    await context.addCookies([{ name: 'ensemble_session', value: http.session, url: app.baseUrl }]);
    contexts.push(context);
    return context.newPage();
  }

  /** Schedules a meeting of one routine, opens it live and returns its id (as the facilitator). */
  async function openMeeting(title: string, routineId: string): Promise<string> {
    const { id } = await lena.request<{ id: string }>('POST', `/api/groups/${teamId}/meetings`, {
      title,
      routineId,
    });
    await lena.request('POST', `/api/meetings/${id}/open`);
    return id;
  }

  /** Runs a meeting through the live socket: Jo presents, the facilitator records and writes the notes. */
  async function runMeeting(
    meetingId: string,
    record: Record<string, unknown>,
    notes: [string, string][],
  ): Promise<void> {
    const socket = await LiveSocket.open(app.baseUrl, lena);
    sockets.push(socket);
    await socket.join(meetingId, 0);
    await socket.must(meetingId, { type: 'assignRoles', presenter: joId });
    await socket.must(meetingId, { type: 'startMeeting' });
    await socket.must(meetingId, { type: 'nextStep', fromStepId: 'identify' });
    await socket.must(meetingId, { type: 'recordPresentation', ...record });
    for (const [stepId, text] of notes) await socket.must(meetingId, { type: 'writeNote', stepId, text });
    await socket.must(meetingId, { type: 'endMeeting' });
  }

  skipRestAfterFailure('memory-records', () => [['jo', joPage]]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([shared.app(), shared.browser()]);
    const password = demoPassword(app);
    [lena, jo] = await Promise.all([
      apiSignIn(app.baseUrl, demo.coach.email, password),
      apiSignIn(app.baseUrl, demo.teacher2.email, password),
    ]);
    teamId = await groupIdOf(lena, DEMO_TEAM);
    joId = (await jo.request<{ id: string }>('GET', '/api/auth/me')).id;
    joPage = await pageFor(jo, viewports.phone);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  test('MEM-REC-1, MEM-REC-2, MEM-UI-1 a Share Successes meeting ends; its success is in the library with its evidence', async () => {
    const meetingId = await openMeeting('Week 12 successes', 'share-successes');
    await runMeeting(
      meetingId,
      { title: successTitle, summary: 'Three questions at the end of each math lesson', evidence },
      [
        ['team-reflects', 'Short, daily, and looked at together the next morning'],
        ['presenter-reflects', 'Keep them to three questions'],
      ],
    );
    // From the team page to the library.
    await joPage.goto(`${app.baseUrl}/teams/${teamId}`);
    await joPage.getByRole('heading', { level: 1, name: DEMO_TEAM }).waitFor();
    await joPage
      .getByRole('navigation', { name: 'Team memory' })
      .getByRole('link', { name: 'Successes' })
      .click();
    await joPage.getByRole('heading', { level: 1, name: new RegExp(`^Successes`) }).waitFor();
    const card = joPage.getByRole('link', { name: successTitle });
    await card.waitFor();
    await checkPage(joPage, 'memory-successes');
    await card.click();
    await joPage.getByRole('heading', { level: 1, name: successTitle }).waitFor();
    await joPage.getByText(evidence).waitFor();
    await joPage.getByText('Short, daily, and looked at together the next morning').waitFor();
    await checkPage(joPage, 'memory-success-record');
  });

  test('MEM-DIL-3 the presenter marks the problem of practice resolved with evidence; the success links both ways', async () => {
    const meetingId = await openMeeting('Week 13 problem-solving', 'problem-solve');
    await runMeeting(
      meetingId,
      { title: dilemmaTitle, summary: 'Groups stop talking once the first idea is out' },
      [['discuss', 'Role cards; a visible timer']],
    );
    await joPage.setViewportSize(viewports.projector);
    await joPage.goto(`${app.baseUrl}/teams/${teamId}/problems`);
    await joPage.getByRole('link', { name: dilemmaTitle }).waitFor();
    await checkPage(joPage, 'memory-problems');
    await joPage.getByRole('button', { name: `Mark resolved: ${dilemmaTitle}` }).click();
    const dialog = joPage.getByRole('dialog', { name: 'Mark this problem of practice resolved' });
    await dialog.waitFor();
    // Evidence is required: the server's message lands on the field.
    await dialog.getByRole('button', { name: 'Mark resolved' }).click();
    await dialog
      .getByRole('textbox', { name: 'Evidence of student growth' })
      .and(joPage.locator('[aria-invalid="true"]'))
      .waitFor();
    await checkPage(joPage, 'memory-resolve-dialog');
    await dialog.getByRole('textbox', { name: 'Evidence of student growth' }).fill(resolution);
    await dialog.getByRole('button', { name: 'Mark resolved' }).click();
    await dialog.waitFor({ state: 'detached' });
    await joPage
      .getByRole('listitem')
      .filter({ hasText: dilemmaTitle })
      .getByText('Resolved', { exact: true })
      .waitFor();

    await joPage.getByRole('link', { name: dilemmaTitle }).click();
    await joPage.getByRole('heading', { level: 1, name: dilemmaTitle }).waitFor();
    await joPage.getByText(resolution).first().waitFor();
    const became = joPage.locator('.memory-links').getByRole('link', { name: dilemmaTitle });
    expect(await joPage.locator('.memory-links dt').first().textContent()).toBe('Became a success');
    await checkPage(joPage, 'memory-dilemma-record');
    await became.click();
    await joPage.locator('.memory-links dt', { hasText: 'Came from a problem of practice' }).waitFor();
    await joPage.getByText(resolution).first().waitFor();
    await checkPage(joPage, 'memory-success-from-dilemma');

    // In the library, it says where it came from.
    await joPage.goto(`${app.baseUrl}/teams/${teamId}/successes`);
    await joPage.getByText('Came from a problem of practice').first().waitFor();
  });

  test('MEM-OBS-1, MEM-UI-1 the observations list and the Log a success dialog pass axe', async () => {
    await joPage.goto(`${app.baseUrl}/teams/${teamId}/observations`);
    await joPage.getByRole('heading', { level: 1, name: /^Observations/ }).waitFor();
    await checkPage(joPage, 'memory-observations');
    await joPage.goto(`${app.baseUrl}/teams/${teamId}/successes`);
    await joPage.getByRole('button', { name: 'Log a success' }).click();
    const dialog = joPage.getByRole('dialog', { name: 'Log a success' });
    await dialog.waitFor();
    await checkPage(joPage, 'memory-log-success');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Reading buddies');
    await dialog
      .getByRole('textbox', { name: 'What happened' })
      .fill('Grade 5 read with grade 1 every Friday');
    await dialog.getByRole('textbox', { name: 'Grade' }).fill('1');
    await dialog.getByRole('button', { name: 'Log the success' }).click();
    await dialog.waitFor({ state: 'detached' });
    await joPage.getByRole('link', { name: 'Reading buddies' }).waitFor();
  });
});
