import { Writable } from 'node:stream';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, TEST_NOW, type TestApp } from '../../tests/setup/test-app.ts';
import { openTestDatabase } from '../../tests/setup/test-database.ts';
import { fixedClock } from '../domain/time/clock.ts';
import { buildApp } from './app.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await buildTestApp();
});

afterAll(async () => {
  await testApp.close();
});

const testConfig = {
  logLevel: 'silent',
  logPretty: false,
  nodeEnv: 'test',
  webDistDir: '/nonexistent-web-dist',
} as const;

describe('operations endpoints', () => {
  it('/healthz answers 200 while the process is up', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 when the database answers and 503 when it does not', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig, database, clock: fixedClock(TEST_NOW) });
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);

    await database.close();
    const down = await app.inject({ method: 'GET', url: '/readyz' });

    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable' },
    });
    await app.close();
  });

  it('/metrics exposes request durations by route pattern in Prometheus text', async () => {
    await testApp.app.inject({ method: 'GET', url: '/healthz' });
    const response = await testApp.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /ctpat_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} \d+/,
    );
    expect(response.body).toContain('ctpat_process_resident_memory_bytes');
  });
});

describe('OpenAPI', () => {
  it('/api/openapi.json is a valid OpenAPI 3.1 document describing the API', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json();

    const validator = new Validator();
    const result = await validator.validate(document);

    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/organisations',
        '/api/v1/organisations/{id}',
        '/healthz',
        '/readyz',
      ]),
    );
  });

  it('/api/docs serves the browsable documentation', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger-ui');
  });
});

describe('errors', () => {
  it('answers unknown API routes with the single error shape', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'No route GET /api/v1/nothing-here' },
    });
  });

  it('turns an unexpected error into a logged generic 500 that leaks nothing', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const database = await openTestDatabase();
    const app = await buildApp({
      config: { ...testConfig, logLevel: 'error' },
      database,
      logStream: sink,
    });
    app.get('/boom', async () => {
      throw new Error('secret internal detail: table xyz');
    });
    await app.ready();

    const response = await app.inject({ method: 'GET', url: '/boom' });

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' },
    });
    expect(response.body).not.toContain('secret internal detail');
    expect(lines.join('')).toContain('secret internal detail');
    await app.close();
    await database.close();
  });

  it('answers malformed JSON and oversized bodies with coded client errors', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig, database });
    app.post(
      '/api/v1/echo',
      { config: { permission: null }, schema: { body: z.object({ name: z.string() }) } },
      async (request) => request.body,
    );
    await app.ready();

    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    const missingField = await app.inject({ method: 'POST', url: '/api/v1/echo', payload: {} });
    const tooLarge = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 1) }),
    });

    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    expect(missingField.json().error.details.issues).toEqual([
      { path: 'body.name', message: 'Invalid input: expected string, received undefined' },
    ]);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    await app.close();
    await database.close();
  });
});

describe('authorization: route permission (check 1 of 3)', () => {
  it('refuses to start when an API route declares no permission', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig, database });
    expect(() => app.get('/api/v1/forgotten', async () => ({}))).toThrow(/declares no permission/);
    await app.close();
    await database.close();
  });

  it('answers 401 when an anonymous actor lacks the route permission', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: testConfig, database });
    app.get('/api/v1/guarded', { config: { permission: 'organisations:read' } }, async () => ({
      ok: true,
    }));
    app.addHook('onRequest', async (request) => {
      request.actor = { kind: 'anonymous', permissions: new Set() };
    });
    await app.ready();

    const response = await app.inject({ method: 'GET', url: '/api/v1/guarded' });

    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
    await app.close();
    await database.close();
  });
});

describe('request context and security headers', () => {
  it('gives every response a request id, keeping a safe incoming one and replacing an unsafe one', async () => {
    const generated = await testApp.app.inject({ method: 'GET', url: '/healthz' });
    const kept = await testApp.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'proxy-abc.123' },
    });
    const replaced = await testApp.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'evil\nlog-injection' },
    });

    expect(z.uuid().safeParse(generated.headers['x-request-id']).success).toBe(true);
    expect(kept.headers['x-request-id']).toBe('proxy-abc.123');
    expect(z.uuid().safeParse(replaced.headers['x-request-id']).success).toBe(true);
  });

  it('sends helmet security headers', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('never writes credentials or query strings to the log, even when code logs headers', async () => {
    const lines: string[] = [];
    const database = await openTestDatabase();
    const app = await buildApp({
      config: { ...testConfig, logLevel: 'info' },
      database,
      logStream: { write: (line) => lines.push(line) },
    });
    app.get('/debug-headers', async (request) => {
      request.log.warn(
        {
          headers: { ...request.headers, authorization: 'Bearer top-secret-token' },
          token: 'top-secret-inline',
        },
        'debugging',
      );
      return { ok: true };
    });
    await app.ready();

    await app.inject({
      method: 'GET',
      url: '/debug-headers?invite=top-secret-query',
      headers: { cookie: 'sid=top-secret-session' },
    });

    const log = lines.join('');
    expect(log).toContain('"path":"/debug-headers"');
    expect(log).toContain('debugging');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain('top-secret');
    await app.close();
    await database.close();
  });
});
