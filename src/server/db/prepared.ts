/**
 * CAP-API-2 (ADR 0045): hot statements built once per database and prepared by name on each pooled connection,
 * so a request neither rebuilds its SQL nor has PostgreSQL parse and plan it again.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from './client';

/** True for the pool's database handle, false inside a transaction (which builds its statements as usual). */
export function isRootDatabase(db: DbOrTx): db is Db {
  return !(db instanceof PgTransaction);
}

/** `build(db)` once per database handle (an app has one; tests have several). */
export function preparedPerDatabase<P>(build: (db: Db) => P): (db: Db) => P {
  const built = new WeakMap<Db, P>();
  return (db) => {
    let p = built.get(db);
    if (p === undefined) {
      p = build(db);
      built.set(db, p);
    }
    return p;
  };
}
