// Vitest setupFile of the unit project (CAP-TENANT-1, ADR 0046): every SQL statement the app sends during the unit
// suite is checked by the tenant-key guard; a statement that reaches a tenant-owned table without its tenant key
// fails the test it ran in (afterEach) or the file (afterAll), with the statement and the table named.
// Test-mode only: the app never imports the guard. TENANT_GUARD=off turns it off (to measure its cost).
//
// The tests' own statements (fixtures and checks written in *.test.ts, test/ and src/server/testing/) are not the
// app's: a Drizzle query built there, or a pg query sent from there, runs marked, and is counted, not judged.
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import { QueryPromise } from 'drizzle-orm';
import {
  PgDatabase,
  PgInsertBuilder,
  PgSelectBase,
  PgSelectBuilder,
  PgUpdateBuilder,
} from 'drizzle-orm/pg-core';
import { loadModule, parseSync } from 'libpg-query';
import pg from 'pg';
import { afterAll, afterEach, expect } from 'vitest';
import { TENANT_ALLOWLIST } from '../src/server/db/tenant-allowlist';
import {
  createTenantChecker,
  describeViolation,
  schemaTables,
  type TenantChecker,
} from '../src/server/db/tenant-guard';

interface GuardState {
  checker: TenantChecker;
  pending: string[];
  /** Statements of test code that the rule would refuse (not judged). */
  exempt: number;
  /** Statements checked, and the milliseconds spent checking them (parse included), for TENANT_GUARD_LOG. */
  checked: number;
  checkMs: number;
}

const STATE = Symbol.for('ensemble.tenantGuard');
const FROM_TEST = Symbol.for('ensemble.tenantGuard.fromTest');
const fromTest = new AsyncLocalStorage<true>();

/** Test code: test files, test/ and the route-test harness (src/server/testing/). */
const TEST_FRAME = /\.test\.tsx?:|\/test\/[^/]+\.ts:|\/src\/server\/testing\/[^/]+\.ts:/;
const OWN_FRAME = /tenant-guard-setup\.ts:|\/node_modules\/|node:internal|\(native\)/;

/** Whether the nearest caller outside this file and node_modules is test code. */
function calledFromTest(): boolean {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder);
  for (const frame of (holder.stack ?? '').split('\n').slice(1)) {
    if (OWN_FRAME.test(frame)) continue;
    return TEST_FRAME.test(frame);
  }
  return false;
}

function isGuardState(value: unknown): value is GuardState {
  return typeof value === 'object' && value !== null && 'checker' in value && 'pending' in value;
}

