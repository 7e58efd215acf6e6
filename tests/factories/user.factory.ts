import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/authorization/roles.ts';
import type { Organisation } from '../../src/domain/organisations/organisation.schema.ts';
import type { Db } from '../../src/server/db/database.ts';
import {
  insertMembership,
  insertUser,
} from '../../src/server/modules/identity/accounts.repository.ts';
import { hashPassword } from '../../src/server/security/passwords.ts';
import { nextClientAddress } from '../setup/api-caller.ts';
import { TEST_NOW } from '../setup/test-app.ts';
import { createOrganisation } from './organisation.factory.ts';

/** A password that passes the policy; every test user has it unless told otherwise. */
export const TEST_PASSWORD = 'lantern-orchard-velvet-42';

let cachedHash: Promise<string> | null = null;
function testPasswordHash(): Promise<string> {
  // argon2 is slow on purpose; hash the shared test password once per test file.
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  organisation: Organisation;
  role: Role;
}

/**
 * A user with a role in an organisation: a new member company (a new tenant) unless one is
 * given, or a new CBP office for CBP roles.
 */
export async function createUser(
  db: Db,
  options: { role: Role; organisation?: Organisation; password?: string; email?: string },
): Promise<TestUser> {
  const cbpRole = !['company_officer', 'company_admin', 'contributor', 'consultant'].includes(
    options.role,
  );
  const organisation =
    options.organisation ??
    (await createOrganisation(db, cbpRole ? { kind: 'cbp_office', entityTypes: [] } : {}));
  const id = randomUUID();
  const email = options.email ?? `user-${id.slice(0, 8)}@example.test`;
  const password = options.password ?? TEST_PASSWORD;
  await insertUser(
    db,
    {
      id,
      email,
      displayName: `Test ${options.role} ${id.slice(0, 4)}`,
      passwordHash: options.password ? await hashPassword(password) : await testPasswordHash(),
    },
    TEST_NOW,
  );
  await insertMembership(
    db,
    { organisationId: organisation.id, userId: id, role: options.role },
    TEST_NOW,
  );
  return { id, email, password, organisation, role: options.role };
}

export interface SignedIn {
  /** Cookie header value carrying the session. */
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing request: the cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in through the real endpoint and returns what a browser would hold. */
export async function signIn(
  app: FastifyInstance,
  user: { email: string; password: string },
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: user.email, password: user.password },
    remoteAddress: nextClientAddress(),
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  }
  const setCookie = response.cookies.find((cookie) => cookie.name.endsWith('ctpat_session'));
  if (!setCookie) {
    throw new Error('sign-in set no session cookie');
  }
  const cookie = `${setCookie.name}=${setCookie.value}`;
  const csrfToken: string = response.json().csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/**
 * Signs in a user whose role demands MFA and marks the session's second factor as checked,
 * straight in the database. For tests about something else than MFA (which has its own tests).
 */
export async function signInWithMfaSettled(
  app: FastifyInstance,
  db: Db,
  user: TestUser,
): Promise<SignedIn> {
  await db.execute(
    sql`insert into totp_authenticators (user_id, secret_encrypted, confirmed_at, created_at)
        values (${user.id}, 'v1.test.not-a-real-secret.x', ${TEST_NOW}, ${TEST_NOW})
        on conflict (user_id) do nothing`,
  );
  const session = await signIn(app, user);
  await db.execute(
    sql`update sessions set mfa_verified_at = ${TEST_NOW} where user_id = ${user.id}`,
  );
  return session;
}
