import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AUDIT_EXPORT_MAX_ROWS,
  AuditEventFilterSchema,
  AuditEventListQuerySchema,
  AuditEventPageSchema,
} from '../../../domain/audit/audit-query.schema.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import { exportAuditEventsCsv, listAuditEvents } from './audit.query.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-events',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary:
          "The audit trail, newest first: your organisation's, or all of it with audit:read:any",
        querystring: AuditEventListQuerySchema,
        response: { 200: AuditEventPageSchema, ...errors },
      },
    },
    (request) => listAuditEvents(request.serviceContext(), request.query),
  );

  app.get(
    '/audit-events/export.csv',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail as CSV (same filters), newest first',
        description:
          `At most ${AUDIT_EXPORT_MAX_ROWS} rows; x-export-truncated: true says more matched. ` +
          'Cells starting with = + - @ are prefixed with a single quote (no spreadsheet formulas).',
        querystring: AuditEventFilterSchema,
        response: {
          200: {
            description: 'CSV with a header row, one row per event',
            // Typed unknown: the body is a stream, which Fastify sends without serialising.
            content: { 'text/csv': { schema: z.unknown().meta({ type: 'string' }) } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const exported = await exportAuditEventsCsv(request.serviceContext(), request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exported.filename}"`)
        .header('cache-control', 'no-store')
        .header('x-export-truncated', String(exported.truncated))
        .send(exported.body);
    },
  );
};
