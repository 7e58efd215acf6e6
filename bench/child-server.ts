import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Servers under load run as child processes, never inside the benchmark process: the load
 * generator (autocannon) needs its own event loop, and a child's RSS is the server's alone.
 * Both the real server and the bare baseline go through this module, so they share one process
 * model.
 */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const REAL_SERVER_ENTRY = fileURLToPath(new URL('../src/server/main.ts', import.meta.url));

/**
 * The Node options `npm start` gives the server (package.json `config.serverNodeArgs`), so the
 * benchmark measures the server as it is deployed. BENCH_SERVER_NODE_ARGS overrides them, to
 * compare settings.
 */
export function realServerNodeArgs(): string[] {
  const override = process.env.BENCH_SERVER_NODE_ARGS;
  if (override !== undefined) {
    return override.split(' ').filter((arg) => arg !== '');
  }
  const manifest: unknown = JSON.parse(
    readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
  );
  const parsed = z.object({ config: z.object({ serverNodeArgs: z.string() }) }).safeParse(manifest);
  return parsed.success
    ? parsed.data.config.serverNodeArgs.split(' ').filter((arg) => arg !== '')
    : [];
}
export const BARE_SERVER_ENTRY = fileURLToPath(new URL('./bare-server.ts', import.meta.url));

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
/** Only the tail of a child's stderr is kept, to explain a failed start. */
const STDERR_TAIL_CHARS = 4_000;

const running = new Set<ChildProcess>();

/** A crash or Ctrl-C of the benchmark must not leave servers listening. */
process.once('exit', () => {
  for (const child of running) {
    child.kill('SIGKILL');
  }
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  pid: number;
  baseUrl: string;
  /** Resident set size now, in bytes (from /proc), or null if the process is gone. */
  rssBytes(): number | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  entry: string;
  /** Node options before the entry (the real server gets the same ones `npm start` uses). */
  nodeArgs?: readonly string[];
  env: Record<string, string>;
  label: string;
}

/**
 * Starts `node <entry>` with HOST=127.0.0.1 and a free PORT, and resolves once GET /readyz
 * answers 200. Only PATH and HOME are inherited, so a developer's DATABASE_URL or LOG_LEVEL
 * cannot leak into the measurement.
 */
export async function startChildServer(options: StartOptions): Promise<ChildServer> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...options.env,
  };
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry], {
    cwd: REPO_ROOT,
    env,
    // stdout is discarded (the cheapest log sink, as a fast log shipper would be); stderr is
    // kept to explain a failed start.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
  });
  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : 0);
      running.delete(child);
      resolve();
    });
  });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error(`${options.label}: could not spawn ${options.entry}`);
  }
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exitCode !== null) {
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exitCode !== null) {
      throw new Error(
        `${options.label} exited with code ${exitCode} before it was ready:\n${stderr}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.label} was not ready within ${READY_TIMEOUT_MS} ms:\n${stderr}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return { pid, baseUrl, rssBytes: () => readRssBytes(pid), stop };
}

/** VmRSS from /proc/<pid>/status (Linux); null once the process has gone. */
export function readRssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export interface RssSampler {
  /** Stops sampling; resolves to the peak and the number of samples taken. */
  stop(): { peakBytes: number; samples: number };
}

/** Samples a process's RSS every `intervalMs` and keeps the peak. */
export function sampleRss(pid: number, intervalMs = 200): RssSampler {
  let peakBytes = 0;
  let samples = 0;
  const take = () => {
    const rss = readRssBytes(pid);
    if (rss !== null) {
      samples += 1;
      peakBytes = Math.max(peakBytes, rss);
    }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { peakBytes, samples };
    },
  };
}
