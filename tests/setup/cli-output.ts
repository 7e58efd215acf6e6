import { vi } from 'vitest';

/**
 * Collects what is written to stdout and stderr (e.g. by `runCli`) instead of printing it, until
 * `vi.restoreAllMocks()`. Returns the chunks in order; empty the array to start afresh.
 */
export function captureOutput(): string[] {
  const output: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
  }
  return output;
}
