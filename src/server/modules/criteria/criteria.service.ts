import { createHash, randomUUID } from 'node:crypto';
import { stringify as stableStringify } from 'safe-stable-stringify';
import type { z } from 'zod';
import { hasPermission } from '../../../domain/authorization/permissions.ts';
import {
  type Catalog,
  type CatalogCriterion,
  type CatalogInput,
  CatalogSchema,
  compareCriterionIds,
} from '../../../domain/criteria/catalog.schema.ts';
import type {
  CatalogDiffView,
  CatalogImportBody,
  CatalogVersion,
  CatalogVersionSummary,
} from '../../../domain/criteria/catalog-api.schema.ts';
import { diffCatalogs } from '../../../domain/criteria/catalog-diff.ts';
import type { CatalogSource } from '../../../domain/criteria/catalog-versions.ts';
import { seedCatalog } from '../../../domain/criteria/msc-seed.ts';
import { AppError, type FieldIssue, notFound } from '../../../domain/errors/error-codes.ts';
import type { EntityType } from '../../../domain/organisations/entity-types.ts';
import type { Db } from '../../db/database.ts';
import { auditOrigin, type ServiceContext } from '../../service-context.ts';
import { type AuditOrigin, appendAuditEvent } from '../audit/audit.service.ts';
import { displayNames } from '../identity/users.service.ts';
import { catalogToCsv, parseCatalogCsv } from './catalog-csv.ts';
import {
  type CatalogVersionRow,
  countCatalogVersions,
  deleteCatalogDraft,
  findCatalogCriteria,
  findCatalogVersion,
  findCatalogVersionByLabel,
  findCatalogVersions,
  findCurrentCatalogVersion,
  insertCatalogVersion,
  lockCatalogSeeding,
  markCatalogVersionPublished,
  markCatalogVersionSuperseded,
} from './criteria.repository.ts';

// ---------------------------------------------------------------------------------------------
// Views

/** Publishers' display names by user id, for summaryOf. */
type Names = ReadonlyMap<string, string>;

async function publisherNames(db: Db, rows: readonly CatalogVersionRow[]): Promise<Names> {
  const ids = rows.flatMap((row) => (row.publishedByUserId ? [row.publishedByUserId] : []));
  return ids.length === 0 ? new Map() : displayNames(db, ids);
}

function summaryOf(row: CatalogVersionRow, names: Names): CatalogVersionSummary {
  return {
    id: row.id,
    version: row.version,
    description: row.description,
    status: row.status,
    source: row.source,
    criteriaCount: row.criteriaCount,
    contentSha256: row.contentSha256,
    importedAt: row.importedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedByUserId ? (names.get(row.publishedByUserId) ?? null) : null,
    supersededAt: row.supersededAt?.toISOString() ?? null,
  };
}

/** SHA-256 of the criteria in id order, canonical JSON: equal content, equal hash. */
export function catalogContentHash(criteria: readonly CatalogCriterion[]): string {
  const ordered = [...criteria].sort((a, b) => compareCriterionIds(a.id, b.id));
  return createHash('sha256')
    .update(stableStringify(ordered) ?? '')
    .digest('hex');
}

function userIdOf(origin: AuditOrigin): string | null {
  return origin.actor.kind === 'user' ? origin.actor.userId : null;
}

function canManage(ctx: ServiceContext): boolean {
  return hasPermission(ctx.actor, 'criteria:manage:any');
}

/** A version the actor may see: drafts only with criteria:manage:any (others get 404). */
async function visibleVersion(ctx: ServiceContext, versionId: string): Promise<CatalogVersionRow> {
  const row = await findCatalogVersion(ctx.db, versionId);
  if (!row || (row.status === 'draft' && !canManage(ctx))) {
    throw notFound('Catalog version');
  }
  return row;
}

