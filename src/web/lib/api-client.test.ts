import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiGet, apiSend, apiUrl, fieldErrorsOf, setCsrfToken } from './api-client.ts';

const ItemSchema = z.object({ name: z.string() });

function answer(status: number, body: string, contentType = 'application/json') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status, headers: { 'content-type': contentType } })),
  );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) {
    throw new Error(`expected an ApiError, got ${String(error)}`);
  }
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiUrl', () => {
  it('leaves out empty parameters and encodes the rest', () => {
    expect(
      apiUrl('/api/v1/organisations', { limit: 25, kind: undefined, q: 'A&B', cursor: null }),
    ).toBe('/api/v1/organisations?limit=25&q=A%26B');
    expect(apiUrl('/api/v1/organisations', { q: '' })).toBe('/api/v1/organisations');
  });
});

describe('apiGet', () => {
  it('returns the body parsed by the schema', async () => {
    answer(200, JSON.stringify({ name: 'Great Lakes Home Goods, Inc.' }));
    await expect(apiGet('/api/v1/x', ItemSchema)).resolves.toEqual({
      name: 'Great Lakes Home Goods, Inc.',
    });
  });

  it('turns the API error shape into an ApiError with code, message, status and details', async () => {
    answer(
      400,
      JSON.stringify({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid',
          details: { issues: [{ path: 'querystring.limit', message: 'too big' }] },
        },
      }),
    );
    const error = await failure(apiGet('/api/v1/x', ItemSchema));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('The request is not valid');
    expect(error.status).toBe(400);
    expect(error.details).toEqual({ issues: [{ path: 'querystring.limit', message: 'too big' }] });
  });

  it('reports an error response without the API shape as HTTP_ERROR', async () => {
    answer(502, '<html>Bad gateway</html>', 'text/html');
    const error = await failure(apiGet('/api/v1/x', ItemSchema));
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(502);
  });

  it('reports a body that does not match the schema as UNEXPECTED_RESPONSE', async () => {
    answer(200, JSON.stringify({ title: 'no name' }));
    const error = await failure(apiGet('/api/v1/x', ItemSchema));
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
    expect(error.details).toBeInstanceOf(Array);
  });

  it('reports an unreachable server as NETWORK_ERROR with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await failure(apiGet('/api/v1/x', ItemSchema));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.status).toBe(0);
  });
});

describe('apiSend', () => {
  it('sends JSON with the session CSRF token, and reads an empty answer as null', async () => {
    const fetchMock = vi.fn(
      async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('csrf-123');
    await expect(apiSend('DELETE', '/api/v1/x/1', z.null(), { reason: 'test' })).resolves.toBe(
      null,
    );
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/x/1');
    expect(init).toMatchObject({
      method: 'DELETE',
      credentials: 'same-origin',
      body: JSON.stringify({ reason: 'test' }),
      headers: { 'x-csrf-token': 'csrf-123', 'content-type': 'application/json' },
    });
  });

  it('sends no CSRF header on reads, nor before a session exists', async () => {
    const fetchMock = vi.fn(
      async (_url: string, _init?: RequestInit) => new Response('{"name":"x"}', { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('csrf-123');
    await apiGet('/api/v1/x', ItemSchema);
    setCsrfToken(null);
    await apiSend('POST', '/api/v1/x', ItemSchema);
    for (const call of fetchMock.mock.calls) {
      const init: unknown = call[1];
      expect(JSON.stringify(init)).not.toContain('x-csrf-token');
    }
  });
});

describe('fieldErrorsOf', () => {
  it('maps body and query issue paths to field names, first issue per field', () => {
    const error = new ApiError({
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid',
      status: 400,
      details: {
        issues: [
          { path: 'body.newPassword', message: 'is too short' },
          { path: 'body.newPassword', message: 'second' },
          { path: 'body.permissions.0', message: 'cannot be granted' },
          { path: 'querystring.cursor', message: 'bad cursor' },
        ],
      },
    });
    expect(fieldErrorsOf(error)).toEqual({
      newPassword: 'is too short',
      permissions: 'cannot be granted',
      cursor: 'bad cursor',
    });
  });

  it('finds nothing in other errors', () => {
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
    expect(
      fieldErrorsOf(new ApiError({ code: 'CONFLICT', message: 'x', status: 409, details: {} })),
    ).toEqual({});
  });
});
