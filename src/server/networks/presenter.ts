import type { NetworkJoinRequest, NetworkMember } from '#contracts/networks';
import type { networkJoinRequests } from '../db/schema';
import type { MemberRow } from './queries';

export function presentMember(m: MemberRow): NetworkMember {
  return {
    id: m.userId,
    name: m.name,
    school: m.shownSchool,
    district: m.shownDistrict,
    role: m.role,
    joinedAt: m.joinedAt.toISOString(),
  };
}

export function presentJoinRequest(r: typeof networkJoinRequests.$inferSelect): NetworkJoinRequest {
  return {
    id: r.id,
    name: r.shownName,
    school: r.shownSchool,
    district: r.shownDistrict,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
  };
}
