/**
 * Networks of principals across districts in the browser (issue 14, ADR 0032, docs/SPEC.md NET-WEB-*), against ONE
 * real app (`serve --demo`, its own database) and ONE Chromium (`appForFile`).
 *
 * The demo district's admin (district A, 1920x1080) starts a listed network from /networks; a principal of district
 * A and one of district B (phones, 390x844) ask to join, showing what they choose; the convener opens the network in
 * her tab (/n/:id), approves both and starts a cohort on "Effective teacher coaching"; both principals join it and
 * open its team page; the convener schedules and opens a Problem-Solve meeting in the cohort, and a principal joins
 * it live (the meeting socket names the network) and sees the first step. A principal invited by email accepts on
 * /network-invitations/:token after signing in. District B's admin cannot see the network: /n/:id shows "Network not
 * found" and the API answers 404. The convener starts the cohort's second cycle (NET-WEB-7) and a whole-network
 * survey (MEASURE-NET-WEB-*).
 *
 * Then the trusted colleague (MATCH-SPACE-*), as issue 14's journey has it: district A's admin keeps the list of
 * professional organizations (NET-ORG-2); the principal of district A asks for a colleague on her phone, the one of
 * district B over REST; the matching job suggests them to each other; both accept; she writes a shared and a
 * private note in their space; he reads the shared one only; neither district's admin reads the space or, from the
 * district, the cohort's memory. Every new page passes axe at 390x844 and 1920x1080 (checkPage), photographed.
 *
 * District B and the principals are rows written over SQL (no page makes districts); everything the story names is
 * a click in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SurveyToAnswer, WaveSummary } from '#contracts/surveys';
import { parseInstrument } from '#core/measure/instrument';
import { signIn as apiSignIn, type Http } from '../test/meeting-harness';
import { checkPage, viewports } from './axe';
import { appForFile, describeE2E, repoRoot, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demoPassword } from './meetings-helpers';

// Five people's browsers and their REST calls share one address here, within a few minutes: more than the default
// 600 requests a minute an address may make (as a school behind one NAT address would raise it: README).
const shared = appForFile({ demo: true, database: 'shared', rateLimitPerMinute: 3000 });

const adminA = 'admin@demo.ensemble.test';
const principalA = { email: 'ana.ruiz@demo.ensemble.test', name: 'Ana Ruiz', school: 'Riverside Elementary' };
const principalB = { email: 'ben.okafor@hillcrest.test', name: 'Ben Okafor', school: 'Hillcrest Middle' };
const principalC = { email: 'cleo.diaz@hillcrest.test', name: 'Cleo Diaz', school: 'Hillcrest High' };
const adminB = 'admin@hillcrest.test';
const DISTRICT_B = 'Hillcrest Unified';
const NETWORK = 'Three Rivers Principals';
const COHORT = 'Coaching Cohort';
const GOAL = 'Every teacher gets two coaching cycles with feedback by spring.';
const NEXT_GOAL = 'Every teacher coaches a colleague through one cycle of their own by June.';
const MEETING = 'Coaching dilemma';
const SURVEY = 'Network spring check-in';

/** The shipped instrument (its reverse-keyed items): answers agree with themselves as a real person's do. */
const instrument = (() => {
  const parsed = parseInstrument(
    readFileSync(join(repoRoot, 'instruments/ensemble-efficacy.en.yaml'), 'utf8'),
    'ensemble-efficacy.en.yaml',
  );
  if (!parsed.ok) throw new Error('the shipped instrument does not parse');
  return parsed.instrument;
})();
const reversed = new Set(instrument.items.filter((i) => i.reverse).map((i) => i.id));

const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
});

async function newPage(viewport: { width: number; height: number }, http?: Http): Promise<Page> {
  const [app, browser] = await Promise.all([shared.app(), shared.browser()]);
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  context.setDefaultTimeout(10_000);
  if (http) await context.addCookies([{ name: 'ensemble_session', value: http.session, url: app.baseUrl }]);
  contexts.push(context);
  return context.newPage();
}

/** The status of a call with the session's cookie (and the network it names, if any); no throw. */
async function statusOf(
  base: string,
  http: Http,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { network?: string; body?: unknown } = {},
): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: `ensemble_session=${http.session}`,
      ...(options.network ? { 'x-ensemble-network': options.network } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  await res.body?.cancel();
  return res.status;
}

/** A principal in district A, and district B with its admin and two principals; each with the demo's password. */
async function seedDistricts(app: AppUnderTest): Promise<void> {
  if (!app.databaseUrl) throw new Error('the app has no shared database');
  const db = new pg.Pool({ connectionString: app.databaseUrl, max: 1 });
  try {
    const admin = await db.query<{ district_id: string; password_hash: string }>(
      'select district_id, password_hash from users where email = $1',
      [adminA],
    );
    const { district_id: districtA, password_hash: hash } = admin.rows[0] ?? {};
    if (!districtA || !hash) throw new Error('no demo admin');
    const district = await db.query<{ id: string }>(
      `insert into districts (kind, name) values ('district', $1) returning id`,
      [DISTRICT_B],
    );
    const districtB = district.rows[0]?.id ?? '';
    const person = async (
      districtId: string,
      email: string,
      name: string,
      role: 'district_admin' | 'member',
    ) =>
      (
        await db.query<{ id: string }>(
          `insert into users (district_id, email, name, password_hash, email_verified_at, district_role)
           values ($1, $2, $3, $4, now(), $5) returning id`,
          [districtId, email, name, hash, role],
        )
      ).rows[0]?.id ?? '';
    const leader = async (districtId: string, who: { email: string; name: string; school: string }) => {
      const userId = await person(districtId, who.email, who.name, 'member');
      const school = await db.query<{ id: string }>(
        'insert into schools (district_id, name) values ($1, $2) returning id',
        [districtId, who.school],
      );
      await db.query(
        `insert into school_roles (district_id, school_id, user_id, role) values ($1, $2, $3, 'school_leader')`,
        [districtId, school.rows[0]?.id ?? '', userId],
      );
    };
    await leader(districtA, principalA);
    await person(districtB, adminB, 'Hillcrest Admin', 'district_admin');
    await leader(districtB, principalB);
    await leader(districtB, principalC);
  } finally {
    await db.end();
  }
}

