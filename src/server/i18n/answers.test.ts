/**
 * I18N-SRV-2, I18N-SRV-3: real answers of the API in the request's language: a 400 of Zod (its own messages, ours
 * from the contracts, "required", "not allowed"), a 400, 401, 403, 404 and 409 of the HttpError helpers, in Spanish
 * when asked with `Accept-Language: es` and in English otherwise, from the same server at the same time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { ApiError } from '#contracts/common';
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

afterAll(() => t.close());

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
