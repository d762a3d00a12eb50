/**
 * The demo's closed survey waves (issue 13, DEMO-SURVEY-1, DEMO-SURVEY-2): the district's autumn efficacy survey,
 * answered by most of the demo's people a month ago and closed, so a visitor finds real results by source, some
 * groups shown and some too small to show; and, months before it, the start-of-year survey of the same questions,
 * with lower averages on mastery and vicarious experience, so the two can be compared (MEASURE-WEB-7). The answers
 * are made up; like real ones they carry no person, and each wave is closed through the same close as a real one,
 * so the same suppression applies.
 */
import type { Construct } from '#contracts/surveys';
import { buildFrame } from '#core/measure/frame';
import type { Tx } from '../db/client';
import { and, eq, inArray } from 'drizzle-orm';
import { surveyResponses, surveyWaves, users } from '../db/schema';
import { closeWave } from '../surveys/close';
import { loadShippedInstruments } from '../surveys/catalog';
import { frameInput } from '../surveys/queries';

export const DEMO_SURVEY_TITLE = 'Autumn efficacy survey';
export const DEMO_EARLIER_SURVEY_TITLE = 'Start-of-year efficacy survey';
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface DemoWave {
  title: string;
  /** Days before now that it opened and closed. */
  opened: number;
  closed: number;
  /** Whether the i-th person of the frame answered. */
  answered: (i: number) => boolean;
  /** Points added to every other answer to a source's items (fewer where negative: an earlier, lower wave). */
  shift: Partial<Record<Construct, number>>;
  freeText: string | null;
}

/** A person's own lean, a point either way. */
const PERSON = [0, 1, -1];

const WAVES: readonly DemoWave[] = [
  {
    title: DEMO_EARLIER_SURVEY_TITLE,
    opened: 130,
    closed: 116,
    // Every third did not answer.
    answered: (i) => i % 3 !== 2,
    shift: { mastery: -2, vicarious: -1, affective_state: -1, collective: 1 },
    freeText: null,
  },
  {
    title: DEMO_SURVEY_TITLE,
    opened: 45,
    closed: 31,
    // Most people answered (every fourth did not).
    answered: (i) => i % 4 !== 3,
    shift: { affective_state: -1, collective: 1 },
    freeText: 'Hearing how colleagues solved the same problem helps me most.',
  },
];

/** `order`: the demo people's emails in the demo's own order, which decides who answers each wave (`answered`). */
export async function seedDemoSurvey(
  tx: Tx,
  districtId: string,
  order: readonly string[],
  now = Date.now(),
): Promise<void> {
  const instrument = loadShippedInstruments().get('ensemble-efficacy');
  if (!instrument) return;
  const built = buildFrame(await frameInput(tx, districtId, { kind: 'district' }));
  // Who answers is picked by position (`answered(i)`), so the positions must not depend on the order rows come
  // back in (the frame's people are read unordered, and demo ids are random): the demo's own order of people.
  const emails = new Map(
    (
      await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          and(
            eq(users.districtId, districtId),
            inArray(
              users.id,
              built.invitees.map((p) => p.userId),
            ),
          ),
        )
    ).map((u) => [u.id, u.email]),
  );
  const position = (userId: string) => order.indexOf(emails.get(userId) ?? '');
  built.invitees.sort((a, b) => position(a.userId) - position(b.userId));
  for (const spec of WAVES) {
    const [wave] = await tx
      .insert(surveyWaves)
      .values({
        districtId,
        title: spec.title,
        scopeKind: 'district',
        scopeIds: [],
        instrument,
        invite: 'email',
        frame: built.frame,
        threshold: 5,
        opensOn: isoDay(now - spec.opened * DAY),
        closesOn: isoDay(now - spec.closed * DAY),
        invitedAt: new Date(now - spec.opened * DAY),
      })
      .returning();
    if (!wave) return;
    // A team's answers lean its own way, so the groups differ.
    const answered = built.invitees.filter((_, i) => spec.answered(i));
    const rows = answered.map((person, i) => {
      // People differ too: some agree a point more or less than their team.
      const lean = ((person.units[0] ?? '').length % 2 === 0 ? 1 : 0) + (PERSON[Math.floor(i / 2) % 3] ?? 0);
      const answers = instrument.items.map((item, j) => {
        const shift = j % 2 === 0 ? (spec.shift[item.construct] ?? 0) : 0;
        const agree = Math.max(1, Math.min(6, 3 + lean + ((i + j) % 3) + shift));
        return item.reverse ? 7 - agree : agree;
      });
      return {
        districtId,
        waveId: wave.id,
        unit: person.units[0] ?? 'district',
        roleBand: person.role,
        submittedOn: isoDay(now - (spec.opened - 5 - (i % 7)) * DAY),
        answers,
        freeText: i === 2 ? spec.freeText : null,
      };
    });
    if (rows.length > 0) await tx.insert(surveyResponses).values(rows);
    await closeWave(tx, wave, new Date(now - spec.closed * DAY));
  }
}
