import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FileProtestBodyInput } from '../../../../domain/protests/protest.schema.ts';
import {
  ProtestAttachmentViewSchema,
  ProtestPageSchema,
  ProtestViewSchema,
} from '../../../../domain/protests/protest-api.schema.ts';
import type { AmendProtestBody } from '../../../../domain/protests/protest-member-requests.schema.ts';
import type { ProtestStatus } from '../../../../domain/protests/protest-vocabulary.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

/**
 * The member side of the protests API (issue 7, items 1, 2 and 6): the company's protests,
 * filing, amendment, accelerated disposition, withdrawal and attachments. Routes:
 * src/server/modules/protests/protests.routes.ts.
 */

export type ProtestAttachmentView = z.infer<typeof ProtestAttachmentViewSchema>;
export type ProtestAttachmentKind = ProtestAttachmentView['kind'];

export interface OwnProtestsFilter {
  status?: ProtestStatus | undefined;
  q?: string | undefined;
  cursor?: string | null;
}

export const protestKeys = {
  all: ['protests'] as const,
  own: (organisationId: string, filter: OwnProtestsFilter) =>
    [...protestKeys.all, organisationId, 'own', filter] as const,
  one: (organisationId: string, protestId: string) =>
    [...protestKeys.all, organisationId, 'one', protestId] as const,
};

function protestPath(protestId: string, rest = ''): string {
  return `/api/v1/protests/${encodeURIComponent(protestId)}${rest}`;
}

/** The company's protests, newest filing first (the key names the company). */
export function ownProtestsQuery(organisationId: string, filter: OwnProtestsFilter) {
  return queryOptions({
    queryKey: protestKeys.own(organisationId, filter),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/protests', ProtestPageSchema, {
        signal,
        query: { status: filter.status, q: filter.q, cursor: filter.cursor ?? undefined },
      }),
  });
}

export function ownProtestQuery(organisationId: string, protestId: string) {
  return queryOptions({
    queryKey: protestKeys.one(organisationId, protestId),
    queryFn: ({ signal }) => apiGet(protestPath(protestId), ProtestViewSchema, { signal }),
  });
}

export function fileProtest(body: FileProtestBodyInput) {
  return apiSend('POST', '/api/v1/protests', ProtestViewSchema, body);
}

/** Records a protest filed elsewhere, with the number CBP gave it and the day it was filed. */
export function recordProtest(
  body: FileProtestBodyInput & { protestNumber: string; filedOn: string },
) {
  return apiSend('POST', '/api/v1/protests/recorded', ProtestViewSchema, body);
}

export function amendProtest(protestId: string, body: AmendProtestBody) {
  return apiSend('PATCH', protestPath(protestId), ProtestViewSchema, body);
}

export function requestAcceleratedDisposition(protestId: string, mailedOn: string) {
  return apiSend('POST', protestPath(protestId, '/accelerated-disposition'), ProtestViewSchema, {
    mailedOn,
  });
}

/** Asks the Commissioner to set aside the denial of further review (19 U.S.C. 1515(c)). */
export function requestSetAside(protestId: string, reasons: string, expectedVersion: number) {
  return apiSend('POST', protestPath(protestId, '/set-aside-request'), ProtestViewSchema, {
    reasons: reasons.trim(),
    expectedVersion,
  });
}

export function withdrawProtest(protestId: string, reason: string) {
  const trimmed = reason.trim();
  return apiSend(
    'POST',
    protestPath(protestId, '/withdraw'),
    ProtestViewSchema,
    trimmed === '' ? {} : { reason: trimmed },
  );
}

/** Uploads the details spreadsheet or a supporting document (multipart: kind, then file). */
export function uploadProtestAttachment(
  protestId: string,
  kind: ProtestAttachmentKind,
  file: File | null,
) {
  const form = new FormData();
  form.append('kind', kind);
  if (file !== null) {
    form.append('file', file, file.name);
  }
  return apiSend('POST', protestPath(protestId, '/attachments'), ProtestAttachmentViewSchema, form);
}

export function protestAttachmentUrl(protestId: string, attachmentId: string): string {
  return protestPath(protestId, `/attachments/${encodeURIComponent(attachmentId)}/content`);
}

export function ownDenialNoticeUrl(protestId: string): string {
  return protestPath(protestId, '/denial-notice.pdf');
}

/** After any change: every protest list and page (member and CBP) is read again. */
export function refreshProtests(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: protestKeys.all });
}
