/**
 * ROSTER-READ-*: a OneRoster 1.1 or 1.2 bulk CSV set (file name -> bytes) read into the schools and staff Ensemble
 * keeps. Every problem names its file and line; errors refuse the import, warnings are accepted and reported.
 * Students, parents, guardians and relatives are counted and dropped here: they never reach the plan (ROSTER-ROLE-2).
 */
import { Email } from '#contracts/common';
import type { RosterProblem } from '#contracts/roster';
import { readCsv, type CsvRow, type CsvTable } from './csv';

export type SchoolRole = 'school_leader' | 'staff';
export interface RosterSchool {
  sourcedId: string;
  name: string;
  line: number;
}
export interface RosterPerson {
  sourcedId: string;
  email: string;
  name: string;
  line: number;
  /** School sourcedId -> role there (a leader role wins over a staff one). */
  schools: Map<string, SchoolRole>;
}
export interface RosterSet {
  version: '1.1' | '1.2';
  mode: 'bulk' | 'delta';
  schools: RosterSchool[];
  staff: RosterPerson[];
  learnersSkipped: number;
  problems: RosterProblem[];
}

/**
 * ROSTER-ROLE-1: OneRoster roles (1.1 and 1.2) to Ensemble. Leaders lead their schools; the rest are staff there.
 * `null`: a learner or family member, never given an account. The roster never grants `district_admin`.
 */
export const ROLE_MAP: Record<string, SchoolRole | null> = {
  administrator: 'school_leader',
  principal: 'school_leader',
  siteadministrator: 'school_leader',
  districtadministrator: 'school_leader',
  systemadministrator: 'school_leader',
  teacher: 'staff',
  aide: 'staff',
  counselor: 'staff',
  proctor: 'staff',
  student: null,
  parent: null,
  guardian: null,
  relative: null,
};
const CANONICAL_ROLE: Record<string, string> = {
  siteadministrator: 'siteAdministrator',
  districtadministrator: 'districtAdministrator',
  systemadministrator: 'systemAdministrator',
};
const ORG_TYPES = ['department', 'school', 'district', 'local', 'state', 'national'];
const FILE_MODES = ['absent', 'bulk', 'delta'];
/** The files this import reads; the rest of a set (courses, results, ...) is ignored. */
const USED_FILES = ['orgs', 'users', 'roles', 'classes', 'enrollments'] as const;
type UsedFile = (typeof USED_FILES)[number];

