import { createHash } from 'node:crypto';

/**
 * A stable UUID (version 8, RFC 9562 "custom") derived from a key, so the demo data set has the
 * same ids on every machine and seeding twice finds the rows it made the first time.
 */
export function deterministicUuid(key: string): string {
  const hex = createHash('sha256').update(`openctpat:${key}`).digest('hex').slice(0, 32);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
