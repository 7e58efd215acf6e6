/**
 * The Content-Disposition header of an evidence download. The original file name is the
 * uploader's text: it may hold quotes, semicolons, line breaks, path separators or non-ASCII
 * letters. The header carries an ASCII fallback in `filename` (RFC 6266 §4.3) and the real name
 * percent-encoded in `filename*` (RFC 5987 / RFC 8187), so no name can break out of the header
 * or make a browser save outside its download folder.
 */

const MAX_FILENAME_LENGTH = 150;

/** The name without any folder, control characters or characters file systems refuse. */
export function safeFilename(original: string, fallback = 'evidence'): string {
  const base = original.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  const name = cleaned === '' ? fallback : cleaned;
  return [...name].slice(0, MAX_FILENAME_LENGTH).join('');
}

/** RFC 5987 `attr-char`s stay; every other UTF-8 byte is percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment; filename="Politica_2026.pdf"; filename*=UTF-8''Pol%C3%ADtica%202026.pdf` */
export function contentDisposition(kind: 'attachment' | 'inline', original: string): string {
  const name = safeFilename(original);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
