import type { District, Person, School } from '#contracts/org';

export function presentSchool(s: {
  id: string;
  name: string;
  createdAt: Date;
  archivedAt: Date | null;
  timeZone: string | null;
}): School {
  return {
    id: s.id,
    name: s.name,
    createdAt: s.createdAt.toISOString(),
    archived: s.archivedAt !== null,
    timeZone: s.timeZone,
  };
}

export function presentDistrict(d: {
  id: string;
  name: string;
  createdAt: Date;
  timeZone: string;
}): District {
  return { id: d.id, name: d.name, createdAt: d.createdAt.toISOString(), timeZone: d.timeZone };
}

export function presentPerson(
  u: {
    id: string;
    name: string;
    email: string;
    districtRole: Person['districtRole'];
    deactivatedAt: Date | null;
    emailVerifiedAt: Date | null;
  },
  schools: Person['schools'],
): Person {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    districtRole: u.districtRole,
    schools,
    active: u.deactivatedAt === null,
    emailVerified: u.emailVerifiedAt !== null,
  };
}
