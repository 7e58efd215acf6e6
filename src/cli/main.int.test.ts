import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../tests/setup/cli-output.ts';
import { testDatabaseDriver } from '../../tests/setup/test-database.ts';
import { runCli } from './main.ts';

let dataDir: string;
let output: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ctpat-cli-'));
  // The CLI reads the same configuration as the server: point it at this test's database.
  vi.stubEnv('DATA_DIR', dataDir);
  vi.stubEnv(
    'DATABASE_URL',
    testDatabaseDriver() === 'postgres' ? process.env.TEST_DATABASE_URL : '',
  );
  output = captureOutput();
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('ctpat', () => {
  it('db migrate applies the schema, and says it is up to date the second time', async () => {
    expect(await runCli(['db', 'migrate'])).toBe(0);
    expect(await runCli(['db', 'migrate'])).toBe(0);
    expect(output.join('')).toMatch(/Schema up to date \(\d+ migrations\)\./);
  });

  it('seed --demo loads the demo data set idempotently', async () => {
    expect(await runCli(['seed', '--demo'])).toBe(0);
    expect(await runCli(['seed', '--demo'])).toBe(0);
    expect(output.join('')).toContain(
      'Demo data: 0 organisation(s), 0 account(s) and 0 CTPAT membership(s) created; 19 organisation(s), 20 account(s) and 10 CTPAT membership(s) already present.',
    );
  });

  it('fails with exit code 1 and a clear message when no data set is chosen', async () => {
    expect(await runCli(['seed'])).toBe(1);
    expect(output.join('')).toContain('ctpat: Choose a data set: ctpat seed --demo');
  });

  it('fails with exit code 2 on an unknown command', async () => {
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(output.join('')).toContain("unknown command 'frobnicate'");
  });

  it('fails with exit code 1 naming a bad environment variable', async () => {
    vi.stubEnv('PORT', 'eighty');
    expect(await runCli(['db', 'migrate'])).toBe(1);
    expect(output.join('')).toContain('PORT: must be a number (got "eighty")');
  });

  it('prints help for every command with exit code 0', async () => {
    for (const args of [
      ['--help'],
      ['db', '--help'],
      ['db', 'migrate', '--help'],
      ['seed', '--help'],
    ]) {
      expect(await runCli(args)).toBe(0);
    }
    expect(output.join('')).toContain('Usage: ctpat seed [options]');
  });

  it('demo totp prints a six-digit code for the demo secret', async () => {
    expect(await runCli(['demo', 'totp'])).toBe(0);
    expect(output.join('')).toMatch(/^\d{6} {2}\(valid for \d+ s more\)$/m);
  });
});
