import type { MeetingState } from '#core/meeting/index';
import { observationSharedAt } from '#core/meeting/index';
import type { Invitee, MeetingPlanView, MyVisitNote, PlanDetail } from '#contracts/peer-modeling';
import type { meetings } from '../db/schema';
import type { InviteeRow, PlanRow, VisitNoteRow } from './queries';

type MeetingRow = typeof meetings.$inferSelect;

export function presentPlan(row: PlanRow, modelName: string | null): PlanDetail {
  return {
    curiosity: row.curiosity,
    practice: row.practice,
    modelId: row.modelId,
    modelName,
    mode: row.mode,
    modelingAt: row.modelingAt?.toISOString() ?? null,
    videoUrl: row.mode === 'classroom-video' ? row.videoUrl : null,
    fromSuccess:
      row.fromMeetingId && row.fromPart !== null && row.fromTitle
        ? { meetingId: row.fromMeetingId, part: row.fromPart, title: row.fromTitle }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentInvitee(row: InviteeRow & { name: string }): Invitee {
  return { userId: row.userId, name: row.name, role: row.role, invitedAt: row.invitedAt.toISOString() };
}

export function presentPlanView(input: {
  meeting: MeetingRow;
  /** The agenda's Peer Modeling parts, by index, with their routine's name. */
  parts: { part: number; routineName: string }[];
  plans: PlanRow[];
  invitees: (InviteeRow & { name: string })[];
  /** Names of the people a plan may name (team and invited); empty for those who may not see the team. */
  modelChoices: { id: string; name: string; invited: boolean }[];
  /** Names for the models of the plans (whoever reads the plan sees who models). */
  names: ReadonlyMap<string, string>;
  canRun: boolean;
  canTakePart: boolean;
}): MeetingPlanView {
  const { meeting } = input;
  return {
    meetingId: meeting.id,
    groupId: meeting.groupId,
    title: meeting.title,
    status: meeting.status,
    scheduledFor: meeting.scheduledFor?.toISOString() ?? null,
    parts: input.parts.map(({ part, routineName }) => {
      const row = input.plans.find((p) => p.part === part);
      return {
        part,
        routineName,
        plan: row ? presentPlan(row, row.modelId ? (input.names.get(row.modelId) ?? null) : null) : null,
      };
    }),
    invitees: input.invitees.map(presentInvitee),
    modelChoices: input.canRun ? input.modelChoices : [],
    canEditPlan: input.canRun && meeting.status === 'scheduled',
    canInvite: input.canRun && (meeting.status === 'scheduled' || meeting.status === 'live'),
    canTakeNotes: input.canTakePart,
  };
}

/** PM-NOTE-1, PM-NOTE-4: the author's own note, and whether (and when) it was shared (read from the log). */
export function presentVisitNote(
  meeting: MeetingRow,
  note: VisitNoteRow | null,
  state: MeetingState | null,
  authorId: string,
): MyVisitNote {
  const sharedAt = note && state ? observationSharedAt(state, authorId, note.id) : null;
  const shared = note ? state?.sharedObservations.find((o) => o.observationId === note.id) : undefined;
  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    status: meeting.status,
    id: note?.id ?? null,
    text: note?.text ?? '',
    updatedAt: note?.updatedAt.toISOString() ?? null,
    sharedAt: sharedAt === null ? null : new Date(sharedAt).toISOString(),
    changedSinceShared: shared !== undefined && shared.text !== note?.text.trim(),
    canShare:
      meeting.status === 'live' &&
      state !== null &&
      state.phase === 'running' &&
      state.memberIds.includes(authorId),
  };
}
