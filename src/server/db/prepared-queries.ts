import type { Db } from './database.ts';

/**
 * Prepared Drizzle queries, built once per database handle and reused. Building a query costs
 * more CPU than the hot paths' database round trip (Drizzle walks the query tree on every
 * call); a prepared query skips that and lets PostgreSQL reuse its plan. Keyed by handle, so
 * each app (and each test's database) has its own, and by a variant key for queries whose shape
 * depends on which filters are present.
 */
export class PreparedQueries<T> {
  private readonly byDatabase = new WeakMap<Db, Map<string, T>>();

  get(db: Db, variant: string, build: () => T): T {
    let variants = this.byDatabase.get(db);
    if (!variants) {
      variants = new Map();
      this.byDatabase.set(db, variants);
    }
    let prepared = variants.get(variant);
    if (prepared === undefined) {
      prepared = build();
      variants.set(variant, prepared);
    }
    return prepared;
  }
}
