/**
 * Next steps across meetings (NEXT-*): a pure projection over meeting logs parsed with `MeetingEvent`. A next
 * step is an action item of a meeting; it is closed by `action-item.completed` in its own meeting (live, from
 * the minutes, or from the Next steps page through the same command), or by a later meeting's follow-up
 * (`next-step.followed-up`: done closes it, drop drops it, carry-on keeps it open).
 */
import type { FollowUpItem, FollowUpStatus, MeetingEvent } from '../../contracts/meeting';

export interface MeetingLog {
  readonly meetingId: string;
  readonly title: string;
  readonly groupId: string;
  /** When the meeting ended (ms), null while it is open. */
  readonly endedAt: number | null;
  /**
   * The meeting's events (the whole log or only the types this projection reads: `action-item.added`,
   * `action-item.completed`, `next-step.followed-up`), oldest first.
   */
  readonly events: readonly MeetingEvent[];
}

export type NextStepStatus = 'open' | 'done' | 'dropped';

export interface NextStepFollowUp {
  /** The later meeting that followed it up. */
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly status: FollowUpStatus;
  readonly note: string | null;
  readonly by: string;
  readonly at: number;
}

export interface NextStep {
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly groupId: string;
  readonly itemId: string;
  readonly text: string;
  readonly ownerId: string;
  readonly createdBy: string;
  readonly due: string | null;
  readonly addedAt: number;
  readonly status: NextStepStatus;
  /** What happened: the completion's outcome, else the note of the follow-up that closed it. */
  readonly outcome: string | null;
  /** When and by whom it was closed (done or dropped); null while open. */
  readonly closedAt: number | null;
  readonly closedBy: string | null;
  readonly followUps: readonly NextStepFollowUp[];
}

const keyOf = (meetingId: string, itemId: string) => `${meetingId}\u0000${itemId}`;

type Change =
  | { kind: 'completed'; at: number; by: string; outcome: string | null }
  | { kind: 'followed-up'; at: number; seq: number; followUp: NextStepFollowUp; source: string };

/**
 * NEXT-PROJ-1: every next step of these meetings with its status and history. Changes apply in time order
 * (ties: completion before follow-up); the last closing or reopening change decides the status: a completion
 * or a `done` follow-up closes it, `drop` drops it, `carry-on` keeps it (or makes it again) open. A follow-up
 * of an item no meeting here added is ignored. Items come out in the order their meetings are given, then as
 * they were added.
 */
export function nextStepsOf(meetings: readonly MeetingLog[]): NextStep[] {
  const items = new Map<string, NextStep>();
  const changes = new Map<string, Change[]>();
  const push = (key: string, change: Change) => changes.set(key, [...(changes.get(key) ?? []), change]);
  for (const m of meetings)
    for (const e of m.events) {
      if (e.type === 'action-item.added') {
        const { itemId, text, ownerId, due } = e.payload;
        items.set(keyOf(m.meetingId, itemId), {
          meetingId: m.meetingId,
          meetingTitle: m.title,
          groupId: m.groupId,
          itemId,
          text,
          ownerId,
          createdBy: e.actorId,
          due,
          addedAt: e.at,
          status: 'open',
          outcome: null,
          closedAt: null,
          closedBy: null,
          followUps: [],
        });
      } else if (e.type === 'action-item.completed') {
        push(keyOf(m.meetingId, e.payload.itemId), {
          kind: 'completed',
          at: e.at,
          by: e.actorId,
          outcome: e.payload.outcome || null,
        });
      } else if (e.type === 'next-step.followed-up') {
        const { meetingId, itemId, status, note } = e.payload;
        push(keyOf(meetingId, itemId), {
          kind: 'followed-up',
          at: e.at,
          seq: e.seq,
          source: m.meetingId,
          followUp: {
            meetingId: m.meetingId,
            meetingTitle: m.title,
            status,
            note: note || null,
            by: e.actorId,
            at: e.at,
          },
        });
      }
    }
  return [...items].map(([key, item]) => {
    const ordered = [...(changes.get(key) ?? [])].sort(
      (a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'completed' ? -1 : 1),
    );
    // Within one meeting, the last answer of the follow-up replaces the earlier ones (FOLLOW-CMD-1).
    const lastPerMeeting = new Map<string, NextStepFollowUp>();
    let next: NextStep = item;
    for (const c of ordered) {
      if (c.kind === 'completed') {
        next = {
          ...next,
          status: 'done',
          outcome: c.outcome ?? next.outcome,
          closedAt: c.at,
          closedBy: c.by,
        };
        continue;
      }
      lastPerMeeting.set(c.source, c.followUp);
      const { status, note, by, at } = c.followUp;
      if (status === 'done')
        next = { ...next, status: 'done', outcome: note ?? next.outcome, closedAt: at, closedBy: by };
      else if (status === 'drop') next = { ...next, status: 'dropped', closedAt: at, closedBy: by };
      else next = { ...next, status: 'open', closedAt: null, closedBy: null };
    }
    return { ...next, followUps: [...lastPerMeeting.values()].sort((a, b) => a.at - b.at) };
  });
}

export type DueClass = 'overdue' | 'due-soon' | 'later' | 'no-date';
/** NEXT-CLASS-1: "due soon" means due today or within this many days. */
export const DUE_SOON_DAYS = 7;

/** Adds days to an ISO date (`YYYY-MM-DD`), in UTC so no time zone moves it. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * NEXT-CLASS-1: where a next step stands on `today` (an ISO date in the person's or team's calendar): due
 * before today is overdue; due today up to `DUE_SOON_DAYS` days ahead is due soon; later dates are later; no
 * due date is no-date. Pure: the caller passes today.
 */
export function classify(item: { readonly due: string | null }, today: string): DueClass {
  if (item.due === null) return 'no-date';
  if (item.due < today) return 'overdue';
  if (item.due <= addDays(today, DUE_SOON_DAYS)) return 'due-soon';
  return 'later';
}

/**
 * FOLLOW-OPEN-1: the open next steps to carry into a team's new meeting, oldest first, at most `max`. Items of
 * the meeting being opened itself are left out.
 */
export function followUpsFor(
  steps: readonly NextStep[],
  openingMeetingId: string,
  max: number,
): FollowUpItem[] {
  return steps
    .filter((s) => s.status === 'open' && s.meetingId !== openingMeetingId)
    .sort((a, b) => a.addedAt - b.addedAt)
    .slice(0, max)
    .map(({ meetingId, itemId, text, ownerId, due }) => ({ meetingId, itemId, text, ownerId, due }));
}

/** NEXT-REMIND-1: how many of these open steps are overdue and due soon on `today`. */
export function reminderCounts(
  steps: readonly NextStep[],
  today: string,
): { overdue: number; dueSoon: number } {
  let overdue = 0;
  let dueSoon = 0;
  for (const s of steps) {
    if (s.status !== 'open') continue;
    const c = classify(s, today);
    if (c === 'overdue') overdue += 1;
    else if (c === 'due-soon') dueSoon += 1;
  }
  return { overdue, dueSoon };
}
