import type { MeetingCommandType } from '../../contracts/meeting';
import type { MeetingPhase, MeetingState } from './state';

/**
 * Who may send a command, by role:
 * - `facilitator`: the facilitator only;
 * - `timekeeper`: the facilitator or the timekeeper;
 * - `note-taker`: the note-taker, or the facilitator while nobody holds that role;
 * - `presenter-or-notes`: the presenter, the facilitator or the note-taker;
 * - `member`: anyone on the roster (some commands add rules about the item, see decide.ts).
 */
export type Who = 'facilitator' | 'timekeeper' | 'note-taker' | 'presenter-or-notes' | 'member';

export interface CommandRule {
  readonly phases: readonly MeetingPhase[];
  readonly who: Who;
}

const live: readonly MeetingPhase[] = ['running'];
const beforeEnd: readonly MeetingPhase[] = ['lobby', 'running'];

/** The table docs/SPEC.md (MEET-ROLE-*) describes; the UI asks `abilitiesFor` rather than re-deriving it. */
export const COMMAND_POLICY: Readonly<Record<MeetingCommandType, CommandRule>> = {
  startMeeting: { phases: ['lobby'], who: 'facilitator' },
  startTimer: { phases: live, who: 'timekeeper' },
  pauseTimer: { phases: live, who: 'timekeeper' },
  resumeTimer: { phases: live, who: 'timekeeper' },
  extendStep: { phases: live, who: 'timekeeper' },
  setStepMinutes: { phases: beforeEnd, who: 'timekeeper' },
  nextStep: { phases: live, who: 'facilitator' },
  previousStep: { phases: live, who: 'facilitator' },
  skipStep: { phases: live, who: 'facilitator' },
  assignRoles: { phases: beforeEnd, who: 'facilitator' },
  handOverFacilitation: { phases: beforeEnd, who: 'facilitator' },
  writeNote: { phases: live, who: 'note-taker' },
  suggestNote: { phases: live, who: 'member' },
  acceptSuggestion: { phases: live, who: 'note-taker' },
  dismissSuggestion: { phases: live, who: 'note-taker' },
  submitQuestion: { phases: live, who: 'member' },
  flagQuestion: { phases: live, who: 'facilitator' },
  writeReflection: { phases: live, who: 'member' },
  // A private reflection may be shared later, from My reflections, once the meeting has ended (DAY-REFL-4).
  shareReflection: { phases: ['running', 'ended'], who: 'member' },
  addActionItem: { phases: live, who: 'member' },
  // Action items are followed up after the meeting, so completing one stays possible once it has ended.
  completeActionItem: { phases: ['running', 'ended'], who: 'member' },
  // FOLLOW-CMD-2: the follow-up opens the meeting (lobby and first steps); the item's owner or the facilitator.
  followUpNextStep: { phases: beforeEnd, who: 'member' },
  recordPresentation: { phases: live, who: 'presenter-or-notes' },
  tagSource: { phases: live, who: 'member' },
  untagSource: { phases: live, who: 'member' },
  setAutoAdvance: { phases: beforeEnd, who: 'facilitator' },
  setAutoStartTimer: { phases: beforeEnd, who: 'facilitator' },
  endMeeting: { phases: beforeEnd, who: 'facilitator' },
};

export const isMember = (state: MeetingState, personId: string) => state.memberIds.includes(personId);

/** Whether the note-taker's powers belong to `actorId` right now. */
export function takesNotes(state: MeetingState, actorId: string): boolean {
  const { noteTaker, facilitator } = state.roles;
  return noteTaker === null ? facilitator === actorId : noteTaker === actorId;
}

export function hasRole(state: MeetingState, actorId: string, who: Who): boolean {
  const { facilitator, timekeeper, presenter } = state.roles;
  switch (who) {
    case 'member':
      return isMember(state, actorId);
    case 'facilitator':
      return facilitator === actorId;
    case 'timekeeper':
      return facilitator === actorId || timekeeper === actorId;
    case 'note-taker':
      return takesNotes(state, actorId);
    case 'presenter-or-notes':
      return presenter === actorId || facilitator === actorId || takesNotes(state, actorId);
  }
}

/** The commands `actorId` may send in the current phase with their current roles (item-level rules aside). */
export function abilitiesFor(state: MeetingState, actorId: string): Record<MeetingCommandType, boolean> {
  const entries = Object.entries(COMMAND_POLICY).map(([type, rule]) => [
    type,
    isMember(state, actorId) && rule.phases.includes(state.phase) && hasRole(state, actorId, rule.who),
  ]);
  return Object.fromEntries(entries) as Record<MeetingCommandType, boolean>;
}
