import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUser } from '../../../../tests/factories/user.factory.ts';
import { nextClientAddress } from '../../../../tests/setup/api-caller.ts';
import {
  type OidcTestProvider,
  startOidcTestProvider,
} from '../../../../tests/setup/oidc-test-provider.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import { SessionViewSchema } from '../../../domain/accounts/session.schema.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { updateUser } from './accounts.repository.ts';
import { userIdentities } from './accounts.tables.ts';
import { OIDC_CALLBACK_PATH } from './oidc.routes.ts';

const PUBLIC_URL = 'http://localhost:3000';
const REDIRECT_URI = `${PUBLIC_URL}${OIDC_CALLBACK_PATH}`;
const PENDING_COOKIE = 'ctpat_oidc';

let provider: OidcTestProvider;
let database: DatabaseHandle;
let app: FastifyInstance;
let testApp: TestApp | undefined;

beforeAll(async () => {
  provider = await startOidcTestProvider({ redirectUri: REDIRECT_URI });
  testApp = await buildTestApp({
    config: {
      publicUrl: PUBLIC_URL,
      oidc: {
        issuerUrl: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        displayName: 'Login.gov',
      },
    },
    // The provider runs on http://127.0.0.1 (no TLS in a test); see createOidcClient.
    oidcAllowInsecureLoopbackIssuer: true,
  });
  ({ app, database } = testApp);
});

afterAll(async () => {
  await testApp?.close();
  await provider?.close();
});

function cookieOf(response: LightMyRequestResponse, name: string) {
  return response.cookies.find((cookie) => cookie.name === name);
}

interface Flow {
  start: LightMyRequestResponse;
  /** Where the provider sent the browser back (the callback URL with code, state, iss). */
  returnedTo: URL;
  pendingCookie: string;
  remoteAddress: string;
}

/** The browser's trip: our /start, then the real provider over HTTP, up to its redirect back. */
async function throughProvider(accountId: string): Promise<Flow> {
  const remoteAddress = nextClientAddress();
  const start = await app.inject({
    method: 'GET',
    url: '/api/v1/auth/oidc/start',
    remoteAddress,
  });
  expect(start.statusCode).toBe(302);
  const pendingCookie = cookieOf(start, PENDING_COOKIE)?.value;
  if (!pendingCookie) {
    throw new Error('start set no sign-in cookie');
  }
  const returnedTo = await provider.authorize(String(start.headers.location), accountId);
  return { start, returnedTo, pendingCookie, remoteAddress };
}

function callback(flow: Flow, query = flow.returnedTo.search, pendingCookie = flow.pendingCookie) {
  return app.inject({
    method: 'GET',
    url: `${OIDC_CALLBACK_PATH}${query}`,
    cookies: { [PENDING_COOKIE]: pendingCookie },
    headers: { 'user-agent': 'oidc-integration-test' },
    remoteAddress: flow.remoteAddress,
  });
}

async function sessionOf(response: LightMyRequestResponse) {
  const session = cookieOf(response, 'ctpat_session');
  if (!session) {
    throw new Error('no session cookie');
  }
  const view = await app.inject({
    method: 'GET',
    url: '/api/v1/auth/session',
    cookies: { ctpat_session: session.value },
  });
  return SessionViewSchema.parse(view.json());
}

function identitiesOf(userId: string) {
  return database.db.select().from(userIdentities).where(eq(userIdentities.userId, userId));
}

function expectNoSession(response: LightMyRequestResponse, error: string) {
  expect(response.statusCode).toBe(302);
  expect(response.headers.location).toBe(`/sign-in?error=${error}`);
  expect(cookieOf(response, 'ctpat_session')).toBeUndefined();
}

describe('GET /api/v1/auth/oidc', () => {
  it('tells the sign-in page that single sign-on is offered, and by whom', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ enabled: true, displayName: 'Login.gov' });
  });

  it('says it is off, and has no sign-in routes, when the deployment does not configure it', async () => {
    const plain = await buildTestApp({ database });
    try {
      const status = await plain.app.inject({ method: 'GET', url: '/api/v1/auth/oidc' });
      const start = await plain.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
      expect(status.json()).toEqual({ enabled: false, displayName: null });
      expect(start.statusCode).toBe(404);
    } finally {
      await plain.app.close();
    }
  });

  it('documents the sign-in routes in a valid OpenAPI document when enabled', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/oidc',
        '/api/v1/auth/oidc/start',
        '/api/v1/auth/oidc/callback',
      ]),
    );
  });
});

