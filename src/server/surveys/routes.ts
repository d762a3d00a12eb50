/**
 * Anonymous efficacy surveys (issue 13, ADR 0027-0029, MEASURE-*): waves for the district, a school or a set of
 * teams; answers kept apart from people; results frozen at close with ADR 0028's suppression decided once.
 * Every handler: validate, load scoped to the district, `authorize`, one transaction, present.
 */
import { personLanguage } from '../mail/language';
import type { FastifyInstance } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { api } from '#contracts/api';
import type { Language } from '#contracts/auth';
import type { WaveScope, WaveSpace } from '#contracts/surveys';
import { Instrument } from '#contracts/instrument';
import { parseInstrument } from '#core/measure/instrument';
import { buildFrame, NETWORK_ROLE_BAND } from '#core/measure/frame';
import { compareCells } from '#core/measure/compare';
import { sameGroupAt } from '#core/measure/same-group';
import { CONSTRUCT_ORDER } from '#core/measure/cell-stats';
import { hashSecret, newSecret } from '../auth/tokens';
import { recordAudit } from '../audit/record';
import type { DbOrTx } from '../db/client';
import {
  groups,
  schools,
  surveyLinkUses,
  surveyParticipation,
  surveyResponses,
  surveyWaves,
} from '../db/schema';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { languageOf } from '../http/language';
import { registerEndpoint } from '../http/route';
import type { Actor } from '../policy/actor';
import { authorize, can } from '../policy/policy';
import type { Services } from '../services';
import { instrumentIn } from './catalog';
import { closeWave } from './close';
import { checkAnswers, frameOf, type AnswerUnits } from './answers';
import { waveInvitationMail, waveReminderMail } from './mail';
import { frozenCells, frozenParts, rememberCells, rememberFrozen } from './frozen';
import {
  asksFreeText,
  commentPage,
  parseFrozenAt,
  presentReport,
  reportNotesIn,
  readsCell,
  presentSurveyToAnswer,
  presentWave,
  reportCsv,
  utcToday,
  waveStatus,
} from './presenter';
import {
  frameInput,
  insertInstrument,
  insertParticipation,
  uploadedInstruments,
  listWaves,
  loadWave,
  markAnswered,
  notYetAnswered,
  participationOf,
  responseCounts,
  resultsOf,
  waveByLinkHash,
  type WaveRow,
} from './queries';
import { waveSubject } from './subject';

/** MEASURE-NET-1: where the caller acts: their district, or the network the request names (ADR 0032). */
const spaceOf = (actor: Actor): WaveSpace => (actor.network ? 'network' : 'district');

/**
 * The schools a proposed scope covers (null: the district, or a district-level team is in it). In a network
 * (MEASURE-NET-1): the whole network (null), or some of its cohorts (no school: an empty list); a school is a 400.
 */
