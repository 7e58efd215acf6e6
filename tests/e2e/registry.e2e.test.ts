import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eligibilityQuestionnaire } from '../../src/domain/registry/eligibility/eligibility-questionnaires.ts';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { REGISTRY_E2E, REGISTRY_E2E_TOTP_SECRET } from '../setup/registry-e2e-fixtures.ts';
import { signIn, signOut, totpCode } from './sign-in-steps.ts';

const baseUrl = inject('baseUrl');
const SHOTS_DIR = process.env.E2E_SCREENSHOT_DIR ?? '/tmp/shots';
const COMPANY = REGISTRY_E2E.company.legalName;
const MEMBER_FILE = `/cbp/members/${REGISTRY_E2E.company.id}`;
const MEMBER_FILE_HEADING = `${COMPANY}: CTPAT file`;
/** The importer number the company applies with (an IRS EIN with its 2-character suffix). */
const IMPORTER_NUMBER = '27-4817350AB';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `registry-${name}.png`), fullPage: true });
}

function stepHeading(page: Page, name: string) {
  return page.getByRole('heading', { level: 2, name: new RegExp(`${name}$`) });
}

async function saveAndContinue(page: Page, nextStep: string): Promise<void> {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await stepHeading(page, nextStep).waitFor();
}

/** Answers a yes/no question found by its text (the fieldset's legend). */
async function answer(page: Page, question: string, value: boolean): Promise<void> {
  // USWDS draws its own radio: the input itself sits off-screen, its label takes the click.
  await page
    .getByRole('group', { name: question })
    .getByText(value ? 'Yes' : 'No', { exact: true })
    .click();
}

/**
 * Adds what the submission needs to the company profile — the headquarters address and the
 * primary contact, a company officer with an account — on the company profile page.
 */
async function completeCompanyProfile(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Complete the company profile' }).click();
  await page.getByRole('heading', { level: 1, name: 'Company profile' }).waitFor();
  await page.locator('#address-kind').selectOption('headquarters');
  await page.locator('#address-line1').fill('1200 Westlake Avenue North');
  await page.locator('#address-city').fill('Seattle');
  await page.locator('#address-region').fill('WA');
  await page.locator('#address-postal-code').fill('98109');
  await page.locator('#address-country').fill('US');
  await page.getByRole('button', { name: 'Add the address' }).click();
  await page.getByText('The address was added.').waitFor();
  await page.locator('#contact-role').selectOption('primary');
  await page.locator('#contact-full-name').fill(REGISTRY_E2E.officer.displayName);
  await page.locator('#contact-title').fill('Chief Operating Officer');
  await page.locator('#contact-email').fill(REGISTRY_E2E.officer.email);
  await page.locator('#contact-user').selectOption(REGISTRY_E2E.officer.id);
  await page.getByRole('button', { name: 'Add the contact' }).click();
  await page.getByText('The contact was added.').waitFor();
  await expectNoAxeViolations(page, 'the company profile page');
}

