import { queryOptions } from '@tanstack/react-query';
import {
  type RequestSviConnectionBody,
  type SendStatusConfirmationBody,
  type SviConnectionAction,
  SviConnectionListSchema,
  SviConnectionSchema,
  SviParticipationSchema,
  SviStatusConfirmationListSchema,
  SviStatusConfirmationSchema,
} from '../../../../domain/registry/status-verification/svi.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

/** Every SVI query starts with `svi`: a change invalidates them all at once. */
export const sviKeys = {
  all: ['svi'] as const,
  participation: ['svi', 'participation'] as const,
  connections: ['svi', 'connections'] as const,
  confirmations: ['svi', 'status-confirmations'] as const,
};

export function sviParticipationQuery() {
  return queryOptions({
    queryKey: sviKeys.participation,
    queryFn: ({ signal }) =>
      apiGet('/api/v1/svi/participation', SviParticipationSchema, { signal }),
  });
}

export function sviConnectionsQuery() {
  return queryOptions({
    queryKey: sviKeys.connections,
    queryFn: ({ signal }) => apiGet('/api/v1/svi/connections', SviConnectionListSchema, { signal }),
  });
}

export function sviStatusConfirmationsQuery() {
  return queryOptions({
    queryKey: sviKeys.confirmations,
    queryFn: ({ signal }) =>
      apiGet('/api/v1/svi/status-confirmations', SviStatusConfirmationListSchema, { signal }),
  });
}

export function joinSvi() {
  return apiSend('POST', '/api/v1/svi/participation', SviParticipationSchema, { consent: true });
}

export function leaveSvi() {
  return apiSend('DELETE', '/api/v1/svi/participation', SviParticipationSchema);
}

export function requestSviConnection(body: RequestSviConnectionBody) {
  return apiSend('POST', '/api/v1/svi/connections', SviConnectionSchema, body);
}

export function actOnSviConnection(connectionId: string, action: SviConnectionAction) {
  return apiSend(
    'POST',
    `/api/v1/svi/connections/${encodeURIComponent(connectionId)}/${action}`,
    SviConnectionSchema,
  );
}

export function sendSviStatusConfirmation(body: SendStatusConfirmationBody) {
  return apiSend('POST', '/api/v1/svi/status-confirmations', SviStatusConfirmationSchema, body);
}
