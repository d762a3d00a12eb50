/**
 * ROSTER-PLAN-*: what a read roster set changes, against what earlier imports left. Pure: the server loads the
 * current state, the commit applies the plan in one transaction, and a re-import of the same set plans nothing.
 */
import type { RosterChange, RosterCounts, RosterProblem } from '#contracts/roster';
import type { RosterSet, SchoolRole } from './read';

/** A school an earlier import created or updated (linked by its sourcedId). */
export interface LinkedSchool {
  sourcedId: string;
  schoolId: string;
  name: string;
}
/** An account: linked by an earlier import (`sourcedId`), or one whose address the set names. */
export interface KnownPerson {
  sourcedId: string | null;
  userId: string;
  /** False: an account of another district (or a network's member row): never taken over. */
  sameDistrict: boolean;
  email: string;
  name: string;
  active: boolean;
  districtAdmin: boolean;
  /** School id -> role. */
  schoolRoles: Map<string, SchoolRole>;
}
export interface RosterCurrent {
  schools: LinkedSchool[];
  people: KnownPerson[];
}

export interface SchoolAdd {
  sourcedId: string;
  name: string;
}
export interface SchoolUpdate {
  sourcedId: string;
  schoolId: string;
  name: string;
}
export interface PersonAdd {
  sourcedId: string;
  email: string;
  name: string;
  /** School sourcedId -> role. */
  roles: [string, SchoolRole][];
}
export interface PersonUpdate {
  sourcedId: string;
  userId: string;
  /** True when an earlier unrostered account of the district is taken into the roster (ROSTER-LINK-2). */
  link: boolean;
  email: string | null;
  name: string | null;
  reactivate: boolean;
  /** Roles to set (school sourcedId -> role) and rostered schools to leave. */
  setRoles: [string, SchoolRole][];
  removeRoles: string[];
}
export interface PersonDeactivate {
  sourcedId: string;
  userId: string;
}
export interface RosterPlan {
  schools: { add: SchoolAdd[]; update: SchoolUpdate[] };
  people: { add: PersonAdd[]; update: PersonUpdate[]; deactivate: PersonDeactivate[] };
}

export interface PlanResult {
  plan: RosterPlan;
  problems: RosterProblem[];
  counts: RosterCounts;
  changes: RosterChange[];
}

const byId = <T extends { sourcedId: string }>(a: T, b: T) =>
  a.sourcedId < b.sourcedId ? -1 : a.sourcedId > b.sourcedId ? 1 : 0;
const sortPairs = (pairs: [string, SchoolRole][]) =>
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const roleWords = (role: SchoolRole) => (role === 'school_leader' ? 'leader' : 'staff');

export function isEmptyPlan(plan: RosterPlan): boolean {
  return (
    !plan.schools.add.length &&
    !plan.schools.update.length &&
    !plan.people.add.length &&
    !plan.people.update.length &&
    !plan.people.deactivate.length
  );
}

