/**
 * Routines a school can grow (issue 11 item 3, ADR 0018) in the browser against the real app (`serve --demo`):
 * the coach (facilitator of "Grade 3 Team", North Elementary) writes a new routine from scratch and shares it
 * with the district; the facilitator of "Math Department" (South Middle School) finds it in the library and runs
 * it in a meeting; the District Leadership Team's schedule form offers the leader-worded routines first; a
 * malformed YAML import shows its file:line problem and saves nothing; an exported YAML imports back. Every page
 * passes axe at phone and projector size.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RoutineSummary } from '../src/contracts/meetings-api';
import { checkPage } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import { demo, demoPassword, signInWithSession, teamIdOf } from './meetings-helpers';

const newName = 'Exit Ticket Review';

describeE2E('routine library', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let coach: Page;
  let math: Page;
  let leader: Page;
  let gradeThree = '';

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  }

  const routinesOf = async (page: Page, groupId: string) => {
    const res = await page.request.get(`${app.baseUrl}/api/groups/${groupId}/routines`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { items: RoutineSummary[] }).items;
  };

  skipRestAfterFailure('routine-library', () => [
    ['coach', coach],
    ['math', math],
    ['leader', leader],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ demo: true, database: 'shared' }), sharedBrowser()]);
    const password = demoPassword(app);
    [coach, math, leader] = await Promise.all([newPage(), newPage(), newPage()]);
    await Promise.all([
      signInWithSession(coach, app.baseUrl, demo.coach.email, password),
      signInWithSession(math, app.baseUrl, 'teacher6@demo.ensemble.test', password),
      signInWithSession(leader, app.baseUrl, 'admin@demo.ensemble.test', password),
    ]);
    gradeThree = await teamIdOf(coach, app.baseUrl, 'Grade 3 Team');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('ROUTINE-LIB-NEW-1 (ROUTINE-LIB-WEB-1, WEB-A11Y-1): a facilitator writes a new routine from scratch in the editor', async () => {
    await coach.goto(`${app.baseUrl}/teams/${gradeThree}/routines`);
    await coach.getByRole('heading', { level: 1, name: 'Routines' }).waitFor();
    await coach.getByRole('heading', { level: 2, name: 'Ensemble’s routines' }).waitFor();
    // This list, as the demo's coach first sees it, passes axe in e2e/routines.test.ts (routines-list).

    await coach.getByRole('button', { name: 'New routine' }).click();
    const dialog = coach.getByRole('dialog', { name: 'New routine' });
    await dialog.waitFor();
    await checkPage(coach, 'routine-library-new-dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(newName);
    await dialog.locator('label', { hasText: 'A problem of practice' }).click();
    expect(await dialog.getByRole('radio', { name: 'A problem of practice' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Create and edit' }).click();
    await coach.getByRole('heading', { level: 1, name: `Editing ${newName}` }).waitFor();
    const minutes = coach.getByRole('textbox', { name: 'Minutes' });
    expect(await minutes.count()).toBe(2);
    await minutes.first().fill('8');
    await coach
      .getByRole('textbox', { name: 'Prompt 1' })
      .first()
      .fill('Which exit ticket surprised you this week?');
    await coach.getByRole('button', { name: 'Save' }).click();
    await coach.getByRole('heading', { level: 1, name: newName }).waitFor();
    expect(await coach.getByTestId('routine-facts').textContent()).toContain('12 minutes · 2 steps');
    expect(await coach.getByTestId('routine-facts').textContent()).toContain('Your team’s');
    await checkPage(coach, 'routine-library-new-read');
  });

  test('ROUTINE-LIB-SHARE-1 (WEB-A11Y-1): the facilitator shares it with the district after reading who will see it', async () => {
    await coach.getByRole('link', { name: /^All routines of Grade 3 Team/ }).click();
    const own = coach.getByTestId('routines-own');
    await own.getByRole('link', { name: newName, exact: true }).waitFor();
    await own.getByRole('button', { name: `Share ${newName} with the library` }).click();
    const dialog = coach.getByRole('dialog', { name: `Share “${newName}”` });
    await dialog.waitFor();
    await dialog.getByText('Every team of North Elementary').waitFor();
    await dialog.getByText('All teams in every school of the district').waitFor();
    await checkPage(coach, 'routine-library-share-dialog');
    await dialog.locator('label', { hasText: 'Every team of the district' }).click();
    expect(await dialog.getByRole('radio', { name: 'Every team of the district' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await own.getByText('Shared with the whole district as version 2').waitFor();
    await checkPage(coach, 'routine-library-shared');
  });

  test('ROUTINE-LIB-SHARE-2: a facilitator of another school finds it in the library, with its author and version, and runs it', async () => {
    const mathTeam = await teamIdOf(math, app.baseUrl, 'Math Department');
    await math.goto(`${app.baseUrl}/teams/${mathTeam}/routines`);
    const library = math.getByTestId('routines-library');
    await library.getByRole('link', { name: newName, exact: true }).waitFor();
    await library.getByText('Version 2, shared by Lena Ortiz with the whole district').waitFor();
    await checkPage(math, 'routine-library-other-team');

    await math.goto(`${app.baseUrl}/teams/${mathTeam}`);
    await math.getByRole('heading', { level: 1, name: 'Math Department' }).waitFor();
    await math.getByRole('textbox', { name: 'Title' }).fill('Borrowed routine');
    await math.locator('label', { hasText: newName }).click();
    expect(await math.getByRole('radio', { name: new RegExp(`^${newName}`) }).isChecked()).toBe(true);
    await math.getByRole('button', { name: 'Schedule meeting' }).click();
    await math.getByRole('button', { name: 'Open live: Borrowed routine' }).click();
    await math.waitForURL('**/meetings/*');
    await math.getByRole('button', { name: 'Start the meeting' }).click();
    await math.getByText(`${newName} · Step 1 of 2`).waitFor();
    await checkPage(math, 'routine-library-running');
  });

  test('ROUTINE-LIB-LEAD-2: the District Leadership Team is offered the leader-worded routines first', async () => {
    const leaders = await teamIdOf(leader, app.baseUrl, 'District Leadership Team');
    await leader.goto(`${app.baseUrl}/teams/${leaders}`);
    await leader.getByRole('heading', { level: 1, name: 'District Leadership Team' }).waitFor();
    const radios = leader.getByRole('radiogroup', { name: 'Routine' }).getByRole('radio');
    const labels = await radios.evaluateAll((inputs) =>
      inputs.map((input) => (input.closest('label')?.textContent ?? '').trim()),
    );
    expect(labels.slice(0, 3)).toEqual([
      expect.stringMatching(/^Share Successes \(leadership team\)/),
      expect.stringMatching(/^Problem-Solve Collaboratively \(leadership team\)/),
      expect.stringMatching(/^Practice Peer Modeling \(leadership team\)/),
    ]);
    expect(await radios.first().isChecked()).toBe(true);
    await checkPage(leader, 'routine-library-leaders-schedule');
  });

  test('ROUTINE-LIB-IO-1 (WEB-A11Y-1): a malformed YAML file is refused with its file and line, focused, and nothing is saved', async () => {
    await coach.goto(`${app.baseUrl}/teams/${gradeThree}/routines`);
    await coach.getByRole('heading', { level: 2, name: 'Import routines' }).waitFor();
    const before = (await routinesOf(coach, gradeThree)).length;
    const exported = await coach.request.get(
      `${app.baseUrl}/api/groups/${gradeThree}/routines/share-successes/yaml`,
    );
    const broken = (await exported.text()).replace('minutes: 4', 'minutes: 400');
    await coach
      .getByLabel('YAML files')
      .setInputFiles([{ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) }]);
    await coach.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = coach.getByTestId('routine-import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/broken\.yaml:\d+:\d+: steps\[0\]\.minutes: /);
    expect(await problems.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await problems.getAttribute('role')).toBe('alert');
    await checkPage(coach, 'routine-library-import-error');
    expect((await routinesOf(coach, gradeThree)).length).toBe(before);
  });

  test('ROUTINE-LIB-IO-2: an exported YAML downloads and imports back', async () => {
    const own = coach.getByTestId('routines-own');
    const [download] = await Promise.all([
      coach.waitForEvent('download'),
      own.getByRole('link', { name: `Export YAML: ${newName}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('exit-ticket-review.yaml');
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain(`name: ${newName}`);
    await coach
      .getByLabel('YAML files')
      .setInputFiles([
        { name: 'exit-ticket-review.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) },
      ]);
    await coach.getByRole('button', { name: 'Import', exact: true }).click();
    await coach
      .getByText(/Imported 1 routine: Exit Ticket Review\./)
      .first()
      .waitFor();
    await coach.getByTestId('routine-import-problems').waitFor({ state: 'detached' });
    const items = await routinesOf(coach, gradeThree);
    const copy = items.find((r) => r.id === 'exit-ticket-review-2');
    expect(copy).toMatchObject({ name: newName, origin: 'team', totalMinutes: 12, version: 1 });
    await expect.poll(() => own.getByRole('link', { name: newName, exact: true }).count()).toBe(2);
    await checkPage(coach, 'routine-library-imported');
  });
});
