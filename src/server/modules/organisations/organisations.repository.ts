import { and, asc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  NewOrganisation,
  Organisation,
  OrganisationKind,
} from '../../../domain/organisations/organisation.schema.ts';
import type { Db } from '../../db/database.ts';
import { PreparedQueries } from '../../db/prepared-queries.ts';
import { organisations } from './organisations.tables.ts';

type OrganisationRow = typeof organisations.$inferSelect;

export interface OrganisationKey {
  legalName: string;
  id: string;
}

export interface OrganisationFilter {
  /** Tenant scope: only this organisation, or every organisation when null (an `:any` read). */
  onlyOrganisationId: string | null;
  kind?: OrganisationKind | undefined;
  nameContains?: string | undefined;
  after?: OrganisationKey | undefined;
  limit: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    legalName: row.legalName,
    tradeName: row.tradeName,
    countryCode: row.countryCode,
    city: row.city,
    entityTypes: row.entityTypes,
    createdAt: row.createdAt.toISOString(),
  };
}

interface ListShape {
  scoped: boolean;
  kind: boolean;
  name: boolean;
  after: boolean;
}

/**
 * The list query for one combination of filters, with placeholders for the values. Each of the
 * 16 shapes is prepared once (a fixed shape keeps each plan specific; a catch-all query with
 * "or parameter is null" would not use the indexes well).
 */
function prepareList(db: Db, shape: ListShape, name: string) {
  const conditions: SQL[] = [];
  if (shape.scoped) {
    conditions.push(eq(organisations.id, sql.placeholder('organisationId')));
  }
  if (shape.kind) {
    conditions.push(eq(organisations.kind, sql.placeholder('kind')));
  }
  if (shape.name) {
    conditions.push(ilike(organisations.legalName, sql.placeholder('pattern')));
  }
  if (shape.after) {
    conditions.push(
      sql`(${organisations.legalName}, ${organisations.id}) > (${sql.placeholder('afterName')}, ${sql.placeholder('afterId')})`,
    );
  }
  return db
    .select()
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(organisations.legalName), asc(organisations.id))
    .limit(sql.placeholder('limit'))
    .prepare(name);
}

const listQueries = new PreparedQueries<ReturnType<typeof prepareList>>();

/** One page in (legal name, id) order, starting after `after`: an index range scan. */
export async function findOrganisations(
  db: Db,
  filter: OrganisationFilter,
): Promise<Organisation[]> {
  const shape: ListShape = {
    scoped: filter.onlyOrganisationId !== null,
    kind: filter.kind !== undefined,
    name: filter.nameContains !== undefined,
    after: filter.after !== undefined,
  };
  const name = `organisations_list_${Object.values(shape)
    .map((present) => (present ? 1 : 0))
    .join('')}`;
  const query = listQueries.get(db, name, () => prepareList(db, shape, name));
  const rows = await query.execute({
    organisationId: filter.onlyOrganisationId,
    kind: filter.kind,
    pattern: filter.nameContains ? `%${escapeLike(filter.nameContains)}%` : undefined,
    afterName: filter.after?.legalName,
    afterId: filter.after?.id,
    limit: filter.limit,
  });
  return rows.map(toOrganisation);
}

export async function findOrganisationById(db: Db, id: string): Promise<Organisation | null> {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  const row = rows[0];
  return row ? toOrganisation(row) : null;
}

export async function countOrganisations(db: Db): Promise<number> {
  const rows = await db.select({ count: sql<number>`count(*)::int` }).from(organisations);
  return rows[0]?.count ?? 0;
}

/**
 * Inserts organisations with known ids; an id that already exists is left as it is, so seeding
 * twice changes nothing. Returns how many rows were new.
 */
export async function insertOrganisations(
  db: Db,
  rows: ReadonlyArray<NewOrganisation & { id: string }>,
  at: Date,
): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  const inserted = await db
    .insert(organisations)
    .values(rows.map((row) => ({ ...row, createdAt: at, updatedAt: at })))
    .onConflictDoNothing({ target: organisations.id })
    .returning({ id: organisations.id });
  return inserted.length;
}

export async function findOrganisationsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Organisation[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  return rows.map(toOrganisation);
}
