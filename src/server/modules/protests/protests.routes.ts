import multipart from '@fastify/multipart';
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorResponseSchema,
  STANDARD_ERROR_RESPONSES,
} from '../../../domain/errors/error-response.schema.ts';
import { FileProtestBodySchema } from '../../../domain/protests/protest.schema.ts';
import {
  AcceleratedDispositionBodySchema,
  OwnProtestsQuerySchema,
  ProtestAttachmentViewSchema,
  ProtestIdParamsSchema,
  ProtestPageSchema,
  ProtestViewSchema,
} from '../../../domain/protests/protest-api.schema.ts';
import {
  AmendProtestBodySchema,
  ProtestAttachmentParamsSchema,
  RecordProtestBodySchema,
  SetAsideRequestBodySchema,
  WithdrawProtestBodySchema,
} from '../../../domain/protests/protest-member-requests.schema.ts';
import { sendProtestAttachment } from './protest-attachment-response.ts';
import {
  PROTEST_MULTIPART_LIMITS,
  readProtestAttachmentUpload,
} from './protest-attachment-upload.ts';
import {
  addProtestAttachment,
  getOwnProtestAttachmentContent,
} from './protest-attachments.service.ts';
import {
  amendProtest,
  requestAcceleratedDisposition,
  withdrawProtest,
} from './protest-changes.service.ts';
import { requestSetAside } from './protest-set-aside.service.ts';
import { fileProtest, getOwnProtest, listOwnProtests, recordProtest } from './protests.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;
const TAGS = ['protests'];

/**
 * The filing body is parsed by the service, with today's date, so one refusal names every bad
 * field, "in the future" included (a route schema cannot know today). The schema stays on the
 * route for the OpenAPI document; this compiler lets the body through unparsed.
 */
const bodyParsedByService: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? (data: unknown) => ({ value: data })
    : validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);

