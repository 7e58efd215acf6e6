import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  ValidationMetricsQuerySchema,
  ValidationMetricsSchema,
} from '../../../domain/validations/validation-metrics.schema.ts';
import { exportValidationMetrics, validationMetrics } from './validation-metrics.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;
const TAGS = ['validation-metrics'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EXPORT_DESCRIPTION =
  'Columns: section (overall, office, specialist, criterion), id, name, then the numbers of ' +
  'GET /cbp/validations/metrics. CSV cells starting with = + - @ are prefixed with a single ' +
  'quote; XLSX cells are text or numbers, never formulas.';

/** Validation consistency metrics (issue 6, item 8) and their CSV and XLSX exports. */
export const validationMetricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cbp/validations/metrics',
    {
      config: { permission: 'validation:metrics:any' },
      schema: {
        tags: TAGS,
        summary: 'Consistency of validations per office and specialist',
        description:
          'Validations whose report was issued (or, without a report day, closed) in the period: ' +
          'findings by rating and per criterion, required-action and best-practice shares, days ' +
          'from notice to report (median, 90th percentile), staff hours per validation by ' +
          'activity; outliers outside Tukey fences of their peers when at least 4 peers have data.',
        querystring: ValidationMetricsQuerySchema,
        response: { 200: ValidationMetricsSchema, ...ERRORS },
      },
    },
    (request) => validationMetrics(request.serviceContext(), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/cbp/validations/metrics.${format}`,
      {
        config: { permission: 'validation:metrics:any' },
        schema: {
          tags: TAGS,
          summary: `The validation consistency metrics as ${format.toUpperCase()}`,
          description: EXPORT_DESCRIPTION,
          querystring: ValidationMetricsQuerySchema,
          response: {
            200: {
              description: 'A header row, then one row per group and per criterion',
              content:
                format === 'csv'
                  ? { 'text/csv': { schema: z.unknown().meta({ type: 'string' }) } }
                  : {
                      [XLSX_TYPE]: {
                        schema: z.unknown().meta({ type: 'string', format: 'binary' }),
                      },
                    },
            },
            ...ERRORS,
          },
        },
      },
      async (request, reply) => {
        const exported = await exportValidationMetrics(
          request.serviceContext(),
          request.query,
          format,
        );
        return reply
          .header('content-type', exported.contentType)
          .header('content-disposition', `attachment; filename="${exported.filename}"`)
          .header('cache-control', 'no-store')
          .send(exported.body);
      },
    );
  }
};
