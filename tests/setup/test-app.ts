import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../src/domain/time/clock.ts';
import { fixedClock } from '../../src/domain/time/clock.ts';
import { type BuildAppOptions, buildApp } from '../../src/server/app.ts';
import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: Clock;
  close(): Promise<void>;
}

/** The instant tests run at unless they choose another. */
export const TEST_NOW = new Date('2026-11-29T15:00:00Z');

/**
 * The real application on a real database, for app.inject() tests. Logging is off unless
 * TEST_LOG=1; the web app is served only when it has been built. `config` adds to (or
 * overrides) the test configuration, e.g. a public URL and an OpenID Connect provider.
 */
export async function buildTestApp(
  options: {
    database?: DatabaseHandle;
    clock?: Clock;
    webDistDir?: string;
    config?: Partial<BuildAppOptions['config']>;
    oidcAllowInsecureLoopbackIssuer?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase());
  const clock = options.clock ?? fixedClock(TEST_NOW);
  const app = await buildApp({
    config: {
      logLevel: process.env.TEST_LOG === '1' ? 'debug' : 'silent',
      logPretty: false,
      nodeEnv: 'test',
      webDistDir: options.webDistDir ?? '/nonexistent-web-dist',
      ...options.config,
    },
    database,
    clock,
    ...(options.oidcAllowInsecureLoopbackIssuer ? { oidcAllowInsecureLoopbackIssuer: true } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
