import { afterEach, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { setLanguage } from '../i18n/kits';
import { ApiRequestError, call } from './client';

const schoolId = '3f1c2a9e-8b7d-4c6e-9f00-1a2b3c4d5e6f';
const school = {
  id: schoolId,
  name: 'Lincoln Elementary',
  createdAt: '2026-11-23T10:00:00.000Z',
  archived: false,
  timeZone: null,
};

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn<typeof fetch>(() =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('call', () => {
  it('WEB-API-1 checks the body against the contract before sending, and reports it as a 400 with fields', async () => {
    const fetchMock = stubFetch(answer(200, school));
    const error = await failure(call('createSchool', { body: { name: '   ' } }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(error.status).toBe(400);
    expect(error.fields).toEqual([{ path: 'name', message: 'Enter a name' }]);
  });

  it('I18N-WEB-3, I18N-WEB-6: names the tab’s language; in Spanish a body the local check refuses goes to the server, which names the fields in Spanish', async () => {
    const fetchMock = stubFetch(
      answer(400, {
        error: {
          code: 'invalid_input',
          message: 'Revisa los campos marcados.',
          fields: [{ path: 'name', message: 'Escribe un nombre' }],
        },
      }),
    );
    if (!i18next.isInitialized) await i18next.init({ lng: 'en', resources: {}, initAsync: false });
    try {
      await setLanguage('es');
      const error = await failure(call('createSchool', { body: { name: '   ' } }));
      expect(fetchMock).toHaveBeenCalledTimes(1);
      const [, init] = fetchMock.mock.calls[0] ?? [];
      expect(new Headers(init?.headers).get('Accept-Language')).toBe('es');
      expect(init?.body).toBe(JSON.stringify({ name: '   ' }));
      expect(error.status).toBe(400);
      expect(error.fields).toEqual([{ path: 'name', message: 'Escribe un nombre' }]);
    } finally {
      await setLanguage('en');
    }
  });

  it('WEB-API-2 sends JSON to the catalogue path with same-origin credentials and parses the response', async () => {
    const fetchMock = stubFetch(answer(200, { ...school, name: 'Lincoln School' }));
    const updated = await call('updateSchool', { params: { schoolId }, body: { name: ' Lincoln School ' } });
    expect(updated.name).toBe('Lincoln School');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`/api/schools/${schoolId}`);
    expect(init?.method).toBe('PATCH');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    // The contract's own normalisation (trim) is what goes on the wire.
    expect(init?.body).toBe(JSON.stringify({ name: 'Lincoln School' }));
  });

  it('WEB-API-3 sends no body (and no JSON content type) to endpoints without one', async () => {
    const fetchMock = stubFetch(answer(200, { ok: true }));
    await call('signOut');
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBeNull();
    expect(new Headers(init?.headers).has('Content-Type')).toBe(false);
  });

  it('WEB-API-4 turns the error envelope into code, message and fields; a 401 means "no session" only where a session is needed', async () => {
    stubFetch(
      answer(400, {
        error: {
          code: 'invalid_input',
          message: 'Some fields need attention.',
          fields: [{ path: 'email', message: 'Taken' }],
        },
      }),
    );
    const invalid = await failure(call('signIn', { body: { email: 'ada@example.org', password: 'x' } }));
    expect([invalid.status, invalid.code, invalid.message]).toEqual([
      400,
      'invalid_input',
      'Some fields need attention.',
    ]);
    expect(invalid.fields).toEqual([{ path: 'email', message: 'Taken' }]);

    stubFetch(answer(401, { error: { code: 'unauthenticated', message: 'Sign in to continue.' } }));
    expect((await failure(call('listGroups'))).isSessionMissing).toBe(true);
    stubFetch(answer(401, { error: { code: 'unauthenticated', message: 'Wrong password.' } }));
    expect(
      (await failure(call('signIn', { body: { email: 'ada@example.org', password: 'x' } }))).isSessionMissing,
    ).toBe(false);
  });

  it('WEB-API-5 reports an unreachable server as status 0 and a broken contract as invalid_response', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const offline = await failure(call('listSchools'));
    expect([offline.status, offline.code]).toEqual([0, 'network']);

    stubFetch(answer(200, { items: [{ id: 'not-a-uuid' }] }));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect((await failure(call('listSchools'))).code).toBe('invalid_response');
    expect(consoleError).toHaveBeenCalledOnce();
    consoleError.mockRestore();
  });
});

describe('the space a call acts in (ADR 0032)', () => {
  const networkId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
  function tabIn(network: string | null) {
    const map = new Map<string, string>(network ? [['ensemble.network', network]] : []);
    vi.stubGlobal('window', {
      sessionStorage: {
        getItem: (key: string) => map.get(key) ?? null,
        setItem: () => {},
        removeItem: () => {},
      },
    });
  }

  it('NET-WEB-1 in a tab that entered a network, a session call names it; a public call does not', async () => {
    tabIn(networkId);
    const fetchMock = stubFetch(answer(200, { items: [] }));
    await call('listGroups');
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).get('x-ensemble-network')).toBe(networkId);
    const publicMock = stubFetch(answer(200, { ok: true }));
    await call('signOut');
    expect(new Headers(publicMock.mock.calls[0]?.[1]?.headers).has('x-ensemble-network')).toBe(false);
  });

  it('NET-WEB-1 a tab in its district names no network', async () => {
    tabIn(null);
    const fetchMock = stubFetch(answer(200, { items: [] }));
    await call('listGroups');
    expect(new Headers(fetchMock.mock.calls[0]?.[1]?.headers).has('x-ensemble-network')).toBe(false);
  });
});

