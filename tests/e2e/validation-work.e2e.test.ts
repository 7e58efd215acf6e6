import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fixedClock } from '../../src/domain/time/clock.ts';
import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { insertCertifiedMembership } from '../factories/certified-member.factory.ts';
import { createOrganisation } from '../factories/organisation.factory.ts';
import {
  applicableCriterionIds,
  insertDraftProfile,
} from '../factories/security-profile.factory.ts';
import { insertValidation } from '../factories/validation.factory.ts';
import { expectNoAxeViolations, withPage } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { type OwnDemoServer, startOwnDemoServer } from '../setup/own-demo-server.ts';
import { demoTotpCode, signIn } from './sign-in-steps.ts';

/**
 * The work program screen (issue 6, items 4 and 5): the demo supervisory specialist opens a
 * validation in fieldwork, reads a criterion with the member's answer, rates it a required
 * action with notes, records staff hours and sees them in the totals. Axe-checked. Runs its own
 * server on its own in-memory database (demo data included), serving the same web build.
 */

const MEMBER = 'Work Program Journey Importers';
const TODAY = E2E_NOW.toISOString().slice(0, 10);
let server: OwnDemoServer | undefined;
let browser: Browser;
let database: DatabaseHandle;
let baseUrl: string;
let validationId = '';
let firstMust = '';
let applicableCount = 0;

beforeAll(async () => {
  const clock = fixedClock(E2E_NOW);
  server = await startOwnDemoServer({
    clock,
    seed: async (handle) => {
      database = handle;
      const db = database.db;
      const member = await createOrganisation(db, { legalName: MEMBER });
      await insertCertifiedMembership(db, member.id, { at: E2E_NOW });
      const { musts, shoulds } = await applicableCriterionIds(db);
      firstMust = musts[0] ?? '';
      applicableCount = musts.length + shoulds.length;
      await insertDraftProfile(db, member.id, {
        at: E2E_NOW,
        answers: [...musts, ...shoulds].map((criterionId) => ({
          criterionId,
          narrative: `Our practice for ${criterionId}.`,
        })),
      });
      ({ id: validationId } = await insertValidation(db, {
        organisationId: member.id,
        at: E2E_NOW,
        status: 'fieldwork',
        startsOn: TODAY,
        endsOn: TODAY,
        noticeSentOn: '2026-10-20',
      }));
    },
  });
  ({ database, baseUrl, browser } = server);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('the work program', () => {
  it('rates a criterion and records staff hours', async () => {
    await withPage(browser, {}, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: 'supervisor@cbp.example.gov', code: demoTotpCode(0) },
        {
          path: `/cbp/validations/${validationId}/work-program`,
          heading: `Work program: ${MEMBER}`,
        },
      );
      await page.getByText('Review steps for every criterion').waitFor();
      const card = page.getByRole('article', { name: `Criterion ${firstMust}` });
      await card.getByText(`Our practice for ${firstMust}.`).waitFor();
      await expectNoAxeViolations(page, 'the work program');

      // USWDS draws its own radio: the input itself sits off-screen, its label takes the click.
      await card.locator('label[for$="-rating-required_action"]').click();
      await card.getByLabel('Notes').fill('The seal log misses two days.');
      await card.getByRole('button', { name: 'Save finding' }).click();
      await card.getByText('Finding saved.').waitFor();
      const findings = card.getByRole('list', { name: 'Findings' });
      await findings.getByText('The seal log misses two days.').waitFor();
      await findings.getByText('Required action', { exact: true }).waitFor();
      await page.getByText(`1 of ${applicableCount} criteria rated`).first().waitFor();

      const hours = page.getByRole('region', { name: 'Staff hours' });
      await hours.getByLabel('Activity').selectOption({ label: 'Site visit' });
      await hours.getByLabel('Day worked').fill(TODAY);
      await hours.getByLabel('Minutes').fill('150');
      await hours.getByRole('button', { name: 'Record hours' }).click();
      await hours.getByText('Hours recorded.').waitFor();
      const totals = page.getByRole('table', { name: 'Time by activity' });
      await totals
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'All activities' }) })
        .getByText('2 h 30 min')
        .waitFor();
      await expectNoAxeViolations(page, 'the work program after a finding and hours');
    });
  }, 180_000);
});
