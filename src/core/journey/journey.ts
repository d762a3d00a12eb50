/**
 * The routine journey (JOURNEY-*, docs/SPEC.md; ADR 0022): where a team is in the sequence Share Successes, then
 * Problem-Solve, then Peer Modeling, and one suggested next routine with a reason drawn from its own history.
 * Sharing a success asks the least of a team, so it comes first; a dilemma asks more vulnerability, so it comes
 * once everyone has presented and a few successes have built trust; watching a colleague's practice comes once
 * the team has seen a dilemma through to resolution. The team decides: this is a suggestion.
 */
import type { Journey, JourneyFacts, JourneyReason, JourneyStage } from '../../contracts/team-home';
import type { RoutineFocus } from '../../contracts/routine';
import { foldMeeting, ran, type MeetingLog } from './fold';

/** JOURNEY-3: success analyses a team runs before a dilemma is suggested. */
export const SUCCESSES_BEFORE_DILEMMAS = 3;
/** JOURNEY-5: dilemmas resolved before Peer Modeling is suggested. */
export const RESOLVED_BEFORE_PEER_MODELING = 1;

export interface JourneyInput {
  /** The team's meetings, each with its parsed events (those that did not end are left out). */
  meetings: readonly MeetingLog[];
  /** The team's current active members. */
  memberIds: readonly string[];
  /** The team's dilemmas marked resolved (memory records). */
  dilemmasResolved: number;
}

const ORDER: readonly RoutineFocus[] = ['success', 'dilemma', 'observed-practice'];

/** JOURNEY-1..6, in one pure projection. */
export function journeyOf(input: JourneyInput): Journey {
  const folded = input.meetings.map((m) => foldMeeting(m.events)).filter(ran);
  const members = new Set(input.memberIds);
  const presented = new Set<string>();
  const runs: Record<RoutineFocus, number> = { success: 0, dilemma: 0, 'observed-practice': 0 };
  const lastRun: Record<RoutineFocus, number> = { success: -1, dilemma: -1, 'observed-practice': -1 };
  for (const m of folded) {
    for (const part of m.parts) {
      runs[part.focus] += 1;
      lastRun[part.focus] = Math.max(lastRun[part.focus], m.endedAt);
      if (part.presenterId !== null && members.has(part.presenterId)) presented.add(part.presenterId);
    }
  }
  const facts: JourneyFacts = {
    meetingsEnded: folded.length,
    successAnalyses: runs.success,
    membersPresented: presented.size,
    members: members.size,
    dilemmasBrought: runs.dilemma,
    dilemmasResolved: Math.max(0, input.dilemmasResolved),
    peerModelings: runs['observed-practice'],
  };
  return { stage: stageOf(facts), facts, suggestion: suggest(facts, lastRun) };
}

/** JOURNEY-1: the furthest routine of the sequence the team has run at least once. */
export function stageOf(f: JourneyFacts): JourneyStage {
  if (f.peerModelings > 0) return 'peer-modeling';
  if (f.dilemmasBrought > 0) return 'problem-solving';
  return 'successes';
}

const everyonePresented = (f: JourneyFacts) => f.members > 0 && f.membersPresented >= f.members;

function presentedReason(f: JourneyFacts): JourneyReason {
  return everyonePresented(f)
    ? { kind: 'everyone-presented' }
    : { kind: 'presented', count: f.membersPresented, of: f.members };
}

function suggest(f: JourneyFacts, lastRun: Record<RoutineFocus, number>): Journey['suggestion'] {
  const successes: JourneyReason = { kind: 'success-analyses', count: f.successAnalyses };
  // JOURNEY-2: a team that has run nothing starts with a success.
  if (f.successAnalyses + f.dilemmasBrought + f.peerModelings === 0)
    return { rule: 'JOURNEY-2', focus: 'success', reasons: [{ kind: 'nothing-yet' }] };
  // JOURNEY-3: successes until a few have been analysed and every member has presented.
  if (f.successAnalyses < SUCCESSES_BEFORE_DILEMMAS || !everyonePresented(f))
    return { rule: 'JOURNEY-3', focus: 'success', reasons: [successes, presentedReason(f)] };
  // JOURNEY-4: then problems of practice, until one has been resolved.
  if (f.dilemmasResolved < RESOLVED_BEFORE_PEER_MODELING)
    return {
      rule: 'JOURNEY-4',
      focus: 'dilemma',
      reasons: [successes, presentedReason(f), { kind: 'dilemmas-brought', count: f.dilemmasBrought }],
    };
  const resolved: JourneyReason = { kind: 'dilemmas-resolved', count: f.dilemmasResolved };
  // JOURNEY-5: then Peer Modeling, to see a practice the team has talked about.
  if (f.peerModelings === 0)
    return {
      rule: 'JOURNEY-5',
      focus: 'observed-practice',
      reasons: [successes, presentedReason(f), resolved],
    };
  // JOURNEY-6: a team that has practised all three keeps them turning: the one run least recently.
  const focus = [...ORDER].sort((a, b) => lastRun[a] - lastRun[b])[0] ?? 'success';
  return {
    rule: 'JOURNEY-6',
    focus,
    reasons: [
      successes,
      resolved,
      { kind: 'peer-modelings', count: f.peerModelings },
      { kind: 'least-recent', focus },
    ],
  };
}
