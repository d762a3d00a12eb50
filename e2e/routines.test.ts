/**
 * Adapting a routine in the browser against the real app (`serve --demo`): the coach (facilitator of
 * "Grade 3 Team") opens the team's routines, adapts Share Successes and saves version 2; the saved routine is
 * read back through the API; invalid edits are refused without saving; a plain member (Sam, teacher1) sees the
 * routine read-only. The list, the read view and the editor pass axe at phone and projector size.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { skipRestAfterFailure } from './journey';
import type { Routine } from '../src/contracts/routine';
import { checkPage } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import { demo, demoPassword, signInWithSession } from './meetings-helpers';

const team = 'Grade 3 Team';
const newPrompt = 'Which fact would help you picture this in your own classroom?';
/** Share Successes after the edit: "Clarifying questions" moved one place down. */
const editedOrder = [
  'Pick a success',
  'Tell the success story',
  'The team analyzes the success',
  'Clarifying questions',
  'The presenter responds',
  'Final discussion',
];

describeE2E('routine editing', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let facilitator: Page;
  let member: Page;
  let groupId = '';
  /** POST /api/groups/:groupId/routines requests the facilitator's page has sent. */
  let saves = 0;

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  }

  const routineUrl = () => `${app.baseUrl}/api/groups/${groupId}/routines/share-successes`;
  async function savedRoutine(): Promise<Routine> {
    const response = await facilitator.request.get(routineUrl());
    expect(response.status()).toBe(200);
    return (await response.json()) as Routine;
  }
  const stepTitles = (page: Page, testId: string) =>
    page
      .getByTestId(testId)
      .locator('h3')
      .evaluateAll((headings) =>
        // The heading reads "Step 3 Clarifying questions"; the title is what follows the number.
        headings.map((h) => (h.childNodes[h.childNodes.length - 1]?.textContent ?? '').trim()),
      );
  const focusedLabel = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

  skipRestAfterFailure('routines', () => [
    ['facilitator', facilitator],
    ['member', member],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ demo: true, database: 'shared' }), sharedBrowser()]);
    const password = demoPassword(app);
    [facilitator, member] = await Promise.all([newPage(), newPage()]);
    facilitator.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/groups\/[^/]+\/routines$/.test(request.url())) saves++;
    });
    await Promise.all([
      signInWithSession(facilitator, app.baseUrl, demo.coach.email, password),
      signInWithSession(member, app.baseUrl, demo.teacher1.email, password),
    ]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('ROUTINE-EDIT-1 (WEB-A11Y-1): the team page links to its routines; the list shows each routine with its minutes and steps', async () => {
    await facilitator.getByRole('link', { name: team, exact: true }).click();
    await facilitator.getByRole('heading', { level: 1, name: team }).waitFor();
    groupId = new URL(facilitator.url()).pathname.split('/')[2] ?? '';
    await facilitator.getByRole('link', { name: 'Routines', exact: true }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Routines' }).waitFor();
    const list = facilitator.getByTestId('routine-list');
    await list.getByRole('link', { name: 'Share Successes', exact: true }).waitFor();
    expect(await list.locator('li').first().textContent()).toContain('16 minutes · 6 steps');
    expect(await list.getByRole('link', { name: /^Adapt / }).count()).toBe(3);
    await checkPage(facilitator, 'routines-list');
  });

  test('ROUTINE-EDIT-8 (ROUTINE-EDIT-5, WEB-A11Y-1): a facilitator sets every step of Share Successes to 1 minute, changes a prompt, moves a step with the keyboard and saves version 2', async () => {
    await facilitator.getByRole('link', { name: 'Share Successes', exact: true }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Share Successes' }).waitFor();
    expect(await facilitator.getByTestId('routine-facts').textContent()).toContain(
      'Ensemble’s routine, version 1',
    );
    await checkPage(facilitator, 'routine-read');

    await facilitator.getByRole('button', { name: 'Edit routine' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Editing Share Successes' }).waitFor();
    await checkPage(facilitator, 'routine-edit');

    const minutes = facilitator.getByRole('textbox', { name: 'Minutes' });
    expect(await minutes.count()).toBe(6);
    for (let i = 0; i < 6; i++) await minutes.nth(i).fill('1');
    expect(await facilitator.getByTestId('total-minutes').textContent()).toBe('Total: 6 of 240 minutes');

    const clarify = facilitator.getByTestId('step-editor').nth(2);
    await clarify.getByRole('textbox', { name: 'Prompt 1' }).fill(newPrompt);

    // Keyboard only: the moved step's button keeps focus, so pressing again would move it further.
    await facilitator.getByRole('button', { name: 'Move down: Clarifying questions' }).focus();
    await facilitator.keyboard.press('Enter');
    expect(await stepTitles(facilitator, 'editor-steps')).toEqual(editedOrder);
    expect(await focusedLabel(facilitator)).toBe('Move down: Clarifying questions');
    await facilitator.getByText('Clarifying questions is now step 4 of 6.').waitFor({ state: 'attached' });

    await facilitator.getByRole('button', { name: 'Save', exact: true }).click();
    await facilitator.getByText('Saved as version 2.').first().waitFor();
    await facilitator.getByRole('heading', { level: 1, name: 'Share Successes' }).waitFor();
    expect(await facilitator.getByTestId('routine-facts').textContent()).toContain(
      '6 minutes · 6 steps · Your team’s version 2, based on Ensemble’s version 1',
    );
    // Back in read mode, focus is on the button that opened the editor.
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Edit routine');
    expect(await stepTitles(facilitator, 'routine-steps')).toEqual(editedOrder);
    expect(saves).toBe(1);

    const saved = await savedRoutine();
    expect(saved.version).toBe(2);
    expect(saved.basedOn).toEqual({ id: 'share-successes', version: 1 });
    expect(saved.steps.map((s) => s.minutes)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(saved.steps.map((s) => s.title)).toEqual(editedOrder);
    expect(saved.steps.find((s) => s.id === 'clarify')?.prompts[0]).toBe(newPrompt);
  });

  test('ROUTINE-EDIT-6 (ROUTINE-EDIT-7, WEB-A11Y-1): a step of 0 minutes or a removed final step is refused with a clear message, and nothing is saved', async () => {
    await facilitator.getByRole('button', { name: 'Edit routine' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Editing Share Successes' }).waitFor();

    // 0 minutes: found before anything is sent, said next to the field and in the list at the top.
    const firstMinutes = facilitator.getByRole('textbox', { name: 'Minutes' }).first();
    await firstMinutes.fill('0');
    await facilitator.getByRole('button', { name: 'Save', exact: true }).click();
    const problems = facilitator.getByTestId('routine-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain(
      'Step 1 (Pick a success), Minutes: Enter a whole number of minutes from 1 to 120.',
    );
    expect(await firstMinutes.getAttribute('aria-invalid')).toBe('true');
    expect(await firstMinutes.evaluate((input) => input === document.activeElement)).toBe(true);
    await checkPage(facilitator, 'routine-edit-errors');
    expect(saves).toBe(1);

    // Leaving with unsaved changes asks first.
    await facilitator.getByRole('link', { name: `All routines of ${team}` }).click();
    await facilitator.getByRole('alertdialog', { name: 'Leave without saving?' }).waitFor();
    await facilitator.getByRole('button', { name: 'Stay and keep editing' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Editing Share Successes' }).waitFor();
    // The browser's Back asks too; staying keeps the editor, its changes and its address.
    await facilitator.evaluate(() => {
      history.back();
    });
    await facilitator.getByRole('alertdialog', { name: 'Leave without saving?' }).waitFor();
    await facilitator.getByRole('button', { name: 'Stay and keep editing' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Editing Share Successes' }).waitFor();
    expect(new URL(facilitator.url()).search).toBe('?edit=1');
    expect(await firstMinutes.inputValue()).toBe('0');

    // Removing the final step: the server's routine rules refuse it, and say so.
    await firstMinutes.fill('1');
    await facilitator.getByRole('button', { name: 'Remove step: Final discussion' }).click();
    // Focus goes to the step now at the end of the list.
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe(
      'Step 5 The presenter responds',
    );
    expect(await stepTitles(facilitator, 'editor-steps')).toEqual(editedOrder.slice(0, 5));
    await facilitator.getByRole('button', { name: 'Save', exact: true }).click();
    await problems.getByText(/exactly one final step/).waitFor();
    expect(saves).toBe(2);
    expect((await savedRoutine()).version).toBe(2);

    // A new step's sources of efficacy: native checkboxes in a group named by its legend, toggled by keyboard.
    await facilitator.getByRole('button', { name: 'Add step', exact: true }).click();
    const sources = facilitator.getByRole('group', { name: 'Sources of efficacy this step aims to build' });
    expect(await sources.getByRole('checkbox', { name: 'Social persuasion' }).isChecked()).toBe(true);
    const mastery = sources.getByRole('checkbox', { name: 'Mastery experience' });
    expect(await mastery.isChecked()).toBe(false);
    await mastery.focus();
    await facilitator.keyboard.press('Space');
    expect(await mastery.isChecked()).toBe(true);

    await facilitator.getByRole('button', { name: 'Discard changes' }).click();
    await facilitator.getByRole('alertdialog', { name: 'Discard your changes?' }).waitFor();
    await facilitator.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Share Successes' }).waitFor();
    expect(await stepTitles(facilitator, 'routine-steps')).toEqual(editedOrder);
  });

  test('ROUTINE-EDIT-1 (ROUTINE-EDIT-9): a plain member sees the adapted routine read-only, with no way to edit; the server refuses a save with 403', async () => {
    await member.goto(`${app.baseUrl}/teams/${groupId}/routines`);
    await member.getByRole('heading', { level: 1, name: 'Routines' }).waitFor();
    const list = member.getByTestId('routine-list');
    await list.getByText('Your team’s version 2, based on Ensemble’s version 1').waitFor();
    expect(await list.getByRole('link', { name: /^Adapt / }).count()).toBe(0);

    // Even with ?edit=1 in the address the page stays read-only.
    await member.goto(`${app.baseUrl}/teams/${groupId}/routines/share-successes?edit=1`);
    await member.getByRole('heading', { level: 1, name: 'Share Successes' }).waitFor();
    await member.getByText(/Only the people who run this team’s meetings/).waitFor();
    expect(await member.getByRole('button', { name: 'Edit routine' }).count()).toBe(0);
    expect(await member.getByRole('textbox').count()).toBe(0);
    expect(await member.getByTestId('step-minutes').allTextContents()).toEqual(Array(6).fill('1 minute'));
    const clarify = member.getByTestId('routine-step').nth(3);
    expect(await clarify.getByTestId('step-prompts').textContent()).toContain(newPrompt);

    const refused = await member.request.post(`${app.baseUrl}/api/groups/${groupId}/routines`, {
      headers: { Origin: app.baseUrl },
      data: { baseId: 'share-successes', changes: [{ op: 'update-routine', name: 'Ours' }] },
    });
    expect(refused.status()).toBe(403);
  });
});
