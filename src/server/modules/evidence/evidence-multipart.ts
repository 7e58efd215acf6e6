import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/errors/error-codes.ts';
import { EVIDENCE_MAX_BYTES } from '../../../domain/evidence/evidence-vocabulary.ts';

/**
 * Reads an evidence upload (multipart/form-data) into memory: the one `file` part and the text
 * fields. @fastify/multipart (registered in the evidence routes only) enforces the limits while
 * streaming, so an oversized file is never held whole; the app's 1 MiB JSON body limit does not
 * apply to this route.
 */

/** The part limits (busboy): one file of at most 25 MiB, a few short text fields. */
export const EVIDENCE_MULTIPART_LIMITS = {
  fileSize: EVIDENCE_MAX_BYTES,
  files: 1,
  // title, description, expiresOn and up to 100 repeated criterionIds.
  fields: 110,
  parts: 112,
  // The description's 4,000 characters take up to 16,000 bytes in UTF-8.
  fieldSize: 16 * 1024,
  fieldNameSize: 100,
} as const;

export interface UploadedFile {
  filename: string;
  /** The part's Content-Type, as the client claimed it. */
  contentType: string | null;
  bytes: Buffer;
}

export interface EvidenceUpload {
  file: UploadedFile | null;
  /** Each text field's values in order (a field may repeat). */
  fields: Record<string, string[]>;
}

const FILE_FIELD = 'file';
const MiB = 1024 * 1024;

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The upload is not valid', {
    issues: [{ path, message }],
  });
}

/** The file is over the limit: 413, naming the field like a validation failure does. */
export function fileTooLarge(): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${EVIDENCE_MAX_BYTES / MiB} MiB`,
    {
      issues: [
        {
          path: `body.${FILE_FIELD}`,
          message: `is larger than the ${EVIDENCE_MAX_BYTES / MiB} MiB a document may have: split it or reduce its resolution`,
        },
      ],
    },
  );
}

/** @fastify/multipart's limit errors, as the API's answers. */
function fromMultipartError(error: unknown): AppError | null {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'FST_FILES_LIMIT':
      return invalid(`body.${FILE_FIELD}`, 'send one file per upload');
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
export async function readEvidenceUpload(request: FastifyRequest): Promise<EvidenceUpload> {
  if (!request.isMultipart()) {
    throw invalid(
      `body.${FILE_FIELD}`,
      'is required: send the form as multipart/form-data with the document in a part named "file"',
    );
  }
  const upload: EvidenceUpload = { file: null, fields: {} };
  let truncated = false;
  try {
    for await (const part of request.parts({ limits: EVIDENCE_MULTIPART_LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== FILE_FIELD) {
          await part.toBuffer().catch(() => undefined);
          throw invalid(
            `body.${part.fieldname}`,
            'is not a file field: send the document as "file"',
          );
        }
        const bytes = await part.toBuffer();
        // busboy stops at the limit and marks the stream truncated: the bytes are incomplete.
        truncated = truncated || part.file.truncated;
        upload.file = {
          filename: part.filename,
          contentType: part.mimetype || null,
          bytes,
        };
        continue;
      }
      if (part.valueTruncated) {
        throw invalid(`body.${part.fieldname}`, 'is too long');
      }
      const values = upload.fields[part.fieldname] ?? [];
      values.push(typeof part.value === 'string' ? part.value : String(part.value));
      upload.fields[part.fieldname] = values;
    }
  } catch (error) {
    throw fromMultipartError(error) ?? error;
  }
  if (truncated) {
    throw fileTooLarge();
  }
  return upload;
}
