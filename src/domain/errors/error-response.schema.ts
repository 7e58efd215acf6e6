import { z } from 'zod';

/** The single error shape of the API (architecture.md, "HTTP API"). */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED'),
      message: z.string().describe('Human-readable explanation'),
      details: z.unknown().optional().describe('Structured context, e.g. field issues'),
    }),
  })
  .meta({ id: 'ErrorResponse' });

export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/**
 * The error answers most routes declare in their OpenAPI schema (bad input, not signed in, not
 * allowed, not found or another tenant's, wrong state), one shape for all: spread it into a
 * route's `response` and add any other status the route may answer (e.g. 413).
 */
export const STANDARD_ERROR_RESPONSES = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
} as const;
