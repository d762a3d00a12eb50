/**
 * TRUST-LOG-1 (docs/SPEC.md): the real app (`serve --demo --dev`, LOG_LEVEL=debug, as a child process) goes
 * through invitations, reset links, join codes with an emailed sign-up link, a live meeting with a private
 * reflection and a database refusal (a unique-violation race on a planted address); then the whole log
 * (stdout and stderr) is searched for every planted token, code and marker: none may appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApp, waitForHealth, type RunningApp } from './app-process';
import {
  buildServer,
  DEMO_TEAM,
  demoEmail,
  LiveSocket,
  openMeeting,
  signIn,
  stopApp,
  type Http,
} from './meeting-harness';

let app: RunningApp;
let dataDir = '';
let password = '';

beforeAll(async () => {
  buildServer();
  dataDir = mkdtempSync(join(tmpdir(), 'ensemble-logs-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  app = startApp(
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    ['--demo', '--dev'],
  );
  await waitForHealth(app, 60_000);
  password = /Shared demo password for this run: (\S+)/.exec(app.output())?.[1] ?? '';
  if (!password) throw new Error(`no demo password:\n${app.output()}`);
}, 90_000);

afterAll(async () => {
  await stopApp(app);
  rmSync(dataDir, { recursive: true, force: true });
});

interface Answer<T> {
  status: number;
  body: T;
  cookie: string | null;
}

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  opts: { body?: unknown; session?: string | null } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (opts.session) headers.cookie = `ensemble_session=${opts.session}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${app.base}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a page
  }
  const cookie = /ensemble_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;
  return { status: res.status, body: body as T, cookie };
}

/** The newest dev-outbox mail to `to`, and the secret after `marker` in its link. */
async function secretFromOutbox(to: string, marker: RegExp): Promise<string> {
  const box = await call<{ items: { to: string; text: string }[] }>('GET', '/api/dev/outbox');
  const mail = box.body.items.find((m) => m.to === to && marker.test(m.text));
  const secret = mail ? marker.exec(mail.text)?.[1] : undefined;
  if (!secret) throw new Error(`no mail to ${to} matching ${marker}`);
  return secret;
}

const tag = () => randomBytes(6).toString('hex');

