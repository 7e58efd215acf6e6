import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/time/clock.ts';
import type { FindingRating } from '../../src/domain/validations/validation-vocabulary.ts';
import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { createOrganisation } from '../factories/organisation.factory.ts';
import { createUser } from '../factories/user.factory.ts';
import {
  insertFindings,
  insertHours,
  insertValidation,
  setValidationReport,
} from '../factories/validation.factory.ts';
import { expectNoAxeViolations, withPage } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { type OwnDemoServer, startOwnDemoServer } from '../setup/own-demo-server.ts';
import { demoTotpCode, signIn } from './sign-in-steps.ts';

/**
 * The validation consistency screen (issue 6, item 8): the demo program manager opens it,
 * narrows to an office whose four specialists reported validations this year, and sees one
 * specialist flagged as an outlier on required actions (an icon and words, not colour alone),
 * the findings per criterion and the download links for the same filters. Axe-checked. Runs its
 * own server on its own in-memory database (demo data included), serving the same web build.
 */

const OFFICE = 'Field Office Metrics Test';
let server: OwnDemoServer | undefined;
let browser: Browser;
let database: DatabaseHandle;
let baseUrl: string;
let officeId = '';
let outlierName = '';

beforeAll(async () => {
  const clock = fixedClock(E2E_NOW);
  server = await startOwnDemoServer({
    clock,
    seed: async (handle) => {
      database = handle;
      const db = database.db;
      const office = await createOrganisation(db, {
        kind: 'cbp_office',
        entityTypes: [],
        legalName: OFFICE,
      });
      officeId = office.id;
      // Required-action shares 1/10, 1/10, 2/10 and 8/10: the last is above the upper fence.
      const requiredActions = [1, 1, 2, 8];
      for (const [index, count] of requiredActions.entries()) {
        const specialist = await createUser(db, { role: 'scss', organisation: office });
        const member = await createOrganisation(db);
        const { id } = await insertValidation(db, {
          organisationId: member.id,
          at: E2E_NOW,
          status: 'fieldwork',
          officeId: office.id,
          specialistUserId: specialist.id,
          dueOn: '2026-06-30',
          noticeSentOn: `2026-0${index + 3}-02`,
        });
        await setValidationReport(db, id, { reportIssuedOn: `2026-0${index + 4}-15` });
        const ratings: FindingRating[] = Array.from({ length: 10 }, (_, position) =>
          position < count ? 'required_action' : position === 9 ? 'best_practice' : 'compliant',
        );
        await insertFindings(db, {
          validationId: id,
          at: E2E_NOW,
          findings: ratings.map((rating, position) => ({
            criterionId: `2.${position + 1}`,
            rating,
          })),
        });
        await insertHours(db, {
          validationId: id,
          userId: specialist.id,
          at: E2E_NOW,
          workedOn: '2026-05-01',
          hours: [
            { activity: 'site_visit', minutes: 480 },
            { activity: 'report_writing', minutes: 120 },
          ],
        });
        if (count === 8) {
          outlierName = `Test scss ${specialist.id.slice(0, 4)}`;
        }
      }
    },
  });
  ({ database, baseUrl, browser } = server);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('validation consistency', () => {
  it('shows an office’s specialists with the outlier marked in words, and the downloads', async () => {
    await withPage(browser, {}, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: 'program.manager@cbp.example.gov', code: demoTotpCode(0) },
        { path: '/cbp/validations/metrics', heading: 'Validation consistency' },
      );
      await page.getByLabel('Report issued from').fill('2026-01-01');
      await page.getByLabel('Report issued to').fill('2026-12-31');
      await page.getByLabel('CBP office').selectOption({ label: OFFICE });
      await page.getByRole('button', { name: 'Apply' }).click();

      const specialists = page.getByRole('table', { name: 'By specialist' });
      const outlierRow = specialists
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: outlierName }) });
      await outlierRow.waitFor();
      await outlierRow.getByText('Outlier: high').waitFor();
      expect(await specialists.getByText('Outlier:').count()).toBe(1);
      await page.getByText('1 line has an outlier.').waitFor();

      const offices = page.getByRole('table', { name: 'By office' });
      const officeRow = offices
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: OFFICE }) });
      // 4 validations, 40 findings, 12 required actions (30%), 4 best practices (10%).
      expect(await officeRow.locator('td').allTextContents()).toEqual(
        expect.arrayContaining(['4', '40', '30%', '10%', '10']),
      );

      const criteria = page.getByRole('table', { name: 'Findings per criterion' });
      const first = criteria
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: '2.1', exact: true }) });
      expect((await first.locator('td').allTextContents()).slice(0, 5)).toEqual([
        '4',
        '0',
        '4',
        '0',
        '0',
      ]);
      expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
        `/api/v1/cbp/validations/metrics.csv?from=2026-01-01&to=2026-12-31&officeId=${officeId}`,
      );
      expect(await page.getByRole('link', { name: 'Download XLSX' }).getAttribute('href')).toBe(
        `/api/v1/cbp/validations/metrics.xlsx?from=2026-01-01&to=2026-12-31&officeId=${officeId}`,
      );
      await expectNoAxeViolations(page, 'the validation consistency metrics');
    });
  }, 180_000);
});
