/**
 * TRUST-DEVICE-WEB in a real browser, against the demo district: signing in offers "This is a shared device" (the
 * default, a browser-session cookie); a private reflection written offline never reaches `localStorage`; and
 * when the next person signs in on the same browser, the queue the first one left behind is gone. The meeting is
 * set up over REST and a plain socket (not what is under test); the pages under test pass axe at both sizes.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OFFLINE_READ_PATHS, OFFLINE_SAVED_AT_HEADER, PERSONAL_CACHE } from '#contracts/offline';
import { DEMO_TEAM, groupIdOf, LiveSocket, openMeeting, signIn as apiSignIn } from '../test/meeting-harness';
import { checkPage } from './axe';
import {
  describeE2E,
  ownBrowserProfile,
  sharedBrowser,
  releaseBrowser,
  startApp,
  type AppUnderTest,
} from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword } from './meetings-helpers';

const privateMarker = 'PRIVATE-OFFLINE-7f3c';
const onlineText = 'Written while online, shared later';

describeE2E('shared devices', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';
  let meetingId = '';
  let joId = '';
  const sockets: LiveSocket[] = [];

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  /** Every value in this page's `localStorage`, keyed. */
  const storedValues = () =>
    page.evaluate(() =>
      Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    );

  async function signIn(email: string): Promise<void> {
    await page.goto(`${app.baseUrl}/sign-in`);
    await heading('Sign in').waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await heading('My teams').waitFor();
  }

  skipRestAfterFailure('shared-device', () => [['device', page]]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ demo: true, database: 'shared' }), sharedBrowser()]);
    password = demoPassword(app);
    const [coach, jo] = await Promise.all([
      apiSignIn(app.baseUrl, demo.coach.email, password),
      apiSignIn(app.baseUrl, demo.teacher2.email, password),
    ]);
    joId = (await jo.request<{ id: string }>('GET', '/api/auth/me')).id;
    meetingId = await openMeeting(coach, await groupIdOf(coach, DEMO_TEAM), 'Shared device check');
    const coachSocket = await LiveSocket.open(app.baseUrl, coach);
    sockets.push(coachSocket);
    await coachSocket.join(meetingId, 0);
    await coachSocket.must(meetingId, { type: 'startMeeting' });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await (context as BrowserContext | undefined)?.close().catch(() => undefined);
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('TRUST-DEVICE-WEB-3 sign-in offers "This is a shared device" (the default) or "Keep me signed in"; the default cookie ends with the browser', async () => {
    await page.goto(`${app.baseUrl}/sign-in`);
    await heading('Sign in').waitFor();
    const shared = page.getByRole('radio', { name: 'This is a shared device' });
    const keep = page.getByRole('radio', { name: 'Keep me signed in' });
    expect(await shared.isChecked()).toBe(true);
    expect(await keep.isChecked()).toBe(false);
    await checkPage(page, 'trust-50-sign-in-shared-device');

    await signIn(demo.teacher2.email);
    const session = (await context.cookies()).find((c) => c.name.endsWith('ensemble_session'));
    expect(session, 'a session cookie').toBeDefined();
    // A browser-session cookie: no Expires, so the browser forgets it when it closes.
    expect(session?.expires).toBe(-1);
  });

  test('TRUST-DEVICE-WEB-1 a private reflection written offline is not in localStorage; the page says it lives in this tab only', async () => {
    await page.goto(`${app.baseUrl}/meetings/${meetingId}`);
    await page.getByText('Share Successes · Step 1 of 6').waitFor();
    // One reflection saved online, to share later while offline (a command with no text that is queued).
    await page.getByRole('textbox', { name: 'Private reflection' }).fill(onlineText);
    await page.getByRole('button', { name: 'Save privately' }).click();
    await page.getByTestId('my-reflections').getByText(onlineText).waitFor();
    // It shows at once; it is sent when its note ("not sent yet") has gone. On two busy cores that took longer
    // than this test once waited, and the network was cut with the first save still in the outbox.
    await page.getByTestId('reflection-offline-note').waitFor({ state: 'detached' });

    await context.setOffline(true);
    await page
      .getByTestId('reflection-offline-note')
      .getByText(/You are offline/)
      .waitFor();
    await page.getByRole('textbox', { name: 'Private reflection' }).fill(`My own thought ${privateMarker}`);
    await page.getByRole('button', { name: 'Save privately' }).click();
    await page
      .getByTestId('reflection-offline-note')
      .getByText(/not sent yet/)
      .waitFor();
    await checkPage(page, 'trust-51-reflection-offline');
    await page
      .getByTestId('my-reflections')
      .locator('li', { hasText: onlineText })
      .getByRole('button', { name: 'Share this reflection with the team' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Share with the team' }).click();

    // The share (no text) is kept for after a reload; the private text is not, anywhere in storage.
    await page.waitForFunction((id) => Object.keys(localStorage).some((k) => k.endsWith(`:${id}`)), joId);
    const values = await storedValues();
    const everything = Object.entries(values)
      .map(([k, v]) => `${k}=${v ?? ''}`)
      .join('\n');
    expect(everything).toContain('shareReflection');
    expect(everything).not.toContain(privateMarker);
    expect(everything).not.toContain(onlineText);
  });

  test('TRUST-DEVICE-WEB-2 the next person who signs in on this browser does not inherit the queue left behind', async () => {
    // Jo walks away without signing out; the browser-session cookie is gone (the browser was closed).
    await context.clearCookies();
    await context.setOffline(false);
    const left = Object.keys(await storedValues()).filter((k) => k.endsWith(`:${joId}`));
    expect(left.length, 'the first person left a queue behind').toBeGreaterThan(0);

    await signIn(demo.teacher1.email);
    const after = await storedValues();
    expect(Object.keys(after).filter((k) => k.endsWith(`:${joId}`))).toEqual([]);
    expect(JSON.stringify(after)).not.toContain(privateMarker);
  });

  test('PWA-INSTALL-1, PWA-OFFLINE-1..4 the app installs; on a personal device My teams, upcoming meetings, next steps and reflections open offline; signing out forgets them', async () => {
    // Only this context lets the service worker run (the harness blocks it elsewhere, ADR 0043).
    // A profile on disk, as a person's own browser (Chromium offers no install in an incognito-like context).
    const own = await ownBrowserProfile({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    own.setDefaultTimeout(15_000);
    const p = own.pages()[0] ?? (await own.newPage());
    const h1 = (name: string) => p.getByRole('heading', { level: 1, name });
    const kept = () =>
      p.evaluate(async (name) => {
        if (!(await caches.has(name))) return [];
        const requests = await (await caches.open(name)).keys();
        return [...new Set(requests.map((r) => new URL(r.url).pathname))].sort();
      }, PERSONAL_CACHE);
    try {
      await p.goto(`${app.baseUrl}/sign-in`);
      await h1('Sign in').waitFor();
      await p.getByRole('textbox', { name: 'Email' }).fill(demo.coach.email);
      await p.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
      // The input sits under its card-like label, which takes the click, as a finger's would.
      await p.locator('label', { hasText: 'Keep me signed in' }).click();
      expect(await p.getByRole('radio', { name: 'Keep me signed in' }).isChecked()).toBe(true);
      await p.getByRole('button', { name: 'Sign in', exact: true }).click();
      await h1('My teams').waitFor();

      // The worker installs (precaching the app shell), then controls the page after a reload.
      await p.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await p.reload();
      await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const cdp = await own.newCDPSession(p);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);

      // Online, the five reads are kept as they are read.
      await h1('My teams').waitFor();
      await p.getByTestId('upcoming-meetings').waitFor();
      await p.goto(`${app.baseUrl}/next-steps`);
      await h1('Next steps').waitFor();
      await p.goto(`${app.baseUrl}/reflections`);
      await h1('My reflections').waitFor();
      await expect.poll(kept).toEqual([...OFFLINE_READ_PATHS].sort());

      // Offline: the page itself comes from the worker's copy of the shell, the reads from the kept copies.
      await own.setOffline(true);
      await p.goto(`${app.baseUrl}/`);
      await h1('My teams').waitFor();
      await p
        .getByRole('status')
        .getByText(/You are seeing what this device saved on/)
        .waitFor();
      await p.getByTestId('upcoming-meetings').getByRole('heading', { name: 'Upcoming meetings' }).waitFor();
      const savedAt = await p.evaluate(
        async (header) => (await fetch('/api/groups')).headers.get(header),
        OFFLINE_SAVED_AT_HEADER,
      );
      expect(savedAt, 'the teams came from the copy kept on this device').toMatch(/^\d{4}-\d{2}-\d{2}T/);
      await checkPage(p, 'pwa-offline-my-teams');
      await p.goto(`${app.baseUrl}/next-steps`);
      await h1('Next steps').waitFor();
      await checkPage(p, 'pwa-offline-next-steps');
      await p.goto(`${app.baseUrl}/reflections`);
      await h1('My reflections').waitFor();
      await checkPage(p, 'pwa-offline-reflections');

      // Back online, signing out forgets every kept read.
      await own.setOffline(false);
      await p.goto(`${app.baseUrl}/account`);
      await p.getByRole('button', { name: 'Sign out', exact: true }).first().click();
      await h1('Sign in').waitFor();
      await expect.poll(kept).toEqual([]);
    } finally {
      await own.close();
    }
  });

  test('PWA-OFFLINE-2 a shared device keeps nothing for offline use', async () => {
    const shared = await browser.newContext({ serviceWorkers: 'allow', reducedMotion: 'reduce' });
    shared.setDefaultTimeout(15_000);
    const p = await shared.newPage();
    try {
      await p.goto(`${app.baseUrl}/sign-in`);
      await p.getByRole('textbox', { name: 'Email' }).fill(demo.coach.email);
      await p.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
      await p.getByRole('button', { name: 'Sign in', exact: true }).click();
      await p.getByRole('heading', { level: 1, name: 'My teams' }).waitFor();
      await p.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await p.reload();
      await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await p.getByTestId('upcoming-meetings').waitFor();
      await p.goto(`${app.baseUrl}/reflections`);
      await p.getByRole('heading', { level: 1, name: 'My reflections' }).waitFor();
      const keptAny = await p.evaluate(
        async (name) => (await caches.has(name)) && (await (await caches.open(name)).keys()).length > 0,
        PERSONAL_CACHE,
      );
      expect(keptAny).toBe(false);
    } finally {
      await shared.close();
    }
  });
});
