/**
 * Authorization, in one place. Every route calls `authorize(actor, action, subject)` after loading the
 * subject and before changing anything. A subject from another district is answered 404, never 403,
 * so nobody can learn what exists elsewhere. The UI receives `abilities` computed here and never
 * re-implements these rules.
 */
import { isGuestActor, type Actor, type GuestActor, type Principal } from './actor';
import { forbidden, notFound } from '../http/errors';

export interface SchoolSubject {
  kind: 'school';
  id: string;
  districtId: string;
}
export interface GroupSubject {
  kind: 'group';
  id: string;
  districtId: string;
  schoolId: string | null;
  groupKind: 'teacher_team' | 'whole_staff' | 'district_leadership' | 'cohort';
}
export interface PersonSubject {
  kind: 'person';
  id: string;
  districtId: string;
}
export interface InvitationSubject {
  kind: 'invitation';
  id: string;
  districtId: string;
  groupId: string | null;
  schoolId: string | null;
  invitedBy: string;
}
export interface DistrictSubject {
  kind: 'district';
  id: string;
  districtId: string;
}
/** A proposed new group, before it exists. */
export interface NewGroupSubject {
  kind: 'new-group';
  districtId: string;
  schoolId: string | null;
  groupKind: GroupSubject['groupKind'];
}
export interface NewInvitationSubject {
  kind: 'new-invitation';
  districtId: string;
  group: GroupSubject | null;
  schoolId: string | null;
  schoolRole: 'school_leader' | 'staff' | null;
  districtRole: 'district_admin' | 'member';
}
/** A pending request to join a group (TRUST-LEAD): `group` is the team it is for. */
export interface JoinRequestSubject {
  kind: 'join-request';
  id: string;
  districtId: string;
  group: GroupSubject;
  requesterId: string;
}
/**
 * A meeting of a group (TRUST-RT-AUTHZ-1): the same subject for REST (minutes, join by code) and the live socket.
 * `rosterIds` is the live roster from the meeting's log (empty before it is opened).
 */
export interface MeetingSubject {
  kind: 'meeting';
  id: string;
  districtId: string;
  group: GroupSubject;
  rosterIds: readonly string[];
  /** Only a live meeting's roster counts beside membership: an ended meeting is its team's, members only. */
  live: boolean;
  /**
   * PM-GUEST-3: people of the district invited to this meeting only (`meeting_invitees`): they read it, take
   * part in it and read its minutes, whatever its status, and see nothing else of the team.
   */
  inviteeIds: readonly string[];
}
/**
 * A private reflection (DAY-REFL-2, DAY-REFL-4): only its author reads it; the author shares it while still a
 * member of the team that held the meeting. Anyone else is told it does not exist.
 */
export interface ReflectionSubject {
  kind: 'reflection';
  id: string;
  districtId: string;
  authorId: string;
  group: GroupSubject;
}
/**
 * A routine in the district's library (ROUTINE-LIB-SHARE-4): `authorIds` are the people who shared any of its
 * versions. Its author or a district admin withdraws it.
 */
export interface LibraryRoutineSubject {
  kind: 'library-routine';
  id: string;
  districtId: string;
  authorIds: readonly string[];
}
export interface SchoolRoleSubject {
  kind: 'school-role';
  districtId: string;
  schoolId: string;
  role: 'school_leader' | 'staff' | null;
}

/** MEM-REC-9: a team's memory as a whole (its lists, logging a success): its active members only. */
export interface TeamMemorySubject {
  kind: 'team-memory';
  districtId: string;
  group: GroupSubject;
}
/** MEM-REC-9: one record of a team's memory; `authorId` is its presenter or the member who logged it. */
export interface MemoryRecordSubject {
  kind: 'memory-record';
  id: string;
  districtId: string;
  group: GroupSubject;
  authorId: string | null;
}
/**
 * A team's memory record as sharing beyond the team sees it (SHARE-*): its author (the presenter, or the member
 * who logged it) and the team's facilitators decide who consents and who withdraws.
 */
export interface ShareRecordSubject {
  kind: 'share-record';
  id: string;
  districtId: string;
  group: GroupSubject;
  authorId: string | null;
  facilitatorIds: readonly string[];
}
/**
 * A copy shared beyond the team (SHARE-LIB-1): read by its school's people or the whole district. In a network
 * (SHARE-NET-2) `districtId` is the network's tenant and the only scope is `district`, the whole network: its
 * members read it (acting in the network), nobody else (a district's people and admins have another tenant).
 */
