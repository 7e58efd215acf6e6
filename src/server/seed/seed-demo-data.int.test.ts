import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/setup/test-database.ts';
import { evaluateEligibility } from '../../domain/registry/eligibility/evaluate-eligibility.ts';
import { validateEntityIdentifiers } from '../../domain/registry/identifiers/identifier-kinds.ts';
import {
  currentTier,
  isMembershipState,
  isTierStatus,
} from '../../domain/registry/lifecycle/membership-states.ts';
import { SVI_NUMBER_PATTERN } from '../../domain/registry/status-verification/svi-number.ts';
import { todayFromClock } from '../../domain/time/calendar-date.ts';
import { fixedClock } from '../../domain/time/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { findOrganisationById } from '../modules/organisations/organisations.repository.ts';
import { profileCompleteness } from '../modules/registry/company-profile.service.ts';
import {
  findEntityTypes,
  findMembership,
  findStatusHistory,
} from '../modules/registry/registry.repository.ts';
import { membershipClocks, stateOfRow } from '../modules/registry/registry.service.ts';
import { sviConnections, sviParticipants } from '../modules/registry/status-verification.tables.ts';
import {
  tradeComplianceHistory,
  tradeComplianceStatuses,
} from '../modules/registry/trade-compliance.tables.ts';
import { deriveKeys } from '../security/secret-key.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { DEMO_COMPANY_PROFILES } from './demo-company-profiles.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';
import { DEMO_MEMBERSHIPS } from './demo-registry.ts';
import { DEMO_SECURITY_PROFILES } from './demo-security-profiles.ts';
import { deterministicUuid } from './deterministic-id.ts';
import { DemoSeedRefusedError, seedDemoData } from './seed-demo-data.ts';
import { DEMO_VALIDATION_COMPANIES } from './seed-validations.ts';

let database: DatabaseHandle;
const GREAT_LAKES = 'member/great-lakes-home-goods';

