/**
 * The REST API catalogue: every endpoint's method, path, body and response schema in one place.
 * The server registers its routes from these entries; the web client calls through them; the
 * authorization matrix test walks them all, so a route cannot exist without being checked.
 */
import { z } from './zod';
import { Ok } from './common';
import { MeetingMinutes } from './minutes';
import {
  ChangeName,
  CompleteEmailVerification,
  CompletePasswordReset,
  Health,
  Me,
  OutboxMessage,
  RequestPasswordReset,
  SetupRequest,
  SetupStatus,
  SignInRequest,
  SignUpConfirmed,
} from './auth';
import {
  AcceptInvitation,
  AddMember,
  ConfirmSignUp,
  CreateGroup,
  CreatedInvitation,
  CreateInvitation,
  CreateJoinCode,
  CreateSchool,
  District,
  GroupDetail,
  GroupSummary,
  Invitation,
  InvitationPreview,
  JoinByCode,
  JoinByCodeResult,
  JoinCodeInfo,
  JoinCodePreview,
  JoinRequest,
  Person,
  School,
  SetSchoolRole,
  UpdateGroup,
  UpdateMember,
  UpdatePerson,
  UpdateSchool,
} from './org';
import {
  CustomizeRoutineRequest,
  MeetingCodeLookup,
  MeetingSummary,
  Routine,
  RoutineSummary,
  ScheduleMeetingRequest,
} from './meetings-api';
import { AuditPage, AuditQuery, ResetLink } from './audit';
import { AskToJoinAsGuest, FirstTeamRequest, FirstTeamResult, GuestSession, MeetingGuest } from './guests';
import { MeetingSettings, UpdateMeetingSettings } from './meeting-settings';
import { DemoInfo, DemoSignIn, PracticeMeeting } from './demo';
import {
  CandidateQuery,
  InviteCandidate,
  InviteRequest,
  MeetingPlanView,
  MyVisitNote,
  SavePlanRequest,
  SaveVisitNoteRequest,
  TeamSuccess,
} from './peer-modeling';
import {
  MyReflectionItem,
  MyReflectionsExportQuery,
  MyReflectionsPage,
  MyReflectionsQuery,
} from './reflections';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Endpoint {
  method: Method;
  path: string;
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** 'public' needs no session; 'session' needs a signed-in, active user. */
  auth: 'public' | 'session';
  /** Set for endpoints that answer a document rather than JSON (Markdown minutes, iCalendar). */
  produces?: 'text/markdown' | 'text/calendar' | 'text/csv';
  summary: string;
  tag: string;
}

const e = <const T extends Endpoint>(x: T) => x;
const items = <T extends z.ZodMiniType>(t: T) => z.object({ items: z.array(t) });

