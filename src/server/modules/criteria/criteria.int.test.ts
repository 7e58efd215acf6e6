import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { setUpTestApp } from '../../../../tests/setup/test-app-hooks.ts';
import { type Catalog, designationFor } from '../../../domain/criteria/catalog.schema.ts';
import {
  CatalogDiffSchema,
  CatalogVersionListSchema,
  CatalogVersionSchema,
  CatalogVersionSummarySchema,
} from '../../../domain/criteria/catalog-api.schema.ts';
import { seedCatalog } from '../../../domain/criteria/msc-seed.ts';

const testApp = setUpTestApp();
const call = apiCaller(testApp);

let manager: SignedIn;
let specialist: SignedIn;
let officer: SignedIn;

beforeAll(async () => {
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const company = await createOrganisation(db);
  manager = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'program_manager', organisation: office }),
  );
  specialist = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'scss', organisation: office }),
  );
  officer = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'company_officer', organisation: company }),
  );
});

/** A version label no other test (or earlier run on the shared PostgreSQL database) used. */
function label(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

async function versionCount(): Promise<number> {
  const result = await testApp.database.db.execute(
    sql`select count(*)::int as count from criteria_catalog_versions`,
  );
  return z.object({ rows: z.tuple([z.object({ count: z.number() })]) }).parse(result).rows[0].count;
}

async function importCatalog(body: Record<string, unknown>) {
  return call('POST', '/api/v1/criteria/catalog/versions', manager, body);
}

interface Edit {
  catalog: Catalog;
  dropped: string;
  added: string;
  flipped: string;
}

/**
 * The current catalog (whatever earlier tests on a shared database published) with one
 * criterion removed, one added and one importer must turned into a should.
 */
async function editedCurrent(version: string): Promise<Edit> {
  const current = CatalogVersionSchema.parse(
    (await call('GET', '/api/v1/criteria/catalog', officer)).json(),
  );
  const [first, ...rest] = current.criteria;
  const target = rest.find(
    (criterion) =>
      criterion.applicability.importer && designationFor(criterion, 'importer') === 'must',
  );
  if (!first || !target) {
    throw new Error('the current catalog has no importer must to edit');
  }
  const lastTwelve = Math.max(
    0,
    ...current.criteria.filter((c) => c.category === 12).map((c) => Number(c.id.split('.')[1])),
  );
  const added = `12.${lastTwelve + 1}`;
  return {
    dropped: first.id,
    added,
    flipped: target.id,
    catalog: {
      version,
      description: 'edited',
      criteria: [
        ...rest.map((criterion) =>
          criterion.id === target.id
            ? {
                ...criterion,
                designationByEntityType: {
                  ...criterion.designationByEntityType,
                  importer: 'should' as const,
                },
              }
            : criterion,
        ),
        {
          id: added,
          category: 12,
          designation: 'should',
          designationByEntityType: {},
          text: 'Drivers are trained to spot tampered seals.',
          guidance: null,
          applicability: { importer: 'likely' },
          verification: 'memory-unverified',
          sources: [],
          notes: null,
        },
      ],
    },
  };
}

describe('the seeded catalog', () => {
  it('is stored and published by the reference-data step, for everyone signed in to read', async () => {
    const list = CatalogVersionListSchema.parse(
      (await call('GET', '/api/v1/criteria/catalog/versions', officer)).json(),
    );
    const seeded = list.items.find((item) => item.version === '2019-11-seed');
    expect(seeded).toMatchObject({ source: 'seed', criteriaCount: 100 });
    expect(seeded?.status).not.toBe('draft');
    const version = CatalogVersionSchema.parse(
      (await call('GET', `/api/v1/criteria/catalog/versions/${seeded?.id}`, officer)).json(),
    );
    expect(version.criteria.map((criterion) => criterion.id).slice(0, 3)).toEqual([
      '1.1',
      '1.2',
      '1.3',
    ]);
  });

  it('lists only the criteria that apply to an entity type when asked', async () => {
    const response = await call('GET', '/api/v1/criteria/catalog?entityType=rail_carrier', officer);
    expect(response.statusCode).toBe(200);
    const catalog = CatalogVersionSchema.parse(response.json());
    expect(catalog.criteria.length).toBeGreaterThan(0);
    expect(catalog.criteria.every((criterion) => criterion.applicability.rail_carrier)).toBe(true);
  });
});

describe('importing a catalog version', () => {
  it('stores a JSON file as a draft and answers with its diff against the current version', async () => {
    const version = label('json');
    const edit = await editedCurrent(version);
    const response = await importCatalog({ format: 'json', content: JSON.stringify(edit.catalog) });
    expect(response.statusCode).toBe(201);
    const diff = CatalogDiffSchema.parse(response.json());
    expect(diff.to).toMatchObject({ version, status: 'draft', source: 'import' });
    expect(diff.added.map((criterion) => criterion.id)).toEqual([edit.added]);
    expect(diff.removed.map((criterion) => criterion.id)).toEqual([edit.dropped]);
    expect(diff.changed).toEqual([
      {
        id: edit.flipped,
        designationChanges: [{ entityType: 'importer', from: 'must', to: 'should' }],
        textChanged: false,
        guidanceChanged: false,
        applicabilityLevelChanged: false,
      },
    ]);
    expect(await auditActionsOn(testApp.database.db, diff.to.id)).toEqual([
      'criteria_catalog.imported',
    ]);
    // A draft is the program managers' business: members do not see it.
    const asOfficer = await call('GET', `/api/v1/criteria/catalog/versions/${diff.to.id}`, officer);
    expect(asOfficer.statusCode).toBe(404);
    const officerList = CatalogVersionListSchema.parse(
      (await call('GET', '/api/v1/criteria/catalog/versions', officer)).json(),
    );
    expect(officerList.items.some((item) => item.id === diff.to.id)).toBe(false);
  });

  it('round-trips the current catalog through CSV: same content hash, empty diff', async () => {
    const current = CatalogVersionSchema.parse(
      (await call('GET', '/api/v1/criteria/catalog', officer)).json(),
    );
    const exported = await call(
      'GET',
      `/api/v1/criteria/catalog/versions/${current.id}/export?format=csv`,
      officer,
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.headers['content-disposition']).toContain(
      `ctpat-criteria-${current.version}.csv`,
    );
    const response = await importCatalog({
      format: 'csv',
      version: label('csv'),
      description: 'round trip',
      content: exported.body,
    });
    expect(response.statusCode).toBe(201);
    const diff = CatalogDiffSchema.parse(response.json());
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diff.to.contentSha256).toBe(current.contentSha256);
  });

  it('reports every bad CSV row with its line number and imports nothing', async () => {
    const before = await versionCount();
    const content = [
      'id,category,designation,text,applicability,verification',
      '1.1,1,must,Policy,importer=confirmed,cbp-doc',
      '1.1,1,must,Duplicate,importer=confirmed,cbp-doc',
      '13.2,13,must,Unknown category,importer=confirmed,cbp-doc',
      '2.1,2,must,Unknown entity,spaceport=confirmed,cbp-doc',
      '3.1,3,may,Bad designation,importer=confirmed,cbp-doc',
    ].join('\n');
    const response = await importCatalog({ format: 'csv', version: label('bad'), content });
    expect(response.statusCode).toBe(400);
    expect(issuePaths(response)).toEqual([
      'line 3, id',
      'line 4, id',
      'line 4, category',
      'line 5, applicability.spaceport',
      'line 6, designation',
    ]);
    expect(await versionCount()).toBe(before);
  });

  it('names a missing column, a malformed pair, bad JSON and a missing CSV version label', async () => {
    const missing = await importCatalog({
      format: 'csv',
      version: label('cols'),
      content: 'id,category,text\n1.1,1,Policy\n',
    });
    expect(issuePaths(missing)).toEqual(['line 1', 'line 1', 'line 1']);
    const pair = await importCatalog({
      format: 'csv',
      version: label('pair'),
      content:
        'id,category,designation,text,applicability,verification\n1.1,1,must,Policy,importer,cbp-doc\n',
    });
    expect(issuePaths(pair)).toEqual(['line 2, applicability']);
    const json = await importCatalog({ format: 'json', content: '{"version": ' });
    expect(issuePaths(json)).toEqual(['content']);
    const unlabelled = await importCatalog({ format: 'csv', content: 'id\n' });
    expect(issuePaths(unlabelled)).toEqual(['version']);
  });

  it('refuses a version label that exists', async () => {
    const response = await importCatalog({
      format: 'json',
      content: JSON.stringify({ ...seedCatalog(), version: '2019-11-seed' }),
    });
    expect(response.statusCode).toBe(409);
    expect(errorCode(response)).toBe('CONFLICT');
  });

  it('is a program manager’s: a specialist and a member officer are refused', async () => {
    const body = {
      format: 'json',
      content: JSON.stringify((await editedCurrent(label('nope'))).catalog),
    };
    for (const session of [specialist, officer]) {
      const response = await call('POST', '/api/v1/criteria/catalog/versions', session, body);
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('publishing and discarding', () => {
  it('publishes a draft as the current version and supersedes the previous one', async () => {
    const previous = CatalogVersionSchema.parse(
      (await call('GET', '/api/v1/criteria/catalog', officer)).json(),
    );
    const diff = CatalogDiffSchema.parse(
      (
        await importCatalog({
          format: 'json',
          content: JSON.stringify((await editedCurrent(label('pub'))).catalog),
        })
      ).json(),
    );
    const published = await call(
      'POST',
      `/api/v1/criteria/catalog/versions/${diff.to.id}/publish`,
      manager,
    );
    expect(published.statusCode).toBe(200);
    expect(CatalogVersionSummarySchema.parse(published.json()).status).toBe('published');
    const current = CatalogVersionSchema.parse(
      (await call('GET', '/api/v1/criteria/catalog', officer)).json(),
    );
    expect(current.id).toBe(diff.to.id);
    const old = CatalogVersionSchema.parse(
      (await call('GET', `/api/v1/criteria/catalog/versions/${previous.id}`, officer)).json(),
    );
    expect(old.status).toBe('superseded');
    expect(await auditActionsOn(testApp.database.db, diff.to.id)).toEqual([
      'criteria_catalog.imported',
      'criteria_catalog.published',
    ]);

    const again = await call(
      'POST',
      `/api/v1/criteria/catalog/versions/${diff.to.id}/publish`,
      manager,
    );
    expect(again.statusCode).toBe(409);
    const discard = await call(
      'DELETE',
      `/api/v1/criteria/catalog/versions/${diff.to.id}`,
      manager,
    );
    expect(discard.statusCode).toBe(409);
  });

  it('the database refuses any change to a published version, whoever asks', async () => {
    const current = CatalogVersionSchema.parse(
      (await call('GET', '/api/v1/criteria/catalog', officer)).json(),
    );
    const db = testApp.database.db;
    await expect(
      db.execute(
        sql`update catalog_criteria set designation = 'should' where version_id = ${current.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`delete from catalog_criteria where version_id = ${current.id}`),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`update criteria_catalog_versions set description = 'edited' where id = ${current.id}`,
      ),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`delete from criteria_catalog_versions where id = ${current.id}`),
    ).rejects.toThrow();
  });

  it('discards a draft, audited, and then the draft is gone', async () => {
    const diff = CatalogDiffSchema.parse(
      (
        await importCatalog({
          format: 'json',
          content: JSON.stringify((await editedCurrent(label('drop'))).catalog),
        })
      ).json(),
    );
    const response = await call(
      'DELETE',
      `/api/v1/criteria/catalog/versions/${diff.to.id}`,
      manager,
    );
    expect(response.statusCode).toBe(204);
    const gone = await call('GET', `/api/v1/criteria/catalog/versions/${diff.to.id}`, manager);
    expect(gone.statusCode).toBe(404);
    expect(await auditActionsOn(testApp.database.db, diff.to.id)).toEqual([
      'criteria_catalog.imported',
      'criteria_catalog.discarded',
    ]);
  });
});
