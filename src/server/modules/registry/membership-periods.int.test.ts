import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCertifiedMembership } from '../../../../tests/factories/certified-member.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signInWithMfaSettled,
} from '../../../../tests/factories/user.factory.ts';
import { apiCaller } from '../../../../tests/setup/api-caller.ts';
import { buildTestApp, TEST_NOW, type TestApp } from '../../../../tests/setup/test-app.ts';
import {
  DEFAULT_MEMBERSHIP_CLOCK_SETTINGS,
  resolveMembershipClockSettings,
} from '../../../domain/registry/lifecycle/membership-clocks.ts';
import { MembershipFileSchema } from '../../../domain/registry/registry.schema.ts';
import { addDays, calendarDateFromInstant } from '../../../domain/time/calendar-date.ts';

/**
 * Issue 4: "unverified periods are configuration, not constants". A deployment that sets
 * MEMBERSHIP_SUSPENSION_RESPONSE_DAYS sees its value in every member file, still provisional.
 */
let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});
let supervisor: SignedIn;

beforeAll(async () => {
  const settings = resolveMembershipClockSettings({ suspensionResponseDays: { value: 30 } });
  if (!settings.ok) throw new Error('test settings are invalid');
  testApp = await buildTestApp({ config: { membershipClocks: settings.settings } });
  const db = testApp.database.db;
  const office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  supervisor = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'supervisory_scss', organisation: office }),
  );
});

afterAll(async () => {
  await testApp.close();
});

describe('configured membership periods', () => {
  it('use the deployment’s suspension response period and keep it provisional', async () => {
    expect(DEFAULT_MEMBERSHIP_CLOCK_SETTINGS.suspensionResponseDays.value).toBe(90);
    const company = await createOrganisation(testApp.database.db);
    await insertCertifiedMembership(testApp.database.db, company.id, { at: TEST_NOW });
    const suspended = await call(
      'POST',
      `/api/v1/registry/members/${company.id}/transitions`,
      supervisor,
      { transition: 'suspend', reason: 'Annual review not completed' },
    );
    expect(suspended.statusCode, suspended.body).toBe(200);
    const file = MembershipFileSchema.parse(suspended.json());
    const clock = file.clocks.find((entry) => entry.name === 'suspension_response');
    expect(clock).toMatchObject({
      due: addDays(calendarDateFromInstant(TEST_NOW), 30),
      provisional: true,
    });
  });
});
