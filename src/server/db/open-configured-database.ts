import type { Config } from '../config.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';

/** The database the configuration names: embedded PGlite in DATA_DIR, or PostgreSQL. */
export function openConfiguredDatabase(config: Pick<Config, 'database'>): Promise<DatabaseHandle> {
  return config.database.driver === 'pglite'
    ? openDatabase({ driver: 'pglite', dataDir: config.database.dataDir })
    : openDatabase({ driver: 'postgres', url: config.database.url });
}

/** Where the data lives, for humans; never prints a password. */
export function describeDatabase(config: Pick<Config, 'database'>): string {
  if (config.database.driver === 'pglite') {
    return `embedded PGlite in ${config.database.dataDir}`;
  }
  const url = new URL(config.database.url);
  return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}
