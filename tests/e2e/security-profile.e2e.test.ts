import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { SECURITY_PROFILE_E2E } from '../setup/security-profile-e2e-fixtures.ts';
import { signIn } from './sign-in-steps.ts';

/**
 * The Security Profile editor (issue 5, items 2 and 3): the company admin of Great Lakes Home
 * Goods starts the profile and assigns section 1 to the demo contributor; the contributor
 * answers a criterion there (autosaved), finds it saved after a reload, and reads, but cannot
 * answer, a section assigned to nobody. Every screen is checked with axe.
 */

const baseUrl = inject('baseUrl');
const DESKTOP = { width: 1280, height: 900 };
const PROFILE = { path: '/profile?section=1', heading: 'Security Profile' };
const SECTION_ONE = 'Section 1: Security Vision and Responsibility';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the Security Profile editor', () => {
  it('lets the admin start the profile and assign a section, accessibly', async () => {
    // Before it starts, GET /profile answers 404 (no profile yet): the page offers to start it.
    const options = { viewport: DESKTOP, expectedConsoleErrors: [/status of 404/] };
    await withPage(browser, options, async (page) => {
      await signIn(page, baseUrl, { email: SECURITY_PROFILE_E2E.admin.email }, PROFILE);
      const start = page.getByRole('button', { name: 'Start the Security Profile' });
      await start.waitFor();
      await expectNoAxeViolations(page, 'the Security Profile before it starts');
      await start.click();

      await page.getByRole('heading', { level: 2, name: SECTION_ONE }).waitFor();
      await page.getByText('Criteria catalog', { exact: false }).first().waitFor();
      await expectNoAxeViolations(page, 'the Security Profile editor');

      await page
        .getByLabel('Assigned to')
        .selectOption({ label: `${SECURITY_PROFILE_E2E.contributor.displayName} (Contributor)` });
      await page.getByText('Assignment saved.').waitFor();
    });
  });

  it('lets the contributor answer a criterion of the assigned section, autosaved', async () => {
    // The refused not-applicable answer is a 400 the page explains.
    const options = { viewport: DESKTOP, expectedConsoleErrors: [/status of 400/] };
    await withPage(browser, options, async (page) => {
      await signIn(page, baseUrl, { email: SECURITY_PROFILE_E2E.contributor.email }, PROFILE);
      await page.getByRole('heading', { level: 2, name: SECTION_ONE }).waitFor();
      await page
        .getByText(`Assigned to ${SECURITY_PROFILE_E2E.contributor.displayName}.`)
        .waitFor();

      const criterion = page.getByRole('article', { name: 'Criterion 1.1' });
      // USWDS draws its own radio: the input itself sits off-screen, its label takes the click.
      await criterion.getByText('Implemented', { exact: true }).click();
      await criterion.getByRole('status').getByText('Saved').waitFor();
      const narrative = criterion.getByLabel('How the company meets the criterion');
      await narrative.fill('The security policy is signed by the CEO and reviewed every year.');
      await criterion.getByRole('status').getByText('Saved').waitFor();
      await page.getByText('1 of', { exact: false }).first().waitFor();
      await expectNoAxeViolations(page, 'a criterion answered by the contributor');

      // Not applicable without a justification is not saved, and says so at the field.
      const second = page.getByRole('article', { name: 'Criterion 1.2' });
      if ((await second.count()) > 0) {
        await second.getByText('Not applicable', { exact: true }).click();
        await second
          .getByRole('status')
          .getByText('Not saved: “Not applicable” needs a justification in the narrative.')
          .waitFor();
        await expectNoAxeViolations(page, 'a refused not-applicable answer');
      }

      await page.reload();
      await page.getByRole('heading', { level: 2, name: SECTION_ONE }).waitFor();
      const reloaded = page.getByRole('article', { name: 'Criterion 1.1' });
      expect(await reloaded.getByLabel('How the company meets the criterion').inputValue()).toBe(
        'The security policy is signed by the CEO and reviewed every year.',
      );
      expect(
        await reloaded.getByRole('radio', { name: 'Implemented', exact: true }).isChecked(),
      ).toBe(true);

      // Section 2 is nobody's: the contributor reads it and cannot answer.
      await page.getByRole('link', { name: /^2\. Risk Assessment/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Section 2: Risk Assessment' }).waitFor();
      await page.getByText('This section is not assigned to you', { exact: false }).waitFor();
      expect(await page.getByRole('radio').count()).toBe(0);
      await expectNoAxeViolations(page, 'a section not assigned to the contributor');
    });
  });
});
