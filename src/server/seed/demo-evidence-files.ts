import { crc32, deflateSync } from 'node:zlib';

/**
 * The bytes of the demo evidence documents (demo-security-profiles.ts), made here so the demo
 * data set needs no binary files: a one-page PDF of text, a small PNG picture and a CSV sheet.
 * Each is a real file of its type, as an upload would bring it (the evidence checks sniff the
 * type from the content and open every PDF: docs/decisions/0023), and the same on every machine.
 */

/** PDF string literal: backslashes and parentheses escaped, anything outside ASCII dropped. */
function pdfText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[\\()]/g, (character) => `\\${character}`);
}

/** A one-page PDF (Helvetica, US Letter) with a title and lines of text, top to bottom. */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const text = [
    'BT /F1 18 Tf 72 720 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 11 Tf 0 -30 Td 15 TL',
    ...lines.map((line) => `(${pdfText(line)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
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
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, checksum]);
}

export type Rgb = readonly [number, number, number];

/** An 8-bit RGB PNG of `width` × `height` pixels, each coloured by `pixel(x, y)`. */
export function demoPng(width: number, height: number, pixel: (x: number, y: number) => Rgb) {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const [r, g, b] = pixel(x, y);
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A picture of a framed notice on a wall: a wall-coloured background, a white sheet with a dark
 * frame, a heading band and grey lines of text, and a signature. Enough to look like the photo
 * of a posted statement in a preview; nobody is meant to read it.
 */
export function postedNoticePng(): Buffer {
  const width = 240;
  const height = 180;
  const wall: Rgb = [214, 204, 186];
  const frame: Rgb = [60, 52, 44];
  const paper: Rgb = [250, 250, 246];
  const heading: Rgb = [0, 94, 162];
  const ink: Rgb = [140, 140, 140];
  const signature: Rgb = [30, 40, 110];
  const sheet = { left: 60, right: 180, top: 20, bottom: 160 };
  return demoPng(width, height, (x, y) => {
    const inSheet = x >= sheet.left && x < sheet.right && y >= sheet.top && y < sheet.bottom;
    if (!inSheet) return wall;
    const border =
      x < sheet.left + 4 || x >= sheet.right - 4 || y < sheet.top + 4 || y >= sheet.bottom - 4;
    if (border) return frame;
    if (y >= 32 && y < 42 && x >= 76 && x < 164) return heading;
    const line = (y - 54) % 8 < 2 && y >= 54 && y < 124 && x >= 74 && x < 166 - ((y * 7) % 23);
    if (line) return ink;
    const stroke = y >= 136 && y < 148 && Math.abs(((x - 120) % 12) - (y - 142)) < 2 && x >= 120;
    if (stroke && x < 160) return signature;
    return paper;
  });
}

/** A UTF-8 CSV sheet: a header row and data rows, fields quoted where needed, CRLF endings. */
export function demoCsv(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const field = (value: string) =>
    /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
