import type { DocumentBlock, DocumentModel, KeyValue, TableColumn } from './document-model.ts';
import { pageLabelFor } from './document-model.ts';
import { toWinAnsi } from './text-encoding.ts';

/**
 * A DocumentModel as PDF, with pdfkit and the PDF standard fonts (Helvetica: nothing embedded,
 * nothing to install; text-encoding.ts says which characters they hold).
 *
 * The layout is done here, line by line, rather than by pdfkit's own text flow, so that every
 * page break is a decision: a heading stays with what follows it, a table row that fits on the
 * next page moves there whole (under a repeated header row), a row taller than a page is split
 * between lines, and every page gets a footer with the document title and "Page n of N".
 *
 * pdfkit is loaded on the first document (a dynamic import), so a server that never renders one
 * does not carry it in memory (bench row 3 measures the server's memory).
 */

/** pdfkit's document (its types are global, from @types/pdfkit). */
type PdfDocument = PDFKit.PDFDocument;

const PAGE = { width: 612, height: 792 }; // US Letter, in points
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FOOTER_Y = PAGE.height - 44;

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
const COLOR = { text: '#1b1b1b', muted: '#565c65', rule: '#a9aeb1', headerFill: '#e6e6e6' };

interface TextStyle {
  font: string;
  size: number;
  lineHeight: number;
  color: string;
}

const BODY: TextStyle = { font: FONT.regular, size: 10, lineHeight: 13.5, color: COLOR.text };
const MUTED: TextStyle = { font: FONT.regular, size: 9, lineHeight: 12, color: COLOR.muted };
const EMPHASIS: TextStyle = { ...BODY, font: FONT.bold };
const CELL: TextStyle = { font: FONT.regular, size: 8.5, lineHeight: 11, color: COLOR.text };
const HEADER_CELL: TextStyle = { ...CELL, font: FONT.bold };
const KEY: TextStyle = { font: FONT.bold, size: 9.5, lineHeight: 12.5, color: COLOR.text };
const VALUE: TextStyle = { ...KEY, font: FONT.regular };
const HEADINGS: Record<1 | 2 | 3, TextStyle & { before: number; after: number }> = {
  1: { font: FONT.bold, size: 17, lineHeight: 21, color: COLOR.text, before: 6, after: 8 },
  2: { font: FONT.bold, size: 13, lineHeight: 17, color: COLOR.text, before: 14, after: 6 },
  3: { font: FONT.bold, size: 10.5, lineHeight: 14, color: COLOR.text, before: 10, after: 3 },
};
const CELL_PADDING = 3;
const PARAGRAPH_GAP = 6;
const BLOCK_GAP = 8;
/** A row taller than a page is started on the current page only if this many lines fit. */
const MIN_SPLIT_LINES = 3;

/** One table row as laid out: each cell's lines. */
type RowLines = string[][];

class PdfLayout {
  private y = MARGIN.top;
  private readonly bottom = PAGE.height - MARGIN.bottom;
  private readonly widths = new Map<string, number>();
  private outlineTop: PDFKit.PDFOutline | null = null;

  private readonly doc: PdfDocument;

  constructor(doc: PdfDocument) {
    this.doc = doc;
  }

  // ------------------------------------------------------------------------------------------
  // Measuring and wrapping

