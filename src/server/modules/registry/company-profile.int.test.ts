import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  headquartersAddress,
  importerApplication,
  primaryContact,
} from '../../../../tests/factories/registry.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { buildTestApp, type TestApp } from '../../../../tests/setup/test-app.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import { CompanyProfileSchema } from '../../../domain/registry/profile/company-profile.schema.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

let office: Organisation;
let supervisor: SignedIn;

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  supervisor = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'supervisory_scss', organisation: office }),
  );
});

afterAll(async () => {
  await testApp.close();
});

interface Company {
  company: Organisation;
  officerUser: TestUser;
  adminUser: TestUser;
  officer: SignedIn;
  admin: SignedIn;
}

async function newCompany(): Promise<Company> {
  const db = testApp.database.db;
  const company = await createOrganisation(db);
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  const adminUser = await createUser(db, { role: 'company_admin', organisation: company });
  return {
    company,
    officerUser,
    adminUser,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
    admin: await signIn(testApp.app, adminUser),
  };
}

describe('the profile fields', () => {
  it('starts empty, is saved by an admin and audited with before and after', async () => {
    const { company, admin } = await newCompany();
    const empty = await call('GET', '/api/v1/registry/profile', admin);
    expect(empty.statusCode).toBe(200);
    expect(CompanyProfileSchema.parse(empty.json())).toMatchObject({
      organisationId: company.id,
      legalName: company.legalName,
      otherNames: [],
      yearEstablished: null,
      updatedAt: null,
      addresses: [],
      contacts: [],
    });

    const first = await call('PUT', '/api/v1/registry/profile', admin, {
      otherNames: ['GLHG', ' Great Lakes Goods '],
      yearEstablished: 1987,
      businessHistory: 'Family-owned importer of home goods since 1987.',
      website: 'https://greatlakes.example.com',
      telephone: '+1 (312) 555-0100 ext. 12',
      employeeCount: 240,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      otherNames: ['GLHG', 'Great Lakes Goods'],
      yearEstablished: 1987,
      employeeCount: 240,
      updatedAt: expect.any(String),
    });
    const second = await call('PUT', '/api/v1/registry/profile', admin, {
      otherNames: [],
      yearEstablished: 1987,
      website: '',
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ otherNames: [], website: null, employeeCount: null });

    const db = testApp.database.db;
    expect(await auditActionsOn(db, company.id)).toEqual([
      'company_profile.updated',
      'company_profile.updated',
    ]);
    const events = await call('GET', '/api/v1/audit-events?limit=10', admin);
    const updates = events
      .json()
      .items.filter((item: { action: string }) => item.action === 'company_profile.updated');
    // Newest first: the second save records the first save's values as its before.
    expect(updates[0].before).toMatchObject({
      employeeCount: 240,
      otherNames: ['GLHG', 'Great Lakes Goods'],
    });
    expect(updates[0].after).toMatchObject({ employeeCount: null, otherNames: [] });
    expect(updates[1].before).toBeNull();
  });

  it('refuses a year in the future and a bad web address, naming each field, writing nothing', async () => {
    const { company, admin } = await newCompany();
    // TEST_NOW is in 2026.
    const future = await call('PUT', '/api/v1/registry/profile', admin, { yearEstablished: 2027 });
    expect(future.statusCode).toBe(400);
    expect(issuePaths(future)).toEqual(['body.yearEstablished']);
    const bad = await call('PUT', '/api/v1/registry/profile', admin, {
      website: 'ftp://example.com',
      telephone: 'call us',
      employeeCount: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(['body.website', 'body.telephone', 'body.employeeCount']);
    expect(await auditActionsOn(testApp.database.db, company.id)).toEqual([]);
  });

  it('is read-only for a contributor and a consultant, and CBP reads any member’s', async () => {
    const { company, admin } = await newCompany();
    const db = testApp.database.db;
    await call('PUT', '/api/v1/registry/profile', admin, { yearEstablished: 2001 });
    for (const role of ['contributor', 'consultant'] as const) {
      const session = await signIn(
        testApp.app,
        await createUser(db, { role, organisation: company }),
      );
      expect((await call('GET', '/api/v1/registry/profile', session)).json().yearEstablished).toBe(
        2001,
      );
      const edit = await call('PUT', '/api/v1/registry/profile', session, {});
      expect(edit.statusCode).toBe(403);
      const add = await call(
        'POST',
        '/api/v1/registry/profile/addresses',
        session,
        headquartersAddress(),
      );
      expect(add.statusCode).toBe(403);
    }
    const cbp = await call('GET', `/api/v1/registry/members/${company.id}/profile`, supervisor);
    expect(cbp.statusCode).toBe(200);
    expect(cbp.json().yearEstablished).toBe(2001);
    // A CBP office has no company profile; a member cannot use the CBP route.
    expect(
      (await call('GET', `/api/v1/registry/members/${office.id}/profile`, supervisor)).statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/api/v1/registry/members/${company.id}/profile`, admin)).statusCode,
    ).toBe(403);
  });
});

describe('addresses', () => {
  it('adds, edits and removes addresses, one headquarters, each audited', async () => {
    const { admin } = await newCompany();
    const hq = await call(
      'POST',
      '/api/v1/registry/profile/addresses',
      admin,
      headquartersAddress(),
    );
    expect(hq.statusCode).toBe(201);
    const second = await call(
      'POST',
      '/api/v1/registry/profile/addresses',
      admin,
      headquartersAddress({ line1: '1 Other Street' }),
    );
    expect(second.statusCode).toBe(409);
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.json().error.details).toEqual({ path: 'body.kind' });
    expect(second.json().error.message).toContain('already has a headquarters');

    const site = await call('POST', '/api/v1/registry/profile/addresses', admin, {
      kind: 'cargo_handling_site',
      label: 'Laredo cross-dock',
      line1: '5 Warehouse Road',
      city: 'Laredo',
      region: 'TX',
      countryCode: 'US',
    });
    expect(site.statusCode).toBe(201);
    const siteId: string = site.json().id;
    // Turning the site into a second headquarters is refused too.
    const promote = await call(
      'PUT',
      `/api/v1/registry/profile/addresses/${siteId}`,
      admin,
      headquartersAddress(),
    );
    expect(promote.statusCode).toBe(409);
    const edited = await call('PUT', `/api/v1/registry/profile/addresses/${siteId}`, admin, {
      kind: 'cargo_handling_site',
      label: 'Laredo cross-dock 2',
      line1: '7 Warehouse Road',
      city: 'Laredo',
      countryCode: 'US',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ line1: '7 Warehouse Road', region: null });

    const badCountry = await call('POST', '/api/v1/registry/profile/addresses', admin, {
      ...headquartersAddress(),
      kind: 'office',
      countryCode: 'usa',
      line1: '',
    });
    expect(badCountry.statusCode).toBe(400);
    expect(issuePaths(badCountry)).toEqual(['body.line1', 'body.countryCode']);

    const profile = await call('GET', '/api/v1/registry/profile', admin);
    expect(profile.json().addresses.map((address: { kind: string }) => address.kind)).toEqual([
      'headquarters',
      'cargo_handling_site',
    ]);

    expect(
      (await call('DELETE', `/api/v1/registry/profile/addresses/${siteId}`, admin)).statusCode,
    ).toBe(204);
    const db = testApp.database.db;
    expect(await auditActionsOn(db, hq.json().id)).toEqual(['company_address.added']);
    expect(await auditActionsOn(db, siteId)).toEqual([
      'company_address.added',
      'company_address.updated',
      'company_address.removed',
    ]);
    expect((await verifyAuditTrail(db)).ok).toBe(true);
  });

  it('answers 404 for another company’s address, changing nothing', async () => {
    const owner = await newCompany();
    const other = await newCompany();
    const hq = await call(
      'POST',
      '/api/v1/registry/profile/addresses',
      owner.admin,
      headquartersAddress(),
    );
    const id: string = hq.json().id;
    const edit = await call(
      'PUT',
      `/api/v1/registry/profile/addresses/${id}`,
      other.admin,
      headquartersAddress({ line1: 'Hijacked' }),
    );
    expect(edit.statusCode).toBe(404);
    expect(errorCode(edit)).toBe('NOT_FOUND');
    const remove = await call('DELETE', `/api/v1/registry/profile/addresses/${id}`, other.admin);
    expect(remove.statusCode).toBe(404);
    const mine = await call('GET', '/api/v1/registry/profile', owner.admin);
    expect(mine.json().addresses).toEqual([
      expect.objectContaining({ id, line1: '100 Harbor Drive' }),
    ]);
  });
});

describe('contacts', () => {
  it('needs the primary contact to be a company officer of this company', async () => {
    const { officerUser, adminUser, admin } = await newCompany();
    const stranger = await createUser(testApp.database.db, { role: 'company_officer' });

    const noAccount = await call(
      'POST',
      '/api/v1/registry/profile/contacts',
      admin,
      primaryContact(officerUser.id, { userId: null }),
    );
    expect(noAccount.statusCode).toBe(400);
    expect(issuePaths(noAccount)).toEqual(['body.userId']);
    const notOfficer = await call(
      'POST',
      '/api/v1/registry/profile/contacts',
      admin,
      primaryContact(adminUser.id),
    );
    expect(notOfficer.statusCode).toBe(400);
    expect(notOfficer.json().error.details.issues[0].message).toContain('company officer');
    const otherCompany = await call(
      'POST',
      '/api/v1/registry/profile/contacts',
      admin,
      primaryContact(stranger.id),
    );
    expect(otherCompany.statusCode).toBe(400);
    expect(otherCompany.json().error.details.issues).toEqual([
      { path: 'body.userId', message: 'is not a user of this company' },
    ]);

    const primary = await call(
      'POST',
      '/api/v1/registry/profile/contacts',
      admin,
      primaryContact(officerUser.id),
    );
    expect(primary.statusCode).toBe(201);
    const again = await call(
      'POST',
      '/api/v1/registry/profile/contacts',
      admin,
      primaryContact(officerUser.id),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ path: 'body.role' });
  });

  it('adds, edits and removes other contacts, audited, and 404 for another company’s', async () => {
    const { admin } = await newCompany();
    const other = await newCompany();
    const security = await call('POST', '/api/v1/registry/profile/contacts', admin, {
      role: 'security',
      fullName: 'Sam Ortega',
      email: 'Sam.Ortega@Example.test',
    });
    expect(security.statusCode).toBe(201);
    expect(security.json()).toMatchObject({ email: 'sam.ortega@example.test', userId: null });
    const id: string = security.json().id;
    expect(
      (
        await call('PUT', `/api/v1/registry/profile/contacts/${id}`, other.admin, {
          role: 'security',
          fullName: 'X',
          email: 'x@example.test',
        })
      ).statusCode,
    ).toBe(404);
    const edited = await call('PUT', `/api/v1/registry/profile/contacts/${id}`, admin, {
      role: 'alternate',
      fullName: 'Sam Ortega',
      title: 'Logistics manager',
      email: 'sam.ortega@example.test',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ role: 'alternate', title: 'Logistics manager' });
    expect(
      (await call('DELETE', `/api/v1/registry/profile/contacts/${id}`, other.admin)).statusCode,
    ).toBe(404);
    expect(
      (await call('DELETE', `/api/v1/registry/profile/contacts/${id}`, admin)).statusCode,
    ).toBe(204);
    expect(await auditActionsOn(testApp.database.db, id)).toEqual([
      'company_contact.added',
      'company_contact.updated',
      'company_contact.removed',
    ]);
  });
});

describe('the profile an application was submitted with', () => {
  it('keeps its headquarters and primary contact until the membership ends', async () => {
    const { officerUser, officer, admin } = await newCompany();
    const hq = await call(
      'POST',
      '/api/v1/registry/profile/addresses',
      admin,
      headquartersAddress(),
    );
    const primary = await call(
      'POST',
      '/api/v1/registry/profile/contacts',
      admin,
      primaryContact(officerUser.id),
    );
    expect(
      (await call('PUT', '/api/v1/registry/application', admin, importerApplication())).statusCode,
    ).toBe(200);
    const submitted = await call('POST', '/api/v1/registry/application/submit', officer, {
      agreementAccepted: true,
    });
    expect(submitted.statusCode).toBe(200);

    const removeHq = await call(
      'DELETE',
      `/api/v1/registry/profile/addresses/${hq.json().id}`,
      admin,
    );
    expect(removeHq.statusCode).toBe(409);
    const demote = await call(
      'PUT',
      `/api/v1/registry/profile/contacts/${primary.json().id}`,
      admin,
      primaryContact(officerUser.id, { role: 'alternate' }),
    );
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.details).toEqual({ path: 'body.role' });
    // Editing the headquarters' details is fine.
    const moved = await call(
      'PUT',
      `/api/v1/registry/profile/addresses/${hq.json().id}`,
      admin,
      headquartersAddress({ line1: '200 Harbor Drive' }),
    );
    expect(moved.statusCode).toBe(200);
  });
});
