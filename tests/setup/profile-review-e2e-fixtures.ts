import type { Clock } from '../../src/domain/time/clock.ts';
import type { Db } from '../../src/server/db/database.ts';
import { memberships, users } from '../../src/server/modules/identity/accounts.tables.ts';
import { totpAuthenticators } from '../../src/server/modules/identity/mfa.tables.ts';
import { findMembership } from '../../src/server/modules/registry/registry.repository.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { encryptSecret, type Keys } from '../../src/server/security/secret-key.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import {
  applicableCriterionIds,
  insertDraftProfile,
  insertMemberCase,
} from '../factories/security-profile.factory.ts';

/**
 * What the Security Profile review journey (tests/e2e/profile-review.e2e.test.ts) needs on top
 * of the demo data: a demo consolidator under review, assigned to a new SCSS of the Houston
 * office, with an officer and a draft profile whose must-criteria are all answered (answering is
 * the profile editor's journey). Its own authenticator secret keeps its codes apart from other
 * journeys'. No organisation is added (the directory journeys count them).
 */
export const PROFILE_REVIEW_E2E_TOTP_SECRET = 'ONSWG4TFOQQHA4TPMZUWYZJAOJSXM2LF';

const ATLAS = 'member/atlas-air-consolidators';
const HOUSTON = 'cbp/field-office-houston';

export const PROFILE_REVIEW_E2E = {
  company: { id: deterministicUuid(ATLAS), legalName: 'Atlas Air Consolidators, Inc.' },
  officer: {
    id: deterministicUuid('e2e/profile-review/officer-atlas'),
    email: 'profile.officer@atlas.example.com',
    displayName: 'Renata Okafor',
    organisation: ATLAS,
    role: 'company_officer',
  },
  specialist: {
    id: deterministicUuid('e2e/profile-review/scss-houston'),
    email: 'profile.scss@cbp.example.gov',
    displayName: 'Tomas Lindqvist (SCSS)',
    organisation: HOUSTON,
    role: 'scss',
  },
} as const;

export async function seedProfileReviewE2eFixtures(
  db: Db,
  clock: Clock,
  keys: Keys,
): Promise<void> {
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { company, officer, specialist } = PROFILE_REVIEW_E2E;
  await db.transaction(async (tx) => {
    if (await findMembership(tx, company.id)) {
      throw new Error(`${company.legalName} already has a membership: pick another company`);
    }
    for (const account of [officer, specialist]) {
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
        secretEncrypted: encryptSecret(keys.encryption, PROFILE_REVIEW_E2E_TOTP_SECRET),
        confirmedAt: now,
        createdAt: now,
      });
    }
    await insertMemberCase(tx, company.id, {
      at: now,
      entityTypes: ['consolidator'],
      specialist: { userId: specialist.id, officeId: deterministicUuid(HOUSTON) },
    });
    const { musts } = await applicableCriterionIds(tx, ['consolidator']);
    await insertDraftProfile(tx, company.id, {
      at: now,
      userId: officer.id,
      answers: musts.map((criterionId) => ({ criterionId })),
    });
  });
}
