import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  PROFILE_EXPORT_CONTENT_TYPES,
  ProfileExportQuerySchema,
} from '../../../domain/security-profile/profile-export.schema.ts';
import { VersionIdParamsSchema } from '../../../domain/security-profile/profile-review.schema.ts';
import {
  exportOwnProfile,
  exportOwnVersion,
  exportVersionForReview,
  type ProfileExport,
} from './profile-export.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

const DESCRIPTION =
  'format=pdf or docx: a cover, the company data, readiness per category, every applicable ' +
  'criterion with its answer, evidence and CBP review, and an evidence index. format=xlsx: one ' +
  'row per criterion and an Evidence sheet. Reading only: nothing is recorded.';

/** The file, typed unknown: the body is a buffer, which Fastify sends as it is. */
const FILE_RESPONSE = {
  description: 'The document, as an attachment',
  content: Object.fromEntries(
    Object.values(PROFILE_EXPORT_CONTENT_TYPES).map((type) => [
      type,
      { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
    ]),
  ),
};

function send(reply: FastifyReply, exported: ProfileExport) {
  return reply
    .header('content-type', exported.contentType)
    .header('content-disposition', `attachment; filename="${exported.filename}"`)
    .header('cache-control', 'no-store')
    .send(exported.body);
}

/** The Security Profile as PDF, Word or Excel (issue 5, item 7). */
export const profileExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/profile/export',
    {
      config: { permission: 'profile:read' },
      schema: {
        tags: ['security-profile'],
        summary: 'Your company’s working Security Profile as PDF, Word (DOCX) or Excel (XLSX)',
        description: DESCRIPTION,
        querystring: ProfileExportQuerySchema,
        response: { 200: FILE_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      send(reply, await exportOwnProfile(request.serviceContext(), request.query)),
  );

  app.get(
    '/profile/versions/:versionId/export',
    {
      config: { permission: 'profile:read' },
      schema: {
        tags: ['security-profile'],
        summary: 'One submitted version of your profile, as frozen, as PDF, Word or Excel',
        description: DESCRIPTION,
        params: VersionIdParamsSchema,
        querystring: ProfileExportQuerySchema,
        response: { 200: FILE_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await exportOwnVersion(request.serviceContext(), request.params.versionId, request.query),
      ),
  );

  app.get(
    '/profiles/versions/:versionId/export',
    {
      config: { permission: 'profile:read:any' },
      schema: {
        tags: ['security-profile'],
        summary: 'A member’s submitted profile version as PDF, Word or Excel (CBP)',
        description: DESCRIPTION,
        params: VersionIdParamsSchema,
        querystring: ProfileExportQuerySchema,
        response: { 200: FILE_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await exportVersionForReview(
          request.serviceContext(),
          request.params.versionId,
          request.query,
        ),
      ),
  );
};
