import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Adapter, type AdapterPayload, Provider } from 'oidc-provider';

/** A person known to the test provider, with the claims it asserts about them. */
export interface OidcTestAccount {
  sub: string;
  email: string;
  emailVerified: boolean;
}

export interface OidcTestProvider {
  /** http://127.0.0.1:<random port> */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds an account, or changes the claims of one (e.g. a new e-mail address). */
  setAccount(account: OidcTestAccount): void;
  /**
   * Plays the browser at the provider: follows redirects from the authorization URL, logging
   * in as `accountId` and consenting, until the provider redirects to the client's redirect
   * URI. Returns that URL (with code, state and iss), without requesting it.
   */
  authorize(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * oidc-provider's storage, in memory. The provider has its own in-memory adapter but announces
 * it with a console warning on start (which fails a test here); this one is as small as the
 * contract allows.
 */
function memoryAdapter(): (name: string) => Adapter {
  const store = new Map<string, { payload: AdapterPayload; expiresAt: number | null }>();
  const live = (entry: { payload: AdapterPayload; expiresAt: number | null } | undefined) =>
    entry && (entry.expiresAt === null || entry.expiresAt > Date.now()) ? entry.payload : undefined;
  const findWhere = (name: string, match: (payload: AdapterPayload) => boolean) => {
    for (const [key, entry] of store) {
      if (key.startsWith(`${name}:`) && match(entry.payload)) {
        return live(entry);
      }
    }
    return undefined;
  };
  return (name) => ({
    async upsert(id, payload, expiresIn) {
      store.set(`${name}:${id}`, {
        payload,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null,
      });
    },
    async find(id) {
      return live(store.get(`${name}:${id}`));
    },
    async findByUid(uid) {
      return findWhere(name, (payload) => payload.uid === uid);
    },
    async findByUserCode(userCode) {
      return findWhere(name, (payload) => payload.userCode === userCode);
    },
    async consume(id) {
      const entry = store.get(`${name}:${id}`);
      if (entry) {
        entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) };
      }
    },
    async destroy(id) {
      store.delete(`${name}:${id}`);
    },
    async revokeByGrantId(grantId) {
      for (const [key, entry] of store) {
        if (entry.payload.grantId === grantId) {
          store.delete(key);
        }
      }
    },
  });
}

/** A minimal cookie jar: every cookie goes back on every request (one host, test only). */
function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    store(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const separator = pair.indexOf('=');
        const name = pair.slice(0, separator).trim();
        const value = pair.slice(separator + 1).trim();
        const expired = attributes.some((attribute) =>
          /^\s*(max-age=0|expires=.*1970)/i.test(attribute),
        );
        if (expired || value === '') {
          cookies.delete(name);
        } else {
          cookies.set(name, value);
        }
      }
    },
  };
}

/**
 * A real OpenID Connect provider (panva's oidc-provider, certified) on 127.0.0.1 and a random
 * port, with one confidential client for `redirectUri`, PKCE required, and an interaction
 * endpoint that needs no forms: GET /interaction/<uid>?account=<sub> logs that account in (or
 * grants consent to "openid email") and resumes the authorization request.
 */
export async function startOidcTestProvider(options: {
  redirectUri: string;
}): Promise<OidcTestProvider> {
  const accounts = new Map<string, OidcTestAccount>();
  const clientId = 'openctpat-test';
  const clientSecret = randomBytes(24).toString('base64url');

  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('the test provider is not listening on a TCP port');
  }
  const issuer = `http://127.0.0.1:${address.port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account
        ? {
            accountId: sub,
            claims: () => ({
              sub,
              email: account.email,
              email_verified: account.emailVerified,
            }),
          }
        : undefined;
    },
  });

  async function interact(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const accountId = new URL(request.url ?? '/', issuer).searchParams.get('account');
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'login') {
      if (!accountId || !accounts.has(accountId)) {
        response.statusCode = 400;
        response.end('unknown test account');
        return;
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const clientIdParam = details.params.client_id;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session?.accountId,
          clientId: typeof clientIdParam === 'string' ? clientIdParam : undefined,
        });
    if (!grant) {
      throw new Error(`grant ${details.grantId} not found`);
    }
    grant.addOIDCScope('openid email');
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  const providerCallback = provider.callback();
  handle = (request, response) => {
    if (request.url?.startsWith('/interaction/')) {
      interact(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    providerCallback(request, response);
  };

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount(account) {
      accounts.set(account.sub, account);
    },
    async authorize(authorizationUrl, accountId) {
      const jar = cookieJar();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 12; hop += 1) {
        if (url.href.startsWith(`${options.redirectUri}?`)) {
          return url;
        }
        if (url.origin === issuer && url.pathname.startsWith('/interaction/')) {
          url.searchParams.set('account', accountId);
        }
        const response = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: jar.header() },
        });
        jar.store(response);
        const location = response.headers.get('location');
        if (response.status < 300 || response.status > 399 || !location) {
          throw new Error(
            `the test provider answered ${response.status} at ${url.pathname}: ${await response.text()}`,
          );
        }
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the test provider');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
