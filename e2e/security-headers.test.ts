/**
 * TRUST-HTTP-1 in a real browser: the built web app and the OpenAPI page at /api/docs run under the strict
 * CSP with zero violations (no style element is injected: its policy allows none but swagger-ui's logo), and the page is still usable. The app
 * runs without development mode here: /dev/outbox is not served (TRUST-MAIL-1).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';

/** Collects CSP violations reported by the page (the DOM event) and by the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI} ${e.sample} at ${location.pathname} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('CSP-VIOLATION') || text.includes('Content Security Policy')) violations.push(text);
  });
  return violations;
}

describeE2E('security headers in the browser', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let password = '';

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startApp({ demo: true, dev: false, database: 'shared' }),
      sharedBrowser(),
    ]);
    password = /Shared demo password for this run: (\S+)/.exec(app.output())?.[1] ?? '';
  });
  afterAll(async () => {
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('TRUST-HTTP-1: the web app and /api/docs show no CSP violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const violations = await watchViolations(page);

    const response = await page.goto(`${app.baseUrl}/sign-in`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.ensemble.test');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My teams' }).waitFor();
    // Pages with dialogs, selects and switches.
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(`${app.baseUrl}/account`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(`${app.baseUrl}/`);
    const team = page.getByRole('link', { name: /Team/ }).first();
    if (await team.count()) {
      await team.click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }

    await page.goto(`${app.baseUrl}/api/docs`);
    await page.locator('.swagger-ui').first().waitFor({ timeout: 15_000 });
    await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: '/tmp/ensemble-api-docs.png' });

    expect(violations).toEqual([]);
    await context.close();
  });

  test('TRUST-MAIL-1: without development mode the outbox page and API are not served', async () => {
    const page = await (await browser.newContext()).newPage();
    const api = await page.request.get(`${app.baseUrl}/api/dev/outbox`);
    expect(api.status()).toBe(404);
    const pageAnswer = await page.request.get(`${app.baseUrl}/dev/outbox`);
    expect(pageAnswer.status()).toBe(404);
  });
});
