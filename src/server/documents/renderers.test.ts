import { describe, expect, it } from 'vitest';
import {
  docxText,
  folded,
  pdfPages,
  pdfText,
  wordText,
  zipPart,
} from '../../../tests/setup/document-text.ts';
import {
  type DocumentModel,
  heading,
  keyValues,
  PAGE_BREAK,
  paragraph,
  paragraphsOf,
  table,
} from './document-model.ts';
import { renderDocx } from './docx-renderer.ts';
import { renderPdf } from './pdf-renderer.ts';

/**
 * The document layer read back: the PDF through pdf.js, the Word file by unzipping it. Both
 * renderers get the same model, with Spanish, curly quotes and dashes, a narrative longer than a
 * page, and a table longer than a page with one row taller than a page.
 */

const SPANISH =
  'La compañía revisa los “sellos” de alta seguridad – año 2026… ¿Quién? ¡El oficial!';

/** About 9,000 characters: more than a page of text. */
const LONG_NARRATIVE = Array.from(
  { length: 90 },
  (_, index) =>
    `Paso ${index + 1}: el guardia verifica el sello, anota el número en la bitácora y lo compara con el conocimiento de embarque.`,
).join(' ');

const ROWS = Array.from({ length: 80 }, (_, index) => [
  `R${String(index + 1).padStart(3, '0')}`,
  index === 40 ? `${LONG_NARRATIVE} FIN-DE-FILA` : `Fila ${index + 1}: “documento” – válido`,
  'Sí',
]);

/** The running footer of every page of the model. */
const FOOTER = /Perfil de Seguridad – Compañía Ñandú Página \d+ de \d+/;

function model(): DocumentModel {
  return {
    title: 'Perfil de Seguridad – Compañía Ñandú',
    language: 'es',
    pageLabel: 'Página {page} de {total}',
    cover: {
      title: 'Perfil de Seguridad',
      subtitle: 'Compañía Ñandú – Versión 3',
      facts: [
        { key: 'Estado', value: 'Aprobado' },
        { key: 'Catálogo', value: '2019 MSC' },
      ],
      note: 'Generado por OpenCTPAT.',
    },
    blocks: [
      heading(1, 'Datos de la empresa'),
      ...keyValues([
        { key: 'Razón social', value: 'Compañía Ñandú, S.A. de C.V.' },
        { key: 'Vacío', value: '' },
        { key: 'Identificadores', value: 'RFC: CNA010101AB1\nEIN: 12-3456789' },
      ]),
      heading(2, '3. Socios comerciales'),
      heading(3, '3.1 (obligatorio)'),
      paragraph(SPANISH, 'muted'),
      ...paragraphsOf(`${LONG_NARRATIVE}\n\nSegundo párrafo: <fin> & “cierre”.`).map((text) =>
        paragraph(text),
      ),
      paragraph('Emoji 🚚, 中文 y flecha →', 'emphasis'),
      table(
        [
          { header: 'Id', weight: 1 },
          { header: 'Descripción', weight: 6 },
          { header: 'Vigente', weight: 1 },
        ],
        ROWS,
      ),
      table([{ header: 'Vacía', weight: 1 }], [], 'Ninguna evidencia.'),
      PAGE_BREAK,
      PAGE_BREAK,
      paragraph('Última página.'),
    ],
  };
}

describe('renderPdf', () => {
  it('writes every text, wrapped and across pages, readable by a PDF reader', async () => {
    const pdf = await renderPdf(model());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf, FOOTER);
    expect(text).toContain('Perfil de Seguridad');
    expect(text).toContain('Razón social Compañía Ñandú, S.A. de C.V.');
    expect(text).not.toContain('Vacío');
    expect(text).toContain('RFC: CNA010101AB1 EIN: 12-3456789');
    expect(text).toContain(SPANISH);
    // The long narrative whole, in order, though it fills more than a page.
    expect(text).toContain(LONG_NARRATIVE);
    expect(text).toContain('Segundo párrafo: <fin> & “cierre”.');
    // What the standard fonts cannot show is replaced, not written as garbage.
    expect(text).toContain('Emoji ?, ?? y flecha ->');
    for (const [id, description, valid] of ROWS) {
      if (id === 'R041') continue;
      expect(text).toContain(`${id} ${description} ${valid}`);
    }
    // The row taller than a page is split between lines, under the repeated header.
    expect(text).toContain(`R041 ${LONG_NARRATIVE.slice(0, 200)}`);
    expect(text).toContain('FIN-DE-FILA R042');
    expect(text).toContain('Ninguna evidencia.');
  });

  it('numbers every page in the footer, repeats a table header and never leaves a blank page', async () => {
    const pages = await pdfPages(await renderPdf(model()));
    expect(pages.length).toBeGreaterThan(4);
    for (const [index, page] of pages.entries()) {
      expect(folded(page)).toContain(`Página ${index + 1} de ${pages.length}`);
      expect(folded(page)).toContain('Perfil de Seguridad – Compañía Ñandú');
    }
    // The cover stands alone; the table's header row is on every page the table reaches.
    expect(folded(pages[0] ?? '')).not.toContain('Datos de la empresa');
    const tablePages = pages.filter((page) => /R0\d\d/.test(page));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) {
      expect(folded(page)).toContain('Id Descripción Vigente');
    }
    // Two page breaks in a row make one: the last page holds the closing paragraph.
    expect(folded(pages.at(-1) ?? '')).toContain('Última página.');
    expect(folded(pages.at(-2) ?? '')).toContain('Ninguna evidencia.');
  });
});

describe('renderDocx', () => {
  it('writes the same text with Word headings, a repeating table header and page fields', async () => {
    const docx = await renderDocx(model());
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = docxText(docx);
    expect(text).toContain('Perfil de Seguridad');
    expect(text).toContain('Razón social Compañía Ñandú, S.A. de C.V.');
    expect(text).not.toContain('Vacío');
    expect(text).toContain(SPANISH);
    expect(text).toContain(LONG_NARRATIVE);
    expect(text).toContain('Segundo párrafo: <fin> & “cierre”.');
    // Word shows every character: nothing is replaced.
    expect(text).toContain('Emoji 🚚, 中文 y flecha →');
    for (const [id, description, valid] of ROWS) {
      expect(text).toContain(`${id} ${description} ${valid}`);
    }
    expect(text).toContain('Ninguna evidencia.');

    const xml = zipPart(docx, 'word/document.xml');
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    for (const level of [1, 2, 3]) {
      expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`);
    }
    expect(xml).toContain('<w:tblHeader/>');
    // A line feed in a value is a line break in Word.
    expect(wordText(xml)).toContain('RFC: CNA010101AB1\nEIN: 12-3456789');

    const footer = zipPart(docx, 'word/footer1.xml');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(folded(wordText(footer))).toContain('Perfil de Seguridad – Compañía Ñandú');
  });
});
