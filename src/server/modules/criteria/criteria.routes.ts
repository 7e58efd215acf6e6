import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CATALOG_IMPORT_MAX_CHARS,
  CatalogCriteriaQuerySchema,
  CatalogDiffQuerySchema,
  CatalogDiffSchema,
  CatalogExportQuerySchema,
  CatalogImportBodySchema,
  CatalogVersionListSchema,
  CatalogVersionParamsSchema,
  CatalogVersionSchema,
  CatalogVersionSummarySchema,
} from '../../../domain/criteria/catalog-api.schema.ts';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  diffCatalogVersion,
  discardCatalogDraft,
  exportCatalogVersion,
  getCatalogVersion,
  getCurrentCatalog,
  importCatalogVersion,
  listCatalogVersions,
  publishCatalogVersion,
} from './criteria.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

const FILE_RESPONSE = {
  200: {
    description: 'The catalog as JSON or CSV, readable by the import',
    // Typed unknown: the body is text Fastify sends as is.
    content: {
      'application/json': { schema: z.unknown().meta({ type: 'string' }) },
      'text/csv': { schema: z.unknown().meta({ type: 'string' }) },
    },
  },
  ...ERRORS,
};

export const criteriaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/criteria/catalog',
    {
      config: { permission: 'criteria:read' },
      schema: {
        tags: ['criteria'],
        summary: 'The current (published) criteria catalog, optionally for one entity type',
        querystring: CatalogCriteriaQuerySchema,
        response: { 200: CatalogVersionSchema, ...ERRORS },
      },
    },
    (request) => getCurrentCatalog(request.serviceContext(), request.query.entityType),
  );

  app.get(
    '/criteria/catalog/versions',
    {
      config: { permission: 'criteria:read' },
      schema: {
        tags: ['criteria'],
        summary: 'Every catalog version, newest first (drafts only for program managers)',
        response: { 200: CatalogVersionListSchema, ...ERRORS },
      },
    },
    (request) => listCatalogVersions(request.serviceContext()),
  );

  app.post(
    '/criteria/catalog/versions',
    {
      config: { permission: 'criteria:manage:any' },
      // A 5 MB file as a JSON string, escaped: allow for the escaping.
      bodyLimit: CATALOG_IMPORT_MAX_CHARS * 2,
      schema: {
        tags: ['criteria'],
        summary: 'Import a catalog file (JSON or CSV) as a draft; answers with its diff',
        body: CatalogImportBodySchema,
        response: { 201: CatalogDiffSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const diff = await importCatalogVersion(request.serviceContext(), request.body);
      return reply.status(201).send(diff);
    },
  );

  app.get(
    '/criteria/catalog/versions/:versionId',
    {
      config: { permission: 'criteria:read' },
      schema: {
        tags: ['criteria'],
        summary: 'One catalog version with its criteria',
        params: CatalogVersionParamsSchema,
        querystring: CatalogCriteriaQuerySchema,
        response: { 200: CatalogVersionSchema, ...ERRORS },
      },
    },
    (request) =>
      getCatalogVersion(
        request.serviceContext(),
        request.params.versionId,
        request.query.entityType,
      ),
  );

  app.get(
    '/criteria/catalog/versions/:versionId/diff',
    {
      config: { permission: 'criteria:read' },
      schema: {
        tags: ['criteria'],
        summary: 'What a version adds, removes and changes against another (default: current)',
        params: CatalogVersionParamsSchema,
        querystring: CatalogDiffQuerySchema,
        response: { 200: CatalogDiffSchema, ...ERRORS },
      },
    },
    (request) =>
      diffCatalogVersion(request.serviceContext(), request.params.versionId, request.query.against),
  );

  app.get(
    '/criteria/catalog/versions/:versionId/export',
    {
      config: { permission: 'criteria:read' },
      schema: {
        tags: ['criteria'],
        summary: 'A catalog version as a JSON or CSV file',
        params: CatalogVersionParamsSchema,
        querystring: CatalogExportQuerySchema,
        response: FILE_RESPONSE,
      },
    },
    async (request, reply) => {
      const exported = await exportCatalogVersion(
        request.serviceContext(),
        request.params.versionId,
        request.query.format,
      );
      return reply
        .header('content-type', exported.contentType)
        .header('content-disposition', `attachment; filename="${exported.filename}"`)
        .send(exported.body);
    },
  );

  app.post(
    '/criteria/catalog/versions/:versionId/publish',
    {
      config: { permission: 'criteria:manage:any' },
      schema: {
        tags: ['criteria'],
        summary: 'Publish a draft: it becomes the current catalog and can never change',
        params: CatalogVersionParamsSchema,
        response: { 200: CatalogVersionSummarySchema, ...ERRORS },
      },
    },
    (request) => publishCatalogVersion(request.serviceContext(), request.params.versionId),
  );

  app.delete(
    '/criteria/catalog/versions/:versionId',
    {
      config: { permission: 'criteria:manage:any' },
      schema: {
        tags: ['criteria'],
        summary: 'Discard a draft version',
        params: CatalogVersionParamsSchema,
        response: { 204: z.null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await discardCatalogDraft(request.serviceContext(), request.params.versionId);
      return reply.status(204).send(null);
    },
  );
};
