import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryNumberCheckDigit } from '../../src/domain/registry/identifiers/cbp-entry-number.ts';
import { fixedClock } from '../../src/domain/time/clock.ts';
import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { expectNoAxeViolations, withPage } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { type OwnDemoServer, startOwnDemoServer } from '../setup/own-demo-server.ts';
import {
  PROTESTS_E2E,
  PROTESTS_E2E_TOTP_SECRET,
  seedProtestsE2eFixtures,
} from '../setup/protests-e2e-fixtures.ts';
import { signIn, totpCode } from './sign-in-steps.ts';

/**
 * Recording a protest filed elsewhere and the set-aside of a denial of further review (issue 7,
 * items 1 and 5; 19 U.S.C. 1515(c)), in the browser: Great Lakes Home Goods' admin records a
 * protest with its historical number (a bad number is refused on its field), applying for
 * further review; the reviewer denies further review; the admin asks for the denial to be set
 * aside; the reviewer grants it and the protest is under further review. Axe on every screen.
 * Its own server on its own in-memory database (demo data and the protests fixtures).
 */

const DESKTOP = { width: 1280, height: 900 };
/** The refused recording (400) is logged by Chromium. */
const REFUSED = [/status of 400/];

const { reviewer } = PROTESTS_E2E;
const ADMIN = { email: 'admin@greatlakes.example.com' };
const PORT = '2704';
const ENTRY = `GL4-6120331-${entryNumberCheckDigit('GL46120331')}`;
/** As ACE numbered it when the protest was filed there (port, year, serial). */
const NUMBER = '2704-2026-000812';

let server: OwnDemoServer | undefined;
let browser: Browser;
let database: DatabaseHandle;
let baseUrl: string;
let recorded: { id: string; number: string } | null = null;

beforeAll(async () => {
  const clock = fixedClock(E2E_NOW);
  server = await startOwnDemoServer({
    clock,
    seed: async (handle, keys) => {
      database = handle;
      await seedProtestsE2eFixtures(database.db, clock, keys);
    },
  });
  ({ database, baseUrl, browser } = server);
});

afterAll(async () => {
  await server?.close();
});

function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}

async function fillRecordForm(page: Page, protestNumber: string): Promise<void> {
  await page.getByLabel('Protest number', { exact: true }).fill(protestNumber);
  await page.getByLabel('Filed on', { exact: true }).fill('2026-10-01');
  await page.getByLabel('Port code').fill(PORT);
  await page.getByLabel('Center', { exact: true }).selectOption({
    label: 'Consumer Products and Mass Merchandising (CPM)',
  });
  await page.locator('#protest-protestant-name').fill('Great Lakes Home Goods, Inc.');
  await page.locator('#protest-protestant-address').fill('Chicago, IL');
  await page.getByLabel('Protestant type').selectOption({ label: 'Importer' });
  await page.getByLabel('Importer number', { exact: true }).fill('98-7654321AB');
  await page.locator('#protest-filer-name').fill('Great Lakes Home Goods, Inc.');
  await page.locator('#protest-filer-address').fill('Chicago, IL');
  await page.getByLabel('Capacity').selectOption({ label: 'Protestant' });
  await page.getByLabel('Entry 1, Entry number').fill(ENTRY);
  await page.getByLabel('Entry 1, Entry date').fill('2026-06-10');
  await page.getByLabel('Entry 1, Liquidation or decision date').fill('2026-09-04');
  await page
    .getByRole('group', { name: 'Decisions protested' })
    .getByText('Classification and rate')
    .click();
  await page.getByLabel('Category of merchandise').fill('Ceramic tableware');
  await page.getByLabel('Description').fill('Stoneware dinner sets, HTS 6912');
  await page.getByLabel('Objection', { exact: true }).fill('Classified as porcelain');
  await page.getByLabel('Justification').fill('The body is stoneware: 6912.00.48 applies.');
  await page.getByLabel('Drawback declaration').selectOption({ label: 'Not subject to drawback' });
  await page.getByText('Apply for further review (19 CFR 174.24)').click();
  await page.locator('label[for="protest-furtherReview-criterion"]').click();
  await page
    .locator('#protest-furtherReview-reason')
    .fill('HQ H123456 classifies the same stoneware under 6912.00.48.');
}

