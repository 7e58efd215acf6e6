import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const biome = path.resolve('node_modules/@biomejs/biome/bin/biome');

/**
 * Lints `source` as if it were the file at `filePath` in this repository: the probe is written
 * to a scratch copy of the project layout with the real biome.json, never into src/.
 */
function lintAs(filePath: string, source: string): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ctpat-lint-'));
  try {
    copyFileSync('biome.json', path.join(scratch, 'biome.json'));
    mkdirSync(path.dirname(path.join(scratch, filePath)), { recursive: true });
    writeFileSync(path.join(scratch, filePath), source);
    const result = spawnSync(
      process.execPath,
      [biome, 'lint', '--vcs-enabled=false', '--max-diagnostics=50', filePath],
      { cwd: scratch, encoding: 'utf8' },
    );
    return `${result.stdout}${result.stderr}`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const RULE = 'noRestrictedImports';

describe('import boundaries (architecture.md), enforced by biome.json', () => {
  it('keeps src/domain free of server, web, Node and database imports', () => {
    expect(
      lintAs(
        'src/domain/probe.ts',
        "import { buildApp } from '../server/app.ts';\nexport const a = buildApp;\n",
      ),
    ).toContain(RULE);
    expect(
      lintAs(
        'src/domain/probe.ts',
        "import { readFile } from 'node:fs';\nexport const a = readFile;\n",
      ),
    ).toContain(RULE);
    expect(
      lintAs('src/domain/probe.ts', "import { sql } from 'drizzle-orm';\nexport const a = sql;\n"),
    ).toContain(RULE);
    expect(
      lintAs('src/domain/probe.ts', "import { z } from 'zod';\nexport const a = z;\n"),
    ).not.toContain(RULE);
  });

  it('keeps server and web apart', () => {
    expect(
      lintAs('src/server/probe.ts', "import { a } from '../web/main.tsx';\nexport const b = a;\n"),
    ).toContain(RULE);
    expect(
      lintAs(
        'src/web/probe.ts',
        "import { buildApp } from '../server/app.ts';\nexport const b = buildApp;\n",
      ),
    ).toContain(RULE);
    expect(
      lintAs(
        'src/web/probe.ts',
        "import { ENTITY_TYPES } from '../domain/organisations/entity-types.ts';\nexport const b = ENTITY_TYPES;\n",
      ),
    ).not.toContain(RULE);
  });

  it("lets a module's tables reference another module's tables (foreign keys), not its repository", () => {
    const file = 'src/server/modules/protests/protests.tables.ts';
    expect(
      lintAs(
        file,
        "import { organisations } from '../organisations/organisations.tables.ts';\nexport const a = organisations;\n",
      ),
    ).not.toContain(RULE);
    expect(
      lintAs(
        file,
        "import { a } from '../organisations/organisations.repository.ts';\nexport const b = a;\n",
      ),
    ).toContain(RULE);
  });

  it("lets a module call another module's service but not its repository or tables", () => {
    const file = 'src/server/modules/protests/protests.service.ts';
    expect(
      lintAs(
        file,
        "import { a } from '../organisations/organisations.repository.ts';\nexport const b = a;\n",
      ),
    ).toContain(RULE);
    expect(
      lintAs(
        file,
        "import { a } from '../organisations/organisations.tables.ts';\nexport const b = a;\n",
      ),
    ).toContain(RULE);
    expect(
      lintAs(
        file,
        "import { a } from '../organisations/organisations.service.ts';\nexport const b = a;\n",
      ),
    ).not.toContain(RULE);
  });
});
