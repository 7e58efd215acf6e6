import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { demoTotpCode, signIn } from './sign-in-steps.ts';

/**
 * The annual review on the member's profile page (issue 5, item 6): the demo's Rio Bravo
 * Customs Brokerage has an approved profile and its review window open (README demo table). Its
 * officer starts the cycle, every carried answer waits for re-confirmation, and confirming one
 * unchanged counts inside the window.
 */
const baseUrl = inject('baseUrl');
const RIO_BRAVO_OFFICER = 'officer@riobravobrokerage.example.com';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the annual review', () => {
  it('starts from last year’s approved profile and counts an answer confirmed unchanged', {
    timeout: 120_000,
  }, async () => {
    await withPage(browser, {}, async (page) => {
      await page.clock.setFixedTime(E2E_NOW);
      await signIn(
        page,
        baseUrl,
        { email: RIO_BRAVO_OFFICER, code: demoTotpCode(0) },
        { path: '/profile', heading: 'Security Profile' },
      );
      const panel = page.getByRole('region', { name: 'Annual review' });
      await panel.getByText('Open', { exact: true }).waitFor();
      await expectNoAxeViolations(page, 'the approved profile with its annual review window open');

      await panel.getByRole('button', { name: 'Start the annual review' }).click();
      await panel.getByText(/^To re-confirm: \d+\. Confirmed in the window: 0\.$/).waitFor();
      const confirm = page.getByRole('button', { name: 'Confirm unchanged' });
      await confirm.first().waitFor();
      const carried = await confirm.count();
      expect(carried).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'the annual review with answers to re-confirm');

      await confirm.first().click();
      await expect.poll(() => confirm.count()).toBe(carried - 1);
      // The panel counts it once it is read again.
      await page.reload();
      await panel.getByText(/Confirmed in the window: 1\.$/).waitFor();
    });
  });
});
