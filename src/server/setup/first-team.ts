/**
 * The guided first run (DAY-FIRST-1): a school, the admin's own first team (they facilitate it: it is their new
 * team, made in the same action and audited, not a leader joining someone else's team, TRUST-LEAD-1), and a
 * Share Successes meeting opened now with the admin as its facilitator. Guests join it by its code.
 */
import type { FastifyRequest } from 'fastify';
import type { FirstTeamRequest } from '#contracts/guests';
import type { Routine } from '#contracts/routine';
import { createMeeting } from '#core/meeting/index';
import { totalMinutes } from '#core/routines/index';
import { newJoinCode } from '../auth/tokens';
import { recordAudit } from '../audit/record';
import { groups, meetings, schools } from '../db/schema';
import { addMembership } from '../groups/queries';
import { conflict } from '../http/errors';
import { isUniqueViolation } from '../meetings/store';
import type { Actor } from '../policy/actor';
import { authorize } from '../policy/policy';
import type { Services } from '../services';

/** The routine a new team starts with: it asks least of a team (the gentlest of the progression). */
export const FIRST_ROUTINE_ID = 'share-successes';

export interface FirstTeam {
  schoolId: string;
  groupId: string;
  meetingId: string;
  routine: Routine;
  /** The new team's timer setting (DAY-TIMER: on by default), so the first step runs without a click. */
  autoStartTimer: boolean;
}

export async function createFirstTeam(
  s: Services,
  actor: Actor,
  body: FirstTeamRequest,
  req: FastifyRequest,
): Promise<FirstTeam> {
  const routine = s.routines.get(FIRST_ROUTINE_ID);
  if (!routine) throw conflict('The Share Successes routine is not installed.');
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await s.db.transaction(async (tx) => {
        const [school] = await tx
          .insert(schools)
          .values({ districtId: actor.districtId, name: body.schoolName })
          .returning();
        if (!school) throw new Error('insert returned no row');
        authorize(actor, 'create', {
          kind: 'new-group',
          districtId: actor.districtId,
          schoolId: school.id,
          groupKind: 'teacher_team',
        });
        const [group] = await tx
          .insert(groups)
          .values({
            districtId: actor.districtId,
            schoolId: school.id,
            kind: 'teacher_team',
            focus: 'plc',
            name: body.teamName,
          })
          .returning();
        if (!group) throw new Error('insert returned no row');
        await addMembership(tx, group, actor.userId, 'facilitator');
        const [meeting] = await tx
          .insert(meetings)
          .values({
            districtId: actor.districtId,
            groupId: group.id,
            title: routine.name,
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
            createdBy: actor.userId,
          })
          .returning();
        if (!meeting) throw new Error('insert returned no row');
        await recordAudit(tx, {
          districtId: actor.districtId,
          actorId: actor.userId,
          action: 'group.member_added',
          subject: { type: 'group', id: group.id },
          details: { userId: actor.userId, role: 'facilitator', via: 'first_run' },
          from: req,
        });
        await recordAudit(tx, {
          districtId: actor.districtId,
          actorId: actor.userId,
          action: 'setup.first_team',
          subject: { type: 'group', id: group.id },
          details: { schoolId: school.id, meetingId: meeting.id },
          from: req,
        });
        return {
          schoolId: school.id,
          groupId: group.id,
          meetingId: meeting.id,
          routine,
          autoStartTimer: group.autoStartTimer,
        };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // a meeting code collision: draw another
    }
  }
  throw conflict('Could not make a unique meeting code. Try again.');
}

/** Opens the meeting now: the admin, its only member so far, is on the roster and facilitates. */
export async function openFirstMeeting(s: Services, actor: Actor, made: FirstTeam): Promise<void> {
  const result = await s.meetings.appendInitial(made.meetingId, actor.districtId, (state) => {
    if (state.phase !== 'empty') return [];
    const created = createMeeting({
      meetingId: made.meetingId,
      agenda: [made.routine],
      memberIds: [actor.userId],
      facilitatorId: actor.userId,
      now: Date.now(),
      autoStartTimer: made.autoStartTimer,
    });
    return created.ok ? created.events : created.error;
  });
  if (!result.ok) throw conflict(result.error.message);
}
