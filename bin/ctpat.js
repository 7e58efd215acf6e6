#!/usr/bin/env node
// The `ctpat` command. The CLI is TypeScript run by Node 24's type stripping; when this shim is
// started by an older Node (the machine's), it re-runs the CLI with the project's pinned Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cliEntry = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const pinnedNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  const { runCli } = await import(cliEntry);
  process.exitCode = await runCli(process.argv.slice(2));
} else if (existsSync(pinnedNode)) {
  const result = spawnSync(pinnedNode, [cliEntry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} else {
  process.stderr.write(
    `ctpat needs Node.js 24 (found ${process.version}); run "npm ci" to install the pinned one.\n`,
  );
  process.exitCode = 1;
}