export interface SharedCopySubject {
  kind: 'shared-copy';
  id: string;
  districtId: string;
  groupId: string;
  /** `district`: the whole tenant (the district, or the network); `school`: a school's people (districts only). */
  scope: 'school' | 'district';
  schoolId: string | null;
  shared: boolean;
}

/**
 * A survey wave (MEASURE-WAVE-*, ADR 0029): `schoolIds` are the schools its scope covers (null for a
 * district-wide scope), `teamIds` the teams in its frame.
 */
export interface WaveSubject {
  kind: 'wave';
  id: string;
  districtId: string;
  schoolIds: readonly string[] | null;
  teamIds: readonly string[];
}
/** A proposed wave, before it exists: the schools its scope covers (null: the whole district). */
export interface NewWaveSubject {
  kind: 'new-wave';
  districtId: string;
  schoolIds: readonly string[] | null;
}

/** ADR 0032: a network, from inside (the caller acts as their member row there). */
export interface NetworkSubject {
  kind: 'network';
  id: string;
  districtId: string;
}
/**
 * ADR 0032: the caller's own account proposing to start a network or to ask to join one (`districtId` is the
 * caller's district: nothing of the network is read yet).
 */
export interface NetworkProposalSubject {
  kind: 'network-proposal';
  districtId: string;
  intent: 'start' | 'join';
}

/** Issue 14: a district's or a network's directory of professional organizations. */
export interface DirectorySubject {
  kind: 'directory';
  districtId: string;
}

/**
 * MATCH-SPACE-4: a pair of the colleague exchange and its confidential space: its two members only, whoever else
 * asks (admins and conveners included); to anyone else it does not exist.
 */
export interface ColleaguePairSubject {
  kind: 'colleague-pair';
  id: string;
  districtId: string;
  memberIds: readonly string[];
}

/** ADR 0041: a personal API token: its owner's, and the district admins' to see and revoke (API-TOKEN-7). */
export interface ApiTokenSubject {
  kind: 'api-token';
  id: string;
  districtId: string;
  ownerId: string;
}

export type Subject =
  | ApiTokenSubject
  | ColleaguePairSubject
  | DirectorySubject
  | NetworkSubject
  | NetworkProposalSubject
  | WaveSubject
  | NewWaveSubject
  | TeamMemorySubject
  | MemoryRecordSubject
  | SchoolSubject
  | GroupSubject
  | PersonSubject
  | InvitationSubject
  | DistrictSubject
  | NewGroupSubject
  | NewInvitationSubject
  | SchoolRoleSubject
  | MeetingSubject
  | ReflectionSubject
  | JoinRequestSubject
  | LibraryRoutineSubject
  | ShareRecordSubject
  | SharedCopySubject;

export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'list-people'
  /** ROSTER-AUTH-1: importing a OneRoster set (district admins). */
  | 'import-roster'
  | 'manage-members'
  | 'manage-join-code'
  | 'invite'
  | 'leave'
  | 'revoke'
  | 'run-meetings'
  | 'take-part'
  | 'read-audit'
  | 'manage-data'
  | 'reset-password'
  | 'decide'
  | 'withdraw'
  | 'share'
  | 'share-routines'
  | 'resolve'
  | 'link'
  | 'consent'
  | 'read-report'
  | 'react'
  | 'manage-api-tokens';
// On a meeting: 'read' (its summary and Peer Modeling plan), 'take-part' (live, minutes, visit notes) and
// 'run-meetings' (its plan and invitations: those who run the team).

const isAdmin = (a: Actor) => a.districtRole === 'district_admin';
const leads = (a: Actor, schoolId: string | null) =>
  schoolId !== null && a.schoolRoles.get(schoolId) === 'school_leader';
const facilitates = (a: Actor, groupId: string) => a.groupRoles.get(groupId) === 'facilitator';
const belongs = (a: Actor, groupId: string) => a.groupRoles.has(groupId);

/**
 * MEASURE-WAVE-1: who runs a wave: district admins, and the leaders of every school its scope covers (a
 * district-wide wave, or one with a district-level team, is the admins').
 */
function runsWave(a: Actor, schoolIds: readonly string[] | null): boolean {
  return isAdmin(a) || (schoolIds !== null && schoolIds.length > 0 && schoolIds.every((id) => leads(a, id)));
}

