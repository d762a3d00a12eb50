/**
 * Meeting day on a phone and on the wall (issue 10): one meeting runs all three routines back to back
 * (Share Successes, Problem-Solve, Peer Modeling) with the coach facilitating (and modeling the practice), Sam
 * and Jo taking part, and the projector open. On every step, each person's tool for that step is on the first
 * screen at 390x844 and at 1920x1080, and the rest of the step's work within one scroll on a phone; the
 * presenter chosen in the lobby is the one the meeting gets; the projector shows the team's work as it is
 * written and never a private reflection.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkPage, screenshotDir, viewports } from './axe';
import { describeE2E, sharedBrowser, releaseBrowser, startApp, type AppUnderTest } from './harness';
import { skipRestAfterFailure } from './journey';
import {
  demo,
  demoPassword,
  expectAllOnFirstScreen,
  openAgendaMeeting,
  recordSocketTraffic,
  signInWithSession,
} from './meetings-helpers';

const team = 'Grade 3 Team';
const meetingTitle = 'Grade 3 meeting day';
type Kind = 'reflect' | 'present' | 'observe' | 'questions' | 'discussion' | 'final';
interface Step {
  title: string;
  kind: Kind;
  /** A quiet, individual step: the private reflection leads. */
  quiet?: boolean;
}
const routines: { name: string; steps: Step[] }[] = [
  {
    name: 'Share Successes',
    steps: [
      { title: 'Pick a success', kind: 'reflect', quiet: true },
      { title: 'Tell the success story', kind: 'present' },
      { title: 'Clarifying questions', kind: 'questions' },
      { title: 'The team analyzes the success', kind: 'discussion' },
      { title: 'The presenter responds', kind: 'reflect' },
      { title: 'Final discussion', kind: 'final' },
    ],
  },
  {
    name: 'Problem-Solve Collaboratively',
    steps: [
      { title: 'Pick a problem of practice', kind: 'reflect', quiet: true },
      { title: 'Present the dilemma', kind: 'present' },
      { title: 'Clarifying questions', kind: 'questions' },
      { title: 'Probing questions', kind: 'questions' },
      { title: 'The team discusses', kind: 'discussion' },
      { title: 'The presenter responds', kind: 'reflect' },
      { title: 'Final discussion', kind: 'final' },
    ],
  },
  {
    name: 'Practice Peer Modeling',
    steps: [
      { title: 'Observe the model', kind: 'observe' },
      { title: 'Reflect and prepare questions', kind: 'reflect', quiet: true },
      { title: 'Discuss and question the model', kind: 'discussion' },
      { title: 'Final discussion', kind: 'final' },
    ],
  },
];
interface Viewport {
  width: number;
  height: number;
}
const facilitatorSecret = `FACILITATOR-PRIVATE-${Math.random().toString(36).slice(2, 10)}`;

