import { z } from 'zod';
import { actorOrganisationId, hasPermission } from '../../../domain/authorization/permissions.ts';
import { notFound } from '../../../domain/errors/error-codes.ts';
import type {
  Organisation,
  OrganisationListQuery,
  OrganisationPage,
} from '../../../domain/organisations/organisation.schema.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, encodeCursor } from '../../page-cursor.ts';
import type { ServiceContext } from '../../service-context.ts';
import {
  findOrganisationById,
  findOrganisations,
  findOrganisationsByIds,
  type OrganisationKey,
} from './organisations.repository.ts';

const OrganisationCursorSchema = z.tuple([z.string(), z.uuid()]);

export function encodeOrganisationCursor(key: OrganisationKey): string {
  return encodeCursor([key.legalName, key.id]);
}

function decodeOrganisationCursor(cursor: string): OrganisationKey {
  const [legalName, id] = decodeCursor(cursor, OrganisationCursorSchema);
  return { legalName, id };
}

/**
 * Tenant scope (check 3): `organisations:read:any` (CBP roles) reads the whole directory
 * (`all`); otherwise an actor reads only the organisation it acts for, and an actor acting for
 * none reads nothing.
 */
function readScope(ctx: ServiceContext): 'all' | { organisationId: string } | 'none' {
  if (hasPermission(ctx.actor, 'organisations:read:any')) {
    return 'all';
  }
  const own = actorOrganisationId(ctx.actor);
  return own ? { organisationId: own } : 'none';
}

export async function listOrganisations(
  ctx: ServiceContext,
  query: OrganisationListQuery,
): Promise<OrganisationPage> {
  const scope = readScope(ctx);
  if (scope === 'none') {
    return { items: [], nextCursor: null };
  }
  // Fetch one extra row to learn whether another page exists without a count query.
  const rows = await findOrganisations(ctx.db, {
    onlyOrganisationId: scope === 'all' ? null : scope.organisationId,
    kind: query.kind,
    nameContains: query.q,
    after: query.cursor ? decodeOrganisationCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeOrganisationCursor(last) : null,
  };
}

export async function getOrganisation(ctx: ServiceContext, id: string): Promise<Organisation> {
  const scope = readScope(ctx);
  const readable = scope === 'all' || (scope !== 'none' && scope.organisationId === id);
  const organisation = readable ? await findOrganisationById(ctx.db, id) : null;
  if (!organisation) {
    throw notFound('Organisation');
  }
  return organisation;
}

/**
 * Names and kinds of organisations by id, for other modules that already hold the ids through
 * their own authorised reads (e.g. a user's memberships). Not an entry point for requests.
 */
export async function organisationSummaries(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Pick<Organisation, 'legalName' | 'kind'>>> {
  const found = await findOrganisationsByIds(db, ids);
  return new Map(found.map((org) => [org.id, { legalName: org.legalName, kind: org.kind }]));
}