/** Who may run a group: its facilitators, the leader of its school, and district admins. */
function managesGroup(a: Actor, g: GroupSubject): boolean {
  return isAdmin(a) || leads(a, g.schoolId) || facilitates(a, g.id);
}

/**
 * A meeting guest (ADR 0013, DAY-FIRST-4): once admitted, takes part in its own meeting while it is live, and
 * nothing else at all: no team, school, district, person, minutes after the end or other meeting.
 */
function guestCan(guest: GuestActor, action: Action, subject: Subject): boolean {
  return (
    subject.kind === 'meeting' &&
    action === 'take-part' &&
    guest.admitted &&
    subject.id === guest.meetingId &&
    subject.live &&
    subject.rosterIds.includes(guest.userId)
  );
}

export function can(principal: Principal, action: Action, subject: Subject): boolean {
  if (subject.districtId !== principal.districtId) return false;
  if (isGuestActor(principal)) return guestCan(principal, action, subject);
  const actor: Actor = principal;
  switch (subject.kind) {
    case 'api-token':
      return (
        (action === 'read' || action === 'revoke') && (subject.ownerId === actor.userId || isAdmin(actor))
      );
    case 'district':
      return (
        action === 'read' ||
        (action === 'update' && isAdmin(actor)) ||
        // The audit log is the district admins' (TRUST-AUDIT-1).
        (action === 'read-audit' && isAdmin(actor)) ||
        // API-TOKEN-7: the district's personal API tokens (owners, names, scopes; never secrets).
        (action === 'manage-api-tokens' && isAdmin(actor)) ||
        (action === 'import-roster' && isAdmin(actor)) ||
        // RIGHTS-DISTRICT-1, RIGHTS-RETAIN-1: the district's export and retention are the district admins'.
        (action === 'manage-data' && isAdmin(actor)) ||
        (action === 'list-people' &&
          (isAdmin(actor) || [...actor.schoolRoles.values()].includes('school_leader')))
      );
    case 'school':
      if (action === 'read') return true;
      if (action === 'update' || action === 'create') return isAdmin(actor);
      if (action === 'list-people') return isAdmin(actor) || leads(actor, subject.id);
      return false;
    case 'school-role':
      // Admins set any school role; a principal may add or remove staff of their own school, not leaders.
      if (action !== 'update') return false;
      return isAdmin(actor) || (leads(actor, subject.schoolId) && subject.role !== 'school_leader');
    case 'group':
      switch (action) {
        case 'read':
          return belongs(actor, subject.id) || managesGroup(actor, subject);
        case 'update':
        case 'manage-members':
        case 'manage-join-code':
        case 'invite':
          return managesGroup(actor, subject);
        case 'leave':
          return belongs(actor, subject.id);
        case 'run-meetings':
          // Scheduling, opening and customizing routines: those who run the group.
          return managesGroup(actor, subject);
        case 'share-routines':
          // ROUTINE-LIB-SHARE-3: the group's routines go to the library by those who run the group.
          return managesGroup(actor, subject);
        case 'take-part':
          // Live meetings and their minutes are the team's own: members only, whatever their rank (non-evaluative).
          return belongs(actor, subject.id);
        default:
          return false;
      }
    case 'join-request':
      // The team decides who joins it: its facilitators, never the requester; only the requester withdraws.
      if (action === 'decide')
        return facilitates(actor, subject.group.id) && subject.requesterId !== actor.userId;
      if (action === 'withdraw') return subject.requesterId === actor.userId;
      return false;
    case 'meeting': {
      const invited = subject.inviteeIds.includes(actor.userId);
      // PM-GUEST-3: its summary and plan: whoever reads the team, and the people invited to it.
      if (action === 'read') return can(actor, 'read', subject.group) || invited;
      // PM-PLAN-1: the plan and the invitations are for those who run the team.
      if (action === 'run-meetings') return managesGroup(actor, subject.group);
      // Live meetings and their minutes are the team's own: its members, the people invited to this meeting
      // (PM-GUEST-3), and while it runs whoever is on this meeting's roster. Removed from the team means off the
      // roster too (TRUST-REVOKE-6); once it has ended, its minutes are for the team's members and invited
      // people only (TRUST-READ-3).
      if (action !== 'take-part') return false;
      return (
        belongs(actor, subject.group.id) ||
        invited ||
        (subject.live && subject.rosterIds.includes(actor.userId))
      );
    }
    case 'reflection':
      // Private writing is its author's alone, whatever anyone else's rank (DAY-REFL-2); sharing it puts it in
      // the team's minutes, so it takes membership of that team too (DAY-REFL-4).
      if (subject.authorId !== actor.userId) return false;
      return action === 'read' || (action === 'share' && belongs(actor, subject.group.id));
    case 'team-memory':
      // MEM-REC-9: team-internal: its members read and add, whatever anyone else's rank (non-evaluative).
      return (action === 'read' || action === 'create') && belongs(actor, subject.group.id);
    case 'memory-record': {
      if (!belongs(actor, subject.group.id)) return false;
      if (action === 'read' || action === 'link') return true;
      // MEM-REC-11, MEM-DIL-3: its author or a facilitator of the team edits it or resolves it.
      if (action === 'update' || action === 'resolve')
        return subject.authorId === actor.userId || facilitates(actor, subject.group.id);
      return false;
    }
    case 'colleague-pair':
      return actor.network?.kind === 'exchange' && subject.memberIds.includes(actor.userId);
    case 'directory':
      // NET-ORG-2: everyone of the district or network reads it; its admins (a network's conveners) edit it.
      return action === 'read' || (action === 'update' && isAdmin(actor));
    case 'network-proposal':
      // From one's own district only. A district admin starts a network (its first convener); a principal or a
      // district admin asks to join one (ADR 0032).
      if (actor.network || action !== 'create') return false;
      return (
        isAdmin(actor) ||
        (subject.intent === 'join' && [...actor.schoolRoles.values()].includes('school_leader'))
      );
    case 'network': {
      // Inside the network only; its conveners run it (membership, invitations), every member reads and leaves.
      if (!actor.network || actor.network.kind !== 'network') return false;
      if (action === 'read' || action === 'leave') return true;
      if (action === 'invite' || action === 'decide' || action === 'manage-members')
        return actor.network.role === 'convener';
      return false;
    }
    case 'new-wave':
      // MEASURE-NET-1: in a network, its conveners start waves of the whole network or of cohorts, never of a
      // school (it has none); the colleague exchange runs no surveys.
      if (actor.network && (actor.network.kind !== 'network' || (subject.schoolIds?.length ?? 0) > 0))
        return false;
      return action === 'create' && runsWave(actor, subject.schoolIds);
    case 'wave':
      // MEASURE-WAVE-1: those who run it manage it and read its whole report; MEASURE-REPORT-2: the people of
      // its schools and teams read the report's shown results of their own school and teams (no answer, ever).
      if (action === 'update') return runsWave(actor, subject.schoolIds);
      if (action === 'read' || action === 'read-report')
        return (
          runsWave(actor, subject.schoolIds) ||
          subject.teamIds.some((id) => belongs(actor, id)) ||
          (subject.schoolIds === null ? true : subject.schoolIds.some((id) => actor.schoolRoles.has(id)))
        );
      return false;
    case 'library-routine':
      return action === 'withdraw' && (isAdmin(actor) || subject.authorIds.includes(actor.userId));
    case 'share-record': {
      // SHARE-ACCESS-1: a team's records are its members' only, whatever anyone's rank (non-evaluative).
      const member = belongs(actor, subject.group.id);
      const isAuthor = subject.authorId === actor.userId;
      if (action === 'read' || action === 'share') return member;
      // SHARE-CONSENT-1: the author's own consent.
      if (action === 'consent') return member && isAuthor;
      // SHARE-CONSENT-3: the team's consent: a facilitator other than the author, or any other member when the
      // author is the team's only facilitator (or the team has none).
      if (action === 'decide')
        return (
          member &&
          !isAuthor &&
          (facilitates(actor, subject.group.id) ||
            subject.facilitatorIds.every((id) => id === subject.authorId))
        );
      // SHARE-WITHDRAW-1: the author or a facilitator of the team.
      if (action === 'withdraw') return isAuthor || facilitates(actor, subject.group.id);
      return false;
    }
    case 'shared-copy':
      // SHARE-HELPED-1: whoever reads a shared copy may say it helped them ('react'), nobody else.
      if ((action !== 'read' && action !== 'react') || !subject.shared) return false;
      // SHARE-NET-2: in a network (the tenant check above makes the copy the network's), the whole network's
      // copies are every member's; there is no school there, and the colleague exchange shares nothing.
      if (actor.network) return actor.network.kind === 'network' && subject.scope === 'district';
      // SHARE-LIB-1: a school's copies for the people of that school, the district's for everyone in it; the
      // team that shared it reads its own.
      return (
        subject.scope === 'district' ||
        (subject.schoolId !== null && actor.schoolRoles.has(subject.schoolId)) ||
        belongs(actor, subject.groupId)
      );
    case 'new-group':
      if (action !== 'create') return false;
      // A cohort is a network's, started by its conveners (the network tenant's admins); a district makes none.
      if (subject.groupKind === 'cohort') return actor.network?.kind === 'network' && isAdmin(actor);
      if (actor.network) return false;
      if (subject.groupKind === 'district_leadership') return isAdmin(actor);
      return isAdmin(actor) || leads(actor, subject.schoolId);
    case 'person':
      if (action === 'read') return true;
      if (action === 'update') return isAdmin(actor);
      // An admin-issued reset link, for districts without mail (TRUST-RESET-LINK-1).
      if (action === 'reset-password') return isAdmin(actor);
      return false;
    case 'new-invitation': {
      if (action !== 'create') return false;
      if (subject.districtRole === 'district_admin') return isAdmin(actor);
      if (subject.schoolRole === 'school_leader') return isAdmin(actor);
      if (subject.group) {
        // A team's facilitator may bring people into the team, and so onto the staff of the team's own school.
        const staffOfTeamSchool =
          subject.schoolRole !== 'staff' || subject.schoolId === subject.group.schoolId;
        return (
          managesGroup(actor, subject.group) &&
          (staffOfTeamSchool || isAdmin(actor) || leads(actor, subject.schoolId))
        );
      }
      return isAdmin(actor) || leads(actor, subject.schoolId);
    }
    case 'invitation':
      if (action !== 'revoke' && action !== 'read') return false;
      return (
        isAdmin(actor) ||
        subject.invitedBy === actor.userId ||
        leads(actor, subject.schoolId) ||
        (subject.groupId !== null && facilitates(actor, subject.groupId))
      );
  }
}

