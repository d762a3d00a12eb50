/**
 * I18N-MAIL-1..9 (docs/SPEC.md, ADR 0044): every email in its recipient's language. A person's own choice
 * (users.language) wins; a recipient without one (no account yet, or null) gets the language of the request that
 * caused the mail (the sender's tab sends Accept-Language); otherwise English, word for word as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAccount } from '../auth/accounts';
import { groupMembers, groups, mailQueue, schools, users } from '../db/schema';
import { waveInvitationMail, waveReminderMail, type SurveyMailWave } from '../surveys/mail';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/api-harness';
import { personAtSchool } from '../testing/people';
import { mailLanguage } from './language';
import type { Mail } from './mailer';
import { enqueueMail } from './queue';
import { en } from './templates';
import { es } from './templates.es';

const ES = { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' };
const EN = { 'accept-language': 'en-US,en;q=0.9' };

let t: TestApp;
let a: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let b: Awaited<ReturnType<typeof createDistrictWithAdmin>>;
let groupId = '';

/** The newest mail to `to`, waiting a moment for mails sent after the answer (the password reset's). */
async function mailTo(to: string, since = 0): Promise<Mail> {
  await expect.poll(() => t.mails.slice(since).some((m) => m.to === to)).toBe(true);
  const mail = [...t.mails.slice(since)].reverse().find((m) => m.to === to);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

async function account(districtId: string, email: string, language: 'en' | 'es' | null, verified = true) {
  const user = await createAccount(t.database.db, {
    districtId,
    email,
    name: email.split('@')[0] ?? email,
    password: TEST_PASSWORD,
    districtRole: 'member',
    emailVerified: verified,
  });
  if (language) await t.database.db.update(users).set({ language }).where(eq(users.id, user.id));
  return user;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createDistrictWithAdmin(t, 'Distrito Norte', 'admin@norte.test');
  b = await createDistrictWithAdmin(t, 'Distrito Sur', 'admin@sur.test');
  const [school] = await t.database.db
    .insert(schools)
    .values({ districtId: a.district.id, name: 'Escuela Benito Juárez' })
    .returning();
  const [group] = await t.database.db
    .insert(groups)
    .values({
      districtId: a.district.id,
      schoolId: school!.id,
      kind: 'teacher_team',
      focus: 'plc',
      name: 'Tercer grado',
    })
    .returning();
  groupId = group!.id;
  await t.database.db
    .insert(groupMembers)
    .values({ districtId: a.district.id, groupId, userId: a.admin.id, role: 'facilitator' });
});
afterAll(async () => t.close());

describe('I18N-MAIL-1: which language a mail goes out in', () => {
  it('I18N-MAIL-1 the person’s choice wins over the request; no choice follows the request; else English', () => {
    expect(mailLanguage('en', { headers: ES })).toBe('en');
    expect(mailLanguage('es', { headers: EN })).toBe('es');
    expect(mailLanguage(null, { headers: ES })).toBe('es');
    expect(mailLanguage(null, { headers: {} })).toBe('en');
    expect(mailLanguage(null)).toBe('en');
  });
});

