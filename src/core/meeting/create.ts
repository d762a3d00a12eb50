import {
  AGENDA_ROUTINES_MAX,
  FOLLOW_UPS_MAX,
  MEETING_EVENT_VERSION,
  type FollowUpItem,
  type MeetingEvent,
  type MeetingRejection,
  type PeerModelingPlan,
} from '../../contracts/meeting';
import { Slug, type Routine } from '../../contracts/routine';
import { formatPath, validateRoutine } from '../routines';
import { runStepId } from './state';

export interface CreateMeetingInput {
  readonly meetingId: string;
  /**
   * The routines to run, in order, as they stand now: the meeting keeps these snapshots even if the team
   * edits a routine later.
   */
  readonly agenda: readonly Routine[];
  readonly memberIds: readonly string[];
  readonly facilitatorId: string;
  /** Who created it (a team lead, say); defaults to the facilitator. */
  readonly actorId?: string;
  readonly now: number;
  /** DAY-TIMER-1: the team's setting; when absent the log says nothing and timers wait for a click. */
  readonly autoStartTimer?: boolean;
  /**
   * PM-PLAN-3: the Peer Modeling plans written before the meeting, one per `observed-practice` part at most.
   * A plan's model who is not on the roster is left out of the snapshot (the facilitator picks someone).
   */
  readonly plans?: readonly PeerModelingPlan[];
  /** PM-GUEST-1: the people invited to this meeting only (they must be on `memberIds`). */
  readonly invitedIds?: readonly string[];
  /** FOLLOW-OPEN-1: the team's open next steps of earlier meetings (at most FOLLOW_UPS_MAX are kept). */
  readonly followUps?: readonly FollowUpItem[];
}

export const MEETING_MEMBERS_MAX = 100;

/**
 * The first event of a meeting's log. The server calls this when a team schedules a meeting
 * (it has loaded the routine and the roster); clients then drive the meeting with commands.
 */
export function createMeeting(
  input: CreateMeetingInput,
): { ok: true; events: MeetingEvent[] } | { ok: false; error: MeetingRejection } {
  const invalid = (message: string) => ({ ok: false as const, error: { code: 'INVALID' as const, message } });
  if (input.agenda.length === 0 || input.agenda.length > AGENDA_ROUTINES_MAX)
    return invalid(`An agenda has 1 to ${AGENDA_ROUTINES_MAX} routines`);
  const routines: Routine[] = [];
  for (const [i, routine] of input.agenda.entries()) {
    const checked = validateRoutine(routine);
    const where = input.agenda.length > 1 ? `Routine ${i + 1}` : 'Routine';
    if (!checked.ok) {
      const first = checked.errors[0];
      return invalid(first ? `${where}: ${formatPath(first.path)}: ${first.message}` : `${where} is invalid`);
    }
    // Prefixed step ids must still be valid step ids in commands.
    const long = checked.routine.steps.find(
      (s) => !Slug.safeParse(runStepId(i, s.id, input.agenda.length)).success,
    );
    if (long) return invalid(`${where}: step id "${long.id}" is too long to run in an agenda`);
    routines.push(checked.routine);
  }
  const [routine, ...followedBy] = routines;
  if (!routine) return invalid('An agenda needs a routine');
  const memberIds = [...new Set(input.memberIds)];
  if (memberIds.length === 0 || memberIds.length > MEETING_MEMBERS_MAX)
    return {
      ok: false,
      error: { code: 'INVALID', message: `A meeting has 1 to ${MEETING_MEMBERS_MAX} members` },
    };
  if (!memberIds.includes(input.facilitatorId))
    return { ok: false, error: { code: 'NOT_A_MEMBER', message: 'The facilitator must be a member' } };
  const invitedIds = [...new Set(input.invitedIds ?? [])];
  if (invitedIds.some((id) => !memberIds.includes(id)))
    return { ok: false, error: { code: 'NOT_A_MEMBER', message: 'Invited people must be on the roster' } };
  if (invitedIds.includes(input.facilitatorId))
    return invalid('A person invited to one meeting cannot facilitate it');
  const plans: PeerModelingPlan[] = [];
  for (const plan of input.plans ?? []) {
    if (routines[plan.part]?.focus !== 'observed-practice')
      return invalid(`Part ${plan.part + 1} of the agenda is not a Peer Modeling routine`);
    if (plans.some((p) => p.part === plan.part)) return invalid(`Part ${plan.part + 1} has two plans`);
    const modelId = plan.modelId !== null && memberIds.includes(plan.modelId) ? plan.modelId : null;
    plans.push({ ...plan, modelId });
  }
  const followUps = (input.followUps ?? []).slice(0, FOLLOW_UPS_MAX);
  return {
    ok: true,
    events: [
      {
        seq: 1,
        type: 'meeting.created',
        v: MEETING_EVENT_VERSION,
        at: input.now,
        actorId: input.actorId ?? input.facilitatorId,
        idempotencyKey: null,
        payload: {
          meetingId: input.meetingId,
          routine,
          ...(followedBy.length > 0 && { followedBy }),
          memberIds,
          facilitatorId: input.facilitatorId,
          ...(input.autoStartTimer !== undefined && { autoStartTimer: input.autoStartTimer }),
          ...(plans.length > 0 && { plans }),
          ...(invitedIds.length > 0 && { invitedIds }),
          ...(followUps.length > 0 && { followUps: [...followUps] }),
        },
      },
    ],
  };
}
