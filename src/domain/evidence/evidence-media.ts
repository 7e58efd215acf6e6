import { EVIDENCE_MEDIA_TYPES, type EvidenceMediaType } from './evidence-vocabulary.ts';

/**
 * Which media type an uploaded evidence file really is (issue 5, item 4: "type sniffed from
 * content, not the name"), and whether what the uploader claims (the file name's extension and
 * the part's Content-Type) agrees with it. A file whose name says one thing and whose bytes say
 * another is the classic disguised upload (an executable named .pdf) and a frequent honest
 * mistake (a screenshot saved as .pdf): both are refused before anything is stored.
 *
 * The sniffing itself (file-type, on the bytes) is the server's; this module turns its answer
 * and the claims into a decision, so the rules are testable without files.
 */

/** The extensions each accepted type may carry. */
const EXTENSIONS: Readonly<Record<EvidenceMediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'text/csv': ['csv'],
  'text/plain': ['txt', 'text'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
};

/**
 * Content-Type values browsers send for each type besides the type itself. Windows reports a
 * .csv as `application/vnd.ms-excel` when Excel is installed, and older browsers send
 * `image/pjpeg`; refusing those would refuse honest uploads.
 */
const CONTENT_TYPE_ALIASES: Readonly<Partial<Record<EvidenceMediaType, readonly string[]>>> = {
  'image/jpeg': ['image/pjpeg', 'image/jpg'],
  'text/csv': [
    'application/csv',
    'application/vnd.ms-excel',
    'text/comma-separated-values',
    'text/x-csv',
    'text/plain',
  ],
  'application/msword': ['application/vnd.ms-word'],
};

/** Content-Type values that say "CSV" (text that is not named .csv is plain text). */
const CSV_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'text/comma-separated-values',
  'text/x-csv',
]);

/** Content-Type values that claim nothing (a browser that does not know the extension). */
const UNCLAIMED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  '',
  'application/octet-stream',
  'binary/octet-stream',
  'application/x-download',
]);

/** How a type is named in a refusal: "its content is a PNG image". */
export const MEDIA_TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'a PDF document',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'text/csv': 'CSV text',
  'text/plain': 'plain text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'an Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    'a PowerPoint presentation',
  'application/msword': 'a Word 97–2003 document',
  'application/vnd.ms-excel': 'an Excel 97–2003 workbook',
  'application/x-cfb': 'an old Microsoft Office (compound) file',
  'application/zip': 'a ZIP archive',
  'application/x-msdownload': 'a Windows program',
  'application/x-elf': 'a program',
};

export function describeMediaType(mediaType: string): string {
  return MEDIA_TYPE_DESCRIPTIONS[mediaType] ?? `of type ${mediaType}`;
}

/** The types a preview may show in the browser (a sandboxed PDF viewer or an image). */
export const PREVIEWABLE_MEDIA_TYPES: ReadonlySet<EvidenceMediaType> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

export function isEvidenceMediaType(value: string): value is EvidenceMediaType {
  return (EVIDENCE_MEDIA_TYPES as readonly string[]).includes(value);
}

/** `report.final.PDF` → `pdf`; no dot (or only a leading one) → null. */
export function extensionOf(filename: string): string | null {
  const base = filename.split(/[\\/]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) {
    return null;
  }
  return base.slice(dot + 1).toLowerCase();
}

/** The accepted type a (lower-case) extension names, or null when it names none. */
export function mediaTypeOfExtension(extension: string): EvidenceMediaType | null {
  for (const type of EVIDENCE_MEDIA_TYPES) {
    if (EXTENSIONS[type].includes(extension)) {
      return type;
    }
  }
  return null;
}

/** `Text/CSV; charset=utf-8` → `text/csv`. */
export function bareContentType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function contentTypeAgrees(claimed: string, actual: EvidenceMediaType): boolean {
  return (
    UNCLAIMED_CONTENT_TYPES.has(claimed) ||
    claimed === actual ||
    (CONTENT_TYPE_ALIASES[actual]?.includes(claimed) ?? false)
  );
}

/**
 * What the bytes are, as the server found out: a type file-type recognised by its signature
 * (`mime`), or text (valid UTF-8 without NUL bytes, which no signature identifies), or neither.
 */
export type SniffedContent = { kind: 'signature'; mime: string } | { kind: 'text' } | null;

export interface ClaimedType {
  filename: string;
  contentType: string | null;
}

export type MediaTypeDecision =
  | { ok: true; mediaType: EvidenceMediaType }
  | { ok: false; message: string };

function refuse(message: string): MediaTypeDecision {
  return { ok: false, message };
}

const ACCEPTED_LIST = 'PDF, PNG, JPEG, GIF, WebP, CSV, plain text, Word, Excel or PowerPoint';

/**
 * Resolves what the file is among the bytes' candidates. Old Office files (.doc, .xls) share
 * one container format (Compound File Binary) that file-type cannot tell apart: the claim picks
 * among them. Text is CSV when claimed as CSV, otherwise plain text.
 */
function candidateType(
  sniffed: NonNullable<SniffedContent>,
  claimedByExtension: EvidenceMediaType | null,
  contentType: string,
): EvidenceMediaType | { refused: string } {
  if (sniffed.kind === 'text') {
    const wantsCsv =
      claimedByExtension === 'text/csv' ||
      (claimedByExtension === null && CSV_CONTENT_TYPES.has(contentType));
    return wantsCsv ? 'text/csv' : 'text/plain';
  }
  if (sniffed.mime === 'application/x-cfb') {
    const named =
      claimedByExtension ??
      (contentType === 'application/msword' || contentType === 'application/vnd.ms-excel'
        ? contentType
        : null);
    if (named === 'application/msword' || named === 'application/vnd.ms-excel') {
      return named;
    }
    return {
      refused: `its content is ${describeMediaType(sniffed.mime)}; only Word (.doc) and Excel (.xls) files of that kind are accepted, named as such`,
    };
  }
  if (isEvidenceMediaType(sniffed.mime)) {
    return sniffed.mime;
  }
  return {
    refused: `its content is ${describeMediaType(sniffed.mime)}, which is not accepted as evidence (accepted: ${ACCEPTED_LIST})`,
  };
}

/**
 * The stored media type of an upload, or why it is refused: its content must be an accepted
 * type, and its name's extension and its Content-Type (when they claim anything) must agree.
 */
export function decideMediaType(sniffed: SniffedContent, claim: ClaimedType): MediaTypeDecision {
  const extension = extensionOf(claim.filename);
  const claimedByExtension = extension === null ? null : mediaTypeOfExtension(extension);
  const contentType = bareContentType(claim.contentType);
  if (sniffed === null) {
    return refuse(
      `its content is not a type accepted as evidence (accepted: ${ACCEPTED_LIST}); a binary file of unknown type is refused`,
    );
  }
  const candidate = candidateType(sniffed, claimedByExtension, contentType);
  if (typeof candidate !== 'string') {
    return refuse(candidate.refused);
  }
  if (extension !== null && claimedByExtension !== candidate) {
    return refuse(
      `the file says .${extension} but its content is ${describeMediaType(candidate)}: rename it, or upload the right file`,
    );
  }
  if (!contentTypeAgrees(contentType, candidate)) {
    return refuse(
      `the file was sent as ${contentType} but its content is ${describeMediaType(candidate)}`,
    );
  }
  return { ok: true, mediaType: candidate };
}

/**
 * Whether bytes are text as evidence accepts it: valid UTF-8 (a byte-order mark allowed) with
 * no NUL byte (binary formats are full of them; text never has one).
 */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) {
    return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
