import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toWinAnsi, xmlSafe } from './text-encoding.ts';

/** What pdfkit's standard fonts can encode: ASCII, Latin-1 and its 27 WinAnsi extras. */
const WIN_ANSI_EXTRAS = 'ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™';

function encodable(text: string): boolean {
  return [...text].every((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (
      char === '\n' ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRAS.includes(char)
    );
  });
}

describe('toWinAnsi', () => {
  it('keeps Spanish, curly quotes, dashes, the ellipsis and the euro as they are', () => {
    const text = '¿Qué señalización? ¡Sí! “Sellos” y ‘candados’ – 2024—2025… €15 ª º ü Ñ';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('keeps plain text and line feeds, folds carriage returns and tabs', () => {
    expect(toWinAnsi('a\nb')).toBe('a\nb');
    expect(toWinAnsi('a\r\nb\rc\td')).toBe('a\nb\nc d');
  });

  it('composes combining accents into the letter WinAnsi has', () => {
    expect(toWinAnsi('Compan\u0303i\u0301a')).toBe('Compañía');
  });

  it('maps characters WinAnsi lacks to their nearest text', () => {
    expect(toWinAnsi('non\u2011breaking \u2010 minus \u2212')).toBe('non-breaking - minus -');
    expect(toWinAnsi('a \u2192 b \u2264 c')).toBe('a -> b <= c');
    expect(toWinAnsi('thin\u2009space, zero\u200bwidth')).toBe('thin space, zerowidth');
    expect(toWinAnsi('ﬁle Łódź Ő')).toBe('file Lódz O');
  });

  it('writes "?" for what has no WinAnsi form (CJK, emoji) and drops control characters', () => {
    expect(toWinAnsi('中文 🚚')).toBe('?? ?');
    expect(toWinAnsi('bell\u0007 c1\u0085')).toBe('bell c1');
  });

  it('never returns a character the standard fonts cannot encode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(encodable(toWinAnsi(text))).toBe(true);
      }),
    );
  });
});

describe('xmlSafe', () => {
  it('removes what XML 1.0 forbids and keeps everything else', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000bd\u001fe\tf\ng')).toBe('abcde\tf\ng');
    expect(xmlSafe('lone \ud800 surrogate, pair 🚚 kept')).toBe('lone  surrogate, pair 🚚 kept');
    expect(xmlSafe('crlf\r\nand cr\r')).toBe('crlf\nand cr\n');
    expect(xmlSafe('<“Compañía” & ‘socios’ – 中文>')).toBe('<“Compañía” & ‘socios’ – 中文>');
  });
});
