import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  CompanyAddressBodySchema,
  CompanyAddressIdParamsSchema,
  CompanyAddressSchema,
  CompanyContactBodySchema,
  CompanyContactIdParamsSchema,
  CompanyContactSchema,
  CompanyProfileBodySchema,
  CompanyProfileSchema,
} from '../../../domain/registry/profile/company-profile.schema.ts';
import { MemberIdParamsSchema } from '../../../domain/registry/registry.schema.ts';
import {
  addCompanyAddress,
  addCompanyContact,
  getMemberCompanyProfile,
  getOwnCompanyProfile,
  removeCompanyAddress,
  removeCompanyContact,
  updateCompanyAddressOf,
  updateCompanyContactOf,
  updateCompanyProfile,
} from './company-profile.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

const TAGS = ['registry'];

/** The company profile of an application (issue 4, item 4): profile, addresses, contacts. */
export const companyProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/registry/profile',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags: TAGS,
        summary: "Your company's profile: other names, history, addresses and contacts",
        response: { 200: CompanyProfileSchema, ...ERRORS },
      },
    },
    (request) => getOwnCompanyProfile(request.serviceContext()),
  );

  app.put(
    '/registry/profile',
    {
      config: { permission: 'company_profile:manage' },
      schema: {
        tags: TAGS,
        summary: "Save your company's profile fields (replacing them)",
        body: CompanyProfileBodySchema,
        response: { 200: CompanyProfileSchema, ...ERRORS },
      },
    },
    (request) => updateCompanyProfile(request.serviceContext(), request.body),
  );

  app.post(
    '/registry/profile/addresses',
    {
      config: { permission: 'company_profile:manage' },
      schema: {
        tags: TAGS,
        summary: 'Add an address: headquarters (one), office, cargo-handling site or mailing',
        body: CompanyAddressBodySchema,
        response: { 201: CompanyAddressSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const address = await addCompanyAddress(request.serviceContext(), request.body);
      return reply.code(201).send(address);
    },
  );

  app.put(
    '/registry/profile/addresses/:addressId',
    {
      config: { permission: 'company_profile:manage' },
      schema: {
        tags: TAGS,
        summary: 'Change one of your company’s addresses',
        params: CompanyAddressIdParamsSchema,
        body: CompanyAddressBodySchema,
        response: { 200: CompanyAddressSchema, ...ERRORS },
      },
    },
    (request) =>
      updateCompanyAddressOf(request.serviceContext(), request.params.addressId, request.body),
  );

  app.delete(
    '/registry/profile/addresses/:addressId',
    {
      config: { permission: 'company_profile:manage' },
      schema: {
        tags: TAGS,
        summary: 'Remove one of your company’s addresses',
        params: CompanyAddressIdParamsSchema,
        response: { 204: z.null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await removeCompanyAddress(request.serviceContext(), request.params.addressId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/registry/profile/contacts',
    {
      config: { permission: 'company_profile:manage' },
      schema: {
        tags: TAGS,
        summary: 'Add a contact: primary (one, a company officer), alternate, security, trade',
        body: CompanyContactBodySchema,
        response: { 201: CompanyContactSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const contact = await addCompanyContact(request.serviceContext(), request.body);
      return reply.code(201).send(contact);
    },
  );

  app.put(
    '/registry/profile/contacts/:contactId',
    {
      config: { permission: 'company_profile:manage' },
      schema: {
        tags: TAGS,
        summary: 'Change one of your company’s contacts',
        params: CompanyContactIdParamsSchema,
        body: CompanyContactBodySchema,
        response: { 200: CompanyContactSchema, ...ERRORS },
      },
    },
    (request) =>
      updateCompanyContactOf(request.serviceContext(), request.params.contactId, request.body),
  );

  app.delete(
    '/registry/profile/contacts/:contactId',
    {
      config: { permission: 'company_profile:manage' },
      schema: {
        tags: TAGS,
        summary: 'Remove one of your company’s contacts',
        params: CompanyContactIdParamsSchema,
        response: { 204: z.null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await removeCompanyContact(request.serviceContext(), request.params.contactId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/registry/members/:organisationId/profile',
    {
      config: { permission: 'registry:read:any' },
      schema: {
        tags: TAGS,
        summary: 'A member company’s profile, addresses and contacts (CBP)',
        params: MemberIdParamsSchema,
        response: { 200: CompanyProfileSchema, ...ERRORS },
      },
    },
    (request) => getMemberCompanyProfile(request.serviceContext(), request.params.organisationId),
  );
};
