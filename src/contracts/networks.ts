/**
 * Networks of principals across districts (issue 14, ADR 0032): a network is a tenant of its own; a principal's
 * account takes part through a member row of that tenant, showing what they chose to bring.
 */
import { z } from './zod';
import { Email, Id, IsoDateTime, PersonName } from './common';

export const NETWORK_HEADER = 'x-ensemble-network';

export const NetworkVisibility = z.enum(['listed', 'unlisted']);
export type NetworkVisibility = z.infer<typeof NetworkVisibility>;

export const NetworkRole = z.enum(['convener', 'member']);
export type NetworkRole = z.infer<typeof NetworkRole>;

const NetworkName = z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(120));
const Description = z.string().check(z.trim(), z.maxLength(2000));
/** What a member chooses to show of their school and district: optional, short, theirs to word. */
const Shown = z.string().check(z.trim(), z.maxLength(120));

export const CreateNetwork = z.strictObject({
  name: NetworkName,
  description: z._default(Description, ''),
  visibility: z._default(NetworkVisibility, 'unlisted'),
});
export type CreateNetwork = z.infer<typeof CreateNetwork>;

/** How a person shows themself in a network: their name as they want it, and optionally school and district. */
export const MemberShown = z.strictObject({
  name: PersonName,
  school: z._default(Shown, ''),
  district: z._default(Shown, ''),
});
export type MemberShown = z.infer<typeof MemberShown>;

/** A network in the signed-in person's own list (from their district's side: only that they belong). */
export const MyNetwork = z.object({ id: Id, name: z.string() });
export const MyNetworks = z.object({ items: z.array(MyNetwork) });

/** A listed network, as principals of any district may find it. */
export const ListedNetwork = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  /** The caller already asked to join and the request is still pending. */
  requested: z.boolean(),
  /** The caller is already a member. */
  member: z.boolean(),
});
export const ListedNetworks = z.object({ items: z.array(ListedNetwork) });

export const RequestToJoin = z.strictObject({
  shown: MemberShown,
  message: z._default(z.string().check(z.trim(), z.maxLength(1000)), ''),
});
export type RequestToJoin = z.infer<typeof RequestToJoin>;
export const JoinRequestStatus = z.object({ status: z.enum(['pending', 'member']) });

export const NetworkMember = z.object({
  /** The member row's id in the network (never the account's). */
  id: Id,
  name: z.string(),
  school: z.string(),
  district: z.string(),
  role: NetworkRole,
  joinedAt: IsoDateTime,
});
export type NetworkMember = z.infer<typeof NetworkMember>;

export const NetworkDetail = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  visibility: NetworkVisibility,
  myRole: NetworkRole,
  /** This member row's id: the caller's own id in the network. */
  myMemberId: Id,
  members: z.array(NetworkMember),
  abilities: z.object({ manage: z.boolean() }),
});
export type NetworkDetail = z.infer<typeof NetworkDetail>;

export const NetworkJoinRequest = z.object({
  id: Id,
  name: z.string(),
  school: z.string(),
  district: z.string(),
  message: z.string(),
  createdAt: IsoDateTime,
});
export type NetworkJoinRequest = z.infer<typeof NetworkJoinRequest>;
export const NetworkJoinRequests = z.object({ items: z.array(NetworkJoinRequest) });

export const InviteToNetwork = z.strictObject({ email: Email });
export const NetworkInvitation = z.object({
  id: Id,
  email: z.string(),
  expiresAt: IsoDateTime,
  /** Shown once, to the convener, when no email could be sent (no SMTP): they pass it on themselves. */
  link: z.nullable(z.string()),
});
export const NetworkInvitations = z.object({
  items: z.array(z.object({ id: Id, email: z.string(), expiresAt: IsoDateTime })),
});

/** What the invited person sees before accepting (signed in to their own account). */
export const NetworkInvitationPreview = z.object({
  networkName: z.string(),
  description: z.string(),
  /** The invitation was sent to the signed-in account's address: only then can it be accepted. */
  forYou: z.boolean(),
  alreadyMember: z.boolean(),
});
export const AcceptNetworkInvitation = z.strictObject({ shown: MemberShown });