/** One guard per worker process: with isolate: false, this file runs again for each test file. */
function installedState(): GuardState | undefined {
  const value: unknown = Reflect.get(globalThis, STATE);
  return isGuardState(value) ? value : undefined;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Wraps `proto[name]` so that what it returns, when test code called it, is marked as the test's. */
function markResult(proto: object, name: string): void {
  const original: unknown = Reflect.get(proto, name);
  if (typeof original !== 'function') throw new Error(`tenant guard: drizzle has no ${name} to wrap`);
  const wrapped: Method = function (...args) {
    const result: unknown = Reflect.apply(original, this, args);
    if (typeof result === 'object' && result !== null && calledFromTest())
      Reflect.set(result, FROM_TEST, true);
    return result;
  };
  Reflect.set(proto, name, wrapped);
}

/** Wraps `proto[name]` so that it runs in the test's context when `marked(this)` (or, with `byCaller`, test code called it). */
function runMarked(proto: object, name: string, marked: (self: unknown) => boolean, byCaller: boolean): void {
  const original: unknown = Reflect.get(proto, name);
  if (typeof original !== 'function') throw new Error(`tenant guard: no ${name} to wrap`);
  const wrapped: Method = function (...args) {
    if (fromTest.getStore() || !(marked(this) || (byCaller && calledFromTest())))
      return Reflect.apply(original, this, args);
    return fromTest.run(true, (): unknown => Reflect.apply(original, this, args));
  };
  Reflect.set(proto, name, wrapped);
}

async function install(): Promise<GuardState | undefined> {
  if (process.env.TENANT_GUARD === 'off') return undefined;
  const existing = installedState();
  if (existing) return existing;
  await loadModule();
  const state: GuardState = {
    checker: createTenantChecker({ tables: schemaTables(), allowlist: TENANT_ALLOWLIST, parse: parseSync }),
    pending: [],
    exempt: 0,
    checked: 0,
    checkMs: 0,
  };
  Reflect.set(globalThis, STATE, state);

  // Drizzle: the step that makes the awaited query object is called by its author's code.
  markResult(PgSelectBuilder.prototype, 'from');
  markResult(PgInsertBuilder.prototype, 'values');
  markResult(PgInsertBuilder.prototype, 'select');
  markResult(PgUpdateBuilder.prototype, 'set');
  markResult(PgDatabase.prototype, 'delete');
  const isMarked = (self: unknown) =>
    typeof self === 'object' && self !== null && Reflect.get(self, FROM_TEST) === true;
  runMarked(QueryPromise.prototype, 'then', isMarked, false);
  // A select's `then` is QueryPromise's, copied onto its prototype when drizzle loads (applyMixins).
  runMarked(PgSelectBase.prototype, 'then', isMarked, false);
  // db.execute returns a lazy query (PgRaw): marked like the builders, run marked by `then`.
  markResult(PgDatabase.prototype, 'execute');
  // A pool hands the statement to a client later, maybe when another caller releases one (its context, not ours):
  // the statement's own config carries the mark.
  const poolQuery: unknown = Reflect.get(pg.Pool.prototype, 'query');
  if (typeof poolQuery !== 'function') throw new Error('tenant guard: pg.Pool has no query to wrap');
  const markedPoolQuery: Method = function (...args) {
    if (!fromTest.getStore() && !calledFromTest()) return Reflect.apply(poolQuery, this, args);
    const [first, ...rest] = args;
    const config =
      typeof first === 'string'
        ? { text: first, [FROM_TEST]: true }
        : typeof first === 'object' && first !== null && !('submit' in first)
          ? { ...first, [FROM_TEST]: true }
          : first;
    return fromTest.run(true, (): unknown => Reflect.apply(poolQuery, this, [config, ...rest]));
  };
  Reflect.set(pg.Pool.prototype, 'query', markedPoolQuery);

  const original: unknown = Reflect.get(pg.Client.prototype, 'query');
  if (typeof original !== 'function') throw new Error('tenant guard: pg.Client has no query to wrap');
  // Every statement of every client (pools query through a client): the text is checked before it is sent.
  const guarded: Method = function (...args) {
    const first = args[0];
    const text =
      typeof first === 'string'
        ? first
        : typeof first === 'object' && first !== null && 'text' in first && typeof first.text === 'string'
          ? first.text
          : undefined;
    if (text !== undefined) {
      const started = performance.now();
      const verdict = state.checker.check(text);
      state.checkMs += performance.now() - started;
      state.checked += 1;
      if (verdict.violations.length) {
        const marked = typeof first === 'object' && first !== null && Reflect.get(first, FROM_TEST) === true;
        if (marked || fromTest.getStore() || calledFromTest()) state.exempt += 1;
        else state.pending.push(describeViolation(text, verdict.violations));
      }
    }
    return Reflect.apply(original, this, args);
  };
  Reflect.set(pg.Client.prototype, 'query', guarded);
  return state;
}

const state = await install();

function flush(): void {
  if (!state?.pending.length) return;
  const found = [...new Set(state.pending.splice(0))];
  // TENANT_GUARD_LOG=<file>: also append each finding with its test file (a whole-suite survey).
  const log = process.env.TENANT_GUARD_LOG;
  if (log)
    appendFileSync(
      log,
      found.map((f) => JSON.stringify({ file: expect.getState().testPath, f })).join('\n') + '\n',
    );
  throw new Error(found.join('\n\n'));
}

afterEach(flush);
afterAll(() => {
  const log = process.env.TENANT_GUARD_LOG;
  if (log && state)
    appendFileSync(
      log,
      JSON.stringify({
        file: expect.getState().testPath,
        pid: process.pid,
        exempt: state.exempt,
        checked: state.checked,
        distinct: state.checker.cached,
        checkMs: Math.round(state.checkMs),
      }) + '\n',
    );
  flush();
});
