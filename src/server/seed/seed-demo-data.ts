import { MFA_REQUIRED_ROLES } from '../../domain/authorization/permissions.ts';
import { todayFromClock } from '../../domain/time/calendar-date.ts';
import type { Clock } from '../../domain/time/clock.ts';
import type { Db } from '../db/database.ts';
import { memberships, users } from '../modules/identity/accounts.tables.ts';
import { totpAuthenticators } from '../modules/identity/mfa.tables.ts';
import { insertOrganisations } from '../modules/organisations/organisations.repository.ts';
import { hashPassword } from '../security/passwords.ts';
import { encryptSecret, type Keys } from '../security/secret-key.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts.ts';
import { DEMO_ORGANISATIONS } from './demo-organisations.ts';
import { DEMO_MEMBERSHIPS } from './demo-registry.ts';
import { DEMO_SECURITY_PROFILES } from './demo-security-profiles.ts';
import { deterministicUuid } from './deterministic-id.ts';
import { seedCompanyProfiles } from './seed-company-profiles.ts';
import { seedRegistry } from './seed-registry.ts';
import { seedSecurityProfiles } from './seed-security-profiles.ts';
import { DEMO_VALIDATION_COMPANIES, seedValidations } from './seed-validations.ts';

export interface SeedResult {
  organisationsCreated: number;
  organisationsTotal: number;
  accountsCreated: number;
  accountsTotal: number;
  /** CTPAT memberships (demo-registry.ts), with their history, SVI and Trade Compliance rows. */
  membershipsCreated: number;
  membershipsTotal: number;
  /** Security Profiles (demo-security-profiles.ts), with their answers, versions and evidence. */
  securityProfilesCreated: number;
  securityProfilesTotal: number;
  /** Validations (demo-validations.ts), with their sites, findings, hours and events. */
  validationsCreated: number;
  validationsTotal: number;
}

export interface SeedOptions {
  keys: Keys;
  nodeEnv: 'development' | 'production' | 'test';
}

export class DemoSeedRefusedError extends Error {
  constructor() {
    super(
      'The demo data set has accounts with published passwords and TOTP secrets; it is never ' +
        'loaded when NODE_ENV=production.',
    );
    this.name = 'DemoSeedRefusedError';
  }
}

/**
 * Loads the demo data set: organisations, one account per role and an officer per demo member,
 * company profiles, the CTPAT registry (memberships across the lifecycle, SVI, Trade
 * Compliance; seed-registry.ts), Security Profiles with evidence (seed-security-profiles.ts) and
 * validations (seed-validations.ts).
 * Deterministic (ids derive from stable keys) and idempotent (rows that exist are left alone),
 * in one transaction so a failure leaves nothing half-seeded. Refused in production.
 */
export async function seedDemoData(
  db: Db,
  clock: Clock,
  options: SeedOptions,
): Promise<SeedResult> {
  if (options.nodeEnv === 'production') {
    throw new DemoSeedRefusedError();
  }
  const now = clock.now();
  // Hash outside the transaction: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const organisationsCreated = await insertOrganisations(
      tx,
      DEMO_ORGANISATIONS.map(({ key, ...organisation }) => ({
        ...organisation,
        id: deterministicUuid(key),
      })),
      now,
    );
    let accountsCreated = 0;
    for (const account of DEMO_ACCOUNTS) {
      const userId = deterministicUuid(account.key);
      const created = await tx
        .insert(users)
        .values({
          id: userId,
          email: account.email,
          displayName: account.displayName,
          passwordHash,
          preferredLanguage: account.preferredLanguage,
          emailVerifiedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (created.length === 0) {
        continue;
      }
      accountsCreated += 1;
      await tx.insert(memberships).values(
        account.memberships.map((membership) => ({
          organisationId: deterministicUuid(membership.organisation),
          userId,
          role: membership.role,
          createdAt: now,
        })),
      );
      if (account.memberships.some((membership) => MFA_REQUIRED_ROLES.has(membership.role))) {
        await tx.insert(totpAuthenticators).values({
          userId,
          secretEncrypted: encryptSecret(options.keys.encryption, DEMO_TOTP_SECRET),
          confirmedAt: now,
          createdAt: now,
        });
      }
    }
    await seedCompanyProfiles(tx, now);
    const today = todayFromClock(clock);
    const membershipsCreated = await seedRegistry(tx, today);
    const securityProfilesCreated = await seedSecurityProfiles(tx, today);
    const validationsCreated = await seedValidations(tx, today);
    return {
      organisationsCreated,
      organisationsTotal: DEMO_ORGANISATIONS.length,
      accountsCreated,
      accountsTotal: DEMO_ACCOUNTS.length,
      membershipsCreated,
      membershipsTotal: DEMO_MEMBERSHIPS.length,
      securityProfilesCreated,
      securityProfilesTotal: DEMO_SECURITY_PROFILES.length,
      validationsCreated,
      validationsTotal: DEMO_VALIDATION_COMPANIES.length,
    };
  });
}