describeE2E('meeting day: phone-first device view and the projector', () => {
  let app: AppUnderTest;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let facilitator: Page;
  let presenter: Page;
  let participant: Page;
  let projector: Page;
  let meetingPath = '';
  let projectorTraffic: () => string = () => '';
  /** Who presents each routine, by name, as the lobby's picker showed it when the meeting started. */
  let presenters: string[] = [];
  /** The lowest bottom of a person's tool on a first screen, at each size. */
  const bottoms = new Map<Viewport, number[]>();
  /** At 390x844: the bottom of each step's work (its tools, guide, record, note, cards, reflection). */
  const stepBottoms: number[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: viewports.phone, reducedMotion: 'reduce' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    return context.newPage();
  }
  const people = () =>
    [
      [demo.coach.name, facilitator],
      [demo.teacher1.name, presenter],
      [demo.teacher2.name, participant],
    ] as const;

  skipRestAfterFailure('meeting-day', () => [
    ['facilitator', facilitator],
    ['presenter', presenter],
    ['participant', participant],
    ['projector', projector],
  ]);

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ demo: true, database: 'shared' }), sharedBrowser()]);
    const password = demoPassword(app);
    [facilitator, presenter, participant] = await Promise.all([newPage(), newPage(), newPage()]);
    await Promise.all([
      signInWithSession(facilitator, app.baseUrl, demo.coach.email, password),
      signInWithSession(presenter, app.baseUrl, demo.teacher1.email, password),
      signInWithSession(participant, app.baseUrl, demo.teacher2.email, password),
    ]);
  });

  afterAll(async () => {
    for (const [viewport, at] of bottoms)
      console.log(
        `meeting day: lowest tool bottom on a first screen at ${viewport.width}x${viewport.height} ${Math.max(...at)} px`,
      );
    if (stepBottoms.length > 0)
      console.log(`meeting day: lowest bottom of a step's work at 390x844 ${Math.max(...stepBottoms)} px`);
    for (const context of contexts) await context.close().catch(() => undefined);
    await releaseBrowser(browser);
    await (app as AppUnderTest | undefined)?.stop();
  });

  test('DAY-DEVICE-1 (DAY-PROJ-1) the presenters the lobby shows are the ones the meeting gets, without "Save roles"; the projector’s join address comes from PUBLIC_URL', async () => {
    meetingPath = await openAgendaMeeting(facilitator, app.baseUrl, team, meetingTitle, [
      'share-successes',
      'problem-solve',
      'peer-modeling',
    ]);
    await Promise.all(people().map(([, page]) => page.goto(`${app.baseUrl}${meetingPath}`)));

    projector = await newPage();
    projectorTraffic = recordSocketTraffic(projector);
    await projector.context().addCookies(await facilitator.context().cookies());
    await projector.setViewportSize(viewports.projector);
    await projector.goto(`${app.baseUrl}${meetingPath}/projector`);
    await projector.getByText('Starting soon').waitFor();
    // The harness serves the app at its PUBLIC_URL, so the address phones are told is that one.
    // The QR code opens the join page with the meeting's code filled in (it works signed in or as a guest).
    const shownCode = ((await projector.getByTestId('join-code').textContent()) ?? '').replace(
      /[^A-Z0-9]/g,
      '',
    );
    await projector
      .getByRole('img', {
        name: `QR code to join this meeting: ${app.baseUrl}/join-meeting?code=${shownCode}`,
      })
      .waitFor();
    await projector.getByText(`${new URL(app.baseUrl).host}/join-meeting`).waitFor();

    // Sam presents the success, Jo the dilemma, and the coach, who facilitates, models the practice: one phone
    // carries the facilitator's controls and the model's record together, and the record's Save button is still
    // on the first screen (issue 10).
    const picker = (routine: string) =>
      facilitator.getByRole('combobox', { name: new RegExp(`Presenter for ${routine}`) });
    await picker('Share Successes').selectOption({ label: demo.teacher1.name });
    await picker('Problem-Solve Collaboratively').selectOption({ label: demo.teacher2.name });
    await picker('Practice Peer Modeling').selectOption({ label: `${demo.coach.name} (you)` });
    await facilitator.getByTestId('roles-pending').waitFor();
    presenters = [];
    for (const routine of routines) {
      const shown = ((await picker(routine.name).locator('option:checked').textContent()) ?? '').trim();
      presenters.push(shown.replace(/ \(you\)$/, ''));
    }
    expect(presenters).toEqual([demo.teacher1.name, demo.teacher2.name, demo.coach.name]);
    await checkPage(facilitator, 'day-lobby');

    // Start without "Save roles": the roles shown go with the start.
    await facilitator.getByRole('button', { name: 'Start the meeting' }).click();
    await participant.getByText('Routine 1 of 3: Share Successes · Step 1 of 6').waitFor();
    await participant
      .getByTestId('presence')
      .locator('li', { hasText: demo.teacher1.name })
      .getByText(/Presenter/)
      .waitFor();
    await participant.getByTestId('speaker').waitFor();
  });

  test('DAY-DEVICE-2, DAY-DEVICE-3, DAY-DEVICE-4, DAY-PROJ-2, DAY-PROJ-3 every step of the three routines: each person’s tool is on the first screen at 390x844 and 1920x1080, and the rest of the step within one scroll on a phone; the projector shows the work and nothing private', async () => {
    /** The size each person's page is at now (checkPage leaves a page at projector size). */
    const sizeOf = new Map<Page, Viewport>(
      people().map(([, page]) => [page, page.viewportSize() ?? viewports.phone]),
    );
    const resize = async (pages: Page[], viewport: Viewport) => {
      await Promise.all(
        pages
          .filter((page) => sizeOf.get(page)?.width !== viewport.width)
          .map(async (page) => {
            await page.setViewportSize(viewport);
            // The page reacts to the new width in its next frame (a fold opens or closes on crossing the phone
            // breakpoint, DAY-DEVICE-4): measure after two frames, as a person would see it.
            await page.evaluate(
              () =>
                new Promise<void>((resolve) => {
                  requestAnimationFrame(() => {
                    requestAnimationFrame(() => {
                      resolve();
                    });
                  });
                }),
            );
            sizeOf.set(page, viewport);
          }),
      );
    };
    const photographed = new Set<string>();
    let stepNumber = 0;
    for (const [part, routine] of routines.entries()) {
      for (const [i, step] of routine.steps.entries()) {
        stepNumber += 1;
        const eyebrow = `Routine ${part + 1} of 3: ${routine.name} · Step ${i + 1} of ${routine.steps.length}`;
        for (const [, page] of people()) await page.getByText(eyebrow).waitFor();
        await projector.getByRole('heading', { level: 1, name: step.title, exact: true }).waitFor();

        // Both sizes on every step, the three people's pages checked together: first the size most of them are
        // at, then the other, so a step costs one resize of each page rather than two.
        const atPhone = (sizeOf.get(participant) ?? viewports.phone).width === viewports.phone.width;
        for (const viewport of [
          atPhone ? viewports.phone : viewports.projector,
          atPhone ? viewports.projector : viewports.phone,
        ]) {
          await resize(
            people().map(([, page]) => page),
            viewport,
          );
          const checked = await Promise.all(
            people().map(([name, page]) => {
              const role =
                name === presenters[part] ? 'presenter' : page === facilitator ? 'facilitator' : 'member';
              return expectAllOnFirstScreen(
                page,
                toolOf(page, step, role, page === facilitator).map(
                  ([what, target]) =>
                    [`${routine.name} / ${step.title}: ${what} for ${name} (${role})`, target] as const,
                ),
              );
            }),
          );
          bottoms.set(viewport, [...(bottoms.get(viewport) ?? []), ...checked.flat()]);
          // DAY-DEVICE-4: one scroll at most to anything else in the step on a phone.
          if (viewport === viewports.phone)
            stepBottoms.push(
              ...(await Promise.all(
                people().map(([name, page]) =>
                  expectStepWithinTwoScreens(page, `${routine.name} / ${step.title} for ${name}`),
                ),
              )),
            );
          // A phone screenshot of each kind of step where it first comes (later ones of the kind look alike).
          const screen = `${step.kind}${step.quiet ? '-quiet' : ''}`;
          if (viewport === viewports.phone && !photographed.has(screen)) {
            photographed.add(screen);
            await Promise.all(
              [facilitator, participant].map((page) =>
                page.screenshot({
                  path: join(
                    screenshotDir,
                    `day-step-${String(stepNumber).padStart(2, '0')}-${page === facilitator ? 'facilitator' : 'member'}-phone.png`,
                  ),
                }),
              ),
            );
          }
        }
        // The team's work in Share Successes is written on phones.
        if (part === 0)
          await resize(
            people().map(([, page]) => page),
            viewports.phone,
          );

        if (step.kind === 'present' || step.kind === 'observe') {
          // DAY-DEVICE-1: each routine runs with the presenter the lobby's picker showed.
          expect(await participant.getByTestId('speaker').textContent()).toContain(presenters[part]);
        }
        if (part === 0 && i === 0) {
          // The facilitator's own private reflection reaches neither the projector's page nor its socket.
          await facilitator.getByRole('textbox', { name: 'Private reflection' }).fill(facilitatorSecret);
          await facilitator.getByRole('button', { name: 'Save privately' }).click();
          await facilitator.getByTestId('my-reflections').getByText(facilitatorSecret).waitFor();
          await checkPage(participant, 'day-quiet-step');
          sizeOf.set(participant, viewports.projector);
        }
        if (part === 0 && step.kind === 'present') {
          const story = presenter.locator('form', { has: presenter.getByRole('textbox', { name: 'Title' }) });
          await story.getByRole('textbox', { name: 'Title' }).fill('Number talks every morning');
          await story.getByRole('button', { name: 'Save' }).click();
          await projector.getByTestId('projector-work').getByText('Number talks every morning').waitFor();
        }
        if (part === 0 && step.kind === 'questions') {
          // A question card reaches the wall within a second of its submission.
          const text = 'How long does one number talk take?';
          await participant.getByRole('textbox', { name: 'Clarifying question' }).fill(text);
          const submitted = Date.now();
          await participant.getByRole('button', { name: 'Add question' }).click();
          await projector.getByTestId('projector-questions').getByText(text).waitFor({ timeout: 5_000 });
          const took = Date.now() - submitted;
          console.log(`question card on the projector after ${took} ms`);
          expect(took).toBeLessThan(1_000);
          await checkPage(participant, 'day-questions');
          sizeOf.set(participant, viewports.projector);
        }
        if (part === 0 && step.kind === 'discussion') {
          const note = facilitator.locator('form', {
            has: facilitator.getByRole('textbox', { name: 'Shared note for this step' }),
          });
          await note.getByRole('textbox').fill('Short, daily and predictable: students know what comes.');
          await note.getByRole('button', { name: 'Save' }).click();
          await projector.getByTestId('projector-note').getByText('Short, daily and predictable').waitFor();
        }
        if (part === 0 && step.kind === 'final') {
          // On a phone the final step's two other forms are folded, one tap away (DAY-DEVICE-4).
          for (const summary of ['Add a next step', 'Tag a source']) {
            const toggle = participant.locator('summary', { hasText: new RegExp(`^${summary}$`) });
            const fold = participant.locator('details', { has: toggle });
            expect(await fold.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
            await toggle.click();
          }
          const add = participant.locator('form', {
            has: participant.getByRole('button', { name: 'Add next step' }),
          });
          await add.getByRole('textbox', { name: 'Next step' }).fill('Try a number talk in room 12');
          await add.getByRole('button', { name: 'Add next step' }).click();
          await participant.locator('label', { hasText: 'Mastery experience' }).click();
          await participant
            .getByRole('textbox', { name: 'Where we saw it' })
            .fill('Sam saw it work in her room.');
          await participant.getByRole('button', { name: 'Tag source' }).click();
          await projector
            .getByTestId('projector-next-steps')
            .getByText('Try a number talk in room 12')
            .waitFor();
          await projector
            .getByTestId('projector-sources')
            .getByText('Sam saw it work in her room.')
            .waitFor();
          await checkPage(facilitator, 'day-final');
          sizeOf.set(facilitator, viewports.projector);
          await checkPage(projector, 'day-projector-final');
          await projector.setViewportSize(viewports.projector);
          // Read from the back of the room: the wall never scrolls, with the work on it.
          expect(await projector.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
            1080,
          );
        }

        const isLast = part === routines.length - 1 && i === routine.steps.length - 1;
        if (!isLast) {
          await resize([facilitator], viewports.phone);
          await facilitator.getByRole('button', { name: /^(Next step|Next routine: .*)$/ }).click();
        }
      }
    }
    expect(
      projectorTraffic().includes(facilitatorSecret),
      'the facilitator’s reflection reached the projector',
    ).toBe(false);
    const html = await projector.content();
    expect(html.includes(facilitatorSecret)).toBe(false);
  });
});

