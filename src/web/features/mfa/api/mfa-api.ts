import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  MfaStatusSchema,
  RecoveryCodesSchema,
  TotpEnrolmentSchema,
} from '../../../../domain/accounts/mfa.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const mfaKeys = {
  status: ['mfa', 'status'] as const,
  enrolment: (userId: string) => ['mfa', 'enrolment', userId] as const,
};

export function mfaStatusQuery() {
  return queryOptions({
    queryKey: mfaKeys.status,
    queryFn: ({ signal }) => apiGet('/api/v1/account/mfa', MfaStatusSchema, { signal }),
  });
}

/**
 * A new authenticator secret and QR code. A POST read through a query on purpose: the page
 * needs it once on arrival, and the query cache makes sure one request is sent (React's strict
 * mode mounts twice in development) and the secret shown is the one the server keeps. Each new
 * visit to the page starts over (gcTime 0), as the server does for an unconfirmed set-up.
 */
export function totpEnrolmentQuery(userId: string) {
  return queryOptions({
    queryKey: mfaKeys.enrolment(userId),
    queryFn: () => apiSend('POST', '/api/v1/account/mfa/totp', TotpEnrolmentSchema),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
}

export function confirmTotpEnrolment(code: string) {
  return apiSend('POST', '/api/v1/account/mfa/totp/confirm', RecoveryCodesSchema, { code });
}

export function disableTotp(code: string) {
  return apiSend('DELETE', '/api/v1/account/mfa/totp', z.null(), { code });
}

export function regenerateRecoveryCodes(code: string) {
  return apiSend('POST', '/api/v1/account/mfa/recovery-codes', RecoveryCodesSchema, { code });
}
