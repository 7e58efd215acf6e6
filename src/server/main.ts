import type { FastifyBaseLogger } from 'fastify';
import { MFA_REQUIRED_ROLES } from '../domain/authorization/permissions.ts';
import { todayFromClock } from '../domain/time/calendar-date.ts';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { migrateDatabase } from './db/migrate.ts';
import { describeDatabase, openConfiguredDatabase } from './db/open-configured-database.ts';
import { rootCauseMessage, waitForDatabase } from './db/wait-for-database.ts';
import { sendEvidenceExpiryReminders } from './modules/evidence/evidence-reminders.ts';
import {
  createSmtpTransport,
  deliverPendingEmails,
} from './modules/notifications/email-delivery.ts';
import { countOrganisations } from './modules/organisations/organisations.repository.ts';
import { runProtestDeadlineJobs } from './modules/protests/protest-deemed-denials.ts';
import { sendAnnualReviewReminders } from './modules/security-profile/annual-review-reminders.ts';
import { runValidationResponseReminders } from './modules/validations/validation-reminders.ts';
import { deriveKeys, loadSecretKey } from './security/secret-key.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts.ts';
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
      const seeded = await seedDemoData(database.db, systemClock, {
        keys: deriveKeys(secretKey),
        nodeEnv: config.nodeEnv,
      });
      log.info(seeded, 'demo data set loaded into the empty database');
    }
  } catch (error) {
    await database.close().catch(() => {});
    fail(error instanceof Error ? error.message : String(error));
  }

  const stopMailDelivery = await startMailDelivery(config, database, log);
  const stopReminders = startReminders(config, database, log);

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
    stopMailDelivery();
    stopReminders();
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
  releaseStartUpGarbage();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${shownHost}:${config.port}`;
  process.stdout.write(
    [
      '',
      `  OpenCTPAT is running at ${base}`,
      `  API documentation:      ${base}/api/docs`,
      `  Database:               ${describeDatabase(config)}`,
      ...(config.seedDemo ? demoAccountLines() : []),
      '',
    ].join('\n'),
  );
}

/**
 * Loading the modules leaves a heap of short-lived garbage (Node 24 re-reads large package.json
 * files, e.g. drizzle-orm's 180 KB exports map, for every module it loads). When the server runs
 * with --expose-gc (package.json config.serverNodeArgs), one full collection after start-up
 * hands that memory back before the first request instead of carrying it as resident memory.
 */
function releaseStartUpGarbage(): void {
  const collect: unknown = Reflect.get(globalThis, 'gc');
  if (typeof collect === 'function') {
    collect();
  }
}

/** How often queued e-mails are handed to the SMTP server. */
const MAIL_DELIVERY_INTERVAL_MS = 5_000;

/**
 * With SMTP_URL set, delivers queued e-mails every few seconds (several instances may run this:
 * rows are claimed with SKIP LOCKED). Without it, e-mails stay captured in the outbox.
 */
async function startMailDelivery(
  config: Config,
  database: DatabaseHandle,
  log: FastifyBaseLogger,
): Promise<() => void> {
  if (!config.mail.smtpUrl) {
    return () => {};
  }
  const transport = await createSmtpTransport(config.mail.smtpUrl);
  let running = false;
  const timer = setInterval(() => {
    if (running) {
      return;
    }
    running = true;
    deliverPendingEmails(database.db, transport, {
      from: config.mail.from,
      now: () => systemClock.now(),
    })
      .then((result) => {
        if (result.sent + result.failed > 0) {
          log.info(result, 'e-mail delivery');
        }
      })
      .catch((error: unknown) => log.error({ err: error }, 'e-mail delivery failed'))
      .finally(() => {
        running = false;
      });
  }, MAIL_DELIVERY_INTERVAL_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    transport.close();
  };
}

/** How often the reminder jobs (expiring evidence, annual reviews) look for due reminders. */
const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Runs the daily reminders (expiring evidence, annual Security Profile reviews) once shortly
 * after start and then hourly. There is no job scheduler yet; the reminders are idempotent
 * (notification keys), so several instances, restarts and hourly repeats never notify twice,
 * and a day missed while stopped is caught up. A run never overlaps the previous one.
 */
function startReminders(
  config: Config,
  database: DatabaseHandle,
  log: FastifyBaseLogger,
): () => void {
  const context = {
    db: database.db,
    clock: systemClock,
    smtpConfigured: config.mail.smtpUrl !== null,
    publicUrl: config.publicUrl,
  };
  const jobs: ReadonlyArray<{ name: string; run: () => Promise<{ notices: number }> }> = [
    {
      name: 'expiring-evidence reminders',
      run: () => sendEvidenceExpiryReminders(context, todayFromClock(systemClock)),
    },
    {
      name: 'annual review reminders',
      run: () =>
        sendAnnualReviewReminders(
          { ...context, settings: config.membershipClocks },
          todayFromClock(systemClock),
        ),
    },
    {
      name: 'protest deemed denials and deadline reminders',
      run: () => runProtestDeadlineJobs(context, todayFromClock(systemClock)),
    },
    {
      name: 'validation response reminders',
      run: () => runValidationResponseReminders(context, todayFromClock(systemClock)),
    },
  ];
  let running = false;
  const run = async () => {
    if (running) {
      return;
    }
    running = true;
    for (const job of jobs) {
      try {
        const result = await job.run();
        if (result.notices > 0) {
          log.info(result, job.name);
        }
      } catch (error: unknown) {
        log.error({ err: error }, `${job.name} failed`);
      }
    }
    running = false;
  };
  const first = setTimeout(run, 10_000);
  first.unref();
  const timer = setInterval(run, REMINDER_INTERVAL_MS);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** The demo sign-ins, printed on start so a newcomer can try every role at once. */
function demoAccountLines(): string[] {
  const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
  return [
    '',
    `  Demo accounts (password "${DEMO_PASSWORD}"; demo data only, never in production):`,
    ...DEMO_ACCOUNTS.map((account) => {
      const roles = [...new Set(account.memberships.map((membership) => membership.role))].join(
        ', ',
      );
      const mfa = account.memberships.some((membership) => MFA_REQUIRED_ROLES.has(membership.role))
        ? '  + code from "npx ctpat demo totp"'
        : '';
      return `    ${account.email.padEnd(width)}  ${roles}${mfa}`;
    }),
  ];
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
