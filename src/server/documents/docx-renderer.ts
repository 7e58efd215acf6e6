import type { DocumentBlock, DocumentModel, KeyValue, TableColumn } from './document-model.ts';
import { xmlSafe } from './text-encoding.ts';

/**
 * A DocumentModel as a Word document (DOCX), with the `docx` package: Word's own Title and
 * Heading 1-3 styles (so the navigation pane and a table of contents work), real tables whose
 * header row repeats on every page and whose rows may break across pages, and a footer with the
 * title and "Page n of N" as Word fields.
 *
 * `docx` is loaded on the first document (a dynamic import), like pdfkit (pdf-renderer.ts).
 */

type Docx = typeof import('docx');
type Paragraph = import('docx').Paragraph;
type Table = import('docx').Table;

// US Letter with one-inch margins, in twentieths of a point (twips).
const PAGE = { width: 12_240, height: 15_840, margin: 1_440 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Half-points. */
const SIZE = { body: 21, muted: 18, cell: 18, title: 48, subtitle: 30, footer: 16 };
const COLOR = { muted: '565C65', headerFill: 'E6E6E6', rule: 'A9AEB1' };
const HEADING_STYLES = { 1: 'HEADING_1', 2: 'HEADING_2', 3: 'HEADING_3' } as const;

interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

class DocxBuilder {
  private readonly docx: Docx;

  constructor(docx: Docx) {
    this.docx = docx;
  }

  /** Runs of `text`, one per line, each after a line break but the first. */
  runs(text: string, style: RunStyle = {}) {
    return xmlSafe(text)
      .split('\n')
      .map(
        (line, index) =>
          new this.docx.TextRun({
            text: line,
            ...(index > 0 ? { break: 1 } : {}),
            ...(style.bold ? { bold: true } : {}),
            ...(style.size ? { size: style.size } : {}),
            ...(style.color ? { color: style.color } : {}),
          }),
      );
  }

  paragraph(
    text: string,
    style: RunStyle = {},
    options: { keepNext?: boolean; spacingAfter?: number } = {},
  ): Paragraph {
    return new this.docx.Paragraph({
      children: this.runs(text, style),
      ...(options.keepNext ? { keepNext: true } : {}),
      spacing: { after: options.spacingAfter ?? 120 },
    });
  }

  heading(level: 1 | 2 | 3, text: string): Paragraph {
    return new this.docx.Paragraph({
      children: this.runs(text),
      heading: this.docx.HeadingLevel[HEADING_STYLES[level]],
      keepNext: true,
      keepLines: true,
    });
  }

  private cell(text: string, width: number, style: RunStyle, fill?: string) {
    return new this.docx.TableCell({
      width: { size: width, type: this.docx.WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(fill ? { shading: { fill, type: this.docx.ShadingType.CLEAR, color: 'auto' } } : {}),
      children: [
        new this.docx.Paragraph({ children: this.runs(text, style), spacing: { after: 0 } }),
      ],
    });
  }

  private widths(weights: readonly number[]): number[] {
    const total = weights.reduce((sum, weight) => sum + Math.max(weight, 0.01), 0);
    return weights.map((weight) => Math.floor((CONTENT_WIDTH * Math.max(weight, 0.01)) / total));
  }

  table(columns: readonly TableColumn[], rows: readonly string[][]): Table {
    const widths = this.widths(columns.map((column) => column.weight));
    const header = new this.docx.TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map((column, index) =>
        this.cell(
          column.header,
          widths[index] ?? 0,
          { bold: true, size: SIZE.cell },
          COLOR.headerFill,
        ),
      ),
    });
    const body = rows.map(
      (row) =>
        new this.docx.TableRow({
          children: widths.map((width, index) =>
            this.cell(row[index] ?? '', width, { size: SIZE.cell }),
          ),
        }),
    );
    const line = { style: this.docx.BorderStyle.SINGLE, size: 4, color: COLOR.rule };
    return new this.docx.Table({
      width: { size: CONTENT_WIDTH, type: this.docx.WidthType.DXA },
      columnWidths: widths,
      rows: [header, ...body],
      borders: {
        top: line,
        bottom: line,
        left: line,
        right: line,
        insideHorizontal: line,
        insideVertical: line,
      },
    });
  }

  keyValues(items: readonly KeyValue[]): Table {
    const widths = this.widths([3, 7]);
    const none = { style: this.docx.BorderStyle.NONE, size: 0, color: 'auto' };
    return new this.docx.Table({
      width: { size: CONTENT_WIDTH, type: this.docx.WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: none,
        bottom: none,
        left: none,
        right: none,
        insideHorizontal: none,
        insideVertical: none,
      },
      rows: items.map(
        (item) =>
          new this.docx.TableRow({
            children: [
              this.cell(item.key, widths[0] ?? 0, { bold: true }),
              this.cell(item.value, widths[1] ?? 0, {}),
            ],
          }),
      ),
    });
  }

  /** The block's Word elements; a page break is a flag on the next paragraph instead. */
  block(block: DocumentBlock): (Paragraph | Table)[] {
    switch (block.kind) {
      case 'heading':
        return [this.heading(block.level, block.text)];
      case 'paragraph':
        return [
          this.paragraph(
            block.text,
            block.tone === 'muted'
              ? { size: SIZE.muted, color: COLOR.muted }
              : block.tone === 'emphasis'
                ? { bold: true }
                : {},
          ),
        ];
      case 'keyValues':
        return [this.keyValues(block.items), this.paragraph('', {}, { spacingAfter: 0 })];
      case 'table':
        if (block.rows.length === 0 && block.emptyText !== undefined) {
          return [this.paragraph(block.emptyText, { size: SIZE.muted, color: COLOR.muted })];
        }
        // An empty paragraph after a table keeps two tables in a row from merging in Word.
        return [this.table(block.columns, block.rows), this.paragraph('', {}, { spacingAfter: 0 })];
      case 'pageBreak':
        return [new this.docx.Paragraph({ children: [new this.docx.PageBreak()] })];
    }
  }

  cover(model: DocumentModel): (Paragraph | Table)[] {
    const cover = model.cover;
    if (!cover) return [];
    const parts: (Paragraph | Table)[] = [
      new this.docx.Paragraph({
        children: this.runs(cover.title),
        heading: this.docx.HeadingLevel.TITLE,
        spacing: { before: 2_400, after: 240 },
      }),
    ];
    if (cover.subtitle) {
      parts.push(this.paragraph(cover.subtitle, { size: SIZE.subtitle }, { spacingAfter: 480 }));
    }
    if (cover.facts.length > 0) {
      parts.push(this.keyValues(cover.facts));
    }
    if (cover.note) {
      parts.push(
        new this.docx.Paragraph({
          children: this.runs(cover.note, { size: SIZE.muted, color: COLOR.muted }),
          spacing: { before: 240 },
        }),
      );
    }
    if (model.blocks.length > 0) {
      parts.push(new this.docx.Paragraph({ children: [new this.docx.PageBreak()] }));
    }
    return parts;
  }

  /** "Page {page} of {total}" with Word's page fields in place of the placeholders. */
  private pageLabel(label: string) {
    const style = { size: SIZE.footer, color: COLOR.muted };
    return label
      .split(/(\{page\}|\{total\})/)
      .filter((part) => part !== '')
      .map((part) =>
        part === '{page}'
          ? new this.docx.TextRun({ ...style, children: [this.docx.PageNumber.CURRENT] })
          : part === '{total}'
            ? new this.docx.TextRun({ ...style, children: [this.docx.PageNumber.TOTAL_PAGES] })
            : new this.docx.TextRun({ ...style, text: xmlSafe(part) }),
      );
  }

  footer(model: DocumentModel) {
    const style = { size: SIZE.footer, color: COLOR.muted };
    return new this.docx.Footer({
      children: [
        new this.docx.Paragraph({
          tabStops: [{ type: this.docx.TabStopType.RIGHT, position: CONTENT_WIDTH }],
          border: { top: { style: this.docx.BorderStyle.SINGLE, size: 4, color: COLOR.rule } },
          children: [
            new this.docx.TextRun({ ...style, text: xmlSafe(model.title) }),
            new this.docx.TextRun({ ...style, children: [new this.docx.Tab()] }),
            ...this.pageLabel(model.pageLabel),
          ],
        }),
      ],
    });
  }
}

/** Renders `model` as a DOCX file. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const docx = await import('docx');
  const builder = new DocxBuilder(docx);
  const children = [...builder.cover(model), ...model.blocks.flatMap((one) => builder.block(one))];
  const document = new docx.Document({
    title: xmlSafe(model.title),
    creator: 'OpenCTPAT',
    ...(model.subject ? { subject: xmlSafe(model.subject) } : {}),
    ...(model.author ? { lastModifiedBy: xmlSafe(model.author) } : {}),
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: SIZE.body, language: { value: model.language } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
            },
          },
        },
        footers: { default: builder.footer(model) },
        children,
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}
