import { randomUUID } from 'node:crypto';
import type { Role } from '../src/domain/authorization/roles.ts';
import type { Db } from '../src/server/db/database.ts';
import { memberships, users } from '../src/server/modules/identity/accounts.tables.ts';
import { totpAuthenticators } from '../src/server/modules/identity/mfa.tables.ts';
import { sessions } from '../src/server/modules/identity/sessions.tables.ts';
import { hashToken } from '../src/server/security/tokens.ts';

/**
 * A CBP supply chain security specialist (or another CBP `role`) who has signed in and passed MFA: a user, a membership
 * in a CBP office, a confirmed authenticator and a live session for `token`. Written straight to
 * the database (sign-in itself is not what is measured); every benchmark request then goes
 * through the real authentication, permission and tenant-scope checks.
 */
export async function createBenchSpecialistSession(
  db: Db,
  cbpOfficeId: string,
  token: string,
  now: Date,
  role: Role = 'scss',
): Promise<void> {
  const userId = randomUUID();
  const day = 24 * 3_600_000;
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id: userId,
      email: `bench-${userId.slice(0, 8)}@cbp.example.gov`,
      displayName: 'Benchmark specialist',
      passwordHash: null,
      createdAt: now,
      updatedAt: now,
    });
    await tx
      .insert(memberships)
      .values({ organisationId: cbpOfficeId, userId, role, createdAt: now });
    await tx.insert(totpAuthenticators).values({
      userId,
      secretEncrypted: 'v1.bench.not-a-real-secret.x',
      confirmedAt: now,
      createdAt: now,
    });
    await tx.insert(sessions).values({
      id: randomUUID(),
      tokenHash: hashToken(token),
      userId,
      organisationId: cbpOfficeId,
      mfaVerifiedAt: now,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + day),
    });
  });
}
