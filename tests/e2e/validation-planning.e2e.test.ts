import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fixedClock } from '../../src/domain/time/clock.ts';
import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import { demoValidationId } from '../../src/server/seed/seed-validations.ts';
import { expectNoAxeViolations, withPage } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { type OwnDemoServer, startOwnDemoServer } from '../setup/own-demo-server.ts';
import { demoTotpCode, signIn } from './sign-in-steps.ts';

/**
 * Planning and scheduling a validation (issue 6, items 1 and 2): the demo supervisory
 * specialist finds a certified member due for its initial validation in the planning view,
 * plans it, assigns the demo specialist, schedules it inside the 30-day notice (the override
 * reason appears and is given) with an agenda line; the member's officer reads the dates, the
 * site and its agenda. Axe on every screen. Runs its own server on its own in-memory database
 * (demo data included), serving the same web build.
 */

const MEMBER = 'Great Lakes Home Goods, Inc.';
const MEMBER_ID = deterministicUuid('member/great-lakes-home-goods');
const OFFICE_ID = deterministicUuid('cbp/field-office-houston');
const SPECIALIST = 'Angela Moreno (SCSS)';
/** Refusals the journey provokes on purpose are logged by Chromium. */
const REFUSED = [/status of 400/];

let server: OwnDemoServer | undefined;
let browser: Browser;
let database: DatabaseHandle;
let baseUrl: string;

beforeAll(async () => {
  const clock = fixedClock(E2E_NOW);
  server = await startOwnDemoServer({
    clock,
    seed: async (handle) => {
      database = handle;
      // Certified (Tier I) on 20 December 2025 and never validated: the initial validation is due
      // on 20 December 2026, in the Houston office's 2026 plan.
      await database.db.execute(sql`update partner_memberships set status = 'certified',
          review_step = null, held_status = null, removal_cause = null,
          suspension_response_received_on = null, tier = 'I', certified_on = '2025-12-20',
          validated_on = null, last_validated_on = null, cbp_office_id = ${OFFICE_ID},
          assigned_specialist_user_id = null
        where organisation_id = ${MEMBER_ID}`);
      // The demo seed gives Great Lakes a scheduled initial validation (seed-validations.ts); this
      // journey plans that validation from scratch, so the seeded one goes, with its rows.
      const seeded = demoValidationId('member/great-lakes-home-goods');
      for (const table of ['validation_events', 'validation_sites', 'validation_participants']) {
        await database.db.execute(
          sql`delete from ${sql.identifier(table)} where validation_id = ${seeded}`,
        );
      }
      await database.db.execute(sql`delete from validations where id = ${seeded}`);
    },
  });
  ({ database, baseUrl, browser } = server);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('planning and scheduling a validation', () => {
  it('plans, assigns and schedules it with the notice override; the member reads the notice', async () => {
    await withPage(browser, { expectedConsoleErrors: REFUSED }, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: 'supervisor@cbp.example.gov', code: demoTotpCode(0) },
        { path: `/cbp/validations?officeId=${OFFICE_ID}`, heading: 'Validation planning' },
      );
      const due = page.getByRole('region', { name: 'Members due in 2026' });
      await due.getByRole('button', { name: `Plan the validation of ${MEMBER}` }).waitFor();
      await page
        .getByRole('region', { name: 'Workload by specialist' })
        .getByText(SPECIALIST)
        .waitFor();
      await expectNoAxeViolations(page, 'the planning view');

      await due.getByRole('button', { name: `Plan the validation of ${MEMBER}` }).click();
      const list = page.getByRole('region', { name: 'Validations of 2026' });
      await list.getByRole('link', { name: MEMBER }).click();

      await page
        .getByRole('heading', { level: 1, name: `Initial validation of ${MEMBER}` })
        .waitFor();
      await expectNoAxeViolations(page, 'a planned validation');
      const assign = page.getByRole('region', { name: 'Specialist', exact: true });
      await assign
        .getByRole('combobox', { name: 'Specialist' })
        .selectOption({ label: `${SPECIALIST} — CBP CTPAT Field Office, Houston` });
      await assign.getByRole('button', { name: 'Assign' }).click();
      await page.getByText(`Assigned to ${SPECIALIST}`).waitFor();

      const schedule = page.getByRole('region', { name: 'Schedule the validation' });
      await schedule.getByLabel('First day').fill('2026-12-14');
      await schedule.getByLabel('Last day').fill('2026-12-15');
      await schedule.getByLabel('Site name').fill('Detroit distribution center');
      await schedule.getByLabel('Address').fill('1200 Riverfront Dr, Detroit MI');
      await schedule.getByLabel('Visit day').fill('2026-12-14');
      await schedule.getByRole('button', { name: 'Add an agenda line' }).click();
      await schedule.getByLabel('Topic').fill('Container inspection walk-through');
      const titles = schedule.getByLabel('Title');
      await titles.nth(0).fill('Supply Chain Security Specialist');
      await schedule.getByLabel('Name', { exact: true }).nth(1).fill('Morgan Ellis');
      await titles.nth(1).fill('Security manager');
      // 15 days after today's notice, without a reason: refused, naming the earliest start.
      await schedule.getByRole('button', { name: 'Schedule and send the notice' }).click();
      await schedule.getByText(/start on or after 2026-12-29/).waitFor();
      await schedule
        .getByLabel('Why a shorter notice is acceptable')
        .fill('The member asked for a date before its peak season.');
      await expectNoAxeViolations(page, 'the schedule form with the override reason');
      await schedule.getByRole('button', { name: 'Schedule and send the notice' }).click();
      await page.getByText('Re-schedule the validation').waitFor();
      await page.getByText('The member asked for a date before its peak season.').waitFor();
      await expectNoAxeViolations(page, 'a scheduled validation');
    });

    await withPage(browser, {}, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: 'officer@greatlakes.example.com', code: demoTotpCode(0) },
        { path: '/validations', heading: 'Validations' },
      );
      await expectNoAxeViolations(page, 'the member’s validations');
      await page.getByRole('link', { name: 'Initial validation' }).click();
      await page
        .getByRole('heading', { level: 1, name: `Initial validation of ${MEMBER}` })
        .waitFor();
      await page.getByRole('heading', { name: 'Detroit distribution center' }).waitFor();
      await page.getByRole('cell', { name: 'Container inspection walk-through' }).waitFor();
      await page
        .getByRole('region', { name: 'Participants and contacts' })
        .getByText('Morgan Ellis')
        .waitFor();
      await expectNoAxeViolations(page, 'the member’s validation');
    });
  }, 240_000);
});
