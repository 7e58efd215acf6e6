import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { DocumentLanguage } from '../../../../domain/validations/validation-vocabulary.ts';
import {
  type DecideReportBody,
  FindingSchema,
  HoursSummarySchema,
  MemberReportSchema,
  type RecordHoursBody,
  type ReportFormat,
  type SaveFindingBody,
  type SaveReportBody,
  WorkProgramSchema,
} from '../../../../domain/validations/work-program.schema.ts';
import { apiGet, apiSend, apiUrl } from '../../../lib/api-client.ts';

/**
 * The work program, findings, staff hours and report of a validation (issue 6, items 4 and 5).
 * Routes: src/server/modules/validations/validation-work.routes.ts. Every change refreshes every
 * validation query (the status and version move with the report), under `['validations']`.
 */

export const validationWorkKeys = {
  all: ['validations'] as const,
  workProgram: (validationId: string) => ['validations', 'work-program', validationId] as const,
  memberReport: (validationId: string) => ['validations', 'member-report', validationId] as const,
};

function cbpPath(validationId: string, rest = ''): string {
  return `/api/v1/cbp/validations/${encodeURIComponent(validationId)}${rest}`;
}

export function workProgramQuery(validationId: string) {
  return queryOptions({
    queryKey: validationWorkKeys.workProgram(validationId),
    queryFn: ({ signal }) =>
      apiGet(cbpPath(validationId, '/work-program'), WorkProgramSchema, { signal }),
  });
}

export function refreshValidations(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: validationWorkKeys.all });
}

export function saveFinding(validationId: string, body: SaveFindingBody) {
  return apiSend('PUT', cbpPath(validationId, '/findings'), FindingSchema, body);
}

export function deleteFinding(validationId: string, findingId: string, expectedVersion: number) {
  return apiSend(
    'DELETE',
    `${cbpPath(validationId, `/findings/${encodeURIComponent(findingId)}`)}?expectedVersion=${expectedVersion}`,
    z.null(),
  );
}

export function recordHours(validationId: string, body: RecordHoursBody) {
  return apiSend('POST', cbpPath(validationId, '/hours'), HoursSummarySchema, body);
}

export function deleteHours(validationId: string, hoursId: string) {
  return apiSend(
    'DELETE',
    cbpPath(validationId, `/hours/${encodeURIComponent(hoursId)}`),
    HoursSummarySchema,
  );
}

export function saveReportDraft(validationId: string, body: SaveReportBody) {
  return apiSend('PUT', cbpPath(validationId, '/report'), WorkProgramSchema, body);
}

export function submitReport(validationId: string, expectedVersion: number) {
  return apiSend('POST', cbpPath(validationId, '/report/submit'), WorkProgramSchema, {
    expectedVersion,
  });
}

export function decideReport(validationId: string, body: DecideReportBody) {
  return apiSend('POST', cbpPath(validationId, '/report/decision'), WorkProgramSchema, body);
}

/** The member's own issued report. */
export function memberReportQuery(validationId: string) {
  return queryOptions({
    queryKey: validationWorkKeys.memberReport(validationId),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/validations/${encodeURIComponent(validationId)}/report`, MemberReportSchema, {
        signal,
      }),
    retry: false,
  });
}

/** Where the stored report document downloads from, for the member or for CBP. */
export function reportFileUrl(
  side: 'member' | 'cbp',
  validationId: string,
  format: ReportFormat,
  language: DocumentLanguage,
): string {
  const base =
    side === 'cbp'
      ? cbpPath(validationId, `/report/${format}`)
      : `/api/v1/validations/${encodeURIComponent(validationId)}/report/${format}`;
  return apiUrl(base, { lang: language });
}
