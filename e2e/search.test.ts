/**
 * Search in the browser against the real app (`serve --demo`, docs/SPEC.md SEARCH-*): the demo's ended meeting
 * of "Grade 3 Team" is indexed by the start's backfill (SEARCH-DOC-6); the coach (a member) searches from the
 * header's box, reads highlighted snippets and the announced count, narrows by type and opens a hit; a private
 * reflection of that meeting is found by nobody; the district admin (not a member) finds nothing of the team.
 * Every state passes axe at phone and projector size.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkPage } from './axe';
import { describeE2E, launchBrowser, startApp, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword, signIn } from './meetings-helpers';

describeE2E('search', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let coach: Page;
  let admin: Page;

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  }

  skipRestAfterFailure('search', () => [
    ['coach', coach],
    ['admin', admin],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ demo: true, database: 'shared' }), launchBrowser()]);
    const password = demoPassword(app);
    [coach, admin] = await Promise.all([newPage(), newPage()]);
    await Promise.all([
      signIn(coach, app.baseUrl, demo.coach.email, password),
      signIn(admin, app.baseUrl, 'admin@demo.ensemble.test', password),
    ]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await (browser as Browser | undefined)?.close().catch(() => undefined);
    await (app as AppUnderTest | undefined)?.stop();
  });

  /** Searches from the header's box (SEARCH-WEB-2), waiting for the backfill of the demo's meeting if needed. */
  async function searchFromHeader(page: Page, words: string, expectHits: boolean): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const box = page.getByRole('search', { name: 'Search your teams’ memory' });
      await box.getByRole('searchbox', { name: 'Search your teams’ memory' }).fill(words);
      await box.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
      const status = page.getByRole('status').filter({ hasText: /results? for|Nothing found/ });
      await status.waitFor();
      const found = !(await status.innerText()).startsWith('Nothing found');
      if (found === expectHits || attempt >= 20) return;
      await page.waitForTimeout(250);
    }
  }

  test('SEARCH-WEB-1, SEARCH-WEB-2, SEARCH-SNIP-1: a member searches from the header and reads highlighted snippets', async () => {
    await searchFromHeader(coach, 'exit tickets', true);
    expect(new URL(coach.url()).searchParams.get('q')).toBe('exit tickets');
    const status = coach.getByRole('status').filter({ hasText: /results? for “exit tickets”/ });
    await status.waitFor();
    const results = coach.getByRole('list').filter({ has: coach.locator('.search-hit') });
    const hits = results.getByRole('listitem');
    expect(await hits.count()).toBeGreaterThan(0);
    // The matched words are marked (and bold), as text.
    expect(await results.locator('mark').count()).toBeGreaterThan(0);
    expect((await results.locator('mark').first().innerText()).toLowerCase()).toMatch(/exit|ticket/);
    await checkPage(coach, 'search-results');
  });

  test('SEARCH-FILTER-1: the type filter narrows to next steps; the address keeps it', async () => {
    await coach.getByRole('combobox', { name: 'Type' }).selectOption('next-step');
    await coach
      .getByRole('search', { name: 'Search', exact: true })
      .getByRole('button', { name: 'Search' })
      .click();
    await coach.waitForURL(/type=next-step/);
    // The unfiltered hits stay on screen until the filtered ones arrive: wait for the list to change.
    await expect
      .poll(async () => [...new Set(await coach.locator('.search-hit__kind').allInnerTexts())], {
        timeout: 10_000,
      })
      .toEqual(['Next step']);
    await checkPage(coach, 'search-filtered');
    // A hit is a link, reached and opened with the keyboard: it opens the meeting's minutes.
    const link = coach.locator('.search-hit__title a').first();
    await link.focus();
    await coach.keyboard.press('Enter');
    await coach.waitForURL(/\/meetings\/[^/]+\/minutes$/);
  });

  test('SEARCH-PERM-2: a private reflection is found by nobody, not even in its own team', async () => {
    await searchFromHeader(coach, 'quiet table', false);
    await coach.getByRole('status').filter({ hasText: 'Nothing found for “quiet table”' }).waitFor();
    expect(await coach.locator('.search-hit').count()).toBe(0);
    await checkPage(coach, 'search-nothing');
  });

  test('SEARCH-PERM-3: the district admin, not a member of the team, finds none of its records or minutes', async () => {
    await searchFromHeader(admin, 'exit tickets', false);
    await admin.getByRole('status').filter({ hasText: 'Nothing found for “exit tickets”' }).waitFor();
    expect(await admin.locator('.search-hit').count()).toBe(0);
  });
});