/** ROSTER-PLAN-1: adds, updates and deactivations; problems of the set joined with those the state reveals. */
export function planRoster(set: RosterSet, current: RosterCurrent): PlanResult {
  const problems: RosterProblem[] = [...set.problems];
  const usersFile = 'users.csv';
  const plan: RosterPlan = {
    schools: { add: [], update: [] },
    people: { add: [], update: [], deactivate: [] },
  };
  const changes: RosterChange[] = [];

  // Schools, by sourcedId.
  const linkedSchool = new Map(current.schools.map((s) => [s.sourcedId, s]));
  const schoolName = new Map<string, string>();
  for (const s of [...set.schools].sort(byId)) {
    schoolName.set(s.sourcedId, s.name);
    const linked = linkedSchool.get(s.sourcedId);
    if (!linked) {
      plan.schools.add.push({ sourcedId: s.sourcedId, name: s.name });
      changes.push({ kind: 'school', action: 'add', sourcedId: s.sourcedId, label: s.name, detail: '' });
    } else if (linked.name !== s.name) {
      plan.schools.update.push({ sourcedId: s.sourcedId, schoolId: linked.schoolId, name: s.name });
      changes.push({
        kind: 'school',
        action: 'update',
        sourcedId: s.sourcedId,
        label: s.name,
        detail: `renamed from ${linked.name}`,
      });
    }
  }
  for (const l of current.schools) if (!schoolName.has(l.sourcedId)) schoolName.set(l.sourcedId, l.name);
  // A role at a school id, seen as the school's sourcedId; roles at schools no import made stay as they are.
  const sourcedOfSchool = new Map(current.schools.map((s) => [s.schoolId, s.sourcedId]));
  const describeRoles = (pairs: [string, SchoolRole][]) =>
    pairs.map(([sid, role]) => `${schoolName.get(sid) ?? sid} (${roleWords(role)})`).join(', ');

  // People, by sourcedId first, then (once) by address.
  const bySourced = new Map<string, KnownPerson>();
  const byEmail = new Map<string, KnownPerson>();
  for (const p of current.people) {
    if (p.sourcedId !== null) bySourced.set(p.sourcedId, p);
    byEmail.set(p.email, p);
  }
  const seen = new Set<string>();
  const matched = new Set<string>();
  for (const person of [...set.staff].sort(byId)) {
    seen.add(person.sourcedId);
    const wanted = sortPairs([...person.schools.entries()]);
    let known = bySourced.get(person.sourcedId);
    let link = false;
    const owner = byEmail.get(person.email);
    if (owner && owner !== known) {
      if (!owner.sameDistrict) {
        problems.push({
          severity: 'error',
          file: usersFile,
          line: person.line,
          message: `email "${person.email}" belongs to an account in another district or network`,
        });
        continue;
      }
      if (owner.sourcedId !== null && bySourced.has(owner.sourcedId) && seenOrListed(set, owner.sourcedId)) {
        problems.push({
          severity: 'error',
          file: usersFile,
          line: person.line,
          message: `email "${person.email}" is already the address of rostered user "${owner.sourcedId}"`,
        });
        continue;
      }
      if (!known) {
        known = owner;
        link = true;
        problems.push({
          severity: 'warning',
          file: usersFile,
          line: person.line,
          message: `email "${person.email}" is an existing account: it is taken into the roster`,
        });
      } else {
        problems.push({
          severity: 'error',
          file: usersFile,
          line: person.line,
          message: `email "${person.email}" is already another account's address`,
        });
        continue;
      }
    }
    if (known) matched.add(known.userId);
    if (!known) {
      plan.people.add.push({
        sourcedId: person.sourcedId,
        email: person.email,
        name: person.name,
        roles: wanted,
      });
      changes.push({
        kind: 'person',
        action: 'add',
        sourcedId: person.sourcedId,
        label: `${person.name} <${person.email}>`,
        detail: describeRoles(wanted),
      });
      continue;
    }
    const have = new Map<string, SchoolRole>();
    for (const [schoolId, role] of known.schoolRoles) {
      const sid = sourcedOfSchool.get(schoolId);
      if (sid !== undefined) have.set(sid, role);
    }
    const setRoles = wanted.filter(([sid, role]) => have.get(sid) !== role);
    const removeRoles = [...have.keys()].filter((sid) => !person.schools.has(sid)).sort();
    const update: PersonUpdate = {
      sourcedId: person.sourcedId,
      userId: known.userId,
      link: link || known.sourcedId !== person.sourcedId,
      email: known.email === person.email ? null : person.email,
      name: known.name === person.name ? null : person.name,
      reactivate: !known.active,
      setRoles,
      removeRoles,
    };
    if (
      update.link ||
      update.email !== null ||
      update.name !== null ||
      update.reactivate ||
      setRoles.length ||
      removeRoles.length
    ) {
      plan.people.update.push(update);
      const detail = [
        update.link ? 'linked to the roster' : '',
        update.name !== null ? `name was ${known.name}` : '',
        update.email !== null ? `address was ${known.email}` : '',
        update.reactivate ? 'reactivated' : '',
        setRoles.length ? `now ${describeRoles(setRoles)}` : '',
        removeRoles.length ? `leaves ${removeRoles.map((sid) => schoolName.get(sid) ?? sid).join(', ')}` : '',
      ].filter(Boolean);
      changes.push({
        kind: 'person',
        action: 'update',
        sourcedId: person.sourcedId,
        label: `${person.name} <${person.email}>`,
        detail: detail.join('; '),
      });
    }
  }

  // ROSTER-DEACT-1: a bulk set is the whole roster: rostered people missing from it are deactivated.
  for (const p of [...current.people]
    .filter((x) => x.sourcedId !== null)
    .sort((a, b) => ((a.sourcedId ?? '') < (b.sourcedId ?? '') ? -1 : 1))) {
    const sourcedId = p.sourcedId ?? '';
    if (seen.has(sourcedId) || matched.has(p.userId) || !p.active || !p.sameDistrict) continue;
    if (p.districtAdmin) {
      problems.push({
        severity: 'warning',
        file: usersFile,
        line: null,
        message: `rostered user "${sourcedId}" is missing but is a district admin: not deactivated`,
      });
      continue;
    }
    plan.people.deactivate.push({ sourcedId, userId: p.userId });
    changes.push({
      kind: 'person',
      action: 'deactivate',
      sourcedId,
      label: `${p.name} <${p.email}>`,
      detail: 'missing from the roster',
    });
  }

  const counts: RosterCounts = {
    schoolsAdded: plan.schools.add.length,
    schoolsUpdated: plan.schools.update.length,
    peopleAdded: plan.people.add.length,
    peopleUpdated: plan.people.update.length,
    peopleDeactivated: plan.people.deactivate.length,
    learnersSkipped: set.learnersSkipped,
  };
  return { plan, problems, counts, changes };
}

/** Whether the set lists that sourcedId (so the address cannot move to another record). */
function seenOrListed(set: RosterSet, sourcedId: string): boolean {
  return set.staff.some((p) => p.sourcedId === sourcedId);
}
