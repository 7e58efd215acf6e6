import { queryOptions } from '@tanstack/react-query';
import {
  type SetTradeComplianceBody,
  TradeComplianceViewSchema,
} from '../../../../domain/registry/trade-compliance/trade-compliance.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const tradeComplianceKeys = {
  of: (organisationId: string) => ['trade-compliance', organisationId] as const,
};

function path(organisationId: string): string {
  return `/api/v1/registry/members/${encodeURIComponent(organisationId)}/trade-compliance`;
}

export function tradeComplianceQuery(organisationId: string) {
  return queryOptions({
    queryKey: tradeComplianceKeys.of(organisationId),
    queryFn: ({ signal }) => apiGet(path(organisationId), TradeComplianceViewSchema, { signal }),
  });
}

export function setTradeCompliance(organisationId: string, body: SetTradeComplianceBody) {
  return apiSend('PUT', path(organisationId), TradeComplianceViewSchema, body);
}
