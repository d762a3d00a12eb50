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
  /**
   * PWA-OFFLINE-2: a "keep me signed in" session, on a device its person said is theirs. Unset for shared-device
   * sessions (and any other way of asking): nothing is kept on such a device for offline use.
   */
  personalDevice?: boolean;
  /**
   * ADR 0032: set when the request acts in a network. `userId` and `districtId` are then the member row and the
   * network's tenant; the account stays in its district, named here only to find and leave the member row.
   */
  network?: NetworkSpace;
}

export interface NetworkSpace {
  kind: 'network' | 'exchange';
  role: 'convener' | 'member';
  homeUserId: string;
  homeDistrictId: string;
}

/**
 * A meeting guest (ADR 0013): no account, one meeting. Resolved from the guest cookie, never from a body.
 * `userId` is the guest's id, which is also their id on the meeting's roster and in its log.
 */
export interface GuestActor {
  kind: 'guest';
  userId: string;
  districtId: string;
  meetingId: string;
  name: string;
  /** `g:` + sha256 of the guest cookie's secret (a socket room, like an account session's). */
  sessionId: string;
  /** Admitted by the facilitator (a waiting guest takes part in nothing). */
  admitted: boolean;
}

/** Whoever asks: a signed-in account, or a meeting guest. */
export type Principal = Actor | GuestActor;

export const isGuestActor = (p: Principal): p is GuestActor => 'kind' in p;
