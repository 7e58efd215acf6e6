import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './database.ts';
import {
  backoffDelaysMs,
  DatabaseUnreachableError,
  rootCauseMessage,
  waitForDatabase,
} from './wait-for-database.ts';

function databaseFailing(times: number): DatabaseHandle & { pings: number } {
  const handle = {
    pings: 0,
    driver: 'postgres' as const,
    ping: async () => {
      handle.pings += 1;
      if (handle.pings <= times) {
        throw new Error('Failed query: select 1', {
          cause: new Error('connect ECONNREFUSED 127.0.0.1:5432'),
        });
      }
    },
    get db(): never {
      throw new Error('not used');
    },
    applyMigrations: async () => {},
    close: async () => {},
  };
  return handle;
}

describe(backoffDelaysMs.name, () => {
  it('waits 250 ms, then doubles, capped at 5 s', () => {
    expect(backoffDelaysMs(8)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('has one delay fewer than attempts, never decreasing and never above the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        (n, cap) => {
          const delays = backoffDelaysMs(n, 250, cap);
          expect(delays).toHaveLength(n - 1);
          delays.forEach((delay, index) => {
            expect(delay).toBeLessThanOrEqual(cap);
            if (index > 0) {
              expect(delay).toBeGreaterThanOrEqual(delays[index - 1] ?? 0);
            }
          });
        },
      ),
    );
  });
});

describe(waitForDatabase.name, () => {
  it('retries with backoff until the database answers', async () => {
    const database = databaseFailing(2);
    const slept: number[] = [];
    await waitForDatabase(
      database,
      5,
      () => {},
      async (ms) => {
        slept.push(ms);
      },
    );
    expect(database.pings).toBe(3);
    expect(slept).toEqual([250, 500]);
  });

  it('gives up after the last attempt, naming the attempts and the root cause', async () => {
    const database = databaseFailing(100);
    const retries: number[] = [];
    const waiting = waitForDatabase(
      database,
      3,
      (attempt) => retries.push(attempt),
      async () => {},
    );
    await expect(waiting).rejects.toThrow(DatabaseUnreachableError);
    await expect(waiting).rejects.toThrow(
      'The database did not answer after 3 attempts: connect ECONNREFUSED 127.0.0.1:5432',
    );
    expect(retries).toEqual([1, 2]);
    expect(database.pings).toBe(3);
  });
});

describe(rootCauseMessage.name, () => {
  it('unwraps causes and aggregate errors', () => {
    const inner = new AggregateError([new Error('ECONNREFUSED ::1')], 'many');
    expect(rootCauseMessage(new Error('outer', { cause: inner }))).toBe('ECONNREFUSED ::1');
    expect(rootCauseMessage('plain')).toBe('plain');
  });
});
