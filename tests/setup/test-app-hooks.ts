import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { MutableClock } from './mutable-clock.ts';
import { buildTestApp, TEST_NOW, type TestApp } from './test-app.ts';

/**
 * The app of one test file, with its vitest hooks: built before the file's tests, closed after
 * them. With a mutable clock, the clock is set back to TEST_NOW before each test. The handle's
 * fields can be read once `beforeAll` has run, i.e. inside tests and hooks.
 */
export function setUpTestApp(options: { clock?: MutableClock } = {}): TestApp {
  let built: TestApp | null = null;
  const current = (): TestApp => {
    if (!built) {
      throw new Error('The test app is built in beforeAll: use it inside a test or a hook');
    }
    return built;
  };

  beforeAll(async () => {
    built = await buildTestApp(options.clock ? { clock: options.clock } : {});
  });
  const clock = options.clock;
  if (clock) {
    beforeEach(() => {
      clock.set(TEST_NOW);
    });
  }
  afterAll(async () => {
    await built?.close();
  });

  return {
    get app() {
      return current().app;
    },
    get database() {
      return current().database;
    },
    get clock() {
      return current().clock;
    },
    close: () => current().close(),
  };
}
