import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret token (256 bits), URL-safe. Used for sessions, invitations, resets, API tokens. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * What we store instead of a token: its SHA-256. Tokens are 256-bit random, so a plain hash is
 * enough (no salt or slow hash needed: there is nothing to guess).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
