import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  AcceptedSchema,
  AccountProfileSchema,
  type ChangeEmailBody,
  type ChangePasswordBody,
  EmailChangedSchema,
  type PasswordResetCompleteBody,
  type UpdateAccountBody,
} from '../../../../domain/accounts/account.schema.ts';
import { SessionListSchema } from '../../../../domain/accounts/session.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const accountKeys = {
  profile: ['account', 'profile'] as const,
  sessions: ['account', 'sessions'] as const,
};

export function accountProfileQuery() {
  return queryOptions({
    queryKey: accountKeys.profile,
    queryFn: ({ signal }) => apiGet('/api/v1/account', AccountProfileSchema, { signal }),
  });
}

export function updateAccount(body: UpdateAccountBody) {
  return apiSend('PATCH', '/api/v1/account', AccountProfileSchema, body);
}

export function changePassword(body: ChangePasswordBody) {
  return apiSend(
    'POST',
    '/api/v1/account/password',
    z.object({ revokedSessions: z.number().int() }),
    body,
  );
}

export function requestEmailChange(body: ChangeEmailBody) {
  return apiSend('POST', '/api/v1/account/email', AcceptedSchema, body);
}

export function confirmEmailChange(token: string) {
  return apiSend('POST', '/api/v1/account/email/confirm', EmailChangedSchema, { token });
}

export function requestPasswordReset(email: string) {
  return apiSend('POST', '/api/v1/auth/password-reset', AcceptedSchema, { email });
}

export function completePasswordReset(body: PasswordResetCompleteBody) {
  return apiSend('POST', '/api/v1/auth/password-reset/complete', z.null(), body);
}

export function mySessionsQuery() {
  return queryOptions({
    queryKey: accountKeys.sessions,
    queryFn: ({ signal }) => apiGet('/api/v1/auth/sessions', SessionListSchema, { signal }),
  });
}

export function revokeSession(id: string) {
  return apiSend('DELETE', `/api/v1/auth/sessions/${encodeURIComponent(id)}`, z.null());
}

export function signOutEverywhereElse() {
  return apiSend(
    'POST',
    '/api/v1/auth/sign-out-everywhere-else',
    z.object({ revoked: z.number().int() }),
  );
}
