import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  DecideReportBodySchema,
  DeleteFindingQuerySchema,
  FindingParamsSchema,
  FindingSchema,
  HoursParamsSchema,
  HoursSummarySchema,
  MemberReportSchema,
  RecordHoursBodySchema,
  ReportDocumentParamsSchema,
  ReportDocumentQuerySchema,
  SaveFindingBodySchema,
  SaveReportBodySchema,
  SubmitReportBodySchema,
  ValidationIdParamsSchema,
  WorkProgramSchema,
} from '../../../domain/validations/work-program.schema.ts';
import { removeFinding, saveFinding } from './validation-findings.service.ts';
import { recordHours, removeHours } from './validation-hours.service.ts';
import { decideReport, saveReportDraft, submitReport } from './validation-report.service.ts';
import {
  getMemberReport,
  ownReportFile,
  type ReportFile,
  reportFileForCbp,
} from './validation-report-member.service.ts';
import { getWorkProgram } from './validation-work.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;
const TAGS = ['validation-work'];

const FILE_RESPONSE = {
  description: 'The report as stored when it was issued, as an attachment',
  content: {
    'application/pdf': { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      schema: z.unknown().meta({ type: 'string', format: 'binary' }),
    },
  },
};

function send(reply: FastifyReply, file: ReportFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/**
 * The standard work program, staff hours and report of a validation (issue 6, items 4 and 5;
 * 6 U.S.C. 971): CBP under /cbp/validations/:id/..., the member's issued report under
 * /validations/:id/report.
 */
export const validationWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cbp/validations/:id/work-program',
    {
      config: { permission: 'validation:read:any' },
      schema: {
        tags: TAGS,
        summary: 'The standard work program of a validation, its findings, hours and report',
        description:
          'Every criterion that applies to the member, in catalog order, with its designation, ' +
          'the member’s current answer, the linked evidence, the standard review steps, the ' +
          'ratings that fit it and the findings recorded (per site and validation-wide); the ' +
          'report readiness (criteria not rated yet); the staff hours with totals per activity; ' +
          'the report draft and its state.',
        params: ValidationIdParamsSchema,
        response: { 200: WorkProgramSchema, ...ERRORS },
      },
    },
    (request) => getWorkProgram(request.serviceContext(), request.params.id),
  );

  app.put(
    '/cbp/validations/:id/findings',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Record or change the finding for one criterion, at a site or validation-wide',
        description:
          'During fieldwork (a scheduled validation whose start date has come moves into ' +
          'fieldwork). 400: a criterion that does not apply to the member, a rating that does ' +
          'not fit its designation (required action: must only; recommendation: should only), ' +
          'a site of another validation, evidence not in the member’s library. 403: a ' +
          'specialist the validation is not assigned to. 409: outside fieldwork, or a stale ' +
          '`expectedVersion` (details.current holds the finding as it is).',
        params: ValidationIdParamsSchema,
        body: SaveFindingBodySchema,
        response: { 200: FindingSchema, ...ERRORS },
      },
    },
    (request) => saveFinding(request.serviceContext(), request.params.id, request.body),
  );

  app.delete(
    '/cbp/validations/:id/findings/:findingId',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Delete a finding, before the report is submitted',
        params: FindingParamsSchema,
        querystring: DeleteFindingQuerySchema,
        response: { 204: z.null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await removeFinding(
        request.serviceContext(),
        request.params.id,
        request.params.findingId,
        request.query.expectedVersion,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/cbp/validations/:id/hours',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Record your staff hours on a validation, by activity (6 U.S.C. 971)',
        description: 'Until the validation is closed; never for a day after today.',
        params: ValidationIdParamsSchema,
        body: RecordHoursBodySchema,
        response: { 201: HoursSummarySchema, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordHours(request.serviceContext(), request.params.id, request.body)),
  );

  app.delete(
    '/cbp/validations/:id/hours/:hoursId',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Delete one of your own hours entries (not once the validation is closed)',
        params: HoursParamsSchema,
        response: { 200: HoursSummarySchema, ...ERRORS },
      },
    },
    (request) => removeHours(request.serviceContext(), request.params.id, request.params.hoursId),
  );

  app.put(
    '/cbp/validations/:id/report',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Save the report draft: summary and recommended outcome',
        params: ValidationIdParamsSchema,
        body: SaveReportBodySchema,
        response: { 200: WorkProgramSchema, ...ERRORS },
      },
    },
    (request) => saveReportDraft(request.serviceContext(), request.params.id, request.body),
  );

  app.post(
    '/cbp/validations/:id/report/submit',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Submit the report to a supervisory specialist for approval',
        description:
          '409 while applicable criteria are not rated (details.missing lists them), without a ' +
          'summary or recommended outcome, or with an outcome the findings do not allow ' +
          '(exceeds: a best practice and no required action; suspension: a summary).',
        params: ValidationIdParamsSchema,
        body: SubmitReportBodySchema,
        response: { 200: WorkProgramSchema, ...ERRORS },
      },
    },
    (request) => submitReport(request.serviceContext(), request.params.id, request.body),
  );

  app.post(
    '/cbp/validations/:id/report/decision',
    {
      config: { permission: 'validation:approve:any' },
      schema: {
        tags: TAGS,
        summary: 'Approve (issue to the member) or return (to fieldwork, with a note) a report',
        description:
          '403 for the report’s author. Approval sets the report’s issue day and the day ' +
          'responses to required actions are due (VALIDATION_RESPONSE_DAYS, default 90, ' +
          'provisional), stores the report as PDF and Word with its inputs, and tells the member.',
        params: ValidationIdParamsSchema,
        body: DecideReportBodySchema,
        response: { 200: WorkProgramSchema, ...ERRORS },
      },
    },
    (request) => decideReport(request.serviceContext(), request.params.id, request.body),
  );

  app.get(
    '/cbp/validations/:id/report/:format',
    {
      config: { permission: 'validation:read:any' },
      schema: {
        tags: TAGS,
        summary: 'The issued report as stored, PDF or Word',
        params: ReportDocumentParamsSchema,
        querystring: ReportDocumentQuerySchema,
        response: { 200: FILE_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await reportFileForCbp(
          request.serviceContext(),
          request.params.id,
          request.params.format,
          request.query.lang,
        ),
      ),
  );

  app.get(
    '/validations/:id/report',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'Your company’s issued validation report: findings, summary, outcome, due date',
        params: ValidationIdParamsSchema,
        response: { 200: MemberReportSchema, ...ERRORS },
      },
    },
    (request) => getMemberReport(request.serviceContext(), request.params.id),
  );

  app.get(
    '/validations/:id/report/:format',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'Your company’s issued validation report, PDF or Word',
        description: 'In your language when the report was issued in it, otherwise in English.',
        params: ReportDocumentParamsSchema,
        querystring: ReportDocumentQuerySchema,
        response: { 200: FILE_RESPONSE, ...ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await ownReportFile(
          request.serviceContext(),
          request.params.id,
          request.params.format,
          request.query.lang,
        ),
      ),
  );
};
