import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
} from '../../../../tests/factories/user.factory.ts';
import { buildTestApp, type TestApp } from '../../../../tests/setup/test-app.ts';
import {
  OrganisationPageSchema,
  OrganisationSchema,
} from '../../../domain/organisations/organisation.schema.ts';

let testApp: TestApp;
/** CBP staff read the whole directory (organisations:read:any); most tests read as them. */
let specialist: SignedIn;

beforeAll(async () => {
  testApp = await buildTestApp();
  const user = await createUser(testApp.database.db, { role: 'scss' });
  specialist = await signInWithMfaSettled(testApp.app, testApp.database.db, user);
});

afterAll(async () => {
  await testApp.close();
});

async function list(query: string) {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/v1/organisations?${query}`,
    headers: { cookie: specialist.cookie },
  });
  return { response, body: response.json() };
}

describe('GET /api/v1/organisations', () => {
  it('lists organisations by name, filtered by a name fragment, in the documented shape', async () => {
    const marker = `Zeta ${randomUUID().slice(0, 8)}`;
    const beta = await createOrganisation(testApp.database.db, {
      legalName: `${marker} Beta Imports`,
    });
    const alpha = await createOrganisation(testApp.database.db, {
      legalName: `${marker} Alpha Freight`,
    });

    const { response, body } = await list(`q=${encodeURIComponent(marker)}`);

    expect(response.statusCode).toBe(200);
    expect(OrganisationPageSchema.parse(body).items.map((org) => org.id)).toEqual([
      alpha.id,
      beta.id,
    ]);
    expect(body.nextCursor).toBeNull();
  });

  it('pages through every match exactly once with the cursor', async () => {
    const marker = `Paged ${randomUUID().slice(0, 8)}`;
    const created = [];
    for (let index = 0; index < 7; index += 1) {
      created.push(
        await createOrganisation(testApp.database.db, { legalName: `${marker} ${index}` }),
      );
    }
    // Same names must still page deterministically (ties broken by id).
    created.push(await createOrganisation(testApp.database.db, { legalName: `${marker} 3` }));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const cursorParam: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { response, body } = await list(
        `q=${encodeURIComponent(marker)}&limit=3${cursorParam}`,
      );
      expect(response.statusCode).toBe(200);
      const page = OrganisationPageSchema.parse(body);
      seen.push(...page.items.map((org) => org.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);

    expect(pages).toBe(3);
    expect(seen).toHaveLength(created.length);
    expect(new Set(seen)).toEqual(new Set(created.map((org) => org.id)));
  });

  it('filters by kind', async () => {
    const marker = `Kinds ${randomUUID().slice(0, 8)}`;
    const office = await createOrganisation(testApp.database.db, {
      legalName: `${marker} Office`,
      kind: 'cbp_office',
    });
    await createOrganisation(testApp.database.db, { legalName: `${marker} Member` });

    const { body } = await list(`kind=cbp_office&q=${encodeURIComponent(marker)}`);

    expect(body.items.map((org: { id: string }) => org.id)).toEqual([office.id]);
  });

  it('treats % and _ in the search as plain characters', async () => {
    const marker = `Pct ${randomUUID().slice(0, 8)}`;
    await createOrganisation(testApp.database.db, { legalName: `${marker} 100 Percent` });

    const { body } = await list(`q=${encodeURIComponent(`${marker} 1%`)}`);

    expect(body.items).toEqual([]);
  });

  it('refuses a bad page size and kind, naming each field', async () => {
    const { response, body } = await list('limit=0&kind=warehouse');

    expect(response.statusCode).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const paths = body.error.details.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.limit', 'querystring.kind']));
  });

  it('refuses a cursor it did not issue', async () => {
    const { response, body } = await list('cursor=not-a-cursor');

    expect(response.statusCode).toBe(400);
    expect(body.error.details.issues).toEqual([
      { path: 'querystring.cursor', message: 'is not a cursor this API returned' },
    ]);
  });
});

describe('GET /api/v1/organisations/:id', () => {
  it('returns the organisation', async () => {
    const created = await createOrganisation(testApp.database.db, {
      kind: 'member_company',
      countryCode: 'MX',
      city: 'Monterrey',
      entityTypes: ['highway_carrier_us_mexico', 'mexican_long_haul_carrier'],
    });

    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${created.id}`,
      headers: { cookie: specialist.cookie },
    });

    expect(response.statusCode).toBe(200);
    expect(OrganisationSchema.parse(response.json())).toEqual(created);
  });

  it('answers 404 NOT_FOUND for an unknown id', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${randomUUID()}`,
      headers: { cookie: specialist.cookie },
    });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Organisation not found' },
    });
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/organisations/42',
      headers: { cookie: specialist.cookie },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].path).toBe('params.id');
  });
});

describe('tenant scope', () => {
  it('shows a member only its own organisation, and another one answers 404', async () => {
    const user = await createUser(testApp.database.db, { role: 'contributor' });
    const other = await createOrganisation(testApp.database.db);
    const session = await signIn(testApp.app, user);

    const list = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?limit=100',
      headers: { cookie: session.cookie },
    });
    const own = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${user.organisation.id}`,
      headers: { cookie: session.cookie },
    });
    const foreign = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${other.id}`,
      headers: { cookie: session.cookie },
    });

    expect(list.json().items.map((org: { id: string }) => org.id)).toEqual([user.organisation.id]);
    expect(own.statusCode).toBe(200);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Organisation not found' },
    });
  });

  it('shows CBP staff every organisation (organisations:read:any)', async () => {
    const specialist = await createUser(testApp.database.db, { role: 'scss' });
    const member = await createOrganisation(testApp.database.db);
    const session = await signInWithMfaSettled(testApp.app, testApp.database.db, specialist);

    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${member.id}`,
      headers: { cookie: session.cookie },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json().id).toBe(member.id);
  });

  it('answers 401 to a visitor who is not signed in: membership is not public', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/organisations' });
    expect(response.statusCode).toBe(401);
  });
});
