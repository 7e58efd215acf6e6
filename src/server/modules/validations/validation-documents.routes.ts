import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import { contentDisposition } from '../../../domain/evidence/content-disposition.ts';
import {
  DocumentFileParamsSchema,
  GeneratePackageBodySchema,
  PACKAGE_CONTENT_TYPES,
  ValidationDocumentListSchema,
  ValidationDocumentSchema,
  ValidationDocumentsQuerySchema,
  ValidationIdParamsSchema,
} from '../../../domain/validations/preparation-package.schema.ts';
import {
  type DocumentDownload,
  downloadOwnDocument,
  downloadValidationDocument,
  listOwnDocuments,
  listValidationDocuments,
} from './validation-documents.service.ts';
import {
  generateOwnPackage,
  generatePackageForCbp,
  generateReadinessPackage,
} from './validation-package.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;
const TAGS = ['validations'];

const PACKAGE_DESCRIPTION =
  'The standard preparation package (COAC benefit 1), the same structure for every member and ' +
  'specialist: cover letter with dates and contacts, each step and how long it takes, the agenda ' +
  'per site (MRA-covered foreign sites need no CBP foreign visit), every applicable criterion with ' +
  'the current answer, linked evidence and its expiry and what the specialist will ask to see, a ' +
  'checklist, a self-check worksheet and the open items of the last validation. Generates the PDF ' +
  'and the DOCX and stores both with the versions of their inputs; regenerating adds a new one.';

/** The file, typed unknown: the body is a buffer, which Fastify sends as it is. */
const FILE_RESPONSE = {
  description: 'The document, as an attachment',
  content: Object.fromEntries(
    Object.values(PACKAGE_CONTENT_TYPES).map((type) => [
      type,
      { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
    ]),
  ),
};

function send(reply: FastifyReply, file: DocumentDownload) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition('attachment', file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** Validation preparation packages (issue 6, item 3): member and CBP sides. */
export const validationDocumentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/validations/readiness-package',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'Generate a readiness check: the preparation package from your current profile',
        description: `${PACKAGE_DESCRIPTION} No validation is needed: any member company with a Security Profile may check its readiness.`,
        body: GeneratePackageBodySchema,
        response: { 201: ValidationDocumentSchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await generateReadinessPackage(request.serviceContext(), request.body)),
  );

  app.post(
    '/validations/:id/package',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'Generate the preparation package of your company’s scheduled validation',
        description: PACKAGE_DESCRIPTION,
        params: ValidationIdParamsSchema,
        body: GeneratePackageBodySchema,
        response: { 201: ValidationDocumentSchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await generateOwnPackage(request.serviceContext(), request.params.id, request.body)),
  );

  app.get(
    '/validations/documents',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'Your company’s generated preparation packages, newest first',
        description: 'Without the files; download each format from its own address.',
        querystring: ValidationDocumentsQuerySchema,
        response: { 200: ValidationDocumentListSchema, ...ERRORS },
      },
    },
    async (request) => listOwnDocuments(request.serviceContext(), request.query),
  );

  app.get(
    '/validations/documents/:documentId/:format',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'Download one of your preparation packages as PDF or Word (DOCX)',
        params: DocumentFileParamsSchema,
        response: { 200: FILE_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await downloadOwnDocument(
          request.serviceContext(),
          request.params.documentId,
          request.params.format,
        ),
      ),
  );

  app.post(
    '/cbp/validations/:id/package',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Generate a validation’s preparation package (CBP)',
        description: `${PACKAGE_DESCRIPTION} A specialist generates it for the validations assigned to them; a supervisory specialist for any.`,
        params: ValidationIdParamsSchema,
        body: GeneratePackageBodySchema,
        response: { 201: ValidationDocumentSchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await generatePackageForCbp(request.serviceContext(), request.params.id, request.body),
        ),
  );

  app.get(
    '/cbp/validations/:id/documents',
    {
      config: { permission: 'validation:read:any' },
      schema: {
        tags: TAGS,
        summary: 'A validation’s generated preparation packages, newest first (CBP)',
        params: ValidationIdParamsSchema,
        response: { 200: ValidationDocumentListSchema, ...ERRORS },
      },
    },
    async (request) => listValidationDocuments(request.serviceContext(), request.params.id),
  );

  app.get(
    '/cbp/validations/documents/:documentId/:format',
    {
      config: { permission: 'validation:read:any' },
      schema: {
        tags: TAGS,
        summary: 'Download a validation’s preparation package as PDF or Word (CBP)',
        params: DocumentFileParamsSchema,
        response: { 200: FILE_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await downloadValidationDocument(
          request.serviceContext(),
          request.params.documentId,
          request.params.format,
        ),
      ),
  );
};
