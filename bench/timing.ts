/** Latency measurement shared by the latency benchmarks (rows 2 and 6). */

export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export type Timed = () => Promise<boolean>;

export async function timeOnce(once: Timed): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const ok = await once();
  return { ms: performance.now() - started, ok };
}

/**
 * Runs `a` and `b` alternately, one at a time: a burst of background load then slows both
 * alike instead of landing on whichever happened to run at that moment.
 */
export async function timeInterleaved(
  count: number,
  warmup: number,
  a: Timed,
  b: Timed,
): Promise<{ a: number[]; b: number[]; failures: number }> {
  for (let i = 0; i < warmup; i += 1) {
    await a();
    await b();
  }
  const result = { a: [] as number[], b: [] as number[], failures: 0 };
  for (let i = 0; i < count; i += 1) {
    const first = await timeOnce(a);
    const second = await timeOnce(b);
    result.a.push(first.ms);
    result.b.push(second.ms);
    result.failures += (first.ok ? 0 : 1) + (second.ok ? 0 : 1);
  }
  return result;
}
