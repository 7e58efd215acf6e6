import { defineConfig } from 'vitest/config';

/**
 * Test projects (architecture.md, "Tests"):
 * - unit: pure rules, no database (`*.test.ts` beside the code);
 * - integration-pglite: `*.int.test.ts` against a fresh in-memory PGlite per test file;
 * - integration-postgres: the same files against PostgreSQL, only when TEST_DATABASE_URL is set
 *   (CI sets it, so every integration test runs on both databases);
 * - e2e: browser journeys in Debian's Chromium through playwright-core (`tests/e2e`).
 */
const integrationFiles = ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts'];
const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: integrationFiles,
          setupFiles: ['tests/setup/fail-on-console.ts'],
        },
      },
      {
        test: {
          name: 'integration-pglite',
          include: integrationFiles,
          env: { TEST_DB_DRIVER: 'pglite' },
          setupFiles: ['tests/setup/fail-on-console.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: 'integration-postgres',
                include: integrationFiles,
                env: { TEST_DB_DRIVER: 'postgres' },
                globalSetup: ['tests/setup/postgres-global-setup.ts'],
                setupFiles: ['tests/setup/fail-on-console.ts'],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/e2e-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
