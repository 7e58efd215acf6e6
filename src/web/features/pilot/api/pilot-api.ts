import { queryOptions } from '@tanstack/react-query';
import {
  OwnPilotViewSchema,
  type PilotDecisionBody,
  PilotQueueSchema,
  PilotRequestViewSchema,
} from '../../../../domain/registry/lifecycle/pilot.schema.ts';
import type { PilotCategory } from '../../../../domain/registry/lifecycle/third-party-logistics-pilot.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const pilotKeys = {
  all: ['pilot'] as const,
  own: ['pilot', 'own'] as const,
  queue: ['pilot', 'queue'] as const,
};

/** The pilot's dates and places, and the caller's company's requests. */
export function ownPilotQuery() {
  return queryOptions({
    queryKey: pilotKeys.own,
    queryFn: ({ signal }) => apiGet('/api/v1/registry/pilot', OwnPilotViewSchema, { signal }),
  });
}

/** CBP: every request per category, first come first served. */
export function pilotQueueQuery() {
  return queryOptions({
    queryKey: pilotKeys.queue,
    queryFn: ({ signal }) =>
      apiGet('/api/v1/registry/pilot/requests', PilotQueueSchema, { signal }),
  });
}

export function requestPilotPlace(category: PilotCategory) {
  return apiSend('POST', '/api/v1/registry/pilot/requests', PilotRequestViewSchema, { category });
}

export function withdrawPilotRequest(requestId: string) {
  return apiSend(
    'POST',
    `/api/v1/registry/pilot/requests/${encodeURIComponent(requestId)}/withdraw`,
    PilotRequestViewSchema,
    {},
  );
}

export function decidePilotRequest(requestId: string, body: PilotDecisionBody) {
  return apiSend(
    'POST',
    `/api/v1/registry/pilot/requests/${encodeURIComponent(requestId)}/decision`,
    PilotRequestViewSchema,
    body,
  );
}
