import { afterEach, vi } from 'vitest';

/**
 * A console.error or console.warn during a test fails it (the Epic Stack habit): an unexpected
 * warning is a bug we have not looked at yet. A test that expects one spies on console itself.
 */
const calls: string[] = [];
const original = { error: console.error, warn: console.warn };

for (const level of ['error', 'warn'] as const) {
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    calls.push(`console.${level}: ${args.map(String).join(' ')}`);
    original[level](...args);
  });
}

afterEach(() => {
  if (calls.length > 0) {
    const seen = calls.splice(0);
    throw new Error(`Unexpected console output during the test:\n${seen.join('\n')}`);
  }
});