describe('I18N-MAIL-2: account mails (password reset, email verification)', () => {
  it('I18N-MAIL-2 a password reset goes in the account’s language, else the tab’s, else English as before', async () => {
    await account(a.district.id, 'elena@norte.test', 'es');
    await account(a.district.id, 'nadia@norte.test', null);
    await account(a.district.id, 'olga@norte.test', null);
    const anon = new Client(t.app);
    const since = t.mails.length;
    // Elena chose Spanish: an English tab does not change that.
    await anon.request('POST', '/api/auth/password-reset', { email: 'elena@norte.test' }, EN);
    await anon.request('POST', '/api/auth/password-reset', { email: 'nadia@norte.test' }, ES);
    await anon.request('POST', '/api/auth/password-reset', { email: 'olga@norte.test' });
    const elena = await mailTo('elena@norte.test', since);
    expect(elena.language).toBe('es');
    expect(elena.subject).toBe('Restablece tu contraseña de Ensemble');
    expect(elena.text).toMatch(/^Hola, elena:\n\nAlguien \(esperamos que tú\) pidió restablecer/);
    expect(elena.text).toContain('/reset-password?token=');
    const nadia = await mailTo('nadia@norte.test', since);
    expect([nadia.language, nadia.subject]).toEqual(['es', 'Restablece tu contraseña de Ensemble']);
    const olga = await mailTo('olga@norte.test', since);
    expect(olga.language).toBe('en');
    expect(olga.subject).toBe('Reset your Ensemble password');
    expect(olga.text).toMatch(
      /^Hello olga,\n\nSomeone \(hopefully you\) asked to reset your Ensemble password\. Open this link within an hour to choose a new one:\n\nhttp:\/\/ensemble\.test\/reset-password\?token=[^\n]+\n\nIf it was not you, you can ignore this email: your password stays as it is\.\n$/,
    );
  });

  it('I18N-MAIL-2 an email verification follows the same order', async () => {
    const chose = await account(a.district.id, 'pilar@norte.test', 'es', false);
    const none = await account(a.district.id, 'quinn@norte.test', null, false);
    const since = t.mails.length;
    await (await signedInClient(t, chose)).request('POST', '/api/auth/verify-email', {}, EN);
    await (await signedInClient(t, none)).request('POST', '/api/auth/verify-email', {}, ES);
    for (const to of ['pilar@norte.test', 'quinn@norte.test']) {
      const mail = await mailTo(to, since);
      expect(mail.language).toBe('es');
      expect(mail.subject).toBe('Confirma tu correo electrónico para Ensemble');
      expect(mail.text).toContain('Confirma que esta es tu dirección de correo electrónico');
    }
  });
});

describe('I18N-MAIL-3: invitations and join codes', () => {
  it('I18N-MAIL-3 a new address gets the inviter’s tab’s language; an account elsewhere gets its own', async () => {
    const since = t.mails.length;
    expect(
      (await a.client.request('POST', '/api/invitations', { email: 'nueva@norte.test', groupId }, ES)).status,
    ).toBe(200);
    const fresh = await mailTo('nueva@norte.test', since);
    expect(fresh.language).toBe('es');
    expect(fresh.subject).toBe('Distrito Norte Admin te invitó a Tercer grado');
    expect(fresh.text).toContain(
      'Distrito Norte Admin te invitó a unirte al equipo “Tercer grado” en Ensemble',
    );
    expect(fresh.text).toContain('(válida por 14 días)');
    // An account of another district that chose Spanish, invited from an English tab.
    await account(b.district.id, 'sofia@sur.test', 'es');
    await a.client.request('POST', '/api/invitations', { email: 'sofia@sur.test', groupId }, EN);
    const elsewhere = await mailTo('sofia@sur.test', since);
    expect(elsewhere.language).toBe('es');
    expect(elsewhere.subject).toBe('Una invitación a Ensemble que no puedes aceptar con esta dirección');
    // No language asked, no choice: the English mail as before.
    await a.client.post('/api/invitations', { email: 'tom@norte.test', groupId });
    const english = await mailTo('tom@norte.test', since);
    expect(english.language).toBe('en');
    expect(english.subject).toBe('Distrito Norte Admin invited you to Tercer grado');
    expect(english.text).toContain('invited you to join the team “Tercer grado” on Ensemble');
  });

  it('I18N-MAIL-3 a join code’s mails: the tab’s language for a new address, the account’s for a known one', async () => {
    const code = (
      await a.client.post<{ code: string }>(`/api/groups/${groupId}/join-code`, { expiresInHours: 24 })
    ).body.code;
    await account(a.district.id, 'ursula@norte.test', 'es');
    const since = t.mails.length;
    const joiner = new Client(t.app);
    const join = (email: string, headers: Record<string, string>) =>
      joiner.request('POST', '/api/join', { code, name: 'Val', email, password: TEST_PASSWORD }, headers);
    expect((await join('val@norte.test', ES)).status).toBe(200);
    expect((await join('ursula@norte.test', EN)).status).toBe(200);
    const confirm = await mailTo('val@norte.test', since);
    expect(confirm.language).toBe('es');
    expect(confirm.subject).toBe('Confirma tu correo electrónico para unirte a Tercer grado');
    expect(confirm.text).toContain('/join/confirm?token=');
    const known = await mailTo('ursula@norte.test', since);
    expect(known.language).toBe('es');
    expect(known.subject).toBe('Unirte a Tercer grado en Ensemble');
  });
});