describe('the catalogue the client loads (ADR 0026)', () => {
  /** A fresh client and catalogue, with the next steps' module counted as it loads. */
  async function freshClient() {
    vi.resetModules();
    let loads = 0;
    vi.doMock('#contracts/api-next-steps', async (importOriginal) => {
      loads += 1;
      return await importOriginal();
    });
    const client = await import('./client');
    const catalogue = await import('./catalogue');
    return { ...client, ...catalogue, loads: () => loads };
  }

  afterEach(() => {
    vi.doUnmock('#contracts/api-next-steps');
    vi.resetModules();
  });

  it('WEB-API-6 a core endpoint is at hand: the request goes out without waiting for a module', async () => {
    const { call: freshCall, endpointAtHand, loads } = await freshClient();
    const fetchMock = stubFetch(answer(200, { items: [] }));
    expect(endpointAtHand('listGroups')?.path).toBe('/api/groups');
    const pending = freshCall('listGroups');
    expect(fetchMock).toHaveBeenCalledOnce();
    await pending;
    expect(loads()).toBe(0);
  });

  it("WEB-API-7 a feature's endpoint loads its module on first use, once, and its answer is still checked", async () => {
    const { call: freshCall, endpointAtHand, loads, ApiRequestError: FreshError } = await freshClient();
    expect(endpointAtHand('myDigest')).toBeUndefined();

    // Two calls at once: one answer each, one load of the module between them.
    const fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(answer(200, { weekly: true })));
    vi.stubGlobal('fetch', fetchMock);
    const [first, second] = await Promise.all([freshCall('myDigest'), freshCall('myDigest')]);
    expect(first).toEqual({ weekly: true });
    expect(second).toEqual({ weekly: true });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/me/digest', '/api/me/digest']);
    expect(endpointAtHand('myDigest')?.path).toBe('/api/me/digest');

    // The same module serves the feature's other endpoints, its body schema included.
    stubFetch(answer(200, { weekly: false }));
    expect(await freshCall('updateMyDigest', { body: { weekly: false } })).toEqual({ weekly: false });
    expect(loads()).toBe(1);

    // A response that fails the feature's schema is an error, as for the core's.
    stubFetch(answer(200, { weekly: 'yes' }));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = await freshCall('myDigest').catch((error: unknown) => error);
    expect(broken).toBeInstanceOf(FreshError);
    expect((broken as ApiRequestError).code).toBe('invalid_response');
    consoleError.mockRestore();

    // A 401 on a feature's session endpoint still means "no session".
    stubFetch(answer(401, { error: { code: 'unauthenticated', message: 'Sign in to continue.' } }));
    const signedOut = (await freshCall('myDigest').catch((error: unknown) => error)) as ApiRequestError;
    expect(signedOut.isSessionMissing).toBe(true);
  });

  it('WEB-API-8 an endpoint in no catalogue module is a programming error, before any request', async () => {
    const { call: freshCall, ApiRequestError: FreshError } = await freshClient();
    const fetchMock = stubFetch(answer(200, {}));
    const error = await (freshCall as (name: string) => Promise<unknown>)('noSuchEndpoint').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(FreshError);
    expect(String(error)).toContain('noSuchEndpoint');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
