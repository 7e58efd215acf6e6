import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  BULK_TRANSITION_MAX,
  BulkTransitionBodySchema,
  BulkTransitionResultSchema,
  MEMBER_EXPORT_MAX_ROWS,
  MemberExportQuerySchema,
  MemberListQuerySchema,
  MemberPageSchema,
  SpecialistListSchema,
} from '../../../domain/registry/member-queue.schema.ts';
import { bulkTransitionMembers } from './member-bulk-transitions.service.ts';
import { exportMembers } from './member-export.service.ts';
import { listMembers, listSpecialists } from './member-queue.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

/** The CBP work queue over every member: search, export, bulk transitions (issue 4, 7 and 10). */
export const memberQueueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/registry/members',
    {
      config: { permission: 'registry:read:any' },
      schema: {
        tags: ['registry'],
        summary: 'Every member company’s membership: the CBP work queue and member search',
        description:
          'Filters combine (AND). sort=name (default), submitted (oldest application first; ' +
          'members that never submitted last) or status_since (longest in its status first).',
        querystring: MemberListQuerySchema,
        response: { 200: MemberPageSchema, ...ERRORS },
      },
    },
    (request) => listMembers(request.serviceContext(), request.query),
  );

  app.get(
    '/registry/members/export',
    {
      config: { permission: 'registry:read:any' },
      schema: {
        tags: ['registry'],
        summary: 'The member list as CSV or XLSX (same filters and sort)',
        description:
          `At most ${MEMBER_EXPORT_MAX_ROWS} rows; x-export-truncated: true (and the file ` +
          'name) say when more matched. CSV cells starting with = + - @ are prefixed with a ' +
          'single quote; XLSX cells are text, never formulas.',
        querystring: MemberExportQuerySchema,
        response: {
          200: {
            description: 'A header row, then one row per member',
            // Typed unknown: the body is a stream or a buffer, which Fastify sends as it is.
            content: {
              'text/csv': { schema: z.unknown().meta({ type: 'string' }) },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: z.unknown().meta({ type: 'string', format: 'binary' }),
              },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const exported = await exportMembers(request.serviceContext(), request.query);
      return reply
        .header('content-type', exported.contentType)
        .header('content-disposition', `attachment; filename="${exported.filename}"`)
        .header('cache-control', 'no-store')
        .header('x-export-truncated', String(exported.truncated))
        .send(exported.body);
    },
  );

  app.post(
    '/registry/members/bulk-transitions',
    {
      config: { permission: 'registry:review:any' },
      schema: {
        tags: ['registry'],
        summary: `Apply one transition to up to ${BULK_TRANSITION_MAX} members, all or nothing (CBP)`,
        description:
          'expectedCount must equal the number of organisationIds (the count the person ' +
          'confirmed). If any member refuses, nothing is written and the 409 answer lists ' +
          'each in error.details.refused[{organisationId, legalName, code, message}].',
        body: BulkTransitionBodySchema,
        response: { 200: BulkTransitionResultSchema, ...ERRORS },
      },
    },
    (request) => bulkTransitionMembers(request.serviceContext(), request.body),
  );

  app.get(
    '/registry/specialists',
    {
      config: { permission: 'registry:read:any' },
      schema: {
        tags: ['registry'],
        summary: 'The CTPAT specialists of every CBP office: whom members are assigned to',
        response: { 200: SpecialistListSchema, ...ERRORS },
      },
    },
    (request) => listSpecialists(request.serviceContext()),
  );
};
