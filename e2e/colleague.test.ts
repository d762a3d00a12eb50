/**
 * A trusted colleague outside one's district in the browser (issue 14, MATCH-SPACE-1..4, docs/SPEC.md), against
 * the real app (`serve --demo`) with a second district seeded in its database. The demo admin keeps the district's
 * list of professional organizations (hides one, adds one: NET-ORG-2), which Marcus Bell, a demo principal, then
 * reads on /networks, where he finds the colleague exchange. He asks for a colleague on a phone (the profile form, by its labels); a principal of Lakeside asks over REST with a
 * profile that meets his; the matching job suggests them to each other; Marcus reads why and accepts, Lakeside's
 * principal accepts; Marcus opens their space, which says who can read it, and writes a shared and a private
 * note. Over REST, the colleague reads the shared note and not the private one; the demo district's admin gets 404
 * on the space. The pages pass axe at 390x844 and 1920x1080 (checkPage).
 */
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn as apiSignIn, type Http } from '../test/meeting-harness';
import { hashPassword } from '../src/server/auth/passwords';
import { checkPage, viewports } from './axe';
import { appForFile, describeE2E, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demoPassword } from './meetings-helpers';

const shared = appForFile({ demo: true, database: 'shared' });
const LAKESIDE_EMAIL = 'principal@lakeside.test';
const LAKESIDE_PASSWORD = 'lakeside principal password';