describe('I18N-MAIL-4: a network invitation', () => {
  it('I18N-MAIL-4 goes in the invited account’s language, else in the convener’s tab’s', async () => {
    const created = await a.client.post<{ id: string }>('/api/networks', {
      name: 'Red de directores',
      description: 'Directores(as) con un mismo foco.',
      visibility: 'listed',
    });
    expect(created.status).toBe(200);
    const net = { 'x-ensemble-network': created.body.id };
    const chose = await personAtSchool(t, b.district.id, 'rosa@sur.test', 'school_leader');
    await t.database.db.update(users).set({ language: 'es' }).where(eq(users.id, chose.id));
    const since = t.mails.length;
    const invite = (email: string, lang: Record<string, string>) =>
      a.client.request('POST', '/api/network/invitations', { email }, { ...net, ...lang });
    expect((await invite('rosa@sur.test', EN)).status).toBe(200);
    expect((await invite('nuevo@sur.test', ES)).status).toBe(200);
    for (const to of ['rosa@sur.test', 'nuevo@sur.test']) {
      const mail = await mailTo(to, since);
      expect(mail.language).toBe('es');
      expect(mail.subject).toBe('Distrito Norte Admin te invitó a la red Red de directores');
      expect(mail.text).toContain('una red de directores(as) en Ensemble');
    }
  });
});

describe('I18N-MAIL-5: a Peer Modeling invitation', () => {
  it('I18N-MAIL-5 the invitee’s language, its date formatted with Intl in Spanish (UTC, as before)', async () => {
    const scheduled = await a.client.post<{ id: string }>(`/api/groups/${groupId}/meetings`, {
      title: 'Modelado: turnos para hablar',
      routineId: 'peer-modeling',
      scheduledFor: '2026-12-08T15:00:00.000Z',
    });
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    const coach = await account(a.district.id, 'carmen@norte.test', 'es');
    const other = await account(a.district.id, 'diego@norte.test', null);
    const since = t.mails.length;
    const invite = (userId: string, headers: Record<string, string>) =>
      a.client.request(
        'POST',
        `/api/meetings/${scheduled.body.id}/invitees`,
        { userId, role: 'model' },
        headers,
      );
    expect((await invite(coach.id, EN)).status).toBe(200);
    expect((await invite(other.id, {})).status).toBe(200);
    const spanish = await mailTo('carmen@norte.test', since);
    expect(spanish.language).toBe('es');
    expect(spanish.subject).toBe('Distrito Norte Admin te invitó a una reunión de Tercer grado');
    expect(spanish.text).toContain(
      'te invitó a modelar una práctica en “Modelado: turnos para hablar”, una reunión de modelado entre pares de Tercer grado el martes, 8 de diciembre de 2026, 15:00 UTC.',
    );
    const english = await mailTo('diego@norte.test', since);
    expect(english.language).toBe('en');
    expect(english.text).toContain('a Peer Modeling meeting of Tercer grado on 2026-12-08 15:00 UTC.');
  });
});

describe('I18N-MAIL-6: survey invitations and reminders', () => {
  const wave: SurveyMailWave = {
    id: '00000000-0000-4000-8000-000000000001',
    districtId: '00000000-0000-4000-8000-000000000002',
    title: 'Eficacia colectiva, otoño',
    threshold: 5,
    closesOn: '2026-12-18',
    remindedAt: null,
  };
  const row = () => wave;

  it('I18N-MAIL-6 the participant’s language, else the opening admin’s tab’s, dates in words', () => {
    const person = { email: 'ines@norte.test', name: 'Inés', language: 'es' as const };
    const invite = waveInvitationMail(row(), person, 'http://ensemble.test/surveys/x/answer', {
      headers: EN,
    });
    expect(invite.language).toBe('es');
    expect(invite.subject).toBe('Una encuesta breve: Eficacia colectiva, otoño');
    expect(invite.text).toContain('solo después de que la encuesta cierre el 18 de diciembre de 2026.');
    expect(invite.key).toBe(`survey-invite:${wave.id}:ines@norte.test`);
    const unset = { ...person, language: null };
    const reminder = waveReminderMail(row(), unset, 'http://x.test/a', { headers: ES });
    expect([reminder.language, reminder.subject]).toEqual(['es', 'Recordatorio: Eficacia colectiva, otoño']);
    expect(reminder.text).toContain('está abierta hasta el 18 de diciembre de 2026');
    // The survey job has no request: no choice means English, word for word as before.
    const english = waveInvitationMail(row(), unset, 'http://x.test/a');
    expect(english.language).toBe('en');
    expect(english.text).toBe(
      `Hello Inés,\n\nYou are invited to answer "Eficacia colectiva, otoño", a short survey on how your team works together. It takes about 5 minutes.\n\nYour answers are stored with no link to you. Results are shown only for groups where at least 5 people answered, and only after the survey closes on 2026-12-18.\n\nAnswer here: http://x.test/a\n`,
    );
  });
});

