/**
 * CAP-TENANT-1 (ADR 0046): the tenant-key guard. Test-mode only (test/tenant-guard-setup.ts hooks it into every
 * `pg` client of the unit project); nothing in the app imports it, so production never pays for it.
 *
 * Every statement is parsed with PostgreSQL's own parser (libpg-query) and each reference to a tenant-owned table
 * (one with a `district_id` column, read from the Drizzle schema) must be constrained by its tenant key: a WHERE or
 * ON conjunct `<table>.district_id = <parameter | constant | an anchored table's district_id | a subquery>` (or
 * `IN (...)`, `= ANY(...)` of such) for SELECT, UPDATE, DELETE and COPY; an INSERT must name `district_id` among
 * its columns, and an upsert's conflict target must include it. A reference that is not constrained is a
 * violation unless an entry of the explicit allowlist (tenant-allowlist.ts) names its shape. That is the rule that
 * keeps `district_id` a working Citus distribution column (docs/SCALING.md).
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export const TENANT_KEY = 'district_id';

/** The tenants table: its `id` is the tenant key, so `districts.id = $1` anchors like a tenant row's key does. */
const TENANTS_TABLE = 'districts';

export interface TableInfo {
  name: string;
  columns: readonly string[];
  /** Tenant-owned: it has a `district_id` column. */
  tenant: boolean;
  primaryKey: readonly string[];
  /** Unique constraints and unique indexes, by name. */
  uniques: readonly { name: string; columns: readonly string[] }[];
}

/** All tables of the Drizzle schema, read with getTableConfig (never a hand-kept list). */
export function schemaTables(): TableInfo[] {
  const tables: TableInfo[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const columns = config.columns.map((c) => c.name);
    const primaryKey = [
      ...config.columns.filter((c) => c.primary).map((c) => c.name),
      ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
    ];
    const uniques = [
      ...config.columns
        .filter((c) => c.isUnique)
        .map((c) => ({ name: c.uniqueName ?? `${config.name}_${c.name}_unique`, columns: [c.name] })),
      ...config.uniqueConstraints.map((u) => ({
        name: u.getName() ?? '',
        columns: u.columns.map((c) => c.name),
      })),
      ...config.indexes
        .filter((i) => i.config.unique)
        .map((i) => ({
          name: i.config.name ?? '',
          columns: i.config.columns.flatMap((c) =>
            'name' in c && typeof c.name === 'string' ? [c.name] : [],
          ),
        })),
    ];
    tables.push({ name: config.name, columns, tenant: columns.includes(TENANT_KEY), primaryKey, uniques });
  }
  return tables;
}

/** An explicit exception (CAP-TENANT-2): one statement shape, why it crosses tenants, and what it is on Citus. */
export interface AllowEntry {
  /**
   * The shape the guard computes for the reference, e.g. `select users where email`; or `tag:<name>` for every
   * statement of a named call site (one that opens with `crossTenant(name)`'s comment).
   */
  shape: string;
  /** Where the app sends it (file and function). */
  site: string;
  reason: string;
  /** What the statement is on Citus: a router query through a lookup, a rare cross-shard job, ... */
  citus: string;
  /** A real statement of that shape, as the app sends it (the guard's own test checks each entry with it). */
  example: string;
}

export interface Finding {
  table: string;
  /** `<verb> <table> where <columns it is filtered by, sorted, or ->` (or `insert <table> without district_id`). */
  shape: string;
}

export interface Verdict {
  violations: readonly Finding[];
  /** Shapes of allowlisted references the statement made. */
  allowed: readonly string[];
}

export type ParseSql = (sql: string) => unknown;

// ---------------------------------------------------------------------------------------------------------------
// The parse tree is read as plain JSON (`unknown`), narrowed field by field: no casts of the parser's output.

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function rec(value: unknown, key: string): Json | undefined {
  if (!isRecord(value)) return undefined;
  const inner = value[key];
  return isRecord(inner) ? inner : undefined;
}
function list(value: unknown, key: string): unknown[] {
  if (!isRecord(value)) return [];
  const inner = value[key];
  return Array.isArray(inner) ? inner : [];
}
function str(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const inner = value[key];
  return typeof inner === 'string' ? inner : undefined;
}

