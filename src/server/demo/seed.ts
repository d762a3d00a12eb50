import { seedDemoSurvey } from './survey';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  districts,
  groupMembers,
  groups,
  meetingEvents,
  meetings,
  schoolRoles,
  schools,
  users,
} from '../db/schema';
import { hashPassword } from '../auth/passwords';
import { newDemoPassword, newJoinCode } from '../auth/tokens';
import { loadShippedRoutines } from '../routines/catalog';
import { agendaOf, totalMinutes } from '#core/routines/index';
import { pastProblemSolveEvents, pastShareSuccessesEvents } from './past-meeting';
import { addDays, instantToLocal } from '#core/schedule/index';
import { insertSeries } from '../schedule/queries';
import { seedLibraryRoutine } from './library-routine';
import { seedPlannedPeerModeling } from './peer-modeling';
import type { MeetingEvent } from '#contracts/meeting';
import type { Routine } from '#contracts/routine';

export const DEMO_DISTRICT_NAME = 'Riverbend Unified (demo)';
export const DEMO_DOMAIN = 'demo.ensemble.test';

interface DemoPerson {
  key: string;
  name: string;
  admin?: boolean;
  school?: 'north' | 'south';
  leader?: boolean;
}

const PEOPLE: DemoPerson[] = [
  { key: 'admin', name: 'Dana Whitfield', admin: true },
  { key: 'principal.north', name: 'Marcus Bell', school: 'north', leader: true },
  { key: 'principal.south', name: 'Priya Raman', school: 'south', leader: true },
  { key: 'coach', name: 'Lena Ortiz', school: 'north' },
  { key: 'teacher1', name: 'Sam Okafor', school: 'north' },
  { key: 'teacher2', name: 'Jo Lindqvist', school: 'north' },
  { key: 'teacher3', name: 'Ana Beltrán', school: 'north' },
  { key: 'teacher4', name: 'Chris Yamada', school: 'north' },
  { key: 'teacher5', name: 'Ruth Mensah', school: 'north' },
  { key: 'teacher6', name: 'Tom Novak', school: 'south' },
  { key: 'teacher7', name: 'Aisha Karim', school: 'south' },
  { key: 'teacher8', name: 'Ben Castillo', school: 'south' },
  { key: 'teacher9', name: 'Mei Chen', school: 'south' },
  { key: 'teacher10', name: 'Owen Price', school: 'south' },
  { key: 'teacher11', name: 'Grace Adeyemi', school: 'south' },
  // The district's instructional coach, on no team: invited to model in a Peer Modeling meeting (issue 11).
  { key: 'instructional-coach', name: 'Nora Haddad' },
];

const TEAMS: {
  name: string;
  school: 'north' | 'south' | null;
  kind: 'teacher_team' | 'district_leadership';
  focus: 'plc' | 'grade_level' | 'department' | null;
  facilitator: string;
  members: string[];
}[] = [
  {
    name: 'Grade 3 Team',
    school: 'north',
    kind: 'teacher_team',
    focus: 'grade_level',
    facilitator: 'coach',
    members: ['teacher1', 'teacher2', 'teacher3'],
  },
  {
    name: 'Literacy PLC',
    school: 'north',
    kind: 'teacher_team',
    focus: 'plc',
    facilitator: 'teacher4',
    members: ['teacher5', 'teacher1', 'coach'],
  },
  {
    name: 'Math Department',
    school: 'south',
    kind: 'teacher_team',
    focus: 'department',
    facilitator: 'teacher6',
    members: ['teacher7', 'teacher8', 'teacher9'],
  },
  {
    name: 'Science Department',
    school: 'south',
    kind: 'teacher_team',
    focus: 'department',
    facilitator: 'teacher10',
    members: ['teacher11', 'teacher9'],
  },
  {
    name: 'District Leadership Team',
    school: null,
    kind: 'district_leadership',
    focus: null,
    facilitator: 'admin',
    members: ['principal.north', 'principal.south'],
  },
];

export const demoEmail = (key: string) => `${key}@${DEMO_DOMAIN}`;

/**
 * Fills a demo district once, and on every `--demo` start gives all demo accounts a fresh shared
 * password (printed by the caller): there is never a default password to guess.
 */
