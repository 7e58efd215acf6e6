import type { FastifyInstance } from 'fastify';
import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import type { Clock } from '../../src/domain/time/clock.ts';
import { DEMO_TOTP_SECRET } from '../../src/server/seed/demo-accounts.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import type { SignedIn } from '../factories/user.factory.ts';
import { apiCaller } from './api-caller.ts';

/**
 * What the validations journey (tests/e2e/validations.e2e.test.ts) needs around the demo data:
 * who plays each part, the days the journey's clock moves to, and the API steps it takes in the
 * browser's own session. No extra rows: Rio Bravo Customs Brokerage is, in the demo registry, a
 * Tier II member validated 1,120 days before the seeding day with an approved Security Profile,
 * so its revalidation falls due within the year (demo-registry.ts, demo-security-profiles.ts).
 */

export const VALIDATIONS_E2E = {
  member: {
    organisationId: deterministicUuid('member/rio-bravo-customs-brokerage'),
    legalName: 'Rio Bravo Customs Brokerage, LLC',
    officer: 'officer@riobravobrokerage.example.com',
  },
  officeId: deterministicUuid('cbp/field-office-houston'),
  supervisor: 'supervisor@cbp.example.gov',
  specialist: { email: 'scss@cbp.example.gov', name: 'Angela Moreno (SCSS)' },
  /**
   * The journey's days. Notice goes out on 29 November 2026 (E2E_NOW) for a start on 5 January
   * 2027: 37 days, more than the 30 of a domestic site. Fieldwork starts on the first day, the
   * supervisor approves the next day, the member answers two weeks later and the specialist
   * accepts a week after that, closing the validation.
   */
  days: {
    startsOn: '2027-01-05',
    endsOn: '2027-01-06',
    fieldwork: new Date('2027-01-05T15:00:00Z'),
    approval: new Date('2027-01-06T15:00:00Z'),
    response: new Date('2027-01-20T15:00:00Z'),
    acceptance: new Date('2027-01-27T15:00:00Z'),
  },
} as const;

/** The demo accounts' authenticator code at the app clock's current instant. */
export function demoTotpCodeAt(clock: Clock): string {
  return new TOTP({ secret: DEMO_TOTP_SECRET }).generate({ timestamp: clock.now().getTime() });
}

const SessionViewSchema = z.object({ csrfToken: z.string() });

/** The browser's signed-in session, to call the API as that person (cookie and CSRF token). */
export async function browserSession(app: FastifyInstance, page: Page): Promise<SignedIn> {
  const session = (await page.context().cookies()).find((cookie) =>
    cookie.name.endsWith('ctpat_session'),
  );
  if (!session) {
    throw new Error('the browser holds no session cookie');
  }
  const cookie = `${session.name}=${session.value}`;
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/auth/session',
    headers: { cookie },
  });
  const { csrfToken } = SessionViewSchema.parse(response.json());
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

const WorkProgramSchema = z.object({
  criteria: z.array(
    z.object({
      id: z.string(),
      designation: z.enum(['must', 'should']),
      findings: z.array(z.object({ id: z.string() })),
    }),
  ),
});

/**
 * Rates compliant, for the whole validation, every applicable criterion not rated yet, as the
 * specialist whose browser session is given (PUT /cbp/validations/:id/findings, the same call
 * the work program's form makes). Returns how many it rated.
 */
export async function rateTheRestCompliant(
  app: FastifyInstance,
  session: SignedIn,
  validationId: string,
): Promise<number> {
  const call = apiCaller({ app });
  const program = WorkProgramSchema.parse(
    (await call('GET', `/api/v1/cbp/validations/${validationId}/work-program`, session)).json(),
  );
  const unrated = program.criteria.filter((criterion) => criterion.findings.length === 0);
  for (const criterion of unrated) {
    const response = await call(
      'PUT',
      `/api/v1/cbp/validations/${validationId}/findings`,
      session,
      {
        criterionId: criterion.id,
        siteId: null,
        rating: 'compliant',
        notes: 'Observed in place during the visit.',
      },
    );
    if (response.statusCode !== 200 && response.statusCode !== 201) {
      throw new Error(`rating ${criterion.id} failed: ${response.statusCode} ${response.body}`);
    }
  }
  return unrated.length;
}