/** A FROM item of one query level. */
interface Item {
  /** The name columns are qualified with: the alias, else the table's name. */
  ref: string;
  /** `tenant`: a tenant-owned table; `tenants`: districts; `derived`: a CTE or subquery; `other`: the rest. */
  kind: 'tenant' | 'tenants' | 'derived' | 'other';
  table: string;
  columns: ReadonlySet<string> | undefined;
  /** The column that holds the tenant key, if any. */
  key: string | undefined;
}

interface Scope {
  items: Item[];
  anchored: Set<Item>;
  outer: Scope | undefined;
}

interface Context {
  verb: string;
  ctes: ReadonlySet<string>;
}

const STATEMENTS = ['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt'] as const;

/** `/* cross-tenant: <name> *\/` at the start of a statement names its call site (an allowlist key `tag:<name>`). */
export const CALL_SITE_TAG = /^\s*\/\*\s*cross-tenant:\s*([a-z0-9-]+)\s*\*\//;

export interface TenantChecker {
  check(sql: string): Verdict;
  /** Distinct statement texts checked so far (the cache's size). */
  readonly cached: number;
}

export function createTenantChecker(opts: {
  tables: readonly TableInfo[];
  allowlist: readonly Pick<AllowEntry, 'shape'>[];
  parse: ParseSql;
}): TenantChecker {
  const byName = new Map(opts.tables.map((t) => [t.name, t]));
  const allowed = new Set(opts.allowlist.map((e) => e.shape));
  const cache = new Map<string, Verdict>();

  function check(sql: string): Verdict {
    const hit = cache.get(sql);
    if (hit) return hit;
    const verdict = checkUncached(sql);
    cache.set(sql, verdict);
    return verdict;
  }

  function checkUncached(sql: string): Verdict {
    const violations: Finding[] = [];
    const allowedHits: string[] = [];
    // A named call site: the statement opens with `/* cross-tenant: <name> */` and the allowlist has `tag:<name>`.
    const tagName = CALL_SITE_TAG.exec(sql)?.[1];
    const tag = tagName !== undefined && allowed.has(`tag:${tagName}`) ? `tag:${tagName}` : undefined;
    const report = (finding: Finding): boolean => {
      const key = tag ?? (allowed.has(finding.shape) ? finding.shape : undefined);
      if (key !== undefined) {
        if (!allowedHits.includes(key)) allowedHits.push(key);
        return true;
      }
      if (!violations.some((v) => v.shape === finding.shape)) violations.push(finding);
      return false;
    };

    let tree: unknown;
    try {
      tree = opts.parse(sql);
    } catch {
      // PostgreSQL refuses it too (a test of an invalid statement): nothing reaches a table.
      return { violations: [], allowed: [] };
    }

    // ------------------------------------------------------------------ items and column resolution
    function itemFor(rangeVar: Json, ctx: Context): Item {
      const table = str(rangeVar, 'relname') ?? '';
      const ref = str(rec(rangeVar, 'alias'), 'aliasname') ?? table;
      if (str(rangeVar, 'schemaname') === undefined && ctx.ctes.has(table))
        return { ref, kind: 'derived', table, columns: undefined, key: TENANT_KEY };
      const info = byName.get(table);
      if (!info) return { ref, kind: 'other', table, columns: undefined, key: undefined };
      const columns = new Set(info.columns);
      if (info.tenant) return { ref, kind: 'tenant', table, columns, key: TENANT_KEY };
      if (table === TENANTS_TABLE) return { ref, kind: 'tenants', table, columns, key: 'id' };
      return { ref, kind: 'other', table, columns, key: undefined };
    }

    /** FROM items of one level, and the conjuncts of its joins' ON clauses. */
    function fromItems(nodes: unknown[], ctx: Context, items: Item[], conjuncts: unknown[]): void {
      for (const node of nodes) {
        const rangeVar = rec(node, 'RangeVar');
        if (rangeVar) {
          items.push(itemFor(rangeVar, ctx));
          continue;
        }
        const join = rec(node, 'JoinExpr');
        if (join) {
          fromItems([join['larg'], join['rarg']], ctx, items, conjuncts);
          conjuncts.push(...conjunctsOf(join['quals']));
          continue;
        }
        const sub = rec(node, 'RangeSubselect') ?? rec(node, 'RangeFunction');
        if (sub) {
          const ref = str(rec(sub, 'alias'), 'aliasname') ?? '';
          items.push({ ref, kind: 'derived', table: ref, columns: undefined, key: TENANT_KEY });
        }
      }
    }

    /** The item a column reference names, looking outwards from the innermost level. */
    function resolve(columnRef: Json, scope: Scope): { item: Item; column: string } | undefined {
      const names = list(columnRef, 'fields').map((f) => str(rec(f, 'String'), 'sval'));
      const column = names.at(-1);
      if (column === undefined) return undefined;
      const qualifier = names.length >= 2 ? names.at(-2) : undefined;
      for (let s: Scope | undefined = scope; s; s = s.outer) {
        const candidates =
          qualifier !== undefined
            ? s.items.filter((i) => i.ref === qualifier)
            : s.items.filter((i) => (i.columns ? i.columns.has(column) : i.key === column));
        if (candidates.length === 1 && candidates[0]) return { item: candidates[0], column };
        if (candidates.length > 1) return undefined;
      }
      return undefined;
    }

    // ------------------------------------------------------------------ anchoring
    function unwrap(node: unknown): unknown {
      const cast = rec(node, 'TypeCast');
      return cast ? unwrap(cast['arg']) : node;
    }

    /** A value that names one tenant: a parameter, a constant, an anchored key column or a (checked) subquery. */
    function anchoredValue(node: unknown, scope: Scope): boolean {
      const value = unwrap(node);
      if (rec(value, 'ParamRef')) return true;
      const constant = rec(value, 'A_Const');
      if (constant) return constant['isnull'] !== true;
      const columnRef = rec(value, 'ColumnRef');
      if (columnRef) {
        const target = resolve(columnRef, scope);
        return !!target && target.column === target.item.key && isAnchored(target.item, scope);
      }
      const sublink = rec(value, 'SubLink');
      if (sublink) return str(sublink, 'subLinkType') === 'EXPR_SUBLINK';
      const items = rec(value, 'List');
      if (items) return list(items, 'items').every((i) => anchoredValue(i, scope));
      const array = rec(value, 'A_ArrayExpr');
      if (array) return list(array, 'elements').every((i) => anchoredValue(i, scope));
      return false;
    }

    function isAnchored(item: Item, scope: Scope): boolean {
      for (let s: Scope | undefined = scope; s; s = s.outer)
        if (s.items.includes(item)) return s.anchored.has(item);
      return false;
    }

    /** The key column an operand names, if it is one of this level's items' keys. */
    function keyItem(node: unknown, scope: Scope): Item | undefined {
      const columnRef = rec(unwrap(node), 'ColumnRef');
      if (!columnRef) return undefined;
      const target = resolve(columnRef, scope);
      if (!target || target.column !== target.item.key || !scope.items.includes(target.item))
        return undefined;
      return target.item;
    }

    function anchor(scope: Scope, conjuncts: unknown[]): void {
      for (let changed = true; changed;) {
        changed = false;
        for (const conjunct of conjuncts) {
          for (const [item, value] of keyComparisons(conjunct, scope)) {
            if (!scope.anchored.has(item) && anchoredValue(value, scope)) {
              scope.anchored.add(item);
              changed = true;
            }
          }
        }
      }
    }

    /** (key column's item, the value it is compared with) pairs of one conjunct. */
    function keyComparisons(conjunct: unknown, scope: Scope): [Item, unknown][] {
      const pairs: [Item, unknown][] = [];
      const expr = rec(conjunct, 'A_Expr');
      if (expr) {
        const op = str(rec(list(expr, 'name')[0], 'String'), 'sval');
        const kind = str(expr, 'kind');
        if (op !== '=') return pairs;
        const left = keyItem(expr['lexpr'], scope);
        if (kind === 'AEXPR_OP') {
          if (left) pairs.push([left, expr['rexpr']]);
          const right = keyItem(expr['rexpr'], scope);
          if (right) pairs.push([right, expr['lexpr']]);
        } else if ((kind === 'AEXPR_IN' || kind === 'AEXPR_OP_ANY') && left) {
          pairs.push([left, expr['rexpr']]);
        }
        return pairs;
      }
      const sublink = rec(conjunct, 'SubLink');
      if (sublink && str(sublink, 'subLinkType') === 'ANY_SUBLINK') {
        const left = keyItem(sublink['testexpr'], scope);
        // `district_id IN (SELECT ...)`: the subquery is checked on its own.
        if (left) pairs.push([left, { SubLink: { subLinkType: 'EXPR_SUBLINK' } }]);
      }
      return pairs;
    }

    function conjunctsOf(node: unknown): unknown[] {
      const bool = rec(node, 'BoolExpr');
      if (bool && str(bool, 'boolop') === 'AND_EXPR') return list(bool, 'args').flatMap(conjunctsOf);
      return node === undefined ? [] : [node];
    }

    /** Columns of `item` that the level's conjuncts mention: the shape's "where" part. */
    function filterColumns(item: Item, conjuncts: unknown[], scope: Scope): string {
      const columns = new Set<string>();
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          node.forEach(walk);
          return;
        }
        if (!isRecord(node)) return;
        const columnRef = rec(node, 'ColumnRef');
        if (columnRef) {
          const target = resolve(columnRef, scope);
          if (target?.item === item) columns.add(target.column);
          return;
        }
        if (STATEMENTS.some((k) => k in node)) return;
        Object.values(node).forEach(walk);
      };
      conjuncts.forEach(walk);
      return columns.size ? [...columns].sort().join(',') : '-';
    }

    // ------------------------------------------------------------------ statements
    /** Statements nested in a node (subqueries, VALUES rows' subqueries), not descending into them. */
    function nested(node: unknown, found: [string, Json][], skip: ReadonlySet<string>): void {
      if (Array.isArray(node)) {
        for (const n of node) nested(n, found, skip);
        return;
      }
      if (!isRecord(node)) return;
      for (const kind of STATEMENTS) {
        const stmt = rec(node, kind);
        if (stmt) {
          found.push([kind, stmt]);
          return;
        }
      }
      for (const [key, value] of Object.entries(node)) if (!skip.has(key)) nested(value, found, skip);
    }

    function withCtes(stmt: Json, ctx: Context, outer: Scope | undefined): Context {
      const ctes = rec(stmt, 'withClause');
      if (!ctes) return ctx;
      const names = new Set(ctx.ctes);
      for (const cte of list(ctes, 'ctes')) {
        const body = rec(cte, 'CommonTableExpr');
        const name = str(body, 'ctename');
        if (name) names.add(name);
        const inner = { verb: 'select', ctes: names };
        const found: [string, Json][] = [];
        nested(body?.['ctequery'], found, new Set());
        for (const [kind, s] of found) statement(kind, s, inner, outer);
      }
      return { verb: ctx.verb, ctes: names };
    }

    function level(
      stmt: Json,
      ctx: Context,
      outer: Scope | undefined,
      items: Item[],
      conjuncts: unknown[],
      skip: ReadonlySet<string>,
    ): void {
      const scope: Scope = { items, anchored: new Set(), outer };
      for (const item of items) if (item.kind === 'derived') scope.anchored.add(item);
      anchor(scope, conjuncts);
      // Report what is not anchored; an allowlisted reference then anchors what is joined to it by the key.
      for (let progress = true; progress;) {
        progress = false;
        for (const item of items) {
          if (item.kind !== 'tenant' || scope.anchored.has(item)) continue;
          const shape = `${ctx.verb} ${item.table} where ${filterColumns(item, conjuncts, scope)}`;
          scope.anchored.add(item);
          progress = true;
          report({ table: item.table, shape });
          // One at a time: what this reference's key anchors is not reported with it.
          break;
        }
        if (progress) anchor(scope, conjuncts);
      }
      const inner: [string, Json][] = [];
      nested(stmt, inner, skip);
      for (const [kind, s] of inner) statement(kind, s, { verb: 'select', ctes: ctx.ctes }, scope);
    }

    function statement(kind: string, stmt: Json, ctxIn: Context, outer: Scope | undefined): void {
      const verb = kind === 'SelectStmt' ? ctxIn.verb : kind.replace('Stmt', '').toLowerCase();
      const ctx = withCtes(stmt, { verb, ctes: ctxIn.ctes }, outer);
      const skipCommon = new Set(['withClause', 'larg', 'rarg']);
      if (kind === 'SelectStmt') {
        if (str(stmt, 'op') !== undefined && str(stmt, 'op') !== 'SETOP_NONE') {
          for (const arm of [stmt['larg'], stmt['rarg']]) if (isRecord(arm)) statement(kind, arm, ctx, outer);
          return;
        }
        const items: Item[] = [];
        const conjuncts: unknown[] = [];
        fromItems(list(stmt, 'fromClause'), ctx, items, conjuncts);
        conjuncts.push(...conjunctsOf(stmt['whereClause']));
        level(stmt, ctx, outer, items, conjuncts, skipCommon);
        return;
      }
      const relation = rec(stmt, 'relation');
      const target = relation ? itemFor(relation, ctx) : undefined;
      if (kind === 'InsertStmt') {
        const columns = list(stmt, 'cols').map((c) => str(rec(c, 'ResTarget'), 'name'));
        if (target?.kind === 'tenant' && columns.length > 0 && !columns.includes(TENANT_KEY))
          report({ table: target.table, shape: `insert ${target.table} without ${TENANT_KEY}` });
        const conflict = rec(stmt, 'onConflictClause');
        if (target?.kind === 'tenant' && conflict && str(conflict, 'action') === 'ONCONFLICT_UPDATE') {
          const infer = rec(conflict, 'infer');
          const conname = str(infer, 'conname');
          const inferred = conname
            ? (byName.get(target.table)?.uniques.find((u) => u.name === conname)?.columns ?? [])
            : list(infer, 'indexElems').map((e) => str(rec(e, 'IndexElem'), 'name'));
          if (!inferred.includes(TENANT_KEY))
            report({
              table: target.table,
              shape: `upsert ${target.table} on ${inferred.filter((c) => c !== undefined).join(',') || '-'}`,
            });
        }
        // VALUES rows and INSERT ... SELECT: their own levels.
        level(stmt, ctx, outer, [], [], skipCommon);
        return;
      }
      const items: Item[] = target ? [target] : [];
      const conjuncts: unknown[] = [];
      fromItems([...list(stmt, 'fromClause'), ...list(stmt, 'usingClause')], ctx, items, conjuncts);
      conjuncts.push(...conjunctsOf(stmt['whereClause']));
      level(stmt, ctx, outer, items, conjuncts, skipCommon);
    }

    for (const raw of list(tree, 'stmts')) {
      const node = rec(raw, 'stmt');
      if (!node) continue;
      const copy = rec(node, 'CopyStmt');
      if (copy) {
        const relation = rec(copy, 'relation');
        const table = str(relation, 'relname');
        if (table && byName.get(table)?.tenant) report({ table, shape: `copy ${table} where -` });
        const found: [string, Json][] = [];
        nested(copy['query'], found, new Set());
        for (const [kind, s] of found) statement(kind, s, { verb: 'copy', ctes: new Set() }, undefined);
        continue;
      }
      // SELECT, INSERT, UPDATE, DELETE, and those inside anything else (DECLARE ... CURSOR FOR, EXPLAIN, PREPARE).
      const found: [string, Json][] = [];
      nested(node, found, new Set());
      for (const [kind, stmt] of found) statement(kind, stmt, { verb: 'select', ctes: new Set() }, undefined);
    }
    return { violations, allowed: allowedHits };
  }

  return {
    check,
    get cached() {
      return cache.size;
    },
  };
}

/** The message a test fails with: the statement and each table it reaches without its tenant key. */
export function describeViolation(sql: string, violations: readonly Finding[]): string {
  const lines = violations.map(
    (v) => `  table "${v.table}" is not constrained by ${TENANT_KEY} (shape: ${v.shape})`,
  );
  const text = sql.length > 4000 ? `${sql.slice(0, 4000)}...` : sql;
  return `tenant guard (CAP-TENANT-1): a statement reaches a tenant-owned table without its tenant key\n${lines.join('\n')}\n  SQL: ${text}`;
}
