/**
 * DAY-FIRST-7: the guided first run, from a fresh install (no --demo) to the first step running with two
 * colleagues joined by the meeting's code, counting the admin's clicks and filled fields (at most 8 and 6).
 * The colleagues have no account: they join as meeting guests on phones (390x844), from the QR code's address
 * and from the short code typed, and the admin lets each in with one click. Every page: axe 0 at both sizes.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkPage, viewports } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { stepTitle } from './meetings-helpers';

const admin = {
  district: 'Lakeside Schools',
  name: 'Ada Admin',
  email: 'ada@lakeside.example',
  password: 'a calm morning walk',
};

describeE2E('DAY-FIRST guided first run', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let adminPage: Page;
  let gia: Page;
  let omar: Page;
  let code = '';
  /** The admin's effort, counted as a person would: every click and every field filled. */
  const effort = { clicks: 0, fields: 0 };
  const click = async (target: Locator) => {
    effort.clicks += 1;
    await target.click();
  };
  const fill = async (target: Locator, value: string) => {
    effort.fields += 1;
    await target.fill(value);
  };

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context.newPage();
  }
  /** checkPage leaves the page at projector size; a phone goes back to its own size. */
  async function checkPhone(page: Page, name: string) {
    await checkPage(page, name);
    await page.setViewportSize(viewports.phone);
  }

  skipRestAfterFailure('first-run', () =>
    contexts.flatMap((context, index) =>
      context.pages().map((page) => [['admin', 'gia', 'omar'][index] ?? `page${index}`, page] as const),
    ),
  );

  beforeAll(async () => {
    await Promise.all([
      startApp({ dev: false }).then((started) => (app = started)),
      sharedBrowser().then((launched) => (browser = launched)),
    ]);
    adminPage = await newPage(viewports.projector);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('DAY-FIRST-7 setup, then first steps: school and team named, one button lands in the lobby with the code', async () => {
    const page = adminPage;
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL('**/setup');
    // The empty setup page of a new install passes axe in e2e/foundation.test.ts (01-setup).
    await fill(page.getByRole('textbox', { name: 'District name' }), admin.district);
    await fill(page.getByRole('textbox', { name: 'Your name' }), admin.name);
    await fill(page.getByRole('textbox', { name: 'Email' }), admin.email);
    await fill(page.getByRole('textbox', { name: 'Password', exact: true }), admin.password);
    await click(page.getByRole('button', { name: 'Create district' }));

    await page.waitForURL('**/first-steps');
    await page.getByRole('heading', { level: 1, name: 'Your first meeting' }).waitFor();
    await checkPage(page, 'first-run-02-first-steps');
    await fill(page.getByRole('textbox', { name: 'School name' }), 'Lakeside Elementary');
    await fill(page.getByRole('textbox', { name: 'Team name' }), 'Grade 3 team');
    await click(page.getByRole('button', { name: 'Run Share Successes now' }));

    await page.waitForURL('**/meetings/*');
    const shown = page.getByTestId('lobby-join-code');
    await shown.waitFor();
    code = ((await shown.textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    // The QR code opens the join page with the code filled in.
    await page
      .getByRole('img', {
        name: `QR code to join this meeting: ${app.baseUrl}/join-meeting?code=${code.replace('-', '')}`,
      })
      .waitFor();
    await page.getByText('Nobody is waiting.').waitFor();
    await checkPage(page, 'first-run-03-lobby');
  });

  test('DAY-FIRST-3 two colleagues without accounts ask to join from their phones: by the QR address and by the typed code', async () => {
    gia = await newPage(viewports.phone);
    // Scanning the QR code opens this address: the code is already there.
    await gia.goto(`${app.baseUrl}/join-meeting?code=${code.replace('-', '')}`);
    await gia.getByRole('textbox', { name: 'Your name' }).waitFor();
    expect(await gia.getByRole('textbox', { name: 'Meeting code' }).inputValue()).toBe(code.replace('-', ''));
    await checkPhone(gia, 'first-run-04-guest-join');
    await gia.getByRole('textbox', { name: 'Your name' }).fill('Gia Guest');
    await gia.getByRole('button', { name: 'Ask to join' }).click();
    await gia.waitForURL('**/guest');
    await gia.getByRole('heading', { level: 1, name: 'Waiting to be let in' }).waitFor();
    await checkPhone(gia, 'first-run-05-guest-waiting');

    omar = await newPage(viewports.phone);
    await omar.goto(`${app.baseUrl}/join-meeting`);
    await omar.getByRole('textbox', { name: 'Meeting code' }).fill(code.toLowerCase());
    await omar.getByRole('textbox', { name: 'Your name' }).fill('Omar');
    await omar.getByRole('button', { name: 'Ask to join' }).click();
    await omar.waitForURL('**/guest');
    await omar.getByRole('heading', { level: 1, name: 'Waiting to be let in' }).waitFor();
  });

  test('DAY-FIRST-4 the admin lets each in with one click; both then take part at once', async () => {
    const page = adminPage;
    await page.getByRole('button', { name: 'Let in Gia Guest' }).waitFor();
    await page.getByRole('button', { name: 'Let in Omar' }).waitFor();
    await checkPage(page, 'first-run-06-lobby-waiting');
    await click(page.getByRole('button', { name: 'Let in Gia Guest' }));
    await click(page.getByRole('button', { name: 'Let in Omar' }));
    await page.getByText('2 guests taking part').waitFor();
    for (const guest of [gia, omar]) await guest.getByRole('heading', { name: 'Waiting to start' }).waitFor();
    await checkPhone(gia, 'first-run-07-guest-lobby');
  });

  test('DAY-FIRST-7 the admin starts the meeting: the first step runs on every device; at most 8 clicks and 6 fields', async () => {
    const page = adminPage;
    await click(page.getByRole('button', { name: 'Start the meeting' }));
    // The lobby's heading is the meeting's title; once started it is step 1's.
    await page
      .getByText(/Step 1 of/)
      .first()
      .waitFor();
    const title = await stepTitle(page);
    for (const guest of [gia, omar]) {
      await guest.getByTestId('step-title').filter({ hasText: title }).waitFor();
      expect(await guest.getByText('Step 1 of').first().isVisible()).toBe(true);
    }
    // The timer starts by itself once the timer work lands (DAY-TIMER); until then one more click starts it.
    const status = page.getByTestId('timer-status').first();
    await status.waitFor();
    const deadline = Date.now() + 1_500;
    while (!((await status.textContent()) ?? '').includes('Running') && Date.now() < deadline)
      await page.waitForTimeout(100);
    if (!((await status.textContent()) ?? '').includes('Running'))
      await click(page.getByRole('button', { name: 'Start timer' }));
    for (const p of [page, gia, omar])
      await p.getByTestId('timer-status').first().filter({ hasText: 'Running' }).waitFor();
    console.log(`DAY-FIRST-7 admin effort: ${effort.clicks} clicks, ${effort.fields} fields`);
    expect(effort.clicks).toBeLessThanOrEqual(8);
    expect(effort.fields).toBeLessThanOrEqual(6);
    await checkPage(page, 'first-run-08-step-running');
    await checkPhone(gia, 'first-run-09-guest-step-running');
  });
});
