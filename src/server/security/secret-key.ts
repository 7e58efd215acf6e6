import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Keys derived (HKDF-SHA256) from the one SECRET_KEY, one per purpose, so a key used for CSRF
 * tokens can never decrypt a TOTP secret.
 */
export interface Keys {
  /** HMAC key for CSRF tokens bound to a session. */
  csrf: Buffer;
  /** AES-256-GCM key for secrets stored at rest (TOTP). */
  encryption: Buffer;
  /** HMAC key for the short-lived cookie that carries an OpenID Connect sign-in in flight. */
  oidcState: Buffer;
}

export function deriveKeys(secretKey: Buffer): Keys {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), `openctpat:${purpose}`, 32));
  return {
    csrf: derive('csrf'),
    encryption: derive('encryption'),
    oidcState: derive('oidc-state'),
  };
}

export function hmac(key: Buffer, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('base64url');
}

/** AES-256-GCM; the output is `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) {
    throw new Error('not a sealed secret');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/**
 * The deployment's secret key: SECRET_KEY (base64 or hex, at least 32 bytes) when set, which
 * production requires. Otherwise (development, demos) a key generated once and kept in
 * DATA_DIR/secret-key with owner-only permissions, so sessions survive restarts.
 */
export async function loadSecretKey(options: {
  configured: Buffer | null;
  dataDir: string;
}): Promise<Buffer> {
  if (options.configured) {
    return options.configured;
  }
  const file = path.join(options.dataDir, 'secret-key');
  try {
    const stored = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    if (stored.length >= 32) {
      return stored;
    }
  } catch {
    // Not there yet: make one below.
  }
  const generated = randomBytes(32);
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(file, `${generated.toString('base64')}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return generated;
}
