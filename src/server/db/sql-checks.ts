import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * `column in ('a', 'b', ...)` for a CHECK constraint. Text columns with CHECK constraints rather
 * than PostgreSQL enums: the lists grow, and changing a check is one migration while enum values
 * cannot be removed. `values` come from closed lists in src/domain, never from input.
 */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(', '))})`;
}
