import type { Clock } from '../../src/domain/time/clock.ts';
import type { Db } from '../../src/server/db/database.ts';
import { memberships, users } from '../../src/server/modules/identity/accounts.tables.ts';
import { totpAuthenticators } from '../../src/server/modules/identity/mfa.tables.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { encryptSecret, type Keys } from '../../src/server/security/secret-key.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';

/**
 * Accounts of the member-registry journey (tests/e2e/registry.e2e.test.ts), added to the demo
 * data: an officer for a demo importer that has none (so the journey applies from scratch), and
 * a supervisory SCSS and an SCSS in the Houston field office. Each has its own authenticator
 * secret, so its codes never collide with the demo accounts' one-code-per-step replay guard
 * that other journeys spend. No organisation is added (the directory journeys count them).
 */
export const REGISTRY_E2E_TOTP_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';

const CASCADIA = 'member/cascadia-outdoor-supply';
const HOUSTON = 'cbp/field-office-houston';

export const REGISTRY_E2E = {
  company: { id: deterministicUuid(CASCADIA), legalName: 'Cascadia Outdoor Supply LLC' },
  officer: {
    id: deterministicUuid('e2e/registry/officer-cascadia'),
    email: 'officer@cascadia.example.com',
    displayName: 'Jordan Ellis',
    organisation: CASCADIA,
    role: 'company_officer',
  },
  supervisor: {
    id: deterministicUuid('e2e/registry/supervisor-houston'),
    email: 'registry.supervisor@cbp.example.gov',
    displayName: 'Helen Park (Supervisory SCSS)',
    organisation: HOUSTON,
    role: 'supervisory_scss',
  },
  specialist: {
    id: deterministicUuid('e2e/registry/scss-houston'),
    email: 'registry.scss@cbp.example.gov',
    displayName: 'Omar Haddad (SCSS)',
    organisation: HOUSTON,
    role: 'scss',
  },
} as const;

/** Adds the journey's accounts (all with two-step verification on the fixture secret). */
export async function seedRegistryE2eFixtures(db: Db, clock: Clock, keys: Keys): Promise<void> {
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = [REGISTRY_E2E.officer, REGISTRY_E2E.supervisor, REGISTRY_E2E.specialist];
  await db.transaction(async (tx) => {
    for (const account of accounts) {
      await tx.insert(users).values({
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        passwordHash,
        preferredLanguage: 'en',
        emailVerifiedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(memberships).values({
        organisationId: deterministicUuid(account.organisation),
        userId: account.id,
        role: account.role,
        createdAt: now,
      });
      await tx.insert(totpAuthenticators).values({
        userId: account.id,
        secretEncrypted: encryptSecret(keys.encryption, REGISTRY_E2E_TOTP_SECRET),
        confirmedAt: now,
        createdAt: now,
      });
    }
  });
}
