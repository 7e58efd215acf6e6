import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/setup/test-database.ts';
import { fixedClock } from '../../domain/time/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { findOrganisationById } from '../modules/organisations/organisations.repository.ts';
import { profileCompleteness } from '../modules/registry/company-profile.service.ts';
import { deriveKeys } from '../security/secret-key.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { DEMO_COMPANY_PROFILES } from './demo-company-profiles.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';
import { deterministicUuid } from './deterministic-id.ts';
import { DemoSeedRefusedError, seedDemoData } from './seed-demo-data.ts';

let database: DatabaseHandle;
const clock = fixedClock(new Date('2026-01-02T03:04:05Z'));
const seedOptions = { keys: deriveKeys(randomBytes(32)), nodeEnv: 'test' } as const;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe(seedDemoData.name, () => {
  it('loads every demo organisation under its stable id, and a second run adds nothing', async () => {
    // On the shared PostgreSQL test database another run may have seeded already, so the first
    // call creates at most the whole set; the second must create nothing.
    const first = await seedDemoData(database.db, clock, seedOptions);
    const second = await seedDemoData(database.db, clock, seedOptions);

    expect(first.organisationsCreated).toBeLessThanOrEqual(DEMO_ORGANISATIONS.length);
    expect(second).toEqual({
      organisationsCreated: 0,
      organisationsTotal: DEMO_ORGANISATIONS.length,
      accountsCreated: 0,
      accountsTotal: DEMO_ACCOUNTS.length,
    });
    for (const demo of DEMO_ORGANISATIONS) {
      const stored = await findOrganisationById(database.db, deterministicUuid(demo.key));
      expect(stored?.legalName).toBe(demo.legalName);
    }
    // The demo officers' companies can submit an application: headquarters and primary contact.
    for (const demo of DEMO_COMPANY_PROFILES) {
      const organisationId = deterministicUuid(demo.organisation);
      expect(await profileCompleteness(database.db, organisationId)).toEqual({
        headquarters: true,
        primaryContact: true,
      });
    }
  });

  it('is refused in production: demo accounts have published passwords', async () => {
    await expect(
      seedDemoData(database.db, clock, { ...seedOptions, nodeEnv: 'production' }),
    ).rejects.toThrow(DemoSeedRefusedError);
  });
});
