import { strFromU8, unzipSync } from 'fflate';

/**
 * Generated documents read back as text (architecture.md: documents are tested by reading them,
 * not only by "no error"): a PDF through pdf.js (unpdf), a Word file by unzipping it and reading
 * word/document.xml (fflate, the zip library `docx` itself writes with).
 */

/** Each page's text, as pdf.js extracts it. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  // A copy: pdf.js may take over (detach) the buffer it is given. Verbosity 0: errors only.
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(document, { mergePages: false });
    return text;
  } finally {
    await document.loadingTask.destroy();
  }
}

/** Whitespace (line breaks, wrapping) folded to single spaces, to compare text as written. */
export function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The whole PDF's text, whitespace folded. `footer` (a running footer such as "Page 3 of 9") is
 * taken out of every page first, so text that flows across a page break reads as written.
 */
export async function pdfText(bytes: Uint8Array, footer?: RegExp): Promise<string> {
  const pages = await pdfPages(bytes);
  return folded(
    pages.map((page) => (footer ? folded(page).replace(footer, ' ') : page)).join('\n'),
  );
}

/** One part of an Office file (a zip), as text; throws when the part is missing. */
export function zipPart(bytes: Uint8Array, path: string): string {
  const part = unzipSync(new Uint8Array(bytes), { filter: (file) => file.name === path })[path];
  if (!part) {
    throw new Error(`${path} is not in the file`);
  }
  return strFromU8(part);
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/** The text of WordprocessingML: line breaks and paragraph ends as line feeds, tags removed. */
export function wordText(xml: string): string {
  return xml
    .replace(/<w:br\/>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) =>
      String.fromCodePoint(Number.parseInt(code, 16)),
    );
}

/** A Word file's body text (word/document.xml), whitespace folded. */
export function docxText(bytes: Uint8Array): string {
  return folded(wordText(zipPart(bytes, 'word/document.xml')));
}
