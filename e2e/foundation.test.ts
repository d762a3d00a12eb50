/**
 * The foundation journey in a real browser against the real app, from an empty data directory:
 * first-run setup → a school → a teacher team → an email invitation accepted by a new colleague →
 * a join code used by a third colleague. Every page is checked with axe at phone and projector size.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { skipRestAfterFailure } from './journey';
import { checkPage } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';

const admin = {
  district: 'Riverside Unified',
  name: 'Ada Admin',
  email: 'ada@example.org',
  password: 'a calm morning walk',
};
const invitee = { name: 'Bea Teacher', email: 'bea@example.org', password: 'tea in the staff room' };
const joiner = { name: 'Cy Coach', email: 'cy@example.org', password: 'our shared belief grows' };
const school = 'Lincoln Elementary';
const team = 'Grade 3 Team';

describeE2E('foundation journey', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let adminPage: Page;
  let teamPath = '';

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context.newPage();
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

  skipRestAfterFailure('foundation', () =>
    contexts.flatMap((context, index) =>
      context.pages().map((page) => [index === 0 ? 'admin' : `visitor${index}`, page] as const),
    ),
  );

  beforeAll(async () => {
    const started = Date.now();
    // Start both at once, but keep each as soon as it exists, so afterAll can stop it if the other fails.
    await Promise.all([
      startApp().then((started) => (app = started)),
      sharedBrowser().then((launched) => (browser = launched)),
    ]);
    if (process.env.E2E_TIMING) console.log(`app and browser ready in ${Date.now() - started} ms`);
    adminPage = await newPage();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    // Either may be missing when beforeAll failed half way.
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('E2E-FOUND-1 first run leads to /setup; field errors are announced and focused; setup creates the district and its admin', async () => {
    const page = adminPage;
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL('**/setup');
    await heading(page, 'Set up your district').waitFor();
    expect(await page.title()).toBe('Set up your district · Ensemble');
    await checkPage(page, '01-setup');

    // Submitting empty: each field says what is missing, and focus goes to the first one.
    await page.getByRole('button', { name: 'Create district' }).click();
    const districtName = page.getByRole('textbox', { name: 'District name' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'districtName');
    expect(await districtName.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await districtName.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      describedBy,
    );
    expect(description).toContain('Enter the district name');
    await checkPage(page, '02-setup-with-errors');

    await districtName.fill(admin.district);
    await page.getByRole('textbox', { name: 'Your name' }).fill(admin.name);
    await page.getByRole('textbox', { name: 'Email' }).fill(admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Create district' }).click();
    // DAY-FIRST-1: setup leads on to the first team and meeting; Admin is one link away.
    await page.waitForURL('**/first-steps');
    await page.getByRole('link', { name: 'Not now: go to Admin' }).click();
    await page.waitForURL('**/admin');
    await heading(page, 'Admin').waitFor();
    await page.getByText(admin.district, { exact: true }).first().waitFor();
    await checkPage(page, '03-admin');
  });

  test('E2E-FOUND-2 the admin adds a school and creates a teacher team, landing on its page', async () => {
    const page = adminPage;
    // WEB-FORM-3: while the request is on its way, Enter in the one-field form does not send it again.
    const schoolPosts: string[] = [];
    await page.route('**/api/schools', async (route) => {
      if (route.request().method() === 'POST') {
        schoolPosts.push(route.request().url());
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      await route.continue();
    });
    const schoolName = page.getByRole('textbox', { name: 'School name' });
    await schoolName.fill(school);
    await schoolName.press('Enter');
    await page.locator('button[data-pending]', { hasText: 'Add school' }).waitFor();
    await schoolName.press('Enter');
    await page.getByRole('listitem').filter({ hasText: school }).first().waitFor();
    await page.unroute('**/api/schools');
    expect(schoolPosts).toHaveLength(1);
    expect(await page.getByRole('listitem').filter({ hasText: school }).count()).toBe(1);

    await page.getByRole('textbox', { name: 'Group name' }).fill(team);
    await page.getByRole('radio', { name: /Teacher team/ }).check();
    // The only active school is preselected; the kind of teacher team defaults to PLC.
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL('**/teams/*');
    await heading(page, team).waitFor();
    teamPath = new URL(page.url()).pathname;
    await page.getByText(`Teacher team · PLC · ${school}`).waitFor();
    // This page passes axe in E2E-FOUND-3 with the invitation link shown on it (04b).
  });

  test('E2E-FOUND-3 an email invitation from the team page is accepted by a new colleague, who lands on the team', async () => {
    const page = adminPage;
    await page.getByRole('textbox', { name: /Colleague.s email/ }).fill(invitee.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    // In development mode mail stays in the outbox, so the link is also shown once to copy (TRUST-LINK-1).
    await page.locator('.toasts').getByText(`Invitation created for ${invitee.email}.`).waitFor();
    await page.getByText('Email is not set up on this server: send this link yourself.').waitFor();
    await page.getByRole('button', { name: 'Copy link' }).waitFor();
    await checkPage(page, '04b-invitation-link-shown');

    await page.goto(`${app.baseUrl}/dev/outbox`);
    await heading(page, 'Outbox').waitFor();
    const invitationLink = page.locator('a[href*="/invite/"]').first();
    await invitationLink.waitFor();
    const href = (await invitationLink.getAttribute('href')) ?? '';
    expect(href).toContain('/invite/');
    await checkPage(page, '05-outbox');

    const guest = await newPage();
    await guest.goto(new URL(new URL(href).pathname, app.baseUrl).toString());
    await heading(guest, `Join ${team}`).waitFor();
    await guest.getByText(`${admin.name} invited you to join ${team} in ${admin.district}.`).waitFor();
    await checkPage(guest, '06-invitation');

    await guest.getByRole('textbox', { name: 'Your name' }).fill(invitee.name);
    await guest.getByRole('textbox', { name: 'Password', exact: true }).fill(invitee.password);
    await guest.getByRole('button', { name: 'Create account and join' }).click();
    await guest.waitForURL(`**${teamPath}`);
    await heading(guest, team).waitFor();
    await guest.getByRole('list').getByText(invitee.name).waitFor();
    await checkPage(guest, '07-team-as-invited-member');

    await guest.getByRole('link', { name: 'My teams' }).click();
    await heading(guest, 'My teams').waitFor();
    await guest.getByRole('link', { name: team, exact: true }).waitFor();
    await checkPage(guest, '08-my-teams');
  });

  test('E2E-FOUND-4 a join code created on the team page lets a third colleague create an account and land on the team', async () => {
    const page = adminPage;
    await page.goto(`${app.baseUrl}${teamPath}`);
    await heading(page, team).waitFor();
    await page.getByRole('button', { name: 'Create join code' }).click();
    const codeDisplay = page.locator('p.join-code');
    await codeDisplay.waitFor();
    const shownCode = (await codeDisplay.textContent()) ?? '';
    expect(shownCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.getByText(/^Works until /).waitFor();
    await checkPage(page, '09-team-with-join-code');

    await page.getByRole('button', { name: 'Show large' }).click();
    await page.getByRole('dialog').waitFor();
    await checkPage(page, '10-join-code-large');
    await page.getByRole('button', { name: 'Close' }).click();

    const newcomer = await newPage();
    await newcomer.goto(`${app.baseUrl}/join`);
    await heading(newcomer, 'Join a team').waitFor();
    await checkPage(newcomer, '11-join');
    // People type codes loosely: lower case with the dash is accepted.
    await newcomer.getByRole('textbox', { name: 'Join code' }).fill(shownCode.toLowerCase());
    await newcomer.getByRole('button', { name: 'Continue' }).click();
    await newcomer.waitForURL(`**/join/${shownCode.replace('-', '')}`);
    await heading(newcomer, `Join ${team}`).waitFor();
    await newcomer.getByText(`${team} at ${school}, ${admin.district}`).waitFor();
    await checkPage(newcomer, '12-join-with-code');

    await newcomer.getByRole('textbox', { name: 'Your name' }).fill(joiner.name);
    await newcomer.getByRole('textbox', { name: 'Email' }).fill(joiner.email);
    await newcomer.getByRole('textbox', { name: 'Password', exact: true }).fill(joiner.password);
    await newcomer.getByRole('button', { name: 'Create account and join' }).click();
    // TRUST-ID-1: nothing is created until the emailed link is opened.
    await heading(newcomer, 'Check your email').waitFor();
    await checkPage(newcomer, '12b-join-check-email');
    await newcomer.goto(`${app.baseUrl}/dev/outbox`);
    const confirmLink = newcomer.locator('a[href*="/join/confirm"]').first();
    await confirmLink.waitFor();
    const confirmUrl = new URL((await confirmLink.getAttribute('href')) ?? '');
    await newcomer.goto(`${app.baseUrl}${confirmUrl.pathname}${confirmUrl.search}`);
    await heading(newcomer, 'Create your account').waitFor();
    await checkPage(newcomer, '12c-join-confirm');
    await newcomer.getByRole('button', { name: 'Confirm and join' }).click();
    await newcomer.waitForURL(`**${teamPath}`);
    await heading(newcomer, team).waitFor();
    await newcomer.getByRole('list').getByText(joiner.name).waitFor();
    // A member's team page, as 07-team-as-invited-member checked it with one member fewer.
  });

  test('E2E-FOUND-5 a signed-out visit goes to /sign-in?next=… and signing in returns there', async () => {
    const visitor = await newPage();
    await visitor.goto(`${app.baseUrl}/account`);
    await visitor.waitForURL('**/sign-in?next=%2Faccount');
    await heading(visitor, 'Sign in').waitFor();
    await checkPage(visitor, '14-sign-in');

    await visitor.getByRole('textbox', { name: 'Email' }).fill(admin.email);
    await visitor.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
    await visitor.getByRole('button', { name: 'Sign in' }).click();
    await visitor.waitForURL('**/account');
    await heading(visitor, 'Account').waitFor();
    await visitor.getByText(admin.email).first().waitFor();
    await checkPage(visitor, '15-account');
  });

  test('E2E-FOUND-6 the first admin confirms their email from the account page, through the emailed link', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/sign-in?next=%2Faccount`);
    await page.getByRole('textbox', { name: 'Email' }).fill(admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/account');
    await page.getByText('Not verified yet').waitFor();
    await checkPage(page, '16-account-unverified');
    await page.getByRole('button', { name: 'Send verification email' }).click();
    await page.locator('.toasts').getByText(`Verification email sent to ${admin.email}.`).waitFor();

    await page.goto(`${app.baseUrl}/dev/outbox`);
    const link = page.locator('a[href*="/verify-email"]').first();
    await link.waitFor();
    const url = new URL((await link.getAttribute('href')) ?? '');
    await page.goto(`${app.baseUrl}${url.pathname}${url.search}`);
    await heading(page, 'Confirm your email').waitFor();
    await checkPage(page, '17-verify-email');
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await page.getByText('Your email address is confirmed.').waitFor();
    await page.getByRole('link', { name: 'Continue to Ensemble' }).click();
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByText('Verified', { exact: true }).waitFor();

    // WEB-NAV-2, WEB-NAV-3: a signed-in visit to the sign-in page goes on to a safe `next`, and on again when
    // that is the sign-in page itself; a `next` that resolves to //host goes home, without an error.
    for (const next of ['%2Fsign-in', '%2F.%2F%2Fevil.example']) {
      await page.goto(`${app.baseUrl}/sign-in?next=${next}`);
      await page.waitForURL(`${app.baseUrl}/`);
      await heading(page, 'My teams').waitFor();
    }
  });
});
