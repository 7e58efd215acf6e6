import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../domain/errors/error-codes.ts';
import {
  ErrorResponseSchema,
  STANDARD_ERROR_RESPONSES,
} from '../../../domain/errors/error-response.schema.ts';
import { contentDisposition } from '../../../domain/evidence/content-disposition.ts';
import {
  EvidenceContentQuerySchema,
  EvidenceIdParamsSchema,
  EvidenceLinkParamsSchema,
  EvidenceListQuerySchema,
  EvidencePageSchema,
  EvidenceSchema,
  EvidenceUpdateBodySchema,
  MemberEvidenceItemParamsSchema,
  MemberEvidenceParamsSchema,
} from '../../../domain/evidence/evidence.schema.ts';
import {
  deleteEvidence,
  type EvidenceContent,
  getEvidence,
  getEvidenceContent,
  getMemberEvidenceContent,
  linkEvidence,
  listEvidence,
  listMemberEvidence,
  unlinkEvidence,
  updateEvidenceDetails,
  uploadEvidence,
} from './evidence.service.ts';
import { EVIDENCE_MULTIPART_LIMITS, readEvidenceUpload } from './evidence-multipart.ts';

const ERRORS = { ...STANDARD_ERROR_RESPONSES, 413: ErrorResponseSchema };

const TAGS = ['evidence'];

const CONTENT_RESPONSE = {
  200: z.unknown().meta({ type: 'string', format: 'binary' }).describe('The document’s bytes'),
  ...ERRORS,
};

/**
 * The preview's policy. Images: nothing may load or run (sandbox). PDFs: Chromium refuses to
 * run its PDF viewer in a sandboxed document (crbug.com/413851) and needs inline styles for it,
 * so PDFs get no sandbox but still no scripts, connections or forms of their own; the bytes
 * were checked to be a PDF at upload and go out with that exact type and `nosniff`, so a
 * browser never reads them as a page.
 */
const IMAGE_PREVIEW_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";
const PDF_PREVIEW_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

function wantsInline(inline: string | undefined): boolean {
  return inline === '1' || inline === 'true';
}

/** Sends a document: a download, or a preview for PDFs and images only. */
function sendContent(reply: FastifyReply, content: EvidenceContent, inline: boolean) {
  if (inline && !content.previewable) {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: [
        {
          path: 'querystring.inline',
          message: 'only PDFs and images can be shown in the browser: download this document',
        },
      ],
    });
  }
  const type = content.mediaType.startsWith('text/')
    ? `${content.mediaType}; charset=utf-8`
    : content.mediaType;
  reply
    .header('content-type', type)
    .header(
      'content-disposition',
      contentDisposition(inline ? 'inline' : 'attachment', content.filename),
    )
    .header('x-content-type-options', 'nosniff')
    // A company's evidence is confidential: no shared cache may keep it, nor the browser's.
    .header('cache-control', 'private, no-store')
    .header(
      'content-security-policy',
      inline && content.mediaType === 'application/pdf' ? PDF_PREVIEW_POLICY : IMAGE_PREVIEW_POLICY,
    );
  return reply.send(content.bytes);
}

