import { randomUUID } from 'node:crypto';

/**
 * Evidence files for tests, made by hand so every byte is known: a minimal valid PDF (one page
 * of text, a correct cross-reference table), a PDF that asks for a password, a 1×1 PNG, and the
 * multipart/form-data body a browser sends for an upload.
 */

function pdfFrom(objects: readonly string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) {
    out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A one-page PDF showing `text` (ASCII, no parentheses or backslashes). */
export function minimalPdf(text = 'Security policy'): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  return pdfFrom([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/**
 * A PDF encrypted with the standard security handler whose user password is not empty: its /U
 * entry does not match the empty password, so a reader must ask for one.
 */
export function passwordProtectedPdf(): Buffer {
  const filler = `<${'8f'.repeat(32)}>`;
  return pdfFrom(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
      `<< /Filter /Standard /V 1 /R 2 /O ${filler} /U ${filler} /P -44 >>`,
    ],
    ` /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`,
  );
}

/** A PDF header followed by nothing a reader can use. */
export function corruptPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n%% truncated here\n',
    'latin1',
  );
}

/** A valid 1×1 transparent PNG (67 bytes). */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** A PNG made different from every other by bytes after its end (readers ignore them). */
export function uniquePng(): Buffer {
  return Buffer.concat([tinyPng(), Buffer.from(randomUUID())]);
}

export interface UploadFile {
  filename: string;
  contentType?: string;
  content: Buffer;
}

/**
 * A multipart/form-data body: text fields (an array repeats the field) and at most the given
 * files, in order, each as a part named `file` unless `name` says otherwise.
 */
export function multipartBody(
  fields: Record<string, string | readonly string[]>,
  files: readonly (UploadFile & { name?: string })[] = [],
): { payload: Buffer; headers: { 'content-type': string } } {
  const boundary = `----ctpat-test-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const one of typeof value === 'string' ? [value] : value) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${one}\r\n`,
        ),
      );
    }
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