export async function seedDemo(db: Db): Promise<{ created: boolean; password: string; adminEmail: string }> {
  const password = newDemoPassword();
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(districts).where(eq(districts.name, DEMO_DISTRICT_NAME));
    if (existing) {
      await tx.update(users).set({ passwordHash }).where(eq(users.districtId, existing.id));
      await ensureReadyMeeting(tx, existing.id);
      return false;
    }
    const [district] = await tx.insert(districts).values({ name: DEMO_DISTRICT_NAME }).returning();
    if (!district) throw new Error('insert returned no row');
    const schoolRows = await tx
      .insert(schools)
      .values([
        { districtId: district.id, name: 'North Elementary' },
        { districtId: district.id, name: 'South Middle School' },
      ])
      .returning();
    const schoolId = { north: schoolRows[0]?.id as string, south: schoolRows[1]?.id as string };
    const userRows = await tx
      .insert(users)
      .values(
        PEOPLE.map((p) => ({
          districtId: district.id,
          email: demoEmail(p.key),
          name: p.name,
          passwordHash,
          districtRole: p.admin ? ('district_admin' as const) : ('member' as const),
          emailVerifiedAt: new Date(),
        })),
      )
      .returning();
    const userId = new Map(userRows.map((u) => [u.email, u.id]));
    const idOf = (key: string) => userId.get(demoEmail(key)) as string;
    await tx.insert(schoolRoles).values(
      PEOPLE.filter((p) => p.school).map((p) => ({
        districtId: district.id,
        schoolId: schoolId[p.school as 'north' | 'south'],
        userId: idOf(p.key),
        role: p.leader ? ('school_leader' as const) : ('staff' as const),
      })),
    );
    const teamId = new Map<string, string>();
    for (const t of TEAMS) {
      const [g] = await tx
        .insert(groups)
        .values({
          districtId: district.id,
          schoolId: t.school ? schoolId[t.school] : null,
          kind: t.kind,
          focus: t.focus,
          name: t.name,
        })
        .returning();
      if (!g) throw new Error('insert returned no row');
      teamId.set(t.name, g.id);
      await tx.insert(groupMembers).values([
        {
          districtId: district.id,
          groupId: g.id,
          userId: idOf(t.facilitator),
          role: 'facilitator' as const,
        },
        ...t.members.map((m) => ({
          districtId: district.id,
          groupId: g.id,
          userId: idOf(m),
          role: 'member' as const,
        })),
      ]);
    }
    await seedPastMeetings(tx, district.id, teamId.get('Literacy PLC') as string, idOf);
    await seedWeeklySeries(tx, district.id, teamId.get('Literacy PLC') as string, idOf);
    await seedLibraryRoutine(tx, district.id, teamId.get('Literacy PLC') as string, idOf('teacher4'));
    await seedPlannedPeerModeling(tx, district.id, teamId.get('Grade 3 Team') as string, {
      facilitator: idOf('coach'),
      coach: idOf('instructional-coach'),
    });
    await seedDemoSurvey(
      tx,
      district.id,
      PEOPLE.map((p) => demoEmail(p.key)),
    );
    await ensureReadyMeeting(tx, district.id);
    return true;
  });
  return { created, password, adminEmail: demoEmail('admin') };
}

/** The coach's own team has a meeting ready to start (DAY-DEMO-3): scheduled for now, on every `--demo` start. */
export const READY_MEETING_TITLE = 'Grade 3 check-in';

