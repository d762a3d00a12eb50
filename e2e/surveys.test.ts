/**
 * Anonymous efficacy surveys in the browser (issue 13, docs/SPEC.md MEASURE-WEB-*), against ONE real app
 * (`serve --demo`, its own database) and ONE Chromium (`appForFile`).
 *
 * The issue's must-show: the district admin (Dana, 1920x1080) starts a wave for a school through /surveys/new; six
 * people of its Year 5 Team answer on phones (390x844), the first through the home page's banner; nine more
 * answer over the API (the Music Team's four and five staff on no team); Dana closes the wave with "Close now";
 * the report shows the Year 5 Team (6 answers) by source with a chart and its table, and says the Music Team (4)
 * has not enough responses, while the API returns no numbers for it. Then the anonymous link once: made in the
 * start form and shown once, answered on a phone without an account, a second answer from that browser refused,
 * and a new link that ends the old one. Every new page and state passes axe at 390x844 and 1920x1080
 * (checkPage), and is photographed.
 *
 * The people, the school and its teams are rows written over SQL (no page makes accounts); everything the story
 * names is a click in Chromium, except the nine answers that only make the groups' sizes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SurveyToAnswer, WaveReport, WaveSummary } from '#contracts/surveys';
import { parseInstrument } from '#core/measure/instrument';
import { signIn as apiSignIn, type Http } from '../test/meeting-harness';
import { checkPage, screenshotDir, viewports } from './axe';
import { appForFile, describeE2E, repoRoot, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demoPassword } from './meetings-helpers';

const shared = appForFile({ demo: true, database: 'shared' });

const adminEmail = 'admin@demo.ensemble.test';
const SCHOOL = 'East Primary';
const YEAR5 = 'Year 5 Team';
const MUSIC = 'Music Team';
const TITLE = 'Spring efficacy survey';
/** The demo's two closed waves of the same questions (DEMO-SURVEY-1, DEMO-SURVEY-2). */
const EARLIER = 'Start-of-year efficacy survey';
const AUTUMN = 'Autumn efficacy survey';
const LINK_TITLE = 'Year 5 quick check';
/** The first person answers through the home page's banner; the six are the Year 5 Team. */
const year5 = ['y1', 'y2', 'y3', 'y4', 'y5', 'y6'];
const music = ['m1', 'm2', 'm3', 'm4'];
/** Staff of the school on no team: their pool is a block of its own, so Year 5 can be shown and Music not. */
const pool = ['p1', 'p2', 'p3', 'p4', 'p5'];
/** Invited, never answers: the rate is 15 of 16. */
const silent = ['q1'];
const emailOf = (key: string) => `${key}@east.survey.test`;

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

/** East Primary with its two teams and sixteen staff, each with the demo's password. */
async function seedSchool(
  app: AppUnderTest,
): Promise<{ schoolId: string; year5Id: string; musicId: string }> {
  if (!app.databaseUrl) throw new Error('the app has no shared database');
  const db = new pg.Pool({ connectionString: app.databaseUrl, max: 1 });
  try {
    const admin = await db.query<{ district_id: string; password_hash: string }>(
      'select district_id, password_hash from users where email = $1',
      [adminEmail],
    );
    const { district_id: districtId, password_hash: hash } = admin.rows[0] ?? {};
    if (!districtId || !hash) throw new Error('no demo admin');
    const school = await db.query<{ id: string }>(
      'insert into schools (district_id, name) values ($1, $2) returning id',
      [districtId, SCHOOL],
    );
    const schoolId = school.rows[0]?.id ?? '';
    const team = async (name: string) =>
      (
        await db.query<{ id: string }>(
          `insert into groups (district_id, school_id, kind, focus, name) values ($1, $2, 'teacher_team', 'plc', $3)
           returning id`,
          [districtId, schoolId, name],
        )
      ).rows[0]?.id ?? '';
    const year5Id = await team(YEAR5);
    const musicId = await team(MUSIC);
    for (const [keys, groupId] of [
      [year5, year5Id],
      [music, musicId],
      [[...pool, ...silent], null],
    ] as const) {
      for (const key of keys) {
        const user = await db.query<{ id: string }>(
          `insert into users (district_id, email, name, password_hash, email_verified_at)
           values ($1, $2, $3, $4, now()) returning id`,
          [districtId, emailOf(key), `East ${key.toUpperCase()}`, hash],
        );
        const userId = user.rows[0]?.id ?? '';
        await db.query(
          `insert into school_roles (district_id, school_id, user_id, role) values ($1, $2, $3, 'staff')`,
          [districtId, schoolId, userId],
        );
        if (groupId)
          await db.query(
            `insert into group_members (district_id, group_id, user_id, role) values ($1, $2, $3, 'member')`,
            [districtId, groupId, userId],
          );
      }
    }
    return { schoolId, year5Id, musicId };
  } finally {
    await db.end();
  }
}

