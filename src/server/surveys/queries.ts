/**
 * Survey waves' reads and writes (ADR 0029), every one filtered by `district_id`. Nothing here joins a response
 * to a person: `survey_responses` is read only by wave, and `survey_participation` only by wave and person.
 */
import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Language } from '#contracts/auth';
import type { WaveScope, WaveSpace } from '#contracts/surveys';
import type { FrameInput, FramePerson } from '#core/measure/frame';
import type { DbOrTx } from '../db/client';
import {
  districts,
  groupMembers,
  groups,
  schoolRoles,
  schools,
  surveyInstruments,
  surveyParticipation,
  surveyResponses,
  surveyResults,
  surveyWaves,
  users,
} from '../db/schema';
import { notFound } from '../http/errors';
import { frozenParts } from './frozen';

export type WaveRow = typeof surveyWaves.$inferSelect;

/**
 * A wave of the caller's district; another district's wave is simply not found. Its frame and instrument are
 * read only when this process has not parsed them yet (they never change, `frozen.ts`): a district's frame is
 * about 1 MB of JSON.
 */
export async function loadWave(db: DbOrTx, districtId: string, waveId: string): Promise<WaveRow> {
  const known = frozenParts(waveId);
  const frame = known?.frame;
  const instrument = known?.instrument;
  const [row] = await db
    .select({
      ...getTableColumns(surveyWaves),
      ...(frame && { frame: sql<unknown>`null` }),
      ...(instrument && { instrument: sql<unknown>`null` }),
    })
    .from(surveyWaves)
    .where(and(eq(surveyWaves.districtId, districtId), eq(surveyWaves.id, waveId)));
  if (!row) throw notFound('That survey');
  return { ...row, frame: frame ?? row.frame, instrument: instrument ?? row.instrument };
}

/** The wave an anonymous link opens (by the hash of its secret). */
export async function waveByLinkHash(db: DbOrTx, linkHash: string): Promise<WaveRow | undefined> {
  const [row] = await db.select().from(surveyWaves).where(eq(surveyWaves.linkHash, linkHash));
  return row;
}

export async function listWaves(db: DbOrTx, districtId: string): Promise<WaveRow[]> {
  return db
    .select()
    .from(surveyWaves)
    .where(eq(surveyWaves.districtId, districtId))
    .orderBy(desc(surveyWaves.opensOn), asc(surveyWaves.title));
}

/** Answers per wave (the count only). */
export async function responseCounts(
  db: DbOrTx,
  districtId: string,
  waveIds: readonly string[],
): Promise<Map<string, number>> {
  if (waveIds.length === 0) return new Map();
  const rows = await db
    .select({ waveId: surveyResponses.waveId, n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.districtId, districtId), inArray(surveyResponses.waveId, [...waveIds])))
    .groupBy(surveyResponses.waveId);
  return new Map(rows.map((r) => [r.waveId, r.n]));
}

/**
 * What the frame of a wave is built from: the district's schools, teams and active people with their roles; in a
 * network (MEASURE-NET-2), its name, its cohorts and its active member rows (it has no schools or school roles).
 */
