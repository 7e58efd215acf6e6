import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ApiTokenListSchema,
  type CreateApiTokenBody,
  CreatedApiTokenSchema,
} from '../../../../domain/accounts/api-token.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const apiTokenKeys = { list: ['api-tokens', 'list'] as const };

export function apiTokensQuery() {
  return queryOptions({
    queryKey: apiTokenKeys.list,
    queryFn: ({ signal }) => apiGet('/api/v1/api-tokens', ApiTokenListSchema, { signal }),
  });
}

export function createApiToken(body: CreateApiTokenBody) {
  return apiSend('POST', '/api/v1/api-tokens', CreatedApiTokenSchema, body);
}

export function revokeApiToken(id: string) {
  return apiSend('DELETE', `/api/v1/api-tokens/${encodeURIComponent(id)}`, z.null());
}
