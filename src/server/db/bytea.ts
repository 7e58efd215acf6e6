import { customType } from 'drizzle-orm/pg-core';

/**
 * A `bytea` column as a Buffer (node-postgres returns Buffers, PGlite Uint8Arrays): file
 * contents kept in the database (evidence documents, protest attachments).
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