/** The evidence library (issue 5, item 4); CBP reads a member's library read-only. */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart parsing for these routes only; the limits govern the upload, not the app's 1 MiB
  // JSON body limit (the multipart parser streams the body instead of buffering it).
  await app.register(multipart, { limits: EVIDENCE_MULTIPART_LIMITS, throwFileSizeLimit: false });

  app.post(
    '/evidence',
    {
      config: { permission: 'evidence:manage' },
      schema: {
        tags: TAGS,
        summary: 'Upload a document to your company’s evidence library',
        description:
          'multipart/form-data with one part `file` (at most 25 MiB; PDF, PNG, JPEG, GIF, WebP, CSV, ' +
          'plain text, Word, Excel, PowerPoint: the type is read from the content and must agree with ' +
          'the file name and the part’s Content-Type) and the fields `title` (required), ' +
          '`description`, `expiresOn` (YYYY-MM-DD, not in the past) and `criterionIds` (repeated or ' +
          'comma-separated). A PDF must open without a password. The same content twice answers ' +
          '409 with `details.existingEvidenceId`; a file over the limit answers 413.',
        consumes: ['multipart/form-data'],
        response: { 201: EvidenceSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const upload = await readEvidenceUpload(request);
      const evidence = await uploadEvidence(request.serviceContext(), upload);
      return reply.code(201).send(evidence);
    },
  );

  app.get(
    '/evidence',
    {
      config: { permission: 'evidence:read' },
      schema: {
        tags: TAGS,
        summary: 'Your company’s evidence library, newest first, with expiry state and warnings',
        querystring: EvidenceListQuerySchema,
        response: { 200: EvidencePageSchema, ...ERRORS },
      },
    },
    (request) => listEvidence(request.serviceContext(), request.query),
  );

  app.get(
    '/evidence/:evidenceId',
    {
      config: { permission: 'evidence:read' },
      schema: {
        tags: TAGS,
        summary: 'One document of your company’s library',
        params: EvidenceIdParamsSchema,
        response: { 200: EvidenceSchema, ...ERRORS },
      },
    },
    (request) => getEvidence(request.serviceContext(), request.params.evidenceId),
  );

  app.get(
    '/evidence/:evidenceId/content',
    {
      config: { permission: 'evidence:read' },
      schema: {
        tags: TAGS,
        summary: 'Download a document (inline=1: preview a PDF or an image)',
        params: EvidenceIdParamsSchema,
        querystring: EvidenceContentQuerySchema,
        response: CONTENT_RESPONSE,
      },
    },
    async (request, reply) => {
      const content = await getEvidenceContent(request.serviceContext(), request.params.evidenceId);
      return sendContent(reply, content, wantsInline(request.query.inline));
    },
  );

  app.patch(
    '/evidence/:evidenceId',
    {
      config: { permission: 'evidence:manage' },
      schema: {
        tags: TAGS,
        summary: 'Change a document’s title, description or expiry date',
        params: EvidenceIdParamsSchema,
        body: EvidenceUpdateBodySchema,
        response: { 200: EvidenceSchema, ...ERRORS },
      },
    },
    (request) =>
      updateEvidenceDetails(request.serviceContext(), request.params.evidenceId, request.body),
  );

  app.delete(
    '/evidence/:evidenceId',
    {
      config: { permission: 'evidence:manage' },
      schema: {
        tags: TAGS,
        summary: 'Delete a document from the library (kept for submitted profile versions)',
        params: EvidenceIdParamsSchema,
        response: { 204: z.null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await deleteEvidence(request.serviceContext(), request.params.evidenceId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/evidence/:evidenceId/links/:criterionId',
    {
      config: { permission: 'evidence:manage' },
      schema: {
        tags: TAGS,
        summary: 'Link a document to a criterion of the current catalog',
        params: EvidenceLinkParamsSchema,
        response: { 200: EvidenceSchema, ...ERRORS },
      },
    },
    (request) =>
      linkEvidence(request.serviceContext(), request.params.evidenceId, request.params.criterionId),
  );

  app.delete(
    '/evidence/:evidenceId/links/:criterionId',
    {
      config: { permission: 'evidence:manage' },
      schema: {
        tags: TAGS,
        summary: 'Unlink a document from a criterion',
        params: EvidenceLinkParamsSchema,
        response: { 200: EvidenceSchema, ...ERRORS },
      },
    },
    (request) =>
      unlinkEvidence(
        request.serviceContext(),
        request.params.evidenceId,
        request.params.criterionId,
      ),
  );

  app.get(
    '/registry/members/:organisationId/evidence',
    {
      config: { permission: 'evidence:read:any' },
      schema: {
        tags: TAGS,
        summary: 'A member company’s evidence library (CBP, read-only)',
        params: MemberEvidenceParamsSchema,
        querystring: EvidenceListQuerySchema,
        response: { 200: EvidencePageSchema, ...ERRORS },
      },
    },
    (request) =>
      listMemberEvidence(request.serviceContext(), request.params.organisationId, request.query),
  );

  app.get(
    '/registry/members/:organisationId/evidence/:evidenceId/content',
    {
      config: { permission: 'evidence:read:any' },
      schema: {
        tags: TAGS,
        summary: 'Download (or preview) a member company’s document (CBP)',
        params: MemberEvidenceItemParamsSchema,
        querystring: EvidenceContentQuerySchema,
        response: CONTENT_RESPONSE,
      },
    },
    async (request, reply) => {
      const content = await getMemberEvidenceContent(
        request.serviceContext(),
        request.params.organisationId,
        request.params.evidenceId,
      );
      return sendContent(reply, content, wantsInline(request.query.inline));
    },
  );
};
