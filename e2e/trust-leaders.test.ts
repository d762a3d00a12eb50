/**
 * TRUST-LEAD in a real browser, against the demo district: a principal who is not on a team asks to join it
 * (no silent membership), the team's facilitator sees "… asked to join this team" and accepts, and the
 * district's audit log holds both steps. Every page is checked with axe at phone and projector size.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkPage } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { signInWithSession } from './meetings-helpers';

const principal = { email: 'principal.north@demo.ensemble.test', name: 'Marcus Bell' };
const facilitator = { email: 'teacher4@demo.ensemble.test', name: 'Chris Yamada' };
const adminEmail = 'admin@demo.ensemble.test';
const team = 'Literacy PLC';

describeE2E('leaders see what teams chose to share', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let password = '';
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context.newPage();
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const toast = (page: Page, text: string) => page.locator('.toasts').getByText(text).waitFor();

  const signIn = (page: Page, email: string) => signInWithSession(page, app.baseUrl, email, password);

  async function openTeam(page: Page): Promise<void> {
    await page.getByRole('link', { name: team, exact: true }).click();
    await heading(page, team).waitFor();
  }

  skipRestAfterFailure('trust-leaders', () =>
    contexts.flatMap((context, index) => context.pages().map((page, p) => [`${index}-${p}`, page] as const)),
  );

  beforeAll(async () => {
    await Promise.all([
      startApp({ demo: true, database: 'shared' }).then((started) => (app = started)),
      sharedBrowser().then((launched) => (browser = launched)),
    ]);
    password = /Shared demo password for this run: (\S+)/.exec(app.output())?.[1] ?? '';
    expect(password, `the demo password was not printed:\n${app.output()}`).not.toBe('');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('TRUST-LEAD-5 a principal who is not a member asks to join; no membership is made', async () => {
    const page = await newPage();
    await signIn(page, principal.email);
    await openTeam(page);
    await page.getByText(/Its meetings and minutes are for its members/).waitFor();
    await checkPage(page, 'trust-40-team-leader-not-member');

    await page.getByRole('button', { name: 'Ask to join this team' }).click();
    await toast(page, 'Your request to join was sent to the team’s facilitators.');
    await page.getByText(`${principal.name} asked to join this team`).waitFor();
    await page.getByText('You asked to join this team. A facilitator will accept or decline.').waitFor();
    // Still not a member: the members list does not name them.
    expect(
      await page.locator('.member-list .member__name', { hasText: `${principal.name} (you)` }).count(),
    ).toBe(0);
    await checkPage(page, 'trust-41-team-request-pending');
  });

  test('TRUST-LEAD-3 the facilitator sees the request on the team page and accepts it', async () => {
    const page = await newPage();
    await signIn(page, facilitator.email);
    await openTeam(page);
    await page.getByText(`${principal.name} asked to join this team`).waitFor();
    await checkPage(page, 'trust-42-team-request-facilitator');

    await page.getByRole('button', { name: `Accept ${principal.name}` }).click();
    await toast(page, `${principal.name} joined the team.`);
    await page.getByText(`${principal.name} asked to join this team`).waitFor({ state: 'detached' });
    await page.locator('.member__name', { hasText: principal.name }).waitFor();
    // This page passed axe above with the request on it (trust-42); now it has one member more and a toast.
  });

  test('TRUST-LEAD-6 the audit log holds the request and its acceptance', async () => {
    const page = await newPage();
    await signIn(page, adminEmail);
    const actions = await page.evaluate(async () => {
      const res = await fetch('/api/audit', { credentials: 'same-origin' });
      const body = (await res.json()) as { items: { action: string; actor: { name: string } | null }[] };
      return body.items.map((item) => `${item.action} by ${item.actor?.name ?? '?'}`);
    });
    expect(actions).toContain(`group.join_requested by ${principal.name}`);
    expect(actions).toContain(`group.join_request_accepted by ${facilitator.name}`);
  });
});
