import type { Role } from '../../src/domain/authorization/roles.ts';
import type { EntityType } from '../../src/domain/organisations/entity-types.ts';
import type { TierStatus } from '../../src/domain/registry/lifecycle/membership-states.ts';
import type { Clock } from '../../src/domain/time/clock.ts';
import type { Db } from '../../src/server/db/database.ts';
import { memberships, users } from '../../src/server/modules/identity/accounts.tables.ts';
import { totpAuthenticators } from '../../src/server/modules/identity/mfa.tables.ts';
import { findMembership } from '../../src/server/modules/registry/registry.repository.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { encryptSecret, type Keys } from '../../src/server/security/secret-key.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import { insertCertifiedMembership } from '../factories/certified-member.factory.ts';

/**
 * What the SVI journey (tests/e2e/svi.e2e.test.ts) needs on top of the demo data: two demo
 * companies made certified members (their memberships written straight to the registry
 * tables: how they got certified is the registry journey's business), an officer for each, and
 * a supervisory SCSS who suspends one of them. Each account has this file's authenticator
 * secret, so its codes never collide with the one-code-per-step replay guard of accounts other
 * journeys use. No organisation is added (the directory journeys count them).
 */
export const SVI_E2E_TOTP_SECRET = 'KRUGKIDTORQXI5LTEB3GK4TJMZUWGYLU';

interface FixtureAccount {
  id: string;
  email: string;
  displayName: string;
  organisation: string;
  role: Role;
}

interface FixtureCompany {
  key: string;
  id: string;
  legalName: string;
  status: TierStatus;
  entityTypes: readonly EntityType[];
}

const MAPLE_LEAF = 'member/maple-leaf-freightways';
const HEARTLAND = 'member/heartland-rail';
const HOUSTON = 'cbp/field-office-houston';

export const SVI_E2E = {
  /** Connects first: sends the request. */
  companyA: {
    key: MAPLE_LEAF,
    id: deterministicUuid(MAPLE_LEAF),
    legalName: 'Maple Leaf Freightways Ltd.',
    status: 'certified',
    entityTypes: ['highway_carrier_us_canada'],
  },
  /** Accepts the request; later suspended. */
  companyB: {
    key: HEARTLAND,
    id: deterministicUuid(HEARTLAND),
    legalName: 'Heartland & Southern Railway Company',
    status: 'validated',
    entityTypes: ['rail_carrier'],
  },
  officerA: {
    id: deterministicUuid('e2e/svi/officer-maple-leaf'),
    email: 'svi.officer@mapleleaf.example.com',
    displayName: 'Claire Tremblay',
    organisation: MAPLE_LEAF,
    role: 'company_officer',
  },
  officerB: {
    id: deterministicUuid('e2e/svi/officer-heartland'),
    email: 'svi.officer@heartland.example.com',
    displayName: 'Wade Hollis',
    organisation: HEARTLAND,
    role: 'company_officer',
  },
  supervisor: {
    id: deterministicUuid('e2e/svi/supervisor-houston'),
    email: 'svi.supervisor@cbp.example.gov',
    displayName: 'Denise Walker (Supervisory SCSS)',
    organisation: HOUSTON,
    role: 'supervisory_scss',
  },
} as const satisfies Record<string, FixtureAccount | FixtureCompany>;

/** Adds the journey's memberships and accounts (all with two-step verification). */
export async function seedSviE2eFixtures(db: Db, clock: Clock, keys: Keys): Promise<void> {
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const company of [SVI_E2E.companyA, SVI_E2E.companyB]) {
      if (await findMembership(tx, company.id)) {
        throw new Error(`${company.legalName} already has a membership: pick other companies`);
      }
      await insertCertifiedMembership(tx, company.id, {
        at: now,
        status: company.status,
        entityTypes: company.entityTypes,
      });
    }
    for (const account of [SVI_E2E.officerA, SVI_E2E.officerB, SVI_E2E.supervisor]) {
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
        secretEncrypted: encryptSecret(keys.encryption, SVI_E2E_TOTP_SECRET),
        confirmedAt: now,
        createdAt: now,
      });
    }
  });
}