describe('a recorded protest and the set-aside of a further review denial', () => {
  it('records a protest filed elsewhere, its bad number refused on the field', async () => {
    await withPage(browser, { viewport: DESKTOP, expectedConsoleErrors: REFUSED }, async (page) => {
      await signIn(page, baseUrl, ADMIN, { path: '/protests', heading: 'Your company’s protests' });
      await page.getByRole('link', { name: 'Record an existing protest' }).click();
      await page.getByRole('heading', { level: 1, name: 'Record an existing protest' }).waitFor();
      await expectNoAxeViolations(page, 'the recording form');

      // The number and the filing day are required like the rest.
      await page.getByRole('button', { name: 'Record the protest' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'The protest was not recorded' });
      await summary.getByRole('link', { name: 'Protest number: Enter a value.' }).waitFor();
      await summary.getByRole('link', { name: 'Filed on: Enter a value.' }).waitFor();

      // A number the server cannot read is its to refuse: on the field, nothing typed lost.
      await fillRecordForm(page, '2704-26-ABC');
      await page.getByRole('button', { name: 'Record the protest' }).click();
      const problem = summary.getByRole('link', { name: /^Protest number: / });
      await problem.waitFor();
      expect(await summary.getByRole('listitem').count()).toBe(1);
      await expect.poll(() => focusedText(page)).toContain('Protest number');
      const number = page.getByLabel('Protest number', { exact: true });
      expect(await number.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Justification').inputValue()).toContain('stoneware');
      await expectNoAxeViolations(page, 'the recording form with the server’s field issue');

      await number.fill(NUMBER);
      await page.getByRole('button', { name: 'Record the protest' }).click();
      await page.getByRole('heading', { level: 1, name: `Protest ${NUMBER}` }).waitFor();
      await page.getByText(`Protest ${NUMBER} was recorded.`).waitFor();
      recorded = { id: page.url().split('/protests/')[1]?.split('?')[0] ?? '', number: NUMBER };
      // No set-aside yet: further review is not decided.
      expect(
        await page.getByRole('region', { name: 'Set-aside of the further review denial' }).count(),
      ).toBe(0);
      await expectNoAxeViolations(page, 'a recorded protest');
    });
  }, 240_000);

  it('lets the member ask for a set-aside after CBP denies further review, and CBP grant it', async () => {
    const protest = recorded ?? { id: '', number: '' };
    expect(protest.id).not.toBe('');
    // CBP denies the application for further review.
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: reviewer.email, code: totpCode(PROTESTS_E2E_TOTP_SECRET, -1) },
        { path: `/cbp/protests/${protest.id}`, heading: `Protest ${protest.number}` },
      );
      const form = page.getByRole('form', { name: 'Further review' });
      await form.getByText('Deny', { exact: true }).click();
      await form.getByLabel('Reasons').fill('The ruling cited concerns porcelain, not stoneware.');
      await form.getByRole('button', { name: 'Record the decision' }).click();
      const section = page.getByRole('region', { name: 'Set-aside of the further review denial' });
      // Denied on 2026-11-29: 60 days to ask, to 2027-01-28.
      await section.getByText('Last day to ask: Jan 28, 2027.').waitFor();
      await section.getByText('60 days left').waitFor();
      await expectNoAxeViolations(page, 'a protest whose further review was denied, for CBP');
    });

    // The member asks the Commissioner to set the denial aside.
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(page, baseUrl, ADMIN, {
        path: `/protests/${protest.id}`,
        heading: `Protest ${protest.number}`,
      });
      const section = page.getByRole('region', { name: 'Set-aside of the further review denial' });
      await section.getByText('Last day to ask: Jan 28, 2027.').waitFor();
      await expectNoAxeViolations(page, 'the set-aside request form');
      await section.getByRole('button', { name: 'Send the request' }).click();
      const reasons = section.getByLabel('Why the denial should be set aside');
      await section.getByText('Enter a value.').waitFor();
      expect(await reasons.getAttribute('aria-invalid')).toBe('true');
      await reasons.fill('The application met 19 CFR 174.24(a): HQ H123456 is on point.');
      await section.getByRole('button', { name: 'Send the request' }).click();
      await section.getByText('The request was sent.').waitFor();
      await section.getByText('Awaiting the Commissioner').waitFor();
      await section.getByText('Considered denied if not decided by Jan 28, 2027.').waitFor();
      await page.getByRole('cell', { name: 'Set-aside requested' }).waitFor();
      await expectNoAxeViolations(page, 'a set-aside request awaiting the Commissioner');
    });

    // CBP grants it: the protest is under further review.
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: reviewer.email, code: totpCode(PROTESTS_E2E_TOTP_SECRET, 0) },
        { path: `/cbp/protests/${protest.id}`, heading: `Protest ${protest.number}` },
      );
      const decide = page.getByRole('form', { name: 'Decide the set-aside request' });
      await decide.getByText('Deny', { exact: true }).click();
      await decide.getByRole('button', { name: 'Record the decision' }).click();
      await decide.getByText('Give the reasons for the denial.').waitFor();
      await expectNoAxeViolations(page, 'the set-aside decision form');
      await decide.getByText('Grant: set the denial aside').click();
      await decide.getByRole('button', { name: 'Record the decision' }).click();
      const section = page.getByRole('region', { name: 'Set-aside of the further review denial' });
      await section.getByText(/^Granted: the protest is under further review/).waitFor();
      await page.getByText('Under further review', { exact: true }).first().waitFor();
      expect(await page.getByRole('form', { name: 'Decide the set-aside request' }).count()).toBe(
        0,
      );
      await expectNoAxeViolations(page, 'a set-aside granted, for CBP');
    });
  }, 240_000);
});
