/**
 * TRUST-AUDIT-7 and TRUST-RESET-LINK-3 in a real browser, against the demo district: the district admin
 * changes a person's district role and deactivates someone, creates a reset link for a third person, then
 * opens the audit log, filters it, and sees each entry with who, when and from where. Every page is checked
 * with axe at phone (390x844) and projector (1920x1080) size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
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

  test('ROSTER-WEB-1 the admin uploads a OneRoster zip, reads the preview with its warning, and imports it', async () => {
    const dir = new URL('../test/fixtures/oneroster/v1p1/', import.meta.url);
    const files = Object.fromEntries(
      readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(new URL(f, dir)))]),
    );
    // A wrong-case role, as real exports have: accepted with a warning naming its file and line.
    files['users.csv'] = new TextEncoder().encode(
      new TextDecoder().decode(files['users.csv']).replace(',s1,teacher,ada,', ',s1,Teacher,ada,'),
    );
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Import a roster' }).click();
    await heading('Import a roster').waitFor();
    await page.getByLabel('OneRoster zip file').setInputFiles({
      name: 'roster.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync(files)),
    });
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await page.getByRole('heading', { level: 2, name: 'Preview' }).waitFor();
    const counts = page.getByRole('table', { name: 'What the import changes' });
    expect(await counts.getByRole('row', { name: /Staff to add/ }).textContent()).toContain('4');
    expect(
      await counts.getByRole('row', { name: /Students and family members skipped/ }).textContent(),
    ).toContain('3');
    expect(await page.getByTestId('roster-problems').textContent()).toContain(
      'Warning users.csv:2 role "Teacher" read as "teacher" (wrong case)',
    );
    await expect.poll(() => page.getByTestId('roster-changes').locator('li').count()).toBe(6);
    await checkPage(page, 'roster-1-preview');

    await page.getByRole('button', { name: 'Import these changes' }).click();
    await page
      .locator('.notice')
      .getByText('Imported: 4 staff added, 0 updated, 0 deactivated; 2 schools added, 0 updated.')
      .waitFor();
    await checkPage(page, 'roster-2-imported');
  });
});
