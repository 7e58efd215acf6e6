import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Browser tests drive Debian's Chromium (never a downloaded browser: there is no internet). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/**
 * Installs Debian's chromium when it is missing and we can (root with apt-get); otherwise
 * returns a message that says how to install it.
 */
export function ensureChromium(): { ok: true } | { ok: false; message: string } {
  if (existsSync(CHROMIUM_PATH)) {
    return { ok: true };
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    process.stdout.write(`Chromium not found at ${CHROMIUM_PATH}: installing Debian's chromium\n`);
    if (
      run('apt-get', ['update']) &&
      run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'])
    ) {
      if (existsSync(CHROMIUM_PATH)) {
        return { ok: true };
      }
    }
  }
  return {
    ok: false,
    message:
      `Browser tests need Chromium at ${CHROMIUM_PATH}. Install it with ` +
      '"sudo apt-get update && sudo apt-get install -y chromium" (Debian/Ubuntu), or set ' +
      'CHROMIUM_PATH to a Chromium binary. Do not use "npx playwright install".',
  };
}
