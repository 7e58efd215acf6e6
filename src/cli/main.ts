import { Command, CommanderError } from 'commander';
import { TOTP } from 'otpauth';
import { type Config, ConfigError, loadConfig } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/database.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { describeDatabase, openConfiguredDatabase } from '../server/db/open-configured-database.ts';
import { waitForDatabase } from '../server/db/wait-for-database.ts';
import { verifyAuditTrail } from '../server/modules/audit/audit.service.ts';
import { deriveKeys, loadSecretKey } from '../server/security/secret-key.ts';
import { DEMO_TOTP_SECRET } from '../server/seed/demo-accounts.ts';
import { seedDemoData } from '../server/seed/seed-demo-data.ts';
import { systemClock } from '../server/system-clock.ts';
import { addCatalogCommands, CatalogCommandFailure } from './catalog-commands.ts';

/** Exit codes: 0 success, 1 the command failed, 2 the command line was wrong. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

class CliFailure extends Error {}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Opens the configured database, waits for it, runs `work`, and always closes it. */
async function withDatabase<T>(
  work: (database: DatabaseHandle, config: Config) => Promise<T>,
  options: { quiet?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    // A command that writes data to standard output (catalog export) keeps it clean.
    const line = `Database: ${describeDatabase(config)}`;
    if (options.quiet) {
      process.stderr.write(`${line}\n`);
    } else {
      say(line);
    }
    await waitForDatabase(database, config.dbConnectAttempts, (attempt, delayMs) => {
      process.stderr.write(
        `database not reachable (attempt ${attempt}); retrying in ${delayMs} ms\n`,
      );
    });
    return await work(database, config);
  } finally {
    await database.close();
  }
}

export function buildCli(): Command {
  const program = new Command('ctpat')
    .description('OpenCTPAT command line: database, demo data and operations.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const db = program.command('db').description('Database schema commands.');
  db.command('migrate')
    .description('Apply every committed migration not yet applied (idempotent, one transaction).')
    .action(async () => {
      await withDatabase(async (database) => {
        const result = await migrateDatabase(database);
        say(
          result.applied.length === 0
            ? `Schema up to date (${result.total} migrations).`
            : `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}.`,
        );
      });
    });

  program
    .command('seed')
    .description('Load a data set into the database (migrates first).')
    .option(
      '--demo',
      'the demo data set: member companies of several entity types, CBP offices, CTPAT memberships',
    )
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) {
        throw new CliFailure('Choose a data set: ctpat seed --demo');
      }
      await withDatabase(async (database, config) => {
        await migrateDatabase(database);
        const secretKey = await loadSecretKey({
          configured: config.secretKey,
          dataDir: config.dataDir,
        });
        const result = await seedDemoData(database.db, systemClock, {
          keys: deriveKeys(secretKey),
          nodeEnv: config.nodeEnv,
        });
        say(
          `Demo data: ${result.organisationsCreated} organisation(s), ` +
            `${result.accountsCreated} account(s) and ` +
            `${result.membershipsCreated} CTPAT membership(s) created; ` +
            `${result.organisationsTotal - result.organisationsCreated} organisation(s), ` +
            `${result.accountsTotal - result.accountsCreated} account(s) and ` +
            `${result.membershipsTotal - result.membershipsCreated} CTPAT membership(s) already present.`,
        );
      });
    });

  const demo = program.command('demo').description('Helpers for the demo data set.');
  demo
    .command('totp')
    .description(
      'Print the current two-step verification code of the demo accounts (demo secret only).',
    )
    .action(() => {
      const totp = new TOTP({ secret: DEMO_TOTP_SECRET });
      const remaining = 30 - (Math.floor(systemClock.now().getTime() / 1000) % 30);
      say(
        `${totp.generate({ timestamp: systemClock.now().getTime() })}  (valid for ${remaining} s more)`,
      );
    });

  const audit = program.command('audit').description('The audit trail.');
  audit
    .command('verify')
    .description(
      'Recompute every hash of the audit trail; exit 1 naming the first edited or deleted event.',
    )
    .option('--chain <chain>', 'only this chain: an organisation id, or "system"')
    .action(async (options: { chain?: string }) => {
      await withDatabase(async (database) => {
        const result = await verifyAuditTrail(database.db, undefined, { chain: options.chain });
        if (!result.ok) {
          throw new CliFailure(
            `Audit trail broken: chain ${result.chain}, seq ${result.seq}, event id ` +
              `${result.id ?? 'unknown'}: ${result.problem}. ` +
              `${result.events} event(s) verified before it.`,
          );
        }
        if (options.chain !== undefined && result.events === 0) {
          throw new CliFailure(`No audit events in chain ${options.chain}.`);
        }
        say(`Audit trail intact: ${result.events} events in ${result.chains} chains.`);
      });
    });

  addCatalogCommands(program, withDatabase, say);

  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildCli().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const message =
      error instanceof ConfigError ||
      error instanceof CliFailure ||
      error instanceof CatalogCommandFailure ||
      error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`ctpat: ${message}\n`);
    return EXIT_FAILURE;
  }
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2));
}
