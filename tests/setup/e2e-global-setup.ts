import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { fixedClock } from '../../src/domain/time/clock.ts';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { deriveKeys } from '../../src/server/security/secret-key.ts';
import { seedDemoData } from '../../src/server/seed/seed-demo-data.ts';
import { createOrganisation } from '../factories/organisation.factory.ts';
import { seedProfileReviewE2eFixtures } from './profile-review-e2e-fixtures.ts';
import { seedRegistryE2eFixtures } from './registry-e2e-fixtures.ts';
import { seedSecurityProfileE2eFixtures } from './security-profile-e2e-fixtures.ts';
import { seedSviE2eFixtures } from './svi-e2e-fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the app under test listens, e.g. http://127.0.0.1:41235 (no trailing slash). */
    baseUrl: string;
    /** The web build the server serves (for the bundle-budget check). */
    webDistDir: string;
  }
}

/** The instant the browser journeys run at. */
export const E2E_NOW = new Date('2026-11-29T15:00:00Z');

/**
 * Sessions of the app under test. The session cookie's Expires is the session's end by the
 * app's (fixed) clock, but the browser judges it by the real clock: with the default 12 hours
 * every sign-in would break once the real date passes E2E_NOW + 12 h. Five years keeps the
 * cookie alive (Chromium caps it at 400 days from the real now); idle expiry never triggers on
 * a fixed clock anyway.
 */
const E2E_SESSION = { idleMinutes: 30, absoluteHours: 5 * 365 * 24, cookieSecure: false };

/**
 * Organisations added to the demo data so the directory has more than one page (25 a page).
 * Their names sort after every demo organisation, so the home page's first page of member
 * companies still shows the whole demo set.
 */
export const PAGING_FIXTURE_COUNT = 30;
export const PAGING_FIXTURE_PREFIX = 'Zephyr Paging Fixture Importer';

const VITE_CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

/**
 * The production build, as `npm run build:web` makes it. Vitest runs with NODE_ENV=test, which
 * would make Vite bundle React's development build; the journeys test what users get.
 */
async function buildWebApp(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: VITE_CONFIG,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Builds the web app with the repository's Vite config, starts the real server on an in-memory
 * PGlite database with the demo data set, and tells the tests where it listens.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const webDistDir = await mkdtemp(path.join(tmpdir(), 'openctpat-e2e-web-'));
  await buildWebApp(webDistDir);

  const clock = fixedClock(E2E_NOW);
  // One secret for the seed and the app, so the demo accounts' TOTP secrets decrypt.
  const secretKey = randomBytes(32);
  const database = await openDatabase({ driver: 'pglite', dataDir: null });
  try {
    await migrateDatabase(database);
    await seedDemoData(database.db, clock, { keys: deriveKeys(secretKey), nodeEnv: 'test' });
    await seedRegistryE2eFixtures(database.db, clock, deriveKeys(secretKey));
    await seedSviE2eFixtures(database.db, clock, deriveKeys(secretKey));
    await seedSecurityProfileE2eFixtures(database.db, clock);
    await seedProfileReviewE2eFixtures(database.db, clock, deriveKeys(secretKey));
    for (let index = 1; index <= PAGING_FIXTURE_COUNT; index += 1) {
      await createOrganisation(database.db, {
        legalName: `${PAGING_FIXTURE_PREFIX} ${String(index).padStart(2, '0')}`,
      });
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = await buildApp({
    config: {
      logLevel: 'silent',
      logPretty: false,
      nodeEnv: 'test',
      webDistDir,
      session: E2E_SESSION,
    },
    database,
    clock,
    secretKey,
  });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  project.provide('baseUrl', baseUrl);
  project.provide('webDistDir', webDistDir);

  return async () => {
    await app.close();
    await database.close();
    await rm(webDistDir, { recursive: true, force: true });
  };
}
