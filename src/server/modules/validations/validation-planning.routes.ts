import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  ScheduleValidationBodySchema,
  ValidationListQuerySchema,
  ValidationPageSchema,
  ValidationViewSchema,
} from '../../../domain/validations/validation-api.schema.ts';
import {
  AssignValidationBodySchema,
  CancelValidationBodySchema,
  DueMemberPageSchema,
  DueValidationsQuerySchema,
  PlanValidationBodySchema,
  PlanYearBodySchema,
  PlanYearResultSchema,
  ValidationIdParamsSchema,
  WorkloadQuerySchema,
  WorkloadSchema,
} from '../../../domain/validations/validation-planning.schema.ts';
import {
  assignValidation,
  listDueMembers,
  planValidation,
  planYear,
  workload,
} from './validation-planning.service.ts';
import { cancelValidation, scheduleValidation } from './validation-scheduling.service.ts';
import { getValidationForCbp, listValidations } from './validation-view.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;
const TAGS = ['validations'];

/** CBP's planning and scheduling of validations (issue 6, items 1 and 2). */
export const validationPlanningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cbp/validations/due',
    {
      config: { permission: 'validation:plan:any' },
      schema: {
        tags: TAGS,
        summary: 'Members due for a validation in a plan year, with no open validation',
        description:
          'Certified (Tier I) members never validated are due for the initial validation 1 year ' +
          'after certification (6 U.S.C. 965(a)); validated members for a revalidation 4 years ' +
          'after the latest validation (969(2)). The plan year defaults to this year, which also ' +
          'lists overdue members; a past year lists nothing. officeId is the member’s CBP office ' +
          'in the registry. By due date, keyset-paged.',
        querystring: DueValidationsQuerySchema,
        response: { 200: DueMemberPageSchema, ...ERRORS },
      },
    },
    (request) => listDueMembers(request.serviceContext(), request.query),
  );

  app.get(
    '/cbp/validations/workload',
    {
      config: { permission: 'validation:plan:any' },
      schema: {
        tags: TAGS,
        summary: 'Workload per specialist: open validations, due this year, hours recorded',
        description:
          'One line per specialist of the office (every office without officeId), then one for ' +
          'open validations nobody is assigned to. Hours are those the specialist recorded on ' +
          'validations in the year.',
        querystring: WorkloadQuerySchema,
        response: { 200: WorkloadSchema, ...ERRORS },
      },
    },
    (request) => workload(request.serviceContext(), request.query),
  );

  app.post(
    '/cbp/validations/plan',
    {
      config: { permission: 'validation:plan:any' },
      schema: {
        tags: TAGS,
        summary: 'The annual plan: plan every due member of an office for a year at once',
        description:
          'One transaction. Each validation gets the member’s assigned specialist when that ' +
          'person is a specialist of a CBP office, else none; each specialist gets one message ' +
          'with their count. 400 on body.year for a past year, body.officeId for an organisation ' +
          'that is not a CBP office.',
        body: PlanYearBodySchema,
        response: { 200: PlanYearResultSchema, ...ERRORS },
      },
    },
    (request) => planYear(request.serviceContext(), request.body),
  );

  app.get(
    '/cbp/validations',
    {
      config: { permission: 'validation:read:any' },
      schema: {
        tags: TAGS,
        summary: 'Validations by due date, filtered by plan year, office, specialist, status, kind',
        querystring: ValidationListQuerySchema,
        response: { 200: ValidationPageSchema, ...ERRORS },
      },
    },
    (request) => listValidations(request.serviceContext(), request.query),
  );

  app.post(
    '/cbp/validations',
    {
      config: { permission: 'validation:plan:any' },
      schema: {
        tags: TAGS,
        summary: 'Plan one validation (initial, revalidation or for cause)',
        description:
          '409 with error.details.reason: not_a_member, not_in_tier, not_certified, wrong_kind ' +
          '(the member is due for the other kind) or open_validation (details.validationId). ' +
          '400: body.planYear in the past or after the year it is due; body.reason missing for ' +
          'a for-cause validation; body.specialistUserId not a specialist. The specialist ' +
          'defaults to the member’s assigned specialist (null: none).',
        body: PlanValidationBodySchema,
        response: { 201: ValidationViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const view = await planValidation(request.serviceContext(), request.body);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/cbp/validations/:id',
    {
      config: { permission: 'validation:read:any' },
      schema: {
        tags: TAGS,
        summary: 'One validation: dates, sites, participants, notice and timeline',
        params: ValidationIdParamsSchema,
        response: { 200: ValidationViewSchema, ...ERRORS },
      },
    },
    (request) => getValidationForCbp(request.serviceContext(), request.params.id),
  );

  app.post(
    '/cbp/validations/:id/assignment',
    {
      config: { permission: 'validation:plan:any' },
      schema: {
        tags: TAGS,
        summary: 'Assign or re-assign the specialist; the office follows the specialist',
        description:
          'The specialist is told. 409 when the validation is closed or cancelled or ' +
          'expectedVersion is not current; 400 on body.specialistUserId when the person is not ' +
          'a specialist of a CBP office.',
        params: ValidationIdParamsSchema,
        body: AssignValidationBodySchema,
        response: { 200: ValidationViewSchema, ...ERRORS },
      },
    },
    (request) => assignValidation(request.serviceContext(), request.params.id, request.body),
  );

  app.put(
    '/cbp/validations/:id/schedule',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Schedule (or re-schedule) the validation and send the written notice',
        description:
          'From planned or scheduled; re-scheduling replaces sites and participants and sends a ' +
          'new notice. The minimum notice is 30 days, 60 when a foreign site is not in an MRA ' +
          'partner program (provisional, configurable). 400 naming the field: startsOn in the ' +
          'past or inside the notice without noticeOverrideReason (the message names the ' +
          'earliest start), endsOn before startsOn, sites.N.visitOn outside the dates, ' +
          'sites.N.mraProgramId unknown or on a domestic site. 403 for a specialist the ' +
          'validation is not assigned to; 409 for another status or a stale expectedVersion.',
        params: ValidationIdParamsSchema,
        body: ScheduleValidationBodySchema,
        response: { 200: ValidationViewSchema, ...ERRORS },
      },
    },
    (request) => scheduleValidation(request.serviceContext(), request.params.id, request.body),
  );

  app.post(
    '/cbp/validations/:id/cancel',
    {
      config: { permission: 'validation:plan:any' },
      schema: {
        tags: TAGS,
        summary: 'Cancel the validation, with a reason (not once the report is issued)',
        params: ValidationIdParamsSchema,
        body: CancelValidationBodySchema,
        response: { 200: ValidationViewSchema, ...ERRORS },
      },
    },
    (request) => cancelValidation(request.serviceContext(), request.params.id, request.body),
  );
};
