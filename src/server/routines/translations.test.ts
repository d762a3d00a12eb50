/**
 * I18N-CONTENT-1, -2: Ensemble's shipped routines and instruments in Spanish have the structure of their English
 * files, word for word apart from the words; a drifted file stops the start. I18N-CONTENT-3..5: who reads what.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Instrument } from '#contracts/instrument';
import { MeetingEvent } from '#contracts/meeting';
import { Routine } from '#contracts/routine';
import { instrumentStructure, routineStructure, structureDifferences } from '#core/content/translation';
import {
  instrumentIn,
  instrumentsFolder,
  loadInstrumentTranslations,
  loadShippedInstruments,
} from '../surveys/catalog';
import { negotiateLanguage, socketLanguage } from '../http/language';
import {
  loadRoutineTranslations,
  loadShippedRoutines,
  meetingEventIn,
  protocolsFolder,
  routineIn,
} from './catalog';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
/** A copy of a shipped folder to break on purpose. */
function copyOf(folder: string): string {
  const to = mkdtempSync(join(tmpdir(), 'ensemble-i18n-'));
  folders.push(to);
  cpSync(folder, to, { recursive: true });
  return to;
}
function edit(path: string, from: string | RegExp, to: string) {
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
}

/** Every string of a value, for "the words really differ" checks. */
const words = (x: unknown): string[] =>
  typeof x === 'string'
    ? [x]
    : Array.isArray(x)
      ? x.flatMap(words)
      : typeof x === 'object' && x !== null
        ? Object.values(x).flatMap(words)
        : [];

