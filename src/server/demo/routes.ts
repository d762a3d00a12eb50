/**
 * The demo that teaches (DAY-DEMO). Outside demo mode `GET /api/demo` says so and the other two answer 404,
 * whoever asks. In demo mode: a one-click sign-in as a seeded demo person (a normal session, audited as a
 * sign-in), and a practice meeting where simulated colleagues take part (simulate.ts).
 */
import type { FastifyInstance } from 'fastify';
import { api } from '#contracts/api';
import type { Routine } from '#contracts/routine';
import { createMeeting } from '#core/meeting/index';
import { totalMinutes } from '#core/routines/index';
import { recordAudit } from '../audit/record';
import { presentMe } from '../auth/presenter';
import { createSession, deleteSession, setSessionCookie } from '../auth/sessions';
import { newJoinCode } from '../auth/tokens';
import { meetings } from '../db/schema';
import { groupSubject, loadGroup } from '../groups/queries';
import { conflict, notFound } from '../http/errors';
import { registerEndpoint } from '../http/route';
import { isUniqueViolation } from '../meetings/store';
import { authorize } from '../policy/policy';
import { resolveRoutine } from '../routines/catalog';
import type { Services } from '../services';
import { NOT_A_DEMO, presentDemoInfo } from './presenter';
import { countSeededAccounts, demoDistrict, featuredPeople, loadDemoAccount, teamMembers } from './queries';
import type { DemoSimulator } from './simulate';

const MINUTE = 60_000;
/** Per address, like sign-in. */
const DEMO_SIGN_IN_PER_IP = { max: 20, timeWindow: MINUTE };
/** Each practice meeting is a row and a simulator run: a few a minute is plenty for a person. */
const PRACTICE_PER_IP = { max: 5, timeWindow: MINUTE };
/** The routine a practice meeting runs: the gentlest, which the demo's colleagues have lines for. */
const PRACTICE_ROUTINE = 'share-successes';
export const PRACTICE_TITLE = 'Practice meeting with simulated colleagues';
/** A small team is enough to see a meeting come alive. */
const SIMULATED_MAX = 5;

const notADemo = () => notFound('That page');

export function registerDemoRoutes(app: FastifyInstance, s: Services, simulator: DemoSimulator | null) {
  registerEndpoint(app, api.demoInfo, async () => {
    if (!s.config.demo) return NOT_A_DEMO;
    const district = await demoDistrict(s.db);
    if (!district) return NOT_A_DEMO;
    const [people, seeded] = await Promise.all([
      featuredPeople(s.db, district.id),
      countSeededAccounts(s.db, district.id),
    ]);
    return presentDemoInfo(district, people, seeded);
  });

  registerEndpoint(
    app,
    api.demoSignIn,
    async ({ body, req, reply }) => {
      if (!s.config.demo) throw notADemo();
      const district = await demoDistrict(s.db);
      const user = district ? await loadDemoAccount(s.db, district.id, body.userId) : null;
      if (!user) throw notFound('That demo person');
      // As a password sign-in: a fresh session (a shared device's, the default), the old one dropped.
      if (req.actor) {
        await deleteSession(s.db, req.actor.sessionId);
        s.access.sessionEnded(req.actor.sessionId);
      }
      const session = await createSession(s.db, user, req.headers['user-agent'], { persistent: false });
      await recordAudit(s.db, {
        districtId: user.districtId,
        actorId: user.id,
        action: 'auth.sign_in',
        subject: { type: 'person', id: user.id },
        details: { keepSignedIn: false, demo: true },
        from: req,
      });
      setSessionCookie(req, reply, session);
      return presentMe(s.db, user);
    },
    { rateLimit: DEMO_SIGN_IN_PER_IP },
  );

  registerEndpoint(
    app,
    api.startPracticeMeeting,
    async ({ actor, params }) => {
      if (!s.config.demo || !simulator) throw notADemo();
      const group = await loadGroup(s.db, actor, params.groupId);
      authorize(actor, 'run-meetings', groupSubject(group));
      authorize(actor, 'take-part', groupSubject(group));
      const district = await demoDistrict(s.db);
      if (district?.id !== actor.districtId) throw notFound('That group');
      const routine = await resolveRoutine(s.db, s.routines, actor.districtId, group.id, PRACTICE_ROUTINE);
      if (!routine) throw conflict('This team has no Share Successes routine to practise with.');
      const members = await teamMembers(s.db, actor.districtId, group.id);
      const colleagues = members
        .filter((m) => m.seeded && m.userId !== actor.userId)
        .slice(0, SIMULATED_MAX)
        .map((m) => ({ userId: m.userId, name: m.name }));
      if (!colleagues.length) throw conflict('This team has no demo colleagues to simulate.');

      const meetingId = await insertMeeting(s, actor.districtId, group.id, actor.userId, routine);
      const roster = [...new Set([...members.map((m) => m.userId), actor.userId])];
      const opened = await s.meetings.appendInitial(meetingId, actor.districtId, (state) => {
        if (state.phase !== 'empty') return [];
        const made = createMeeting({
          meetingId,
          agenda: [routine],
          memberIds: roster,
          facilitatorId: actor.userId,
          now: Date.now(),
          autoStartTimer: group.autoStartTimer, // DAY-TIMER-2: the team's setting
        });
        return made.ok ? made.events : made.error;
      });
      if (!opened.ok) throw conflict(opened.error.message);
      // The visitor facilitates; a simulated colleague presents, so the story arrives from someone else.
      const presenter = colleagues[0]?.userId ?? null;
      await s.meetings.execute(meetingId, actor.districtId, {
        type: 'assignRoles',
        actorId: actor.userId,
        idempotencyKey: `practice-roles-${meetingId}`,
        presenter,
      });
      simulator.start(meetingId, actor.districtId, colleagues);
      return { meetingId };
    },
    { rateLimit: PRACTICE_PER_IP },
  );
}

async function insertMeeting(
  s: Services,
  districtId: string,
  groupId: string,
  createdBy: string,
  routine: Routine,
): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const [row] = await s.db
        .insert(meetings)
        .values({
          districtId,
          groupId,
          title: PRACTICE_TITLE,
          scheduledFor: new Date(),
          agenda: [
            {
              routineId: routine.id,
              routineVersion: routine.version,
              routineName: routine.name,
              minutes: totalMinutes(routine),
            },
          ],
          totalMinutes: totalMinutes(routine),
          joinCode: newJoinCode().slice(0, 6),
          createdBy,
        })
        .returning({ id: meetings.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // a join code collision: draw another
    }
  }
  throw conflict('Could not make a unique meeting code. Try again.');
}
