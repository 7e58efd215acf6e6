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
