/**
 * A live meeting in three browsers against the real app (`serve --demo`): the coach facilitates a Share
 * Successes meeting of "Grade 3 Team", Sam (teacher1) presents, Jo (teacher2) takes part. Every step change
 * is timed on the other screens; a private reflection is checked never to leave its author's browser;
 * the device view and the minutes pass axe at phone and projector size (the projector's page, in e2e/meeting-day).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { skipRestAfterFailure } from './journey';
import { checkPage } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import {
  demo,
  demoPassword,
  expectTextNowhere,
  installLatencyProbes,
  measureStepChange,
  recordSocketTraffic,
  runningTimer,
  seconds,
  signInWithSession,
  stepTitle,
  timerText,
} from './meetings-helpers';

const team = 'Grade 3 Team';
const meetingTitle = 'Grade 3 weekly meeting';
const steps = [
  'Pick a success',
  'Tell the success story',
  'Clarifying questions',
  'The team analyzes the success',
  'The presenter responds',
  'Final discussion',
];
const shareSuccessesStepIds = [
  'identify',
  'describe',
  'clarify',
  'team-reflects',
  'presenter-reflects',
  'final',
];
const privateMarker = `PRIVATE-${Math.random().toString(36).slice(2, 10)}`;
const sharedNoteText = 'Students used the number line without prompting.';
const suggestionText = 'Sentence starters helped the quiet group join in.';
const actionItemText = 'Try the number-line warm-up in room 12';
const learnedText = 'Small, visible routines make success repeatable.';

describeE2E('live meeting', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let facilitator: Page;
  let presenter: Page;
  let participant: Page;
  let projector: Page;
  let meetingPath = '';
  const latencies: number[] = [];
  const socketTrafficOf: Record<string, () => string> = {};

  async function newPage(name: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    socketTrafficOf[name] = recordSocketTraffic(page);
    await installLatencyProbes(page);
    return page;
  }

  skipRestAfterFailure('meeting', () => [
    ['facilitator', facilitator],
    ['presenter', presenter],
    ['participant', participant],
    ['projector', projector],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ demo: true, database: 'shared' }), sharedBrowser()]);
    const password = demoPassword(app);
    [facilitator, presenter, participant] = await Promise.all([
      newPage('facilitator'),
      newPage('presenter'),
      newPage('participant'),
    ]);
    await Promise.all([
      signInWithSession(facilitator, app.baseUrl, demo.coach.email, password),
      signInWithSession(presenter, app.baseUrl, demo.teacher1.email, password),
      signInWithSession(participant, app.baseUrl, demo.teacher2.email, password),
    ]);
  });

  afterAll(async () => {
    if (latencies.length > 0) {
      console.log(
        `step-change latency on the other screens (ms): max ${Math.max(...latencies)}, mean ${Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length)}, all ${latencies.join(', ')}`,
      );
    }
    for (const context of contexts) await context.close().catch(() => undefined);
    // Either may be missing when start-up itself failed.
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('E2E-LIVE-1 (LIVE-UI-11, LIVE-UI-13, LIVE-UI-14, DAY-TIMER-2) the facilitator schedules a Share Successes meeting on the team page and opens it live; others join by code and by link', async () => {
    // The team runs its own copy of Share Successes with every step shortened to one minute (6 in all);
    // the routine editor has its own browser test (e2e/routines.test.ts), so the copy is made through the API.
    const groups = await facilitator.request.get(`${app.baseUrl}/api/groups`);
    const teamId = ((await groups.json()) as { items: { id: string; name: string }[] }).items.find(
      (g) => g.name === team,
    )?.id;
    const shortened = await facilitator.request.post(`${app.baseUrl}/api/groups/${teamId}/routines`, {
      headers: { origin: app.baseUrl },
      data: {
        baseId: 'share-successes',
        changes: shareSuccessesStepIds.map((stepId) => ({ op: 'update-step', stepId, minutes: 1 })),
      },
    });
    expect(shortened.status()).toBe(200);

    await facilitator.getByRole('link', { name: team, exact: true }).click();
    await facilitator.getByRole('heading', { level: 1, name: team }).waitFor();
    // DAY-TIMER-2: those who run the team's meetings see its setting, on by default.
    const teamSwitch = facilitator.getByRole('switch', { name: 'Start the timer on each step by itself' });
    expect(await teamSwitch.isChecked()).toBe(true);
    // The switch shows the team's setting, never a press its owner ignored: while a change is being saved
    // (held here until the test lets it through) it keeps focus, and a second press changes nothing (DAY-A11Y-1).
    let releaseSave = () => {};
    const held = new Promise<void>((resolve) => (releaseSave = resolve));
    await facilitator.route('**/meeting-settings', async (route) => {
      if (route.request().method() === 'PATCH') await held;
      await route.continue();
    });
    await teamSwitch.focus();
    await facilitator.keyboard.press('Space');
    expect(await teamSwitch.isChecked()).toBe(false);
    await facilitator.keyboard.press('Space');
    expect(await teamSwitch.isChecked()).toBe(false);
    expect(await teamSwitch.evaluate((input) => input === document.activeElement)).toBe(true);
    const saved = facilitator.waitForResponse(
      (response) => response.url().endsWith('/meeting-settings') && response.request().method() === 'PATCH',
    );
    releaseSave();
    await saved;
    await facilitator.unroute('**/meeting-settings');
    expect(await teamSwitch.isChecked()).toBe(false);
    await Promise.all([
      facilitator.waitForResponse(
        (response) => response.url().endsWith('/meeting-settings') && response.request().method() === 'PATCH',
      ),
      facilitator.keyboard.press('Space'),
    ]);
    await facilitator.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[role="switch"]')?.checked === true,
    );
    await facilitator.getByRole('textbox', { name: 'Title' }).fill(meetingTitle);
    await facilitator.locator('label', { hasText: 'Share Successes · 6 min' }).click();
    expect(await facilitator.getByRole('radio', { name: /Share Successes/ }).isChecked()).toBe(true);
    await facilitator.getByRole('button', { name: 'Schedule meeting' }).click();
    await facilitator.getByRole('button', { name: `Open live: ${meetingTitle}` }).click();
    await facilitator.waitForURL('**/meetings/*');
    meetingPath = new URL(facilitator.url()).pathname;
    await facilitator.getByRole('heading', { level: 1, name: meetingTitle }).waitFor();

    // The projector shows the code people type at /join-meeting.
    // Its own window with the facilitator's session: a second tab of one window would be a background tab,
    // whose animation frames Chromium throttles (every click on the facilitator's page then took ~2 s).
    projector = await newPage('projector');
    await projector.context().addCookies(await facilitator.context().cookies());
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.goto(`${app.baseUrl}${meetingPath}/projector`);
    await projector.getByText('Starting soon').waitFor();
    await projector.getByRole('img', { name: /QR code to join this meeting/ }).waitFor();
    const code = ((await projector.getByTestId('join-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

    await presenter.goto(`${app.baseUrl}/join-meeting`);
    await presenter.getByRole('textbox', { name: 'Meeting code' }).fill(code.toLowerCase());
    await presenter.getByRole('button', { name: 'Join meeting' }).click();
    await presenter.waitForURL(`**${meetingPath}`);

    await participant.getByRole('link', { name: team, exact: true }).click();
    await participant.getByRole('link', { name: `Join: ${meetingTitle}` }).click();
    await participant.waitForURL(`**${meetingPath}`);

    for (const page of [facilitator, presenter, participant]) {
      await page.getByTestId('presence').getByText(demo.teacher2.name).waitFor();
      await page.getByTestId('presence').getByText(demo.teacher1.name).waitFor();
    }
    await presenter.getByText('The facilitator will start the meeting in a moment.').waitFor();
  });

  test('E2E-LIVE-2 (LIVE-UI-1, LIVE-UI-4, LIVE-UI-10, DAY-TIMER-1) the facilitator assigns Sam as presenter and starts; every screen shows step 1 of 6, its timer already running', async () => {
    await facilitator
      .getByRole('combobox', { name: /Presenter/ })
      .selectOption({ label: demo.teacher1.name });
    await facilitator.getByRole('button', { name: 'Save roles' }).click();
    await participant
      .getByTestId('presence')
      .getByText(/Presenter/)
      .waitFor();

    const reached = await measureStepChange(
      facilitator,
      () => facilitator.getByRole('button', { name: 'Start the meeting' }).click(),
      steps[0]!,
      [presenter, participant, projector],
    );
    latencies.push(...reached);
    for (const page of [facilitator, presenter, participant]) {
      await page.getByText('Share Successes · Step 1 of 6').waitFor();
      // DAY-TIMER-1: the team's default starts the first step's timer with the meeting; nobody clicks it.
      await page.getByTestId('timer-status').getByText('Running').waitFor();
      expect(seconds(await timerText(page))).toBeGreaterThan(50);
    }
    await projector.getByText('Running').waitFor();
    expect(await projector.getByText('Not started').count()).toBe(0);
    // Who speaks names the presenter on everyone's screen.
    await facilitator.getByRole('button', { name: 'Next step' }).waitFor();
    expect(await presenter.getByRole('button', { name: 'Next step' }).count()).toBe(0);
  });

  test('E2E-LIVE-3 (LIVE-UI-2, LIVE-UI-5) pause, resume and +1/+2 minutes change the time every screen shows', async () => {
    // The timer started by itself (DAY-TIMER-1): it counts down on every screen.
    await participant.getByTestId('timer-status').getByText('Running').waitFor();
    await participant.waitForFunction(
      () => document.querySelector('[data-testid="timer"]')?.textContent !== '1:00',
      undefined,
      { timeout: 3_000 },
    );

    // Space pauses (the documented shortcut), while focus is not in a field.
    await facilitator.locator('body').click({ position: { x: 5, y: 5 } });
    await facilitator.keyboard.press('Space');
    await participant.getByTestId('timer-status').getByText('Paused').waitFor();
    const frozen = await timerText(participant);
    await participant.waitForTimeout(1_200);
    expect(await timerText(participant)).toBe(frozen);

    await facilitator.getByRole('button', { name: '+1 min' }).click();
    await participant.waitForFunction(
      (before) => document.querySelector('[data-testid="timer"]')?.textContent !== before,
      frozen,
    );
    expect(seconds(await timerText(participant))).toBe(seconds(frozen) + 60);
    await facilitator.keyboard.press('2');
    await presenter.waitForFunction(
      (expected) => document.querySelector('[data-testid="timer"]')?.textContent === expected,
      `${Math.floor((seconds(frozen) + 180) / 60)}:${String((seconds(frozen) + 180) % 60).padStart(2, '0')}`,
    );

    await facilitator.getByRole('button', { name: 'Resume' }).click();
    await presenter.getByTestId('timer-status').getByText('Running').waitFor();
    await projector.getByText('Running').waitFor();
  });

  test('E2E-LIVE-4 (LIVE-UI-8, LIVE-UI-15, DAY-TIMER-1, DAY-TIMER-6) a private reflection stays in its author’s browser; the step moves on everywhere within a second, its timer started, the projector and a phone within 250 ms', async () => {
    await participant
      .getByRole('textbox', { name: 'Private reflection' })
      .fill(`My own note ${privateMarker}`);
    await participant.getByRole('button', { name: 'Save privately' }).click();
    await participant.getByTestId('my-reflections').getByText(privateMarker).waitFor();
    await participant.getByTestId('my-reflections').getByText('Private', { exact: true }).waitFor();
    await checkPage(participant, 'meeting-device-step1');

    const reached = await measureStepChange(
      facilitator,
      () => facilitator.getByRole('button', { name: 'Next step' }).click(),
      steps[1]!,
      [presenter, participant, projector],
    );
    latencies.push(...reached);
    // DAY-TIMER-1, DAY-TIMER-6: step 2's one minute started with the move, and the projector and a phone agree
    // on the time left within 250 ms (each with its own clock offset, compared at one instant).
    const movedAt = await facilitator.evaluate(() => window.__lastInputAt ?? 0);
    const [onWall, onPhone] = await Promise.all([
      runningTimer(projector, 60_000),
      runningTimer(participant, 60_000),
    ]);
    for (const seen of [onWall, onPhone]) {
      expect(seconds(seen.text)).toBeGreaterThan(50);
      expect(seen.endsAt - movedAt).toBeGreaterThan(60_000 - 250);
      expect(seen.endsAt - movedAt).toBeLessThan(60_000 + 1_000);
    }
    expect(Math.abs(onWall.endsAt - onPhone.endsAt)).toBeLessThanOrEqual(250);
    console.log(`projector and phone countdowns ${Math.abs(onWall.endsAt - onPhone.endsAt)} ms apart`);
    await presenter.getByText('Share Successes · Step 2 of 6').waitFor();
    for (const [name, page] of [
      ['facilitator', facilitator],
      ['presenter', presenter],
      ['projector', projector],
    ] as const) {
      await expectTextNowhere(page, privateMarker, `the ${name}'s page`);
    }
  });

  test('E2E-LIVE-5 (LIVE-UI-6, LIVE-UI-7, LIVE-UI-10) the presenter records the story; a suggestion made offline waits, then becomes part of the shared note; a question card is asked', async () => {
    const story = presenter.locator('section', {
      has: presenter.getByRole('heading', { name: /Success story/ }),
    });
    await story.getByRole('textbox', { name: 'Title' }).fill('Number lines in small groups');
    await story
      .getByRole('textbox', { name: 'What happened' })
      .fill('I modelled it once, then let the groups lead.');
    await story.getByRole('button', { name: 'Save' }).click();
    await participant.getByTestId('presentation').getByText('Number lines in small groups').waitFor();

    const note = facilitator.locator('section', {
      has: facilitator.getByRole('heading', { name: 'Shared note', exact: true }),
    });
    await note.getByRole('textbox', { name: 'Shared note for this step' }).fill(sharedNoteText);
    await note.getByRole('button', { name: 'Save' }).click();
    await participant.getByTestId('shared-note').getByText(sharedNoteText).waitFor();

    // Offline, a suggestion waits in the outbox (and says so); back online, it is sent and arrives once.
    await participant.context().setOffline(true);
    await participant.getByText('You are offline. Ensemble keeps trying to reconnect.').waitFor();
    await participant.getByRole('textbox', { name: 'Suggest something for the note' }).fill(suggestionText);
    await participant.getByRole('button', { name: 'Suggest', exact: true }).click();
    await participant
      .getByTestId('queued-count')
      .getByText('1 change is waiting and will be sent when you are back.')
      .waitFor();
    await participant.context().setOffline(false);
    await facilitator
      .getByRole('button', { name: `Add to note: suggestion from ${demo.teacher2.name}` })
      .click();
    await facilitator
      .getByRole('button', { name: /^Add to note: suggestion from/ })
      .waitFor({ state: 'detached' });
    await participant.getByTestId('shared-note').getByText(suggestionText).waitFor();

    latencies.push(
      ...(await measureStepChange(
        facilitator,
        () => facilitator.getByRole('button', { name: 'Next step' }).click(),
        steps[2]!,
        [presenter, participant, projector],
      )),
    );
    await participant
      .getByRole('textbox', { name: 'Clarifying question' })
      .fill('How long did the warm-up take?');
    await participant.getByRole('button', { name: 'Add question' }).click();
    await presenter.getByTestId('question-cards').getByText('How long did the warm-up take?').waitFor();
    await presenter.getByText('As the presenter, you answer the questions.').waitFor();
  });

  test('E2E-LIVE-6 (LIVE-UI-5, LIVE-UI-9, LIVE-UI-15) through every step to the final discussion; next steps, what we learned and a source of efficacy are recorded', async () => {
    // B goes back and N forward again (the documented shortcuts), reaching every screen like the buttons do.
    await facilitator.locator('body').click({ position: { x: 5, y: 5 } });
    latencies.push(
      ...(await measureStepChange(facilitator, () => facilitator.keyboard.press('b'), steps[1]!, [
        presenter,
        participant,
        projector,
      ])),
    );
    latencies.push(
      ...(await measureStepChange(facilitator, () => facilitator.keyboard.press('n'), steps[2]!, [
        presenter,
        participant,
        projector,
      ])),
    );
    for (const title of steps.slice(3)) {
      latencies.push(
        ...(await measureStepChange(
          facilitator,
          () => facilitator.getByRole('button', { name: 'Next step' }).click(),
          title,
          [presenter, participant, projector],
        )),
      );
    }
    expect(await stepTitle(presenter)).toBe('Final discussion');
    // The projector at the final discussion passes axe in e2e/meeting-day.test.ts (day-projector-final), with
    // next steps and sources on it too.
    // Read from the back of the room: the projector view fits 1920x1080 without scrolling, even with the long final prompts.
    expect(await projector.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);

    const add = participant.locator('form', {
      has: participant.getByRole('button', { name: 'Add next step' }),
    });
    await add.getByRole('textbox', { name: 'Next step' }).fill(actionItemText);
    await add.getByRole('combobox', { name: /Who/ }).selectOption({ label: demo.teacher1.name });
    await add.getByRole('button', { name: 'Add next step' }).click();
    await facilitator.getByTestId('action-items').getByText(actionItemText).waitFor();

    const learned = facilitator.locator('section', {
      has: facilitator.getByRole('heading', { name: 'What we learned' }),
    });
    await learned.getByRole('textbox', { name: 'What we learned' }).fill(learnedText);
    await learned.getByRole('button', { name: 'Save' }).click();

    await participant.locator('label', { hasText: 'Mastery experience' }).click();
    await participant
      .getByRole('textbox', { name: 'Where we saw it' })
      .fill('Sam saw her own choice work for students.');
    await participant.getByRole('button', { name: 'Tag source' }).click();
    await presenter
      .getByTestId('source-tags')
      .getByText('Sam saw her own choice work for students.')
      .waitFor();
    await checkPage(facilitator, 'meeting-device-final');

    for (const [name, page] of [
      ['facilitator', facilitator],
      ['presenter', presenter],
      ['projector', projector],
    ] as const) {
      await expectTextNowhere(page, privateMarker, `the ${name}'s page`);
      expect(
        socketTrafficOf[name]!().includes(privateMarker),
        `${privateMarker} reached the ${name}'s browser`,
      ).toBe(false);
    }
    expect(socketTrafficOf.participant!().includes(privateMarker)).toBe(true); // the recorder does see traffic

    for (const latency of latencies) expect(latency).toBeLessThan(1_000);
  });

  test('E2E-LIVE-7 (LIVE-UI-12, LIVE-UI-15, DAY-TIMER-4, DAY-TIMER-5) the facilitator ends the meeting; the minutes and their Markdown hold the shared work, real step times and no private reflection', async () => {
    await facilitator.getByRole('button', { name: 'End the meeting' }).click();
    await facilitator.getByRole('alertdialog').getByRole('button', { name: 'End the meeting' }).click();
    await participant.getByText('The meeting has ended').first().waitFor();
    await projector.getByText('Thank you, everyone.').waitFor();

    await participant.getByRole('link', { name: 'Open the minutes' }).click();
    await participant.waitForURL(`**${meetingPath}/minutes`);
    await participant.getByRole('heading', { level: 1, name: `Minutes: ${meetingTitle}` }).waitFor();
    for (const text of [
      sharedNoteText,
      suggestionText,
      actionItemText,
      learnedText,
      'Number lines in small groups',
      'How long did the warm-up take?',
    ]) {
      await participant.getByText(text).first().waitFor();
    }
    await participant.getByRole('row', { name: /Final discussion/ }).waitFor();
    await expectTextNowhere(participant, privateMarker, 'the minutes page');
    await checkPage(participant, 'meeting-minutes');

    const markdownHref = await participant
      .getByRole('link', { name: 'Download Markdown' })
      .getAttribute('href');
    expect(markdownHref).toBe(`/api${meetingPath}/minutes.md`);
    const markdown = await (await participant.request.get(`${app.baseUrl}${markdownHref ?? ''}`)).text();
    expect(markdown).toContain(actionItemText);
    expect(markdown).toContain(sharedNoteText);
    expect(markdown).not.toContain(privateMarker);
    // DAY-TIMER-4, DAY-TIMER-5: steps that happened have their real time, said plainly; planned 1 + 3 added.
    expect(markdown).toMatch(/\| Pick a success \| 4 min \| (under 1 min|\d+ min) \|/);
    expect(markdown).not.toMatch(/\d\.\d+ min/);
    const row = await participant.getByRole('row', { name: /Pick a success/ }).textContent();
    expect(row).not.toMatch(/\d\.\d|not timed/);
    const minutesJson = await (
      await participant.request.get(`${app.baseUrl}/api${meetingPath}/minutes`)
    ).text();
    expect(minutesJson).not.toContain(privateMarker);
    const steps = (
      JSON.parse(minutesJson) as { parts: { steps: { title: string; actualMs: number; timed: boolean }[] }[] }
    ).parts[0]?.steps;
    for (const title of ['Pick a success', 'Tell the success story', 'Final discussion'])
      expect(steps?.find((step) => step.title === title)?.timed).toBe(true);
    expect(steps?.find((step) => step.title === 'Tell the success story')?.actualMs).toBeGreaterThan(1_000);
  });

  test('E2E-LIVE-8 (MEET-AGENDA-9) an agenda of two routines: scheduled on the team page, a presenter for each, the second routine follows the first, the minutes have a section each', async () => {
    const agendaTitle = 'Grade 3 PLC session';
    await facilitator.goto(`${app.baseUrl}/`);
    await facilitator.getByRole('link', { name: team, exact: true }).click();
    await facilitator.getByRole('textbox', { name: 'Title' }).fill(agendaTitle);
    await facilitator.locator('label', { hasText: 'Share Successes · 6 min' }).click();
    await facilitator.getByRole('button', { name: 'Add a routine' }).click();
    await facilitator.getByRole('combobox', { name: /Routine 2/ }).waitFor();
    await facilitator.getByText('2 routines, 28 minutes in all').waitFor();
    await checkPage(facilitator, 'team-schedule-agenda');
    await facilitator.getByRole('button', { name: 'Schedule meeting' }).click();
    await facilitator.getByText('Share Successes + Problem-Solve Collaboratively · 28 min').waitFor();
    await facilitator.getByRole('button', { name: `Open live: ${agendaTitle}` }).click();
    await facilitator.waitForURL('**/meetings/*');
    const path = new URL(facilitator.url()).pathname;
    await Promise.all([presenter.goto(`${app.baseUrl}${path}`), participant.goto(`${app.baseUrl}${path}`)]);

    // Sam presents the success, Jo the dilemma.
    await facilitator
      .getByRole('combobox', { name: /Presenter for Share Successes/ })
      .selectOption({ label: demo.teacher1.name });
    await facilitator
      .getByRole('combobox', { name: /Presenter for Problem-Solve Collaboratively/ })
      .selectOption({ label: demo.teacher2.name });
    await facilitator.getByRole('button', { name: 'Save roles' }).click();
    // As a person would: the roles are saved (the button has nothing left to save) before the meeting starts.
    await expect.poll(() => facilitator.getByRole('button', { name: 'Save roles' }).isDisabled()).toBe(true);
    await facilitator.getByRole('button', { name: 'Start the meeting' }).click();
    await facilitator.getByText('Routine 1 of 2: Share Successes · Step 1 of 6').waitFor();
    await participant.getByText('Routine 1 of 2: Share Successes · Step 1 of 6').waitFor();
    await participant.getByRole('heading', { name: 'Agenda' }).waitFor();

    for (const title of steps.slice(1)) {
      await facilitator.getByRole('button', { name: 'Next step', exact: true }).click();
      await facilitator.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    }
    // The first routine's final step leads into the second routine, and its button says so.
    await facilitator.getByRole('button', { name: 'Next routine: Problem-Solve Collaboratively' }).click();
    await facilitator.getByRole('heading', { level: 1, name: 'Pick a problem of practice' }).waitFor();
    await participant.getByText('Routine 2 of 2: Problem-Solve Collaboratively · Step 1 of 7').waitFor();
    // Jo now presents, and the presence list says so on Sam's screen.
    await presenter
      .getByTestId('presence')
      .locator('li', { hasText: demo.teacher2.name })
      .getByText(/Presenter/)
      .waitFor();
    // Commands name the second routine's steps by their meeting ids (p2-…): a reflection there is kept.
    await participant.getByRole('textbox', { name: 'Private reflection' }).fill('A dilemma I share');
    await participant.getByRole('button', { name: 'Save privately' }).click();
    await participant.getByTestId('my-reflections').getByText('A dilemma I share').waitFor();
    await checkPage(participant, 'meeting-device-agenda');

    // Before the last step, ending early sits under "Roles and settings".
    await facilitator.getByText('Roles and settings').click();
    await facilitator.getByRole('button', { name: 'End the meeting' }).click();
    await facilitator.getByRole('alertdialog').getByRole('button', { name: 'End the meeting' }).click();
    await participant.getByRole('link', { name: 'Open the minutes' }).click();
    await participant.getByRole('heading', { level: 2, name: '1. Share Successes' }).waitFor();
    await participant.getByRole('heading', { level: 2, name: '2. Problem-Solve Collaboratively' }).waitFor();
    await checkPage(participant, 'meeting-minutes-agenda');
  });
});
