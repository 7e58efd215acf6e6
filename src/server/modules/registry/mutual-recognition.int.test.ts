import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionsOn } from '../../../../tests/factories/audit.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller, errorCode, issuePaths } from '../../../../tests/setup/api-caller.ts';
import { buildTestApp, type TestApp } from '../../../../tests/setup/test-app.ts';
import { MRA_PROGRAMS } from '../../../domain/registry/mutual-recognition/mra-programs.ts';
import {
  MraProgramListSchema,
  MraProgramViewSchema,
  PartnerCertificationListSchema,
  PartnerCertificationViewSchema,
} from '../../../domain/registry/mutual-recognition/mutual-recognition.schema.ts';
import { migrateDatabase } from '../../db/migrate.ts';

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});
let administrator: SignedIn;
let contributor: SignedIn;
let consultant: SignedIn;
let otherCompanyAdmin: SignedIn;

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  const adminUser = await createUser(db, { role: 'administrator', organisation: office });
  administrator = await signInWithMfaSettled(testApp.app, db, adminUser);
  const company = await createOrganisation(db);
  contributor = await signIn(
    testApp.app,
    await createUser(db, { role: 'contributor', organisation: company }),
  );
  consultant = await signIn(
    testApp.app,
    await createUser(db, { role: 'consultant', organisation: company }),
  );
  otherCompanyAdmin = await signIn(testApp.app, await createUser(db, { role: 'company_admin' }));
});

afterAll(async () => {
  await testApp.close();
});

/** A program body no other test (or run on a shared database) uses. */
function newProgram(overrides: Record<string, unknown> = {}) {
  const suffix = randomUUID().slice(0, 8);
  return {
    id: `zz-test-${suffix}`,
    countryCode: 'ZA',
    countryName: 'South Africa',
    programName: `Preferred Trader ${suffix}`,
    signedMonth: '2024-05',
    signedOn: null,
    sources: ['https://example.test/mra'],
    provisional: true,
    note: 'test program',
    ...overrides,
  };
}

