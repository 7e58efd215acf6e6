import { createHash } from 'node:crypto';
import { isPlainText, type SniffedContent } from '../../../domain/evidence/evidence-media.ts';

/**
 * Looks inside an uploaded file's bytes (issue 5, item 4): what it is by its signature
 * (file-type reads magic numbers and, for Office files, the ZIP's manifest), whether it is text,
 * whether a PDF opens, and its SHA-256. Both libraries load on first use: a server that never
 * receives an upload never holds pdf.js.
 */

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes' type by signature; text when no signature matches but the bytes are text. */
export async function sniffContent(bytes: Uint8Array): Promise<SniffedContent> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    return { kind: 'signature', mime: found.mime };
  }
  return isPlainText(bytes) ? { kind: 'text' } : null;
}

export type PdfReadability =
  | { readable: true; pages: number }
  | { readable: false; reason: string };

/**
 * Whether a PDF opens without a password and its text can be read: a PDF CBP cannot open is
 * evidence that does not count (an unreadable PDF is one of the commonest rejected uploads).
 * pdf.js repairs what it can, so what it refuses is truly broken or locked.
 */
export async function pdfReadability(bytes: Uint8Array): Promise<PdfReadability> {
  const { getDocumentProxy, extractText } = await import('unpdf');
  let document: Awaited<ReturnType<typeof getDocumentProxy>> | null = null;
  try {
    // A copy: pdf.js may take over (detach) the buffer it is given. Verbosity 0: errors only.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    await extractText(document, { mergePages: true });
    return { readable: true, pages: document.numPages };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return { readable: false, reason: 'it is protected with a password (encrypted)' };
    }
    return { readable: false, reason: 'it is damaged or not a complete PDF' };
  } finally {
    await document?.loadingTask.destroy().catch(() => {});
  }
}
