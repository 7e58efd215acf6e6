import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { demoTotpCode, signIn } from './sign-in-steps.ts';

/**
 * An accessibility sweep of the registry screens no journey covers (issue 4): each page is
 * opened by the demo account whose work it is, on the demo CTPAT registry
 * (src/server/seed/demo-registry.ts), checked with axe, and checked for one thing it must show.
 * Each account signs in once (one authenticator step; the demo accounts used here are used by
 * no other browser test, so the replay guard never refuses a code).
 */

const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SUPERVISOR = 'supervisor@cbp.example.gov';
const PROGRAM_MANAGER = 'program.manager@cbp.example.gov';
/** The officer of Harborview Apparel Group, the demo Tier III importer. */
const MEMBER_OFFICER = 'officer@harborview.example.com';
const HARBORVIEW = {
  id: deterministicUuid('member/harborview-apparel-group'),
  legalName: 'Harborview Apparel Group, Inc.',
};
const APPLICANT = 'Autotransportes del Bajío, S.A. de C.V.';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('registry screens', () => {
  it('the CBP queue and a member file, for the supervisory SCSS', {
    timeout: 120_000,
  }, async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await page.clock.setFixedTime(E2E_NOW);
      await signIn(
        page,
        baseUrl,
        { email: SUPERVISOR, code: demoTotpCode(0) },
        { path: '/cbp/members', heading: 'Members and applications' },
      );
      const queue = page.getByRole('table', { name: 'Members and applications' });
      await queue.getByRole('link', { name: HARBORVIEW.legalName }).waitFor();
      await expectNoAxeViolations(page, 'the CBP work queue');

      // Filtered to applicants: the demo applicant waits for a specialist.
      await page.getByLabel('Status', { exact: true }).selectOption('applicant');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/state=applicant/);
      await queue.getByRole('link', { name: APPLICANT }).waitFor();
      await expect.poll(() => queue.getByRole('link').count()).toBe(1);
      await expectNoAxeViolations(page, 'the filtered CBP work queue');
      // Selected for a bulk assignment.
      await queue.getByRole('checkbox', { name: `Select ${APPLICANT}` }).check();
      await page.getByText('1 member selected.').waitFor();
      await expectNoAxeViolations(page, 'the CBP work queue with a member selected');
      // On a phone.
      await page.setViewportSize(PHONE);
      await queue.getByRole('link', { name: APPLICANT }).waitFor();
      await expectNoAxeViolations(page, 'the CBP work queue on a phone');
      await page.setViewportSize(DESKTOP);

      // The member file of the Tier III importer, with its Trade Compliance status.
      await open(page, `/cbp/members/${HARBORVIEW.id}`, `${HARBORVIEW.legalName}: CTPAT file`);
      const tradeCompliance = page.getByRole('region', { name: 'Trade Compliance status' });
      await tradeCompliance
        .getByTestId('tag')
        .filter({ hasText: /^Active$/ })
        .waitFor();
      await tradeCompliance
        .getByRole('table', { name: 'Trade Compliance status history, newest first' })
        .waitFor();
      await page.getByRole('region', { name: 'Membership at a glance' }).waitFor();
      await expectNoAxeViolations(page, 'a member file with its Trade Compliance status');
    });
  });

  it('the 3PL pilot requests and the MRA programs, for the program manager', {
    timeout: 120_000,
  }, async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await page.clock.setFixedTime(E2E_NOW);
      await signIn(
        page,
        baseUrl,
        { email: PROGRAM_MANAGER, code: demoTotpCode(0) },
        { path: '/cbp/pilot', heading: '3PL pilot requests' },
      );
      // The demo deployment does not set the pilot's end date.
      await page.getByText('End date not set', { exact: false }).first().waitFor();
      await expectNoAxeViolations(page, 'the CBP 3PL pilot page');

      await open(page, '/admin/mra-programs', 'Mutual Recognition Arrangement partner programs');
      await page
        .getByRole('table', { name: 'MRA partner programs, by country' })
        .getByText('Partners in Protection (PIP)')
        .waitFor();
      await expectNoAxeViolations(page, 'the MRA partner programs page');
      await page.getByRole('button', { name: 'Add the program' }).click();
      await expect
        .poll(() =>
          page.getByRole('textbox', { name: /Country code/ }).getAttribute('aria-invalid'),
        )
        .toBe('true');
      await expectNoAxeViolations(page, 'the MRA program form with field errors');

      // The program manager sets Trade Compliance status on a member file.
      await open(page, `/cbp/members/${HARBORVIEW.id}`, `${HARBORVIEW.legalName}: CTPAT file`);
      await page.getByRole('button', { name: 'Set the status' }).waitFor();
      await expectNoAxeViolations(page, 'a member file with the Trade Compliance form');
    });
  });

  it('the pilot, partners’ AEO certifications and the company profile, for a member officer', {
    timeout: 120_000,
  }, async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await page.clock.setFixedTime(E2E_NOW);
      await signIn(
        page,
        baseUrl,
        { email: MEMBER_OFFICER, code: demoTotpCode(0) },
        { path: '/pilot', heading: 'CTPAT pilot for third-party logistics providers' },
      );
      await page.getByText('The pilot takes no request until its end date is set.').waitFor();
      await expectNoAxeViolations(page, 'the member 3PL pilot page');

      // Record a Mexican supplier's OEA certification through the form.
      await open(page, '/partners/aeo-certifications', 'Business partners’ AEO certifications');
      await page.getByText('No certification recorded yet.').waitFor();
      await expectNoAxeViolations(page, 'the partners’ AEO certifications page');
      await page.getByRole('button', { name: 'Record the certification' }).click();
      await expect
        .poll(() => page.locator('#partner-certification-program').getAttribute('aria-invalid'))
        .toBe('true');
      await expectNoAxeViolations(page, 'the AEO certification form with field errors');
      await page.locator('#partner-certification-program').selectOption('mx-oea');
      await page.getByLabel('Partner’s name').fill('Textiles Finos de Puebla, S.A. de C.V.');
      await page.getByLabel('Partner’s country code').fill('MX');
      await page.getByLabel('Certification number').fill('OEA-2025-0412');
      await page.getByRole('button', { name: 'Record the certification' }).click();
      await page
        .getByText('The certification of Textiles Finos de Puebla, S.A. de C.V. was recorded.')
        .waitFor();
      await page
        .getByRole('table', { name: 'Business partners’ AEO certifications, by partner' })
        .getByText('OEA-2025-0412')
        .waitFor();
      await expectNoAxeViolations(page, 'the partners’ AEO certifications after recording one');

      // The company profile the demo seed gave the company.
      await open(page, '/company/profile', 'Company profile');
      await page
        .getByRole('table', { name: "The company's addresses" })
        .getByText('888 South Figueroa Street')
        .waitFor();
      await expectNoAxeViolations(page, 'the company profile of a Tier III member');
    });
  });
});