/** Nothing in an attachment runs or loads when opened from the API. */
/** Protests filed and followed by a member company (issue 7, items 1, 2, 3 and 6). */
export const protestsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart parsing for the attachment upload only (10 MiB per file, as ACE).
  await app.register(multipart, { limits: PROTEST_MULTIPART_LIMITS, throwFileSizeLimit: false });

  app.post(
    '/protests',
    {
      config: { permission: 'protest:file' },
      validatorCompiler: bodyParsedByService,
      schema: {
        tags: TAGS,
        summary: 'File a protest for your company (19 U.S.C. 1514; 19 CFR 174.12–174.13)',
        description:
          'Assigns the ACE protest number (port + year + serial), judges each entry’s timeliness ' +
          '(an untimely protest is filed and flagged, never refused) and derives the CTPAT Trade ' +
          'Compliance indicator from the registry by the protestant’s importer number. A refusal ' +
          'names every bad field (400), dates in the future included.',
        body: FileProtestBodySchema,
        response: { 201: ProtestViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const protest = await fileProtest(request.serviceContext(), request.body as unknown);
      return reply.code(201).send(protest);
    },
  );

  app.post(
    '/protests/recorded',
    {
      config: { permission: 'protest:file' },
      validatorCompiler: bodyParsedByService,
      schema: {
        tags: TAGS,
        summary: 'Record a protest filed elsewhere, with the number CBP gave it',
        description:
          'The filing body plus `protestNumber` (any historical form: PPPP-YYYY-NNNNNN, ' +
          'PPPP-YY-NNNNNN, with or without hyphens; it must start with `portCode`) and `filedOn`, ' +
          'the day it was filed (timeliness is judged by it). A number already recorded answers 409.',
        body: RecordProtestBodySchema,
        response: { 201: ProtestViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const protest = await recordProtest(request.serviceContext(), request.body as unknown);
      return reply.code(201).send(protest);
    },
  );

  app.get(
    '/protests',
    {
      config: { permission: 'protest:read' },
      schema: {
        tags: TAGS,
        summary: 'Your company’s protests, newest filing first',
        querystring: OwnProtestsQuerySchema,
        response: { 200: ProtestPageSchema, ...ERRORS },
      },
    },
    (request) => listOwnProtests(request.serviceContext(), request.query),
  );

  app.get(
    '/protests/:protestId',
    {
      config: { permission: 'protest:read' },
      schema: {
        tags: TAGS,
        summary: 'One of your company’s protests: entries, clocks, indicator, history, decision',
        params: ProtestIdParamsSchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) => getOwnProtest(request.serviceContext(), request.params.protestId),
  );

  app.patch(
    '/protests/:protestId',
    {
      config: { permission: 'protest:file' },
      schema: {
        tags: TAGS,
        summary: 'Amend the decisions protested and the objections (19 CFR 174.14)',
        description:
          'Only until the filing window closes, and never once accelerated disposition was ' +
          'requested or the protest decided or withdrawn: otherwise 409 with the reason.',
        params: ProtestIdParamsSchema,
        body: AmendProtestBodySchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) => amendProtest(request.serviceContext(), request.params.protestId, request.body),
  );

  app.post(
    '/protests/:protestId/accelerated-disposition',
    {
      config: { permission: 'protest:file' },
      schema: {
        tags: TAGS,
        summary: 'Record the mailing of a request for accelerated disposition (19 U.S.C. 1515(b))',
        params: ProtestIdParamsSchema,
        body: AcceleratedDispositionBodySchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) =>
      requestAcceleratedDisposition(
        request.serviceContext(),
        request.params.protestId,
        request.body,
      ),
  );

  app.post(
    '/protests/:protestId/set-aside-request',
    {
      config: { permission: 'protest:file' },
      schema: {
        tags: TAGS,
        summary:
          'Ask the Commissioner to set aside the denial of further review (19 U.S.C. 1515(c))',
        description:
          'Within 60 days after the notice denying the application for further review, once. ' +
          '409 with error.details.reason: further_review_not_denied, already_requested, ' +
          'window_closed (after the 60 days: the statute says the request must be filed within ' +
          'them), protest_withdrawn, protest_allowed; or when expectedVersion is not current. ' +
          'If the Commissioner does not act within 60 days after the request, it is considered ' +
          'denied (recorded by the hourly job).',
        params: ProtestIdParamsSchema,
        body: SetAsideRequestBodySchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) => requestSetAside(request.serviceContext(), request.params.protestId, request.body),
  );

  app.post(
    '/protests/:protestId/withdraw',
    {
      config: { permission: 'protest:file' },
      schema: {
        tags: TAGS,
        summary: 'Withdraw a protest CBP has not decided',
        params: ProtestIdParamsSchema,
        body: WithdrawProtestBodySchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) => withdrawProtest(request.serviceContext(), request.params.protestId, request.body),
  );

  app.post(
    '/protests/:protestId/attachments',
    {
      config: { permission: 'protest:file' },
      schema: {
        tags: TAGS,
        summary: 'Attach the protest details spreadsheet or a supporting document',
        description:
          'multipart/form-data with one part `file` (at most 10 MiB, as ACE) and the field `kind`: ' +
          '`details_spreadsheet` (CSV or XLSX; columns Entry Number, Entry Line Number, Change ' +
          'From, Change To, extra columns kept; imported all or nothing: any bad row answers 400 ' +
          'listing every problem by line and column in `details.problems`) or ' +
          '`supporting_document` (PDF, image, text, Office).',
        consumes: ['multipart/form-data'],
        params: ProtestIdParamsSchema,
        response: { 201: ProtestAttachmentViewSchema, ...ERRORS, 413: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const upload = await readProtestAttachmentUpload(request);
      const attachment = await addProtestAttachment(
        request.serviceContext(),
        request.params.protestId,
        upload,
      );
      return reply.code(201).send(attachment);
    },
  );

  app.get(
    '/protests/:protestId/attachments/:attachmentId/content',
    {
      config: { permission: 'protest:read' },
      schema: {
        tags: TAGS,
        summary: 'Download an attachment of one of your company’s protests',
        params: ProtestAttachmentParamsSchema,
        response: {
          200: z.unknown().meta({ type: 'string', format: 'binary' }).describe('The file’s bytes'),
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const content = await getOwnProtestAttachmentContent(
        request.serviceContext(),
        request.params.protestId,
        request.params.attachmentId,
      );
      return sendProtestAttachment(reply, content);
    },
  );
};
