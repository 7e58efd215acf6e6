import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { signIn } from './sign-in-steps.ts';

/**
 * The company profile page (issue 4, item 4): a company admin edits the profile and its
 * addresses (the demo seed gave Great Lakes its headquarters and primary contact), field errors
 * are tied to their fields, and a member without company_profile:manage only reads it.
 */

const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1280, height: 900 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PROFILE = { path: '/company/profile', heading: 'Company profile' };

describe('the company profile page', () => {
  it('lets a company admin edit the profile and add an address, accessibly', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(page, baseUrl, { email: 'admin@greatlakes.example.com' }, PROFILE);
      // The seeded headquarters and the primary contact, the company officer.
      const addresses = page.getByRole('table', { name: "The company's addresses" });
      await addresses.getByText('401 North Wabash Avenue').waitFor();
      const contacts = page.getByRole('table', { name: "The company's contacts" });
      await contacts.getByText('Dana Whitfield').first().waitFor();
      await expectNoAxeViolations(page, 'the company profile page');

      await page.getByLabel('Number of employees').fill('250');
      await page.getByRole('button', { name: 'Save the profile' }).click();
      await page.getByText('The profile was saved.').waitFor();

      // A second headquarters is offered as an office; a missing country is named at its field.
      expect(await page.locator('#address-kind').inputValue()).toBe('office');
      await page.locator('#address-line1').fill('5 Warehouse Road');
      await page.locator('#address-city').fill('Joliet');
      await page.getByRole('button', { name: 'Add the address' }).click();
      const country = page.locator('#address-country');
      expect(await country.getAttribute('aria-invalid')).toBe('true');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('address-country');
      await expectNoAxeViolations(page, 'the address form with a field error');
      await country.fill('us');
      await page.getByRole('button', { name: 'Add the address' }).click();
      await page.getByText('The address was added.').waitFor();
      await addresses.getByText('5 Warehouse Road').waitFor();

      // Edit the new office, then remove it (two steps).
      await page.getByRole('button', { name: 'Edit Office' }).click();
      await page.getByRole('heading', { name: 'Edit the address' }).waitFor();
      await page.locator('#address-label').fill('Joliet cross-dock');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await addresses.getByText('Joliet cross-dock').waitFor();
      await page.getByRole('button', { name: 'Remove Joliet cross-dock' }).click();
      await page.getByRole('button', { name: 'Yes, remove' }).click();
      await addresses.getByText('5 Warehouse Road').waitFor({ state: 'detached' });
      await expectNoAxeViolations(page, 'the company profile page after editing');
    });
  });

  it('shows the profile read-only to a consultant', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(page, baseUrl, { email: 'consultant@securechain.example.com' }, PROFILE);
      await page
        .getByText('You can read the profile; company officers and administrators change it.')
        .waitFor();
      await page.getByText('401 North Wabash Avenue').waitFor();
      expect(await page.getByRole('button', { name: 'Save the profile' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add the address' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'the read-only company profile');
    });
  });
});
