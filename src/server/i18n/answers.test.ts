/**
 * I18N-SRV-2, I18N-SRV-3: real answers of the API in the request's language: a 400 of Zod (its own messages, ours
 * from the contracts, "required", "not allowed"), a 400, 401, 403, 404 and 409 of the HttpError helpers, in Spanish
 * when asked with `Accept-Language: es` and in English otherwise, from the same server at the same time; and a
 * meeting socket's refusals in its handshake's `auth.language` (I18N-SRV-1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ApiError } from '#contracts/common';
import { PROTOCOL_VERSION, SOCKET_PATH } from '#contracts/realtime';
import { SESSION_COOKIE } from '../auth/sessions';
import { Client, createTestApp, TEST_PASSWORD, signedInClient, type TestApp } from '../testing/api-harness';
import { personAtSchool } from '../testing/people';

let t: TestApp;
let admin: Client;
let teacher: Client;

const ES = { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' };
const EN = { 'accept-language': 'en-US,en;q=0.9' };

beforeAll(async () => {
  t = await createTestApp();
  admin = new Client(t.app);
  const setup = await admin.post('/api/setup', {
    districtName: 'Idiomas',
    name: 'Ana',
    email: 'ana@idiomas.test',
    password: TEST_PASSWORD,
  });
  expect(setup.status).toBe(200);
  const me = await admin.get<{ id: string; districtId: string }>('/api/auth/me');
  const person = await personAtSchool(t, me.body.districtId, 'luis@idiomas.test', 'staff');
  teacher = await signedInClient(t, person);
});

const sockets: Socket[] = [];
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t.close();
});

const send = (client: Client, method: string, url: string, body: unknown, headers: Record<string, string>) =>
  client.request<ApiError>(method, url, body, headers);

describe('I18N-SRV-2: Zod validation answers in the request language', () => {
  it("I18N-SRV-2: our contracts' messages, Zod's own, required and not allowed, in Spanish and in English", async () => {
    const body = { name: '', timeZone: 'Mars/Base', colour: 'red' };
    const es = await send(admin, 'POST', '/api/schools', body, ES);
    const en = await send(admin, 'POST', '/api/schools', body, EN);
    expect(es.status).toBe(400);
    expect(en.status).toBe(400);
    expect(es.body.error.message).toBe('Revisa algunos campos.');
    expect(en.body.error.message).toBe('Some fields need attention.');
    expect(es.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Escribe un nombre' },
        { path: 'timeZone', message: 'Elige una zona horaria de la lista' },
        { path: 'colour', message: 'Este campo no está permitido' },
      ]),
    );
    expect(en.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Enter a name' },
        { path: 'timeZone', message: 'Choose a time zone from the list' },
        { path: 'colour', message: 'This field is not allowed' },
      ]),
    );
    expect(es.body.error.fields).toHaveLength(en.body.error.fields?.length ?? -1);

    const missing = await send(admin, 'POST', '/api/schools', {}, ES);
    expect(missing.body.error.fields).toEqual([{ path: 'name', message: 'Este campo es obligatorio' }]);
    const missingEn = await send(admin, 'POST', '/api/schools', {}, {});
    expect(missingEn.body.error.fields).toEqual([{ path: 'name', message: 'This field is required' }]);

    // Zod's own messages (no message of ours): its Spanish locale, per request, while English stays English.
    const [wrongEs, wrongEn] = await Promise.all([
      send(admin, 'POST', '/api/schools', { name: 5 }, ES),
      send(admin, 'POST', '/api/schools', { name: 5 }, EN),
    ]);
    expect(wrongEs.body.error.fields).toEqual([
      { path: 'name', message: 'Entrada inválida: se esperaba texto, recibido número' },
    ]);
    expect(wrongEn.body.error.fields).toEqual([
      { path: 'name', message: 'Invalid input: expected string, received number' },
    ]);
    const long = await send(admin, 'POST', '/api/schools', { name: 'x'.repeat(121) }, ES);
    expect(long.body.error.fields?.[0]?.message).toMatch(/^Demasiado grande: .*120 caracteres$/);
  });
});

describe('I18N-SRV-3: HttpError answers in the request language', () => {
  it('I18N-SRV-3: a 400 with its field problems', async () => {
    const body = { name: 'Equipo', kind: 'teacher_team', schoolId: randomUUID() };
    const es = await send(admin, 'POST', '/api/groups', body, ES);
    const en = await send(admin, 'POST', '/api/groups', body, EN);
    expect(es.status).toBe(400);
    expect(es.body.error).toEqual({
      code: 'invalid_input',
      message: 'Elige una escuela de tu distrito.',
      fields: [{ path: 'schoolId', message: 'Escuela desconocida' }],
    });
    expect(en.body.error).toEqual({
      code: 'invalid_input',
      message: 'Choose a school of your district.',
      fields: [{ path: 'schoolId', message: 'Unknown school' }],
    });
  });

  it('I18N-SRV-3: a 401, a 403, a 404 and a 409', async () => {
    const anonymous = new Client(t.app);
    const unauthenticated = await send(anonymous, 'GET', '/api/auth/me', undefined, ES);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.error.message).toBe('Inicia sesión para continuar.');

    const forbiddenEs = await send(teacher, 'POST', '/api/schools', { name: 'Otra' }, ES);
    const forbiddenEn = await send(teacher, 'POST', '/api/schools', { name: 'Otra' }, EN);
    expect(forbiddenEs.status).toBe(403);
    expect(forbiddenEs.body.error).toEqual({
      code: 'forbidden',
      message: 'No tienes permiso para hacer eso.',
    });
    expect(forbiddenEn.body.error).toEqual({
      code: 'forbidden',
      message: 'You do not have permission to do that.',
    });

    const missingEs = await send(admin, 'GET', `/api/groups/${randomUUID()}`, undefined, ES);
    const missingEn = await send(admin, 'GET', `/api/groups/${randomUUID()}`, undefined, EN);
    expect(missingEs.status).toBe(404);
    expect(missingEs.body.error).toEqual({ code: 'not_found', message: 'No se encontró ese grupo.' });
    expect(missingEn.body.error).toEqual({ code: 'not_found', message: 'That group was not found.' });

    const again = { districtName: 'Otra', name: 'Eva', email: 'eva@idiomas.test', password: TEST_PASSWORD };
    const conflictEs = await send(anonymous, 'POST', '/api/setup', again, ES);
    const conflictEn = await send(anonymous, 'POST', '/api/setup', again, {});
    expect(conflictEs.status).toBe(409);
    expect(conflictEs.body.error).toEqual({
      code: 'conflict',
      message: 'Ensemble ya está configurado. Inicia sesión.',
    });
    expect(conflictEn.body.error.message).toBe('Ensemble is already set up. Sign in instead.');
  });
});

describe('I18N-SRV-3: the file:line problems of a routine upload in the request language', () => {
  it('I18N-SRV-3: a refused YAML import names each problem in Spanish, with its file and line as they are', async () => {
    const school = await admin.post<{ id: string }>('/api/schools', { name: 'Escuela Sur' });
    const group = await admin.post<{ id: string }>('/api/groups', {
      name: 'Equipo de rutinas',
      kind: 'teacher_team',
      schoolId: school.body.id,
    });
    const files = { files: [{ name: 'deep.yaml', text: '['.repeat(100) }] };
    const url = `/api/groups/${group.body.id}/routines/import`;
    const es = await send(admin, 'POST', url, files, ES);
    const en = await send(admin, 'POST', url, files, EN);
    expect(es.status).toBe(400);
    expect(es.body.error).toEqual({
      code: 'invalid_input',
      message: 'No se importó nada: un archivo tiene problemas que corregir.',
      fields: [{ path: 'deep.yaml:1', message: 'deep.yaml:1:1: Tiene más de 24 niveles de anidación' }],
    });
    expect(en.body.error).toEqual({
      code: 'invalid_input',
      message: 'Nothing was imported: a file has problems to fix.',
      fields: [{ path: 'deep.yaml:1', message: 'deep.yaml:1:1: Nested more than 24 levels deep' }],
    });
  });
});

describe("I18N-SRV-1, I18N-SRV-3: a meeting socket's refusals in its handshake's language", () => {
  let port = 0;
  let meetingId = '';

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    port = typeof addr === 'object' && addr ? addr.port : 0;
    const school = await admin.post<{ id: string }>('/api/schools', { name: 'Escuela Norte' });
    const group = await admin.post<{ id: string }>('/api/groups', {
      name: 'Equipo de 3.º',
      kind: 'teacher_team',
      schoolId: school.body.id,
    });
    expect(group.status).toBe(200);
    const scheduled = await admin.post<{ id: string }>(`/api/groups/${group.body.id}/meetings`, {
      title: 'Semanal',
      routineId: 'share-successes',
    });
    expect(scheduled.status).toBe(200);
    const opened = await admin.post<{ status: string }>(`/api/meetings/${scheduled.body.id}/open`);
    expect(opened.body.status).toBe('live');
    meetingId = scheduled.body.id;
  });

  const socketOf = async (cookie: string | null, auth: Record<string, string>) => {
    const socket = connectSocket(`http://127.0.0.1:${port}`, {
      path: SOCKET_PATH,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
      auth,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const messageOf = (ack: unknown) =>
    typeof ack === 'object' && ack !== null && 'error' in ack && typeof ack.error === 'object' && ack.error
      ? 'message' in ack.error
        ? ack.error.message
        : undefined
      : undefined;
  const ask = (socket: Socket, event: string, payload: unknown) =>
    socket.timeout(5000).emitWithAck(event, payload) as Promise<unknown>;

  it("I18N-SRV-3: the socket's own refusals, Zod's messages in them, and the meeting core's rejections", async () => {
    const es = await socketOf(admin.cookie, { language: 'es' });
    const en = await socketOf(admin.cookie, {});
    const elsewhere = { protocolVersion: PROTOCOL_VERSION, meetingId: randomUUID(), lastSeq: 0 };
    expect(messageOf(await ask(es, 'meeting:join', elsewhere))).toBe('No se encontró esa reunión.');
    expect(messageOf(await ask(en, 'meeting:join', elsewhere))).toBe('That meeting was not found.');

    const old = { protocolVersion: PROTOCOL_VERSION + 100, meetingId, lastSeq: 0 };
    expect(messageOf(await ask(es, 'meeting:join', old))).toBe(
      'Esta página está desactualizada. Vuelve a cargarla para continuar.',
    );

    const malformed = { protocolVersion: PROTOCOL_VERSION, lastSeq: 0 };
    expect(messageOf(await ask(es, 'meeting:join', malformed))).toBe(
      'Solicitud para unirse mal formada (meetingId: Este campo es obligatorio)',
    );
    expect(messageOf(await ask(en, 'meeting:join', malformed))).toMatch(
      /^Malformed join request \(meetingId: Invalid input: expected string, received undefined\)$/,
    );

    const join = { protocolVersion: PROTOCOL_VERSION, meetingId, lastSeq: 0 };
    expect(await ask(es, 'meeting:join', join)).toMatchObject({ ok: true });
    expect(await ask(en, 'meeting:join', join)).toMatchObject({ ok: true });
    // The meeting core's rejection: the timer of a meeting that has not started.
    const pause = { meetingId, command: { idempotencyKey: randomUUID(), type: 'pauseTimer' } };
    expect(messageOf(await ask(es, 'meeting:command', pause))).toBe('La reunión todavía no empezó');
    const pauseEn = { meetingId, command: { idempotencyKey: randomUUID(), type: 'pauseTimer' } };
    expect(messageOf(await ask(en, 'meeting:command', pauseEn))).toBe('The meeting has not started yet');
  });
});