async function scopeSchools(db: DbOrTx, actor: Actor, scope: WaveScope): Promise<string[] | null> {
  if (scope.kind === 'district') return null;
  if (spaceOf(actor) === 'network') {
    if (scope.kind === 'school')
      throw badRequest('A network has no schools: choose the whole network or some of its cohorts', [
        { path: 'scope.kind', message: 'Choose the whole network or cohorts' },
      ]);
    const ids = [...new Set(scope.teamIds)];
    const rows = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.districtId, actor.districtId), eq(groups.kind, 'cohort')));
    const known = new Set(rows.map((r) => r.id));
    if (ids.some((id) => !known.has(id)))
      throw badRequest('Choose cohorts of this network', [
        { path: 'scope.teamIds', message: 'Unknown cohort' },
      ]);
    return [];
  }
  if (scope.kind === 'school') {
    const [school] = await db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.districtId, actor.districtId), eq(schools.id, scope.schoolId)));
    if (!school)
      throw badRequest('That school is not in your district', [
        { path: 'scope.schoolId', message: 'Unknown school' },
      ]);
    return [school.id];
  }
  const ids = [...new Set(scope.teamIds)];
  const rows = await db
    .select({ id: groups.id, schoolId: groups.schoolId, kind: groups.kind })
    .from(groups)
    .where(eq(groups.districtId, actor.districtId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found = ids.map((id) => byId.get(id));
  if (found.some((g) => g === undefined || g.kind === 'whole_staff'))
    throw badRequest('Choose teams of your district', [{ path: 'scope.teamIds', message: 'Unknown team' }]);
  if (found.some((g) => g?.schoolId === null)) return null;
  return [...new Set(found.flatMap((g) => (g?.schoolId ? [g.schoolId] : [])))];
}

/** One instrument file (the parser caps one at 100,000 characters), with room for JSON escapes. */
const INSTRUMENT_BODY_MAX = 150_000;

interface AvailableInstrument {
  instrument: Instrument;
  source: 'shipped' | 'uploaded';
}

/**
 * MEASURE-INST-13: the instruments a district's waves may use: Ensemble's own, then the latest version of each
 * one the district uploaded (stored rows are parsed again, never trusted as they are).
 */
async function instrumentsFor(s: Services, districtId: string): Promise<AvailableInstrument[]> {
  const shipped = [...s.instruments.values()].map((instrument) => ({
    instrument,
    source: 'shipped' as const,
  }));
  const latest = new Map<string, Instrument>();
  for (const row of await uploadedInstruments(s.db, districtId)) {
    if (latest.has(row.slug)) continue;
    const parsed = Instrument.safeParse(row.definition);
    if (parsed.success) latest.set(row.slug, parsed.data);
  }
  const uploaded = [...latest.values()].map((instrument) => ({ instrument, source: 'uploaded' as const }));
  return [...shipped, ...uploaded].sort((a, b) => a.instrument.title.localeCompare(b.instrument.title));
}

function summarizeInstrument({ instrument: i, source }: AvailableInstrument) {
  return {
    slug: i.id,
    version: i.version,
    title: i.title,
    description: i.description,
    kind: i.kind,
    items: i.items.length,
    constructs: CONSTRUCT_ORDER.filter((c) => i.items.some((item) => item.construct === c)),
    licenceOwner: i.licence.owner,
    source,
  };
}

/** MEASURE-DB-2: answering leaves no request line in the log (errors only). */
const ANSWER_ROUTE = { logLevel: 'error' } as const;

export function registerSurveyRoutes(app: FastifyInstance, s: Services) {
  const withCounts = async (actor: Actor | null, rows: WaveRow[], language: Language = 'en') => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const known = frozenParts(row.id)?.responses;
      if (known !== undefined) counts.set(row.id, known);
    }
    const counted = await responseCounts(
      s.db,
      rows[0]?.districtId ?? '',
      rows.filter((r) => !counts.has(r.id)).map((r) => r.id),
    );
    for (const row of rows) {
      if (counts.has(row.id)) continue;
      const n = counted.get(row.id) ?? 0;
      counts.set(row.id, n);
      // A closed wave's count never changes (`lockOpenWave`): counted once (60,000 answers: some 10 ms a report).
      if (row.closedAt !== null) rememberFrozen(row.id, { responses: n });
    }
    return rows.map((row) => presentWave(row, counts.get(row.id) ?? 0, actor, language));
  };

  registerEndpoint(app, api.listInstruments, async ({ actor, req }) => {
    const language = languageOf(req);
    return {
      items: (await instrumentsFor(s, actor.districtId))
        .map(({ instrument, source }) => ({ instrument: instrumentIn(instrument, language), source }))
        .map(summarizeInstrument),
    };
  });

  registerEndpoint(
    app,
    api.uploadInstrument,
    async ({ actor, body, req }) => {
      // MEASURE-INST-13: the district admins decide which licensed scales the district uses.
      authorize(actor, 'update', { kind: 'district', id: actor.districtId, districtId: actor.districtId });
      const parsed = parseInstrument(body.file.text, body.file.name);
      if (!parsed.ok)
        throw badRequest(
          'Nothing was uploaded: the file has problems to fix.',
          parsed.errors.map((e) => ({
            path: `${e.file}:${e.line}`,
            message: `${e.file}:${e.line}:${e.column}: ${e.message}`,
          })),
        );
      const instrument = parsed.instrument;
      if (instrument.kind !== 'survey')
        throw badRequest("Only survey instruments can be uploaded; the meeting pulse is Ensemble's own.", [
          { path: 'file', message: 'Use kind: survey' },
        ]);
      if (s.instruments.has(instrument.id))
        throw conflict(
          `"${instrument.id}" is the id of one of Ensemble's own instruments; give yours another id.`,
          [{ path: 'file', message: 'Choose another id' }],
        );
      const saved = await s.db.transaction(async (tx) => {
        const inserted = await insertInstrument(tx, {
          districtId: actor.districtId,
          slug: instrument.id,
          version: instrument.version,
          title: instrument.title,
          definition: instrument,
          source: body.file.text,
          uploadedBy: actor.userId,
        });
        if (inserted)
          await recordAudit(tx, {
            districtId: actor.districtId,
            actorId: actor.userId,
            action: 'survey.instrument_uploaded',
            subject: { type: 'survey_instrument', id: `${instrument.id}@${instrument.version}` },
            from: req,
          });
        return inserted;
      });
      if (!saved)
        throw conflict(
          `Version ${instrument.version} of "${instrument.id}" is already uploaded; raise its version.`,
          [{ path: 'file', message: 'Raise the version' }],
        );
      return summarizeInstrument({ instrument, source: 'uploaded' });
    },
    { bodyLimit: INSTRUMENT_BODY_MAX, rateLimit: { max: 30, timeWindow: 60_000 } },
  );

  registerEndpoint(app, api.listWaves, async ({ actor, req }) => {
    const rows = (await listWaves(s.db, actor.districtId)).filter((row) =>
      can(actor, 'read', waveSubject(row)),
    );
    const schoolIds = [...actor.schoolRoles].filter(([, r]) => r === 'school_leader').map(([id]) => id);
    return {
      items: await withCounts(actor, rows, languageOf(req)),
      canCreate:
        can(actor, 'create', { kind: 'new-wave', districtId: actor.districtId, schoolIds: null }) ||
        schoolIds.some((id) =>
          can(actor, 'create', { kind: 'new-wave', districtId: actor.districtId, schoolIds: [id] }),
        ),
    };
  });

  registerEndpoint(app, api.createWave, async ({ actor, body, req }) => {
    const instrument = (await instrumentsFor(s, actor.districtId)).find(
      (i) => i.instrument.id === body.instrument.slug,
    )?.instrument;
    if (!instrument || instrument.kind !== 'survey')
      throw badRequest('Choose one of the survey instruments', [
        { path: 'instrument.slug', message: 'Unknown instrument' },
      ]);
    const today = utcToday();
    if (body.opensOn < today)
      throw badRequest('A wave opens today or later', [
        { path: 'opensOn', message: 'Choose today or a later date' },
      ]);
    const schoolIds = await scopeSchools(s.db, actor, body.scope);
    authorize(actor, 'create', { kind: 'new-wave', districtId: actor.districtId, schoolIds });
    const built = buildFrame(await frameInput(s.db, actor.districtId, body.scope, spaceOf(actor)));
    if (built.invitees.length === 0)
      throw badRequest('Nobody belongs to that scope yet', [
        { path: 'scope', message: 'Choose a scope with people in it' },
      ]);
    const secret = body.invite === 'link' ? newSecret() : null;
    const opensNow = body.opensOn <= today;
    const row = await s.db.transaction(async (tx) => {
      const [wave] = await tx
        .insert(surveyWaves)
        .values({
          districtId: actor.districtId,
          title: body.title,
          scopeKind: body.scope.kind,
          scopeIds:
            body.scope.kind === 'school'
              ? [body.scope.schoolId]
              : body.scope.kind === 'teams'
                ? [...new Set(body.scope.teamIds)]
                : [],
          instrument,
          invite: body.invite,
          linkHash: secret === null ? null : hashSecret(secret),
          frame: built.frame,
          threshold: body.threshold,
          opensOn: body.opensOn,
          closesOn: body.closesOn,
          invitedAt: opensNow && body.invite === 'email' ? new Date() : null,
          createdBy: actor.userId,
        })
        .returning();
      if (!wave) throw conflict('The wave could not be saved');
      if (body.invite === 'email') await insertParticipation(tx, actor.districtId, wave.id, built.invitees);
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'survey.wave_created',
        subject: { type: 'survey_wave', id: wave.id },
        details: { scope: body.scope.kind, invited: built.invitees.length, invite: body.invite },
        from: req,
      });
      return wave;
    });
    if (opensNow && body.invite === 'email') await sendInvitations(s, row, req);
    return {
      wave: presentWave(row, 0, actor),
      link: secret === null ? null : s.link(`/s/${secret}`, req),
    };
  });

  registerEndpoint(app, api.getWave, async ({ actor, params }) => {
    const row = await loadWave(s.db, actor.districtId, params.waveId);
    authorize(actor, 'read', waveSubject(row));
    const [wave] = await withCounts(actor, [row]);
    if (!wave) throw notFound('That survey');
    return wave;
  });

  registerEndpoint(app, api.closeWave, async ({ actor, params, req }) => {
    const row = await loadWave(s.db, actor.districtId, params.waveId);
    authorize(actor, 'update', waveSubject(row));
    if (row.closedAt !== null) throw conflict('This wave is already closed');
    const closed = await s.db.transaction(async (tx) => {
      const done = await closeWave(tx, row);
      await recordAudit(tx, {
        districtId: actor.districtId,
        actorId: actor.userId,
        action: 'survey.wave_closed',
        subject: { type: 'survey_wave', id: row.id },
        from: req,
      });
      return done;
    });
    const [wave] = await withCounts(actor, [closed]);
    if (!wave) throw notFound('That survey');
    return wave;
  });

  registerEndpoint(app, api.remindWave, async ({ actor, params, req }) => {
    const row = await loadWave(s.db, actor.districtId, params.waveId);
    authorize(actor, 'update', waveSubject(row));
    if (waveStatus(row) !== 'open') throw conflict('Only an open wave sends reminders');
    if (row.invite !== 'email')
      throw conflict('A wave answered through a link has nobody to remind by email');
    const people = await notYetAnswered(s.db, actor.districtId, row.id);
    const [updated] = await s.db
      .update(surveyWaves)
      .set({ remindedAt: new Date() })
      .where(and(eq(surveyWaves.districtId, actor.districtId), eq(surveyWaves.id, row.id)))
      .returning();
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'survey.reminder_sent',
      subject: { type: 'survey_wave', id: row.id },
      details: { reminded: people.length },
      from: req,
    });
    for (const person of people)
      await s.mailer.send(
        waveReminderMail(updated ?? row, person, s.link(`/surveys/${row.id}/answer`, req), req),
      );
    const [wave] = await withCounts(actor, [updated ?? row]);
    if (!wave) throw notFound('That survey');
    return wave;
  });

  registerEndpoint(app, api.resetWaveLink, async ({ actor, params, req }) => {
    const row = await loadWave(s.db, actor.districtId, params.waveId);
    authorize(actor, 'update', waveSubject(row));
    if (row.invite !== 'link') throw conflict('This wave invites people by email');
    if (row.closedAt !== null) throw conflict('This wave is closed');
    const secret = newSecret();
    const [updated] = await s.db
      .update(surveyWaves)
      .set({ linkHash: hashSecret(secret) })
      .where(and(eq(surveyWaves.districtId, actor.districtId), eq(surveyWaves.id, row.id)))
      .returning();
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'survey.link_reset',
      subject: { type: 'survey_wave', id: row.id },
      from: req,
    });
    const [wave] = await withCounts(actor, [updated ?? row]);
    if (!wave) throw notFound('That survey');
    return { wave, link: s.link(`/s/${secret}`, req) };
  });

  /** A closed wave the caller may read reports of, and its frozen cells at one node and role filter. */
  const frozenFor = async (actor: Actor, waveId: string, role: 'all' | 'staff' | 'leader', at: string) => {
    const row = await loadWave(s.db, actor.districtId, waveId);
    authorize(actor, 'read-report', waveSubject(row));
    if (row.closedAt === null)
      throw conflict('Results are shown once the wave has closed, so nobody can watch them change');
    // MEASURE-NET-2: a network's wave has no role split; its results exist for `all` only.
    if (role !== 'all' && frameOf(row).space === 'network')
      throw badRequest("A network's results are not split by role", [{ path: 'role', message: 'Use all' }]);
    let cells = frozenCells(row.id, at, role);
    if (!cells) {
      cells = parseFrozenAt(await resultsOf(s.db, actor.districtId, row.id, at, role), at);
      rememberCells(row.id, at, role, cells);
    }
    return { row, cells };
  };

  const reportFor = async (
    actor: Actor,
    waveId: string,
    role: 'all' | 'staff' | 'leader',
    at: string,
    language: Language = 'en',
  ) => {
    const { row, cells } = await frozenFor(actor, waveId, role, at);
    const [wave] = await withCounts(actor, [row], language);
    if (!wave) throw notFound('That survey');
    return presentReport(actor, row, wave, cells, role, at, language);
  };

  // I18N-CONTENT-9: the report's instrument title, scale labels and notes in the request's language.
  registerEndpoint(app, api.waveReport, async ({ actor, params, query, req }) =>
    reportFor(actor, params.waveId, query.role, query.at, languageOf(req)),
  );

  /**
   * MEASURE-REPORT-7: further pages of a node's comments, under the report's rules: the same authorization, a
   * group the caller may read, only a shown cell's, only if the instrument asks for free text.
   */
  registerEndpoint(app, api.waveComments, async ({ actor, params, query }) => {
    const { row, cells } = await frozenFor(actor, params.waveId, query.role, query.at);
    const own = cells.own;
    if (own === null || !readsCell(actor, can(actor, 'update', waveSubject(row)), own.node))
      throw notFound('That group');
    if (own.status !== 'shown')
      throw new HttpError(
        404,
        'not_found',
        'Too few people in that group answered for what they wrote to be shown.',
      );
    if (!asksFreeText(row)) throw new HttpError(404, 'not_found', 'This survey asks for no comments.');
    return { at: query.at, role: query.role, comments: commentPage(own.freeText, query.offset, query.limit) };
  });

  registerEndpoint(app, api.waveReportCsv, async ({ actor, params, query, reply, req }) => {
    const report = await reportFor(actor, params.waveId, query.role, query.at);
    await recordAudit(s.db, {
      districtId: actor.districtId,
      actorId: actor.userId,
      action: 'export.survey_report',
      subject: { type: 'survey_wave', id: params.waveId },
      from: req,
    });
    void reply.header('content-disposition', `attachment; filename="survey-${params.waveId}.csv"`);
    return reportCsv(report, await personLanguage(s.db, actor, req));
  });

  registerEndpoint(app, api.compareWaves, async ({ actor, query, req }) => {
    const language = languageOf(req);
    if (query.before === query.after)
      throw badRequest('Choose two different waves', [{ path: 'after', message: 'Choose another wave' }]);
    const [before, after] = await Promise.all([
      reportFor(actor, query.before, query.role, query.at, language),
      reportFor(actor, query.after, query.role, query.at, language),
    ]);
    const same = (x: typeof before.wave.instrument, y: typeof before.wave.instrument) =>
      x.slug === y.slug && x.version === y.version;
    if (!same(before.wave.instrument, after.wave.instrument))
      throw badRequest('Choose two waves that asked the same questions', [
        { path: 'after', message: 'Choose a wave with the same questions' },
      ]);
    if (!sameGroupAt(before.wave.scope, after.wave.scope, query.at))
      throw badRequest('These two waves did not ask the same people there', [
        {
          path: 'at',
          message:
            'The two waves asked different groups, so this group is not the same people in both: compare a school or team that both asked whole',
        },
      ]);
    const b = before.cell ?? undefined;
    const a = after.cell ?? undefined;
    return {
      before: before.wave,
      after: after.wave,
      at: query.at,
      name: (a ?? b)?.node.name ?? query.at,
      role: query.role,
      scale: after.scale,
      rows: compareCells(b, a),
      notes: [...reportNotesIn(language).compare],
    };
  });

  registerEndpoint(app, api.mySurveys, async ({ actor }) => {
    const rows = await listWaves(s.db, actor.districtId);
    const items = [];
    for (const row of rows) {
      if (row.invite !== 'email' || waveStatus(row) !== 'open') continue;
      const p = await participationOf(s.db, actor.districtId, row.id, actor.userId);
      if (p && !p.answered) items.push({ id: row.id, title: row.title, closesOn: row.closesOn });
    }
    return { items };
  });

  registerEndpoint(
    app,
    api.surveyToAnswer,
    async ({ actor, params, req }) => {
      const row = await loadWave(s.db, actor.districtId, params.waveId);
      const p = await participationOf(s.db, actor.districtId, row.id, actor.userId);
      // MEASURE-WAVE-4: only the people invited answer; to anyone else the survey does not exist.
      if (row.invite !== 'email' || !p) throw notFound('That survey');
      const units = await participantUnits(s.db, row, actor.userId);
      return presentSurveyToAnswer(row, units, {
        asksRole: false,
        alreadyAnswered: p.answered,
        language: languageOf(req),
      });
    },
    ANSWER_ROUTE,
  );

  registerEndpoint(
    app,
    api.submitResponse,
    async ({ actor, params, body }) => {
      const row = await loadWave(s.db, actor.districtId, params.waveId);
      const p = await participationOf(s.db, actor.districtId, row.id, actor.userId);
      if (row.invite !== 'email' || !p) throw notFound('That survey');
      if (waveStatus(row) !== 'open') throw conflict('This survey is not open');
      const units = await participantUnits(s.db, row, actor.userId);
      const checked = checkAnswers(row, body, units, null);
      await s.db.transaction(async (tx) => {
        await lockOpenWave(tx, row);
        if (!(await markAnswered(tx, actor.districtId, row.id, actor.userId)))
          throw conflict('You have already answered this survey');
        await insertResponse(tx, row, checked);
      });
      return { ok: true as const, closesOn: row.closesOn };
    },
    ANSWER_ROUTE,
  );

  const linkWave = async (token: string) => {
    const row = await waveByLinkHash(s.db, hashSecret(token));
    if (!row || row.invite !== 'link') throw notFound('That survey');
    return row;
  };

  registerEndpoint(
    app,
    api.linkSurvey,
    async ({ params, req }) => {
      const row = await linkWave(params.token);
      const units = linkUnits(row);
      return presentSurveyToAnswer(row, units, {
        asksRole: units.role === null,
        alreadyAnswered: false,
        language: languageOf(req),
      });
    },
    ANSWER_ROUTE,
  );

  registerEndpoint(
    app,
    api.submitLinkResponse,
    async ({ params, body }) => {
      const row = await linkWave(params.token);
      if (waveStatus(row) !== 'open') throw conflict('This survey is not open');
      if (body.browserToken === undefined)
        throw badRequest('This browser could not be told apart', [
          { path: 'browserToken', message: 'Required' },
        ]);
      const browserToken = body.browserToken;
      const checked = checkAnswers(row, body, linkUnits(row), body.leader ?? null);
      await s.db.transaction(async (tx) => {
        await lockOpenWave(tx, row);
        const used = await tx
          .insert(surveyLinkUses)
          .values({ districtId: row.districtId, waveId: row.id, tokenHash: hashSecret(browserToken) })
          .onConflictDoNothing()
          .returning({ waveId: surveyLinkUses.waveId });
        if (used.length === 0) throw conflict('This browser has already answered this survey');
        await insertResponse(tx, row, checked);
      });
      return { ok: true as const, closesOn: row.closesOn };
    },
    ANSWER_ROUTE,
  );
}

