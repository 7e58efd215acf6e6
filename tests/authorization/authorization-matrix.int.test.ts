import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGrantableToApiToken } from '../../src/domain/accounts/api-token.schema.ts';
import { PERMISSIONS, ROLE_PERMISSIONS } from '../../src/domain/authorization/permissions.ts';
import { ROLES, type Role } from '../../src/domain/authorization/roles.ts';
import type { ApiRoutePermission } from '../../src/server/plugins/authorization.ts';
import { createOrganisation } from '../factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
  type TestUser,
} from '../factories/user.factory.ts';
import { buildTestApp, type TestApp } from '../setup/test-app.ts';

/**
 * The authorization matrix (architecture.md "Tests"; issue 3 "Done when"): every API route ×
 * every role (and anonymous, and an API token) must answer exactly as the role → permission
 * map says, and a record of another tenant must answer 404. The route list comes from the app
 * itself, so a new route is in the matrix the day it is added.
 */

/** Routes that are public on purpose; a new public route must be added here after review. */
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/sign-in',
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/sign-out',
  'POST /api/v1/auth/mfa/verify',
  'GET /api/v1/auth/oidc',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/complete',
  'POST /api/v1/account/email/confirm',
  'GET /api/v1/invitations/preview',
  'POST /api/v1/invitations/accept',
]);

let testApp: TestApp;
let routes: ApiRoutePermission[];
const sessions = new Map<Role, SignedIn>();
const users = new Map<Role, TestUser>();

const MEMBER_ROLES: ReadonlySet<Role> = new Set([
  'company_officer',
  'company_admin',
  'contributor',
  'consultant',
]);

beforeAll(async () => {
  testApp = await buildTestApp();
  routes = testApp.app.apiRoutePermissions;
  const member = await createOrganisation(testApp.database.db);
  const office = await createOrganisation(testApp.database.db, {
    kind: 'cbp_office',
    entityTypes: [],
  });
  for (const role of ROLES) {
    const user = await createUser(testApp.database.db, {
      role,
      organisation: MEMBER_ROLES.has(role) ? member : office,
    });
    users.set(role, user);
    sessions.set(role, await signInWithMfaSettled(testApp.app, testApp.database.db, user));
  }
}, 120_000);

afterAll(async () => {
  await testApp.close();
});

