import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrateDatabase } from './db/migrate.ts';
import { describeDatabase, openConfiguredDatabase } from './db/open-configured-database.ts';
import { rootCauseMessage, waitForDatabase } from './db/wait-for-database.ts';
import { countOrganisations } from './modules/organisations/organisations.repository.ts';
import { loadSecretKey } from './security/secret-key.ts';
import { seedDemoData } from './seed/seed-demo-data.ts';
import { systemClock } from './system-clock.ts';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

function fail(message: string): never {
  process.stderr.write(`\nOpenCTPAT could not start:\n${message}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      fail(`${error.message}\nFix these environment variables (README.md, "Configuration").`);
    }
    throw error;
  }

  const database = await openConfiguredDatabase(config);
  const secretKey = await loadSecretKey({ configured: config.secretKey, dataDir: config.dataDir });
  const app = await buildApp({ config, database, secretKey });
  const log = app.log;

  try {
    await waitForDatabase(database, config.dbConnectAttempts, (attempt, delayMs, error) => {
      log.warn(
        { attempt, delayMs, reason: rootCauseMessage(error) },
        `database not reachable (${describeDatabase(config)}); retrying`,
      );
    });
    const migration = await migrateDatabase(database);
    log.info(
      { applied: migration.applied },
      `database schema up to date (${migration.total} migrations)`,
    );
    if (config.seedDemo && (await countOrganisations(database.db)) === 0) {
      const seeded = await seedDemoData(database.db, systemClock);
      log.info(seeded, 'demo data set loaded into the empty database');
    }
  } catch (error) {
    await database.close().catch(() => {});
    fail(error instanceof Error ? error.message : String(error));
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${shownHost}:${config.port}`;
  process.stdout.write(
    [
      '',
      `  OpenCTPAT is running at ${base}`,
      `  API documentation:      ${base}/api/docs`,
      `  Database:               ${describeDatabase(config)}`,
      '  Sign-in:                demo accounts arrive with identity and access (issue 3);',
      '                          until then the demo data is readable without signing in.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