const REQUIRED_COLUMNS: Record<'1.1' | '1.2', Record<UsedFile, string[]>> = {
  '1.1': {
    orgs: ['sourcedId', 'name', 'type'],
    users: ['sourcedId', 'orgSourcedIds', 'role', 'givenName', 'familyName', 'email'],
    roles: [],
    classes: ['sourcedId', 'schoolSourcedId'],
    enrollments: ['sourcedId', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role'],
  },
  '1.2': {
    orgs: ['sourcedId', 'name', 'type'],
    users: ['sourcedId', 'givenName', 'familyName', 'email'],
    roles: ['userSourcedId', 'role', 'orgSourcedId'],
    classes: ['sourcedId', 'schoolSourcedId'],
    enrollments: ['sourcedId', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role'],
  },
};

/** Warnings of one kind in one file, reported once with a count and the first line. */
class Problems {
  readonly list: RosterProblem[] = [];
  private readonly grouped = new Map<string, { problem: RosterProblem; count: number }>();
  error(file: string, line: number | null, message: string) {
    this.list.push({ severity: 'error', file, line, message });
  }
  warn(file: string, line: number | null, message: string) {
    this.list.push({ severity: 'warning', file, line, message });
  }
  /** One warning per (file, kind): "… (N rows, the first at this line)". */
  warnOnce(file: string, line: number, kind: string, message: string) {
    const key = `${file}\u0000${kind}`;
    const seen = this.grouped.get(key);
    if (seen) {
      seen.count++;
      return;
    }
    const problem: RosterProblem = { severity: 'warning', file, line, message };
    this.grouped.set(key, { problem, count: 1 });
    this.list.push(problem);
  }
  finish(): RosterProblem[] {
    for (const { problem, count } of this.grouped.values())
      if (count > 1) problem.message += ` (${count} rows; this is the first)`;
    return this.list;
  }
  get failed() {
    return this.list.some((p) => p.severity === 'error');
  }
}

/** A table's rows as records keyed by the canonical column names (header matched regardless of case). */
interface Table {
  file: string;
  rows: { line: number; get: (column: string) => string }[];
}

function tableOf(csv: CsvTable, required: string[], known: string[], out: Problems): Table | null {
  const index = new Map<string, number>();
  let caseWarned = false;
  csv.header.forEach((h, i) => {
    const canonical = known.find((k) => k.toLowerCase() === h.toLowerCase());
    if (canonical === undefined) return;
    if (canonical !== h && !caseWarned) {
      caseWarned = true;
      out.warn(csv.file, csv.headerLine, `column "${h}" read as "${canonical}" (wrong case)`);
    }
    if (index.has(canonical)) out.error(csv.file, csv.headerLine, `column "${canonical}" appears twice`);
    index.set(canonical, i);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length) {
    out.error(
      csv.file,
      csv.headerLine,
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`,
    );
    return null;
  }
  return {
    file: csv.file,
    rows: csv.rows.map((r: CsvRow) => ({
      line: r.line,
      get: (column: string) => {
        const i = index.get(column);
        return i === undefined ? '' : (r.fields[i] ?? '').trim();
      },
    })),
  };
}

/** An enumeration value: exact, or in the wrong case with a warning, or null (the caller reports it). */
function enumValue(
  value: string,
  allowed: readonly string[],
  file: string,
  line: number,
  column: string,
  out: Problems,
): string | null {
  if (allowed.includes(value)) return value;
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (found === undefined) return null;
  out.warnOnce(file, line, `case:${column}`, `${column} "${value}" read as "${found}" (wrong case)`);
  return found;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => {
  const d = new Date(`${s.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s.slice(0, 10);
};

/** ROSTER-MESSY-2: dateLastModified: empty, an ISO date-time, or a date alone (accepted with a warning). */
function checkModified(table: Table, out: Problems) {
  for (const row of table.rows) {
    const v = row.get('dateLastModified');
    if (v === '') continue;
    if (ISO_DATE_TIME.test(v) && validDay(v)) continue;
    if (ISO_DATE.test(v) && validDay(v)) {
      out.warnOnce(
        table.file,
        row.line,
        'date-only',
        `dateLastModified "${v}" has no time: read as that day`,
      );
      continue;
    }
    out.error(table.file, row.line, `dateLastModified "${v}" is not a date (use 2026-08-15T00:00:00Z)`);
  }
}

/** Status: empty or active counts; tobedeleted drops the row (in a bulk set, as if it were missing). */
function isActive(table: Table, row: Table['rows'][number], out: Problems): boolean {
  const v = row.get('status');
  if (v === '') return true;
  const s = enumValue(v, ['active', 'tobedeleted', 'inactive'], table.file, row.line, 'status', out);
  if (s === null) {
    out.error(table.file, row.line, `status "${v}" is not active or tobedeleted`);
    return false;
  }
  return s === 'active';
}

/** Rows with a sourcedId seen once; a repeat is an error naming the first line. */
function unique(table: Table, out: Problems): Map<string, Table['rows'][number]> {
  const seen = new Map<string, Table['rows'][number]>();
  for (const row of table.rows) {
    const id = row.get('sourcedId');
    if (id === '') {
      out.error(table.file, row.line, 'sourcedId is empty');
      continue;
    }
    const first = seen.get(id);
    if (first) out.error(table.file, row.line, `sourcedId "${id}" repeats line ${first.line}`);
    else seen.set(id, row);
  }
  return seen;
}

const splitIds = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const KNOWN_COLUMNS: Record<UsedFile, string[]> = {
  orgs: ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
  users: [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'orgSourcedIds',
    'role',
    'givenName',
    'familyName',
    'preferredGivenName',
    'preferredFamilyName',
    'email',
  ],
  roles: ['sourcedId', 'status', 'dateLastModified', 'userSourcedId', 'roleType', 'role', 'orgSourcedId'],
  classes: ['sourcedId', 'status', 'dateLastModified', 'schoolSourcedId'],
  enrollments: [
    'sourcedId',
    'status',
    'dateLastModified',
    'classSourcedId',
    'schoolSourcedId',
    'userSourcedId',
    'role',
  ],
};

interface Manifest {
  version: '1.1' | '1.2';
  modes: Map<string, string>;
}

function readManifest(files: ReadonlyMap<string, Uint8Array>, out: Problems): Manifest | null {
  const FILE = 'manifest.csv';
  const bytes = files.get(FILE);
  if (!bytes) {
    out.error(FILE, null, 'is missing: a OneRoster set starts with its manifest');
    return null;
  }
  const csv = readCsv(FILE, bytes);
  if ('severity' in csv) {
    out.list.push(csv);
    return null;
  }
  const table = tableOf(csv, ['propertyName', 'value'], ['propertyName', 'value'], out);
  if (!table) return null;
  let version: Manifest['version'] | null = null;
  const modes = new Map<string, string>();
  for (const row of table.rows) {
    const name = row.get('propertyName');
    const value = row.get('value');
    if (name === 'oneroster.version') {
      const v = value.replace(/^v/i, '');
      if (v === '1.1' || v === '1.2') version = v;
      else out.error(FILE, row.line, `oneroster.version "${value}" is not 1.1 or 1.2`);
    } else if (name.startsWith('file.')) {
      const mode = enumValue(value, FILE_MODES, FILE, row.line, name, out);
      if (mode === null) out.error(FILE, row.line, `${name} is "${value}": use absent, bulk or delta`);
      else modes.set(name.slice(5), mode);
    }
  }
  if (version === null) {
    if (!out.failed) out.error(FILE, null, 'names no oneroster.version (1.1 or 1.2)');
    return null;
  }
  return { version, modes };
}

/** Reads a set; `null` fields and problems with severity error when it cannot be imported. */
export function readRosterSet(files: ReadonlyMap<string, Uint8Array>): RosterSet {
  const out = new Problems();
  const empty = (version: RosterSet['version']): RosterSet => ({
    version,
    mode: 'bulk',
    schools: [],
    staff: [],
    learnersSkipped: 0,
    problems: out.finish(),
  });
  const manifest = readManifest(files, out);
  if (!manifest) return empty('1.1');
  const { version, modes } = manifest;

  // ROSTER-MANIFEST-1..3: which files the set has, and how.
  const needed: UsedFile[] = version === '1.1' ? ['orgs', 'users'] : ['orgs', 'users', 'roles'];
  const tables = new Map<UsedFile, Table>();
  let mode: RosterSet['mode'] = 'bulk';
  for (const name of USED_FILES) {
    const file = `${name}.csv`;
    const declared = modes.get(name) ?? 'absent';
    const present = files.get(file);
    if (declared === 'delta') mode = 'delta';
    if (declared === 'absent') {
      if (needed.includes(name))
        out.error(
          'manifest.csv',
          null,
          `marks ${file} absent: a roster needs ${needed.map((n) => `${n}.csv`).join(', ')}`,
        );
      else if (present) out.warn(file, null, 'is marked absent in manifest.csv: not read');
      continue;
    }
    if (!present) {
      out.error(file, null, `is missing, but manifest.csv lists it as ${declared}`);
      continue;
    }
    if (version === '1.1' && name === 'roles') continue;
    const csv = readCsv(file, present);
    if ('severity' in csv) {
      out.list.push(csv);
      continue;
    }
    const table = tableOf(csv, REQUIRED_COLUMNS[version][name], KNOWN_COLUMNS[name], out);
    if (table) tables.set(name, table);
  }
  if (mode === 'delta')
    out.error(
      'manifest.csv',
      null,
      'marks files as delta: Ensemble imports bulk sets only (a delta cannot say who left); export a bulk set',
    );
  const orgsTable = tables.get('orgs');
  const usersTable = tables.get('users');
  if (out.failed || !orgsTable || !usersTable) return { ...empty(version), version, mode };
  for (const t of tables.values()) checkModified(t, out);

  // Orgs: every sourcedId known (for references), schools kept.
  const orgRows = unique(orgsTable, out);
  const orgType = new Map<string, string>();
  const schools: RosterSchool[] = [];
  for (const [id, row] of orgRows) {
    const t = row.get('type');
    const type = enumValue(t, ORG_TYPES, orgsTable.file, row.line, 'type', out);
    if (type === null) {
      out.error(orgsTable.file, row.line, `type "${t}" is not one of ${ORG_TYPES.join(', ')}`);
      continue;
    }
    orgType.set(id, type);
    if (!isActive(orgsTable, row, out) || type !== 'school') continue;
    const name = row.get('name');
    if (name === '') out.error(orgsTable.file, row.line, 'name is empty');
    else if (name.length > 120) out.error(orgsTable.file, row.line, 'name is longer than 120 characters');
    else schools.push({ sourcedId: id, name, line: row.line });
  }
  const schoolIds = new Set(schools.map((s) => s.sourcedId));

  // Roles per user: 1.1 from users.csv (role, orgSourcedIds), 1.2 from roles.csv.
  const userRows = unique(usersTable, out);
  const rolesOf = new Map<string, { role: string; org: string; file: string; line: number }[]>();
  const addRole = (user: string, role: string, org: string, file: string, line: number) => {
    const list = rolesOf.get(user) ?? [];
    list.push({ role, org, file, line });
    rolesOf.set(user, list);
  };
  const roleValue = (raw: string, file: string, line: number): string | null => {
    const key = raw.toLowerCase();
    if (!(key in ROLE_MAP)) {
      out.error(file, line, `role "${raw}" is not a OneRoster role`);
      return null;
    }
    const canonical = CANONICAL_ROLE[key] ?? key;
    if (canonical !== raw)
      out.warnOnce(file, line, 'case:role', `role "${raw}" read as "${canonical}" (wrong case)`);
    return key;
  };
  const knownOrg = (org: string, file: string, line: number, column: string) => {
    if (orgType.has(org)) return true;
    out.error(file, line, `${column} "${org}" is not in orgs.csv`);
    return false;
  };
  if (version === '1.1') {
    for (const [id, row] of userRows) {
      const role = roleValue(row.get('role'), usersTable.file, row.line);
      if (role === null) continue;
      const orgs = splitIds(row.get('orgSourcedIds'));
      for (const org of orgs)
        if (knownOrg(org, usersTable.file, row.line, 'orgSourcedIds'))
          addRole(id, role, org, usersTable.file, row.line);
      if (!orgs.length) addRole(id, role, '', usersTable.file, row.line);
    }
  } else {
    const rolesTable = tables.get('roles');
    for (const row of rolesTable?.rows ?? []) {
      const file = rolesTable?.file ?? 'roles.csv';
      if (!isActive(rolesTable ?? usersTable, row, out)) continue;
      const user = row.get('userSourcedId');
      if (!userRows.has(user)) {
        out.error(file, row.line, `userSourcedId "${user}" is not in users.csv`);
        continue;
      }
      const role = roleValue(row.get('role'), file, row.line);
      const org = row.get('orgSourcedId');
      if (role !== null && knownOrg(org, file, row.line, 'orgSourcedId'))
        addRole(user, role, org, file, row.line);
    }
  }

  // Enrollments add staff membership of the enrollment's (or its class's) school.
  const classesTable = tables.get('classes');
  const classSchool = new Map<string, string>();
  if (classesTable)
    for (const [id, row] of unique(classesTable, out)) classSchool.set(id, row.get('schoolSourcedId'));
  const enrollments = tables.get('enrollments');
  for (const row of enrollments?.rows ?? []) {
    const file = enrollments?.file ?? 'enrollments.csv';
    if (!isActive(enrollments ?? usersTable, row, out)) continue;
    const role = roleValue(row.get('role'), file, row.line);
    if (role === null || ROLE_MAP[role] === null) continue;
    const user = row.get('userSourcedId');
    if (!userRows.has(user)) {
      out.warnOnce(
        file,
        row.line,
        'missing-user',
        `userSourcedId "${user}" is not in users.csv: enrollment ignored`,
      );
      continue;
    }
    const cls = row.get('classSourcedId');
    if (classesTable && !classSchool.has(cls))
      out.warnOnce(
        file,
        row.line,
        'missing-class',
        `classSourcedId "${cls}" is not in classes.csv: its school is taken from schoolSourcedId`,
      );
    const school = row.get('schoolSourcedId') || classSchool.get(cls) || '';
    if (knownOrg(school, file, row.line, 'schoolSourcedId')) addRole(user, role, school, file, row.line);
  }

  // Staff: anyone with a staff or leader role; learners and family are counted, never kept.
  const staff: RosterPerson[] = [];
  const emails = new Map<string, number>();
  let learnersSkipped = 0;
  for (const [id, row] of userRows) {
    const roles = rolesOf.get(id) ?? [];
    const staffRoles = roles.filter((r) => ROLE_MAP[r.role] != null);
    if (!staffRoles.length) {
      if (roles.length) learnersSkipped++;
      else if (version === '1.2')
        out.warnOnce(
          usersTable.file,
          row.line,
          'no-role',
          `user "${id}" has no role in roles.csv: not imported`,
        );
      continue;
    }
    if (!isActive(usersTable, row, out)) continue;
    const enabled = row.get('enabledUser');
    if (
      enabled !== '' &&
      enumValue(enabled, ['true', 'false'], usersTable.file, row.line, 'enabledUser', out) === 'false'
    )
      continue;
    const given = row.get('preferredGivenName') || row.get('givenName');
    const family = row.get('preferredFamilyName') || row.get('familyName');
    const name = `${given} ${family}`.trim();
    if (name === '') out.error(usersTable.file, row.line, 'givenName and familyName are empty');
    else if (name.length > 120)
      out.error(usersTable.file, row.line, 'the name is longer than 120 characters');
    const parsed = Email.safeParse(row.get('email'));
    if (!parsed.success) {
      out.error(
        usersTable.file,
        row.line,
        row.get('email') === ''
          ? 'email is empty: staff need an address to sign in'
          : `email "${row.get('email')}" is not an address`,
      );
      continue;
    }
    const email = parsed.data;
    const firstLine = emails.get(email);
    if (firstLine !== undefined) {
      out.error(usersTable.file, row.line, `email "${email}" repeats line ${firstLine}`);
      continue;
    }
    emails.set(email, row.line);
    const schoolsOf = new Map<string, SchoolRole>();
    for (const r of staffRoles) {
      const mapped = ROLE_MAP[r.role];
      if (mapped == null || !schoolIds.has(r.org)) continue;
      if (schoolsOf.get(r.org) !== 'school_leader') schoolsOf.set(r.org, mapped);
    }
    staff.push({ sourcedId: id, email, name, line: row.line, schools: schoolsOf });
  }
  return { version, mode, schools, staff, learnersSkipped, problems: out.finish() };
}