  private width(text: string, style: TextStyle): number {
    const key = `${style.font}|${style.size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc.font(style.font).fontSize(style.size).widthOfString(text);
      // Words repeat: caching them makes wrapping a long narrative cheap.
      if (text.length <= 40) this.widths.set(key, width);
    }
    return width;
  }

  /** A word wider than the line, cut into pieces that fit. */
  private breakWord(word: string, style: TextStyle, maxWidth: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    for (const char of word) {
      if (piece !== '' && this.width(piece + char, style) > maxWidth) {
        pieces.push(piece);
        piece = char;
      } else {
        piece += char;
      }
    }
    if (piece !== '') pieces.push(piece);
    return pieces;
  }

  /** `text` (already WinAnsi) in lines no wider than `maxWidth`; line feeds are kept. */
  wrap(text: string, style: TextStyle, maxWidth: number): string[] {
    const lines: string[] = [];
    const space = this.width(' ', style);
    for (const hardLine of text.split('\n')) {
      const words = hardLine.split(/ +/).filter((word) => word !== '');
      let line = '';
      let lineWidth = 0;
      for (const word of words) {
        const wordWidth = this.width(word, style);
        if (line !== '' && lineWidth + space + wordWidth <= maxWidth) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line !== '') lines.push(line);
        if (wordWidth <= maxWidth) {
          line = word;
          lineWidth = wordWidth;
        } else {
          const pieces = this.breakWord(word, style, maxWidth);
          lines.push(...pieces.slice(0, -1));
          line = pieces.at(-1) ?? '';
          lineWidth = this.width(line, style);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  // ------------------------------------------------------------------------------------------
  // Pages

  private get atPageTop(): boolean {
    return this.y <= MARGIN.top + 0.5;
  }

  private room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** A new page unless `height` still fits on this one (or this page is still empty). */
  private ensure(height: number): void {
    if (height > this.room() && !this.atPageTop) this.newPage();
  }

  private gap(points: number): void {
    if (!this.atPageTop) this.y = Math.min(this.y + points, this.bottom);
  }

  private drawLine(line: string, x: number, style: TextStyle): void {
    this.doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color)
      .text(line, x, this.y, { lineBreak: false });
  }

  /** Lines flowing down the page, onto new pages as needed. */
  private flow(lines: readonly string[], style: TextStyle, x = MARGIN.left): void {
    for (const line of lines) {
      this.ensure(style.lineHeight);
      this.drawLine(line, x, style);
      this.y += style.lineHeight;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Blocks

  heading(level: 1 | 2 | 3, text: string): void {
    const style = HEADINGS[level];
    const lines = this.wrap(toWinAnsi(text), style, CONTENT_WIDTH);
    this.gap(style.before);
    // Keep with next: the heading and at least three lines of what follows.
    this.ensure(lines.length * style.lineHeight + style.after + 3 * BODY.lineHeight);
    if (level === 1) {
      this.outlineTop = this.doc.outline.addItem(toWinAnsi(text));
    } else if (level === 2) {
      (this.outlineTop ?? this.doc.outline).addItem(toWinAnsi(text));
    }
    this.flow(lines, style);
    this.y += style.after;
  }

  paragraph(text: string, tone: 'normal' | 'muted' | 'emphasis'): void {
    const style = tone === 'muted' ? MUTED : tone === 'emphasis' ? EMPHASIS : BODY;
    this.flow(this.wrap(toWinAnsi(text), style, CONTENT_WIDTH), style);
    this.y += PARAGRAPH_GAP;
  }

  /** Two columns without a header: the key in bold. */
  keyValues(items: readonly KeyValue[]): void {
    const keyWidth = CONTENT_WIDTH * 0.3;
    const valueWidth = CONTENT_WIDTH - keyWidth;
    for (const item of items) {
      const key = this.wrap(toWinAnsi(item.key), KEY, keyWidth - 8);
      const value = this.wrap(toWinAnsi(item.value), VALUE, valueWidth);
      const count = Math.max(key.length, value.length);
      // Short pairs stay together; a long value flows on.
      this.ensure(Math.min(count, MIN_SPLIT_LINES) * VALUE.lineHeight);
      for (let index = 0; index < count; index += 1) {
        this.ensure(VALUE.lineHeight);
        const keyLine = key[index];
        const valueLine = value[index];
        if (keyLine) this.drawLine(keyLine, MARGIN.left, KEY);
        if (valueLine) this.drawLine(valueLine, MARGIN.left + keyWidth, VALUE);
        this.y += VALUE.lineHeight;
      }
      this.y += 2;
    }
    this.y += BLOCK_GAP - 2;
  }

  private columnWidths(columns: readonly TableColumn[]): number[] {
    const total = columns.reduce((sum, column) => sum + Math.max(column.weight, 0.01), 0);
    return columns.map((column) => (CONTENT_WIDTH * Math.max(column.weight, 0.01)) / total);
  }

  private rowLines(
    cells: readonly string[],
    widths: readonly number[],
    style: TextStyle,
  ): RowLines {
    return widths.map((width, index) =>
      this.wrap(toWinAnsi(cells[index] ?? ''), style, width - 2 * CELL_PADDING),
    );
  }

  private static heightOf(lineCount: number, style: TextStyle): number {
    return lineCount * style.lineHeight + 2 * CELL_PADDING;
  }

  /** Draws `count` lines of each cell (from `from`) as one row segment at the cursor. */
  private drawRow(
    row: RowLines,
    widths: readonly number[],
    style: TextStyle,
    from: number,
    count: number,
    fill?: string,
  ): void {
    const height = PdfLayout.heightOf(count, style);
    let x = MARGIN.left;
    for (const [index, width] of widths.entries()) {
      if (fill) {
        this.doc.rect(x, this.y, width, height).fill(fill);
      }
      this.doc.lineWidth(0.5).rect(x, this.y, width, height).stroke(COLOR.rule);
      const lines = row[index] ?? [];
      for (let line = 0; line < count; line += 1) {
        const text = lines[from + line];
        if (text) {
          this.doc
            .font(style.font)
            .fontSize(style.size)
            .fillColor(style.color)
            .text(text, x + CELL_PADDING, this.y + CELL_PADDING + line * style.lineHeight, {
              lineBreak: false,
            });
        }
      }
      x += width;
    }
    this.y += height;
  }

  table(columns: readonly TableColumn[], rows: readonly string[][], emptyText?: string): void {
    if (rows.length === 0 && emptyText !== undefined) {
      this.paragraph(emptyText, 'muted');
      return;
    }
    const widths = this.columnWidths(columns);
    const header = this.rowLines(
      columns.map((column) => column.header),
      widths,
      HEADER_CELL,
    );
    const headerLines = Math.max(...header.map((lines) => lines.length));
    const headerHeight = PdfLayout.heightOf(headerLines, HEADER_CELL);
    const drawHeader = () =>
      this.drawRow(header, widths, HEADER_CELL, 0, headerLines, COLOR.headerFill);
    const freshPage = () => {
      this.newPage();
      drawHeader();
    };

    // The header with at least the first row (or a few of its lines).
    const first = rows[0] ? this.rowLines(rows[0], widths, CELL) : null;
    const firstLines = first ? Math.max(...first.map((lines) => lines.length)) : 0;
    this.ensure(headerHeight + PdfLayout.heightOf(Math.min(firstLines, MIN_SPLIT_LINES), CELL));
    drawHeader();
    for (const [index, cells] of rows.entries()) {
      const row = index === 0 && first ? first : this.rowLines(cells, widths, CELL);
      const total = Math.max(1, ...row.map((lines) => lines.length));
      const fullPage = Math.floor(
        (this.bottom - MARGIN.top - headerHeight - 2 * CELL_PADDING) / CELL.lineHeight,
      );
      if (PdfLayout.heightOf(total, CELL) > this.room()) {
        // Whole on the next page when it fits there; split when it is taller than a page
        // (starting here if a few lines still fit).
        const fitsHere = Math.floor((this.room() - 2 * CELL_PADDING) / CELL.lineHeight);
        if (total <= fullPage || fitsHere < MIN_SPLIT_LINES) freshPage();
      }
      let from = 0;
      while (from < total) {
        const fits = Math.floor((this.room() - 2 * CELL_PADDING) / CELL.lineHeight);
        if (fits < 1) {
          freshPage();
          continue;
        }
        const count = Math.min(fits, total - from);
        this.drawRow(row, widths, CELL, from, count);
        from += count;
        if (from < total) freshPage();
      }
    }
    this.y += BLOCK_GAP;
  }

  pageBreak(): void {
    if (!this.atPageTop) this.newPage();
  }

  cover(model: DocumentModel): void {
    const cover = model.cover;
    if (!cover) return;
    this.y = MARGIN.top + 110;
    const title: TextStyle = { font: FONT.bold, size: 24, lineHeight: 30, color: COLOR.text };
    this.flow(this.wrap(toWinAnsi(cover.title), title, CONTENT_WIDTH), title);
    if (cover.subtitle) {
      const subtitle: TextStyle = { ...title, font: FONT.regular, size: 14, lineHeight: 19 };
      this.y += 4;
      this.flow(this.wrap(toWinAnsi(cover.subtitle), subtitle, CONTENT_WIDTH), subtitle);
    }
    this.y += 10;
    this.doc
      .lineWidth(1)
      .moveTo(MARGIN.left, this.y)
      .lineTo(PAGE.width - MARGIN.right, this.y)
      .stroke(COLOR.rule);
    this.y += 16;
    this.keyValues(cover.facts);
    if (cover.note) this.paragraph(cover.note, 'muted');
    if (model.blocks.length > 0) this.newPage();
  }

  block(block: DocumentBlock): void {
    switch (block.kind) {
      case 'heading':
        this.heading(block.level, block.text);
        break;
      case 'paragraph':
        this.paragraph(block.text, block.tone ?? 'normal');
        break;
      case 'keyValues':
        this.keyValues(block.items);
        break;
      case 'table':
        this.table(block.columns, block.rows, block.emptyText);
        break;
      case 'pageBreak':
        this.pageBreak();
        break;
    }
  }

  /** The running footer on every page: the title on the left, "Page n of N" on the right. */
  footers(model: DocumentModel): void {
    const range = this.doc.bufferedPageRange();
    const title = toWinAnsi(model.title);
    for (let index = 0; index < range.count; index += 1) {
      this.doc.switchToPage(range.start + index);
      const label = toWinAnsi(pageLabelFor(model, index + 1, range.count));
      const labelWidth = this.width(label, MUTED);
      const titleLine = this.wrap(title, MUTED, CONTENT_WIDTH - labelWidth - 24)[0] ?? '';
      this.doc
        .lineWidth(0.5)
        .moveTo(MARGIN.left, FOOTER_Y - 6)
        .lineTo(PAGE.width - MARGIN.right, FOOTER_Y - 6)
        .stroke(COLOR.rule);
      this.y = FOOTER_Y;
      this.drawLine(titleLine, MARGIN.left, MUTED);
      this.drawLine(label, PAGE.width - MARGIN.right - labelWidth, MUTED);
    }
  }
}

/** Renders `model` as a PDF file. */
export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc: PdfDocument = new PDFDocument({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: model.language,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: toWinAnsi(model.title),
      ...(model.author ? { Author: toWinAnsi(model.author) } : {}),
      ...(model.subject ? { Subject: toWinAnsi(model.subject) } : {}),
      Creator: 'OpenCTPAT',
      Producer: 'OpenCTPAT (pdfkit)',
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const layout = new PdfLayout(doc);
  layout.cover(model);
  for (const block of model.blocks) {
    layout.block(block);
  }
  layout.footers(model);
  doc.flushPages();
  doc.end();
  return finished;
}