describeE2E('Networks and cohorts (issue 14, NET-WEB)', () => {
  let app: AppUnderTest;
  let password = '';
  let convener: Page;
  let phoneA: Page | undefined;
  let phoneB: Page | undefined;
  let phoneC: Page | undefined;
  let outsider: Page | undefined;
  let networkId = '';
  let cohortPath = '';
  let meetingPath = '';
  let invitationLink = '';
  // The colleague exchange's part of the story.
  let ana: Page | undefined;
  let anaHttp: Http;
  let benHttp: Http;
  let pairId = '';

  skipRestAfterFailure('networks', () => [
    ['convener', convener],
    ['principal-a', phoneA],
    ['principal-b', phoneB],
    ['principal-c', phoneC],
    ['outsider', outsider],
    ['ana', ana],
  ]);

  beforeAll(async () => {
    app = await shared.app();
    password = demoPassword(app);
    await seedDistricts(app);
    convener = await newPage(viewports.projector, await apiSignIn(app.baseUrl, adminA, password));
  });

  test('NET-WEB-4 a district admin starts a listed network from Networks; the page says what the district keeps', async () => {
    await convener.goto(`${app.baseUrl}/`);
    await convener.getByRole('heading', { level: 1, name: 'My teams' }).waitFor();
    await convener.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Networks' }).click();
    await convener.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    await convener
      .getByText('Your district keeps only that you belong to a network.', { exact: false })
      .waitFor();
    await convener.getByText('You do not belong to a network yet.').waitFor();
    await checkPage(convener, 'networks-list-admin');
    // A name left empty is named at its field.
    await convener.getByRole('button', { name: 'Start the network' }).click();
    const name = convener.getByRole('textbox', { name: 'Name' });
    // The form answers after the click: read the field once it has (CI 13:41 read it a moment too early).
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    await name.fill(NETWORK);
    await convener
      .getByRole('textbox', { name: 'What the network is for (optional)' })
      .fill('Principals of the river valley working on one focus at a time.');
    await convener.getByRole('radio', { name: /^Listed/ }).check();
    await convener.getByRole('button', { name: 'Start the network' }).click();
    await convener.getByTestId('toast').getByText(`You started ${NETWORK}.`).waitFor();
    const mine = convener.getByTestId('my-networks');
    await mine.getByRole('link', { name: `Open ${NETWORK}` }).waitFor();
    networkId =
      /\/n\/([0-9a-f-]{36})$/.exec((await mine.getByRole('link').first().getAttribute('href')) ?? '')?.[1] ??
      '';
    expect(networkId).toMatch(/^[0-9a-f-]{36}$/);
    await checkPage(convener, 'networks-list-started');
  });

  test('NET-WEB-4 a principal of district A and one of district B find it and ask to join, showing what they choose', async () => {
    for (const [who, district] of [
      [principalA, ''],
      [principalB, DISTRICT_B],
    ] as const) {
      const page = await newPage(viewports.phone, await apiSignIn(app.baseUrl, who.email, password));
      if (who === principalA) phoneA = page;
      else phoneB = page;
      await page.goto(`${app.baseUrl}/`);
      // On a phone the header has no room for Networks: My teams links to it.
      await page.getByRole('link', { name: 'Networks: principals across districts' }).click();
      await page.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
      const row = page.getByTestId('listed-networks').locator('li', { hasText: NETWORK });
      await row.getByRole('button', { name: `Ask to join ${NETWORK}` }).click();
      const dialog = page.getByRole('dialog', { name: `Ask to join ${NETWORK}` });
      // Filled with the account's name, school and district: the person chooses what to keep.
      expect(await dialog.getByRole('textbox', { name: 'Your name in the network' }).inputValue()).toBe(
        who.name,
      );
      expect(await dialog.getByRole('textbox', { name: 'Your school (optional)' }).inputValue()).toBe(
        who.school,
      );
      const districtField = dialog.getByRole('textbox', { name: 'Your district (optional)' });
      if (district) expect(await districtField.inputValue()).toBe(district);
      else await districtField.fill('');
      await dialog
        .getByRole('textbox', { name: 'A message to the conveners (optional)' })
        .fill('I would like to work on coaching.');
      if (who === principalA) await checkPage(page, 'networks-ask');
      await page.setViewportSize(viewports.phone);
      await dialog.getByRole('button', { name: 'Send the request' }).click();
      await page
        .getByTestId('toast')
        .getByText(`Your request to join ${NETWORK} is on its way to its conveners.`)
        .waitFor();
      await row.getByText('Requested').waitFor();
      expect(await row.getByRole('button', { name: `Ask to join ${NETWORK}` }).count()).toBe(0);
      if (who === principalB) await checkPage(page, 'networks-requested');
      await page.setViewportSize(viewports.phone);
    }
  });

  test('NET-WEB-1, NET-WEB-2, NET-WEB-5, MEASURE-NET-WEB-1 the convener opens the network in her tab: a band names it, the menu leaves out Admin but has Surveys, and she approves both requests', async () => {
    await convener
      .getByTestId('my-networks')
      .getByRole('link', { name: `Open ${NETWORK}` })
      .click();
    await convener.waitForURL(`${app.baseUrl}/`);
    const band = convener.getByRole('region', { name: 'Network' });
    await band.getByText(`In this tab you are in the network ${NETWORK}`).waitFor();
    await convener.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    const nav = convener.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Network home' }).waitFor();
    for (const missing of ['Admin', 'Shared', 'Networks', 'My teams'])
      expect(await nav.getByRole('link', { name: missing, exact: true }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Surveys', exact: true }).waitFor();
    const requests = convener.getByTestId('network-requests');
    await requests.getByText('Ana Ruiz').waitFor();
    await requests.getByText(`${principalB.school} · ${DISTRICT_B}`).waitFor();
    await requests.getByText('Message: I would like to work on coaching.').first().waitFor();
    await checkPage(convener, 'networks-home-requests');
    for (const who of [principalA, principalB]) {
      await requests.getByRole('button', { name: `Approve ${who.name}` }).click();
      await convener.getByTestId('toast').getByText(`${who.name} joined the network.`).waitFor();
    }
    await convener.getByText('No request is waiting.').waitFor();
    const members = convener.getByTestId('network-members');
    await members.getByText('Ana Ruiz').waitFor();
    await members.getByText(`${principalB.school} · ${DISTRICT_B}`).waitFor();
    expect(await members.locator('li').count()).toBe(3);
    await members.locator('li', { hasText: '(you)' }).getByText('Convener').waitFor();
    // A district page opened in this tab says it is the district's, with the way back.
    await convener.goto(`${app.baseUrl}/admin`);
    await convener.getByRole('heading', { level: 1, name: 'This page is in your district' }).waitFor();
    await checkPage(convener, 'networks-district-only');
    await convener.goBack();
    await convener.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
  });

  test('NET-WEB-5 the convener starts a cohort on “Effective teacher coaching” with a goal', async () => {
    const form = convener
      .getByRole('region', { name: 'Start a cohort' })
      .or(convener.locator('section', { has: convener.getByRole('heading', { name: 'Start a cohort' }) }));
    await form.getByRole('textbox', { name: 'Name' }).fill(COHORT);
    await form.getByRole('combobox', { name: 'Focus' }).selectOption({ label: 'Effective teacher coaching' });
    await form.getByRole('textbox', { name: 'Goal for this cycle' }).fill(GOAL);
    await form.getByRole('button', { name: 'Start the cohort' }).click();
    await convener.getByTestId('toast').getByText(`You started the cohort ${COHORT}.`).waitFor();
    const card = convener.getByTestId('cohorts').locator('li', { hasText: COHORT });
    await card.getByText('Effective teacher coaching').waitFor();
    await card.getByText(GOAL).waitFor();
    await card.getByText('1 member', { exact: true }).waitFor();
    await card.getByRole('link', { name: `Open ${COHORT}` }).waitFor();
    await checkPage(convener, 'networks-home-convener');
  });

  test('NET-WEB-5, NET-WEB-6 both principals open the network, join the cohort and open its page: a cohort, no school, its focus and goal', async () => {
    for (const page of [phoneA, phoneB]) {
      if (!page) throw new Error('no principal page');
      await page.goto(`${app.baseUrl}/networks`);
      await page
        .getByTestId('my-networks')
        .getByRole('link', { name: `Open ${NETWORK}` })
        .click();
      await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
      await page.getByRole('region', { name: 'Network' }).getByText(NETWORK).waitFor();
      // A member sees no convener's tools.
      expect(await page.getByRole('heading', { name: 'Start a cohort' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Requests to join' }).count()).toBe(0);
      const card = page.getByTestId('cohorts').locator('li', { hasText: COHORT });
      if (page === phoneA) await checkPage(page, 'networks-home-member');
      await page.setViewportSize(viewports.phone);
      await card.getByRole('button', { name: `Join ${COHORT}` }).click();
      await page.getByTestId('toast').getByText(`You joined ${COHORT}.`).waitFor();
      await card.getByRole('link', { name: `Open ${COHORT}` }).click();
      await page.getByRole('heading', { level: 1, name: COHORT }).waitFor();
      cohortPath = new URL(page.url()).pathname;
      await page.getByText('Network cohort · Your role: Member').waitFor();
      await page.getByText('Effective teacher coaching').waitFor();
      await page.getByText(GOAL).waitFor();
      expect(await page.getByText('District-wide').count()).toBe(0);
      // NET-WEB-7: a member does not start the cohort's next cycle.
      expect(await page.getByRole('button', { name: 'Start the next cycle' }).count()).toBe(0);
      // A member row's placeholder address is never shown (the member's own included).
      expect(await page.getByText(/\.invalid/).count()).toBe(0);
      if (page === phoneB) await checkPage(page, 'networks-cohort-page');
      await page.setViewportSize(viewports.phone);
    }
    expect(cohortPath).toMatch(/^\/teams\/[0-9a-f-]{36}$/);
  });

  test('NET-WEB-6 the convener schedules and opens a Problem-Solve meeting in the cohort; a principal joins it live through the network and sees the first step', async () => {
    await convener.goto(`${app.baseUrl}${cohortPath}`);
    await convener.getByRole('heading', { level: 1, name: COHORT }).waitFor();
    await convener.getByRole('textbox', { name: 'Title' }).fill(MEETING);
    await convener.locator('label', { hasText: /^Problem-Solve Collaboratively · \d+ min/ }).click();
    await convener.getByRole('button', { name: 'Schedule meeting' }).click();
    await convener.getByRole('button', { name: `Open live: ${MEETING}` }).click();
    await convener.waitForURL('**/meetings/*');
    meetingPath = new URL(convener.url()).pathname;
    await convener.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    // Principal B comes in by an address that names the network: /n/:id/<the meeting's path>.
    if (!phoneB) throw new Error('no principal page');
    await phoneB.goto(`${app.baseUrl}/n/${networkId}${meetingPath}`);
    await phoneB.waitForURL(`${app.baseUrl}${meetingPath}`);
    await phoneB.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await convener.getByTestId('presence').getByText(principalB.name).waitFor();
    const presenter = convener.getByRole('combobox', { name: /Presenter for Problem-Solve Collaboratively/ });
    if ((await presenter.count()) > 0) await presenter.selectOption({ label: principalB.name });
    await convener.getByRole('button', { name: 'Start the meeting' }).click();
    await phoneB
      .getByText(/Step 1 of \d+/)
      .first()
      .waitFor();
    await convener
      .getByText(/Step 1 of \d+/)
      .first()
      .waitFor();
    await phoneB.getByRole('region', { name: 'Network' }).getByText(NETWORK).waitFor();
    await checkPage(phoneB, 'networks-meeting-live');
  });

  test('NET-WEB-7 the convener starts the cohort’s second cycle on the same focus with a goal that goes further; the cohort page shows it', async () => {
    await convener.goto(`${app.baseUrl}${cohortPath}`);
    await convener.getByRole('heading', { level: 1, name: COHORT }).waitFor();
    await convener.getByText('Cycle 1', { exact: true }).first().waitFor();
    await convener.getByRole('button', { name: 'Start the next cycle' }).click();
    const dialog = convener.getByRole('dialog', { name: `Cycle 2 of ${COHORT}` });
    // The current focus is where the form starts.
    expect(await dialog.getByRole('combobox', { name: 'Focus' }).inputValue()).toBe('teacher_coaching');
    // A goal left empty is refused at its field, and nothing starts.
    await dialog.getByRole('button', { name: 'Start the cycle' }).click();
    await dialog
      .getByRole('textbox', { name: 'Goal for this cycle' })
      .and(convener.locator('[aria-invalid="true"]'))
      .waitFor();
    await dialog.getByRole('textbox', { name: 'Goal for this cycle' }).fill(NEXT_GOAL);
    await checkPage(convener, 'networks-next-cycle');
    await dialog.getByRole('button', { name: 'Start the cycle' }).click();
    await convener.getByTestId('toast').getByText(`Cycle 2 of ${COHORT} has started.`).waitFor();
    await convener.getByText(NEXT_GOAL).waitFor();
    await convener.getByText('Cycle 2', { exact: true }).first().waitFor();
    expect(await convener.getByText(GOAL, { exact: true }).count()).toBe(0);
  });

  test('NET-WEB-4 a principal invited by email signs in first, then accepts on the invitation page and lands in the network', async () => {
    await convener.goto(`${app.baseUrl}/`);
    await convener.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    const invite = convener.locator('section', {
      has: convener.getByRole('heading', { name: 'Invite by email' }),
    });
    await invite.getByRole('textbox', { name: 'Email' }).fill(principalC.email);
    await invite.getByRole('button', { name: 'Invite' }).click();
    await convener
      .getByTestId('toast')
      .getByText(`An invitation for ${principalC.email} is ready.`)
      .waitFor();
    invitationLink = (await invite.locator('code').textContent()) ?? '';
    expect(invitationLink).toMatch(new RegExp(`/network-invitations/${networkId}\\.`));
    await invite.getByText(/cleo\.diaz@hillcrest\.test, until /).waitFor();

    phoneC = await newPage(viewports.phone);
    await phoneC.goto(invitationLink);
    await phoneC.waitForURL(/\/sign-in\?next=/);
    await phoneC.getByRole('textbox', { name: 'Email' }).fill(principalC.email);
    await phoneC.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await phoneC.getByRole('button', { name: 'Sign in', exact: true }).click();
    await phoneC.getByRole('heading', { level: 1, name: `Join the network ${NETWORK}` }).waitFor();
    await phoneC
      .getByText('Your district keeps only that you belong to a network.', { exact: false })
      .waitFor();
    await checkPage(phoneC, 'networks-invitation');
    await phoneC.setViewportSize(viewports.phone);
    await phoneC.getByRole('textbox', { name: 'Your school (optional)' }).fill('');
    await phoneC.getByRole('button', { name: 'Accept and join' }).click();
    await phoneC.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await phoneC.getByRole('region', { name: 'Network' }).getByText(NETWORK).waitFor();
    const me = phoneC.getByTestId('network-members').locator('li', { hasText: '(you)' });
    await me.getByText(principalC.name).waitFor();
    await me.getByText(DISTRICT_B).waitFor();
    expect(await me.getByText(principalC.school).count()).toBe(0);
    // NET-WEB-2: the account page in a network says whose account it is, and where to change it.
    await phoneC.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await phoneC.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await phoneC
      .getByText(`In this tab you take part in the network ${NETWORK} as ${principalC.name}.`, {
        exact: false,
      })
      .waitFor();
    await phoneC.getByText(principalC.email).waitFor();
    await checkPage(phoneC, 'networks-account');
    await phoneC.setViewportSize(viewports.phone);
    // "Back to your district": the tab is the district's again.
    await phoneC
      .getByRole('region', { name: 'Network' })
      .getByRole('button', { name: 'Back to your district' })
      .click();
    await phoneC.getByRole('heading', { level: 1, name: 'My teams' }).waitFor();
    expect(await phoneC.getByRole('region', { name: 'Network' }).count()).toBe(0);
  });

  test('NET-WEB-3 district B’s admin, signed in, cannot see the network: /n/:id shows "Network not found" and the API answers 404', async () => {
    const http = await apiSignIn(app.baseUrl, adminB, password);
    outsider = await newPage(viewports.projector, http);
    await outsider.goto(`${app.baseUrl}/networks`);
    await outsider.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    await outsider.getByText('You do not belong to a network yet.').waitFor();
    await outsider.goto(`${app.baseUrl}/n/${networkId}`);
    await outsider.getByRole('heading', { level: 1, name: 'Network not found' }).waitFor();
    await checkPage(outsider, 'networks-not-found');
    for (const path of ['/api/network', '/api/network/cohorts', '/api/groups', '/api/auth/me']) {
      const answer = await outsider.request.get(`${app.baseUrl}${path}`, {
        headers: { 'x-ensemble-network': networkId },
      });
      expect(answer.status(), path).toBe(404);
    }
    // The same account's own calls, naming no network, answer as usual.
    for (const path of ['/api/groups', '/api/auth/me'])
      expect((await outsider.request.get(`${app.baseUrl}${path}`)).status(), path).toBe(200);
    await outsider.getByRole('button', { name: 'Back to your district' }).first().click();
    await outsider.getByRole('heading', { level: 1, name: 'My teams' }).waitFor();
  });

  test('NET-WEB-5 the only convener cannot leave: the server’s reason is shown in the dialog', async () => {
    await convener.goto(`${app.baseUrl}/`);
    await convener.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await convener.getByRole('button', { name: 'Leave the network' }).click();
    const dialog = convener.getByRole('alertdialog', { name: `Leave ${NETWORK}?` });
    await dialog.getByRole('button', { name: 'Leave the network' }).click();
    await dialog.getByText('You are its only convener: make another member a convener first.').waitFor();
  });
  /** A call over REST that names the network, as the web does in a tab that is in it (ADR 0032). */
  async function inNetwork<T>(http: Http, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: {
        cookie: `ensemble_session=${http.session}`,
        'x-ensemble-network': networkId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  test('MEASURE-NET-WEB-1, MEASURE-NET-WEB-2, MEASURE-NET-WEB-3 the convener starts a whole-network survey in the browser, members answer it (one on a phone), she closes it and reads the network’s results: no role filter, its cohort held back', async () => {
    // A fifth member (district B's admin) joins over REST: five answers are the least a result is shown for.
    const convenerHttp = await apiSignIn(app.baseUrl, adminA, password);
    const adminBHttp = await apiSignIn(app.baseUrl, adminB, password);
    await adminBHttp.request('POST', `/api/networks/${networkId}/join-requests`, {
      shown: { name: 'Hillcrest Admin', district: DISTRICT_B },
    });
    const requests = await inNetwork<{ items: { id: string; name: string }[] }>(
      convenerHttp,
      'GET',
      '/api/network/join-requests',
    );
    const request = requests.items.find((r) => r.name === 'Hillcrest Admin');
    if (!request) throw new Error('no request from Hillcrest Admin');
    await inNetwork(convenerHttp, 'POST', `/api/network/join-requests/${request.id}/approve`);

    // The convener starts it from the menu's Surveys, in her network tab.
    await convener.goto(`${app.baseUrl}/`);
    await convener.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await convener.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
    await convener.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await convener.getByRole('link', { name: 'Start a survey' }).click();
    await convener.getByRole('heading', { level: 1, name: 'Start a survey' }).waitFor();
    await convener.getByRole('textbox', { name: 'Title' }).fill(SURVEY);
    // MEASURE-NET-WEB-2: the network or its cohorts, never a school; the invited find it in Ensemble.
    expect(await convener.getByRole('radio', { name: /^The whole network/ }).isChecked()).toBe(true);
    expect(await convener.getByRole('radio', { name: /^A school/ }).count()).toBe(0);
    expect(await convener.getByRole('radio', { name: /^Members find it in Ensemble/ }).isChecked()).toBe(
      true,
    );
    expect(await convener.getByText('Email each person a link').count()).toBe(0);
    await convener.getByText('Nobody is emailed', { exact: false }).waitFor();
    await convener
      .locator('label.radio__button')
      .filter({ hasText: /^Some cohorts/ })
      .click();
    await convener.getByRole('checkbox', { name: COHORT }).waitFor();
    await checkPage(convener, 'networks-survey-new');
    await convener
      .locator('label.radio__button')
      .filter({ hasText: /^The whole network/ })
      .click();
    await convener.getByRole('button', { name: 'Start the survey' }).click();
    await convener.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    const row = convener.getByTestId('survey-wave').filter({ hasText: SURVEY });
    await row.getByText('0 answers of 5 invited (0%) · never who').waitFor();
    await row.getByText(`Network: ${NETWORK}`, { exact: false }).waitFor();
    await row.getByText('Invited in Ensemble', { exact: false }).waitFor();
    // MEASURE-NET-3: nobody in a network is mailed, so there is no reminder to send.
    expect(await row.getByRole('button', { name: /^Send a reminder/ }).count()).toBe(0);
    const waveId = (await row.getAttribute('data-wave-id')) ?? '';
    expect(waveId).toMatch(/^[0-9a-f-]{36}$/);

    // Principal A, a cohort member on her phone: the network's home links to Surveys; she answers about the cohort.
    if (!phoneA) throw new Error('no principal page');
    await phoneA.goto(`${app.baseUrl}/`);
    await phoneA.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    await phoneA.getByRole('link', { name: 'Surveys: answer one, or see results' }).click();
    await phoneA.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await phoneA
      .getByTestId('surveys-for-you')
      .getByRole('link', { name: `Answer: “${SURVEY}”` })
      .waitFor();
    expect(await phoneA.getByRole('link', { name: 'Start a survey' }).count()).toBe(0);
    // The page speaks of the network's principals, not of a team.
    await phoneA.getByText(/how the principals of this network build their shared belief/).waitFor();
    await checkPage(phoneA, 'networks-survey-member');
    await phoneA.setViewportSize(viewports.phone);
    await phoneA.getByRole('link', { name: `Answer: “${SURVEY}”` }).click();
    await phoneA.getByRole('heading', { level: 1, name: SURVEY }).waitFor();
    // One cohort: no question about which; and nobody in a network is asked whether they lead.
    expect(await phoneA.getByText('Which team are you answering about?').count()).toBe(0);
    expect(await phoneA.getByText('Do you lead a school or the district?').count()).toBe(0);
    await phoneA
      .getByText('Answer about your cohort in this network as it is now.', { exact: false })
      .waitFor();
    const questions = phoneA.locator('.survey-item fieldset');
    const count = await questions.count();
    expect(count).toBeGreaterThan(0);
    // "Agree" with every item, "Disagree" with the reverse-keyed ones (the page shows them in the instrument's order).
    const wanted = instrument.items.map((item) => (item.reverse ? 'Disagree' : 'Agree'));
    await phoneA.evaluate((labels) => {
      document
        .querySelectorAll('.survey-item fieldset')
        .forEach((set, j) =>
          [...set.querySelectorAll<HTMLLabelElement>('label.radio__button')]
            .find((l) => l.textContent.trim() === labels[j])
            ?.click(),
        );
    }, wanted);
    await phoneA
      .locator('[data-testid="survey-progress"]', { hasText: `${count} of ${count} answered` })
      .waitFor();
    await phoneA.getByRole('button', { name: 'Send my answers' }).click();
    await phoneA.getByTestId('survey-state-thanks').waitFor();

    // The other four answer over REST, naming the network (the browser is not the subject here).
    const others = [
      convenerHttp,
      adminBHttp,
      ...(await Promise.all(
        [principalB, principalC].map((who) => apiSignIn(app.baseUrl, who.email, password)),
      )),
    ];
    await Promise.all(
      others.map(async (http, k) => {
        const survey = await inNetwork<SurveyToAnswer>(http, 'GET', `/api/surveys/waves/${waveId}/answer`);
        await inNetwork(http, 'POST', `/api/surveys/waves/${waveId}/answer`, {
          unit: survey.units[0]?.key ?? '',
          // A person about as much in agreement with every item (3 to 6 by person, every third item a point less).
          answers: Object.fromEntries(
            survey.instrument.items.map((item, j) => {
              const point = Math.max(1, 3 + k - (j % 3 === 0 ? 1 : 0));
              return [item.id, reversed.has(item.id) ? 7 - point : point];
            }),
          ),
          ...(k === 0 ? { freeText: 'Visiting each other’s schools helps most.' } : {}),
        });
      }),
    );

    // The convener closes it with "Close now" and reads the results.
    await convener.reload();
    await row.getByText('5 answers of 5 invited (100%) · never who').waitFor();
    await row.getByRole('button', { name: `Close now: “${SURVEY}”` }).click();
    await convener
      .getByRole('alertdialog', { name: 'Close this survey now?' })
      .getByRole('button', { name: 'Close the survey' })
      .click();
    await row.getByText('Closed', { exact: true }).waitFor();
    const wave = await inNetwork<WaveSummary>(convenerHttp, 'GET', `/api/surveys/waves/${waveId}`);
    expect(wave).toMatchObject({ space: 'network', status: 'closed', responses: 5, invited: 5 });
    await row.getByRole('link', { name: `Results: “${SURVEY}”` }).click();
    await convener.getByRole('heading', { level: 1, name: `Results: ${SURVEY}` }).waitFor();
    const cell = convener.locator('[data-testid="survey-cell"][data-node="district:"]');
    await cell.getByRole('heading', { name: `${NETWORK} (Network)` }).waitFor();
    await cell.getByText('5 answers', { exact: true }).waitFor();
    await cell.getByRole('img', { name: new RegExp(`Average by source for ${NETWORK}`) }).waitFor();
    const table = cell.getByTestId('survey-table');
    await table.getByRole('row', { name: /^Collective efficacy / }).waitFor();
    // MEASURE-NET-WEB-3: no role filter; the cohort (2 answers) is a cohort, held back with no numbers.
    expect(await convener.getByRole('radiogroup', { name: 'Whose answers' }).count()).toBe(0);
    const cohorts = convener.getByRole('table', { name: new RegExp(`^Cohorts of ${NETWORK}`) });
    const cohortRow = cohorts.getByRole('row', { name: new RegExp(`^${COHORT} `) });
    await cohortRow.getByText(/^Not shown/).waitFor();
    await checkPage(convener, 'networks-survey-results');
    // A role in the address is not asked for in a network (the server would answer 400).
    await convener.goto(`${app.baseUrl}/surveys/${waveId}/results?role=leader`);
    await cell.getByText('5 answers', { exact: true }).waitFor();
  });

  // The trusted colleague (MATCH-SPACE-1..4), with the same two principals: Ana of district A asks on a phone, Ben
  // of district B over REST; the matching job suggests them to each other (never from one district), both accept,
  // Ana writes in their space. The organizations list is kept by district A's admin (NET-ORG-2) first.

  test('NET-ORG-2 district A’s admin hides a listed organization and adds one; Ana sees the list as kept on /networks, with the colleague exchange', async () => {
    const adminPage = await newPage(viewports.projector, await apiSignIn(app.baseUrl, adminA, password));
    await adminPage.goto(`${app.baseUrl}/networks`);
    await adminPage.getByRole('heading', { name: 'Professional organizations' }).waitFor();
    await adminPage
      .getByRole('button', { name: /^Hide National Association of Elementary School Principals/ })
      .click();
    await adminPage.getByText('Hidden from your people').waitFor();
    await adminPage.getByText('Add an organization').click();
    await adminPage.getByRole('textbox', { name: 'Organization name' }).fill('Riverbend principals circle');
    await adminPage.getByRole('textbox', { name: 'Website' }).fill('https://example.org/circle');
    await adminPage.getByRole('textbox', { name: 'What members get' }).fill('Monthly problem-solving calls.');
    await adminPage.getByRole('button', { name: 'Add to the list' }).click();
    await adminPage.getByRole('link', { name: /^Riverbend principals circle/ }).waitFor();
    await checkPage(adminPage, 'organizations-admin');
    await adminPage.context().close();

    anaHttp = await apiSignIn(app.baseUrl, principalA.email, password);
    benHttp = await apiSignIn(app.baseUrl, principalB.email, password);
    ana = await newPage(viewports.phone, anaHttp);
    await ana.goto(`${app.baseUrl}/networks`);
    await ana.getByRole('link', { name: /^Riverbend principals circle/ }).waitFor();
    expect(
      await ana.getByRole('link', { name: /^National Association of Elementary School Principals/ }).count(),
    ).toBe(0);
    await checkPage(ana, 'networks-principal');
    await ana.setViewportSize(viewports.phone);
  });

  test('MATCH-SPACE-1 Ana asks for a colleague outside her district on her phone, with the profile form', async () => {
    if (!ana) throw new Error('no page for Ana');
    await ana.getByRole('link', { name: 'Find a colleague' }).click();
    await ana.getByRole('heading', { level: 1, name: 'A trusted colleague' }).waitFor();
    await ana.getByText('Your district does not see that you asked.').waitFor();
    await checkPage(ana, 'colleague-profile');
    await ana.setViewportSize(viewports.phone);
    await ana.getByRole('combobox', { name: 'School level' }).selectOption('elementary');
    const group = (name: string) => ana!.getByRole('group', { name });
    await group('What you are working on now (1 to 4)').getByText('Effective teacher coaching').click();
    await group('What you would like help with (1 to 3)').getByText('Effective teacher coaching').click();
    await group('What you could offer another principal (1 to 3)')
      .getByText('Using data to improve teaching')
      .click();
    await group('When you could meet (in your own time zone)').getByText('Tuesday after school').click();
    await ana.getByRole('combobox', { name: 'Your time zone' }).selectOption('America/New_York');
    await ana.getByRole('textbox', { name: 'Your state or region' }).fill('OR');
    await ana.getByRole('button', { name: 'Ask for a colleague' }).click();
    await ana.getByRole('heading', { name: 'Looking for a colleague' }).waitFor();
  });

  test('MATCH-SPACE-2, MATCH-SPACE-3 Ben of district B asks too; the job suggests them to each other with the reasons; both accept', async () => {
    if (!ana) throw new Error('no page for Ana');
    const optIn = await statusOf(app.baseUrl, benHttp, 'PUT', '/api/colleague/profile', {
      body: {
        profile: {
          schoolLevel: 'middle',
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
        shown: { name: principalB.name, school: principalB.school, district: DISTRICT_B },
      },
    });
    expect(optIn).toBe(200);
    // The page asks again every few seconds while it waits.
    await ana.getByRole('heading', { name: 'A suggested colleague' }).waitFor({ timeout: 30_000 });
    await ana.getByText(principalB.name).first().waitFor();
    await ana.getByText(DISTRICT_B).first().waitFor();
    await ana.getByRole('heading', { name: `Why we suggest ${principalB.name}` }).waitFor();
    await ana.getByText('They can help with what you asked for: Effective teacher coaching').waitFor();
    await checkPage(ana, 'colleague-proposal');
    await ana.setViewportSize(viewports.phone);
    await ana.getByRole('button', { name: 'Accept' }).click();
    await ana.getByText(`You accepted. Your space opens when ${principalB.name} accepts too.`).waitFor();
    const state = await benHttp.request<{ proposal: { pairId: string } }>('GET', '/api/colleague');
    pairId = state.proposal.pairId;
    expect(await statusOf(app.baseUrl, benHttp, 'POST', `/api/colleague/pairs/${pairId}/accept`)).toBe(200);
    await ana.getByRole('heading', { name: 'Your colleague' }).waitFor({ timeout: 30_000 });
  });

  test('MATCH-SPACE-4 the pair space says who can read it; Ben reads the shared note, not the private one; neither district’s admin reads the space or the cohort’s memory', async () => {
    if (!ana) throw new Error('no page for Ana');
    await ana.getByRole('link', { name: 'Open your shared space' }).click();
    await ana.getByRole('heading', { level: 1, name: `You and ${principalB.name}` }).waitFor();
    await ana.getByText('Only the two of you can read this space.').waitFor();
    await ana.getByRole('textbox', { name: 'A note for both of you' }).fill('Tuesday: walkthrough feedback');
    await ana.getByRole('button', { name: 'Add to shared notes' }).click();
    await ana.getByText('Tuesday: walkthrough feedback').waitFor();
    await ana.getByRole('textbox', { name: 'A private note' }).fill('Ask about his coaching cycle');
    await ana.getByRole('button', { name: 'Add a private note' }).click();
    await ana.getByText('Ask about his coaching cycle').waitFor();
    await checkPage(ana, 'colleague-space');
    const theirs = await benHttp.request<{ shared: { body: string }[]; private: { body: string }[] }>(
      'GET',
      `/api/colleague/pairs/${pairId}/space`,
    );
    expect(theirs.shared.map((n) => n.body)).toEqual(['Tuesday: walkthrough feedback']);
    expect(JSON.stringify(theirs)).not.toContain('coaching cycle');
    // Neither district's admin reads the pair space, nor the cohort's memory from the district (district A's admin
    // is the network's convener: she reads the cohort only inside the network, as a member of it); district B's
    // admin, in no network, reads it nowhere.
    const cohortId = cohortPath.split('/').pop() ?? '';
    const homeAdminA = await apiSignIn(app.baseUrl, adminA, password);
    const homeAdminB = await apiSignIn(app.baseUrl, adminB, password);
    for (const admin of [homeAdminA, homeAdminB]) {
      expect(await statusOf(app.baseUrl, admin, 'GET', `/api/colleague/pairs/${pairId}/space`)).toBe(404);
      expect(await statusOf(app.baseUrl, admin, 'GET', `/api/groups/${cohortId}/memory?kind=success`)).toBe(
        404,
      );
    }
    expect(
      await statusOf(app.baseUrl, homeAdminB, 'GET', `/api/groups/${cohortId}/memory?kind=success`, {
        network: networkId,
      }),
    ).toBe(404);
    expect(
      await statusOf(app.baseUrl, homeAdminA, 'GET', `/api/groups/${cohortId}/memory?kind=success`, {
        network: networkId,
      }),
    ).toBe(200);
  });

  describe('BOOK-WEB: a book study in the cohort, read by principals of two districts', () => {
    const BOOK = 'Collective Efficacy';
    const PRIVATE = 'I still doubt that our team believes it can move writing scores.';
    const SHARED = 'Chapter 2 made me rethink how we celebrate small wins in our leadership team.';
    let studyPath = '';

    test('BOOK-WEB-1, BOOK-WEB-2 the convener starts a book study with two sections on the cohort page: a field left empty is named at its field, read-by days are filled from a first day', async () => {
      await convener.goto(`${app.baseUrl}/n/${networkId}${cohortPath}`);
      await convener.getByRole('heading', { level: 1, name: COHORT }).waitFor();
      const section = convener.getByRole('region', { name: 'Book studies' });
      await section.getByText('No book studies yet. Start one to read a book together.').waitFor();
      await section.getByRole('button', { name: 'Start a book study' }).click();
      const form = convener.getByRole('region', { name: 'Start a book study' });
      await form.getByRole('textbox', { name: 'Book title' }).fill(BOOK);
      await form.getByRole('textbox', { name: 'Author 1' }).fill('Jenni Donohoo');
      await form.getByRole('textbox', { name: 'ISBN (optional)' }).fill('978-0-306-40615-7');
      const first = form.getByRole('group', { name: 'Section 1' });
      await first.getByRole('textbox', { name: 'Section title' }).fill('Part one');
      await first.getByRole('textbox', { name: 'Pages or chapters (optional)' }).fill('Chapters 1-3');
      await first
        .getByRole('textbox', { name: 'Discussion prompts (optional)' })
        .fill('Where did you see collective efficacy this week?');
      await form.getByRole('button', { name: 'Add a section' }).click();
      const second = form.getByRole('group', { name: 'Section 2' });
      // The new section's title has the focus.
      await expect
        .poll(() =>
          second
            .getByRole('textbox', { name: 'Section title' })
            .evaluate((el) => el === document.activeElement),
        )
        .toBe(true);
      await form.getByLabel('First read-by day').fill('2027-02-01');
      await form.getByRole('combobox', { name: 'How often' }).selectOption({ label: 'Every 2 weeks' });
      await form.getByRole('button', { name: 'Fill in read-by days' }).click();
      expect(await first.getByLabel('Read by').inputValue()).toBe('2027-02-01');
      expect(await second.getByLabel('Read by').inputValue()).toBe('2027-02-15');
      // Section 2 has no title yet: the problem shows at that field, which takes the focus.
      await form.getByRole('button', { name: 'Start the book study' }).click();
      const secondTitle = second.getByRole('textbox', { name: 'Section title' });
      await expect.poll(() => secondTitle.getAttribute('aria-invalid')).toBe('true');
      await checkPage(convener, 'book-study-start');
      await secondTitle.fill('Part two');
      await form.getByRole('button', { name: 'Start the book study' }).click();
      await convener.getByTestId('toast').getByText('Book study started.').waitFor();
      const row = section.getByRole('listitem').filter({ hasText: BOOK });
      await row.getByText('by Jenni Donohoo').waitFor();
      await row.getByText('Next read-by day: Monday, February 1, 2027').waitFor();
      await row.getByRole('link', { name: BOOK }).click();
      await convener.getByRole('heading', { level: 1, name: BOOK }).waitFor();
      studyPath = new URL(convener.url()).pathname;
      expect(studyPath).toMatch(/^\/book-studies\/[0-9a-f-]{36}$/);
    });

    test('BOOK-WEB-3, BOOK-WEB-4 principal A writes a private and a shared reflection on section 1; principal B (another district) reads the shared one with its author, never the private one; the calendar file downloads in the network tab', async () => {
      if (!phoneA || !phoneB) throw new Error('no principal pages');
      await phoneA.goto(`${app.baseUrl}/n/${networkId}${cohortPath}`);
      await phoneA.getByRole('heading', { level: 1, name: COHORT }).waitFor();
      await phoneA.getByRole('region', { name: 'Book studies' }).getByRole('link', { name: BOOK }).click();
      await phoneA.getByRole('heading', { level: 1, name: BOOK }).waitFor();
      await phoneA.getByText('Days and times are in the group’s time zone', { exact: false }).waitFor();
      // A member does not run the cohort: no schedule tools.
      expect(await phoneA.getByRole('button', { name: 'Change the schedule' }).count()).toBe(0);
      const reflect = phoneA.getByRole('form', { name: 'My reflection on Part one' });
      await reflect.getByRole('textbox', { name: 'My reflection on Part one' }).fill(PRIVATE);
      // Private is the default, and the page says who reads each choice.
      expect(await reflect.getByRole('radio', { name: 'Only me' }).isChecked()).toBe(true);
      await reflect.getByText('Nobody else can read it', { exact: false }).waitFor();
      await reflect.getByText('The group’s members can read it, with your name.').waitFor();
      await reflect.getByRole('button', { name: 'Save my reflection' }).click();
      await phoneA.getByTestId('toast').getByText('Saved. Only you can read it.').waitFor();
      await reflect.getByRole('textbox', { name: 'My reflection on Part one' }).fill(SHARED);
      await reflect
        .locator('label.radio__button')
        .filter({ hasText: /^Share with the group/ })
        .click();
      await reflect.getByRole('button', { name: 'Save my reflection' }).click();
      await phoneA.getByTestId('toast').getByText('Saved and shared with the group.').waitFor();
      const part1 = phoneA
        .getByRole('listitem')
        .filter({ has: phoneA.getByRole('heading', { name: 'Section 1: Part one' }) });
      await part1.getByText(PRIVATE).waitFor();
      await part1.getByText(SHARED).waitFor();
      await checkPage(phoneA, 'book-study-page');
      await phoneA.setViewportSize(viewports.phone);
      // BOOK-WEB-4: the calendar file comes through the network (a plain link could not name it).
      const [download] = await Promise.all([
        phoneA.waitForEvent('download'),
        phoneA.getByRole('link', { name: 'Download the reading schedule (.ics)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('collective-efficacy.ics');
      const ics = readFileSync(await download.path(), 'utf8');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('DTSTART;VALUE=DATE:20270215');

      await phoneB.goto(`${app.baseUrl}/n/${networkId}${studyPath}`);
      await phoneB.getByRole('heading', { level: 1, name: BOOK }).waitFor();
      const shared = phoneB.locator('.book-reflection').filter({ hasText: SHARED });
      await shared.getByText(new RegExp(`^${principalA.name}, `)).waitFor();
      expect(await phoneB.getByText(PRIVATE).count()).toBe(0);
      await phoneB.setViewportSize(viewports.phone);
    });
  });
});

/**
 * The network library and "this helped me" (issue 14, docs/SPEC.md SHARE-NET-*, SHARE-HELPED-*), after the story
 * above made the network, its cohort and its members: Ana Ruiz (district A) logs a success in the cohort, reviews it
 * and shares it with the network; Ben Okafor (district B) finds it in the network library and by search, and says it
 * helped him; neither district's admin (both are members of the network by now) reads it as their district's
 * account: the API answers 404.
 */
describeE2E('Network library and “this helped me” (issue 14, SHARE-NET-WEB, SHARE-HELPED-WEB)', () => {
  let app: AppUnderTest;
  let password = '';
  let author: Page | undefined;
  let reader: Page | undefined;
  let networkId = '';
  let cohortId = '';
  let shareId = '';
  const TITLE = 'Ten-minute coaching cycles';
  const STORY = 'Short coaching cycles with a quinoa-coloured feedback card after every visit.';

  skipRestAfterFailure('network-library', () => [
    ['author', author],
    ['reader', reader],
  ]);

  /** A GET that names the network when asked, as a tab in it does (ADR 0032): its status and body. */
  async function get(http: Http, path: string, network: string | null) {
    const res = await fetch(`${app.baseUrl}${path}`, {
      headers: {
        cookie: `ensemble_session=${http.session}`,
        ...(network ? { 'x-ensemble-network': network } : {}),
      },
    });
    return { status: res.status, text: await res.text() };
  }

  beforeAll(async () => {
    app = await shared.app();
    password = demoPassword(app);
    const http = await apiSignIn(app.baseUrl, principalA.email, password);
    const mine = await http.request<{ items: { id: string; name: string }[] }>('GET', '/api/networks');
    networkId = mine.items.find((n) => n.name === NETWORK)?.id ?? '';
    const cohorts = JSON.parse((await get(http, '/api/network/cohorts', networkId)).text) as {
      items: { id: string; name: string }[];
    };
    cohortId = cohorts.items.find((c) => c.name === COHORT)?.id ?? '';
    expect(cohortId).toMatch(/^[0-9a-f-]{36}$/);
    author = await newPage(viewports.projector, http);
  });

  test('SHARE-NET-WEB-1 a principal logs a success in the cohort’s memory, reviews it and shares it with the network: no scope to choose, a sentence says who reads it', async () => {
    if (!author) throw new Error('no author page');
    await author.goto(`${app.baseUrl}/n/${networkId}/teams/${cohortId}/successes`);
    await author.getByRole('button', { name: 'Log a success' }).click();
    const dialog = author.getByRole('dialog', { name: 'Log a success' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await dialog.getByRole('textbox', { name: 'What happened' }).fill(STORY);
    await dialog
      .getByRole('textbox', { name: 'Evidence of student growth' })
      .fill('Every teacher had feedback within a week.');
    await dialog.getByRole('textbox', { name: 'What made it work' }).fill('Ten minutes, every week.');
    await dialog.getByRole('textbox', { name: 'Your insight' }).fill('Short and often beats long and rare.');
    await dialog.getByRole('button', { name: 'Log the success' }).click();
    await dialog.waitFor({ state: 'detached' });
    await author.getByRole('link', { name: TITLE }).click();
    await author.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await author.getByRole('link', { name: 'Share with the network' }).click();
    await author.getByRole('heading', { level: 1, name: 'Share with the network' }).waitFor();
    await author
      .getByTestId('share-audience')
      .getByText(`Everyone in ${NETWORK} will read it`, { exact: false })
      .waitFor();
    await author.getByText('Your district does not see it', { exact: false }).waitFor();
    expect(await author.getByRole('radio').count()).toBe(0);
    await checkPage(author, 'network-library-review');
    await author.getByRole('checkbox', { name: /I agree to share this copy with the network/ }).check();
    await author.getByRole('button', { name: 'Share', exact: true }).click();
    await author
      .getByTestId('share-status')
      .getByText(new RegExp(`^Shared with everyone in ${NETWORK} since`))
      .waitFor();
  });

  test('SHARE-NET-WEB-1, SHARE-NET-4, SHARE-HELPED-WEB-1 the principal of the other district finds it in the network library and by search, and says it helped him', async () => {
    reader = await newPage(viewports.phone, await apiSignIn(app.baseUrl, principalB.email, password));
    await reader.goto(`${app.baseUrl}/n/${networkId}`);
    await reader.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    // On a phone the menu has no room for it: the network's home links to the library.
    await reader.getByRole('link', { name: 'Network library: what members shared with the network' }).click();
    await reader.getByRole('heading', { level: 1, name: 'Network library' }).waitFor();
    const item = reader.getByTestId('shared-library').locator('li', { hasText: TITLE });
    await item.getByText(`${COHORT} · Shared with the network`, { exact: false }).waitFor();
    const count = item.getByTestId('helped-count');
    expect(await count.innerText()).toBe('No one has said it helped them yet');
    const helped = item.getByRole('button', { name: 'This helped me' });
    expect(await helped.getAttribute('aria-pressed')).toBe('false');
    await helped.click();
    await count.getByText('Helped 1 person', { exact: true }).waitFor();
    expect(await helped.getAttribute('aria-pressed')).toBe('true');
    await checkPage(reader, 'network-library');
    // On a wide screen the menu offers it by name (NET-WEB-2 as changed by SHARE-NET-WEB-1).
    await reader
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Network library' })
      .waitFor();
    await reader.setViewportSize(viewports.phone);
    // Search finds it, as a copy shared with the network; its page says the same count and my mark.
    await reader.goto(`${app.baseUrl}/search?q=quinoa`);
    // Ben is in the cohort too, so its own record is a hit as well: the copy is the one shared with the network.
    const hit = reader
      .locator('.search-hit', { hasText: TITLE })
      .filter({ hasText: 'Shared with the network' });
    await hit.waitFor();
    await hit.getByRole('link', { name: TITLE }).click();
    await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    shareId = /\/shared\/([0-9a-f-]{36})$/.exec(reader.url())?.[1] ?? '';
    expect(shareId).toMatch(/^[0-9a-f-]{36}$/);
    await reader.getByTestId('helped-count').getByText('Helped 1 person', { exact: true }).waitFor();
    expect(await reader.getByRole('button', { name: 'This helped me' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  test('SHARE-NET-2 neither district’s admin reads it as their district’s account, and it is in no district’s library or search', async () => {
    for (const email of [adminA, adminB]) {
      const http = await apiSignIn(app.baseUrl, email, password);
      expect((await get(http, `/api/shared/${shareId}`, null)).status, email).toBe(404);
      expect((await get(http, '/api/shared', null)).text, email).not.toContain(shareId);
      expect((await get(http, '/api/search?q=quinoa', null)).text, email).not.toContain(shareId);
    }
    // A member of the network who is in neither cohort nor district A reads it, naming the network.
    const memberB = await apiSignIn(app.baseUrl, principalC.email, password);
    expect((await get(memberB, `/api/shared/${shareId}`, networkId)).status).toBe(200);
  });
});
