import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  ValidationPageSchema,
  ValidationViewSchema,
} from '../../../domain/validations/validation-api.schema.ts';
import {
  OwnValidationsQuerySchema,
  ValidationIdParamsSchema,
} from '../../../domain/validations/validation-planning.schema.ts';
import { getOwnValidation, listOwnValidations } from './validation-view.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;
const TAGS = ['validations'];

/** The member company's own validations (issue 6): list and view. */
export const validationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/validations',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'Your company’s validations, newest first',
        querystring: OwnValidationsQuerySchema,
        response: { 200: ValidationPageSchema, ...ERRORS },
      },
    },
    (request) => listOwnValidations(request.serviceContext(), request.query),
  );

  app.get(
    '/validations/:id',
    {
      config: { permission: 'validation:read' },
      schema: {
        tags: TAGS,
        summary: 'One of your company’s validations: dates, sites, agenda, contacts',
        description: 'Another company’s validation answers 404, like an unknown id.',
        params: ValidationIdParamsSchema,
        response: { 200: ValidationViewSchema, ...ERRORS },
      },
    },
    (request) => getOwnValidation(request.serviceContext(), request.params.id),
  );
};
