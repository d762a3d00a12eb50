export {
  foldMeeting,
  ran,
  type FoldedMeeting,
  type FoldedPart,
  type FoldedTag,
  type MeetingLog,
} from './fold';
export {
  journeyOf,
  stageOf,
  SUCCESSES_BEFORE_DILEMMAS,
  RESOLVED_BEFORE_PEER_MODELING,
  type JourneyInput,
} from './journey';
export { sourcesOverTime, monthOf, nextMonth } from './sources';
export { nextStepsDoneSince, type NextStepDone } from './next-steps';
