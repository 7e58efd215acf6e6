import {
  BARE_SERVER_ENTRY,
  type ChildServer,
  REAL_SERVER_ENTRY,
  realServerNodeArgs,
  sampleRss,
  startChildServer,
} from './child-server.ts';
import {
  capturePayload,
  LIST_PATH,
  type LoadResult,
  loadProblems,
  realServerEnv,
  runLoad,
} from './load.ts';
import type { BenchRow } from './report.ts';

/**
 * Target 3: peak resident memory of the real server (`node src/server/main.ts`, as deployed)
 * while 200 clients hit the list endpoint at once. RSS, not heap: it is what the host and a
 * container limit see. Sampled from /proc every 200 ms from start-up to the end of the load.
 * Baseline: a bare Fastify child under the same load, i.e. what Node and Fastify alone cost.
 */
export const MEMORY_CONNECTIONS = 200;
export const MEMORY_TARGET_MB = 300;
const MB = 1024 * 1024;

export interface MemoryOptions {
  databaseUrl: string;
  workDir: string;
  durationSeconds: number;
}

interface MemoryResult {
  idleBytes: number | null;
  peakBytes: number;
  samples: number;
  load: LoadResult;
}

async function underLoad(
  start: () => Promise<ChildServer>,
  options: MemoryOptions,
  beforeLoad: (server: ChildServer) => Promise<void> = async () => {},
): Promise<MemoryResult> {
  const server = await start();
  const sampler = sampleRss(server.pid);
  try {
    await beforeLoad(server);
    const idleBytes = server.rssBytes();
    const load = await runLoad({
      url: `${server.baseUrl}${LIST_PATH}`,
      connections: MEMORY_CONNECTIONS,
      durationSeconds: options.durationSeconds,
    });
    const { peakBytes, samples } = sampler.stop();
    return { idleBytes, peakBytes, samples, load };
  } finally {
    sampler.stop();
    await server.stop();
  }
}

export async function measureServerMemory(options: MemoryOptions): Promise<BenchRow[]> {
  let payloadFile: string | null = null;
  const real = await underLoad(
    () =>
      startChildServer({
        entry: REAL_SERVER_ENTRY,
        nodeArgs: realServerNodeArgs(),
        env: realServerEnv(options.databaseUrl, 'warn', options.workDir),
        label: 'real server (memory)',
      }),
    options,
    async (server) => {
      payloadFile = await capturePayload(server.baseUrl, options.workDir);
    },
  );
  if (payloadFile === null) {
    throw new Error('the list payload was not captured');
  }
  const file: string = payloadFile;
  const bare = await underLoad(
    () =>
      startChildServer({
        entry: BARE_SERVER_ENTRY,
        env: { BENCH_PAYLOAD_FILE: file },
        label: 'bare Fastify server (memory)',
      }),
    options,
  );

  const invalid = [
    loadProblems(real.load),
    loadProblems(bare.load) && `baseline: ${loadProblems(bare.load)}`,
  ]
    .filter(Boolean)
    .join('; ');
  const idle = real.idleBytes === null ? '?' : (real.idleBytes / MB).toFixed(0);
  return [
    {
      id: 'server-memory',
      name: `3. Server peak RSS, ${MEMORY_CONNECTIONS} concurrent clients`,
      unit: 'MB',
      measured: real.peakBytes / MB,
      baseline: bare.peakBytes / MB,
      baselineLabel: 'bare Fastify',
      target: { kind: 'at-most', value: MEMORY_TARGET_MB },
      note: `idle ${idle} MB before load; ${real.samples} samples; served ${Math.round(real.load.requestsPerSecond)} req/s (bare ${Math.round(bare.load.requestsPerSecond)} req/s) for ${options.durationSeconds} s`,
      ...(invalid ? { invalid } : {}),
    },
  ];
}
