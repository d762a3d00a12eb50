/**
 * The demo district's planned Peer Modeling meeting (issue 11): the Grade 3 Team will watch the district's
 * instructional coach model a practice in a classroom visit before the meeting; she is invited to that meeting
 * only. Seeded once, with the district.
 */
import { loadShippedRoutines } from '../routines/catalog';
import { totalMinutes } from '#core/routines/index';
import { newJoinCode } from '../auth/tokens';
import type { Db } from '../db/client';
import { meetingInvitees, meetingPlans, meetings } from '../db/schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEMO_PEER_MODELING_TITLE = 'Peer Modeling: turn and talk';

export async function seedPlannedPeerModeling(
  tx: Tx,
  districtId: string,
  groupId: string,
  people: { facilitator: string; coach: string },
): Promise<void> {
  const routine = loadShippedRoutines().get('peer-modeling');
  if (!routine) return;
  const day = (days: number, hour: number) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    d.setHours(hour, 0, 0, 0);
    return d;
  };
  const [meeting] = await tx
    .insert(meetings)
    .values({
      districtId,
      groupId,
      title: DEMO_PEER_MODELING_TITLE,
      scheduledFor: day(7, 15),
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
      createdBy: people.facilitator,
    })
    .returning();
  if (!meeting) return;
  await tx.insert(meetingInvitees).values({
    districtId,
    meetingId: meeting.id,
    userId: people.coach,
    role: 'model',
    invitedBy: people.facilitator,
  });
  await tx.insert(meetingPlans).values({
    districtId,
    meetingId: meeting.id,
    part: 0,
    curiosity: 'How do students explain their thinking to a partner when they are unsure?',
    practice: 'Turn and talk with sentence starters, with a short wait time before partners speak',
    modelId: people.coach,
    mode: 'classroom-visit',
    modelingAt: day(5, 9),
    updatedBy: people.facilitator,
  });
}
