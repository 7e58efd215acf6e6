import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type AcceptInvitationBody,
  type CreateInvitationBody,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationSchema,
} from '../../../../domain/accounts/invitation.schema.ts';
import { SessionViewSchema } from '../../../../domain/accounts/session.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const invitationKeys = {
  list: ['invitations', 'list'] as const,
  preview: (token: string) => ['invitations', 'preview', token] as const,
};

export function invitationPreviewQuery(token: string) {
  return queryOptions({
    queryKey: invitationKeys.preview(token),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/invitations/preview', InvitationPreviewSchema, { query: { token }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function acceptInvitation(body: AcceptInvitationBody) {
  return apiSend('POST', '/api/v1/invitations/accept', SessionViewSchema, body);
}

export function invitationsQuery() {
  return queryOptions({
    queryKey: invitationKeys.list,
    queryFn: ({ signal }) => apiGet('/api/v1/invitations', InvitationListSchema, { signal }),
  });
}

export function createInvitation(body: CreateInvitationBody) {
  return apiSend('POST', '/api/v1/invitations', InvitationSchema, body);
}

export function revokeInvitation(id: string) {
  return apiSend('DELETE', `/api/v1/invitations/${encodeURIComponent(id)}`, z.null());
}