/**
 * The tool a person uses in a step, as the issue names it (the reflection, the question card, the note, the
 * story record, next steps and sources): the field and the button that saves it, or what the person reads.
 */
function toolOf(
  page: Page,
  step: Step,
  role: 'facilitator' | 'presenter' | 'member',
  takesNotes: boolean,
): [string, Locator][] {
  const field = (name: string | RegExp, button: string): [string, Locator][] => {
    const box = page.getByRole('textbox', { name, exact: typeof name === 'string' });
    return [
      [`field "${String(name)}"`, box],
      [
        `button "${button}"`,
        page.locator('form', { has: box }).getByRole('button', { name: button, exact: true }),
      ],
    ];
  };
  const note = (): [string, Locator][] =>
    takesNotes
      ? field(step.kind === 'final' ? 'What we learned' : 'Shared note for this step', 'Save')
      : field('Suggest something for the note', 'Suggest');
  switch (step.kind) {
    case 'reflect':
      return step.quiet ? field('Private reflection', 'Save privately') : note();
    case 'present':
    case 'observe':
      return role === 'member'
        ? [
            [
              'the story record',
              page.getByRole('heading', { name: /^(Success story|Dilemma|Observed practice)/ }),
            ],
          ]
        : field('Title', 'Save');
    case 'questions':
      return role === 'presenter'
        ? [['the question cards', page.getByRole('heading', { name: /^Question cards/ })]]
        : field(/^(Clarifying|Probing) question$/, 'Add question');
    case 'discussion':
    case 'final':
      return note();
  }
}

/**
 * DAY-DEVICE-4: on a phone, everything the step itself holds (the timer bar and step controls, the step's tool,
 * its guide, the story record, question cards, the shared note, next steps and sources, and the private
 * reflection) ends within two screens from the top of the page: one scroll at most reaches any of it. What
 * belongs to the whole meeting (people, the meeting's next steps, settings, the list of steps) may follow.
 */
async function expectStepWithinTwoScreens(page: Page, what: string): Promise<number> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  const viewport = page.viewportSize();
  const reflection = page.getByRole('region', { name: 'My private reflection' });
  const boxes = await Promise.all([
    page.getByTestId('step-work').boundingBox(),
    reflection.count().then((n) => (n > 0 ? reflection.boundingBox() : null)),
  ]);
  if (!viewport || !boxes[0]) throw new Error(`${what}: the step's work is not on the page`);
  const bottom = Math.ceil(Math.max(...boxes.map((box) => (box ? box.y + box.height : 0))));
  expect
    .soft(bottom, `${what}: the step's work ends within two screens`)
    .toBeLessThanOrEqual(2 * viewport.height);
  return bottom;
}