/** Every registry row the demo seed writes, of the demo companies, in a stable order. */
async function registrySnapshot() {
  const ids = DEMO_MEMBERSHIPS.map((demo) => deterministicUuid(demo.organisation)).sort();
  const rows = [];
  for (const id of ids) {
    rows.push({
      membership: await findMembership(database.db, id),
      entityTypes: await findEntityTypes(database.db, id),
      history: await findStatusHistory(database.db, id),
      svi: await database.db
        .select()
        .from(sviParticipants)
        .where(eq(sviParticipants.organisationId, id)),
      connections: await database.db
        .select()
        .from(sviConnections)
        .where(eq(sviConnections.requesterOrganisationId, id)),
      tradeCompliance: await database.db
        .select()
        .from(tradeComplianceHistory)
        .where(eq(tradeComplianceHistory.organisationId, id)),
    });
  }
  return rows;
}
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
      membershipsCreated: 0,
      membershipsTotal: DEMO_MEMBERSHIPS.length,
      securityProfilesCreated: 0,
      securityProfilesTotal: DEMO_SECURITY_PROFILES.length,
      validationsCreated: 0,
      validationsTotal: DEMO_VALIDATION_COMPANIES.length,
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

  it('seeding again changes no registry row', async () => {
    await seedDemoData(database.db, clock, seedOptions);
    const before = await registrySnapshot();
    // A later day: the timelines would date differently, but nothing already there is touched.
    await seedDemoData(database.db, fixedClock(new Date('2026-03-04T05:06:07Z')), seedOptions);
    expect(await registrySnapshot()).toEqual(before);
  });

  it('stores every demo membership as a valid lifecycle state with its history, across the lifecycle', async () => {
    await seedDemoData(database.db, clock, seedOptions);
    const today = todayFromClock(clock);
    const states = new Set<string>();
    for (const demo of DEMO_MEMBERSHIPS) {
      const organisationId = deterministicUuid(demo.organisation);
      const row = await findMembership(database.db, organisationId);
      expect(row, demo.organisation).not.toBeNull();
      if (!row) continue;
      const state = stateOfRow(row);
      expect(isMembershipState(state), demo.organisation).toBe(true);
      expect(row.tier).toBe(currentTier(state));
      states.add(
        state.status === 'under_review' ? `under_review/${state.reviewStep}` : state.status,
      );

      // The history ends in the current state, each row starting where the one before ended.
      const history = await findStatusHistory(database.db, organisationId);
      expect(history.map((entry) => entry.seq)).toEqual(history.map((_, index) => index + 1));
      let from = 'pre_applicant';
      for (const entry of history) {
        expect(entry.fromState).toBe(from);
        from = entry.toState;
      }
      expect(from).toBe(state.status);
      expect(history.at(-1)?.on ?? state.since).toBe(state.since);
      if (state.status !== 'pre_applicant') {
        expect(row.applicationSubmittedOn).not.toBeNull();
        expect(await profileCompleteness(database.db, organisationId)).toEqual({
          headquarters: true,
          primaryContact: true,
        });
      }

      // Identifiers are valid and stored canonical; the answers pass the questionnaire.
      const organisation = DEMO_ORGANISATIONS.find((org) => org.key === demo.organisation);
      for (const entry of await findEntityTypes(database.db, organisationId)) {
        const again = validateEntityIdentifiers(entry.entityType, entry.identifiers, {
          mexicanCompany: organisation?.countryCode === 'MX',
        });
        expect(again.ok && again.identifiers, `${demo.organisation} ${entry.entityType}`).toEqual(
          entry.identifiers,
        );
        expect(evaluateEligibility(entry.entityType, entry.eligibility).eligible).toBe(true);
      }

      // The clocks a member file shows run from real dates.
      const clocks = membershipClocks(row, state, today);
      if (state.status === 'applicant' || state.status === 'under_review') {
        expect(clocks.map((c) => c.name)).toContain('certification_target');
      }
      if (state.status === 'suspended') {
        expect(clocks.map((c) => c.name)).toContain('suspension_response');
      }
    }
    expect([...states].sort()).toEqual(
      [
        'applicant',
        'certified',
        'pre_applicant',
        'suspended',
        'under_review/profile_review',
        'under_review/specialist_assigned',
        'under_review/vetting',
        'validated',
        'validated_exceeds',
        'withdrawn',
      ].sort(),
    );
    // Great Lakes is a certified importer (a Security Profile can be started for it).
    const greatLakes = await findMembership(database.db, deterministicUuid(GREAT_LAKES));
    expect(greatLakes?.status).toBe('certified');
  });

  it('leaves the companies of the browser journeys without a membership', async () => {
    await seedDemoData(database.db, clock, seedOptions);
    for (const key of [
      'member/cascadia-outdoor-supply',
      'member/maple-leaf-freightways',
      'member/heartland-rail',
    ]) {
      expect(await findMembership(database.db, deterministicUuid(key)), key).toBeNull();
    }
  });

  it('connects two certified members through SVI and gives one validated importer Trade Compliance status', async () => {
    await seedDemoData(database.db, clock, seedOptions);
    const connection = await database.db
      .select()
      .from(sviConnections)
      .where(eq(sviConnections.requesterOrganisationId, deterministicUuid(GREAT_LAKES)));
    expect(connection).toHaveLength(1);
    expect(connection[0]?.status).toBe('accepted');
    for (const id of [
      connection[0]?.requesterOrganisationId,
      connection[0]?.recipientOrganisationId,
    ]) {
      const membership = await findMembership(database.db, id ?? '');
      expect(isTierStatus(membership?.status ?? '')).toBe(true);
      const [participant] = await database.db
        .select()
        .from(sviParticipants)
        .where(eq(sviParticipants.organisationId, id ?? ''));
      expect(participant?.sviNumber).toMatch(SVI_NUMBER_PATTERN);
    }

    const active = await database.db
      .select()
      .from(tradeComplianceStatuses)
      .where(eq(tradeComplianceStatuses.status, 'active'));
    const demoActive = active.filter((row) =>
      DEMO_MEMBERSHIPS.some((demo) => deterministicUuid(demo.organisation) === row.organisationId),
    );
    expect(demoActive).toHaveLength(1);
    const importer = demoActive[0]?.organisationId ?? '';
    const membership = await findMembership(database.db, importer);
    expect(['validated', 'validated_exceeds']).toContain(membership?.status);
    const entityTypes = await findEntityTypes(database.db, importer);
    expect(entityTypes.map((entry) => entry.entityType)).toContain('importer');
  });

  it('is refused in production: demo accounts have published passwords', async () => {
    await expect(
      seedDemoData(database.db, clock, { ...seedOptions, nodeEnv: 'production' }),
    ).rejects.toThrow(DemoSeedRefusedError);
  });
});
