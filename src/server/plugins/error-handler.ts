import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import {
  AppError,
  ERROR_STATUS,
  type ErrorCode,
  type FieldIssue,
} from '../../domain/errors/error-codes.ts';
import type { ErrorResponse } from '../../domain/errors/error-response.schema.ts';

/** Fastify's own client errors (bad JSON, wrong content type, body too large) by status. */
const CODE_BY_CLIENT_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorResponse {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** `body.legalName`, `querystring.limit`, `body.entityTypes.0`: where the bad value was. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return [context, inner].filter((part) => part !== undefined && part !== '').join('.');
}

function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: unknown) {
  return reply.status(ERROR_STATUS[code]).send(errorBody(code, message, details));
}

/**
 * One error shape for the whole API (architecture.md): expected errors carry their code and
 * message; validation failures list every bad field; anything else is logged and answered with
 * a generic 500 that never leaks internals.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        if (error.status >= 500) {
          request.log.error({ err: error }, error.message);
        }
        return sendError(reply, error.code, error.message, error.details);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues: FieldIssue[] = error.validation.map((issue) => ({
          path: fieldPath(error.validationContext, issue.instancePath),
          message: issue.message ?? 'is not valid',
        }));
        return sendError(reply, 'VALIDATION_FAILED', 'The request is not valid', { issues });
      }
      if (error instanceof ZodError) {
        // A service validated its own input (e.g. a decoded cursor) and found it wrong.
        const issues: FieldIssue[] = error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        }));
        return sendError(reply, 'VALIDATION_FAILED', 'The request is not valid', { issues });
      }
      const status = error.statusCode ?? 500;
      const clientCode = CODE_BY_CLIENT_STATUS[status];
      if (status < 500 && clientCode !== undefined) {
        // Fastify's own messages for these (invalid JSON, unsupported media type) are safe.
        return sendError(reply, clientCode, error.message);
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendError(reply, 'INTERNAL_ERROR', 'Something went wrong on our side');
    });
  },
  { name: 'error-handler' },
);
