import { describe, expect, it } from 'vitest';
import { decideMediaType, extensionOf, isPlainText } from './evidence-media.ts';

const PNG = { kind: 'signature', mime: 'image/png' } as const;
const PDF = { kind: 'signature', mime: 'application/pdf' } as const;
const CFB = { kind: 'signature', mime: 'application/x-cfb' } as const;
const TEXT = { kind: 'text' } as const;

describe('the media type of an upload', () => {
  it('is the sniffed type when the name and Content-Type agree or claim nothing', () => {
    expect(decideMediaType(PNG, { filename: 'seal.PNG', contentType: 'image/png' })).toEqual({
      ok: true,
      mediaType: 'image/png',
    });
    expect(
      decideMediaType(PDF, { filename: 'scan', contentType: 'application/octet-stream' }),
    ).toEqual({
      ok: true,
      mediaType: 'application/pdf',
    });
    expect(decideMediaType(PDF, { filename: 'a.pdf', contentType: null })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a name that says another type than the content', () => {
    expect(
      decideMediaType(PNG, { filename: 'policy.pdf', contentType: 'application/pdf' }),
    ).toEqual({
      ok: false,
      message: expect.stringMatching(/^the file says \.pdf but its content is a PNG image/),
    });
    expect(decideMediaType(PNG, { filename: 'run.exe', contentType: null })).toMatchObject({
      ok: false,
    });
  });

  it('refuses a Content-Type that says another type, but accepts the usual aliases', () => {
    expect(decideMediaType(PDF, { filename: 'a.pdf', contentType: 'image/png' })).toMatchObject({
      ok: false,
    });
    expect(
      decideMediaType(TEXT, { filename: 'log.csv', contentType: 'application/vnd.ms-excel' }),
    ).toEqual({ ok: true, mediaType: 'text/csv' });
    expect(
      decideMediaType(
        { kind: 'signature', mime: 'image/jpeg' },
        { filename: 'a.jpg', contentType: 'image/pjpeg' },
      ),
    ).toMatchObject({ ok: true });
  });

  it('reads text as CSV when claimed as CSV, else as plain text', () => {
    expect(decideMediaType(TEXT, { filename: 'log', contentType: 'text/csv' })).toEqual({
      ok: true,
      mediaType: 'text/csv',
    });
    expect(decideMediaType(TEXT, { filename: 'notes.txt', contentType: 'text/plain' })).toEqual({
      ok: true,
      mediaType: 'text/plain',
    });
    expect(
      decideMediaType(TEXT, { filename: 'page.html', contentType: 'text/html' }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('.html but its content is plain text'),
    });
  });

  it('tells old Office files apart by their claim, and refuses other types', () => {
    expect(decideMediaType(CFB, { filename: 'plan.doc', contentType: null })).toEqual({
      ok: true,
      mediaType: 'application/msword',
    });
    expect(decideMediaType(CFB, { filename: 'log.xls', contentType: null })).toEqual({
      ok: true,
      mediaType: 'application/vnd.ms-excel',
    });
    expect(decideMediaType(CFB, { filename: 'x.msg', contentType: null })).toMatchObject({
      ok: false,
    });
    expect(
      decideMediaType(
        { kind: 'signature', mime: 'application/zip' },
        { filename: 'a.zip', contentType: null },
      ),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('ZIP archive, which is not accepted'),
    });
    expect(decideMediaType(null, { filename: 'a.bin', contentType: null })).toMatchObject({
      ok: false,
    });
  });
});

describe('helpers', () => {
  it('finds the extension of the base name', () => {
    expect(extensionOf('C:\\docs\\Report.Final.PDF')).toBe('pdf');
    expect(extensionOf('.bashrc')).toBeNull();
    expect(extensionOf('README')).toBeNull();
    expect(extensionOf('name.')).toBeNull();
  });

  it('takes UTF-8 without NUL bytes as text', () => {
    expect(isPlainText(Buffer.from('container,seal\nMSCU1,Ñ-1\n'))).toBe(true);
    expect(isPlainText(Buffer.from([0x61, 0x00, 0x62]))).toBe(false);
    expect(isPlainText(Buffer.from([0xc3, 0x28]))).toBe(false);
  });
});
