export { decide, removeFromRoster, LIMITS, type Decision, type DecideContext } from './decide';
export { evolve, replay, MeetingLogGapError } from './evolve';
export { awaitsTick, tick } from './tick';
export { createMeeting, MEETING_MEMBERS_MAX, type CreateMeetingInput } from './create';
export {
  addToRoster,
  shareObservation,
  observationPart,
  observationSharedAt,
  peerModelingParts,
  successesOf,
  OBSERVATION_TEXT_MAX,
  type PeerModelingDecision,
  type RecordedSuccess,
} from './peer-modeling';
export { admitGuest, isGuest, type AdmitGuestInput, type AdmitDecision } from './guests';
export {
  stepTimer,
  currentTimer,
  remainingMs,
  elapsedMs,
  overrunMs,
  type StepTimer,
  type TimerSource,
} from './timer';
export { estimateOffset, remainingForClient, type ClockSample } from './clock-sync';
export { viewFor, redactEventFor, mayReceive, type MeetingView } from './privacy';
export { minutesOf, type MeetingMinutes, type MinutesPart, type MinutesStep } from './minutes';
export { durationParts, formatActual, formatDuration, type DurationParts } from './duration';
export { suggestNextPresenter, suggestPresenters } from './rotation';
export { COMMAND_POLICY, abilitiesFor, hasRole, takesNotes, type CommandRule, type Who } from './policy';
export * from './state';
