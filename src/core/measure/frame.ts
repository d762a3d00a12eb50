/**
 * The organization a survey wave is launched on (ADR 0029, MEASURE-WAVE-2): which units exist, who is invited,
 * which units each person may answer about and in which role band. Pure: the server loads the rows.
 */
import type { FrameUnit, RoleBand, WaveFrame, WaveScope, WaveSpace } from '../../contracts/surveys';

export interface FrameSchool {
  id: string;
  name: string;
}
export interface FrameTeam {
  id: string;
  name: string;
  /** Null for a district-level team (the leadership team). */
  schoolId: string | null;
}
export interface FramePerson {
  id: string;
  /** District admins lead. */
  districtAdmin: boolean;
  /** The person's school roles. */
  schools: readonly { schoolId: string; role: 'school_leader' | 'staff' }[];
  /** Teams the person belongs to, oldest membership first. */
  teamIds: readonly string[];
}

export interface FrameInput {
  /** MEASURE-NET-2: a network (no schools, cohorts as its teams, no role split); a district when absent. */
  space?: WaveSpace;
  /** The district's name, or the network's. */
  districtName: string;
  scope: WaveScope;
  schools: readonly FrameSchool[];
  teams: readonly FrameTeam[];
  people: readonly FramePerson[];
}

/** One invited person: the units they may answer about (the first is the default) and their band. */
export interface FrameInvitee {
  userId: string;
  units: string[];
  role: RoleBand;
}

export interface BuiltFrame {
  frame: WaveFrame;
  invitees: FrameInvitee[];
}

export const DISTRICT_UNIT = 'district';
/**
 * MEASURE-NET-2: the one band every answer of a network's wave is kept in. It is never shown: a network's reports
 * are read with `role=all` only.
 */
export const NETWORK_ROLE_BAND: RoleBand = 'staff';
export const schoolUnit = (id: string) => `school:${id}`;
export const teamUnit = (id: string) => `team:${id}`;

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/**
 * MEASURE-WAVE-2: the frame of a wave.
 * - District scope: every school, every team, every person. School scope: that school, its teams, and the people
 *   with a role at the school or on one of its teams. Teams scope: those teams and their members.
 * - A person answers about one of their teams in the scope (oldest membership first, their choice when several);
 *   with none, about their school's pool (the first school in scope where they have a role), else the district's.
 * - The role band is `leader` for district admins and for school leaders of a school in scope, else `staff`.
 * - A person is counted once, in their default unit.
 * - MEASURE-NET-2, in a network: its cohorts are the teams, there are no schools (a member with no cohort in the
 *   scope answers about the whole network's pool), and everyone is in one band (`NETWORK_ROLE_BAND`): the network
 *   knows nothing of who leads what at home, and conveners are not set apart.
 */
export function buildFrame(input: FrameInput): BuiltFrame {
  const { scope } = input;
  const space = input.space ?? 'district';
  if (space === 'network' && scope.kind === 'school') throw new Error('a network has no schools');
  const schoolsInScope =
    scope.kind === 'district'
      ? input.schools
      : scope.kind === 'school'
        ? input.schools.filter((s) => s.id === scope.schoolId)
        : [];
  const teamsInScope = input.teams.filter((t) =>
    scope.kind === 'district'
      ? true
      : scope.kind === 'school'
        ? t.schoolId === scope.schoolId
        : scope.teamIds.includes(t.id),
  );
  const schoolIds = new Set(schoolsInScope.map((s) => s.id));
  const teamIds = new Set(teamsInScope.map((t) => t.id));

  const invitees: FrameInvitee[] = [];
  for (const person of input.people) {
    const teams = person.teamIds.filter((id) => teamIds.has(id));
    const schoolRoles = person.schools.filter((r) => schoolIds.has(r.schoolId));
    const inScope =
      scope.kind === 'district' || teams.length > 0 || (scope.kind === 'school' && schoolRoles.length > 0);
    if (!inScope) continue;
    const units = teams.map(teamUnit);
    if (units.length === 0) {
      const school = schoolRoles[0];
      units.push(school ? schoolUnit(school.schoolId) : DISTRICT_UNIT);
    }
    const leads = person.districtAdmin || schoolRoles.some((r) => r.role === 'school_leader');
    const role: RoleBand = space === 'network' ? NETWORK_ROLE_BAND : leads ? 'leader' : 'staff';
    invitees.push({ userId: person.id, units, role });
  }

  // Units: the district, the schools in scope (for a teams scope, the schools of those teams), the teams.
  const schoolById = new Map(input.schools.map((s) => [s.id, s]));
  const shownSchools = new Map<string, FrameSchool>(schoolsInScope.map((s) => [s.id, s]));
  for (const t of teamsInScope) {
    const s = t.schoolId === null ? undefined : schoolById.get(t.schoolId);
    if (s) shownSchools.set(s.id, s);
  }
  for (const i of invitees) {
    const unit = i.units[0];
    if (unit?.startsWith('school:')) {
      const s = schoolById.get(unit.slice('school:'.length));
      if (s) shownSchools.set(s.id, s);
    }
  }
  const units: FrameUnit[] = [
    { key: DISTRICT_UNIT, kind: 'district', id: null, name: input.districtName, parent: null },
    ...[...shownSchools.values()].sort(byName).map((s): FrameUnit => ({
      key: schoolUnit(s.id),
      kind: 'school',
      id: s.id,
      name: s.name,
      parent: DISTRICT_UNIT,
    })),
    ...[...teamsInScope].sort(byName).map((t): FrameUnit => ({
      key: teamUnit(t.id),
      kind: 'team',
      id: t.id,
      name: t.name,
      parent: t.schoolId !== null && shownSchools.has(t.schoolId) ? schoolUnit(t.schoolId) : DISTRICT_UNIT,
    })),
  ];

  const counts = new Map<string, number>();
  for (const i of invitees) {
    const key = `${i.units[0] ?? DISTRICT_UNIT}|${i.role}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const invited = [...counts].map(([key, n]) => {
    const [unit = DISTRICT_UNIT, role] = key.split('|');
    return { unit, role: role === 'leader' ? ('leader' as const) : ('staff' as const), n };
  });
  invited.sort((a, b) => a.unit.localeCompare(b.unit) || a.role.localeCompare(b.role));
  return { frame: { space, units, invited }, invitees };
}

/** How many people a frame invited. */
export const invitedCount = (frame: WaveFrame) => frame.invited.reduce((sum, a) => sum + a.n, 0);
