/**
 * TRUST-AUDIT-7 and TRUST-RESET-LINK-3 in a real browser, against the demo district: the district admin
 * changes a person's district role and deactivates someone, creates a reset link for a third person, then
 * opens the audit log, filters it, and sees each entry with who, when and from where. Then single sign-on
 * (SSO-WEB-*): the admin adds an OpenID Connect provider, a teacher signs in through it, a stranger is refused.
 * Every page is checked with axe at phone (390x844) and projector (1920x1080) size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkPage } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { signInWithSession } from './meetings-helpers';
import { startLocalIdp, type LocalIdp } from '../src/server/testing/local-idp';

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
  let idp: LocalIdp;

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

  /**
   * SSO-WEB-1..3 (issue 15): single sign-on through a real OpenID Connect provider started here (`oidc-provider`
   * on 127.0.0.1, `src/server/testing/local-idp.ts`), in the same app and browser as the audit log above.
   */
  test('SSO-WEB-1 the admin adds the district’s OpenID Connect provider in the app', async () => {
    idp = await startLocalIdp({
      redirectUri: `${app.baseUrl}/sso/callback`,
      claims: {
        jo: { email: 'teacher2@demo.ensemble.test', email_verified: true, name: 'Jo Lindqvist' },
        intruder: { email: 'intruder@elsewhere.test', email_verified: true, name: 'Ivo Intruder' },
      },
    });
    await page.goto(`${app.baseUrl}/admin`);
    await heading('Admin').waitFor();
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Sign-in with school accounts' }),
    });
    await section.getByText('No sign-in providers yet.').waitFor();
    await section
      .getByRole('combobox', { name: 'Provider' })
      .selectOption({ label: 'Other OpenID Connect provider' });
    await section.getByRole('textbox', { name: 'Words on the button' }).fill('Sign in with Demo Schools');
    await section.getByRole('textbox', { name: /Issuer URL/ }).fill(idp.issuer);
    await section.getByRole('textbox', { name: 'Client ID' }).fill(idp.clientId);
    await section.getByLabel(/^Client secret/).fill(idp.clientSecret);
    await section.getByRole('textbox', { name: /Email domains/ }).fill('demo.ensemble.test');
    await section.getByRole('button', { name: 'Add provider' }).click();
    await toast('Sign in with Demo Schools was added.');
    const row = section.locator('li.row', { hasText: 'Sign in with Demo Schools' });
    await row.getByText('Set (hidden)').waitFor();
    // SSO-CONFIG-2: the secret is nowhere on the page.
    expect(await page.content()).not.toContain(idp.clientSecret);
    await section.getByRole('heading', { name: 'Sign-in with school accounts' }).scrollIntoViewIfNeeded();
    await checkPage(page, 'sso-01-admin-provider');
  });

  test('SSO-WEB-2 a teacher signs in with her school account on her phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    phone.setDefaultTimeout(15_000);
    const teacher = await phone.newPage();
    try {
      await teacher.goto(`${app.baseUrl}/sign-in`);
      await teacher.getByRole('link', { name: 'Sign in with your school account' }).click();
      await teacher.getByRole('heading', { level: 1, name: 'Sign in with your school account' }).waitFor();
      await teacher
        .getByRole('textbox', { name: 'School email address' })
        .fill('teacher2@demo.ensemble.test');
      await teacher.getByRole('button', { name: 'Continue' }).click();
      const button = teacher.getByRole('link', { name: 'Sign in with Demo Schools' });
      await button.waitFor();
      await checkPage(teacher, 'sso-02-find-district');
      await button.click();
      // The provider's own login form (oidc-provider's development page).
      await teacher.waitForURL(`${idp.issuer}/**`);
      await teacher.locator('input[name="login"]').fill('jo');
      await teacher.locator('input[name="password"]').fill('anything');
      await teacher.locator('button[type="submit"]').click();
      await teacher.getByRole('heading', { level: 1, name: 'My teams' }).waitFor();
      const me = await teacher.evaluate(async () => {
        const body: unknown = await (await fetch('/api/auth/me')).json();
        return body;
      });
      expect(me).toMatchObject({ email: 'teacher2@demo.ensemble.test' });
    } finally {
      await phone.close();
    }
  });

  test('SSO-WEB-3 someone outside the district is refused with a clear message', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    phone.setDefaultTimeout(15_000);
    const stranger = await phone.newPage();
    try {
      const link = (await page.locator('code', { hasText: '/sign-in/sso/' }).textContent()) ?? '';
      expect(link).toMatch(/\/sign-in\/sso\/[0-9a-f-]{36}$/);
      await stranger.goto(link);
      await stranger.getByRole('link', { name: 'Sign in with Demo Schools' }).click();
      await stranger.waitForURL(`${idp.issuer}/**`);
      await stranger.locator('input[name="login"]').fill('intruder');
      await stranger.locator('input[name="password"]').fill('anything');
      await stranger.locator('button[type="submit"]').click();
      await stranger.waitForURL(/problem=unknown_person/);
      const alert = stranger.getByRole('alert');
      await alert.getByText('You are not signed in').waitFor();
      await alert.getByText(/There is no Ensemble account for that school account/).waitFor();
      await checkPage(stranger, 'sso-03-refused');
      const me = await stranger.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(me).toBe(401);
    } finally {
      await phone.close();
      await idp.close();
    }
  });

  test('API-TOKEN-WEB-1 a personal API token: made on the Account page, its secret shown once, listed for the admin, revoked', async () => {
    const asScript = async (secret: string) => {
      const res = await fetch(`${app.baseUrl}/api/auth/me`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    await page.goto(`${app.baseUrl}/account`);
    await heading('Account').waitFor();
    await page.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    await page.getByLabel('Token name').fill('Nightly export');
    await page.getByRole('combobox', { name: 'Access' }).selectOption({ label: 'Read only' });
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('api-token-secret');
    const secret = (await shown.textContent()) ?? '';
    expect(secret).toMatch(/^ens_pat_[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Copy token' }).waitFor();
    await page.getByRole('list', { name: 'Your tokens' }).getByText('Nightly export').waitFor();
    await checkPage(page, 'audit-13-account-api-token');
    expect(await asScript(secret)).toMatchObject({ status: 200, body: { name: admin.name } });

    // Shown once: gone after "Done", and nowhere after a reload.
    await page.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('list', { name: 'Your tokens' }).getByText('Nightly export').waitFor();
    expect(await page.content()).not.toContain(secret);

    // The district's list in Admin names it and its owner, never its secret.
    await page.goto(`${app.baseUrl}/admin`);
    await page
      .getByRole('list', { name: 'API tokens' })
      .getByText(`Nightly export (owner: ${admin.name})`)
      .waitFor();
    expect(await page.content()).not.toContain(secret);
    await checkPage(page, 'audit-14-admin-api-tokens');

    // Revoked on the Account page: refused from the next request on.
    await page.goto(`${app.baseUrl}/account`);
    await page.getByRole('button', { name: 'Revoke Nightly export' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
    await toast('Token "Nightly export" revoked.');
    await page.getByText('You have no API tokens.').waitFor();
    expect((await asScript(secret)).status).toBe(401);
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
