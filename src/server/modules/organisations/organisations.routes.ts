import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import {
  OrganisationIdParamsSchema,
  OrganisationListQuerySchema,
  OrganisationPageSchema,
  OrganisationSchema,
} from '../../../domain/organisations/organisation.schema.ts';
import { getOrganisation, listOrganisations } from './organisations.service.ts';

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organisations',
    {
      config: { permission: 'organisations:read' },
      schema: {
        tags: ['organisations'],
        summary: 'List organisations (member companies and CBP offices), by name',
        querystring: OrganisationListQuerySchema,
        response: {
          200: OrganisationPageSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    (request) => listOrganisations(request.serviceContext(), request.query),
  );

  app.get(
    '/organisations/:id',
    {
      config: { permission: 'organisations:read' },
      schema: {
        tags: ['organisations'],
        summary: 'One organisation',
        params: OrganisationIdParamsSchema,
        response: {
          200: OrganisationSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    (request) => getOrganisation(request.serviceContext(), request.params.id),
  );
};
