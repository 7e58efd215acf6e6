import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors/error-codes.ts';

/**
 * Reads a protest attachment upload (multipart/form-data) into memory: one `file` part and the
 * `kind` field. @fastify/multipart (registered in the protest routes only) enforces the limits
 * while streaming, so an oversized file is never held whole.
 */

/** ACE's per-file limit (trade-compliance-protests-exams.md §2.7: "A 10 MB per-file upload limit"). */
export const PROTEST_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const PROTEST_MULTIPART_LIMITS = {
  fileSize: PROTEST_ATTACHMENT_MAX_BYTES,
  files: 1,
  fields: 5,
  parts: 6,
  fieldSize: 1024,
  fieldNameSize: 100,
} as const;

export const PROTEST_ATTACHMENT_KINDS = ['details_spreadsheet', 'supporting_document'] as const;
export type ProtestAttachmentKind = (typeof PROTEST_ATTACHMENT_KINDS)[number];

export interface ProtestAttachmentUpload {
  kind: string | null;
  file: { filename: string; contentType: string | null; bytes: Buffer } | null;
}

const MiB = 1024 * 1024;

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The upload is not valid', {
    issues: [{ path, message }],
  });
}

function fileTooLarge(): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${PROTEST_ATTACHMENT_MAX_BYTES / MiB} MiB`,
    {
      issues: [
        {
          path: 'body.file',
          message: `is larger than the ${PROTEST_ATTACHMENT_MAX_BYTES / MiB} MiB a protest attachment may have (the ACE limit): split it`,
        },
      ],
    },
  );
}

function fromMultipartError(error: unknown): AppError | null {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'FST_FILES_LIMIT':
      return invalid('body.file', 'send one file per upload');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return invalid('body', 'has too many fields');
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileTooLarge();
    case 'FST_PROTO_VIOLATION':
      return invalid('body', 'has a field name that is not allowed');
    default:
      return null;
  }
}

/** Reads every part; refuses a second file, an oversized one and over-long fields. */
export async function readProtestAttachmentUpload(
  request: FastifyRequest,
): Promise<ProtestAttachmentUpload> {
  if (!request.isMultipart()) {
    throw invalid(
      'body.file',
      'is required: send the form as multipart/form-data with the file in a part named "file" and the field "kind"',
    );
  }
  const upload: ProtestAttachmentUpload = { kind: null, file: null };
  let truncated = false;
  try {
    for await (const part of request.parts({ limits: PROTEST_MULTIPART_LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          await part.toBuffer().catch(() => undefined);
          throw invalid(`body.${part.fieldname}`, 'is not a file field: send the file as "file"');
        }
        const bytes = await part.toBuffer();
        truncated = truncated || part.file.truncated;
        upload.file = { filename: part.filename, contentType: part.mimetype || null, bytes };
        continue;
      }
      if (part.valueTruncated) {
        throw invalid(`body.${part.fieldname}`, 'is too long');
      }
      if (part.fieldname === 'kind') {
        upload.kind = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (error) {
    throw fromMultipartError(error) ?? error;
  }
  if (truncated) {
    throw fileTooLarge();
  }
  return upload;
}
