import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDatabaseDriver } from '../../tests/setup/test-database.ts';
import { CatalogSchema } from '../domain/criteria/catalog.schema.ts';
import { runCli } from './main.ts';

let dataDir: string;
let stdout: string[];
let stderr: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ctpat-catalog-'));
  vi.stubEnv('DATA_DIR', dataDir);
  vi.stubEnv(
    'DATABASE_URL',
    testDatabaseDriver() === 'postgres' ? process.env.TEST_DATABASE_URL : '',
  );
  stdout = [];
  stderr = [];
  // Kept apart: `catalog export` must write nothing but the catalog to standard output.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

function label(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

describe('ctpat catalog', () => {
  it('imports a JSON file, prints its diff, publishes it and exports it as the current catalog', async () => {
    // The current catalog, whatever earlier tests on a shared database published.
    expect(await runCli(['catalog', 'export', '--format', 'json'])).toBe(0);
    const current = CatalogSchema.parse(JSON.parse(stdout.join('')));
    const dropped = current.criteria.at(-1)?.id ?? '';
    const version = label('cli');
    const file = path.join(dataDir, 'catalog.json');
    await writeFile(
      file,
      JSON.stringify({
        ...current,
        version,
        criteria: current.criteria.filter((criterion) => criterion.id !== dropped),
      }),
    );
    stdout.length = 0;
    const code = await runCli(['catalog', 'import', file, '--publish']);
    expect(stderr.join('')).not.toContain('ctpat:');
    expect(code).toBe(0);
    const report = stdout.join('');
    expect(report).toContain(`${current.version} → ${version} (draft)`);
    expect(report).toContain('added: 0');
    expect(report).toContain(`removed: 1 (${dropped})`);
    expect(report).toContain(`Published ${version}: it is now the current catalog.`);

    stdout.length = 0;
    expect(await runCli(['catalog', 'export', '--format', 'json'])).toBe(0);
    const exported = CatalogSchema.parse(JSON.parse(stdout.join('')));
    expect(exported.version).toBe(version);
    expect(exported.criteria.some((criterion) => criterion.id === dropped)).toBe(false);
    expect(stderr.join('')).toContain('Database:');

    stdout.length = 0;
    expect(await runCli(['catalog', 'diff', current.version, version])).toBe(0);
    expect(stdout.join('')).toContain(`${current.version} → ${version} (published)`);
    expect(stdout.join('')).toContain(`removed: 1 (${dropped})`);
  });

  it('exports CSV that imports again under a new label with no change', async () => {
    expect(await runCli(['catalog', 'export', '--format', 'csv'])).toBe(0);
    const csv = stdout.join('');
    expect(csv.split('\n')[0]).toBe(
      'id,category,designation,text,guidance,applicability,designation_overrides,verification,sources,notes',
    );
    const file = path.join(dataDir, 'catalog.csv');
    await writeFile(file, csv);
    stdout.length = 0;
    const version = label('csv');
    expect(await runCli(['catalog', 'import', file, '--version-label', version])).toBe(0);
    expect(stdout.join('')).toContain('added: 0');
    expect(stdout.join('')).toContain('removed: 0');
    expect(stdout.join('')).toContain('changed: 0');
    expect(stdout.join('')).toContain(`Imported ${version} as a draft`);
  });

  it('fails with exit code 1 and the import report, line by line, for a bad file', async () => {
    const file = path.join(dataDir, 'bad.csv');
    await writeFile(
      file,
      'id,category,designation,text,applicability,verification\n1.1,1,maybe,Policy,importer=confirmed,cbp-doc\n',
    );
    expect(await runCli(['catalog', 'import', file, '--version-label', label('bad')])).toBe(1);
    expect(stderr.join('')).toContain('ctpat: The catalog has errors; nothing was imported');
    expect(stderr.join('')).toContain('line 2, designation: must be "must" or "should"');
  });
});