describe('MRA partner programs', () => {
  it('are reference data in every database: seeded at migration, idempotently', async () => {
    const response = await call('GET', '/api/v1/registry/mra-programs', contributor);
    expect(response.statusCode).toBe(200);
    const list = MraProgramListSchema.parse(response.json());
    for (const seeded of MRA_PROGRAMS) {
      expect(list.items).toContainEqual(
        expect.objectContaining({
          id: seeded.id,
          programName: seeded.programName,
          provisional: seeded.provisional,
          sources: seeded.sources,
        }),
      );
    }
    // Migrating again adds nothing and keeps what is there.
    const again = await migrateDatabase(testApp.database);
    expect(again.referenceData.mraProgramsAdded).toBe(0);
  });

  it('an administrator adds, changes and takes a program out of force, audited', async () => {
    const body = newProgram();
    const created = await call('POST', '/api/v1/registry/mra-programs', administrator, body);
    expect(created.statusCode).toBe(201);
    expect(MraProgramViewSchema.parse(created.json())).toMatchObject({
      id: body.id,
      active: true,
    });

    const { id: _id, ...content } = body;
    const updated = await call('PUT', `/api/v1/registry/mra-programs/${body.id}`, administrator, {
      ...content,
      provisional: false,
      active: false,
    });
    expect(updated.statusCode).toBe(200);
    expect(MraProgramViewSchema.parse(updated.json())).toMatchObject({
      provisional: false,
      active: false,
    });
    expect(await auditActionsOn(testApp.database.db, body.id)).toEqual([
      'mra_program.created',
      'mra_program.updated',
    ]);
  });

  it('refuses a second program with the same country and name, or id (409)', async () => {
    const body = newProgram();
    expect(
      (await call('POST', '/api/v1/registry/mra-programs', administrator, body)).statusCode,
    ).toBe(201);
    const sameName = await call(
      'POST',
      '/api/v1/registry/mra-programs',
      administrator,
      newProgram({ programName: body.programName.toUpperCase() }),
    );
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error.message).toContain('already has a program named');
    const sameId = await call(
      'POST',
      '/api/v1/registry/mra-programs',
      administrator,
      newProgram({ id: body.id }),
    );
    expect(sameId.statusCode).toBe(409);

    // Renaming another program onto an existing name is refused too.
    const other = newProgram();
    await call('POST', '/api/v1/registry/mra-programs', administrator, other);
    const { id: otherId, ...otherContent } = other;
    const clash = await call('PUT', `/api/v1/registry/mra-programs/${otherId}`, administrator, {
      ...otherContent,
      programName: body.programName,
      active: true,
    });
    expect(clash.statusCode).toBe(409);
  });

  it('validates the body by field, answers 404 for an unknown id, and is for administrators', async () => {
    const bad = await call(
      'POST',
      '/api/v1/registry/mra-programs',
      administrator,
      newProgram({ signedOn: '2024-06-02', sources: [] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(expect.arrayContaining(['body.sources']));

    const wrongMonth = await call(
      'POST',
      '/api/v1/registry/mra-programs',
      administrator,
      newProgram({ signedOn: '2024-06-02' }),
    );
    expect(issuePaths(wrongMonth)).toEqual(['body.signedOn']);

    const { id: _id, ...content } = newProgram();
    const missing = await call(
      'PUT',
      '/api/v1/registry/mra-programs/zz-nothing-here',
      administrator,
      {
        ...content,
        active: true,
      },
    );
    expect(missing.statusCode).toBe(404);

    const byMember = await call(
      'POST',
      '/api/v1/registry/mra-programs',
      otherCompanyAdmin,
      newProgram(),
    );
    expect(byMember.statusCode).toBe(403);
  });
});

describe("partners' AEO certifications", () => {
  function certification(overrides: Record<string, unknown> = {}) {
    return {
      mraProgramId: 'mx-oea',
      partnerName: 'Transportes del Norte',
      partnerCountryCode: 'MX',
      certificationNumber: `OEA-${randomUUID().slice(0, 8)}`,
      validUntil: '2027-06-30',
      ...overrides,
    };
  }

  it('a member records, lists and removes them; another tenant cannot see or remove them', async () => {
    const recorded = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      contributor,
      certification(),
    );
    expect(recorded.statusCode).toBe(201);
    const view = PartnerCertificationViewSchema.parse(recorded.json());
    expect(view).toMatchObject({
      programName: 'OEA (Nuevo Esquema de Empresas Certificadas)',
      programCountryName: 'Mexico',
      expired: false,
    });

    // Consultants read them; the other company does not see them.
    const list = PartnerCertificationListSchema.parse(
      (await call('GET', '/api/v1/registry/partner-certifications', consultant)).json(),
    );
    expect(list.items.map((item) => item.id)).toContain(view.id);
    const foreignList = PartnerCertificationListSchema.parse(
      (await call('GET', '/api/v1/registry/partner-certifications', otherCompanyAdmin)).json(),
    );
    expect(foreignList.items.map((item) => item.id)).not.toContain(view.id);

    const foreign = await call(
      'DELETE',
      `/api/v1/registry/partner-certifications/${view.id}`,
      otherCompanyAdmin,
    );
    expect(foreign.statusCode).toBe(404);
    expect(errorCode(foreign)).toBe('NOT_FOUND');

    const removed = await call(
      'DELETE',
      `/api/v1/registry/partner-certifications/${view.id}`,
      contributor,
    );
    expect(removed.statusCode).toBe(204);
    const after = PartnerCertificationListSchema.parse(
      (await call('GET', '/api/v1/registry/partner-certifications', contributor)).json(),
    );
    expect(after.items.map((item) => item.id)).not.toContain(view.id);
    expect(await auditActionsOn(testApp.database.db, view.id)).toEqual([
      'partner_aeo_certification.recorded',
      'partner_aeo_certification.removed',
    ]);
    const twice = await call(
      'DELETE',
      `/api/v1/registry/partner-certifications/${view.id}`,
      contributor,
    );
    expect(twice.statusCode).toBe(404);
  });

  it('accepts any EU member state under the EU program and refuses a country outside it', async () => {
    const german = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      contributor,
      certification({
        mraProgramId: 'eu-aeo',
        partnerCountryCode: 'DE',
        partnerName: 'Hafen GmbH',
      }),
    );
    expect(german.statusCode).toBe(201);
    const british = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      contributor,
      certification({ mraProgramId: 'eu-aeo', partnerCountryCode: 'GB' }),
    );
    expect(british.statusCode).toBe(400);
    expect(issuePaths(british)).toEqual(['body.partnerCountryCode']);
  });

  it('refuses bad input by field and writes nothing', async () => {
    const mismatch = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      contributor,
      certification({ partnerCountryCode: 'US' }),
    );
    expect(mismatch.statusCode).toBe(400);
    expect(issuePaths(mismatch)).toEqual(['body.partnerCountryCode']);
    expect(mismatch.json().error.details.issues[0].message).toContain('must be MX');

    const expired = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      contributor,
      certification({ validUntil: '2026-11-28' }),
    );
    expect(issuePaths(expired)).toEqual(['body.validUntil']);

    const unknown = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      contributor,
      certification({ mraProgramId: 'zz-no-such-program' }),
    );
    expect(issuePaths(unknown)).toEqual(['body.mraProgramId']);

    const inactiveProgram = newProgram({ countryCode: 'MY', countryName: 'Malaysia' });
    await call('POST', '/api/v1/registry/mra-programs', administrator, {
      ...inactiveProgram,
      active: false,
    });
    const outOfForce = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      contributor,
      certification({ mraProgramId: inactiveProgram.id, partnerCountryCode: 'MY' }),
    );
    expect(outOfForce.statusCode).toBe(400);
    expect(issuePaths(outOfForce)).toEqual(['body.mraProgramId']);

    const first = certification();
    expect(
      (await call('POST', '/api/v1/registry/partner-certifications', contributor, first))
        .statusCode,
    ).toBe(201);
    const duplicate = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      contributor,
      first,
    );
    expect(duplicate.statusCode).toBe(409);

    const byConsultant = await call(
      'POST',
      '/api/v1/registry/partner-certifications',
      consultant,
      certification(),
    );
    expect(byConsultant.statusCode).toBe(403);

    const list = PartnerCertificationListSchema.parse(
      (await call('GET', '/api/v1/registry/partner-certifications', contributor)).json(),
    );
    expect(
      list.items.filter((item) => item.certificationNumber === first.certificationNumber),
    ).toHaveLength(1);
    expect(list.items.some((item) => item.partnerCountryCode === 'US')).toBe(false);
  });
});