/** The units an invited person answers about, from their participation row (the frame's, taken at launch). */
async function participantUnits(db: DbOrTx, row: WaveRow, userId: string): Promise<AnswerUnits> {
  const [p] = await db
    .select({ units: surveyParticipation.units, roleBand: surveyParticipation.roleBand })
    .from(surveyParticipation)
    .where(
      and(
        eq(surveyParticipation.districtId, row.districtId),
        eq(surveyParticipation.waveId, row.id),
        eq(surveyParticipation.userId, userId),
      ),
    );
  if (!p) throw notFound('That survey');
  return { keys: p.units, role: p.roleBand };
}

/**
 * MEASURE-WAVE-6: through the anonymous link, any unit of the frame (a team, or a school's or the district's
 * pool), chosen by the respondent, who also says whether they lead; in a network (MEASURE-NET-2), a cohort or the
 * network's pool, and nobody is asked whether they lead.
 */
function linkUnits(row: WaveRow): AnswerUnits {
  const frame = frameOf(row);
  return {
    keys: frame.units.map((u) => u.key),
    role: frame.space === 'network' ? NETWORK_ROLE_BAND : null,
  };
}

/**
 * MEASURE-WAVE-7: an answer is stored only while its wave is open, checked in the answer's transaction with the
 * wave's row locked for share (first, before any other row): a close, which updates that row, waits for the
 * answers under way, and an answer that comes after the close is refused. So what a close froze, and the response
 * count of a closed wave, hold every answer there will ever be.
 */
