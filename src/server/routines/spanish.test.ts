/**
 * I18N-CONTENT over HTTP and the live socket, against a real PostgreSQL: the routine catalogue, a routine, a
 * team's adapted copy, a survey's instrument and a meeting's steps in the language the reader asks for, with the
 * same ids, steps and items in every language (ADR 0044).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { MeetingSummary, RoutineSummary } from '#contracts/meetings-api';
import type { MeetingMinutes } from '#contracts/minutes';
import type { MeetingEvent } from '#contracts/meeting';
import { PROTOCOL_VERSION, type JoinAck } from '#contracts/realtime';
import type { Routine } from '#contracts/routine';
import type { CreatedWave, SurveyToAnswer } from '#contracts/surveys';
import type { TeamHome } from '#contracts/team-home';
import { Client, createDistrictWithAdmin, createTestApp, type TestApp } from '../testing/api-harness';
import { teamWithFacilitator } from '../testing/people';

let t: TestApp;
let port = 0;
let admin: Client;
let lead: Client;
let groupId = '';
const sockets: Socket[] = [];
const ES = { 'accept-language': 'es' };
const BROWSER_ES = { 'accept-language': 'es-419,es;q=0.9,en;q=0.8' };

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  const d = await createDistrictWithAdmin(t, 'Distrito Bilingüe', 'admin@bilingue.test');
  admin = d.client;
  ({ groupId, lead } = await teamWithFacilitator(t, d.district.id, {
    teamName: 'Equipo 4',
    email: 'lead@bilingue.test',
    name: 'Lucía',
  }));
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

describe('I18N-CONTENT over HTTP', () => {
  it('I18N-CONTENT-3: the routine catalogue and a routine come in the Accept-Language, with the same ids, steps and minutes', async () => {
    const en = await lead.get<{ items: RoutineSummary[] }>(`/api/groups/${groupId}/routines`);
    const es = await lead.request<{ items: RoutineSummary[] }>(
      'GET',
      `/api/groups/${groupId}/routines`,
      undefined,
      ES,
    );
    expect(en.status).toBe(200);
    expect(es.status).toBe(200);
    expect(es.body.items.map((r) => [r.id, r.version, r.totalMinutes, r.stepCount])).toEqual(
      en.body.items.map((r) => [r.id, r.version, r.totalMinutes, r.stepCount]),
    );
    const name = (list: RoutineSummary[], id: string) => list.find((r) => r.id === id)?.name;
    expect(name(en.body.items, 'share-successes')).toBe('Share Successes');
    expect(name(es.body.items, 'share-successes')).toBe('Compartir logros');
    expect(name(es.body.items, 'problem-solve')).toBe('Resolver un dilema en equipo');
    expect(name(es.body.items, 'peer-modeling')).toBe('Practicar el modelado entre pares');

    const one = await lead.request<Routine>(
      'GET',
      `/api/groups/${groupId}/routines/problem-solve`,
      undefined,
      BROWSER_ES,
    );
    const english = await lead.get<Routine>(`/api/groups/${groupId}/routines/problem-solve`);
    expect(one.body.steps.map((s) => [s.id, s.kind, s.minutes, s.speaker])).toEqual(
      english.body.steps.map((s) => [s.id, s.kind, s.minutes, s.speaker]),
    );
    expect(one.body.steps.find((s) => s.id === 'probe')?.title).toBe('Preguntas de profundización');
    expect(english.body.steps.find((s) => s.id === 'probe')?.title).toBe('Probing questions');
  });

  it('I18N-CONTENT-7: a team adapting a routine in Spanish keeps a Spanish copy, which stays Spanish for an English reader', async () => {
    const saved = await lead.request<Routine>(
      'POST',
      `/api/groups/${groupId}/routines`,
      { baseId: 'share-successes', changes: [{ op: 'update-step', stepId: 'identify', minutes: 5 }] },
      ES,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.basedOn).toEqual({ id: 'share-successes', version: 1 });
    expect(saved.body.steps[0]?.minutes).toBe(5);
    expect(saved.body.steps[1]?.title).toBe('Cuenta la historia del logro');
    const readInEnglish = await lead.get<Routine>(`/api/groups/${groupId}/routines/share-successes`);
    expect(readInEnglish.body.name).toBe('Compartir logros');
    expect(readInEnglish.body.steps[0]?.minutes).toBe(5);
  });

  it('I18N-CONTENT-4: a survey’s instrument comes in the Accept-Language with the same items and scale points', async () => {
    const created = await admin.post<CreatedWave>('/api/surveys/waves', {
      title: 'Encuesta de otoño',
      instrument: { slug: 'ensemble-efficacy' },
      scope: { kind: 'teams', teamIds: [groupId] },
      opensOn: new Date().toISOString().slice(0, 10),
      closesOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      invite: 'link',
    });
    expect(created.status).toBe(200);
    const token = new URL(created.body.link ?? '').pathname.split('/').pop() ?? '';
    const anonymous = new Client(t.app);
    const en = await anonymous.get<SurveyToAnswer>(`/api/s/${token}`);
    const es = await anonymous.request<SurveyToAnswer>('GET', `/api/s/${token}`, undefined, BROWSER_ES);
    expect(es.status).toBe(200);
    expect(es.body.instrument.items.map((i) => i.id)).toEqual(en.body.instrument.items.map((i) => i.id));
    expect(es.body.instrument.items).toHaveLength(21);
    expect(es.body.instrument.scale).toHaveLength(en.body.instrument.scale.length);
    expect(es.body.instrument.title).toBe('Cómo nuestro equipo construye eficacia');
    expect(es.body.instrument.scale[0]).toBe('Totalmente en desacuerdo');
    expect(en.body.instrument.scale[0]).toBe('Strongly disagree');
    expect(es.body.instrument.freeText?.prompt).toMatch(/^¿Hay algo más/);
    // An answer read in Spanish is the same numbers for the same items: the English form's check accepts it.
    const answers = Object.fromEntries(es.body.instrument.items.map((i) => [i.id, 4]));
    const unit = es.body.units[0]?.key ?? '';
    const sent = await anonymous.request(
      'POST',
      `/api/s/${token}`,
      { unit, answers, browserToken: 'navegador-aaaaaaaaaaaa', leader: false },
      ES,
    );
    expect(sent.status).toBe(200);
  });
});

describe('I18N-CONTENT-6: a live meeting in two languages', () => {
  it('I18N-CONTENT-6: a device with auth.language es reads the steps in Spanish, an English one in English, the same meeting and step ids', async () => {
    const scheduled = await lead.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
      title: 'Semanal',
      routineId: 'problem-solve',
    });
    expect(scheduled.status).toBe(200);
    const meetingId = scheduled.body.id;
    expect((await lead.post(`/api/meetings/${meetingId}/open`)).status).toBe(200);
    // The meeting row's agenda names Ensemble's routine in the reader's language too.
    const summary = await lead.request<MeetingSummary>('GET', `/api/meetings/${meetingId}`, undefined, ES);
    expect(summary.body.agenda.map((a) => [a.routineId, a.routineName])).toEqual([
      ['problem-solve', 'Resolver un dilema en equipo'],
    ]);
    const home = await lead.request<TeamHome>('GET', `/api/groups/${groupId}/home`, undefined, ES);
    expect(home.body.nextMeeting?.routineNames).toEqual(['Resolver un dilema en equipo']);
    const joinAs = async (language?: string) => {
      const s = connect(`http://127.0.0.1:${port}`, {
        path: '/socket.io',
        extraHeaders: { cookie: `ensemble_session=${lead.cookie}` },
        reconnection: false,
        ...(language ? { auth: { language } } : {}),
      });
      sockets.push(s);
      const ack = (await s.timeout(5000).emitWithAck('meeting:join', {
        protocolVersion: PROTOCOL_VERSION,
        meetingId,
        lastSeq: 0,
      })) as JoinAck;
      if (!ack.ok) throw new Error(`join refused: ${ack.error.code}`);
      const created = ack.events[0];
      if (created?.type !== 'meeting.created') throw new Error('the catch-up starts with meeting.created');
      return created.payload.routine;
    };
    const spanish = await joinAs('es');
    const english = await joinAs();
    expect(spanish.name).toBe('Resolver un dilema en equipo');
    expect(spanish.steps[0]?.title).toBe('Elige un problema de la práctica');
    expect(english.name).toBe('Problem-Solve Collaboratively');
    expect(spanish.steps.map((s) => [s.id, s.minutes])).toEqual(english.steps.map((s) => [s.id, s.minutes]));

    const minutesEs = await lead.request<MeetingMinutes>(
      'GET',
      `/api/meetings/${meetingId}/minutes`,
      undefined,
      ES,
    );
    const minutesEn = await lead.get<MeetingMinutes>(`/api/meetings/${meetingId}/minutes`);
    expect(minutesEs.body.parts[0]?.routine.name).toBe('Resolver un dilema en equipo');
    expect(minutesEs.body.parts[0]?.steps[0]?.title).toBe('Elige un problema de la práctica');
    expect(minutesEn.body.parts[0]?.steps[0]?.title).toBe('Pick a problem of practice');
  });

  it('I18N-CONTENT-6: devices waiting in the room when the meeting opens receive its routines each in their own language', async () => {
    const scheduled = await lead.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
      title: 'Lunes',
      routineId: 'peer-modeling',
    });
    const meetingId = scheduled.body.id;
    const waiting = async (language?: string) => {
      const s = connect(`http://127.0.0.1:${port}`, {
        path: '/socket.io',
        extraHeaders: { cookie: `ensemble_session=${lead.cookie}` },
        reconnection: false,
        ...(language ? { auth: { language } } : {}),
      });
      sockets.push(s);
      const pushed: MeetingEvent[] = [];
      s.on('meeting:events', (p: { events: MeetingEvent[] }) => pushed.push(...p.events));
      const ack = (await s.timeout(5000).emitWithAck('meeting:join', {
        protocolVersion: PROTOCOL_VERSION,
        meetingId,
        lastSeq: 0,
      })) as JoinAck;
      expect(ack.ok).toBe(true);
      return pushed;
    };
    const spanish = await waiting('es');
    const english = await waiting('en');
    expect((await lead.post(`/api/meetings/${meetingId}/open`)).status).toBe(200);
    const createdIn = async (pushed: MeetingEvent[]) => {
      const started = Date.now();
      for (;;) {
        const found = pushed.find((e) => e.type === 'meeting.created');
        if (found?.type === 'meeting.created') return found.payload.routine;
        if (Date.now() - started > 5000) throw new Error('meeting.created was not pushed');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    expect((await createdIn(spanish)).name).toBe('Practicar el modelado entre pares');
    expect((await createdIn(english)).name).toBe('Practice Peer Modeling');
  });
});