describe('OpenID Connect sign-in against a real provider', () => {
  it('redirects to the provider with PKCE (S256), state, nonce and scope "openid email"', async () => {
    const start = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/oidc/start',
      remoteAddress: nextClientAddress(),
    });

    expect(start.statusCode).toBe(302);
    const location = new URL(String(start.headers.location));
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('client_id')).toBe(provider.clientId);
    expect(location.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('scope')).toBe('openid email');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    const cookie = cookieOf(start, PENDING_COOKIE);
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/api/v1/auth/oidc',
      maxAge: 600,
    });
    // The verifier never leaves the server side in the clear for the provider to see.
    expect(start.headers.location).not.toContain(cookie?.value ?? 'missing');
  });

  it('signs in the account with the verified e-mail, links the identity and audits both', async () => {
    const user = await createUser(database.db, { role: 'contributor' });
    const sub = `sub-${randomUUID()}`;
    provider.setAccount({ sub, email: user.email.toUpperCase(), emailVerified: true });

    const flow = await throughProvider(sub);
    expect(`${flow.returnedTo.origin}${flow.returnedTo.pathname}`).toBe(REDIRECT_URI);
    expect(flow.returnedTo.searchParams.get('code')).toBeTruthy();
    const response = await callback(flow);

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(cookieOf(response, 'ctpat_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The sign-in cookie is spent.
    expect(cookieOf(response, PENDING_COOKIE)?.value).toBe('');
    const view = await sessionOf(response);
    expect(view.signedIn && view.user.id).toBe(user.id);
    expect(view.signedIn && view.organisationId).toBe(user.organisation.id);
    expect(view.signedIn && view.mfa).toBe('not_required');

    expect(await identitiesOf(user.id)).toEqual([
      expect.objectContaining({ issuer: provider.issuer, subject: sub, userId: user.id }),
    ]);
    const result = await database.db.execute(
      sql`select action, target_id, after from audit_events where actor_user_id = ${user.id}`,
    );
    const events = z
      .object({
        rows: z.array(z.object({ action: z.string(), target_id: z.string(), after: z.unknown() })),
      })
      .parse(result).rows;
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'session.signed_in',
          after: { method: 'oidc', userAgent: 'oidc-integration-test' },
        }),
        expect.objectContaining({
          action: 'user.updated',
          target_id: user.id,
          after: { linkedIssuer: provider.issuer },
        }),
      ]),
    );
    expect((await verifyAuditTrail(database.db)).ok).toBe(true);
  });

  it('signs in again by subject once linked, even after the e-mail claim changes', async () => {
    const user = await createUser(database.db, { role: 'contributor' });
    const sub = `sub-${randomUUID()}`;
    provider.setAccount({ sub, email: user.email, emailVerified: true });
    const first = await callback(await throughProvider(sub));
    expect(first.headers.location).toBe('/');

    provider.setAccount({
      sub,
      email: `elsewhere-${randomUUID()}@example.test`,
      emailVerified: false,
    });
    const second = await callback(await throughProvider(sub));

    expect(second.statusCode).toBe(302);
    expect(second.headers.location).toBe('/');
    const view = await sessionOf(second);
    expect(view.signedIn && view.user.id).toBe(user.id);
    expect(view.signedIn && view.user.email).toBe(user.email);
    expect(await identitiesOf(user.id)).toHaveLength(1);
  });

  it('keeps the usual MFA rules: a role that needs MFA must still enrol', async () => {
    const user = await createUser(database.db, { role: 'company_officer' });
    const sub = `sub-${randomUUID()}`;
    provider.setAccount({ sub, email: user.email, emailVerified: true });

    const response = await callback(await throughProvider(sub));

    const view = await sessionOf(response);
    expect(view.signedIn && view.mfa).toBe('enrolment_required');
  });

  it('starts no session for an e-mail address without an account here', async () => {
    const sub = `sub-${randomUUID()}`;
    provider.setAccount({
      sub,
      email: `stranger-${randomUUID()}@example.test`,
      emailVerified: true,
    });

    const response = await callback(await throughProvider(sub));

    expectNoSession(response, 'sso_no_account');
  });

  it('does not match on an address the provider has not verified', async () => {
    const user = await createUser(database.db, { role: 'contributor' });
    const sub = `sub-${randomUUID()}`;
    provider.setAccount({ sub, email: user.email, emailVerified: false });

    const response = await callback(await throughProvider(sub));

    expectNoSession(response, 'sso_no_account');
    expect(await identitiesOf(user.id)).toEqual([]);
  });

  it('refuses a disabled account', async () => {
    const user = await createUser(database.db, { role: 'contributor' });
    await updateUser(database.db, user.id, { status: 'disabled' }, TEST_NOW);
    const sub = `sub-${randomUUID()}`;
    provider.setAccount({ sub, email: user.email, emailVerified: true });

    expectNoSession(await callback(await throughProvider(sub)), 'sso_no_account');
  });

  it('does not let a second subject with the same address take over a linked account', async () => {
    const user = await createUser(database.db, { role: 'contributor' });
    const original = `sub-${randomUUID()}`;
    provider.setAccount({ sub: original, email: user.email, emailVerified: true });
    expect((await callback(await throughProvider(original))).headers.location).toBe('/');
    const newcomer = `sub-${randomUUID()}`;
    provider.setAccount({ sub: newcomer, email: user.email, emailVerified: true });

    const response = await callback(await throughProvider(newcomer));

    expectNoSession(response, 'sso_no_account');
    expect((await identitiesOf(user.id)).map((identity) => identity.subject)).toEqual([original]);
  });

  it('refuses a tampered state, a missing or forged sign-in cookie, and a provider error', async () => {
    const user = await createUser(database.db, { role: 'contributor' });
    const sub = `sub-${randomUUID()}`;
    provider.setAccount({ sub, email: user.email, emailVerified: true });
    const flow = await throughProvider(sub);

    const tamperedState = new URLSearchParams(flow.returnedTo.search);
    tamperedState.set('state', 'attacker-chosen-state');
    expectNoSession(await callback(flow, `?${tamperedState}`), 'sso_failed');

    const [body, signature] = flow.pendingCookie.split('.');
    expectNoSession(await callback(flow, undefined, `${body}.${signature}x`), 'sso_failed');
    expectNoSession(
      await app.inject({
        method: 'GET',
        url: `${OIDC_CALLBACK_PATH}${flow.returnedTo.search}`,
        remoteAddress: flow.remoteAddress,
      }),
      'sso_failed',
    );
    const denied = new URLSearchParams({
      error: 'access_denied',
      state: flow.returnedTo.searchParams.get('state') ?? '',
      iss: provider.issuer,
    });
    expectNoSession(await callback(flow, `?${denied}`), 'sso_failed');
    // None of that spent the code: the genuine browser still signs in with it.
    const genuine = await callback(flow);
    expect(genuine.headers.location).toBe('/');
    // And it is single-use.
    expectNoSession(await callback(flow), 'sso_failed');
  });
});
