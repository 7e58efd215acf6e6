import { and, asc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  NewOrganisation,
  Organisation,
  OrganisationKind,
} from '../../../domain/organisations/organisation.schema.ts';
import type { Db } from '../../db/database.ts';
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

/** One page in (legal name, id) order, starting after `after`: an index range scan. */
export async function findOrganisations(
  db: Db,
  filter: OrganisationFilter,
): Promise<Organisation[]> {
  const conditions: SQL[] = [];
  if (filter.onlyOrganisationId !== null) {
    conditions.push(eq(organisations.id, filter.onlyOrganisationId));
  }
  if (filter.kind) {
    conditions.push(eq(organisations.kind, filter.kind));
  }
  if (filter.nameContains) {
    conditions.push(ilike(organisations.legalName, `%${escapeLike(filter.nameContains)}%`));
  }
  if (filter.after) {
    conditions.push(
      sql`(${organisations.legalName}, ${organisations.id}) > (${filter.after.legalName}, ${filter.after.id})`,
    );
  }
  const rows = await db
    .select()
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(organisations.legalName), asc(organisations.id))
    .limit(filter.limit);
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
