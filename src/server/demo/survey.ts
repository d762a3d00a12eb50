/**
 * The demo's closed survey wave (issue 13): the district's autumn efficacy survey, answered by most of the demo's
 * people a month ago and closed, so a visitor finds real results by source, some groups shown and some too small
 * to show. The answers are made up; like real ones they carry no person.
 */
import { buildFrame } from '#core/measure/frame';
import type { Tx } from '../db/client';
import { surveyResponses, surveyWaves } from '../db/schema';
import { closeWave } from '../surveys/close';
import { loadShippedInstruments } from '../surveys/catalog';
import { frameInput } from '../surveys/queries';

export const DEMO_SURVEY_TITLE = 'Autumn efficacy survey';
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedDemoSurvey(tx: Tx, districtId: string, now = Date.now()): Promise<void> {
  const instrument = loadShippedInstruments().get('ensemble-efficacy');
  if (!instrument) return;
  const built = buildFrame(await frameInput(tx, districtId, { kind: 'district' }));
  const [wave] = await tx
    .insert(surveyWaves)
    .values({
      districtId,
      title: DEMO_SURVEY_TITLE,
      scopeKind: 'district',
      scopeIds: [],
      instrument,
      invite: 'email',
      frame: built.frame,
      threshold: 5,
      opensOn: isoDay(now - 45 * DAY),
      closesOn: isoDay(now - 31 * DAY),
      invitedAt: new Date(now - 45 * DAY),
    })
    .returning();
  if (!wave) return;
  // Most people answered (every fourth did not); a team's answers lean its own way, so the groups differ.
  const answered = built.invitees.filter((_, i) => i % 4 !== 3);
  const rows = answered.map((person, i) => {
    const lean = (person.units[0] ?? '').length % 2 === 0 ? 1 : 0;
    const answers = instrument.items.map((item, j) => {
      const agree = Math.min(6, 3 + lean + ((i + j) % 3));
      return item.reverse ? 7 - agree : agree;
    });
    return {
      districtId,
      waveId: wave.id,
      unit: person.units[0] ?? 'district',
      roleBand: person.role,
      submittedOn: isoDay(now - (40 - (i % 7)) * DAY),
      answers,
      freeText: i === 2 ? 'Hearing how colleagues solved the same problem helps me most.' : null,
    };
  });
  if (rows.length > 0) await tx.insert(surveyResponses).values(rows);
  await closeWave(tx, wave, new Date(now - 31 * DAY));
}