describe('I18N-CONTENT-1: the shipped routines in Spanish', () => {
  it('I18N-CONTENT-1: all six routines have a Spanish file with the same ids, steps, kinds, minutes, roles, sources and prompt counts', () => {
    const english = loadShippedRoutines();
    const spanish = loadRoutineTranslations().get('es');
    expect([...english.keys()].sort()).toEqual([
      'peer-modeling',
      'peer-modeling-leaders',
      'problem-solve',
      'problem-solve-leaders',
      'share-successes',
      'share-successes-leaders',
    ]);
    expect([...(spanish?.keys() ?? [])].sort()).toEqual([...english.keys()].sort());
    for (const [id, en] of english) {
      const es = spanish?.get(id);
      expect(es, id).toBeDefined();
      if (!es) continue;
      expect(structureDifferences(routineStructure(en), routineStructure(es)), id).toEqual([]);
      // Translated, not copied: the human text differs (the protocol's name in `source` aside).
      expect(es.name).not.toBe(en.name);
      en.steps.forEach((step, i) => {
        expect(es.steps[i]?.title, `${id}.${step.id}`).not.toBe(step.title);
        expect(es.steps[i]?.purpose).not.toBe(step.purpose);
      });
      // DAY-WORDS-1, -4 in Spanish: the glossary's name of each source; next steps asked, not assumed.
      const final = es.steps.find((s) => s.kind === 'final')?.finalPrompts;
      for (const name of [
        'experiencias de dominio',
        'experiencias vicarias',
        'persuasión social',
        'estado afectivo',
      ])
        expect(final?.sources, id).toContain(name);
      expect(final?.nextSteps, id).toMatch(/^¿Hay algo\b.*\?/);
      // Spanish questions open with ¿ (the glossary's typography).
      for (const prompt of es.steps.flatMap((s) => s.prompts))
        if (prompt.endsWith('?')) expect(prompt, `${id}: ${prompt}`).toMatch(/¿/);
    }
  });

  it('I18N-CONTENT-1: a Spanish file whose structure drifts stops the start, naming every difference', () => {
    const folder = copyOf(protocolsFolder());
    const file = join(folder, 'es', 'problem-solve.yaml');
    edit(file, 'sources: [social_persuasion]\n', 'sources: [mastery]\n');
    edit(file, 'speaker: team-presenter-listens', 'speaker: team');
    expect(() => loadRoutineTranslations(folder)).toThrow(
      /protocols\/es: routine "problem-solve" must have the same structure[\s\S]*steps\.3\.sources\.0: "social_persuasion" ≠ "mastery"[\s\S]*steps\.4\.speaker: "team-presenter-listens" ≠ "team"/,
    );
    // Minutes are checked too (here the leaders' wording, which must keep its routine's plan, says so first).
    const retimed = copyOf(protocolsFolder());
    edit(
      join(retimed, 'es', 'problem-solve.yaml'),
      'minutes: 4\n    speaker: team\n    purpose: >-\n      El equipo hace',
      'minutes: 5\n    speaker: team\n    purpose: >-\n      El equipo hace',
    );
    edit(
      join(retimed, 'es', 'problem-solve-leaders.yaml'),
      'minutes: 4\n    speaker: team\n    purpose: >-\n      El grupo hace',
      'minutes: 5\n    speaker: team\n    purpose: >-\n      El grupo hace',
    );
    expect(() => loadRoutineTranslations(retimed)).toThrow(
      /protocols\/es: routine "problem-solve(-leaders)?" must have the same structure[\s\S]*steps\.3\.minutes: 4 ≠ 5/,
    );

    const dropped = copyOf(protocolsFolder());
    edit(
      join(dropped, 'es', 'share-successes.yaml'),
      '\n      - ¿Cómo sabes que funcionó? ¿Qué viste o escuchaste?',
      '',
    );
    expect(() => loadRoutineTranslations(dropped)).toThrow(/steps\.0\.prompts: 3 entries ≠ 2/);

    const unknown = copyOf(protocolsFolder());
    edit(join(unknown, 'es', 'peer-modeling-leaders.yaml'), 'id: peer-modeling-leaders\n', 'id: modelado\n');
    expect(() => loadRoutineTranslations(unknown)).toThrow(/"modelado" translates no routine/);
  });

  it('I18N-CONTENT-1: any rewording keeps the structure; any change of minutes does not (property)', () => {
    const en = loadShippedRoutines().get('share-successes');
    if (!en) throw new Error('share-successes is shipped');
    const text = fc.string({ minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(
        text,
        fc.nat({ max: en.steps.length - 1 }),
        fc.integer({ min: 1, max: 60 }),
        (w, at, minutes) => {
          const reworded: Routine = {
            ...en,
            name: w,
            steps: en.steps.map((s) => ({ ...s, title: w, prompts: s.prompts.map(() => w) })),
          };
          expect(structureDifferences(routineStructure(en), routineStructure(reworded))).toEqual([]);
          const retimed: Routine = {
            ...reworded,
            steps: reworded.steps.map((s, i) => (i === at ? { ...s, minutes } : s)),
          };
          const differs = structureDifferences(routineStructure(en), routineStructure(retimed)).length > 0;
          expect(differs).toBe(minutes !== en.steps[at]?.minutes);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('I18N-CONTENT-2: the shipped instruments in Spanish', () => {
  it('I18N-CONTENT-2: both instruments have a Spanish file with the same ids, version, scale points, items, constructs and keying', () => {
    const english = loadShippedInstruments();
    const spanish = loadInstrumentTranslations().get('es');
    expect([...english.keys()].sort()).toEqual(['ensemble-efficacy', 'meeting-pulse']);
    for (const [id, en] of english) {
      const es = spanish?.get(id);
      expect(es?.language, id).toBe('es');
      if (!es) continue;
      expect(structureDifferences(instrumentStructure(en), instrumentStructure(es)), id).toEqual([]);
      expect(es.items.map((i) => i.id)).toEqual(en.items.map((i) => i.id));
      expect(es.scale.points).toBe(en.scale.points);
      es.items.forEach((item, i) => expect(item.text).not.toBe(en.items[i]?.text));
      expect(es.scale.labels).toEqual([
        'Totalmente en desacuerdo',
        'En desacuerdo',
        'Algo en desacuerdo',
        'Algo de acuerdo',
        'De acuerdo',
        'Totalmente de acuerdo',
      ]);
    }
  });

  it('I18N-CONTENT-2: a Spanish instrument with another item id, keying or scale stops the start', () => {
    const renamed = copyOf(instrumentsFolder());
    edit(join(renamed, 'ensemble-efficacy.es.yaml'), 'id: mastery-what-we-did', 'id: mastery-lo-que-hicimos');
    expect(() => loadShippedInstruments(renamed)).toThrow(
      /ensemble-efficacy\.es\.yaml: must have the same structure[\s\S]*items\.1\.id: "mastery-what-we-did" ≠ "mastery-lo-que-hicimos"/,
    );
    const keyed = copyOf(instrumentsFolder());
    edit(
      join(keyed, 'meeting-pulse.es.yaml'),
      'construct: affective_state',
      'construct: affective_state\n    reverse: true',
    );
    expect(() => loadShippedInstruments(keyed)).toThrow(/items\.1\.reverse: false ≠ true/);
    const misnamed = copyOf(instrumentsFolder());
    edit(join(misnamed, 'meeting-pulse.es.yaml'), 'language: es', 'language: en');
    expect(() => loadShippedInstruments(misnamed)).toThrow(/named <id>\.en\.yaml/);
  });
});

describe('I18N-CONTENT-3, -4: which content is shown in another language', () => {
  it('I18N-CONTENT-3: Ensemble’s routine exactly as shipped reads in Spanish; a team’s copy, a changed snapshot or English stay as written', () => {
    const en = loadShippedRoutines().get('share-successes');
    if (!en) throw new Error('share-successes is shipped');
    expect(routineIn(en, 'es').name).toBe('Compartir logros');
    // A snapshot read back from the log (JSON, keys in another order) is still the shipped routine.
    const stored = Routine.parse(
      JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(en).reverse()))),
    );
    expect(routineIn(stored, 'es').steps[0]?.title).toBe('Elige un logro');
    expect(routineIn(en, 'en')).toBe(en);
    const teamCopy: Routine = { ...en, version: 2, basedOn: { id: en.id, version: 1 } };
    expect(routineIn(teamCopy, 'es')).toBe(teamCopy);
    const edited: Routine = { ...en, name: 'Our Successes' };
    expect(routineIn(edited, 'es')).toBe(edited);
  });

  it('I18N-CONTENT-6: a meeting.created event carries the Spanish routines for a Spanish device; other events pass as they are', () => {
    const routines = loadShippedRoutines();
    const a = routines.get('share-successes');
    const b = routines.get('problem-solve');
    if (!a || !b) throw new Error('shipped');
    const created = MeetingEvent.parse({
      type: 'meeting.created',
      seq: 1,
      v: 1,
      at: 0,
      idempotencyKey: null,
      actorId: '00000000-0000-4000-8000-000000000001',
      payload: {
        meetingId: '00000000-0000-4000-8000-000000000002',
        routine: a,
        followedBy: [b],
        memberIds: ['00000000-0000-4000-8000-000000000001'],
        facilitatorId: '00000000-0000-4000-8000-000000000001',
      },
    });
    const seen = meetingEventIn(created, 'es');
    expect(seen.type === 'meeting.created' && seen.payload.routine.name).toBe('Compartir logros');
    expect(seen.type === 'meeting.created' && seen.payload.followedBy?.[0]?.name).toBe(
      'Resolver un dilema en equipo',
    );
    expect(seen.type === 'meeting.created' && seen.payload.routine.steps.map((s) => s.id)).toEqual(
      a.steps.map((s) => s.id),
    );
    expect(meetingEventIn(created, 'en')).toBe(created);
  });

  it('I18N-CONTENT-4: an instrument, a wave’s frozen copy included, reads in Spanish only when it is Ensemble’s own as shipped', () => {
    const en = loadShippedInstruments().get('ensemble-efficacy');
    if (!en) throw new Error('shipped');
    const frozen = Instrument.parse(JSON.parse(JSON.stringify(en)));
    const es = instrumentIn(frozen, 'es');
    expect(es.language).toBe('es');
    expect(es.items.map((i) => i.id)).toEqual(en.items.map((i) => i.id));
    expect(words(es)).not.toContain(en.items[0]?.text);
    const uploaded = { ...frozen, title: 'Our district survey' };
    expect(instrumentIn(uploaded, 'es')).toBe(uploaded);
  });

  it('I18N-CONTENT-5: a request reads in its best supported Accept-Language, English otherwise; a socket in its handshake’s', () => {
    expect(negotiateLanguage('es')).toBe('es');
    expect(negotiateLanguage('es-419,es;q=0.9,en;q=0.8')).toBe('es');
    expect(negotiateLanguage('en-US,en;q=0.9,es;q=0.8')).toBe('en');
    expect(negotiateLanguage('fr-CA,fr;q=0.9,es;q=0.5')).toBe('es');
    expect(negotiateLanguage('es;q=0,en')).toBe('en');
    expect(negotiateLanguage('de, *')).toBe('en');
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage(['fr', 'ES-mx'])).toBe('es');
    expect(socketLanguage({ language: 'es' })).toBe('es');
    expect(socketLanguage({ language: 'fr' })).toBe('en');
    expect(socketLanguage(null)).toBe('en');
  });
});