describe('TRUST-LOG-1', () => {
  it('TRUST-LOG-1: no planted token, code, address or private text reaches the log', async () => {
    const planted: Record<string, string> = {};
    const adminEmail = /Sign in as (\S+) \(district admin\)/.exec(app.output())?.[1] ?? '';
    const admin = await signIn(app.base, adminEmail, password);
    const coach = await signIn(app.base, demoEmail('coach'), password);
    const teacher = await signIn(app.base, demoEmail('teacher1'), password);
    planted.adminSession = admin.session;
    planted.coachSession = coach.session;
    const groups = await coach.request<{ items: { id: string; name: string }[] }>('GET', '/api/groups');
    const groupId = groups.items.find((g) => g.name === DEMO_TEAM)?.id ?? '';

    // Invitations: the emailed token, the invitee's address (local part) and the password chosen.
    const invitee = `inv${tag()}@example.test`;
    planted.invitee = invitee.split('@')[0] ?? '';
    const invited = await call('POST', '/api/invitations', {
      session: admin.session,
      body: { email: invitee, groupId },
    });
    expect(invited.status).toBe(200);
    const inviteToken = await secretFromOutbox(invitee, /\/invite\/([A-Za-z0-9_-]+)/);
    planted.inviteToken = inviteToken;
    expect((await call('GET', `/api/invitations/token/${inviteToken}`)).status).toBe(200);
    expect((await call('GET', `/invite/${inviteToken}?from=email`)).status).toBeLessThan(500);
    planted.inviteePassword = `pw-${tag()}-secret`;
    const accepted = await call('POST', `/api/invitations/token/${inviteToken}/accept`, {
      body: { name: 'New Colleague', password: planted.inviteePassword },
    });
    expect(accepted.status).toBe(200);
    planted.inviteeSession = accepted.cookie ?? 'no-cookie-set';

    // Reset links: the token in the emailed link and in the page's query string, and the new password.
    const teacher2 = demoEmail('teacher2');
    expect((await call('POST', '/api/auth/password-reset', { body: { email: teacher2 } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const resetToken = await secretFromOutbox(teacher2, /reset-password\?token=([A-Za-z0-9_-]+)/);
    planted.resetToken = resetToken;
    expect((await call('GET', `/reset-password?token=${resetToken}`)).status).toBeLessThan(500);
    planted.newPassword = `np-${tag()}-secret`;
    expect(
      (
        await call('POST', '/api/auth/password-reset/complete', {
          body: { token: resetToken, password: planted.newPassword },
        })
      ).status,
    ).toBe(200);

    // Join codes: the code in paths and bodies, and the emailed sign-up link.
    const code = await call<{ code: string }>('POST', `/api/groups/${groupId}/join-code`, {
      session: coach.session,
      body: {},
    });
    expect(code.status).toBe(200);
    planted.joinCode = code.body.code;
    expect((await call('GET', `/api/join/${code.body.code}`)).status).toBe(200);
    expect((await call('GET', `/join/${code.body.code.toLowerCase()}`)).status).toBeLessThan(500);
    const joiner = `join${tag()}@example.test`;
    planted.joiner = joiner.split('@')[0] ?? '';
    const joined = await call('POST', '/api/join', {
      body: { code: code.body.code, name: 'Joining Person', email: joiner, password: `jp-${tag()}-secret` },
    });
    expect(joined.status).toBe(200);
    const confirm = await secretFromOutbox(joiner, /token=([A-Za-z0-9_-]+)/).catch(() => null);
    if (confirm) {
      planted.signUpToken = confirm;
      await call('GET', `/join/confirm?token=${confirm}`);
      await call('POST', '/api/join/confirm', { body: { token: confirm } });
    }

    // A live meeting with a private reflection.
    const meetingId = await openMeeting(coach, groupId, 'Log test meeting');
    const lead = await LiveSocket.open(app.base, coach);
    const member = await LiveSocket.open(app.base, teacher);
    await lead.join(meetingId, 0);
    await member.join(meetingId, 0);
    await lead.must(meetingId, { type: 'startMeeting' });
    planted.reflection = `PRIVATE-REFLECTION-${tag()}`;
    await member.must(meetingId, { type: 'writeReflection', stepId: 'identify', text: planted.reflection });
    // DAY-REFL-6: rereading, exporting and sharing it later (My reflections) log no reflection text either.
    await lead.must(meetingId, { type: 'endMeeting' });
    const mine = await call<{ items: { reflectionId: string; text: string }[] }>(
      'GET',
      '/api/me/reflections',
      { session: teacher.session },
    );
    const reflectionId = mine.body.items.find((r) => r.text === planted.reflection)?.reflectionId ?? '';
    for (const path of ['/api/me/reflections.md', '/api/me/reflections.csv'])
      expect((await call('GET', path, { session: teacher.session })).status).toBe(200);
    const shared = await call('POST', `/api/me/reflections/${reflectionId}/share`, {
      session: teacher.session,
    });
    expect(shared.status).toBe(200);
    lead.close();
    member.close();

    // MEASURE-DB-2: a survey answer and a meeting pulse leave no request line (so no address or time) in the log,
    // and their free text none either.
    const wave = await call<{ wave: { id: string } }>('POST', '/api/surveys/waves', {
      session: admin.session,
      body: {
        title: 'Log test survey',
        instrument: { slug: 'ensemble-efficacy' },
        scope: { kind: 'teams', teamIds: [groupId] },
        opensOn: new Date().toISOString().slice(0, 10),
        closesOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
        invite: 'email',
      },
    });
    expect(wave.status).toBe(200);
    const waveId = wave.body.wave.id;
    const survey = await call<{ units: { key: string }[]; instrument: { items: { id: string }[] } }>(
      'GET',
      `/api/surveys/waves/${waveId}/answer`,
      { session: teacher.session },
    );
    expect(survey.status).toBe(200);
    planted.surveyText = `SURVEY-TEXT-${tag()}`;
    const answered = await call('POST', `/api/surveys/waves/${waveId}/answer`, {
      session: teacher.session,
      body: {
        unit: survey.body.units[0]?.key ?? '',
        answers: Object.fromEntries(survey.body.instrument.items.map((i) => [i.id, 4])),
        freeText: planted.surveyText,
      },
    });
    expect(answered.status).toBe(200);
    const pulse = await call<{ items: { id: string }[] }>('GET', `/api/meetings/${meetingId}/pulse`, {
      session: teacher.session,
    });
    expect(pulse.status).toBe(200);
    const pulsed = await call('POST', `/api/meetings/${meetingId}/pulse`, {
      session: teacher.session,
      body: { answers: Object.fromEntries(pulse.body.items.map((i) => [i.id, 5])) },
    });
    expect(pulsed.status).toBe(200);

    // A database refusal: two invitations to one planted address accepted at once (unique violation).
    const racer = `race${tag()}@example.test`;
    planted.racer = racer.split('@')[0] ?? '';
    for (let i = 0; i < 2; i++)
      await call('POST', '/api/invitations', { session: admin.session, body: { email: racer, groupId } });
    const box = await call<{ items: { to: string; text: string }[] }>('GET', '/api/dev/outbox');
    const raceTokens = box.body.items
      .filter((m) => m.to === racer)
      .map((m) => /\/invite\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1] ?? '');
    expect(raceTokens).toHaveLength(2);
    const racePassword = `rp-${tag()}-secret`;
    planted.racePassword = racePassword;
    const raced = await Promise.all(
      raceTokens.map((token) =>
        call('POST', `/api/invitations/token/${token}/accept`, {
          body: { name: 'Racing Person', password: racePassword },
        }),
      ),
    );
    const statuses = raced.map((r) => r.status).sort();
    expect(
      statuses.every((s) => s < 500),
      JSON.stringify(statuses),
    ).toBe(true);

    await new Promise((r) => setTimeout(r, 500));
    const log = app.output();
    // The run was logged at debug level: requests are there, just not their secrets.
    expect(log).toContain('"msg":"incoming request"');
    expect(log).toContain('/api/invitations/token/<redacted>');
    expect(log).toContain('email captured in the dev outbox');
    expect(log).toContain('/api/surveys/waves');
    expect(log).not.toContain(`/api/surveys/waves/${waveId}/answer`);
    expect(log).not.toContain(`/api/meetings/${meetingId}/pulse`);
    const hits = Object.entries(planted)
      .filter(([, value]) => value.length >= 6 && log.includes(value))
      .map(([name]) => name);
    expect(hits).toEqual([]);
    // Also every kind of token by shape: no 43-character base64url secret anywhere in the log.
    expect(log.match(/[A-Za-z0-9_-]{43}/g) ?? []).toEqual([]);
  }, 120_000);
});

export type { Http };
