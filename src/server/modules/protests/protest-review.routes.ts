import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  AssignProtestBodySchema,
  BulkAssignProtestsBodySchema,
  DecideProtestBodySchema,
  DenialNoticeQuerySchema,
  FurtherReviewDecisionBodySchema,
  ProtestIdParamsSchema,
  ProtestPageSchema,
  ProtestQueueQuerySchema,
  ProtestViewSchema,
  SetAsideDecisionBodySchema,
} from '../../../domain/protests/protest-api.schema.ts';
import { ProtestAttachmentParamsSchema } from '../../../domain/protests/protest-member-requests.schema.ts';
import {
  ProtestMetricsExportQuerySchema,
  ProtestMetricsQuerySchema,
  ProtestMetricsSchema,
} from '../../../domain/protests/protest-metrics.schema.ts';
import { assignProtest, bulkAssignProtests } from './protest-assignment.service.ts';
import { sendProtestAttachment } from './protest-attachment-response.ts';
import { getProtestAttachmentContentForReview } from './protest-attachments.service.ts';
import {
  type DenialNotice,
  denialNoticeForReview,
  ownDenialNotice,
} from './protest-denial-notice.ts';
import { decideFurtherReview } from './protest-further-review.service.ts';
import { exportProtestMetrics, protestMetrics } from './protest-metrics.service.ts';
import { listProtestQueue, listProtestReviewers } from './protest-queue.service.ts';
import { decideProtest, getProtestForReview } from './protest-review.service.ts';
import { decideSetAside } from './protest-set-aside.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;
const TAGS = ['protest-review'];

const BINARY = z.unknown().meta({ type: 'string', format: 'binary' });
const PDF_RESPONSE = {
  description: 'The denial notice, as an attachment',
  content: { 'application/pdf': { schema: BINARY } },
};

function sendNotice(reply: FastifyReply, notice: DenialNotice) {
  return reply
    .header('content-type', notice.contentType)
    .header('content-disposition', `attachment; filename="${notice.filename}"`)
    .header('cache-control', 'no-store')
    .send(notice.body);
}