/** Throws 404 for another district's subject (existence is not disclosed) and 403 when not allowed. */
export function authorize(principal: Principal, action: Action, subject: Subject): void {
  if (subject.districtId !== principal.districtId) throw notFound();
  // A guest learns nothing of what it may not take part in: not even that it exists.
  if (isGuestActor(principal)) {
    if (!guestCan(principal, action, subject)) throw notFound();
    return;
  }
  const actor: Actor = principal;
  const group = subject.kind === 'group' ? subject : subject.kind === 'join-request' ? subject.group : null;
  const onRoster =
    subject.kind === 'meeting' &&
    (subject.rosterIds.includes(actor.userId) || subject.inviteeIds.includes(actor.userId));
  if (subject.kind === 'meeting' && !onRoster && !can(actor, 'read', subject.group)) {
    throw notFound('That meeting');
  }
  // Someone else's pair is indistinguishable from one that does not exist (MATCH-SPACE-4).
  if (subject.kind === 'colleague-pair' && !subject.memberIds.includes(actor.userId))
    throw notFound('That pair');
  // Someone else's reflection is indistinguishable from one that does not exist (DAY-REFL-2).
  if (subject.kind === 'reflection' && subject.authorId !== actor.userId) throw notFound('That reflection');
  // MEM-REC-9: a team's memory answers like the team: 404 to those who cannot see the team.
  if (
    (subject.kind === 'team-memory' || subject.kind === 'memory-record') &&
    !can(actor, 'read', subject.group)
  )
    throw notFound('That group');
  if (group && !can(actor, 'read', group)) {
    // A group you cannot see is indistinguishable from one that does not exist, whatever you ask of it.
    throw notFound('That group');
  }
  // A team you cannot see, or a shared copy you may not read, is indistinguishable from one that does not exist.
  if (
    subject.kind === 'share-record' &&
    subject.authorId !== actor.userId &&
    !can(actor, 'read', subject.group)
  )
    throw notFound('That record');
  if (subject.kind === 'shared-copy' && !can(actor, action, subject)) throw notFound('That shared copy');
  // A wave you may not read is indistinguishable from one that does not exist.
  if (subject.kind === 'wave' && !can(actor, 'read', subject)) throw notFound('That survey');
  if (!can(actor, action, subject)) throw forbidden();
}
