/**
 * The catalogue's district administration (ADR 0003): the district's settings, schools, people, new groups and
 * pending invitations, which only the admin pages use; merged in `api.ts`, loaded by the web client on first
 * use (ADR 0026).
 */
import { Ok } from './common';
import { rightsApi } from './api-rights';
import {
  CreateGroup,
  CreateSchool,
  District,
  GroupDetail,
  Invitation,
  Person,
  School,
  SetSchoolRole,
  UpdateDistrict,
  UpdatePerson,
  UpdateSchool,
} from './org';
import { ResetLink } from './audit';
import { e, items, type Endpoint } from './endpoint';

export const adminApi = {
  updateDistrict: e({
    method: 'PATCH',
    path: '/api/district',
    auth: 'session',
    body: UpdateDistrict,
    response: District,
    summary: "Change the district's settings: its time zone (district admin)",
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
    bearer: false,
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
  createGroup: e({
    method: 'POST',
    path: '/api/groups',
    auth: 'session',
    body: CreateGroup,
    response: GroupDetail,
    summary: 'Create a team, whole-staff group or district leadership team',
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
  revokeInvitation: e({
    method: 'DELETE',
    path: '/api/invitations/:invitationId',
    auth: 'session',
    response: Ok,
    summary: 'Revoke a pending invitation',
    tag: 'invitations',
  }),
  // Data rights (ADR 0042): the admin page's District data and the account page's Your data, one catalogue chunk.
  ...rightsApi,
} as const satisfies Record<string, Endpoint>;
