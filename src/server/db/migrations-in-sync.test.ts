import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './migrate.ts';

/**
 * A table change without a generated migration would pass every test on a database migrated
 * from the committed SQL, then fail in production. drizzle-kit must find nothing to generate.
 */
describe('committed migrations', () => {
  it('match the Drizzle table definitions (drizzle-kit generate finds no change)', () => {
    // drizzle-kit wants a relative --out path, so the scratch copy lives inside the repository.
    const scratch = mkdtempSync(path.join(process.cwd(), '.migrations-check-'));
    try {
      cpSync(MIGRATIONS_FOLDER, scratch, { recursive: true });
      const before = readdirSync(scratch).sort();
      const result = spawnSync(
        process.execPath,
        [
          'node_modules/drizzle-kit/bin.cjs',
          'generate',
          '--dialect=postgresql',
          '--schema=./src/server/modules/*/*.tables.ts',
          `--out=./${path.relative(process.cwd(), scratch)}`,
          '--casing=snake_case',
        ],
        { encoding: 'utf8' },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(readdirSync(scratch).sort()).toEqual(before);
      expect(result.stdout).toContain('No schema changes');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
