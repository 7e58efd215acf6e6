import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import type { Clock } from '../../src/domain/time/clock.ts';
import { buildApp } from '../../src/server/app.ts';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { deriveKeys, type Keys } from '../../src/server/security/secret-key.ts';
import { seedDemoData } from '../../src/server/seed/seed-demo-data.ts';
import { launchBrowser } from './browser.ts';

/**
 * A browser journey's own server: an in-memory database with the demo data (and whatever the
 * journey adds before the server starts), the built web app, a clock the journey controls, and
 * a browser. For journeys that change data other journeys read, or move the clock; the others
 * share the global set-up's server (e2e-global-setup.ts).
 */
export interface OwnDemoServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startOwnDemoServer(options: {
  clock: Clock;
  /** Writes the journey's fixtures on top of the demo data. */
  seed?: (database: DatabaseHandle, keys: Keys) => Promise<void>;
}): Promise<OwnDemoServer> {
  const secretKey = randomBytes(32);
  const keys = deriveKeys(secretKey);
  const database = await openDatabase({ driver: 'pglite', dataDir: null });
  await migrateDatabase(database);
  await seedDemoData(database.db, options.clock, { keys, nodeEnv: 'test' });
  await options.seed?.(database, keys);
  const app = await buildApp({
    config: {
      logLevel: 'silent',
      logPretty: false,
      nodeEnv: 'test',
      webDistDir: inject('webDistDir'),
      // As the global set-up: the browser judges cookie expiry by the real clock.
      session: { idleMinutes: 30, absoluteHours: 5 * 365 * 24, cookieSecure: false },
    },
    database,
    clock: options.clock,
    secretKey,
  });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  return {
    app,
    database,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}
