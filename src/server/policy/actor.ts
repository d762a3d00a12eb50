import type { DistrictRole, GroupRole, SchoolRole } from '#contracts/org';

/** Who is asking: resolved from the session on every request, never from the request body. */
export interface Actor {
  userId: string;
  districtId: string;
  districtRole: DistrictRole;
  name: string;
  email: string;
  emailVerified: boolean;
  sessionId: string;
  schoolRoles: ReadonlyMap<string, SchoolRole>;
  groupRoles: ReadonlyMap<string, GroupRole>;
}
