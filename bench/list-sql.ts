import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import {
  findOrganisations,
  type OrganisationFilter,
} from '../src/server/modules/organisations/organisations.repository.ts';

/**
 * Baselines that run "the same SQL without our layers" must not keep a hand-written copy of
 * the query, which would drift from the repository. Instead the repository itself runs once on
 * a drizzle instance whose logger records the statement, and the baseline replays that text.
 */
export interface CapturedSql {
  text: string;
  values: unknown[];
}

/** What GET /api/v1/organisations?limit=25 asks the repository for (one extra row: hasMore). */
export const FIRST_PAGE_FILTER: OrganisationFilter = { onlyOrganisationId: null, limit: 26 };

export async function captureListSql(
  pool: pg.Pool,
  filter: OrganisationFilter,
): Promise<CapturedSql> {
  let captured: CapturedSql | null = null;
  const db = drizzleNodePg({
    client: pool,
    logger: {
      logQuery: (text, values) => {
        captured = { text, values };
      },
    },
  });
  await findOrganisations(db, filter);
  if (captured === null) {
    throw new Error('drizzle logged no query');
  }
  return captured;
}
