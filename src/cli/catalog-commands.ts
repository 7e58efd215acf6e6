import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { CatalogDiffView } from '../domain/criteria/catalog-api.schema.ts';
import { AppError } from '../domain/errors/error-codes.ts';
import type { Config } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/database.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import {
  diffCatalogVersion,
  exportCatalogVersion,
  importCatalogVersion,
  listCatalogVersions,
  publishCatalogVersion,
} from '../server/modules/criteria/criteria.service.ts';
import { operatorContext } from './operator-context.ts';

type WithDatabase = <T>(
  work: (database: DatabaseHandle, config: Config) => Promise<T>,
  options?: { quiet?: boolean },
) => Promise<T>;

export class CatalogCommandFailure extends Error {}

function formatOf(path: string, given: string | undefined): 'json' | 'csv' {
  const format = given ?? extname(path).slice(1).toLowerCase();
  if (format !== 'json' && format !== 'csv') {
    throw new CatalogCommandFailure(`${path}: say --format json or --format csv`);
  }
  return format;
}

/** An AppError's field issues, one per line, as the import report. */
function describeFailure(error: unknown): never {
  if (error instanceof AppError) {
    const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)
      ?.issues;
    const lines = issues?.map((issue) => `  ${issue.path}: ${issue.message}`) ?? [];
    throw new CatalogCommandFailure([error.message, ...lines].join('\n'));
  }
  throw error;
}

export function describeDiff(diff: CatalogDiffView): string[] {
  const lines = [
    `${diff.from ? diff.from.version : '(no current version)'} → ${diff.to.version} (${diff.to.status})`,
    `  added: ${diff.added.length}${diff.added.length ? ` (${diff.added.map((c) => c.id).join(', ')})` : ''}`,
    `  removed: ${diff.removed.length}${diff.removed.length ? ` (${diff.removed.map((c) => c.id).join(', ')})` : ''}`,
    `  changed: ${diff.changed.length}`,
  ];
  for (const change of diff.changed) {
    const parts = [
      ...change.designationChanges.map(
        (entry) => `${entry.entityType} ${entry.from ?? 'n/a'} → ${entry.to ?? 'n/a'}`,
      ),
      ...(change.textChanged ? ['text'] : []),
      ...(change.guidanceChanged ? ['guidance'] : []),
      ...(change.applicabilityLevelChanged ? ['confirmed/likely'] : []),
    ];
    lines.push(`    ${change.id}: ${parts.join('; ')}`);
  }
  return lines;
}

async function versionIdOf(
  ctx: Awaited<ReturnType<typeof operatorContext>>,
  label: string,
): Promise<string> {
  const { items } = await listCatalogVersions(ctx);
  const found = items.find((item) => item.version === label);
  if (!found) {
    throw new CatalogCommandFailure(
      `No catalog version ${label}. Known: ${items.map((item) => item.version).join(', ') || 'none'}`,
    );
  }
  return found.id;
}

/**
 * `ctpat catalog import|export|diff` (issue 5, item 1): the program manager's catalog work from
 * the console, through the same services as the API (validation, audit, immutability). Each
 * migrates first, like `ctpat seed`, so the seed catalog exists on a new database.
 */
export function addCatalogCommands(
  program: Command,
  withDatabase: WithDatabase,
  say: (line: string) => void,
): void {
  const catalog = program.command('catalog').description('The criteria catalog.');
  const permissions = ['criteria:read', 'criteria:manage:any'] as const;

  catalog
    .command('import')
    .description('Import a catalog file (JSON or CSV) as a draft and print its diff.')
    .argument('<file>', 'the catalog file')
    .option('--format <format>', 'json or csv (default: from the file name)')
    .option('--version-label <label>', 'the version label (required for CSV)')
    .option('--description <text>', 'what the version is')
    .option('--publish', 'publish it at once, making it the current catalog')
    .action(
      async (
        file: string,
        options: {
          format?: string;
          versionLabel?: string;
          description?: string;
          publish?: boolean;
        },
      ) => {
        const content = await readFile(file, 'utf8');
        const format = formatOf(file, options.format);
        await withDatabase(async (database, config) => {
          await migrateDatabase(database);
          const ctx = await operatorContext(database.db, config, 'catalog import', permissions);
          const diff = await importCatalogVersion(ctx, {
            format,
            content,
            ...(options.versionLabel ? { version: options.versionLabel } : {}),
            ...(options.description !== undefined ? { description: options.description } : {}),
          }).catch(describeFailure);
          for (const line of describeDiff(diff)) say(line);
          if (options.publish) {
            const published = await publishCatalogVersion(ctx, diff.to.id).catch(describeFailure);
            say(`Published ${published.version}: it is now the current catalog.`);
          } else {
            say(
              `Imported ${diff.to.version} as a draft; publish it from the web app or with --publish.`,
            );
          }
        });
      },
    );

  catalog
    .command('export')
    .description('Write a catalog version to standard output (default: the current one).')
    .option('--format <format>', 'json or csv', 'json')
    .option('--version-label <label>', 'the version to export')
    .action(async (options: { format: string; versionLabel?: string }) => {
      if (options.format !== 'json' && options.format !== 'csv') {
        throw new CatalogCommandFailure('--format must be json or csv');
      }
      const format = options.format;
      await withDatabase(
        async (database, config) => {
          await migrateDatabase(database);
          const ctx = await operatorContext(database.db, config, 'catalog export', permissions);
          const id = options.versionLabel
            ? await versionIdOf(ctx, options.versionLabel)
            : 'current';
          const exported = await exportCatalogVersion(ctx, id, format).catch(describeFailure);
          process.stdout.write(exported.body);
        },
        { quiet: true },
      );
    });

  catalog
    .command('diff')
    .description('What changes from catalog version A to version B (labels).')
    .argument('<a>', 'the earlier version label')
    .argument('<b>', 'the later version label')
    .action(async (a: string, b: string) => {
      await withDatabase(async (database, config) => {
        await migrateDatabase(database);
        const ctx = await operatorContext(database.db, config, 'catalog diff', permissions);
        const diff = await diffCatalogVersion(
          ctx,
          await versionIdOf(ctx, b),
          await versionIdOf(ctx, a),
        ).catch(describeFailure);
        for (const line of describeDiff(diff)) say(line);
      });
    });
}
