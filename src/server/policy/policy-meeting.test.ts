/**
 * TRUST-RT-AUTHZ-1: one rule for taking part in a meeting, the `meeting` subject, used by REST (minutes, join
 * by code) and the live socket's join alike.
 */
import { describe, expect, test } from 'vitest';
import type { Actor } from './actor';
import { authorize, can, type MeetingSubject } from './policy';
import { HttpError } from '../http/errors';

const D = '00000000-0000-4000-8000-0000000000d1';
const OTHER_D = '00000000-0000-4000-8000-0000000000d2';
const SCHOOL = '00000000-0000-4000-8000-0000000000a1';
const GROUP = '00000000-0000-4000-8000-0000000000b1';
const MEETING = '00000000-0000-4000-8000-0000000000c1';

function actor(id: string, over: Partial<Actor> = {}): Actor {
  return {
    userId: `00000000-0000-4000-8000-0000000001${id}`,
    districtId: D,
    districtRole: 'member',
    name: id,
    email: `${id}@t.test`,
    emailVerified: true,
    sessionId: `session-${id}`,
    schoolRoles: new Map(),
    groupRoles: new Map(),
    ...over,
  };
}

const subject = (
  rosterIds: readonly string[] = [],
  districtId = D,
  live = true,
  inviteeIds: readonly string[] = [],
): MeetingSubject => ({
  kind: 'meeting',
  id: MEETING,
  districtId,
  group: { kind: 'group', id: GROUP, districtId, schoolId: SCHOOL, groupKind: 'teacher_team' },
  rosterIds,
  live,
  inviteeIds,
});

const status = (a: Actor, s: MeetingSubject): number => {
  try {
    authorize(a, 'take-part', s);
    return 200;
  } catch (err) {
    if (err instanceof HttpError) return err.status;
    throw err;
  }
};

describe('TRUST-RT-AUTHZ-1: take-part in a meeting', () => {
  const member = actor('11', { groupRoles: new Map([[GROUP, 'member']]) });
  const facilitator = actor('12', { groupRoles: new Map([[GROUP, 'facilitator']]) });
  const leader = actor('13', { schoolRoles: new Map([[SCHOOL, 'school_leader']]) });
  const admin = actor('14', { districtRole: 'district_admin' });
  const outsider = actor('15');
  const foreign = actor('16', { districtId: OTHER_D, districtRole: 'district_admin' });

  test('members and facilitators of the group take part; leaders and admins are refused 403; others 404', () => {
    expect(status(member, subject())).toBe(200);
    expect(status(facilitator, subject())).toBe(200);
    expect(status(leader, subject())).toBe(403);
    expect(status(admin, subject())).toBe(403);
    expect(status(outsider, subject())).toBe(404);
    expect(status(foreign, subject())).toBe(404);
  });

  test('a person on a live meeting’s roster takes part, even without reading the group', () => {
    expect(status(admin, subject([admin.userId]))).toBe(200);
    expect(status(outsider, subject([outsider.userId]))).toBe(200);
    // Another district's roster entry never opens this district's meeting.
    expect(status(foreign, subject([foreign.userId]))).toBe(404);
  });

  test('removed from the team and off the roster: no longer taking part (TRUST-REVOKE-6)', () => {
    const removed = actor('17'); // their group role is gone
    expect(status(removed, subject([member.userId]))).toBe(404);
    expect(can(removed, 'take-part', subject([removed.userId]))).toBe(true); // while still on the roster
  });

  test('TRUST-READ-3: once a meeting has ended, its minutes are for the team’s current members only', () => {
    expect(status(member, subject([member.userId], D, false))).toBe(200);
    expect(status(admin, subject([admin.userId], D, false))).toBe(403);
    expect(status(outsider, subject([outsider.userId], D, false))).toBe(403); // they know it exists
  });

  test('PM-GUEST-3: reading a meeting is reading its team; running its plan is running the team', () => {
    expect(can(member, 'run-meetings', subject())).toBe(false);
    expect(can(facilitator, 'run-meetings', subject())).toBe(true);
    expect(can(leader, 'run-meetings', subject())).toBe(true);
    expect(can(member, 'read', subject())).toBe(true);
    expect(can(outsider, 'read', subject())).toBe(false);
    expect(can(member, 'update', subject())).toBe(false);
  });

  test('PM-GUEST-3: a person invited to this meeting reads it and takes part, live or ended; never runs it', () => {
    const coach = outsider;
    for (const live of [false, true]) {
      const s = subject([], D, live, [coach.userId]);
      expect(status(coach, s)).toBe(200);
      expect(can(coach, 'read', s)).toBe(true);
      expect(can(coach, 'run-meetings', s)).toBe(false);
    }
    // Invited to another meeting (not this one): nothing.
    expect(status(coach, subject([], D, true, [member.userId]))).toBe(404);
    // Another district's invitation never opens this district's meeting.
    expect(status(foreign, subject([], D, true, [foreign.userId]))).toBe(404);
  });
});