describe('I18N-MAIL-7: the queued message carries its language', () => {
  it('I18N-MAIL-7 Content-Language and the HTML part’s lang come from the mail’s language (English by default)', async () => {
    const from = 'Ensemble <ensemble@norte.test>';
    await enqueueMail(
      t.database.db,
      {
        to: 'x@norte.test',
        subject: 'Hola',
        text: 'Hola:\n\nhttp://e.test/a\n',
        language: 'es',
        key: 'i18n:es',
      },
      { from },
    );
    await enqueueMail(
      t.database.db,
      { to: 'y@norte.test', subject: 'Hi', text: 'Hi\n', key: 'i18n:en' },
      { from },
    );
    const [spanish] = await t.database.db
      .select()
      .from(mailQueue)
      .where(eq(mailQueue.idempotencyKey, 'i18n:es'));
    expect(spanish?.headers).toEqual({ 'Content-Language': 'es' });
    expect(spanish?.html).toContain('<html lang="es">');
    const [english] = await t.database.db
      .select()
      .from(mailQueue)
      .where(and(eq(mailQueue.idempotencyKey, 'i18n:en')));
    expect(english?.headers).toEqual({ 'Content-Language': 'en' });
    expect(english?.html).toContain('<html lang="en">');
  });
});

describe('I18N-MAIL-8: the catalogues', () => {
  it('I18N-MAIL-8 every Spanish message differs from the English and keeps each name and link it is given', () => {
    const link = 'http://ensemble.test/L';
    const at = new Date('2026-01-05T14:00:00Z');
    const pairs: [string, (c: typeof en) => { subject: string; text: string }][] = [
      ['passwordReset', (c) => c.passwordReset({ name: 'Ana', link })],
      ['emailVerification', (c) => c.emailVerification({ name: 'Ana', link })],
      [
        'invitation',
        (c) => c.invitation({ inviter: 'Ana', groupName: 'G', districtName: 'D', days: 14, link }),
      ],
      ['invitationElsewhere', (c) => c.invitationElsewhere()],
      ['joinCodeHasAccount', (c) => c.joinCodeHasAccount({ groupName: 'G', signInLink: link })],
      ['joinCodeElsewhere', (c) => c.joinCodeElsewhere()],
      ['joinCodeConfirm', (c) => c.joinCodeConfirm({ groupName: 'G', hours: 24, link })],
      ['networkInvitation', (c) => c.networkInvitation({ inviter: 'Ana', network: 'N', days: 14, link })],
      [
        'meetingInvitation',
        (c) =>
          c.meetingInvitation({
            inviter: 'Ana',
            name: 'Bo',
            role: 'observer',
            meetingTitle: 'M',
            groupName: 'G',
            at,
            link,
          }),
      ],
      [
        'surveyInvitation',
        (c) => c.surveyInvitation({ name: 'Bo', title: 'S', threshold: 5, closesOn: '2026-01-05', link }),
      ],
      [
        'surveyReminder',
        (c) => c.surveyReminder({ name: 'Bo', title: 'S', threshold: 5, closesOn: '2026-01-05', link }),
      ],
    ];
    for (const [name, render] of pairs) {
      const english = render(en);
      const spanish = render(es);
      expect(spanish.subject, name).not.toBe(english.subject);
      expect(spanish.text, name).not.toBe(english.text);
      for (const kept of [link, 'Ana', 'Bo'])
        if (english.text.includes(kept)) expect(spanish.text, `${name} keeps ${kept}`).toContain(kept);
      expect(spanish.text.endsWith('\n'), name).toBe(true);
      expect(spanish.text, name).not.toMatch(/\{\{|\$\{|undefined|null|NaN/);
    }
    expect(es.digest.subject(1, 1)).toBe('Tus próximos pasos esta semana: 1 pendiente, 1 vencido');
    expect(es.digest.subject(3, 0)).toBe('Tus próximos pasos esta semana: 3 pendientes');
  });
});