async function ensureReadyMeeting(tx: Tx, districtId: string) {
  const routine = loadShippedRoutines().get('share-successes');
  const [team] = await tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.districtId, districtId), eq(groups.name, 'Grade 3 Team')));
  const [coach] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.districtId, districtId), eq(users.email, demoEmail('coach'))));
  if (!routine || !team || !coach) return;
  const now = new Date();
  now.setSeconds(0, 0);
  const [ready] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.districtId, districtId),
        eq(meetings.groupId, team.id),
        eq(meetings.title, READY_MEETING_TITLE),
        eq(meetings.status, 'scheduled'),
      ),
    );
  if (ready) {
    await tx
      .update(meetings)
      .set({ scheduledFor: now })
      .where(and(eq(meetings.districtId, districtId), eq(meetings.id, ready.id)));
    return;
  }
  await tx.insert(meetings).values({
    districtId,
    groupId: team.id,
    title: READY_MEETING_TITLE,
    scheduledFor: now,
    agenda: agendaOf([routine]),
    totalMinutes: totalMinutes(routine),
    joinCode: newJoinCode().slice(0, 6),
    createdBy: coach.id,
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The Literacy PLC meets weekly (SERIES): from next week on the same weekday at 15:30 in the district's zone,
 * for twelve weeks, the fourth skipped as a holiday, so the demo shows a series, its rule and a skipped date.
 */
async function seedWeeklySeries(tx: Tx, districtId: string, groupId: string, idOf: (key: string) => string) {
  const routine = loadShippedRoutines().get('share-successes');
  const [district] = await tx.select().from(districts).where(eq(districts.id, districtId));
  if (!routine || !district) return;
  const today = instantToLocal(new Date(), district.timeZone);
  const firstDate = addDays(today.date, 7);
  const rule = {
    weekday: today.weekday,
    time: '15:30',
    intervalWeeks: 1,
    firstDate,
    lastDate: addDays(firstDate, 7 * 11),
    skipDates: [addDays(firstDate, 7 * 3)],
    timeZone: district.timeZone,
  };
  await insertSeries(tx, {
    districtId,
    groupId,
    title: 'Literacy PLC weekly meeting',
    agenda: agendaOf([routine]),
    rule,
    createdBy: idOf('teacher4'),
  });
}

/**
 * Two ended Literacy PLC meetings, so the demo team has a memory: two weeks ago a Problem-Solve (Lena's dilemma
 * about partner talk, with a next step of hers due in three days), last week a Share Successes (minutes, next
 * steps, a presenter history). Their records, team home and search index are drawn from these logs on first
 * read, as for any meeting.
 */
async function seedPastMeetings(tx: Tx, districtId: string, groupId: string, idOf: (key: string) => string) {
  const dueSoon = new Date();
  dueSoon.setDate(dueSoon.getDate() + 3);
  await seedPastMeeting(tx, districtId, groupId, idOf, {
    routineId: 'problem-solve',
    title: 'Literacy PLC: partner talk',
    daysAgo: 14,
    events: (meetingId, routine, startedAt) =>
      pastProblemSolveEvents(
        meetingId,
        routine,
        {
          facilitator: idOf('teacher4'),
          presenter: idOf('coach'),
          others: [idOf('teacher5'), idOf('teacher1')],
        },
        startedAt,
        dueSoon.toISOString().slice(0, 10),
      ),
  });
  await seedPastMeeting(tx, districtId, groupId, idOf, {
    routineId: 'share-successes',
    title: 'Literacy PLC weekly meeting',
    daysAgo: 7,
    events: (meetingId, routine, startedAt) =>
      pastShareSuccessesEvents(
        meetingId,
        routine,
        {
          facilitator: idOf('teacher4'),
          presenter: idOf('teacher5'),
          others: [idOf('teacher1'), idOf('coach')],
        },
        startedAt,
      ),
  });
}

async function seedPastMeeting(
  tx: Tx,
  districtId: string,
  groupId: string,
  idOf: (key: string) => string,
  past: {
    routineId: string;
    title: string;
    daysAgo: number;
    events: (meetingId: string, routine: Routine, startedAt: number) => MeetingEvent[];
  },
) {
  const routine = loadShippedRoutines().get(past.routineId);
  if (!routine) return;
  const startedAt = new Date();
  startedAt.setDate(startedAt.getDate() - past.daysAgo);
  startedAt.setHours(15, 30, 0, 0);
  const [meeting] = await tx
    .insert(meetings)
    .values({
      districtId,
      groupId,
      title: past.title,
      scheduledFor: startedAt,
      agenda: agendaOf([routine]),
      totalMinutes: totalMinutes(routine),
      joinCode: newJoinCode().slice(0, 6),
      createdBy: idOf('teacher4'),
    })
    .returning();
  if (!meeting) throw new Error('insert returned no row');
  const events = past.events(meeting.id, routine, startedAt.getTime());
  await tx.insert(meetingEvents).values(
    events.map((e) => ({
      districtId,
      meetingId: meeting.id,
      seq: e.seq,
      type: e.type,
      v: e.v,
      at: e.at,
      actorId: e.actorId,
      idempotencyKey: e.idempotencyKey,
      payload: e.payload,
    })),
  );
  const last = events.at(-1);
  await tx
    .update(meetings)
    .set({
      status: 'ended',
      startedAt,
      endedAt: last ? new Date(last.at) : startedAt,
      lastSeq: last?.seq ?? 0,
    })
    .where(and(eq(meetings.districtId, districtId), eq(meetings.id, meeting.id)));
}
