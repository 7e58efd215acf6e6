import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  RequiredActionParamsSchema,
  RequiredActionsViewSchema,
  ResponseDecisionBodySchema,
  ResponseParamsSchema,
  SubmitResponseBodySchema,
  ValidationIdParamsSchema,
} from '../../../domain/validations/validation-responses.schema.ts';
import {
  decideResponse,
  getOwnRequiredActions,
  getRequiredActionsForReview,
  submitResponse,
} from './validation-responses.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;
const TAGS = ['validation-responses'];

/**
 * The member's responses to the required actions of an issued validation report and CBP's
 * decisions on them (issue 6, items 6 and 7): the last acceptance closes the validation with
 * the report's outcome.
 */
export const validationResponsesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/validations/:id/required-actions',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'The required actions of the company’s validation report, with their responses',
        description:
          'Once the report is issued: each required action (criterion, site, the specialist’s ' +
          'notes), its responses oldest first and its state; the response deadline (provisional ' +
          'until confirmed, VALIDATION_RESPONSE_DAYS) and how many are overdue. Before the ' +
          'report is issued the list is empty. Another company’s validation is a 404.',
        params: ValidationIdParamsSchema,
        response: { 200: RequiredActionsViewSchema, ...ERRORS },
      },
    },
    (request) => getOwnRequiredActions(request.serviceContext(), request.params.id),
  );

  app.post(
    '/validations/:id/required-actions/:findingId/responses',
    {
      config: { permission: 'validation:respond' },
      schema: {
        tags: TAGS,
        summary: 'Answer a required action: corrective plan, target date and evidence',
        description:
          'Evidence ids come from the company’s own evidence library. Refused (409) after the ' +
          'validation closed, while the previous response waits for the specialist’s decision, ' +
          'and once a response was accepted; targetOn may not be in the past (400).',
        params: RequiredActionParamsSchema,
        body: SubmitResponseBodySchema,
        response: { 201: RequiredActionsViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const view = await submitResponse(
        request.serviceContext(),
        request.params.id,
        request.params.findingId,
        request.body,
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/cbp/validations/:id/required-actions',
    {
      config: { permission: 'validation:read:any' },
      schema: {
        tags: TAGS,
        summary: 'A validation’s required actions with the member’s responses (CBP)',
        params: ValidationIdParamsSchema,
        response: { 200: RequiredActionsViewSchema, ...ERRORS },
      },
    },
    (request) => getRequiredActionsForReview(request.serviceContext(), request.params.id),
  );

  app.post(
    '/cbp/validations/:id/responses/:responseId/decision',
    {
      config: { permission: 'validation:conduct:any' },
      schema: {
        tags: TAGS,
        summary: 'Accept or return a member’s response to a required action',
        description:
          'A return needs a note (400 on body.note). A specialist decides on the validations ' +
          'assigned to them; a supervisory specialist on any. Accepting the last open required ' +
          'action closes the validation with the approved report’s outcome: Tier II or III ' +
          'through the registry (the approving supervisory specialist as authority), or the ' +
          'suspension path, which the office’s supervisory specialists are told to decide.',
        params: ResponseParamsSchema,
        body: ResponseDecisionBodySchema,
        response: { 200: RequiredActionsViewSchema, ...ERRORS },
      },
    },
    (request) =>
      decideResponse(
        request.serviceContext(),
        request.params.id,
        request.params.responseId,
        request.body,
      ),
  );
};