function forEntityType(
  criteria: CatalogCriterion[],
  entityType: EntityType | undefined,
): CatalogCriterion[] {
  return entityType
    ? criteria.filter((criterion) => criterion.applicability[entityType])
    : criteria;
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listCatalogVersions(ctx: ServiceContext) {
  const rows = await findCatalogVersions(ctx.db, { includeDrafts: canManage(ctx) });
  const names = await publisherNames(ctx.db, rows);
  return { items: rows.map((row) => summaryOf(row, names)) };
}

export async function getCatalogVersion(
  ctx: ServiceContext,
  versionId: string,
  entityType?: EntityType,
): Promise<CatalogVersion> {
  const row = await visibleVersion(ctx, versionId);
  const criteria = await findCatalogCriteria(ctx.db, row.id);
  const names = await publisherNames(ctx.db, [row]);
  return { ...summaryOf(row, names), criteria: forEntityType(criteria, entityType) };
}

/** The current (published) catalog; 404 before any version is published. */
export async function getCurrentCatalog(
  ctx: ServiceContext,
  entityType?: EntityType,
): Promise<CatalogVersion> {
  const row = await findCurrentCatalogVersion(ctx.db);
  if (!row) {
    throw notFound('Published criteria catalog');
  }
  const criteria = await findCatalogCriteria(ctx.db, row.id);
  const names = await publisherNames(ctx.db, [row]);
  return { ...summaryOf(row, names), criteria: forEntityType(criteria, entityType) };
}

/** What changes from `against` (default: the current version) to `versionId`. */
export async function diffCatalogVersion(
  ctx: ServiceContext,
  versionId: string,
  against?: string,
): Promise<CatalogDiffView> {
  const to = await visibleVersion(ctx, versionId);
  const from = against
    ? await visibleVersion(ctx, against)
    : await findCurrentCatalogVersion(ctx.db);
  const [before, after] = await Promise.all([
    from ? findCatalogCriteria(ctx.db, from.id) : Promise.resolve([]),
    findCatalogCriteria(ctx.db, to.id),
  ]);
  const diff = diffCatalogs(before, after);
  const names = await publisherNames(ctx.db, from ? [from, to] : [to]);
  return {
    from: from ? summaryOf(from, names) : null,
    to: summaryOf(to, names),
    added: [...diff.added],
    removed: [...diff.removed],
    changed: diff.changed.map((change) => ({
      ...change,
      designationChanges: [...change.designationChanges],
    })),
  };
}

export interface CatalogExport {
  filename: string;
  contentType: string;
  body: string;
}

/** A version as the JSON or CSV that `importCatalogVersion` reads back. */
export async function exportCatalogVersion(
  ctx: ServiceContext,
  versionId: string | 'current',
  format: 'json' | 'csv',
): Promise<CatalogExport> {
  const version =
    versionId === 'current'
      ? await getCurrentCatalog(ctx)
      : await getCatalogVersion(ctx, versionId);
  const base = `ctpat-criteria-${version.version}`;
  if (format === 'csv') {
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: catalogToCsv(version.criteria),
    };
  }
  const catalog: Catalog = {
    version: version.version,
    description: version.description,
    criteria: version.criteria,
  };
  return {
    filename: `${base}.json`,
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify(catalog, null, 2)}\n`,
  };
}

// ---------------------------------------------------------------------------------------------
// Importing

function validationFailed(message: string, issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues });
}

/** Turns CatalogSchema issue paths into the file's terms: "line 5, designation" for CSV. */
function catalogIssues(error: z.ZodError, locate: (path: PropertyKey[]) => string): FieldIssue[] {
  // In file order: by criterion, then as Zod found them (a duplicate id is found last).
  const criterionIndex = (path: PropertyKey[]) =>
    path[0] === 'criteria' && typeof path[1] === 'number' ? path[1] : -1;
  return [...error.issues]
    .sort((a, b) => criterionIndex(a.path) - criterionIndex(b.path))
    .map((issue) => ({ path: locate(issue.path), message: issue.message }));
}

function csvLocator(lines: readonly number[]) {
  return (path: PropertyKey[]): string => {
    const [root, index, field, ...rest] = path;
    if (root === 'criteria' && typeof index === 'number') {
      const column = field === 'designationByEntityType' ? 'designation_overrides' : field;
      const detail = [column, ...rest].filter((part) => part !== undefined).join('.');
      return `line ${lines[index] ?? '?'}${detail ? `, ${detail}` : ''}`;
    }
    return path.map(String).join('.') || 'content';
  };
}

/** Parses and validates an import file; every problem is reported at once, nothing is saved. */
export function readCatalogFile(input: CatalogImportBody): Catalog {
  if (input.format === 'csv') {
    if (!input.version) {
      throw validationFailed('A CSV catalog needs a version label', [
        { path: 'version', message: 'is required for a CSV file' },
      ]);
    }
    const parsed = parseCatalogCsv(input.content, {
      version: input.version,
      description: input.description ?? '',
    });
    if (!parsed.ok) {
      throw validationFailed('The CSV file cannot be imported', [...parsed.issues]);
    }
    const result = CatalogSchema.safeParse(parsed.value.catalog);
    if (!result.success) {
      throw validationFailed(
        'The catalog has errors; nothing was imported',
        catalogIssues(result.error, csvLocator(parsed.value.lines)),
      );
    }
    return result.data;
  }
  let json: unknown;
  try {
    json = JSON.parse(input.content);
  } catch (error) {
    throw validationFailed('The JSON file cannot be imported', [
      { path: 'content', message: `is not valid JSON: ${(error as Error).message}` },
    ]);
  }
  const withOverrides =
    json !== null && typeof json === 'object'
      ? {
          ...json,
          ...(input.version ? { version: input.version } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
        }
      : json;
  const result = CatalogSchema.safeParse(withOverrides as CatalogInput);
  if (!result.success) {
    throw validationFailed(
      'The catalog has errors; nothing was imported',
      catalogIssues(result.error, (path) => path.map(String).join('.') || 'content'),
    );
  }
  return result.data;
}

async function storeVersion(
  origin: AuditOrigin,
  tx: Db,
  catalog: Catalog,
  source: CatalogSource,
): Promise<CatalogVersionRow> {
  if (await findCatalogVersionByLabel(tx, catalog.version)) {
    throw new AppError('CONFLICT', `Catalog version ${catalog.version} already exists`, {
      path: 'version',
    });
  }
  const now = origin.now;
  const row: CatalogVersionRow = {
    id: randomUUID(),
    version: catalog.version,
    description: catalog.description,
    status: 'draft',
    source,
    criteriaCount: catalog.criteria.length,
    contentSha256: catalogContentHash(catalog.criteria),
    importedByUserId: userIdOf(origin),
    importedAt: now,
    publishedByUserId: null,
    publishedAt: null,
    supersededAt: null,
  };
  await insertCatalogVersion(tx, row, catalog.criteria);
  await appendAuditEvent(tx, origin, {
    action: 'criteria_catalog.imported',
    targetType: 'criteria_catalog_version',
    targetId: row.id,
    organisationId: null,
    after: {
      version: row.version,
      source,
      criteriaCount: row.criteriaCount,
      contentSha256: row.contentSha256,
    },
  });
  return row;
}

function assertCanManage(ctx: ServiceContext): void {
  if (!canManage(ctx)) {
    throw new AppError('FORBIDDEN', 'Only a CTPAT program manager imports and publishes catalogs');
  }
}

/**
 * Imports a catalog file as a draft version (issue 5, item 1) and answers with what it would
 * change against the current version. Nothing is saved when any criterion is wrong.
 */
export async function importCatalogVersion(
  ctx: ServiceContext,
  input: CatalogImportBody,
): Promise<CatalogDiffView> {
  assertCanManage(ctx);
  const catalog = readCatalogFile(input);
  const row = await ctx.db.transaction((tx) =>
    storeVersion(auditOrigin(ctx), tx, catalog, 'import'),
  );
  return diffCatalogVersion(ctx, row.id);
}

async function publishRow(
  origin: AuditOrigin,
  tx: Db,
  versionId: string,
): Promise<CatalogVersionRow> {
  const draft = await findCatalogVersion(tx, versionId, { forUpdate: true });
  if (!draft) {
    throw notFound('Catalog version');
  }
  if (draft.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      `Catalog version ${draft.version} is ${draft.status}; only a draft can be published`,
    );
  }
  const now = origin.now;
  const current = await findCurrentCatalogVersion(tx, { forUpdate: true });
  if (current) {
    await markCatalogVersionSuperseded(tx, current.id, now);
  }
  await markCatalogVersionPublished(tx, draft.id, {
    publishedByUserId: userIdOf(origin),
    publishedAt: now,
  });
  await appendAuditEvent(tx, origin, {
    action: 'criteria_catalog.published',
    targetType: 'criteria_catalog_version',
    targetId: draft.id,
    organisationId: null,
    before: current ? { current: current.version } : { current: null },
    after: { current: draft.version, contentSha256: draft.contentSha256 },
  });
  const published = await findCatalogVersion(tx, draft.id);
  if (!published) {
    throw new Error('published catalog version vanished');
  }
  return published;
}

/** Publishes a draft: it becomes the current catalog and the previous one is superseded. */
export async function publishCatalogVersion(
  ctx: ServiceContext,
  versionId: string,
): Promise<CatalogVersionSummary> {
  assertCanManage(ctx);
  const row = await ctx.db.transaction((tx) => publishRow(auditOrigin(ctx), tx, versionId));
  return summaryOf(row, await publisherNames(ctx.db, [row]));
}

/** Discards a draft that should not be published. Published versions stay forever. */
export async function discardCatalogDraft(ctx: ServiceContext, versionId: string): Promise<void> {
  assertCanManage(ctx);
  await ctx.db.transaction(async (tx) => {
    const row = await findCatalogVersion(tx, versionId, { forUpdate: true });
    if (!row) {
      throw notFound('Catalog version');
    }
    if (row.status !== 'draft') {
      throw new AppError(
        'CONFLICT',
        `Catalog version ${row.version} is ${row.status}; only a draft can be discarded`,
      );
    }
    await deleteCatalogDraft(tx, row.id);
    await appendAuditEvent(tx, auditOrigin(ctx), {
      action: 'criteria_catalog.discarded',
      targetType: 'criteria_catalog_version',
      targetId: row.id,
      organisationId: null,
      before: { version: row.version, contentSha256: row.contentSha256 },
    });
  });
}

/**
 * Reference data every installation needs: when no catalog version exists yet, the seed catalog
 * (2019 MSC, provisional beyond importers) is stored and published, audited as an operator
 * action. Idempotent: a database that has any version is left alone, so a program manager's
 * later versions are never touched. Called by the reference-data step after migrations.
 */
export async function ensureSeedCatalog(db: Db, now: Date): Promise<boolean> {
  const origin: AuditOrigin = {
    actor: { kind: 'operator', command: 'db migrate', permissions: new Set() },
    now,
    requestId: null,
    clientAddress: null,
  };
  return db.transaction(async (tx) => {
    // Two servers starting at once must not both seed: the first takes the lock.
    await lockCatalogSeeding(tx);
    if ((await countCatalogVersions(tx)) > 0) {
      return false;
    }
    const row = await storeVersion(origin, tx, seedCatalog(), 'seed');
    await publishRow(origin, tx, row.id);
    return true;
  });
}
