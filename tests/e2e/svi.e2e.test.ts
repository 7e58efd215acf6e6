import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SVI_NUMBER_PATTERN } from '../../src/domain/registry/status-verification/svi-number.ts';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { SVI_E2E, SVI_E2E_TOTP_SECRET } from '../setup/svi-e2e-fixtures.ts';
import { signIn, totpCode } from './sign-in-steps.ts';

const baseUrl = inject('baseUrl');
const SHOTS_DIR = process.env.E2E_SCREENSHOT_DIR ?? '/tmp/shots';
const SVI_HEADING = 'Status Verification Interface (SVI)';
const COMPANY_A = SVI_E2E.companyA.legalName;
const COMPANY_B = SVI_E2E.companyB.legalName;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `svi-${name}.png`), fullPage: true });
}

/** Signs in with the fixture authenticator (each account once in this run) and opens /svi. */
async function signInToSvi(page: Page, email: string): Promise<void> {
  await signIn(
    page,
    baseUrl,
    { email, code: totpCode(SVI_E2E_TOTP_SECRET, 0) },
    { path: '/svi', heading: SVI_HEADING },
  );
}

/** Gives the company's consent on the SVI page and reads back its SVI number. */
async function joinSvi(page: Page, where: string): Promise<string> {
  await page.getByRole('heading', { level: 2, name: 'Join SVI' }).waitFor();
  await page.getByText('its current CTPAT status and tier', { exact: false }).waitFor();
  await expectNoAxeViolations(page, `the SVI page before ${where} joins`);
  // Consent is required: the browser says so beside the box.
  await page.getByRole('button', { name: 'Join SVI' }).click();
  await page.getByText("Tick the box to give your company's consent.").waitFor();
  // USWDS draws its own checkbox: the label takes the click.
  await page.getByText('I consent, for my company,').click();
  await page.getByRole('button', { name: 'Join SVI' }).click();
  const summary = page.getByRole('region', { name: 'Your company takes part in SVI' });
  await summary.waitFor();
  const sviNumber = (await page.locator('#svi-number').textContent()) ?? '';
  expect(sviNumber).toMatch(SVI_NUMBER_PATTERN);
  await expectNoAxeViolations(page, `the SVI page after ${where} joined`);
  return sviNumber;
}

/** The connected partners' table row of `company`. */
function connectedRow(page: Page, company: string) {
  return page
    .getByRole('table', { name: 'Connected partners and their current CTPAT status' })
    .getByRole('row')
    .filter({ hasText: company });
}

describe('status verification between two certified members', () => {
  it('two members connect through SVI, and one sees the other’s suspension', {
    timeout: 240_000,
  }, async () => {
    await withPage(browser, {}, async (pageA) => {
      // Officer A (Maple Leaf, certified) joins SVI.
      await signInToSvi(pageA, SVI_E2E.officerA.email);
      await joinSvi(pageA, 'Maple Leaf');
      await screenshot(pageA, 'joined');

      await withPage(browser, {}, async (pageB) => {
        // Officer B (Heartland, validated) joins and gives A its number.
        await signInToSvi(pageB, SVI_E2E.officerB.email);
        const numberB = await joinSvi(pageB, 'Heartland');

        // A sends a request by B's number, typed in lower case without hyphens.
        await pageA
          .getByLabel("Partner's SVI number")
          .fill(numberB.toLowerCase().replaceAll('-', ''));
        await pageA.getByRole('button', { name: 'Send connection request' }).click();
        await pageA
          .getByRole('status')
          .getByText(`Connection request sent to ${COMPANY_B}.`)
          .waitFor();
        const outgoing = pageA.getByRole('table', {
          name: "Connection requests waiting for the partner's answer",
        });
        await outgoing.getByRole('rowheader', { name: COMPANY_B }).waitFor();
        await outgoing.getByText(numberB).waitFor();
        await expectNoAxeViolations(pageA, 'the SVI page with a request sent');

        // B sees the request (and was notified), and accepts it.
        await pageB.reload();
        const incoming = pageB.getByRole('table', {
          name: 'Connection requests waiting for your answer',
        });
        await incoming.getByRole('rowheader', { name: COMPANY_A }).waitFor();
        await expectNoAxeViolations(pageB, 'the SVI page with a request received');
        await screenshot(pageB, 'request-received');
        await pageB.getByRole('button', { name: `Accept the request of ${COMPANY_A}` }).click();
        await connectedRow(pageB, COMPANY_A).getByText('Certified', { exact: true }).waitFor();
        await connectedRow(pageB, COMPANY_A).getByText('Tier I', { exact: true }).waitFor();
        await pageB.getByText('No partner is waiting for an answer.').waitFor();
        await expectNoAxeViolations(pageB, 'the SVI page with a connected partner');
      });

      // A sees B's current status: validated, Tier II, its entity type.
      await pageA.reload();
      const partnerB = connectedRow(pageA, COMPANY_B);
      await partnerB.getByText('Validated', { exact: true }).waitFor();
      await partnerB.getByText('Tier II', { exact: true }).waitFor();
      await partnerB.getByText('Rail carrier').waitFor();
      await screenshot(pageA, 'connected');

      // A confirms its own status to a customer who does not use OpenCTPAT.
      await pageA.getByLabel("Recipient's name").fill('Jordan Buyer');
      await pageA.getByLabel("Recipient's e-mail address").fill('buyer@retailer.example.com');
      await pageA.getByRole('button', { name: 'Send status confirmation' }).click();
      await pageA
        .getByRole('status')
        .getByText('Status confirmation sent to buyer@retailer.example.com.')
        .waitFor();
      await expectNoAxeViolations(pageA, 'the SVI page after a status confirmation');

      // A CBP supervisor suspends B (through the registry API, as the signed-in supervisor).
      await withPage(browser, {}, async (cbp) => {
        await signIn(cbp, baseUrl, {
          email: SVI_E2E.supervisor.email,
          code: totpCode(SVI_E2E_TOTP_SECRET, 0),
        });
        const session = await (await cbp.request.get(`${baseUrl}/api/v1/auth/session`)).json();
        const suspended = await cbp.request.post(
          `${baseUrl}/api/v1/registry/members/${SVI_E2E.companyB.id}/transitions`,
          {
            headers: { 'x-csrf-token': session.csrfToken as string },
            data: {
              transition: 'suspend',
              reason: 'Annual Security Profile review not completed',
            },
          },
        );
        expect(suspended.status(), await suspended.text()).toBe(200);
      });

      // A's page shows B suspended, without a tier; nothing else of B changed.
      await pageA.reload();
      await partnerB.getByText('Suspended', { exact: true }).waitFor();
      await partnerB.getByText('No tier', { exact: true }).waitFor();
      await partnerB.getByText('Rail carrier').waitFor();
      await expectNoAxeViolations(pageA, 'the SVI page showing a suspended partner');
      await screenshot(pageA, 'partner-suspended');

      // A's officers were told too (the lifecycle's notice to SVI-connected partners).
      await pageA.goto(`${baseUrl}/inbox`);
      await pageA
        .getByRole('listitem')
        .filter({ hasText: COMPANY_B })
        .filter({ hasText: /suspended/i })
        .first()
        .waitFor();
    });
  });
});