export async function frameInput(
  db: DbOrTx,
  districtId: string,
  scope: WaveScope,
  space: WaveSpace = 'district',
): Promise<FrameInput> {
  const [district] = await db
    .select({ name: districts.name })
    .from(districts)
    .where(eq(districts.id, districtId));
  const schoolRows = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(and(eq(schools.districtId, districtId), isNull(schools.archivedAt)));
  const teamRows = await db
    .select({ id: groups.id, name: groups.name, schoolId: groups.schoolId })
    .from(groups)
    .where(
      and(
        eq(groups.districtId, districtId),
        inArray(groups.kind, space === 'network' ? ['cohort'] : ['teacher_team', 'district_leadership']),
      ),
    );
  const people = await db
    .select({ id: users.id, role: users.districtRole })
    .from(users)
    .where(and(eq(users.districtId, districtId), isNull(users.deactivatedAt)));
  const roles = await db
    .select({ userId: schoolRoles.userId, schoolId: schoolRoles.schoolId, role: schoolRoles.role })
    .from(schoolRoles)
    .where(eq(schoolRoles.districtId, districtId))
    .orderBy(asc(schoolRoles.createdAt));
  const memberships = await db
    .select({ userId: groupMembers.userId, groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(eq(groupMembers.districtId, districtId))
    .orderBy(asc(groupMembers.joinedAt), asc(groupMembers.groupId));
  const byPerson = new Map<
    string,
    FramePerson & { schools: FramePerson['schools'][number][]; teamIds: string[] }
  >(
    people.map((p) => [
      p.id,
      { id: p.id, districtAdmin: p.role === 'district_admin', schools: [], teamIds: [] },
    ]),
  );
  for (const r of roles) byPerson.get(r.userId)?.schools.push({ schoolId: r.schoolId, role: r.role });
  for (const m of memberships) byPerson.get(m.userId)?.teamIds.push(m.groupId);
  return {
    space,
    districtName: district?.name ?? (space === 'network' ? 'Network' : 'District'),
    scope,
    schools: schoolRows,
    teams: teamRows,
    people: [...byPerson.values()],
  };
}

/**
 * MEASURE-WAVE-2: who a wave invites by email, in one statement whatever their number: row by row, the query
 * builder took seconds over a district of 70,000 people and runs out of stack past some 65,000 rows
 * (bench:report). The units keep their order (the first is the person's default).
 */
export async function insertParticipation(
  db: DbOrTx,
  districtId: string,
  waveId: string,
  invitees: readonly { userId: string; units: readonly string[]; role: 'staff' | 'leader' }[],
) {
  if (invitees.length === 0) return;
  await db.execute(sql`
    insert into survey_participation (district_id, wave_id, user_id, units, role_band)
    select ${districtId}::uuid, ${waveId}::uuid, p.user_id,
      array(select u from jsonb_array_elements_text(p.units) with ordinality as e(u, k) order by k),
      p.role_band
    from unnest(
      ${sql.param(invitees.map((i) => i.userId))}::uuid[],
      ${sql.param(invitees.map((i) => JSON.stringify(i.units)))}::jsonb[],
      ${sql.param(invitees.map((i) => i.role))}::text[]
    ) as p(user_id, units, role_band)`);
}

export async function participationOf(
  db: DbOrTx,
  districtId: string,
  waveId: string,
  userId: string,
): Promise<{ answered: boolean } | undefined> {
  const [row] = await db
    .select({ answered: surveyParticipation.answered })
    .from(surveyParticipation)
    .where(
      and(
        eq(surveyParticipation.districtId, districtId),
        eq(surveyParticipation.waveId, waveId),
        eq(surveyParticipation.userId, userId),
      ),
    );
  return row;
}

/**
 * MEASURE-WAVE-5: marks the person as having answered, only if they had not: true when this call did it. The
 * answer is inserted in the same transaction, so neither exists without the other.
 */
export async function markAnswered(db: DbOrTx, districtId: string, waveId: string, userId: string) {
  const rows = await db
    .update(surveyParticipation)
    .set({ answered: true })
    .where(
      and(
        eq(surveyParticipation.districtId, districtId),
        eq(surveyParticipation.waveId, waveId),
        eq(surveyParticipation.userId, userId),
        eq(surveyParticipation.answered, false),
      ),
    )
    .returning({ waveId: surveyParticipation.waveId });
  return rows.length === 1;
}

/**
 * People invited who have not answered yet, for an invitation or a reminder (email invitations only): accounts
 * only. A network's member row has no address of its own (ADR 0032: a reserved `.invalid` one), so a network's
 * members are never mailed (MEASURE-NET-3); their survey waits under My surveys in the network.
 */
export async function notYetAnswered(
  db: DbOrTx,
  districtId: string,
  waveId: string,
): Promise<{ email: string; name: string; language: Language | null }[]> {
  return db
    .select({ email: users.email, name: users.name, language: users.language })
    .from(surveyParticipation)
    .innerJoin(
      users,
      and(eq(users.id, surveyParticipation.userId), eq(users.districtId, surveyParticipation.districtId)),
    )
    .where(
      and(
        eq(surveyParticipation.districtId, districtId),
        eq(surveyParticipation.waveId, waveId),
        eq(surveyParticipation.answered, false),
        eq(users.kind, 'account'),
        isNull(users.deactivatedAt),
      ),
    );
}

/** A wave's answers, for the close: only the atom and the values, in no particular order. */
export async function responsesOf(db: DbOrTx, districtId: string, waveId: string) {
  return db
    .select({
      unit: surveyResponses.unit,
      roleBand: surveyResponses.roleBand,
      answers: surveyResponses.answers,
      freeText: surveyResponses.freeText,
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.districtId, districtId), eq(surveyResponses.waveId, waveId)));
}

/** MEASURE-REPORT-1: a node's frozen cell for a role filter and the cells of the nodes just under it. */
/**
 * A closed wave's frozen cells at one node and role filter: the node's own cell whole, and the cells just under it
 * without their item means and comments, which a report never sends for them (MEASURE-REPORT-6, ADR 0031): a district's 200
 * schools' cells are some 1 MB of JSON whole.
 */
export async function resultsOf(db: DbOrTx, districtId: string, waveId: string, node: string, role: string) {
  return db
    .select({
      node: surveyResults.node,
      payload: sql<unknown>`case when ${surveyResults.node} = ${node} then ${surveyResults.payload}
        else ${surveyResults.payload} - 'items' - 'freeText' end`,
    })
    .from(surveyResults)
    .where(
      and(
        eq(surveyResults.districtId, districtId),
        eq(surveyResults.waveId, waveId),
        eq(surveyResults.role, role),
        or(eq(surveyResults.node, node), eq(surveyResults.parent, node)),
      ),
    );
}

/** MEASURE-WAVE-7: the close deletes who was invited and who answered. */
export async function deleteParticipation(db: DbOrTx, districtId: string, waveId: string) {
  await db
    .delete(surveyParticipation)
    .where(and(eq(surveyParticipation.districtId, districtId), eq(surveyParticipation.waveId, waveId)));
}

/** Open waves whose close date has passed (the maintenance job closes them), across districts. */
export async function wavesDueToClose(db: DbOrTx, today: string) {
  return db
    .select({ id: surveyWaves.id, districtId: surveyWaves.districtId })
    .from(surveyWaves)
    .where(and(isNull(surveyWaves.closedAt), sql`${surveyWaves.closesOn} < ${today}::date`));
}

/** MEASURE-INST-13: the district's uploaded instruments, every version, newest first. */
export async function uploadedInstruments(db: DbOrTx, districtId: string) {
  return db
    .select({
      slug: surveyInstruments.slug,
      version: surveyInstruments.version,
      definition: surveyInstruments.definition,
    })
    .from(surveyInstruments)
    .where(eq(surveyInstruments.districtId, districtId))
    .orderBy(asc(surveyInstruments.slug), desc(surveyInstruments.version));
}

export async function insertInstrument(
  db: DbOrTx,
  row: {
    districtId: string;
    slug: string;
    version: number;
    title: string;
    definition: unknown;
    source: string;
    uploadedBy: string;
  },
): Promise<boolean> {
  const rows = await db
    .insert(surveyInstruments)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: surveyInstruments.id });
  return rows.length === 1;
}
