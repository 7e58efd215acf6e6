/**
 * The evidence library (issue 5, item 4): documents uploaded once, linked to many criteria and
 * profile versions, with an expiry date. The media type is sniffed from the content, never taken
 * from the file name (evidence-types.ts decides which types are accepted).
 */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** 25 MiB per file: scanned policies and photo sets fit; video does not belong here. */
export const EVIDENCE_MAX_BYTES = 25 * 1024 * 1024;