export const api = {
  health: e({
    method: 'GET',
    path: '/api/health',
    auth: 'public',
    response: Health,
    summary: 'Service and database status',
    tag: 'system',
  }),

  setupStatus: e({
    method: 'GET',
    path: '/api/setup',
    auth: 'public',
    response: SetupStatus,
    summary: 'Whether the first district still needs to be created',
    tag: 'setup',
  }),
  setup: e({
    method: 'POST',
    path: '/api/setup',
    auth: 'public',
    body: SetupRequest,
    response: Me,
    summary: 'Create the first district and its admin (only on an empty database)',
    tag: 'setup',
  }),
  firstTeam: e({
    method: 'POST',
    path: '/api/setup/first-team',
    auth: 'session',
    body: FirstTeamRequest,
    response: FirstTeamResult,
    summary:
      'First steps (district admin): create a school, a team the caller facilitates, and a Share Successes meeting opened now',
    tag: 'setup',
  }),

  signIn: e({
    method: 'POST',
    path: '/api/auth/sign-in',
    auth: 'public',
    body: SignInRequest,
    response: Me,
    summary: 'Sign in with email and password',
    tag: 'auth',
  }),
  signOut: e({
    method: 'POST',
    path: '/api/auth/sign-out',
    auth: 'public',
    response: Ok,
    summary: 'End this session',
    tag: 'auth',
  }),
  signOutEverywhere: e({
    method: 'POST',
    path: '/api/auth/sign-out-everywhere',
    auth: 'session',
    response: Ok,
    summary: 'End every session of the caller',
    tag: 'auth',
  }),
  me: e({
    method: 'GET',
    path: '/api/auth/me',
    auth: 'session',
    response: Me,
    summary: 'The signed-in person',
    tag: 'auth',
  }),
  changeName: e({
    method: 'PATCH',
    path: '/api/auth/me',
    auth: 'session',
    body: ChangeName,
    response: Me,
    summary: 'Change my display name',
    tag: 'auth',
  }),
  requestPasswordReset: e({
    method: 'POST',
    path: '/api/auth/password-reset',
    auth: 'public',
    body: RequestPasswordReset,
    response: Ok,
    summary: 'Email a one-time reset link (same answer whether or not the email exists)',
    tag: 'auth',
  }),
  completePasswordReset: e({
    method: 'POST',
    path: '/api/auth/password-reset/complete',
    auth: 'public',
    body: CompletePasswordReset,
    response: Ok,
    summary: 'Set a new password with a reset link; ends all sessions',
    tag: 'auth',
  }),
  requestEmailVerification: e({
    method: 'POST',
    path: '/api/auth/verify-email',
    auth: 'session',
    response: Ok,
    summary: 'Email a verification link to the caller',
    tag: 'auth',
  }),
  completeEmailVerification: e({
    method: 'POST',
    path: '/api/auth/verify-email/complete',
    auth: 'public',
    body: CompleteEmailVerification,
    response: Ok,
    summary: 'Verify an email address with a one-time link',
    tag: 'auth',
  }),

  district: e({
    method: 'GET',
    path: '/api/district',
    auth: 'session',
    response: District,
    summary: "The caller's district",
    tag: 'organization',
  }),
  listSchools: e({
    method: 'GET',
    path: '/api/schools',
    auth: 'session',
    response: items(School),
    summary: 'Schools of the district',
    tag: 'organization',
  }),
  createSchool: e({
    method: 'POST',
    path: '/api/schools',
    auth: 'session',
    body: CreateSchool,
    response: School,
    summary: 'Add a school (district admin)',
    tag: 'organization',
  }),
  updateSchool: e({
    method: 'PATCH',
    path: '/api/schools/:schoolId',
    auth: 'session',
    body: UpdateSchool,
    response: School,
    summary: 'Rename or archive a school',
    tag: 'organization',
  }),

  listPeople: e({
    method: 'GET',
    path: '/api/people',
    auth: 'session',
    response: items(Person),
    summary: 'People of the district (admins) or of my schools (school leaders)',
    tag: 'people',
  }),
  updatePerson: e({
    method: 'PATCH',
    path: '/api/people/:userId',
    auth: 'session',
    body: UpdatePerson,
    response: Person,
    summary: 'Change district role or deactivate/reactivate (district admin)',
    tag: 'people',
  }),
  issueResetLink: e({
    method: 'POST',
    path: '/api/people/:userId/reset-link',
    auth: 'session',
    response: ResetLink,
    summary: 'Create a one-time password-reset link for a person, shown once (district admin)',
    tag: 'people',
  }),
  setSchoolRole: e({
    method: 'PUT',
    path: '/api/schools/:schoolId/people/:userId',
    auth: 'session',
    body: SetSchoolRole,
    response: Person,
    summary: "Set or clear a person's role in a school",
    tag: 'people',
  }),

  listGroups: e({
    method: 'GET',
    path: '/api/groups',
    auth: 'session',
    response: items(GroupSummary),
    summary: 'Groups I belong to or lead',
    tag: 'groups',
  }),
  createGroup: e({
    method: 'POST',
    path: '/api/groups',
    auth: 'session',
    body: CreateGroup,
    response: GroupDetail,
    summary: 'Create a team, whole-staff group or district leadership team',
    tag: 'groups',
  }),
  getGroup: e({
    method: 'GET',
    path: '/api/groups/:groupId',
    auth: 'session',
    response: GroupDetail,
    summary: 'A group with its members and join code',
    tag: 'groups',
  }),
  updateGroup: e({
    method: 'PATCH',
    path: '/api/groups/:groupId',
    auth: 'session',
    body: UpdateGroup,
    response: GroupDetail,
    summary: 'Rename a group',
    tag: 'groups',
  }),
  addMember: e({
    method: 'POST',
    path: '/api/groups/:groupId/members',
    auth: 'session',
    body: AddMember,
    response: GroupDetail,
    summary: 'Add a person of the district to a group',
    tag: 'groups',
  }),
  updateMember: e({
    method: 'PATCH',
    path: '/api/groups/:groupId/members/:userId',
    auth: 'session',
    body: UpdateMember,
    response: GroupDetail,
    summary: "Change a member's role",
    tag: 'groups',
  }),
  removeMember: e({
    method: 'DELETE',
    path: '/api/groups/:groupId/members/:userId',
    auth: 'session',
    response: GroupDetail,
    summary: 'Remove a member (or leave)',
    tag: 'groups',
  }),
  createJoinCode: e({
    method: 'POST',
    path: '/api/groups/:groupId/join-code',
    auth: 'session',
    body: CreateJoinCode,
    response: JoinCodeInfo,
    summary: 'Create or replace the join code',
    tag: 'groups',
  }),
  revokeJoinCode: e({
    method: 'DELETE',
    path: '/api/groups/:groupId/join-code',
    auth: 'session',
    response: Ok,
    summary: 'Revoke the join code',
    tag: 'groups',
  }),
  listJoinRequests: e({
    method: 'GET',
    path: '/api/groups/:groupId/join-requests',
    auth: 'session',
    response: items(JoinRequest),
    summary: 'Pending requests of leaders to join a team (TRUST-LEAD)',
    tag: 'groups',
  }),
  acceptJoinRequest: e({
    method: 'POST',
    path: '/api/groups/:groupId/join-requests/:requestId/accept',
    auth: 'session',
    response: GroupDetail,
    summary: "Accept a request to join (the team's facilitators)",
    tag: 'groups',
  }),
  declineJoinRequest: e({
    method: 'POST',
    path: '/api/groups/:groupId/join-requests/:requestId/decline',
    auth: 'session',
    response: GroupDetail,
    summary: "Decline a request to join (the team's facilitators)",
    tag: 'groups',
  }),
  withdrawJoinRequest: e({
    method: 'POST',
    path: '/api/groups/:groupId/join-requests/:requestId/withdraw',
    auth: 'session',
    response: GroupDetail,
    summary: 'Withdraw my own request to join',
    tag: 'groups',
  }),
  getMeetingSettings: e({
    method: 'GET',
    path: '/api/groups/:groupId/meeting-settings',
    auth: 'session',
    response: MeetingSettings,
    summary: "How the team's meetings run by default (e.g. the timer starting itself on each step)",
    tag: 'groups',
  }),
  updateMeetingSettings: e({
    method: 'PATCH',
    path: '/api/groups/:groupId/meeting-settings',
    auth: 'session',
    body: UpdateMeetingSettings,
    response: MeetingSettings,
    summary:
      "Change how the team's meetings run (those who run its meetings); applies to meetings opened after",
    tag: 'groups',
  }),

  listInvitations: e({
    method: 'GET',
    path: '/api/invitations',
    auth: 'session',
    response: items(Invitation),
    summary: 'Pending invitations I may manage',
    tag: 'invitations',
  }),
  createInvitation: e({
    method: 'POST',
    path: '/api/invitations',
    auth: 'session',
    body: CreateInvitation,
    response: CreatedInvitation,
    summary: 'Invite someone by email',
    tag: 'invitations',
  }),
  revokeInvitation: e({
    method: 'DELETE',
    path: '/api/invitations/:invitationId',
    auth: 'session',
    response: Ok,
    summary: 'Revoke a pending invitation',
    tag: 'invitations',
  }),
  previewInvitation: e({
    method: 'GET',
    path: '/api/invitations/token/:token',
    auth: 'public',
    response: InvitationPreview,
    summary: 'What an invitation link is for',
    tag: 'invitations',
  }),
  acceptInvitation: e({
    method: 'POST',
    path: '/api/invitations/token/:token/accept',
    auth: 'public',
    body: AcceptInvitation,
    response: Me,
    summary: 'Accept an invitation (creates the account when needed)',
    tag: 'invitations',
  }),

  previewJoinCode: e({
    method: 'GET',
    path: '/api/join/:code',
    auth: 'public',
    response: JoinCodePreview,
    summary: 'What a join code is for',
    tag: 'groups',
  }),
  joinByCode: e({
    method: 'POST',
    path: '/api/join',
    auth: 'public',
    body: JoinByCode,
    response: JoinByCodeResult,
    summary: 'Join a group by code (a new person gets an emailed link that creates the account)',
    tag: 'groups',
  }),
  confirmSignUp: e({
    method: 'POST',
    path: '/api/join/confirm',
    auth: 'public',
    body: ConfirmSignUp,
    response: SignUpConfirmed,
    summary: 'Open the emailed link of a join-code sign-up: creates the verified account and joins',
    tag: 'groups',
  }),

  listRoutines: e({
    method: 'GET',
    path: '/api/groups/:groupId/routines',
    auth: 'session',
    response: items(RoutineSummary),
    summary: "The routines a group can run: Ensemble's and the group's own copies",
    tag: 'routines',
  }),
  getRoutine: e({
    method: 'GET',
    path: '/api/groups/:groupId/routines/:routine',
    auth: 'session',
    response: Routine,
    summary: 'A routine with its steps (latest version)',
    tag: 'routines',
  }),
  customizeRoutine: e({
    method: 'POST',
    path: '/api/groups/:groupId/routines',
    auth: 'session',
    body: CustomizeRoutineRequest,
    response: Routine,
    summary: "Save the group's own version of a routine",
    tag: 'routines',
  }),

  listMeetings: e({
    method: 'GET',
    path: '/api/groups/:groupId/meetings',
    auth: 'session',
    response: items(MeetingSummary),
    summary: "A group's meetings, newest first",
    tag: 'meetings',
  }),
  scheduleMeeting: e({
    method: 'POST',
    path: '/api/groups/:groupId/meetings',
    auth: 'session',
    body: ScheduleMeetingRequest,
    response: MeetingSummary,
    summary: 'Schedule a meeting that runs a routine',
    tag: 'meetings',
  }),
  groupCalendar: e({
    method: 'GET',
    path: '/api/groups/:groupId/meetings.ics',
    auth: 'session',
    response: z.string(),
    produces: 'text/calendar',
    summary: "The group's meetings as an iCalendar feed",
    tag: 'meetings',
  }),
  getMeeting: e({
    method: 'GET',
    path: '/api/meetings/:meetingId',
    auth: 'session',
    response: MeetingSummary,
    summary: 'A meeting',
    tag: 'meetings',
  }),
  openMeeting: e({
    method: 'POST',
    path: '/api/meetings/:meetingId/open',
    auth: 'session',
    response: MeetingSummary,
    summary: "Open the meeting live with the group's current members",
    tag: 'meetings',
  }),
  findMeetingByCode: e({
    method: 'GET',
    path: '/api/meetings/code/:code',
    auth: 'session',
    response: MeetingCodeLookup,
    summary: 'Find a meeting from the code on the projector',
    tag: 'meetings',
  }),
  meetingMinutes: e({
    method: 'GET',
    path: '/api/meetings/:meetingId/minutes',
    auth: 'session',
    response: MeetingMinutes,
    summary:
      'The minutes, per routine of the agenda: steps with actual minutes, notes, questions, next steps, sources (nothing private)',
    tag: 'meetings',
  }),
  meetingMinutesMarkdown: e({
    method: 'GET',
    path: '/api/meetings/:meetingId/minutes.md',
    auth: 'session',
    response: z.string(),
    produces: 'text/markdown',
    summary: 'The minutes as Markdown',
    tag: 'meetings',
  }),

  // Peer Modeling (issue 11 item 1, ADR 0016)
  getMeetingPlan: e({
    method: 'GET',
    path: '/api/meetings/:meetingId/plan',
    auth: 'session',
    response: MeetingPlanView,
    summary: 'A meeting’s Peer Modeling plan and the people invited to it (team readers and invited people)',
    tag: 'peer-modeling',
  }),
  saveMeetingPlan: e({
    method: 'PUT',
    path: '/api/meetings/:meetingId/plan/:part',
    auth: 'session',
    body: SavePlanRequest,
    response: MeetingPlanView,
    summary: 'Write the plan of one Peer Modeling part of a scheduled meeting (those who run the team)',
    tag: 'peer-modeling',
  }),
  teamSuccesses: e({
    method: 'GET',
    path: '/api/groups/:groupId/successes',
    auth: 'session',
    response: items(TeamSuccess),
    summary: 'The successes the team recorded in its ended meetings, newest first (those who run the team)',
    tag: 'peer-modeling',
  }),
  inviteCandidates: e({
    method: 'GET',
    path: '/api/meetings/:meetingId/invite-candidates',
    auth: 'session',
    query: CandidateQuery,
    response: items(InviteCandidate),
    summary:
      'People of the district, not on the team, whose name matches (at most 10; those who run the team)',
    tag: 'peer-modeling',
  }),
  inviteToMeeting: e({
    method: 'POST',
    path: '/api/meetings/:meetingId/invitees',
    auth: 'session',
    body: InviteRequest,
    response: MeetingPlanView,
    summary: 'Invite a person of the district to this meeting only, as its model or an observer',
    tag: 'peer-modeling',
  }),
  uninviteFromMeeting: e({
    method: 'DELETE',
    path: '/api/meetings/:meetingId/invitees/:userId',
    auth: 'session',
    response: MeetingPlanView,
    summary: 'Withdraw an invitation to a meeting (the person leaves its roster if it runs)',
    tag: 'peer-modeling',
  }),
  invitedMeetings: e({
    method: 'GET',
    path: '/api/me/invited-meetings',
    auth: 'session',
    response: items(MeetingSummary),
    summary: 'Meetings of other teams the caller is invited to (not ended, or ended in the last 30 days)',
    tag: 'peer-modeling',
  }),
  myVisitNote: e({
    method: 'GET',
    path: '/api/meetings/:meetingId/visit-notes/mine',
    auth: 'session',
    response: MyVisitNote,
    summary: 'The caller’s own visit note for a meeting (private to its author)',
    tag: 'peer-modeling',
  }),
  saveMyVisitNote: e({
    method: 'PUT',
    path: '/api/meetings/:meetingId/visit-notes/mine',
    auth: 'session',
    body: SaveVisitNoteRequest,
    response: MyVisitNote,
    summary: 'Save the caller’s own visit note (still private)',
    tag: 'peer-modeling',
  }),
  shareMyVisitNote: e({
    method: 'POST',
    path: '/api/meetings/:meetingId/visit-notes/mine/share',
    auth: 'session',
    response: MyVisitNote,
    summary: 'Share a snapshot of the caller’s visit note into the running meeting (everyone sees it)',
    tag: 'peer-modeling',
  }),
  listMeetingGuests: e({
    method: 'GET',
    path: '/api/meetings/:meetingId/guests',
    auth: 'session',
    response: items(MeetingGuest),
    summary: "The meeting's guests: waiting to join, or admitted (those taking part)",
    tag: 'guests',
  }),
  admitMeetingGuest: e({
    method: 'POST',
    path: '/api/meetings/:meetingId/guests/:guestId/admit',
    auth: 'session',
    response: MeetingGuest,
    summary: 'Let a waiting guest into this meeting (its facilitator)',
    tag: 'guests',
  }),
  declineMeetingGuest: e({
    method: 'POST',
    path: '/api/meetings/:meetingId/guests/:guestId/decline',
    auth: 'session',
    response: MeetingGuest,
    summary: 'Turn a waiting guest away (its facilitator)',
    tag: 'guests',
  }),
  askToJoinAsGuest: e({
    method: 'POST',
    path: '/api/meeting-guests',
    auth: 'public',
    body: AskToJoinAsGuest,
    response: GuestSession,
    summary:
      'Without an account: ask to join an open meeting by its code under a display name; the facilitator admits',
    tag: 'guests',
  }),
  guestSession: e({
    method: 'GET',
    path: '/api/meeting-guests/me',
    auth: 'public',
    response: GuestSession,
    summary: "The guest's own status (waiting, admitted, declined, ended) and, once admitted, the meeting",
    tag: 'guests',
  }),
  leaveAsGuest: e({
    method: 'DELETE',
    path: '/api/meeting-guests/me',
    auth: 'public',
    response: Ok,
    summary: 'Forget the guest session on this device',
    tag: 'guests',
  }),

  myReflections: e({
    method: 'GET',
    path: '/api/me/reflections',
    auth: 'session',
    query: MyReflectionsQuery,
    response: MyReflectionsPage,
    summary: "The signed-in person's own private reflections across meetings, newest first (only the author)",
    tag: 'reflections',
  }),
  myReflectionsMarkdown: e({
    method: 'GET',
    path: '/api/me/reflections.md',
    auth: 'session',
    query: MyReflectionsExportQuery,
    response: z.string(),
    produces: 'text/markdown',
    summary: "The signed-in person's own reflections as Markdown",
    tag: 'reflections',
  }),
  myReflectionsCsv: e({
    method: 'GET',
    path: '/api/me/reflections.csv',
    auth: 'session',
    query: MyReflectionsExportQuery,
    response: z.string(),
    produces: 'text/csv',
    summary: "The signed-in person's own reflections as CSV (RFC 4180, spreadsheet-safe)",
    tag: 'reflections',
  }),
  shareMyReflection: e({
    method: 'POST',
    path: '/api/me/reflections/:reflectionId/share',
    auth: 'session',
    response: MyReflectionItem,
    summary: 'Share one of your reflections with the team after the meeting (it then appears in the minutes)',
    tag: 'reflections',
  }),

  auditLog: e({
    method: 'GET',
    path: '/api/audit',
    auth: 'session',
    query: AuditQuery,
    response: AuditPage,
    summary: "The district's audit log, newest first, filtered (district admin)",
    tag: 'audit',
  }),
  auditLogCsv: e({
    method: 'GET',
    path: '/api/audit.csv',
    auth: 'session',
    query: z.omit(AuditQuery, { page: true }),
    response: z.string(),
    produces: 'text/csv',
    summary: 'The filtered audit log as CSV (RFC 4180, spreadsheet-safe); the export is itself logged',
    tag: 'audit',
  }),

  demoInfo: e({
    method: 'GET',
    path: '/api/demo',
    auth: 'public',
    response: DemoInfo,
    summary: 'Whether this server is a demo (serve --demo), and the demo people to try it as',
    tag: 'demo',
  }),
  demoSignIn: e({
    method: 'POST',
    path: '/api/demo/sign-in',
    auth: 'public',
    body: DemoSignIn,
    response: Me,
    summary:
      'Demo mode only (404 otherwise): sign in as one of the demo district’s people, without a password',
    tag: 'demo',
  }),
  startPracticeMeeting: e({
    method: 'POST',
    path: '/api/demo/groups/:groupId/practice-meeting',
    auth: 'session',
    response: PracticeMeeting,
    summary:
      'Demo mode only (404 otherwise): open a Share Successes meeting of the team where simulated colleagues take part',
    tag: 'demo',
  }),

  devOutbox: e({
    method: 'GET',
    path: '/api/dev/outbox',
    auth: 'public',
    response: items(OutboxMessage),
    summary:
      'Emails captured in development mode (--dev, ENSEMBLE_DEV=1) when no SMTP server is set; 404 otherwise',
    tag: 'system',
  }),
} as const satisfies Record<string, Endpoint>;

export type Api = typeof api;
export type EndpointName = keyof Api;
export type BodyOf<N extends EndpointName> = Api[N] extends { body: infer B extends z.ZodMiniType }
  ? z.input<B>
  : never;
export type ResponseOf<N extends EndpointName> = z.infer<Api[N]['response']>;

/** Fills `:params` in a catalogue path. */
export function pathFor(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
