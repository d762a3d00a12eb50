/** Professional organizations (issue 14): the directory each district and network adapts; merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { Ok } from './common';
import { anySpace, e } from './endpoint';
import {
  Directory,
  DirectoryEntry,
  EditShippedOrganization,
  OrganizationFields,
  UpdateOrganization,
} from './organizations';

export const organizationsApi = {
  listOrganizations: e({
    method: 'GET',
    path: '/api/organizations',
    auth: 'session',
    spaces: anySpace,
    response: Directory,
    summary: 'Professional organizations for principals, as this district or network keeps the list',
    tag: 'organizations',
  }),
  addOrganization: e({
    method: 'POST',
    path: '/api/organizations',
    auth: 'session',
    spaces: anySpace,
    body: OrganizationFields,
    response: DirectoryEntry,
    summary: 'Add an organization to the list (district admins, network conveners)',
    tag: 'organizations',
  }),
  updateOrganization: e({
    method: 'PUT',
    path: '/api/organizations/:organizationId',
    auth: 'session',
    spaces: anySpace,
    body: UpdateOrganization,
    response: DirectoryEntry,
    summary: 'Change or hide an organization this district or network added',
    tag: 'organizations',
  }),
  removeOrganization: e({
    method: 'DELETE',
    path: '/api/organizations/:organizationId',
    auth: 'session',
    spaces: anySpace,
    response: Ok,
    summary: 'Remove an organization this district or network added',
    tag: 'organizations',
  }),
  editShippedOrganization: e({
    method: 'PUT',
    path: '/api/organizations/shipped/:slug',
    auth: 'session',
    spaces: anySpace,
    body: EditShippedOrganization,
    response: DirectoryEntry,
    summary: "Change or hide one of Ensemble's listed organizations for this district or network",
    tag: 'organizations',
  }),
  restoreShippedOrganization: e({
    method: 'DELETE',
    path: '/api/organizations/shipped/:slug',
    auth: 'session',
    spaces: anySpace,
    response: DirectoryEntry,
    summary: "Undo this district's or network's changes to one of Ensemble's listed organizations",
    tag: 'organizations',
  }),
} as const;
