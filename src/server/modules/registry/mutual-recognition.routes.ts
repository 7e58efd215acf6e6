import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  CreateMraProgramBodySchema,
  MraProgramIdParamsSchema,
  MraProgramListSchema,
  MraProgramViewSchema,
  PartnerCertificationIdParamsSchema,
  PartnerCertificationListSchema,
  PartnerCertificationViewSchema,
  RecordPartnerCertificationBodySchema,
  UpdateMraProgramBodySchema,
} from '../../../domain/registry/mutual-recognition/mutual-recognition.schema.ts';
import {
  createMraProgram,
  listMraPrograms,
  listPartnerCertifications,
  recordPartnerCertification,
  removePartnerCertification,
  updateMraProgramById,
} from './mutual-recognition.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

/** Mutual recognition (issue 4, item 9): MRA partner programs and partners' AEO certifications. */
export const mutualRecognitionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/registry/mra-programs',
    {
      config: { permission: 'mra:read' },
      schema: {
        tags: ['registry'],
        summary: 'The Mutual Recognition Arrangement partner programs, with their sources',
        response: { 200: MraProgramListSchema, ...ERRORS },
      },
    },
    (request) => listMraPrograms(request.serviceContext()),
  );

  app.post(
    '/registry/mra-programs',
    {
      config: { permission: 'mra:manage:any' },
      schema: {
        tags: ['registry'],
        summary: 'Add an MRA partner program (administrator)',
        body: CreateMraProgramBodySchema,
        response: { 201: MraProgramViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const created = await createMraProgram(request.serviceContext(), request.body);
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/registry/mra-programs/:programId',
    {
      config: { permission: 'mra:manage:any' },
      schema: {
        tags: ['registry'],
        summary: 'Change an MRA partner program, or take it out of force (administrator)',
        params: MraProgramIdParamsSchema,
        body: UpdateMraProgramBodySchema,
        response: { 200: MraProgramViewSchema, ...ERRORS },
      },
    },
    (request) =>
      updateMraProgramById(request.serviceContext(), request.params.programId, request.body),
  );

  app.get(
    '/registry/partner-certifications',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: "Your business partners' foreign AEO certifications under MRA programs",
        response: { 200: PartnerCertificationListSchema, ...ERRORS },
      },
    },
    (request) => listPartnerCertifications(request.serviceContext()),
  );

  app.post(
    '/registry/partner-certifications',
    {
      config: { permission: 'partner_certifications:manage' },
      schema: {
        tags: ['registry'],
        summary: "Record a business partner's AEO certification under an MRA program",
        body: RecordPartnerCertificationBodySchema,
        response: { 201: PartnerCertificationViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const recorded = await recordPartnerCertification(request.serviceContext(), request.body);
      return reply.code(201).send(recorded);
    },
  );

  app.delete(
    '/registry/partner-certifications/:certificationId',
    {
      config: { permission: 'partner_certifications:manage' },
      schema: {
        tags: ['registry'],
        summary: "Remove a partner's certification record (kept in the audit trail)",
        params: PartnerCertificationIdParamsSchema,
        response: { 204: z.null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await removePartnerCertification(request.serviceContext(), request.params.certificationId);
      return reply.status(204).send(null);
    },
  );
};
