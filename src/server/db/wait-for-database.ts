import type { DatabaseHandle } from './database.ts';

/**
 * Exponential backoff delays between connection attempts: 250 ms, 500 ms, 1 s, ... capped at
 * `maxMs`. Pure, so the schedule is tested without waiting.
 */
export function backoffDelaysMs(attempts: number, baseMs = 250, maxMs = 5_000): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, index) =>
    Math.min(maxMs, baseMs * 2 ** index),
  );
}

/** The innermost cause's message: drivers wrap "connection refused" in "Failed query: ...". */
export function rootCauseMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause !== undefined) {
    current = current.cause;
  }
  if (current instanceof AggregateError && current.errors.length > 0) {
    return rootCauseMessage(current.errors[0]);
  }
  return current instanceof Error ? current.message : String(current);
}

export class DatabaseUnreachableError extends Error {
  constructor(attempts: number, cause: unknown) {
    const reason = rootCauseMessage(cause);
    super(`The database did not answer after ${attempts} attempts: ${reason}`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/** Pings the database until it answers, backing off between attempts; throws after the last. */
export async function waitForDatabase(
  database: DatabaseHandle,
  attempts: number,
  onRetry: (attempt: number, delayMs: number, error: unknown) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  const delays = backoffDelaysMs(attempts);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await database.ping();
      return;
    } catch (error) {
      const delay = delays[attempt - 1];
      if (delay === undefined) {
        throw new DatabaseUnreachableError(attempt, error);
      }
      onRetry(attempt, delay, error);
      await sleep(delay);
    }
  }
}
