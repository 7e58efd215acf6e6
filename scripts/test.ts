// `npm test`: every test project (unit, integration on PGlite, integration on PostgreSQL when
// TEST_DATABASE_URL is set, browser journeys), then one plain summary line that CI reads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ensureChromium } from './ensure-chromium.ts';

const VitestJsonSchema = z.object({
  numTotalTests: z.number(),
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
});

const chromium = ensureChromium();
if (!chromium.ok) {
  process.stderr.write(`\n${chromium.message}\n`);
  process.exit(1);
}

const reportDir = mkdtempSync(path.join(tmpdir(), 'ctpat-test-'));
const reportFile = path.join(reportDir, 'vitest.json');
const vitest = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let exitCode = vitest.status ?? 1;
try {
  const report = VitestJsonSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
  const skipped = report.numPendingTests + report.numTodoTests;
  process.stdout.write(
    `\ntests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped\n`,
  );
  if (report.numTotalTests === 0) {
    process.stderr.write('No test ran: that is a failure, not a pass.\n');
    exitCode = 1;
  }
} catch {
  process.stderr.write('The test run produced no report (see the output above).\n');
  exitCode = exitCode === 0 ? 1 : exitCode;
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
process.exit(exitCode);
