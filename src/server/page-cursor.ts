import type { z } from 'zod';
import { AppError } from '../domain/errors/error-codes.ts';

/**
 * Page cursors are opaque to clients: the keyset values of a page's last row as a JSON tuple,
 * base64url-encoded. Each list decides what its tuple holds and checks it with a schema.
 */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** A cursor this API returned, read back; anything else answers 400 on `querystring.cursor`. */
export function decodeCursor<Schema extends z.ZodType>(
  cursor: string,
  schema: Schema,
): z.output<Schema> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The request is not valid', {
      issues: [{ path: 'querystring.cursor', message: 'is not a cursor this API returned' }],
    });
  }
}
