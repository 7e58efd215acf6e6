import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type CreateMraProgramBody,
  MraProgramListSchema,
  MraProgramViewSchema,
  PartnerCertificationListSchema,
  PartnerCertificationViewSchema,
  type RecordPartnerCertificationBody,
  type UpdateMraProgramBody,
} from '../../../../domain/registry/mutual-recognition/mutual-recognition.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const mraKeys = {
  programs: ['mra', 'programs'] as const,
  certifications: ['mra', 'partner-certifications'] as const,
};

export function mraProgramsQuery() {
  return queryOptions({
    queryKey: mraKeys.programs,
    queryFn: ({ signal }) =>
      apiGet('/api/v1/registry/mra-programs', MraProgramListSchema, { signal }),
  });
}

export function createMraProgram(body: CreateMraProgramBody) {
  return apiSend('POST', '/api/v1/registry/mra-programs', MraProgramViewSchema, body);
}

export function updateMraProgram(programId: string, body: UpdateMraProgramBody) {
  return apiSend(
    'PUT',
    `/api/v1/registry/mra-programs/${encodeURIComponent(programId)}`,
    MraProgramViewSchema,
    body,
  );
}

export function partnerCertificationsQuery() {
  return queryOptions({
    queryKey: mraKeys.certifications,
    queryFn: ({ signal }) =>
      apiGet('/api/v1/registry/partner-certifications', PartnerCertificationListSchema, { signal }),
  });
}

export function recordPartnerCertification(body: RecordPartnerCertificationBody) {
  return apiSend(
    'POST',
    '/api/v1/registry/partner-certifications',
    PartnerCertificationViewSchema,
    body,
  );
}

export function removePartnerCertification(certificationId: string) {
  return apiSend(
    'DELETE',
    `/api/v1/registry/partner-certifications/${encodeURIComponent(certificationId)}`,
    z.null(),
  );
}
