import { z } from 'zod';
import { ErrorResponseSchema } from '../../domain/errors/error-response.schema.ts';

/**
 * Codes the client itself produces when there is no API error body to read: the server could
 * not be reached, answered with something other than the API's error shape, or answered with a
 * body that does not match the expected schema. Every other code comes from the API
 * (src/domain/errors/error-codes.ts).
 */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'HTTP_ERROR', 'UNEXPECTED_RESPONSE'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export function isClientErrorCode(code: string): code is ClientErrorCode {
  return CLIENT_ERROR_CODES.some((known) => known === code);
}

export interface ApiErrorInit {
  code: string;
  message: string;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  details?: unknown;
}

/** A failed API call, carrying the API's `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** `/api/v1/organisations` + `{ limit: 25, kind: undefined }` → `/api/v1/organisations?limit=25`. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(name, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromResponse(response: Response, body: unknown): ApiError {
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    return new ApiError({ ...parsed.data.error, status: response.status });
  }
  return new ApiError({
    code: 'HTTP_ERROR',
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
    status: response.status,
  });
}

/**
 * The session's CSRF token (from the session view), sent as `x-csrf-token` on every
 * state-changing request. The session cookie itself is httpOnly: scripts never see it.
 */
let csrfToken: string | null = null;

export const CSRF_HEADER = 'x-csrf-token';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type UnsafeMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * GETs a JSON resource and checks it against the same Zod schema the server answers with, so a
 * drift between server and client surfaces as an error instead of a broken page.
 */
export function apiGet<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: RequestOptions = {},
): Promise<z.output<Schema>> {
  return request('GET', path, schema, undefined, options);
}

/**
 * Sends a state-changing request (JSON body, or a FormData for an upload; CSRF header) and
 * checks the answer against `schema`. An empty answer (204) is read as `null`: pass `z.null()`.
 */
export function apiSend<Schema extends z.ZodType>(
  method: UnsafeMethod,
  path: string,
  schema: Schema,
  body?: unknown,
  options: RequestOptions = {},
): Promise<z.output<Schema>> {
  return request(method, path, schema, body, options);
}

async function request<Schema extends z.ZodType>(
  method: 'GET' | UnsafeMethod,
  path: string,
  schema: Schema,
  body: unknown,
  options: RequestOptions,
): Promise<z.output<Schema>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken !== null) {
    headers[CSRF_HEADER] = csrfToken;
  }
  // A FormData body (a file upload) sets its own multipart content type and boundary.
  const form = body instanceof FormData ? body : null;
  if (body !== undefined && form === null) {
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(form !== null
        ? { body: form }
        : body !== undefined
          ? { body: JSON.stringify(body) }
          : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError({
      code: 'NETWORK_ERROR',
      message: error instanceof Error ? error.message : 'The request failed',
      status: 0,
    });
  }
  const answer = await readJson(response);
  if (!response.ok) {
    throw errorFromResponse(response, answer);
  }
  const parsed = schema.safeParse(answer ?? null);
  if (!parsed.success) {
    throw new ApiError({
      code: 'UNEXPECTED_RESPONSE',
      message: `The response from ${path} did not match the expected shape`,
      status: response.status,
      details: parsed.error.issues,
    });
  }
  return parsed.data;
}

const FieldIssuesSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

/**
 * The field problems of a failed request, by field: `body.newPassword` → `newPassword`
 * (`body.permissions.0` → `permissions`). Empty when the error names no field.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) {
    return {};
  }
  const parsed = FieldIssuesSchema.safeParse(error.details);
  if (!parsed.success) {
    return {};
  }
  const found: Record<string, string> = {};
  for (const issue of parsed.data.issues) {
    const [where, field] = issue.path.split('.');
    const name = where === 'body' || where === 'querystring' ? field : where;
    if (name && found[name] === undefined) {
      found[name] = issue.message;
    }
  }
  return found;
}
