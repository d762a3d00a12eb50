/**
 * I18N-CONTENT-8..10 against a real PostgreSQL: what the server itself writes from stored rows (routine names in
 * listings, a survey report's scale and notes, Markdown minutes and exports) in the reader's language, and in
 * English otherwise, exactly as before (ADR 0044).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSummary } from '#contracts/meetings-api';
import type { MeetingPlanView } from '#contracts/peer-modeling';
import type { MyReflectionItem } from '#contracts/reflections';
import type { CreatedWave, WaveReport } from '#contracts/surveys';
import { memoryRecords } from '../db/schema';
import { reflectionsToMarkdown } from '../reflections/presenter';
import { Client, createDistrictWithAdmin, createTestApp, type TestApp } from '../testing/api-harness';
import { teamWithFacilitator } from '../testing/people';
import { loadShippedRoutines, routineNameIn } from './catalog';

let t: TestApp;
let admin: Client;
let lead: Client;
let groupId = '';
let districtId = '';
const ES = { 'accept-language': 'es-419,es;q=0.9,en;q=0.8' };

beforeAll(async () => {
  t = await createTestApp();
  const d = await createDistrictWithAdmin(t, 'Distrito de Palabras', 'admin@palabras.test');
  admin = d.client;
  districtId = d.district.id;
  ({ groupId, lead } = await teamWithFacilitator(t, d.district.id, {
    teamName: 'Equipo 5',
    email: 'lead@palabras.test',
    name: 'Lucía',
  }));
});

afterAll(async () => {
  await t.close();
});

describe("I18N-CONTENT-8: Ensemble's routines named in the reader's language where listed from stored rows", () => {
  it('I18N-CONTENT-8: only the shipped id, version and English name is renamed; a team’s own name stays', () => {
    const shipped = loadShippedRoutines().get('peer-modeling');
    expect(shipped).toBeDefined();
    const stored = {
      routineId: 'peer-modeling',
      routineVersion: shipped?.version ?? 0,
      routineName: shipped?.name ?? '',
    };
    expect(routineNameIn(stored, 'es')).toBe('Practicar el modelado entre pares');
    expect(routineNameIn(stored, 'en')).toBe('Practice Peer Modeling');
    expect(routineNameIn({ ...stored, routineVersion: stored.routineVersion + 1 }, 'es')).toBe(
      'Practice Peer Modeling',
    );
    expect(routineNameIn({ ...stored, routineName: 'Nuestro modelado' }, 'es')).toBe('Nuestro modelado');
    expect(routineNameIn({ ...stored, routineId: 'our-modeling' }, 'es')).toBe('Practice Peer Modeling');
  });

  it('I18N-CONTENT-8: the Peer Modeling plan and a changed meeting name the routine in Spanish, in English otherwise', async () => {
    const scheduled = await lead.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
      title: 'Martes',
      routineId: 'peer-modeling',
    });
    expect(scheduled.status).toBe(200);
    const id = scheduled.body.id;
    const planEs = await lead.request<MeetingPlanView>('GET', `/api/meetings/${id}/plan`, undefined, ES);
    const planEn = await lead.get<MeetingPlanView>(`/api/meetings/${id}/plan`);
    expect(planEs.status).toBe(200);
    expect(planEs.body.parts.map((p) => p.routineName)).toEqual(['Practicar el modelado entre pares']);
    expect(planEn.body.parts.map((p) => p.routineName)).toEqual(['Practice Peer Modeling']);
    const changedEs = await lead.request<MeetingSummary>(
      'PATCH',
      `/api/meetings/${id}`,
      { title: 'Miércoles' },
      ES,
    );
    expect(changedEs.status).toBe(200);
    expect(changedEs.body.agenda.map((a) => a.routineName)).toEqual(['Practicar el modelado entre pares']);
    expect(changedEs.body.title).toBe('Miércoles');
    const changedEn = await lead.request<MeetingSummary>('PATCH', `/api/meetings/${id}`, {
      title: 'Wednesday',
    });
    expect(changedEn.body.agenda.map((a) => a.routineName)).toEqual(['Practice Peer Modeling']);
  });
});

describe('I18N-CONTENT-9: a survey report in the reader’s language', () => {
  it('I18N-CONTENT-9: the instrument title, scale labels and notes of a closed wave of Ensemble’s instrument in Spanish, English otherwise', async () => {
    const created = await admin.post<CreatedWave>('/api/surveys/waves', {
      title: 'Encuesta de invierno',
      instrument: { slug: 'ensemble-efficacy' },
      scope: { kind: 'teams', teamIds: [groupId] },
      opensOn: new Date().toISOString().slice(0, 10),
      closesOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      invite: 'link',
    });
    expect(created.status).toBe(200);
    const waveId = created.body.wave.id;
    expect((await admin.post(`/api/surveys/waves/${waveId}/close`)).status).toBe(200);
    const es = await admin.request<WaveReport>('GET', `/api/surveys/waves/${waveId}/report`, undefined, ES);
    const en = await admin.get<WaveReport>(`/api/surveys/waves/${waveId}/report`);
    expect(es.status).toBe(200);
    expect(en.status).toBe(200);
    expect(es.body.scale.points).toBe(en.body.scale.points);
    expect(es.body.scale.labels[0]).toBe('Totalmente en desacuerdo');
    expect(en.body.scale.labels[0]).toBe('Strongly disagree');
    expect(en.body.scale.labels.at(-1)).toBe('Strongly agree');
    expect(es.body.wave.instrument.title).toBe('Cómo nuestro equipo construye eficacia');
    expect(es.body.wave.title).toBe('Encuesta de invierno');
    expect(es.body.notes).toHaveLength(en.body.notes.length);
    expect(es.body.notes[0]).toMatch(
      /^Los resultados de un grupo se muestran solo cuando respondieron al menos \d+ personas/,
    );
    expect(en.body.notes[0]).toMatch(
      /^A group's results are shown only when at least \d+ people in it answered/,
    );
    expect(es.body.notes.join(' ')).not.toMatch(/\b(the|and|when)\b/);
  });
});

describe('I18N-CONTENT-10: Markdown minutes and exports in the reader’s language', () => {
  it('I18N-CONTENT-10: the minutes’ headings and fixed words in Spanish for a Spanish request, English otherwise', async () => {
    const scheduled = await lead.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
      title: 'Semanal',
      routineId: 'problem-solve',
    });
    const id = scheduled.body.id;
    expect((await lead.post(`/api/meetings/${id}/open`)).status).toBe(200);
    const es = await lead.request<string>('GET', `/api/meetings/${id}/minutes.md`, undefined, ES);
    const en = await lead.get<string>(`/api/meetings/${id}/minutes.md`);
    expect(es.status).toBe(200);
    expect(es.body).toContain('Equipo 5 · Resolver un dilema en equipo');
    expect(es.body).toContain('Facilitador(a): ');
    expect(es.body).toContain('## Pasos');
    expect(es.body).toContain('| Paso | Previsto | Real |');
    expect(es.body).toContain('| Elige un problema de la práctica (no alcanzado) | 4 min | sin medir |');
    expect(es.body).toContain('## Fuentes de eficacia que notamos');
    expect(es.body).toContain('## Próximos pasos');
    expect(es.body).toContain('Ninguno registrado.');
    expect(es.body).not.toMatch(/Steps|Next steps|not timed|None recorded|Facilitator:/);
    expect(en.body).toContain('Equipo 5 · Problem-Solve Collaboratively');
    expect(en.body).toContain('## Steps');
    expect(en.body).toContain('| Step | Planned | Actual |');
    expect(en.body).toContain('| Pick a problem of practice (not reached) | 4 min | not timed |');
    expect(en.body).toContain('## Next steps');
    expect(en.body).toContain('None recorded.');
  });

  it('I18N-CONTENT-10: the team memory export’s headings and fixed words in Spanish, English otherwise; the team’s words as written', async () => {
    await t.database.db.insert(memoryRecords).values({
      districtId,
      groupId,
      kind: 'success',
      title: 'Charlas numéricas',
      grade: '5',
      occurredAt: new Date('2026-11-03T15:00:00Z'),
      content: {
        kind: 'success',
        story: 'We tried number talks daily.',
        evidence: '18 of 22 students explained two strategies.',
        whatWorked: 'Short, every day.',
        insight: 'Wait time matters.',
        learned: 'Routines beat novelty.',
      },
    });
    const es = await lead.request<string>('GET', `/api/groups/${groupId}/memory.md`, undefined, ES);
    const en = await lead.get<string>(`/api/groups/${groupId}/memory.md`);
    expect(es.status).toBe(200);
    expect(es.body).toContain('# Equipo 5: memoria del equipo');
    expect(es.body).toContain('## Logros');
    expect(es.body).toContain('Grado: 5');
    expect(es.body).toContain('**Evidencia del crecimiento de los estudiantes**');
    expect(es.body).toContain('**Lo que aprendimos**');
    expect(es.body).toContain('18 of 22 students explained two strategies.');
    expect(es.body).not.toMatch(/team memory|Successes|What we learned|Exported/);
    expect(en.body).toContain('# Equipo 5: team memory');
    expect(en.body).toContain('## Successes');
    expect(en.body).toContain('Grade: 5');
    expect(en.body).toContain('**What we learned**');
  });

  it('I18N-CONTENT-10: the reflections export’s own words in Spanish, English otherwise; what the person wrote as written', () => {
    const item: MyReflectionItem = {
      reflectionId: 'r1',
      meeting: { id: 'm1', title: 'Semanal', date: '2026-11-30T15:00:00.000Z', status: 'ended' },
      team: { id: 'g1', name: 'Equipo 5' },
      routineName: 'Resolver un dilema en equipo',
      step: { id: 'identify', title: 'Elige un problema de la práctica' },
      text: 'I will try the protocol again.',
      writtenAt: '2026-11-30T15:10:00.000Z',
      shared: { at: '2026-12-01T09:00:00.000Z', afterMeeting: true, upToDate: false },
      canShare: true,
    };
    const context = { personName: 'Lucía', exportedAt: new Date('2026-12-03T00:00:00Z') };
    const es = reflectionsToMarkdown([item], context, 'es');
    const en = reflectionsToMarkdown([item], context);
    expect(es).toContain('# Mis reflexiones');
    expect(es).toContain('Lucía · exportado el 2026-12-03');
    expect(es).toContain(
      'Escrita el 2026-11-30 15:10 UTC. _Compartida con el equipo el 2026-12-01, después de la reunión; editada después._',
    );
    expect(es).toContain('I will try the protocol again.');
    expect(en).toContain('# My reflections');
    expect(en).toContain(
      'Written 2026-11-30 15:10 UTC. _Shared with the team on 2026-12-01, after the meeting; edited since._',
    );
    expect(reflectionsToMarkdown([], context, 'es')).toContain('Todavía no hay reflexiones.');
  });
});
