import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFilename } from './content-disposition.ts';

describe('the download header', () => {
  it('keeps the name in filename* and an ASCII fallback, with nothing that breaks the header', () => {
    const header = contentDisposition('attachment', '../../Política "final";\r\n2026.pdf');
    expect(header).toBe(
      `attachment; filename="Pol_tica _final_;2026.pdf"; filename*=UTF-8''Pol%C3%ADtica%20_final_%3B2026.pdf`,
    );
  });

  it('never gives an empty or hidden name', () => {
    expect(safeFilename('')).toBe('evidence');
    expect(safeFilename('..')).toBe('evidence');
    expect(safeFilename('.htaccess')).toBe('htaccess');
    expect(safeFilename('a/b\\c.pdf')).toBe('c.pdf');
  });
});