async function lockOpenWave(tx: DbOrTx, row: WaveRow) {
  const [open] = await tx
    .select({ id: surveyWaves.id })
    .from(surveyWaves)
    .where(
      and(
        eq(surveyWaves.districtId, row.districtId),
        eq(surveyWaves.id, row.id),
        isNull(surveyWaves.closedAt),
      ),
    )
    .for('share');
  if (!open) throw conflict('This survey is not open');
}

async function insertResponse(tx: DbOrTx, row: WaveRow, checked: ReturnType<typeof checkAnswers>) {
  await tx.insert(surveyResponses).values({
    districtId: row.districtId,
    waveId: row.id,
    unit: checked.unit,
    roleBand: checked.role,
    // MEASURE-ANON: the day only, in UTC; the order of answers says nothing.
    submittedOn: utcToday(),
    answers: checked.answers,
    freeText: checked.freeText,
  });
}

/** MEASURE-WAVE-3: one email each, with a link to answer (the outbox in development). */
async function sendInvitations(s: Services, row: WaveRow, req?: Parameters<Services['link']>[1]) {
  const people = await notYetAnswered(s.db, row.districtId, row.id);
  for (const person of people)
    await s.mailer.send(waveInvitationMail(row, person, s.link(`/surveys/${row.id}/answer`, req), req));
}