/** The shipped instrument, read here to know which items are reverse-keyed (the answer page does not say). */
const instrument = (() => {
  const parsed = parseInstrument(
    readFileSync(join(repoRoot, 'instruments/ensemble-efficacy.en.yaml'), 'utf8'),
    'ensemble-efficacy.en.yaml',
  );
  if (!parsed.ok) throw new Error('the shipped instrument does not parse');
  return parsed.instrument;
})();

/**
 * Plausible answers: a person agrees about as much with every item of the scale (their `level`, give or take one),
 * and disagrees with the reverse-keyed ones as much, so the scales hang together as real answers do.
 */
function pointFor(level: number, k: number, j: number): number {
  const item = instrument.items[j];
  // People differ (one below the level, at it, one above) and so do items (every third a point lower).
  const point = Math.min(6, Math.max(1, level + (k % 3) - 1 - (j % 3 === k % 3 ? 1 : 0)));
  return item?.reverse ? 7 - point : point;
}

/**
 * Chooses a radio as a person does, by its label: the label's box covers the native radio drawn under it (the same
 * way calendar.test.ts and team-memory.test.ts choose one).
 */
function choose(scope: Page | Locator, name: string): Promise<void> {
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return scope.locator('label.radio__button').filter({ hasText: exact }).click();
}

/**
 * Answers every question on the page, in the instrument's order. `real` clicks each label as a person does, with
 * Playwright's checks; otherwise each label is clicked in the page (the same activation, faster), for the phones
 * that only make the group's size.
 */
async function answerAll(page: Page, level: number, k: number, real = true): Promise<void> {
  const questions = page.locator('.survey-item fieldset');
  const count = await questions.count();
  expect(count).toBe(instrument.items.length);
  const labels = instrument.items.map((_, j) => scaleLabels[pointFor(level, k, j) - 1] ?? '');
  if (real) for (let j = 0; j < count; j++) await choose(questions.nth(j), labels[j] ?? '');
  else
    await page.evaluate((wanted) => {
      const sets = [...document.querySelectorAll('.survey-item fieldset')];
      sets.forEach((set, j) => {
        const label = [...set.querySelectorAll<HTMLLabelElement>('label.radio__button')].find(
          (l) => l.textContent.trim() === wanted[j],
        );
        label?.click();
      });
    }, labels);
  await page
    .locator('[data-testid="survey-progress"]', { hasText: `${count} of ${count} answered` })
    .waitFor();
}

const scaleLabels = [
  'Strongly disagree',
  'Disagree',
  'Somewhat disagree',
  'Somewhat agree',
  'Agree',
  'Strongly agree',
];