/** A fetch with the session's cookie that returns the status (the harness's `Http` throws on errors). */
async function statusOf(http: Http, method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(`${http.base}${path}`, {
    method,
    headers: {
      cookie: `ensemble_session=${http.session}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return res.status;
}

describeE2E('A trusted colleague (MATCH-SPACE-1..4)', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let marcus: Http;
  let lakeside: Http;
  let admin: Http;
  let pairId = '';

  skipRestAfterFailure('colleague', () => [['marcus', page]]);

  beforeAll(async () => {
    app = await shared.app();
    browser = await shared.browser();
    // A second district with one principal, seeded as its admin's invitation would leave it.
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    const district = await client.query<{ id: string }>(
      "insert into districts (name, time_zone) values ('Lakeside Schools', 'America/Chicago') returning id",
    );
    const districtId = district.rows[0]!.id;
    const school = await client.query<{ id: string }>(
      "insert into schools (district_id, name) values ($1, 'Lakeside Elementary') returning id",
      [districtId],
    );
    const user = await client.query<{ id: string }>(
      "insert into users (district_id, email, name, password_hash, email_verified_at) values ($1, $2, 'Rosa Lindgren', $3, now()) returning id",
      [districtId, LAKESIDE_EMAIL, await hashPassword(LAKESIDE_PASSWORD)],
    );
    await client.query(
      "insert into school_roles (district_id, school_id, user_id, role) values ($1, $2, $3, 'school_leader')",
      [districtId, school.rows[0]!.id, user.rows[0]!.id],
    );
    await client.end();
    const password = demoPassword(app);
    marcus = await apiSignIn(app.baseUrl, 'principal.north@demo.ensemble.test', password);
    admin = await apiSignIn(app.baseUrl, 'admin@demo.ensemble.test', password);
    lakeside = await apiSignIn(app.baseUrl, LAKESIDE_EMAIL, LAKESIDE_PASSWORD);
    context = await browser.newContext({ viewport: viewports.phone, reducedMotion: 'reduce' });
    context.setDefaultTimeout(15_000);
    await context.addCookies([{ name: 'ensemble_session', value: marcus.session, url: app.baseUrl }]);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context.close();
  });

  test('NET-ORG-2: a district admin hides a listed organization and adds one; a principal sees the list as kept', async () => {
    const adminContext = await browser.newContext({ viewport: viewports.projector, reducedMotion: 'reduce' });
    adminContext.setDefaultTimeout(15_000);
    await adminContext.addCookies([{ name: 'ensemble_session', value: admin.session, url: app.baseUrl }]);
    const adminPage = await adminContext.newPage();
    try {
      await adminPage.goto(`${app.baseUrl}/networks`);
      await adminPage.getByRole('heading', { name: 'Professional organizations' }).waitFor();
      await adminPage
        .getByRole('button', { name: /^Hide National Association of Elementary School Principals/ })
        .click();
      await adminPage.getByText('Hidden from your people').waitFor();
      await adminPage.getByText('Add an organization').click();
      await adminPage.getByRole('textbox', { name: 'Organization name' }).fill('Riverbend principals circle');
      await adminPage.getByRole('textbox', { name: 'Website' }).fill('https://example.org/circle');
      await adminPage
        .getByRole('textbox', { name: 'What members get' })
        .fill('Monthly problem-solving calls.');
      await adminPage.getByRole('button', { name: 'Add to the list' }).click();
      await adminPage.getByRole('link', { name: /^Riverbend principals circle/ }).waitFor();
      await checkPage(adminPage, 'organizations-admin');
    } finally {
      await adminContext.close();
    }
    await page.goto(`${app.baseUrl}/networks`);
    await page.getByRole('link', { name: /^Riverbend principals circle/ }).waitFor();
    expect(
      await page.getByRole('link', { name: /^National Association of Elementary School Principals/ }).count(),
    ).toBe(0);
    await checkPage(page, 'networks-principal');
    await page.setViewportSize(viewports.phone);
  });

  test('MATCH-SPACE-1: a principal asks for a colleague on a phone, with the profile form', async () => {
    await page.getByRole('link', { name: 'Find a colleague' }).click();
    await page.getByRole('heading', { level: 1, name: 'A trusted colleague' }).waitFor();
    await page.getByText('Your district does not see that you asked.').waitFor();
    await checkPage(page, 'colleague-profile');
    await page.setViewportSize(viewports.phone);
    await page.getByRole('textbox', { name: 'Your district (optional)' }).fill('Riverbend');
    await page.getByRole('combobox', { name: 'School level' }).selectOption('elementary');
    const group = (name: string) => page.getByRole('group', { name });
    await group('What you are working on now (1 to 4)').getByText('Effective teacher coaching').click();
    await group('What you would like help with (1 to 3)').getByText('Effective teacher coaching').click();
    await group('What you could offer another principal (1 to 3)')
      .getByText('Using data to improve teaching')
      .click();
    await group('When you could meet (in your own time zone)').getByText('Tuesday after school').click();
    await page.getByRole('combobox', { name: 'Your time zone' }).selectOption('America/Chicago');
    await page.getByRole('textbox', { name: 'Your state or region' }).fill('OR');
    await page.getByRole('button', { name: 'Ask for a colleague' }).click();
    await page.getByRole('heading', { name: 'Looking for a colleague' }).waitFor();
  });

  test('MATCH-SPACE-2, -3: the colleague from another district is suggested with the reasons; both accept', async () => {
    const optIn = await statusOf(lakeside, 'PUT', '/api/colleague/profile', {
      profile: {
        schoolLevel: 'elementary',
        schoolSize: '300-599',
        setting: 'suburban',
        yearsInRole: '3-5',
        focusAreas: ['teacher_coaching'],
        wantsHelpWith: ['data_use'],
        canOffer: ['teacher_coaching'],
        availability: ['tue-after'],
        timeZone: 'America/Chicago',
        region: 'WI',
        avoidSameRegion: false,
      },
      shown: { name: 'Rosa Lindgren', school: 'Lakeside Elementary', district: 'Lakeside Schools' },
    });
    expect(optIn).toBe(200);
    // The page asks again every few seconds while it waits.
    await page.getByRole('heading', { name: 'A suggested colleague' }).waitFor({ timeout: 30_000 });
    await page.getByText('Rosa Lindgren').first().waitFor();
    await page.getByRole('heading', { name: 'Why we suggest Rosa Lindgren' }).waitFor();
    await page.getByText('They can help with what you asked for: Effective teacher coaching').waitFor();
    await checkPage(page, 'colleague-proposal');
    await page.setViewportSize(viewports.phone);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('You accepted. Your space opens when Rosa Lindgren accepts too.').waitFor();
    const state = await lakeside.request<{ proposal: { pairId: string } }>('GET', '/api/colleague');
    pairId = state.proposal.pairId;
    expect(await statusOf(lakeside, 'POST', `/api/colleague/pairs/${pairId}/accept`)).toBe(200);
    await page.getByRole('heading', { name: 'Your colleague' }).waitFor({ timeout: 30_000 });
  });

  test('MATCH-SPACE-4: the pair space says who can read it; shared notes reach the colleague, private ones nobody', async () => {
    await page.getByRole('link', { name: 'Open your shared space' }).click();
    await page.getByRole('heading', { level: 1, name: 'You and Rosa Lindgren' }).waitFor();
    await page.getByText('Only the two of you can read this space.').waitFor();
    await page.getByRole('textbox', { name: 'A note for both of you' }).fill('Tuesday: walkthrough feedback');
    await page.getByRole('button', { name: 'Add to shared notes' }).click();
    await page.getByText('Tuesday: walkthrough feedback').waitFor();
    await page.getByRole('textbox', { name: 'A private note' }).fill('Ask about her coaching cycle');
    await page.getByRole('button', { name: 'Add a private note' }).click();
    await page.getByText('Ask about her coaching cycle').waitFor();
    await checkPage(page, 'colleague-space');
    const theirs = await lakeside.request<{ shared: { body: string }[]; private: { body: string }[] }>(
      'GET',
      `/api/colleague/pairs/${pairId}/space`,
    );
    expect(theirs.shared.map((n) => n.body)).toEqual(['Tuesday: walkthrough feedback']);
    expect(JSON.stringify(theirs)).not.toContain('coaching cycle');
    expect(await statusOf(admin, 'GET', `/api/colleague/pairs/${pairId}/space`)).toBe(404);
  });
});
