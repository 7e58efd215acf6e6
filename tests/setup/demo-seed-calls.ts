import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { z } from 'zod';
import { addDays, type CalendarDate, calendarDate } from '../../src/domain/time/calendar-date.ts';
import type { Clock } from '../../src/domain/time/clock.ts';
import { findMembership } from '../../src/server/modules/registry/registry.repository.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts.ts';
import { DEMO_MEMBERSHIPS } from '../../src/server/seed/demo-registry.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import { signIn } from '../factories/user.factory.ts';
import { apiCaller } from './api-caller.ts';
import type { TestApp } from './test-app.ts';

const RIO_BRAVO = 'member/rio-bravo-customs-brokerage';

/**
 * What the demo seed's tests do through the API: sign a demo account in (its second factor
 * settled: MFA has its own tests), read a JSON answer checked against its schema, and find the
 * day the demo data was seeded. `testApp` is read when called (files build it in beforeAll).
 */
export function demoSeedCalls(testApp: () => TestApp, clock: Clock) {
  const call = apiCaller({
    get app() {
      return testApp().app;
    },
  });

  async function signInDemo(email: string, userKey: string) {
    const session = await signIn(testApp().app, { email, password: DEMO_PASSWORD });
    await testApp().database.db.execute(
      sql`update sessions set mfa_verified_at = ${clock.now()} where user_id = ${deterministicUuid(userKey)}`,
    );
    return session;
  }

  async function getJson<T>(
    schema: z.ZodType<T>,
    url: string,
    session: Awaited<ReturnType<typeof signInDemo>>,
  ): Promise<T> {
    const response = await call('GET', url, session);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return schema.parse(response.json());
  }

  /** The day the demo data was seeded: Rio Bravo was certified that many days before it. */
  async function seededOn(): Promise<CalendarDate> {
    const membership = await findMembership(testApp().database.db, deterministicUuid(RIO_BRAVO));
    const certify = DEMO_MEMBERSHIPS.find((demo) => demo.organisation === RIO_BRAVO)?.steps.find(
      (step) => step.transition === 'certify',
    );
    if (!membership?.certifiedOn || !certify) throw new Error('Rio Bravo is not certified');
    return addDays(calendarDate(membership.certifiedOn), certify.daysAgo);
  }

  return { call, signInDemo, getJson, seededOn };
}
