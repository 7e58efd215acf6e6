/**
 * The closed list of error codes the API can answer with. Every code maps to one HTTP status
 * so the error handler never has to guess. New modules add their codes here (and a test in
 * error-codes.test.ts keeps the map exhaustive).
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  /** A one-time link or code that is unknown, expired or already used. */
  TOKEN_INVALID: 400,
  MFA_CODE_INVALID: 400,
  UNAUTHENTICATED: 401,
  /** Wrong e-mail or password: one answer for both, so addresses cannot be probed. */
  INVALID_CREDENTIALS: 401,
  /** Signed in, but the second factor is still to be checked or enrolled. */
  MFA_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, value);
}

/** One field-level problem: `path` is the dotted path of the field, `message` says why. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The error every layer throws for an expected failure. The HTTP error handler turns it into
 * `{ error: { code, message, details } }` with the status from ERROR_STATUS; services never
 * touch the reply.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

export function notFound(what: string): AppError {
  // One message for "does not exist" and "belongs to another tenant", so ids cannot be probed.
  return new AppError('NOT_FOUND', `${what} not found`);
}
