import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';

/**
 * One autocannon run against 127.0.0.1, bounded by duration (never open-ended). Autocannon runs
 * in the benchmark process; the server runs in a child, so on this 2-core machine the load
 * generator and the server each have a core (the real server also shares with PostgreSQL,
 * which is what production looks like on a small host too).
 */
export interface LoadResult {
  /** Completed requests divided by the run's wall-clock seconds. */
  requestsPerSecond: number;
  latencyP99Ms: number;
  total: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!options.url.startsWith('http://127.0.0.1:')) {
    throw new Error(`load goes only to 127.0.0.1, not ${options.url}`);
  }
  const result = await autocannon({
    url: options.url,
    headers: { ...BENCH_AUTH_HEADERS },
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
  });
  return {
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    latencyP99Ms: result.latency.p99,
    total: result.requests.total,
    seconds: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Several runs against one server as one: total requests over total time, worst p99. */
export function mergeLoads(results: readonly LoadResult[]): LoadResult {
  const total = results.reduce((sum, result) => sum + result.total, 0);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  return {
    requestsPerSecond: seconds > 0 ? total / seconds : 0,
    latencyP99Ms: Math.max(0, ...results.map((result) => result.latencyP99Ms)),
    total,
    seconds,
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
  };
}

/** Why a load result cannot be trusted (failed requests measure an error path), or undefined. */
export function loadProblems(result: LoadResult): string | undefined {
  const problems = [
    result.non2xx > 0 ? `${result.non2xx} non-2xx responses` : '',
    result.errors > 0 ? `${result.errors} connection errors` : '',
    result.timeouts > 0 ? `${result.timeouts} timeouts` : '',
  ].filter(Boolean);
  return problems.length > 0 ? problems.join(', ') : undefined;
}

/** One throwaway key per benchmark run: production mode requires SECRET_KEY. */
const RUN_SECRET_KEY = randomBytes(32).toString('hex');

/**
 * The list endpoint needs a signed-in CBP specialist (organisations:read:any). The seed stores a
 * session for this token (bench/bench-session.ts), so every request below is authenticated,
 * authorized and tenant-scoped like a real one. Both cookie names: the child servers run in
 * production mode (`__Host-` cookie), the in-process app in development mode.
 */
export const BENCH_SESSION_TOKEN = randomBytes(32).toString('base64url');
export const BENCH_AUTH_HEADERS: Readonly<Record<string, string>> = {
  cookie: `__Host-ctpat_session=${BENCH_SESSION_TOKEN}; ctpat_session=${BENCH_SESSION_TOKEN}`,
};

/**
 * The environment of `node src/server/main.ts` for a benchmark run: production mode, as
 * deployed. DATA_DIR points into the run's temporary directory so nothing lands in ./data.
 */
export function realServerEnv(
  databaseUrl: string,
  logLevel: string,
  workDir: string,
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    SECRET_KEY: RUN_SECRET_KEY,
    DATA_DIR: path.join(workDir, 'data'),
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: logLevel,
    LOG_PRETTY: 'false',
    // No built web app: the API is what is measured, and the server tolerates its absence.
    WEB_DIST_DIR: '/nonexistent-ctpat-bench-web-dist',
  };
}

/** The endpoint every load benchmark hits: the first page, default page size. */
export const LIST_PATH = '/api/v1/organisations?limit=25';
const EXPECTED_PAGE_SIZE = 25;

/**
 * Fetches the real list response once from a running real server and stores it for the bare
 * baseline, which then serves the very same bytes. Checks the page is full, so neither server
 * is measured on an empty or failing answer.
 */
export async function capturePayload(baseUrl: string, directory: string): Promise<string> {
  const response = await fetch(`${baseUrl}${LIST_PATH}`, {
    headers: BENCH_AUTH_HEADERS,
    signal: AbortSignal.timeout(5_000),
  });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${LIST_PATH} answered ${response.status}: ${body.slice(0, 300)}`);
  }
  const parsed: unknown = JSON.parse(body);
  const items =
    typeof parsed === 'object' && parsed !== null && 'items' in parsed ? parsed.items : null;
  if (!Array.isArray(items) || items.length !== EXPECTED_PAGE_SIZE) {
    throw new Error(`GET ${LIST_PATH} did not return a full page of ${EXPECTED_PAGE_SIZE} items`);
  }
  const file = path.join(directory, 'list-payload.json');
  await writeFile(file, body);
  return file;
}
