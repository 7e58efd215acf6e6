/**
 * Text the renderers can write.
 *
 * PDF: the renderer uses the PDF standard fonts (Helvetica; nothing to embed or download), which
 * pdfkit writes in WinAnsiEncoding (Windows-1252): ASCII, Latin-1 (every Spanish letter, ¿ ¡ º ª
 * and the euro's neighbours) and 27 more characters such as curly quotes, en and em dashes, the
 * ellipsis, the bullet and €. pdfkit writes any other character as garbage (its code as hex), so
 * `toWinAnsi` maps what it can to the nearest encodable text (a non-breaking hyphen to "-", an
 * arrow to "->", "ő" to "o", a ligature to its letters) and writes "?" for the rest (CJK, emoji).
 *
 * DOCX and XLSX are Unicode, but XML 1.0 forbids most control characters and lone surrogates:
 * `xmlSafe` removes them so a pasted control character never makes a file Word cannot open.
 */

/** Unicode code points pdfkit maps into WinAnsi's 0x80–0x9F range (pdfkit's WIN_ANSI_MAP). */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014,
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
  0x203a, 0x20ac, 0x2122,
]);

/** Characters WinAnsi lacks, written as their closest WinAnsi text. */
const REPLACEMENTS: ReadonlyMap<number, string> = new Map([
  // Hyphens and dashes
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2015, '—'],
  [0x2212, '-'],
  // Quotes and primes
  [0x201b, '‘'],
  [0x201f, '“'],
  [0x2032, "'"],
  [0x2033, '"'],
  [0x2035, '‘'],
  // Spaces: wide, thin and narrow ones become a space; invisible ones disappear
  [0x1680, ' '],
  [0x2000, ' '],
  [0x2001, ' '],
  [0x2002, ' '],
  [0x2003, ' '],
  [0x2004, ' '],
  [0x2005, ' '],
  [0x2006, ' '],
  [0x2007, ' '],
  [0x2008, ' '],
  [0x2009, ' '],
  [0x200a, ' '],
  [0x202f, ' '],
  [0x205f, ' '],
  [0x3000, ' '],
  [0x200b, ''],
  [0x200c, ''],
  [0x200d, ''],
  [0x2060, ''],
  [0xfeff, ''],
  [0x00ad, ''],
  // Bullets and arrows, common in pasted procedures
  [0x2023, '•'],
  [0x2043, '•'],
  [0x25aa, '•'],
  [0x25cf, '•'],
  [0x25e6, '•'],
  [0x2219, '·'],
  [0x2190, '<-'],
  [0x2192, '->'],
  [0x2194, '<->'],
  [0x21d2, '=>'],
  [0x2264, '<='],
  [0x2265, '>='],
  [0x2260, '!='],
  [0x2248, '~'],
  [0x2713, 'v'],
  [0x2714, 'v'],
  [0x2116, 'No.'],
  // Letters without a decomposition
  [0x0131, 'i'],
  [0x0141, 'L'],
  [0x0142, 'l'],
  [0x0110, 'D'],
  [0x0111, 'd'],
  [0x0126, 'H'],
  [0x0127, 'h'],
  [0x1e9e, 'SS'],
]);

function isWinAnsi(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code)
  );
}

/** Everything is plain printable ASCII or a line feed: nothing to do (most text). */
const PLAIN = /^[\x20-\x7e\n]*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** The closest WinAnsi text for one character (a code point), or "?". */
function winAnsiOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (isWinAnsi(code) || char === '\n') return char;
  if (code === 0x09) return ' ';
  // Other control characters (C0 and C1) carry nothing to print.
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return '';
  const replacement = REPLACEMENTS.get(code);
  if (replacement !== undefined) return replacement;
  // A compatibility form (ligature, full-width letter) or a letter with a mark WinAnsi lacks:
  // its letters, with the marks WinAnsi has put back (NFC) and the others dropped.
  const decomposed = char.normalize('NFKD');
  for (const candidate of [decomposed.normalize('NFC'), decomposed.replace(COMBINING_MARKS, '')]) {
    if (candidate !== '' && [...candidate].every((one) => isWinAnsi(one.codePointAt(0) ?? 0))) {
      return candidate;
    }
  }
  return '?';
}

/** `text` written with WinAnsi characters only (see the file comment); line feeds are kept. */
export function toWinAnsi(text: string): string {
  if (PLAIN.test(text)) return text;
  let out = '';
  // NFC first, so "e" followed by a combining acute is the one character "é".
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    out += winAnsiOf(char);
  }
  return out;
}

/** XML 1.0's Char production: tab, line feed, carriage return and the printable planes. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

/** `text` without what XML 1.0 forbids, carriage returns folded into line feeds. */
export function xmlSafe(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n');
  let out = '';
  // By code point: a pair is one character (kept), a lone surrogate is one unit (dropped).
  for (const char of lines) {
    if (isXmlChar(char.codePointAt(0) ?? 0)) out += char;
  }
  return out;
}
