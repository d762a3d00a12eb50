/**
 * Peer Modeling end to end in the browser (issue 11 item 1, ADR 0016), against the real app (`serve --demo`):
 * the facilitator schedules a Peer Modeling meeting on the team page, invites the district's instructional coach
 * (not on the team) as the model and writes the plan (classroom visit); an observer writes a visit note on a
 * phone before the meeting; the coach signs in and sees that meeting only; the meeting runs with the coach as
 * model, the observer shares the note into it, and the minutes and the Markdown show the mode and the shared
 * observation. A video-mode plan shows its link on the Observe step. Every page passes axe at 390x844 and
 * 1920x1080 (checkPage).
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_TEAM, groupIdOf, LiveSocket, signIn as apiSignIn, type Http } from '../test/meeting-harness';
import { checkPage, screenshotDir, viewports } from './axe';
import { appForFile, describeE2E, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword } from './meetings-helpers';

const shared = appForFile({ demo: true, database: 'shared' });

const meetingTitle = 'Peer Modeling: wait time';
const coachName = 'Nora Haddad';
const coachEmail = 'instructional-coach@demo.ensemble.test';
const practice = 'Wait time of five seconds before calling on anyone';
const curiosity = 'How do quieter students join the discussion?';
const visitNote = 'Nora counted silently; three hands went up after the pause, two from the back table.';
const videoUrl = 'https://video.example.org/watch?v=wait-time';

describeE2E('Peer Modeling', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sockets: LiveSocket[] = [];
  let lena: Http;
  let facilitator: Page;
  let observer: Page;
  let coach: Page;
  let teamId = '';
  let meetingId = '';

  async function pageFor(http: Http, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    context.setDefaultTimeout(10_000);
    await context.addCookies([{ name: 'ensemble_session', value: http.session, url: app.baseUrl }]);
    contexts.push(context);
    return context.newPage();
  }

  /** A REST call in the facilitator's session (PUT is not in the shared harness). */
  async function api(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: {
        cookie: `ensemble_session=${lena.session}`,
        origin: app.baseUrl,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return text.startsWith('{') ? JSON.parse(text) : text;
  }

  skipRestAfterFailure('peer-modeling', () => [
    ['facilitator', facilitator],
    ['observer', observer],
    ['coach', coach],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([shared.app(), shared.browser()]);
    const password = demoPassword(app);
    let jo: Http;
    let nora: Http;
    [lena, jo, nora] = await Promise.all([
      apiSignIn(app.baseUrl, demo.coach.email, password),
      apiSignIn(app.baseUrl, demo.teacher2.email, password),
      apiSignIn(app.baseUrl, coachEmail, password),
    ]);
    teamId = await groupIdOf(lena, DEMO_TEAM);
    [facilitator, observer, coach] = await Promise.all([
      pageFor(lena, viewports.projector),
      pageFor(jo, viewports.phone),
      pageFor(nora, viewports.projector),
    ]);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const context of contexts) await context.close().catch(() => undefined);
  });

  test('PM-PLAN-1, PM-GUEST-1 the facilitator schedules a Peer Modeling meeting, invites the district coach as the model and writes the plan', async () => {
    await facilitator.goto(`${app.baseUrl}/teams/${teamId}`);
    await facilitator.getByRole('heading', { level: 1, name: DEMO_TEAM }).waitFor();
    await facilitator.getByRole('textbox', { name: 'Title' }).fill(meetingTitle);
    await facilitator.locator('label', { hasText: /^Practice Peer Modeling/ }).click();
    await facilitator.getByRole('button', { name: 'Schedule meeting' }).click();
    const plan = facilitator.getByRole('link', {
      name: `Plan ${meetingTitle}: Peer Modeling plan, invitations and visit notes`,
    });
    await plan.click();
    await facilitator.getByRole('heading', { level: 1, name: 'Peer Modeling plan' }).waitFor();
    meetingId = /\/meetings\/([^/]+)\/plan/.exec(facilitator.url())?.[1] ?? '';
    expect(meetingId).not.toBe('');

    // The coach is found by name among the district's people and invited as the model.
    await facilitator.getByRole('combobox', { name: 'Invited as' }).selectOption('model');
    await facilitator.getByRole('searchbox', { name: 'Find a person of your district' }).fill('nora');
    await facilitator.getByRole('button', { name: `Invite ${coachName}` }).click();
    await facilitator.getByTestId('invitees').getByText(coachName, { exact: true }).waitFor();

    await facilitator.getByRole('textbox', { name: 'Area of curiosity' }).fill(curiosity);
    await facilitator.getByRole('textbox', { name: 'The practice' }).fill(practice);
    await facilitator
      .getByRole('combobox', { name: 'Who models' })
      .selectOption({ label: `${coachName} (invited)` });
    await facilitator.locator('label', { hasText: /^Classroom visit/ }).click();
    await facilitator.getByLabel('When the modeling happens').fill('2026-12-10T09:30');
    await facilitator.getByRole('button', { name: 'Save the plan' }).click();
    await facilitator.getByText('Plan saved').first().waitFor();
    await checkPage(facilitator, 'pm-plan');
    // An http link is refused with the field named: the video field appears with the video mode.
    await facilitator.locator('label', { hasText: /^Classroom video/ }).click();
    await facilitator.getByRole('textbox', { name: 'Video link' }).fill('http://video.example.org/1');
    await facilitator.getByRole('button', { name: 'Save the plan' }).click();
    const videoField = facilitator.getByRole('textbox', { name: 'Video link' });
    await facilitator.waitForFunction(
      () => document.querySelector('input[name="videoUrl"]')?.getAttribute('aria-invalid') === 'true',
    );
    expect(await videoField.getAttribute('aria-invalid')).toBe('true');
    await facilitator.reload();
    await facilitator.getByRole('heading', { level: 1, name: 'Peer Modeling plan' }).waitFor();
    expect(await facilitator.getByRole('radio', { name: /^Classroom visit/ }).isChecked()).toBe(true);
  });

  test('PM-NOTE-1, PM-NOTE-2 an observer writes a visit note on a phone before the meeting; it saves as they type and says it is private', async () => {
    await observer.goto(`${app.baseUrl}/meetings/${meetingId}/visit-notes`);
    await observer.getByRole('heading', { level: 1, name: 'My visit notes' }).waitFor();
    await observer.getByText(/Only you can read these notes/).waitFor();
    await observer.getByRole('textbox', { name: 'What did you see and hear?' }).fill(visitNote);
    await observer
      .getByTestId('note-status')
      .getByText(/^Saved/)
      .waitFor();
    await checkPage(observer, 'pm-visit-notes');
    await observer.reload();
    await observer.getByRole('heading', { level: 1, name: 'My visit notes' }).waitFor();
    expect(await observer.getByRole('textbox', { name: 'What did you see and hear?' }).inputValue()).toBe(
      visitNote,
    );
    // The facilitator reads only their own (empty) note.
    const theirs = (await api('GET', `/api/meetings/${meetingId}/visit-notes/mine`)) as { text: string };
    expect(theirs.text).toBe('');
  });

  test('PM-GUEST-3, PM-GUEST-5 the coach signs in and finds that meeting on the home page; the team page is not found', async () => {
    await coach.goto(`${app.baseUrl}/`);
    await coach.getByRole('heading', { name: 'Meetings you are invited to' }).waitFor();
    await coach.getByRole('link', { name: meetingTitle, exact: true }).waitFor();
    await checkPage(coach, 'pm-coach-home');
    await coach.getByRole('link', { name: new RegExp(`^Plan\\W+${meetingTitle}$`) }).click();
    await coach.getByRole('heading', { level: 1, name: 'Peer Modeling plan' }).waitFor();
    await coach.getByTestId('plan-summary').getByText(practice).waitFor();
    // Read-only for the coach: no form, no invitations to manage.
    expect(await coach.getByRole('button', { name: 'Save the plan' }).count()).toBe(0);
    await checkPage(coach, 'pm-coach-plan');
    const status = await coach.evaluate(async (id) => (await fetch(`/api/groups/${id}`)).status, teamId);
    expect(status).toBe(404);
    await coach.goto(`${app.baseUrl}/teams/${teamId}`);
    await coach
      .getByText(/not found/i)
      .first()
      .waitFor();
    await checkPage(coach, 'pm-coach-team-not-found');
  });

  test('PM-PLAN-3, PM-NOTE-3 the meeting runs with the coach as model; the observer shares the visit note into it', async () => {
    await facilitator.goto(`${app.baseUrl}/meetings/${meetingId}`);
    await facilitator.getByRole('button', { name: 'Open live now' }).click();
    // The planned model is the presenter chosen in the lobby.
    const presenter = facilitator.getByRole('combobox', { name: 'Presenter' });
    await presenter.waitFor();
    // (Named once the plan's invitee list has loaded: the coach is not on the team's member list.)
    await facilitator.waitForFunction(
      (name) =>
        [...document.querySelectorAll('select')].some((s) =>
          s.selectedOptions[0]?.textContent.includes(name),
        ),
      coachName,
    );
    expect(await presenter.locator('option:checked').textContent()).toContain(coachName);
    await Promise.all([
      observer.goto(`${app.baseUrl}/meetings/${meetingId}`),
      coach.goto(`${app.baseUrl}/meetings/${meetingId}`),
    ]);
    await facilitator.getByRole('button', { name: 'Start the meeting' }).first().click();
    // On a phone the plan is folded under the step's own tool (DAY-DEVICE-2): one tap opens it.
    await observer.setViewportSize(viewports.phone);
    const fold = observer.locator('details', { has: observer.getByTestId('observe-plan') });
    await fold.waitFor({ state: 'attached' });
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await observer.getByText('What we watch', { exact: true }).click();
    for (const page of [facilitator, observer, coach]) {
      const panel = page.getByTestId('observe-plan');
      await panel.waitFor();
      expect(await panel.getByTestId('plan-mode').textContent()).toBe('Classroom visit');
      await panel.getByText(practice).waitFor();
    }
    await checkPage(coach, 'pm-observe-coach');
    await observer.getByRole('button', { name: 'Share my notes with the meeting' }).click();
    for (const page of [facilitator, coach])
      await page.getByTestId('shared-observations').getByText(visitNote).waitFor();
    await checkPage(observer, 'pm-observe-shared');
  });

  test('PM-MIN-1, PM-MIN-2 the minutes and the Markdown show the mode and the shared observation', async () => {
    const socket = await LiveSocket.open(app.baseUrl, lena);
    sockets.push(socket);
    await socket.join(meetingId, 0);
    await socket.must(meetingId, { type: 'endMeeting' });
    await facilitator.goto(`${app.baseUrl}/meetings/${meetingId}/minutes`);
    await facilitator.getByRole('heading', { name: 'Plan', exact: true }).waitFor();
    expect(await facilitator.getByTestId('plan-mode').textContent()).toBe('Classroom visit');
    await facilitator.getByTestId('minutes-observations').getByText(visitNote).waitFor();
    await facilitator.getByTestId('minutes-observations').getByText(demo.teacher2.name).waitFor();
    await checkPage(facilitator, 'pm-minutes');
    const markdown = (await api('GET', `/api/meetings/${meetingId}/minutes.md`)) as string;
    expect(markdown).toContain('- Observation mode: Classroom visit');
    expect(markdown).toContain(`- Model: ${coachName} (invited to this meeting)`);
    expect(markdown).toContain(`### ${demo.teacher2.name}\n\n${visitNote}`);
    // The coach reads the minutes of the meeting they were invited to.
    await coach.goto(`${app.baseUrl}/meetings/${meetingId}/minutes`);
    await coach.getByTestId('minutes-observations').getByText(visitNote).waitFor();
  });

  test('PM-URL-2 a video-mode plan shows its link on the Observe step: a real link that opens a new tab and says so', async () => {
    const { id } = (await api('POST', `/api/groups/${teamId}/meetings`, {
      title: 'Peer Modeling by video',
      routineId: 'peer-modeling',
    })) as { id: string };
    const me = (await api('GET', '/api/auth/me')) as { id: string };
    await api('PUT', `/api/meetings/${id}/plan/0`, {
      curiosity,
      practice,
      modelId: me.id,
      mode: 'classroom-video',
      modelingAt: null,
      videoUrl,
      fromSuccess: null,
    });
    await api('POST', `/api/meetings/${id}/open`);
    const socket = await LiveSocket.open(app.baseUrl, lena);
    sockets.push(socket);
    await socket.join(id, 0);
    await socket.must(id, { type: 'startMeeting' });
    await facilitator.goto(`${app.baseUrl}/meetings/${id}`);
    const link = facilitator
      .getByTestId('observe-plan')
      .getByRole('link', { name: 'Open the video (opens in a new tab)' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(videoUrl);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await facilitator.getByTestId('plan-mode').textContent()).toBe('Classroom video');
    await checkPage(facilitator, 'pm-observe-video');
    await facilitator.screenshot({ path: join(screenshotDir, 'pm-observe-video-final.png') });
    await socket.must(id, { type: 'endMeeting' });
  });
});
