import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import { MemberIdParamsSchema } from '../../../domain/registry/registry.schema.ts';
import {
  SetTradeComplianceBodySchema,
  TradeComplianceViewSchema,
} from '../../../domain/registry/trade-compliance/trade-compliance.schema.ts';
import { getTradeCompliance, setTradeCompliance } from './trade-compliance.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

/** A member's CTPAT Trade Compliance status, set by CBP program managers (issue 7, item 3). */
export const tradeComplianceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/registry/members/:organisationId/trade-compliance',
    {
      config: { permission: 'registry:read:any' },
      schema: {
        tags: ['registry'],
        summary: 'A member’s Trade Compliance status and its history (CBP)',
        params: MemberIdParamsSchema,
        response: { 200: TradeComplianceViewSchema, ...ERRORS },
      },
    },
    (request) => getTradeCompliance(request.serviceContext(), request.params.organisationId),
  );

  app.put(
    '/registry/members/:organisationId/trade-compliance',
    {
      config: { permission: 'trade_compliance:manage:any' },
      schema: {
        tags: ['registry'],
        summary: 'Set a member’s Trade Compliance status, with the date and the reason (CBP)',
        params: MemberIdParamsSchema,
        body: SetTradeComplianceBodySchema,
        response: { 200: TradeComplianceViewSchema, ...ERRORS },
      },
    },
    (request) =>
      setTradeCompliance(request.serviceContext(), request.params.organisationId, request.body),
  );
};