/** Opens a transition's dialog on the member file, fills it and confirms. */
async function makeTransition(
  page: Page,
  label: string,
  done: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  await fill?.(dialog);
  await expectNoAxeViolations(page, `the "${label}" dialog`);
  await dialog.getByRole('button', { name: `Confirm: ${label}` }).click();
  await page.getByRole('status').filter({ hasText: done }).waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

describe('member registry', () => {
  it('an importer applies, a supervisor assigns a specialist, the specialist certifies, and the member sees Tier I with its clocks', {
    timeout: 300_000,
  }, async () => {
    await withPage(
      browser,
      {
        // Chromium logs every failed response: the company has no membership file before its
        // first draft (404), and the journey sends one invalid identifier on purpose (400).
        expectedConsoleErrors: [/status of 404/, /status of 400/],
      },
      async (page) => {
        // Days left are counted from the reader's today: the browser's clock is the app's.
        await page.clock.setFixedTime(E2E_NOW);

        // The officer of a company that has not applied yet.
        await signIn(
          page,
          baseUrl,
          {
            email: REGISTRY_E2E.officer.email,
            code: totpCode(REGISTRY_E2E_TOTP_SECRET, -1),
            axe: true,
          },
          { path: '/membership', heading: 'CTPAT membership' },
        );
        await page.getByRole('heading', { name: 'No application yet' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Site' })
          .getByRole('link', { name: 'CTPAT membership' })
          .waitFor();
        await expectNoAxeViolations(page, 'the membership page before applying');
        await page.getByRole('link', { name: 'Start the application' }).click();

        // Step 1: entity types.
        await page.getByRole('heading', { level: 1, name: 'Apply for CTPAT membership' }).waitFor();
        await stepHeading(page, 'Entity types').waitFor();
        await expectNoAxeViolations(page, 'the application, entity types');
        await page.getByRole('button', { name: 'Save and continue' }).click();
        await page.getByText('Choose at least one entity type.').waitFor();
        await page.getByText('Importer', { exact: true }).click();
        expect(await page.getByLabel('Importer', { exact: true }).isChecked()).toBe(true);
        await saveAndContinue(page, 'Eligibility');
        // Nothing to save yet: the API keeps a draft once the required identifiers are in.
        await page
          .getByRole('status')
          .getByText(/Your answers are kept on this page/)
          .waitFor();

        // Step 2: eligibility. An answer that blocks says why, in the reader's language.
        const questions = eligibilityQuestionnaire('importer');
        const bond = questions.find((q) => q.id === 'importer.continuous_import_bond');
        expect(bond).toBeDefined();
        await answer(page, bond?.text.en ?? '', false);
        await page.getByText(bond?.blockingReason.en ?? '').waitFor();
        await expectNoAxeViolations(page, 'the eligibility step with a blocking answer');
        await screenshot(page, 'eligibility-blocked');
        for (const question of questions) {
          await answer(page, question.text.en, question.proceedAnswer);
        }
        expect(await page.getByText(bond?.blockingReason.en ?? '').count()).toBe(0);
        await saveAndContinue(page, 'Identifiers');

        // Step 3: identifiers. The API's issue lands on the field it names.
        const importerNumber = page.getByLabel('Importer of record number (required)');
        await importerNumber.fill('27-4817350ZO');
        await page.getByRole('button', { name: 'Save and continue' }).click();
        await page.getByText('an EIN suffix never uses the letters O, I or Z').waitFor();
        expect(await importerNumber.getAttribute('aria-invalid')).toBe('true');
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id))
          .toBe('identifier-importer-importer_of_record_number');
        await expectNoAxeViolations(page, 'the identifiers step with a field error');
        await screenshot(page, 'identifier-error');
        await importerNumber.fill(IMPORTER_NUMBER);
        await saveAndContinue(page, 'Company profile');
        await page.getByRole('status').getByText('The draft is saved.').waitFor();

        // Step 4: the company profile lacks what the submission needs.
        await page.getByText('Headquarters address:').getByText('Missing').waitFor();
        await page.getByText('Primary contact:').getByText('Missing').waitFor();
        await expectNoAxeViolations(page, 'the company profile step');
        await completeCompanyProfile(page);
        // The saved draft resumes at the first step that still needs something.
        await page
          .getByRole('navigation', { name: 'Site' })
          .getByRole('link', { name: 'CTPAT membership' })
          .click();
        await page.getByRole('heading', { name: 'The application is a draft' }).waitFor();
        await expectNoAxeViolations(page, 'the membership page with a draft');
        await page.getByRole('link', { name: 'Continue the application' }).click();
        await stepHeading(page, 'Company profile').waitFor();
        await page.getByText('Headquarters address:').getByText('Recorded').waitFor();
        await page.getByText('Primary contact:').getByText('Recorded').waitFor();
        await saveAndContinue(page, 'Review and submit');

        // Step 5: review; the officer signs the partner agreement and submits.
        await page.getByRole('heading', { level: 3, name: /Importer\s+Eligible/ }).waitFor();
        await page.getByText(IMPORTER_NUMBER).waitFor();
        const agreement = `I sign the partner agreement for ${COMPANY}`;
        await page.getByRole('button', { name: 'Submit the application' }).click();
        await page.getByText('Tick the box to sign the partner agreement.').waitFor();
        await page.getByText(agreement).click();
        await expectNoAxeViolations(page, 'the review step');
        await screenshot(page, 'review');
        await page.getByRole('button', { name: 'Submit the application' }).click();

        // The membership page: an applicant, with the certification clock running.
        await page.getByRole('heading', { level: 1, name: 'CTPAT membership' }).waitFor();
        const summary = page.getByRole('region', { name: 'Membership at a glance' });
        await summary.getByText('Applicant', { exact: true }).waitFor();
        const clocks = page.getByRole('table', { name: /Deadlines and targets/ });
        await clocks.getByRole('rowheader', { name: /Certification decision/ }).waitFor();
        await clocks.getByText('90 days left').waitFor();
        await expectNoAxeViolations(page, 'the membership page of an applicant');
        await signOut(page);

        // The supervisor assigns the specialist.
        await signIn(
          page,
          baseUrl,
          {
            email: REGISTRY_E2E.supervisor.email,
            code: totpCode(REGISTRY_E2E_TOTP_SECRET, -1),
          },
          { path: MEMBER_FILE, heading: MEMBER_FILE_HEADING },
        );
        await page.getByRole('region', { name: 'Membership at a glance' }).waitFor();
        await expectNoAxeViolations(page, 'the member file for the supervisor');
        await makeTransition(
          page,
          'Assign a specialist',
          `A specialist was assigned to ${COMPANY}.`,
          async (dialog) => {
            await dialog.getByLabel('Assigned specialist').selectOption(REGISTRY_E2E.specialist.id);
          },
        );
        await page
          .getByRole('region', { name: 'Membership at a glance' })
          .getByText(REGISTRY_E2E.specialist.displayName)
          .waitFor();
        await signOut(page);

        // The specialist reviews the Security Profile, vets and certifies.
        await signIn(
          page,
          baseUrl,
          {
            email: REGISTRY_E2E.specialist.email,
            code: totpCode(REGISTRY_E2E_TOTP_SECRET, -1),
          },
          { path: MEMBER_FILE, heading: MEMBER_FILE_HEADING },
        );
        await makeTransition(
          page,
          'Start the Security Profile review',
          `The Security Profile review of ${COMPANY} has started.`,
        );
        await makeTransition(
          page,
          'Approve the Security Profile and start vetting',
          `The Security Profile of ${COMPANY} was approved; vetting has started.`,
        );
        await makeTransition(page, 'Certify (Tier I)', `${COMPANY} is certified (Tier I).`);
        await page.getByRole('region', { name: 'Company profile' }).waitFor();
        await page.getByText('1200 Westlake Avenue North', { exact: false }).waitFor();
        await expectNoAxeViolations(page, 'the member file after certification');
        await screenshot(page, 'member-file');
        await signOut(page);

        // The member sees Tier I and its clocks.
        await signIn(
          page,
          baseUrl,
          {
            email: REGISTRY_E2E.officer.email,
            code: totpCode(REGISTRY_E2E_TOTP_SECRET, 0),
          },
          { path: '/membership', heading: 'CTPAT membership' },
        );
        const certified = page.getByRole('region', { name: 'Membership at a glance' });
        await certified.getByText('Certified', { exact: true }).waitFor();
        await certified.getByText('Tier I', { exact: true }).waitFor();
        const memberClocks = page.getByRole('table', { name: /Deadlines and targets/ });
        const firstValidation = memberClocks.getByRole('row', { name: /First validation/ });
        await firstValidation.getByText('365 days left').waitFor();
        await firstValidation.getByText(/6 U\.S\.C\./).waitFor();
        await memberClocks.getByRole('row', { name: /Annual Security Profile review/ }).waitFor();
        const history = page.getByRole('table', { name: 'Every status change, oldest first' });
        expect(await history.getByRole('row').count()).toBe(1 + 5);
        await page.getByRole('button', { name: 'Withdraw from CTPAT' }).waitFor();
        await expectNoAxeViolations(page, 'the membership page of a certified member');
        await screenshot(page, 'membership-certified');

        // The same page in Spanish: status, tier and the days left are translated.
        await page.getByRole('button', { name: 'Español' }).click();
        await page.getByRole('heading', { level: 1, name: 'Membresía CTPAT' }).waitFor();
        const resumen = page.getByRole('region', { name: 'La membresía de un vistazo' });
        await resumen.getByText('Nivel I', { exact: true }).waitFor();
        await page.getByText('Quedan 365 días').waitFor();
        await expectNoAxeViolations(page, 'the membership page in Spanish');
      },
    );
  });
});