/** CBP's protest review (issue 7, items 4, 5 and 7) and the member's copy of a denial notice. */
export const protestReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cbp/protests',
    {
      config: { permission: 'protest:read:any' },
      schema: {
        tags: TAGS,
        summary: 'The protest review queue, in priority order (ADR 0027)',
        description:
          'Open protests (unless status says otherwise): deemed-denial clocks first (accelerated ' +
          'disposition, exclusion) by deemed-denial day, then verified CTPAT Trade Compliance ' +
          'protestants, then the others, oldest filing first. Filters combine (AND); q is a ' +
          'protest, importer or entry number.',
        querystring: ProtestQueueQuerySchema,
        response: { 200: ProtestPageSchema, ...ERRORS },
      },
    },
    (request) => listProtestQueue(request.serviceContext(), request.query),
  );

  app.get(
    '/cbp/protests/reviewers',
    {
      config: { permission: 'protest:read:any' },
      schema: {
        tags: TAGS,
        summary: 'The protest reviewers: whom a protest can be assigned to',
        response: {
          200: z.object({
            items: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
          }),
          ...ERRORS,
        },
      },
    },
    (request) => listProtestReviewers(request.serviceContext()),
  );

  app.get(
    '/cbp/protests/metrics',
    {
      config: { permission: 'protest:metrics:any' },
      schema: {
        tags: TAGS,
        summary: 'Time from filing to decision by Trade Compliance membership, Center, category',
        description:
          'Median and 90th percentile days, and the share decided within the two-year review ' +
          'target (19 U.S.C. 1515(a)); deemed denials count as decisions and are counted apart.',
        querystring: ProtestMetricsQuerySchema,
        response: { 200: ProtestMetricsSchema, ...ERRORS },
      },
    },
    (request) => protestMetrics(request.serviceContext(), request.query),
  );

  app.get(
    '/cbp/protests/metrics/export',
    {
      config: { permission: 'protest:metrics:any' },
      schema: {
        tags: TAGS,
        summary: 'The protest metrics as CSV or XLSX',
        description:
          'One overall line, then one line per group. CSV cells starting with = + - @ are ' +
          'prefixed with a single quote; XLSX cells are text or numbers, never formulas.',
        querystring: ProtestMetricsExportQuerySchema,
        response: {
          200: {
            description: 'A header row, then one row per group',
            content: {
              'text/csv': { schema: z.unknown().meta({ type: 'string' }) },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: BINARY,
              },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const exported = await exportProtestMetrics(request.serviceContext(), request.query);
      return reply
        .header('content-type', exported.contentType)
        .header('content-disposition', `attachment; filename="${exported.filename}"`)
        .header('cache-control', 'no-store')
        .send(exported.body);
    },
  );

  app.post(
    '/cbp/protests/assignments',
    {
      config: { permission: 'protest:review:any' },
      schema: {
        tags: TAGS,
        summary: 'Assign one reviewer to up to 500 protests, all or nothing',
        description:
          'expectedCount must equal the number of protestIds (400 otherwise). If any protest is ' +
          'missing, decided or withdrawn, nothing changes and the 409 answer lists each in ' +
          'error.details.refused[{protestId, protestNumber, code, message}]. reviewerUserId ' +
          'null clears the assignment.',
        body: BulkAssignProtestsBodySchema,
        response: {
          200: z.object({ assigned: z.number().int(), protestIds: z.array(z.uuid()) }),
          ...ERRORS,
        },
      },
    },
    (request) => bulkAssignProtests(request.serviceContext(), request.body),
  );

  app.get(
    '/cbp/protests/:protestId',
    {
      config: { permission: 'protest:read:any' },
      schema: {
        tags: TAGS,
        summary: 'One protest with its clocks, history and decision (CBP)',
        params: ProtestIdParamsSchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) => getProtestForReview(request.serviceContext(), request.params.protestId),
  );

  app.put(
    '/cbp/protests/:protestId/assignment',
    {
      config: { permission: 'protest:review:any' },
      schema: {
        tags: TAGS,
        summary: 'Assign the protest to a protest reviewer (null clears it)',
        description:
          'A filed protest is then under review. The reviewer must hold the protest reviewer ' +
          'role (400 on body.reviewerUserId). expectedVersion, when given, must be current (409).',
        params: ProtestIdParamsSchema,
        body: AssignProtestBodySchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) => assignProtest(request.serviceContext(), request.params.protestId, request.body),
  );

  app.post(
    '/cbp/protests/:protestId/decision',
    {
      config: { permission: 'protest:review:any' },
      schema: {
        tags: TAGS,
        summary: 'Decide the protest (19 U.S.C. 1515(a); 19 CFR 174.29–174.30)',
        description:
          'Reasons are required for denied, denied_in_part and allowed_in_part (400 on ' +
          'body.reasons). A denial records the day its notice is mailed (default today): the ' +
          '180 days to the Court of International Trade run from it. 409 when expectedVersion ' +
          'is not current or the protest is decided or withdrawn.',
        params: ProtestIdParamsSchema,
        body: DecideProtestBodySchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) => decideProtest(request.serviceContext(), request.params.protestId, request.body),
  );

  app.post(
    '/cbp/protests/:protestId/further-review',
    {
      config: { permission: 'protest:review:any' },
      schema: {
        tags: TAGS,
        summary: 'Approve or deny the application for further review (19 CFR 174.24–174.27)',
        description:
          'approved: the protest is under further review, routed per 19 CFR 174.26. denied: ' +
          'reasons are required, and the 60 days to ask for a set-aside (19 U.S.C. 1515(c)) start.',
        params: ProtestIdParamsSchema,
        body: FurtherReviewDecisionBodySchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) =>
      decideFurtherReview(request.serviceContext(), request.params.protestId, request.body),
  );

  app.post(
    '/cbp/protests/:protestId/set-aside-decision',
    {
      config: { permission: 'protest:review:any' },
      schema: {
        tags: TAGS,
        summary: 'Record the Commissioner’s action on a set-aside request (19 U.S.C. 1515(c))',
        description:
          'granted: the denial of further review is set aside and the protest is under further ' +
          'review (a denial of the protest already recorded is voided). denied: reasons are ' +
          'required (400 on body.reasons). 409 with error.details.reason when no request is ' +
          'pending (no_request, already_decided), its 60 days have passed (deemed_denied), the ' +
          'protest was withdrawn or allowed in full, or expectedVersion is not current.',
        params: ProtestIdParamsSchema,
        body: SetAsideDecisionBodySchema,
        response: { 200: ProtestViewSchema, ...ERRORS },
      },
    },
    (request) => decideSetAside(request.serviceContext(), request.params.protestId, request.body),
  );

  app.get(
    '/cbp/protests/:protestId/attachments/:attachmentId/content',
    {
      config: { permission: 'protest:read:any' },
      schema: {
        tags: TAGS,
        summary: 'Download an attachment of a protest (the details spreadsheet, a document)',
        params: ProtestAttachmentParamsSchema,
        response: { 200: BINARY.describe('The file’s bytes'), ...ERRORS },
      },
    },
    async (request, reply) =>
      sendProtestAttachment(
        reply,
        await getProtestAttachmentContentForReview(
          request.serviceContext(),
          request.params.protestId,
          request.params.attachmentId,
        ),
      ),
  );

  app.get(
    '/cbp/protests/:protestId/denial-notice.pdf',
    {
      config: { permission: 'protest:read:any' },
      schema: {
        tags: TAGS,
        summary: 'The notice of denial, with the right to contest it in court (PDF)',
        params: ProtestIdParamsSchema,
        querystring: DenialNoticeQuerySchema,
        response: { 200: PDF_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      sendNotice(
        reply,
        await denialNoticeForReview(
          request.serviceContext(),
          request.params.protestId,
          request.query,
        ),
      ),
  );

  app.get(
    '/protests/:protestId/denial-notice.pdf',
    {
      config: { permission: 'protest:read' },
      schema: {
        tags: ['protests'],
        summary: 'Your protest’s notice of denial, with the court deadline (PDF)',
        params: ProtestIdParamsSchema,
        querystring: DenialNoticeQuerySchema,
        response: { 200: PDF_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      sendNotice(
        reply,
        await ownDenialNotice(request.serviceContext(), request.params.protestId, request.query),
      ),
  );
};