/** A request to `route` with placeholder ids and an empty body: enough to reach the check. */
function requestFor(route: ApiRoutePermission, headers: Record<string, string>): InjectOptions {
  const url = route.url.replace(/:(\w+)/g, () => randomUUID());
  const unsafe = route.method !== 'GET';
  return {
    method: route.method as InjectOptions['method'],
    url,
    headers,
    ...(unsafe ? { payload: {} } : {}),
    remoteAddress: `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
  };
}

function headersOf(session: SignedIn, method: string): Record<string, string> {
  return method === 'GET' ? { cookie: session.cookie } : session.headers;
}

describe('route permissions', () => {
  it('every API route declares a permission, and only the reviewed routes are public', () => {
    const publicRoutes = routes
      .filter((route) => route.permission === null)
      .map((route) => `${route.method} ${route.url}`);
    expect(new Set(publicRoutes)).toEqual(PUBLIC_ROUTES);
    for (const route of routes) {
      expect(route.permission === null || PERMISSIONS.includes(route.permission)).toBe(true);
    }
  });

  it('answers every protected route for every role exactly as the role → permission map says', async () => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const session = sessions.get(role);
      if (!session) {
        throw new Error(`no session for ${role}`);
      }
      for (const route of routes) {
        if (route.permission === null) {
          continue;
        }
        const allowed = ROLE_PERMISSIONS[role].includes(route.permission);
        const response = await testApp.app.inject(
          requestFor(route, headersOf(session, route.method)),
        );
        const refused = response.statusCode === 401 || response.statusCode === 403;
        if (allowed === refused) {
          mismatches.push(
            `${role} ${route.method} ${route.url} (${route.permission}): expected ${allowed ? 'allowed' : '403'}, got ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
        } else if (!allowed && response.json().error.code !== 'FORBIDDEN') {
          mismatches.push(`${role} ${route.method} ${route.url}: refused with ${response.body}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('answers 401 UNAUTHENTICATED on every protected route without a session', async () => {
    for (const route of routes.filter((candidate) => candidate.permission !== null)) {
      const response = await testApp.app.inject(requestFor(route, {}));
      expect(`${route.method} ${route.url} ${response.statusCode}`).toBe(
        `${route.method} ${route.url} 401`,
      );
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets an API token do exactly what its permissions say', async () => {
    const admin = sessions.get('company_admin');
    if (!admin) {
      throw new Error('no admin session');
    }
    const granted = ROLE_PERMISSIONS.company_admin.filter(isGrantableToApiToken);
    const created = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: admin.headers,
      payload: { name: 'matrix', permissions: granted, expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const mismatches: string[] = [];
    for (const route of routes.filter((candidate) => candidate.permission !== null)) {
      const response = await testApp.app.inject(requestFor(route, bearer));
      const holds = route.permission !== null && granted.includes(route.permission);
      if (!holds && response.statusCode !== 403) {
        mismatches.push(`${route.method} ${route.url}: expected 403, got ${response.statusCode}`);
      }
      if (holds && response.statusCode === 401) {
        mismatches.push(`${route.method} ${route.url}: a valid token was refused`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('tenant isolation: another tenant’s record answers 404', () => {
  it('organisations, invitations, users, API tokens, notifications and sessions', async () => {
    // Tenant A: an admin and a contributor of a new member company; tenant B: another company.
    const companyA = await createOrganisation(testApp.database.db);
    const adminA = await createUser(testApp.database.db, {
      role: 'company_admin',
      organisation: companyA,
    });
    const contributorA = await createUser(testApp.database.db, {
      role: 'contributor',
      organisation: companyA,
    });
    const adminB = await createUser(testApp.database.db, { role: 'company_admin' });
    const a = await signIn(testApp.app, adminA);
    const b = await signIn(testApp.app, adminB);

    const invitation = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/invitations',
      headers: a.headers,
      payload: { email: `matrix-${randomUUID().slice(0, 8)}@example.test`, role: 'contributor' },
    });
    const token = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: a.headers,
      payload: { name: 'a-token', permissions: ['users:read'], expiresInDays: 5 },
    });
    const aSessions = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: { cookie: a.cookie },
    });
    const aInbox = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { cookie: a.cookie },
    });
    expect(invitation.statusCode).toBe(201);
    expect(token.statusCode).toBe(201);
    const aNotificationId: string = aInbox.json().items[0].id;
    const aSessionId: string = aSessions.json().items[0].id;

    const attempts: Array<[string, InjectOptions]> = [
      [
        'organisation',
        {
          method: 'GET',
          url: `/api/v1/organisations/${companyA.id}`,
          headers: { cookie: b.cookie },
        },
      ],
      [
        'invitation',
        {
          method: 'DELETE',
          url: `/api/v1/invitations/${invitation.json().id}`,
          headers: b.headers,
        },
      ],
      [
        'user role',
        {
          method: 'PATCH',
          url: `/api/v1/users/${contributorA.id}`,
          headers: b.headers,
          payload: { role: 'consultant' },
        },
      ],
      [
        'user removal',
        { method: 'DELETE', url: `/api/v1/users/${contributorA.id}`, headers: b.headers },
      ],
      [
        'API token',
        { method: 'DELETE', url: `/api/v1/api-tokens/${token.json().id}`, headers: b.headers },
      ],
      [
        'notification',
        {
          method: 'POST',
          url: `/api/v1/notifications/${aNotificationId}/read`,
          headers: b.headers,
        },
      ],
      [
        'session',
        { method: 'DELETE', url: `/api/v1/auth/sessions/${aSessionId}`, headers: b.headers },
      ],
    ];
    for (const [what, request] of attempts) {
      const response = await testApp.app.inject(request);
      expect(`${what}: ${response.statusCode}`).toBe(`${what}: 404`);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }

    // The same records are reachable by their own tenant, so the 404s above are about tenancy.
    const own = await testApp.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${token.json().id}`,
      headers: a.headers,
    });
    expect(own.statusCode).toBe(204);
    const audit = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/audit-events?organisationId=${companyA.id}`,
      headers: { cookie: b.cookie },
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items).toEqual([]);
  });
});
