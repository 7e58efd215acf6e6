import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './report.ts';

/**
 * Target 4: the JavaScript a browser must download before the first screen works, gzipped (as
 * served): every script and modulepreload that dist/web/index.html references. Lazy chunks are
 * not counted; they are the point of splitting.
 *
 * Baseline, for scale: React + ReactDOM's own production bundles gzipped, the floor any React
 * web app pays.
 */
export const INITIAL_JS_TARGET_KB = 250;
const KB = 1024;
const BUILD_TIMEOUT_MS = 120_000;

const REACT_BUNDLES = [
  'node_modules/react/cjs/react.production.js',
  'node_modules/react/cjs/react.production.min.js',
  'node_modules/react-dom/cjs/react-dom-client.production.js',
  'node_modules/react-dom/cjs/react-dom.production.min.js',
];

function gzippedBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** React's production bundles that this install has (file names differ between majors). */
function reactBaselineBytes(root: string): { bytes: number; files: string[] } | null {
  const files = REACT_BUNDLES.map((file) => path.join(root, file)).filter((file) =>
    existsSync(file),
  );
  if (files.length === 0) {
    return null;
  }
  return { bytes: files.reduce((sum, file) => sum + gzippedBytes(file), 0), files };
}

/** The build's error without its stack trace, short enough for a table note. */
function firstErrorLines(build: { stdout: string; stderr: string }): string {
  const lines = `${build.stderr}\n${build.stdout}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at ') && !line.startsWith('✗'));
  const specific =
    lines.find((line) => /^\[[A-Z_]+\]/.test(line)) ?? lines.find((line) => /error/i.test(line));
  return (specific ?? lines.at(-1) ?? 'no output').slice(0, 300);
}

/** src attributes of <script> and href attributes of <link rel="modulepreload">. */
export function initialScriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) {
    if (match[1]) {
      urls.add(match[1]);
    }
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && /\brel=["']?modulepreload["']?/i.test(tag)) {
      urls.add(href);
    }
  }
  return [...urls];
}

/**
 * With a vite.config.ts the web app is built afresh into `workDir` (not dist/web, which a
 * running server or an e2e run may be serving), so the number describes the current sources.
 * Without one, an existing dist/web is measured as it is.
 */
export async function measureInitialJs(root: string, workDir: string): Promise<BenchRow[]> {
  const baseline = reactBaselineBytes(root);
  const hasViteConfig = existsSync(path.join(root, 'vite.config.ts'));
  const distDir = hasViteConfig ? path.join(workDir, 'web') : path.join(root, 'dist', 'web');
  const skip = (note: string): BenchRow[] => [
    {
      id: 'initial-js',
      name: '4. Initial JavaScript (gzipped)',
      unit: 'KB',
      measured: null,
      baseline: baseline === null ? null : baseline.bytes / KB,
      baselineLabel: 'react + react-dom',
      target: { kind: 'at-most', value: INITIAL_JS_TARGET_KB },
      note,
    },
  ];

  if (hasViteConfig) {
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const args = [vite, 'build', '--logLevel', 'warn', '--outDir', distDir, '--emptyOutDir'];
    const build = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      timeout: BUILD_TIMEOUT_MS,
    });
    if (build.status !== 0) {
      return skip(`SKIP: vite build failed: ${build.error?.message ?? firstErrorLines(build)}`);
    }
  }
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    return skip(
      hasViteConfig
        ? 'SKIP: vite build produced no index.html'
        : 'SKIP: no vite.config.ts and no dist/web: the web app does not exist yet',
    );
  }

  const urls = initialScriptUrls(readFileSync(indexFile, 'utf8')).filter(
    (url) => !/^(https?:)?\/\//.test(url),
  );
  const files = urls.map((url) => path.join(distDir, url.split(/[?#]/)[0] ?? url));
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    return skip(`SKIP: index.html references missing files: ${missing.join(', ')}`);
  }
  const bytes = files.reduce((sum, file) => sum + gzippedBytes(file), 0);
  return [
    {
      id: 'initial-js',
      name: '4. Initial JavaScript (gzipped)',
      unit: 'KB',
      measured: bytes / KB,
      baseline: baseline === null ? null : baseline.bytes / KB,
      baselineLabel: 'react + react-dom',
      target: { kind: 'at-most', value: INITIAL_JS_TARGET_KB },
      note: `${files.length} files referenced by index.html (${hasViteConfig ? 'fresh vite build' : 'existing dist/web'})`,
    },
  ];
}