describeE2E('Surveys (issue 13, MEASURE-WEB)', () => {
  let app: AppUnderTest;
  let password = '';
  let adminHttp: Http;
  let admin: Page;
  let phone: Page | undefined;
  let linkPhone: Page | undefined;
  let org = { schoolId: '', year5Id: '', musicId: '' };
  let waveId = '';
  const started = Date.now();

  skipRestAfterFailure('surveys', () => [
    ['admin', admin],
    ['phone', phone],
    ['link-phone', linkPhone],
  ]);

  beforeAll(async () => {
    app = await shared.app();
    password = demoPassword(app);
    org = await seedSchool(app);
    adminHttp = await apiSignIn(app.baseUrl, adminEmail, password);
    admin = await newPage(viewports.projector, adminHttp);
  });

  afterAll(() => {
    console.log(`surveys e2e: ${((Date.now() - started) / 1000).toFixed(1)} s after the app started`);
  });

  test('MEASURE-WEB-3 the admin starts a survey for a school: a threshold under 5 is refused at its field, then the wave opens', async () => {
    await admin.goto(`${app.baseUrl}/surveys`);
    await admin.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    // MEASURE-WEB-4: the header's link for signed-in people.
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).waitFor();
    await admin.getByRole('link', { name: 'Start a survey' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Start a survey' }).waitFor();
    await admin.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await choose(admin, 'A school');
    await admin.getByRole('combobox', { name: 'School' }).selectOption({ label: SCHOOL });
    // Today and 14 days on, as defaults.
    const opensOn = await admin.getByLabel('Opens on').inputValue();
    const closesOn = await admin.getByLabel('Closes on').inputValue();
    expect((Date.parse(closesOn) - Date.parse(opensOn)) / 86_400_000).toBe(14);
    await checkPage(admin, 'surveys-new');
    const threshold = admin.getByRole('spinbutton', { name: 'Smallest group shown' });
    await threshold.fill('3');
    await admin.getByRole('button', { name: 'Start the survey' }).click();
    await admin.getByText('The threshold is at least 5: it can be raised, never lowered').waitFor();
    expect(await threshold.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    await threshold.fill('5');
    await admin.getByRole('button', { name: 'Start the survey' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    const row = admin.getByTestId('survey-wave').filter({ hasText: TITLE });
    await row.getByText('0 answers of 16 invited (0%) · never who').waitFor();
    await row.getByText('Open', { exact: true }).waitFor();
    waveId = (await row.getAttribute('data-wave-id')) ?? '';
    expect(waveId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('MEASURE-WEB-4, MEASURE-WEB-1 the banner leads the first Year 5 teacher to the survey; a question left out is named and focused; six answer on phones', async () => {
    const people = await Promise.all(year5.map((key) => apiSignIn(app.baseUrl, emailOf(key), password)));
    const first = people[0];
    if (!first) throw new Error('no first teacher');
    phone = await newPage(viewports.phone, first);
    await phone.goto(`${app.baseUrl}/`);
    const banner = phone.getByTestId('survey-banner');
    await banner.getByText(`A short survey is waiting for you: “${TITLE}”.`).waitFor();
    await checkPage(phone, 'surveys-home-banner');
    await phone.setViewportSize(viewports.phone);
    await banner.getByRole('link', { name: 'Answer it' }).click();
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // The promise comes before any question.
    const promise = phone.getByText('Your answers are stored with no link to you', { exact: false });
    await promise.waitFor();
    const firstQuestion = phone.locator('.survey-item fieldset').first();
    expect(
      await promise.evaluate(
        (p, q) => Boolean(p.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING),
        await firstQuestion.elementHandle(),
      ),
    ).toBe(true);
    // One team only: no team question.
    expect(await phone.getByText('Which team are you answering about?').count()).toBe(0);
    await checkPage(phone, 'surveys-answer');
    await phone.setViewportSize(viewports.phone);
    // Sent with nothing answered: the count is said and the first question takes the focus.
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByRole('alert').getByText('21 questions are not answered yet.').waitFor();
    expect(
      await firstQuestion
        .locator('input')
        .first()
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await firstQuestion.getAttribute('aria-invalid')).toBe('true');
    await answerAll(phone, 5, 0);
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByTestId('survey-state-thanks').getByText('Thank you').waitFor();
    await checkPage(phone, 'surveys-answer-thanks');

    // The other five, side by side.
    const rest = people.slice(1);
    await Promise.all(
      rest.map(async (http, offset) => {
        const page = await newPage(viewports.phone, http);
        await page.goto(`${app.baseUrl}/surveys/${waveId}/answer`);
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        await answerAll(page, 5, offset + 1, false);
        await page.getByRole('button', { name: 'Send my answers' }).click();
        await page.getByTestId('survey-state-thanks').waitFor();
        await page.context().close();
      }),
    );

    // Answered: the banner is gone, and the survey says so.
    await phone.goto(`${app.baseUrl}/surveys/${waveId}/answer`);
    await phone.getByTestId('survey-state-already').waitFor();
  });

  test('MEASURE-WEB-3 nine more answer (Music Team 4, staff on no team 5); the admin sees 15 of 16 and never who, then closes the wave with "Close now"', async () => {
    const others = [...music, ...pool];
    const https = await Promise.all(others.map((key) => apiSignIn(app.baseUrl, emailOf(key), password)));
    await Promise.all(
      https.map(async (http, k) => {
        const survey = await http.request<SurveyToAnswer>('GET', `/api/surveys/waves/${waveId}/answer`);
        const answers = Object.fromEntries(
          survey.instrument.items.map((item, j) => [item.id, pointFor(k < music.length ? 3 : 4, k, j)]),
        );
        await http.request('POST', `/api/surveys/waves/${waveId}/answer`, {
          unit: survey.units[0]?.key ?? '',
          answers,
          ...(k === 0 ? { freeText: 'We plan our concerts together and it shows.' } : {}),
        });
      }),
    );
    await admin.goto(`${app.baseUrl}/surveys`);
    const row = admin.getByTestId('survey-wave').filter({ hasText: TITLE });
    await row.getByText('15 answers of 16 invited (94%) · never who').waitFor();
    expect(await admin.getByTestId('surveys-run').innerText()).not.toMatch(/East [YMPQ]\d/);
    await checkPage(admin, 'surveys-list-open');
    // MEASURE-WAVE-3: a reminder goes to the one who has not answered (nobody is named).
    await row.getByRole('button', { name: `Send a reminder: “${TITLE}”` }).click();
    await admin.getByText('A reminder went to everyone invited who has not answered yet.').first().waitFor();
    await row.getByText(/Last reminder: /).waitFor();
    await row.getByRole('button', { name: `Close now: “${TITLE}”` }).click();
    const dialog = admin.getByRole('alertdialog', { name: 'Close this survey now?' });
    await dialog.getByText('the record of who was invited and who answered is deleted for good').waitFor();
    await checkPage(admin, 'surveys-close-dialog');
    await dialog.getByRole('button', { name: 'Close the survey' }).click();
    await row.getByText('Closed', { exact: true }).waitFor();
    await row.getByRole('link', { name: `Results: “${TITLE}”` }).waitFor();
    const wave = await adminHttp.request<WaveSummary>('GET', `/api/surveys/waves/${waveId}`);
    expect(wave).toMatchObject({ status: 'closed', responses: 15, invited: 16 });
  });

  test('MEASURE-WEB-5 the report by source: the district with its schools, the school with its teams (Year 5 (6) with its averages, Music (4) not enough responses and no numbers in the API), then Year 5 with a chart and its table', async () => {
    await admin
      .getByTestId('survey-wave')
      .filter({ hasText: TITLE })
      .getByRole('link', { name: /^Results:/ })
      .click();
    await admin.getByRole('heading', { level: 1, name: `Results: ${TITLE}` }).waitFor();
    const district = admin.locator('[data-testid="survey-cell"][data-node="district:"]');
    await district.getByText('15 answers', { exact: true }).waitFor();
    await district.getByRole('img', { name: /Average by source for Riverbend Unified/ }).waitFor();
    // MEASURE-REPORT-6: the schools under it are one table of counts and averages, each a link to its report.
    const schools = admin.getByRole('table', { name: /^Schools of Riverbend Unified/ });
    await schools.getByRole('row', { name: new RegExp(`^${SCHOOL} 15 `) }).waitFor();
    await checkPage(admin, 'surveys-results-district');

    await schools.getByRole('link', { name: SCHOOL, exact: true }).click();
    const school = admin.locator(`[data-testid="survey-cell"][data-node="school:${org.schoolId}"]`);
    await school.getByText('15 answers', { exact: true }).waitFor();
    const teams = admin.getByRole('table', {
      name: `Teams of ${SCHOOL}: answers and average by source (1 to 6)`,
    });
    expect(await teams.locator('thead th').allInnerTexts()).toEqual([
      'Team',
      'Answers',
      'Mastery experience',
      'Vicarious experience',
      'Social persuasion',
      'Affective state',
      'Collective efficacy',
    ]);
    const row = (id: string) => admin.locator(`[data-testid="survey-group"][data-node="team:${id}"]`);
    const year5Row = row(org.year5Id);
    const year5Numbers = await year5Row.locator('td').allInnerTexts();
    expect(year5Numbers[0]).toBe('6');
    expect(year5Numbers.slice(1)).toHaveLength(5);
    for (const mean of year5Numbers.slice(1)) expect(mean).toMatch(/^[1-6]\.\d\d$/);
    const musicRow = row(org.musicId);
    await musicRow
      .getByText('Not shown: fewer than 5 answered, or it would reveal a smaller group.')
      .waitFor();
    expect(await musicRow.locator('td').count()).toBe(1);
    expect(await musicRow.getByRole('link').count()).toBe(0);
    // The school's own cell keeps the free text of a shown group, with its count.
    const comments = school.getByTestId('survey-comments');
    await comments.getByText('We plan our concerts together and it shows.').waitFor();
    await comments.getByText('Showing 1 of 1', { exact: true }).waitFor();
    expect(await comments.getByRole('button', { name: 'Show more comments' }).count()).toBe(0);
    await checkPage(admin, 'surveys-results-school');

    // The API holds no numbers for the Music Team, at its own node or under its school.
    for (const at of [`team:${org.musicId}`, `school:${org.schoolId}`]) {
      const report = await adminHttp.request<WaveReport>(
        'GET',
        `/api/surveys/waves/${waveId}/report?at=${at}`,
      );
      const cells = [...(report.cell ? [report.cell] : []), ...report.children];
      const musicReport = cells.find((c) => c.node.id === org.musicId);
      expect(musicReport?.status).toBe('suppressed');
      expect(JSON.stringify(musicReport)).not.toMatch(/"n"|"mean"|"constructs"|"items"/);
      const year5Report = cells.find((c) => c.node.id === org.year5Id);
      if (at.startsWith('school')) expect(year5Report).toMatchObject({ status: 'shown', n: 6 });
    }
    // The CSV of the same view says "not shown" for Music, with no numbers.
    const csvHref = await admin.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csvHref).toBe(`/api/surveys/waves/${waveId}/report.csv?at=school%3A${org.schoolId}&role=all`);
    const csv = await fetch(`${app.baseUrl}${csvHref ?? ''}`, {
      headers: { cookie: `ensemble_session=${adminHttp.session}` },
    }).then((r) => r.text());
    expect(csv).toContain(`${MUSIC},team,all,not shown (too few answers)`);
    expect(csv).toContain(`${YEAR5},team,all,shown,6,mastery`);

    // Leaders: nobody who leads answered, so every group says "No responses".
    await choose(admin, 'Leaders');
    await admin.locator('[data-testid="survey-cell"][data-status="empty"]').first().waitFor();
    expect(await admin.locator('[data-testid="survey-cell"][data-status="shown"]').count()).toBe(0);
    expect(await admin.locator('[data-testid="survey-group"][data-status="shown"]').count()).toBe(0);
    await choose(admin, 'All');
    await year5Row.locator('td').first().getByText('6', { exact: true }).waitFor();

    // Year 5's own report: its chart and table.
    await year5Row.getByRole('link', { name: YEAR5 }).click();
    const year5Cell = admin.locator(`[data-testid="survey-cell"][data-node="team:${org.year5Id}"]`);
    await year5Cell.getByText('6 answers', { exact: true }).waitFor();
    const chart = year5Cell.getByRole('img', {
      name: `Average by source for ${YEAR5} (1 to 6, with 95% intervals)`,
    });
    await chart.waitFor();
    // The chart's description says every number; the table holds the same ones, one row per construct.
    const described = await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    expect(described).toMatch(/Mastery experience \d\.\d \(95% interval \d\.\d to \d\.\d\)/);
    const table = year5Cell.getByRole('table', { name: `${YEAR5}: average by source, 6 answers` });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await table.locator('tbody th').allInnerTexts()).toEqual([
      'Mastery experience',
      'Vicarious experience',
      'Social persuasion',
      'Affective state',
      'Collective efficacy',
    ]);
    expect(await chart.locator('[data-construct]').count()).toBe(5);
    await admin.getByRole('link', { name: 'Up one level' }).waitFor();
    await checkPage(admin, 'surveys-results-team');

    // The printable report: no header or buttons, the charts and tables kept.
    await admin.emulateMedia({ media: 'print' });
    expect(await admin.locator('.site-header').isVisible()).toBe(false);
    expect(await admin.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    expect(await chart.isVisible()).toBe(true);
    await admin.screenshot({ path: join(screenshotDir, 'surveys-results-print.png'), fullPage: true });
    await admin.emulateMedia({ media: 'screen' });
  });

  test('MEASURE-WEB-6 what people wrote, a page at a time: "Show more comments" says how many are shown and moves the focus to the first new one', async () => {
    // A wave of the Year 5 Team through one link, 56 answers with a comment each (a browser token each), closed.
    const created = await adminHttp.request<{ wave: { id: string }; link: string }>(
      'POST',
      '/api/surveys/waves',
      {
        title: 'Year 5 many voices',
        instrument: { slug: 'ensemble-efficacy' },
        scope: { kind: 'teams', teamIds: [org.year5Id] },
        opensOn: new Date().toISOString().slice(0, 10),
        closesOn: new Date().toISOString().slice(0, 10),
        invite: 'link',
      },
    );
    const secret = new URL(created.link).pathname.split('/').pop() ?? '';
    const survey = (await (await fetch(`${app.baseUrl}/api/s/${secret}`)).json()) as SurveyToAnswer;
    const unit = survey.units.find((u) => u.label === YEAR5)?.key;
    for (let k = 0; k < 56; k += 1) {
      const answered = await fetch(`${app.baseUrl}/api/s/${secret}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: app.baseUrl },
        body: JSON.stringify({
          unit,
          leader: false,
          browserToken: `many-voices-browser-${String(k).padStart(4, '0')}`,
          answers: Object.fromEntries(survey.instrument.items.map((item, j) => [item.id, pointFor(4, k, j)])),
          freeText: `Voice number ${k + 1} of the Year 5 Team.`,
        }),
      });
      expect(answered.status).toBe(200);
    }
    await adminHttp.request('POST', `/api/surveys/waves/${created.wave.id}/close`);

    await admin.goto(`${app.baseUrl}/surveys/${created.wave.id}/results?at=team:${org.year5Id}`);
    const comments = admin.getByTestId('survey-comments');
    await comments.getByText('Showing 50 of 56', { exact: true }).waitFor();
    expect(await comments.locator('li').count()).toBe(50);
    await checkPage(admin, 'surveys-results-comments');
    const more = comments.getByRole('button', { name: 'Show more comments' });
    await more.focus();
    await admin.keyboard.press('Enter');
    await comments.getByText('Showing 56 of 56', { exact: true }).waitFor();
    expect(await comments.locator('li').count()).toBe(56);
    // The focus is on the first comment the press brought; nothing more to show.
    await admin.waitForFunction(
      () => document.activeElement === document.querySelectorAll('[data-testid="survey-comments"] li')[50],
    );
    expect(await more.count()).toBe(0);
    const all = await comments.locator('li').allInnerTexts();
    expect(new Set(all).size).toBe(56);
  });

  test("MEASURE-WEB-7 two surveys compared: from the demo's autumn results to the start-of-year survey, both waves' numbers and the change in words by source; staff only, neither shows the district; another later survey chosen", async () => {
    await admin.goto(`${app.baseUrl}/surveys`);
    const autumn = admin.getByTestId('survey-wave').filter({ hasText: AUTUMN });
    // The list offers it too, for a closed wave with another of the same questions.
    await autumn.getByRole('link', { name: `Compare “${AUTUMN}” with another survey` }).waitFor();
    const autumnId = await autumn.getAttribute('data-wave-id');
    const earlierId = await admin
      .getByTestId('survey-wave')
      .filter({ hasText: EARLIER })
      .getAttribute('data-wave-id');
    const springId = await admin
      .getByTestId('survey-wave')
      .filter({ hasText: TITLE })
      .getAttribute('data-wave-id');
    await autumn.getByRole('link', { name: `Results: “${AUTUMN}”` }).click();
    await admin.getByRole('heading', { level: 1, name: `Results: ${AUTUMN}` }).waitFor();
    await admin.getByRole('link', { name: 'Compare with another survey' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Compare two surveys' }).waitFor();

    // The earlier survey by default; each select offers only closed surveys of the same questions, in order.
    const earlier = admin.getByRole('combobox', { name: 'Earlier survey' });
    const later = admin.getByRole('combobox', { name: 'Later survey' });
    // The choices come with the list of waves, after the page's heading: read them until they are there.
    const optionTitles = (select: Locator) =>
      select
        .locator('option')
        .evaluateAll((options) => options.map((o) => o.textContent.replace(/ \(.*$/, '')));
    await expect.poll(() => optionTitles(earlier)).toEqual([EARLIER]);
    // The spring survey asked one school: at the district it is not the same people (MEASURE-REPORT-8).
    await expect.poll(() => optionTitles(later)).toEqual([AUTUMN]);
    expect(await later.inputValue()).toBe(autumnId);
    await admin.getByText('Group: Riverbend Unified (demo). Whose answers: All.').waitFor();

    const table = admin.getByRole('table', {
      name: `Riverbend Unified (demo): average by source in “${EARLIER}” and “${AUTUMN}”, and the change`,
    });
    await table.waitFor();
    expect(await table.locator('tbody th').allInnerTexts()).toEqual([
      'Mastery experience',
      'Vicarious experience',
      'Social persuasion',
      'Affective state',
      'Collective efficacy',
    ]);
    const mastery = table.locator('tbody[data-construct="mastery"]');
    expect(await mastery.locator('td[data-wave="before"]').innerText()).toMatch(/^\d\.\d\d\s+11 answers$/);
    expect(await mastery.locator('td[data-wave="after"]').innerText()).toMatch(/^\d\.\d\d\s+12 answers$/);
    expect(await mastery.getByTestId('compare-g').innerText()).toMatch(
      /^-?\d\.\d\d\s+-?\d\.\d\d to -?\d\.\d\d$/,
    );
    const words = await mastery.getByTestId('compare-words').innerText();
    expect(words).toContain("The second wave's mean is higher than the first's");
    expect(words).toContain('does not show what made the difference');
    // The chart: one image, its name and a description with every number; two bars a source, each labelled.
    const chart = admin.getByRole('img', {
      name: /^Average by source for Riverbend Unified \(demo\) in two surveys \(1 to 6\)/,
    });
    const described = await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    expect(described).toMatch(/Mastery experience: \d\.\d, then \d\.\d/);
    expect(await chart.locator('rect[data-construct]').count()).toBe(10);
    expect(await chart.locator('.survey-chart__value').allInnerTexts()).toHaveLength(10);
    const legend = admin.getByRole('list', { name: 'Surveys' });
    expect(await legend.locator('li').allInnerTexts()).toEqual([EARLIER, AUTUMN]);
    await checkPage(admin, 'surveys-compare-district');

    // Staff only: neither survey shows the district (the leaders are too few, and staff is all minus them).
    await choose(admin, 'Staff');
    await admin.getByTestId('compare-neither').waitFor();
    for (const title of [EARLIER, AUTUMN])
      await admin
        .getByText(`“${title}”: not shown (fewer than 5 answered, or it would reveal a smaller group).`)
        .waitFor();
    expect(await admin.getByRole('table').count()).toBe(0);
    expect(new URL(admin.url()).searchParams.get('role')).toBe('staff');
    await checkPage(admin, 'surveys-compare-staff');

    // At the school the spring survey asked whole, it compares with the district-wide ones.
    await admin.goto(
      `${app.baseUrl}/surveys/compare?before=${earlierId ?? ''}&after=${autumnId ?? ''}&at=school:${org.schoolId}`,
    );
    await admin.getByRole('heading', { level: 1, name: 'Compare two surveys' }).waitFor();
    await expect.poll(() => optionTitles(later)).toEqual([AUTUMN, TITLE]);
    await later.selectOption(springId ?? '');
    await admin
      .getByRole('table', { name: new RegExp(`average by source in “${EARLIER}” and “${TITLE}”`) })
      .waitFor();
    expect(new URL(admin.url()).searchParams.get('after')).toBe(springId);
    // Its earlier choices now run up to the spring survey.
    await expect.poll(() => optionTitles(earlier)).toEqual([EARLIER, AUTUMN]);

    // Printed: no header, choices or buttons; the chart and the table kept.
    await admin.emulateMedia({ media: 'print' });
    expect(await admin.locator('.site-header').isVisible()).toBe(false);
    expect(await earlier.isVisible()).toBe(false);
    expect(await admin.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await admin.getByTestId('compare-table').isVisible()).toBe(true);
    expect(await admin.getByTestId('compare-chart').isVisible()).toBe(true);
    await admin.screenshot({ path: join(screenshotDir, 'surveys-compare-print.png'), fullPage: true });
    await admin.emulateMedia({ media: 'screen' });
  });

  test('MEASURE-WEB-2 the anonymous link: shown once with copy, answered on a phone without an account, a second answer from that browser refused, and a new link ends the old one', async () => {
    await admin.goto(`${app.baseUrl}/surveys/new`);
    await admin.getByRole('textbox', { name: 'Title' }).fill(LINK_TITLE);
    await choose(admin, 'Some teams');
    await admin.getByRole('checkbox', { name: `${YEAR5} (${SCHOOL})` }).check();
    await choose(admin, 'One anonymous link');
    await admin.getByRole('button', { name: 'Start the survey' }).click();
    const created = admin.getByTestId('survey-created');
    await created.getByText('The survey is open. Here is its anonymous link.').waitFor();
    const link = await created.getByTestId('survey-link').inputValue();
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/s/[A-Za-z0-9_-]+$`));
    await created.getByRole('button', { name: 'Copy the link' }).waitFor();
    await checkPage(admin, 'surveys-link-created');

    linkPhone = await newPage(viewports.phone);
    await linkPhone.goto(link);
    await linkPhone.getByRole('heading', { level: 1, name: LINK_TITLE }).waitFor();
    // No account: no header navigation; the team and the leader questions are asked.
    expect(await linkPhone.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await choose(linkPhone.getByRole('radiogroup', { name: 'Which team are you answering about?' }), YEAR5);
    await choose(linkPhone.getByRole('radiogroup', { name: /Do you lead a school or the district\?/ }), 'No');
    await checkPage(linkPhone, 'surveys-link-answer');
    await linkPhone.setViewportSize(viewports.phone);
    await answerAll(linkPhone, 4, 2, false);
    await linkPhone.getByRole('button', { name: 'Send my answers' }).click();
    await linkPhone.getByTestId('survey-state-thanks').waitFor();

    // The browser keeps a random token for the wave (32 base64url characters), nothing about the person.
    const stored = await linkPhone.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('ensemble.survey.'))
        .map((key) => ({ key, value: localStorage.getItem(key) ?? '' })),
    );
    const token = stored.find(({ key }) => key.endsWith('.token'))?.value ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Again from the same browser: it says it has answered; the server refuses the same token (409).
    await linkPhone.reload();
    await linkPhone.getByTestId('survey-state-already-browser').waitFor();
    await checkPage(linkPhone, 'surveys-link-already');
    const secret = new URL(link).pathname.split('/').pop() ?? '';
    const survey = (await (await fetch(`${app.baseUrl}/api/s/${secret}`)).json()) as SurveyToAnswer;
    const again = await fetch(`${app.baseUrl}/api/s/${secret}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.baseUrl },
      body: JSON.stringify({
        unit: survey.units.find((u) => u.label === YEAR5)?.key,
        leader: false,
        browserToken: token,
        answers: Object.fromEntries(survey.instrument.items.map((item) => [item.id, 4])),
      }),
    });
    expect(again.status).toBe(409);

    // A new link, confirmed and shown once; the old one stops working.
    await admin.goto(`${app.baseUrl}/surveys`);
    const row = admin.getByTestId('survey-wave').filter({ hasText: LINK_TITLE });
    await row.getByText('1 answer of 6 invited (17%) · never who').waitFor();
    await row.getByRole('button', { name: `New link: “${LINK_TITLE}”` }).click();
    await admin
      .getByRole('alertdialog', { name: 'Make a new link?' })
      .getByRole('button', { name: 'Make a new link' })
      .click();
    const fresh = await row.getByTestId('survey-link').inputValue();
    expect(fresh).not.toBe(link);
    await linkPhone.goto(link);
    await linkPhone.getByTestId('survey-state-missing').waitFor();
  });
});
