/**
 * TRUST-AUDIT-7 and TRUST-RESET-LINK-3 in a real browser, against the demo district: the district admin
 * changes a person's district role and deactivates someone, creates a reset link for a third person, then
 * opens the audit log, filters it, and sees each entry with who, when and from where. Every page is checked
 * with axe at phone (390x844) and projector (1920x1080) size.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkPage } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { signInWithSession } from './meetings-helpers';

const admin = { email: 'admin@demo.ensemble.test', name: 'Dana Whitfield' };
const promoted = 'Sam Okafor';
const deactivated = 'Tom Novak';
const forgetful = 'Ruth Mensah';

describeE2E('the audit log', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';

  const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const toast = (text: string) => page.locator('.toasts').getByText(text).waitFor();
  const today = () => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const rows = () => page.locator('.audit-table tbody tr');

  skipRestAfterFailure('audit-log', () => [['admin', page] as const]);

  beforeAll(async () => {
    await Promise.all([
      startApp({ demo: true, database: 'shared' }).then((started) => (app = started)),
      sharedBrowser().then((launched) => (browser = launched)),
    ]);
    password = /Shared demo password for this run: (\S+)/.exec(app.output())?.[1] ?? '';
    expect(password, `the demo password was not printed:\n${app.output()}`).not.toBe('');
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await (context as BrowserContext | undefined)?.close().catch(() => undefined);
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('TRUST-AUDIT-7a the admin changes a district role and deactivates someone', async () => {
    await signInWithSession(page, app.baseUrl, admin.email, password);
    await page.goto(`${app.baseUrl}/admin`);
    await heading('Admin').waitFor();

    await page
      .getByRole('combobox', { name: new RegExp(`District role for ${promoted}`) })
      .selectOption({ label: 'District administrator' });
    await page.getByRole('button', { name: `Save District role for ${promoted}` }).click();
    await toast(`${promoted} is now: District administrator.`);

    await page.getByRole('button', { name: `Deactivate ${deactivated}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await toast(`${deactivated} was deactivated.`);
  });

  test('TRUST-RESET-LINK-3 the admin creates a reset link for a person, shown once with a copy button', async () => {
    await page.getByRole('button', { name: `Create reset link for ${forgetful}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Password reset link for ${forgetful}` }).waitFor();
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const link = await dialog.getByTestId('reset-link').textContent();
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/reset-password\\?token=[A-Za-z0-9_-]{40,}$`));
    await dialog.getByRole('button', { name: 'Copy link' }).waitFor();
    await checkPage(page, 'audit-10-reset-link-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  test('TRUST-AUDIT-7b the audit log, filtered, shows both changes with who, when and from where', async () => {
    await page.getByRole('link', { name: 'Open the audit log' }).click();
    await heading('Audit log').waitFor();
    await rows().first().waitFor();
    await checkPage(page, 'audit-11-log');

    // Who: the admin; from today.
    await page.getByRole('combobox', { name: /Who/ }).selectOption({ label: admin.name });
    await page.getByLabel('From (date)').fill(today());
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/actorId=/);
    const roleRow = rows().filter({ hasText: `District role changed: ${promoted}` });
    const deactivationRow = rows().filter({ hasText: `Person deactivated: ${deactivated}` });
    await roleRow.waitFor();
    await deactivationRow.waitFor();
    await rows()
      .filter({ hasText: `Reset link created: ${forgetful}` })
      .waitFor();
    for (const row of [roleRow, deactivationRow]) {
      const cells = row.locator('td');
      // When: a dated time element; who: the admin; from where: the browser's address and its user agent.
      expect(
        Date.now() - Date.parse((await cells.nth(0).locator('time').getAttribute('datetime')) ?? ''),
      ).toBeLessThan(10 * 60_000);
      await expect.poll(() => cells.nth(1).textContent()).toBe(admin.name);
      expect(await cells.nth(3).textContent()).toMatch(/^127\.0\.0\.1.*Chrom/);
    }
    expect(await roleRow.locator('td').nth(4).textContent()).toContain('to: district_admin');
    await checkPage(page, 'audit-12-log-filtered');

    // What: deactivations only.
    await page.getByRole('combobox', { name: /What/ }).selectOption({ label: 'Person deactivated' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/action=person\.deactivated/);
    await expect.poll(() => rows().count()).toBe(1);
    await deactivationRow.waitFor();

    // The CSV link carries the same filters; downloading it is itself recorded.
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/audit\.csv\?action=person\.deactivated&actorId=[0-9a-f-]{36}&from=/);
    const csv = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      return { type: res.headers.get('content-type'), text: await res.text() };
    }, href ?? '');
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n').filter((line) => line.includes('person.deactivated'))).toHaveLength(1);
    expect(csv.text).toContain(admin.name);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await rows().filter({ hasText: 'Audit log exported' }).first().waitFor();
  });

  test('RIGHTS-WEB-2 the admin sets retention and exports the district, watching it arrive', async () => {
    await page.goto(`${app.baseUrl}/admin#admin-data`);
    const section = page.getByRole('region', { name: 'District data' });
    await section
      .getByRole('combobox', { name: /Audit log entries/ })
      .selectOption({ label: 'Older than 7 years' });
    await section.getByRole('button', { name: 'Save retention' }).click();
    await toast('Retention saved.');
    const download = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Export district data' }).click();
    await section
      .getByRole('status')
      .filter({ hasText: /Export ready: [\d.,]+ (kB|MB)/ })
      .waitFor();
    expect((await download).suggestedFilename()).toMatch(/^ensemble-district-data-\d{4}-\d{2}-\d{2}\.zip$/);
    await section.scrollIntoViewIfNeeded();
    await checkPage(page, 'rights-01-district-data');
  });

  test('RIGHTS-WEB-1 a teacher downloads their data, then deletes their account', async () => {
    const teacher = await browser.newContext({
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    teacher.setDefaultTimeout(15_000);
    const own = await teacher.newPage();
    try {
      await signInWithSession(own, app.baseUrl, 'teacher4@demo.ensemble.test', password);
      await own.goto(`${app.baseUrl}/account`);
      await own.getByRole('heading', { level: 2, name: 'Your data' }).waitFor();
      const download = own.waitForEvent('download');
      await own.getByRole('link', { name: 'Download my data' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^ensemble-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
      await checkPage(own, 'rights-02-your-data');

      const form = own.getByRole('region', { name: 'Delete your account' });
      await form.getByLabel('Your password').fill(password);
      await form.getByLabel(/Type DELETE to confirm/).fill('delete');
      await form.getByRole('button', { name: 'Delete my account' }).click();
      await form.getByText('Type DELETE to confirm.').waitFor();
      await form.getByLabel(/Type DELETE to confirm/).fill('DELETE');
      await form.getByRole('button', { name: 'Delete my account' }).click();
      await own.waitForURL(/\/sign-in/);
      await own.locator('.toasts').getByText('Your account is deleted.').waitFor();
    } finally {
      await teacher.close();
    }
    // The admin's audit log names the deletion, and the person only as "A former member".
    await page.goto(`${app.baseUrl}/admin/audit`);
    await rows().filter({ hasText: 'Account deleted: A former member' }).first().waitFor();
  });
});
