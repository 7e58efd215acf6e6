import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller } from '../setup/api-caller.ts';
import { expectNoAxeViolations, withPage } from '../setup/browser.ts';
import { pdfText } from '../setup/document-text.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { type MutableClock, mutableClock } from '../setup/mutable-clock.ts';
import { type OwnDemoServer, startOwnDemoServer } from '../setup/own-demo-server.ts';
import {
  browserSession,
  demoTotpCodeAt,
  rateTheRestCompliant,
  VALIDATIONS_E2E,
} from '../setup/validations-e2e-fixtures.ts';
import { signIn } from './sign-in-steps.ts';

/**
 * A revalidation from plan to Tier II (issue 6, "Done when"): the demo supervisory specialist
 * plans the revalidation of Rio Bravo Customs Brokerage (Tier II, due within the year), which
 * goes to the member's specialist; the specialist schedules it with the full 30 days' notice, a
 * site, its agenda and the participants; the member's officer generates and downloads the
 * preparation package (a PDF holding the criteria and the company's own answers); on the first
 * day the specialist rates a criterion a required action in the work program, the others
 * compliant, and submits the report; the supervisor approves it; the member answers the
 * required action with a corrective plan, evidence and a date; the specialist accepts it, which
 * closes the validation: the member is validated (Tier II) again, last validated that day. Axe
 * on every screen. The app's clock moves from the notice to the visits and on (a mutable
 * clock), each person signing in again with the authenticator code of that moment. Runs its own
 * server on its own in-memory database (demo data included), serving the same web build.
 */

const { member, officeId, supervisor, specialist, days } = VALIDATIONS_E2E;
const TITLE = `Revalidation of ${member.legalName}`;
/** A must-criterion of a customs broker, with the company's own answer in its profile. */
const SEALS = '6.1';
const SEALS_ANSWER =
  'We do not seal cargo ourselves: our client agreement requires importers and their carriers to follow written ISO 17712 seal procedures';
const REQUIRED_ACTION = 'No written check of seal numbers against the bill of lading was shown.';
const PLAN =
  'A written seal-number check, signed by the filer, goes into the entry file procedure.';
/** The closing day (the acceptance) as the screens write it. */
const CLOSED_ON = 'Jan 27, 2027';

let server: OwnDemoServer | undefined;
let browser: Browser;
let app: FastifyInstance;
let baseUrl: string;
let clock: MutableClock;
/** The validation the journey plans (its id from the page's address). */
let validationId = '';

beforeAll(async () => {
  clock = mutableClock(E2E_NOW);
  server = await startOwnDemoServer({ clock });
  ({ app, baseUrl, browser } = server);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/**
 * One person's visit at the clock's current instant: a fresh browser whose own clock reads the
 * app's (the forms check dates against "today"), signed in with that moment's code.
 */
async function visit(
  email: string,
  landing: { path: string; heading: string },
  journey: (page: Page) => Promise<void>,
  options: { axeSignIn?: boolean } = {},
): Promise<void> {
  await withPage(browser, {}, async (page) => {
    await page.clock.setFixedTime(clock.now());
    await signIn(
      page,
      baseUrl,
      { email, code: demoTotpCodeAt(clock), axe: options.axeSignIn ?? false },
      landing,
    );
    await journey(page);
  });
}

describe('a revalidation from plan to Tier II', () => {
  it('is planned, assigned and scheduled with full notice', async () => {
    await visit(
      supervisor,
      { path: `/cbp/validations?year=2027&officeId=${officeId}`, heading: 'Validation planning' },
      async (page) => {
        const due = page.getByRole('region', { name: 'Members due in 2027' });
        const row = due.getByRole('row').filter({ hasText: member.legalName });
        await row.getByText('Revalidation', { exact: true }).waitFor();
        await row.getByText(specialist.name).waitFor();
        await expectNoAxeViolations(page, 'the planning view');

        await row
          .getByRole('button', { name: `Plan the validation of ${member.legalName}` })
          .click();
        const list = page.getByRole('region', { name: 'Validations of 2027' });
        await list.getByRole('link', { name: member.legalName }).click();
        await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
        validationId = page.url().split('/cbp/validations/')[1]?.split('?')[0] ?? '';
        // Planned with the member's own specialist, in the specialist's office.
        await page
          .getByRole('region', { name: 'Specialist', exact: true })
          .getByText(`Assigned to ${specialist.name} (CBP CTPAT Field Office, Houston).`)
          .waitFor();
        await expectNoAxeViolations(page, 'a planned revalidation');
      },
      { axeSignIn: true },
    );
    expect(validationId).toMatch(/^[0-9a-f-]{36}$/);

    await visit(
      specialist.email,
      { path: `/cbp/validations/${validationId}`, heading: TITLE },
      async (page) => {
        const schedule = page.getByRole('region', { name: 'Schedule the validation' });
        await schedule.getByLabel('First day').fill(days.startsOn);
        await schedule.getByLabel('Last day').fill(days.endsOn);
        // Notice today for a start 37 days away: more than the 30 days, no override needed.
        await schedule.getByText('Earliest start with full notice: Dec 29, 2026.').waitFor();
        await schedule.getByLabel('Site name').fill('Laredo brokerage office');
        await schedule.getByLabel('Address').fill('1100 Matamoros St, Laredo TX 78040');
        await schedule.getByLabel('Visit day').fill(days.startsOn);
        await schedule.getByRole('button', { name: 'Add an agenda line' }).click();
        await schedule.getByLabel('Topic').fill('Entry filing and seal number checks');
        const titles = schedule.getByLabel('Title');
        await titles.nth(0).fill('Supply Chain Security Specialist');
        await schedule.getByLabel('Name', { exact: true }).nth(1).fill('Carmen Villarreal');
        await titles.nth(1).fill('Compliance officer');
        expect(await schedule.getByLabel('Why a shorter notice is acceptable').count()).toBe(0);
        await expectNoAxeViolations(page, 'the schedule form');
        await schedule.getByRole('button', { name: 'Schedule and send the notice' }).click();
        await page.getByText('Re-schedule the validation').waitFor();
        await page.getByRole('heading', { name: 'Laredo brokerage office' }).waitFor();
        await expectNoAxeViolations(page, 'a scheduled revalidation');
      },
    );
  }, 180_000);

  it('gives the member the preparation package with its criteria and answers', async () => {
    expect(validationId).not.toBe('');
    await visit(member.officer, { path: '/validations', heading: 'Validations' }, async (page) => {
      await expectNoAxeViolations(page, 'the member’s validations');
      await page.getByRole('link', { name: 'Revalidation' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('cell', { name: 'Entry filing and seal number checks' }).waitFor();

      const packages = page.getByRole('region', { name: 'Preparation package' });
      await packages.getByText('No package has been generated yet.').waitFor();
      await packages.getByRole('button', { name: 'Generate package' }).click();
      await packages.getByText('Package generated. Download it below.').waitFor();
      const link = packages.getByRole('link', { name: /^Download the PDF file generated / });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const bytes = await readFile(await download.path());
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      const text = await pdfText(bytes);
      expect(text).toContain(member.legalName);
      expect(text).toContain(`${SEALS} (must)`);
      expect(text).toContain(SEALS_ANSWER);
      expect(text).toContain('Entry filing and seal number checks');
      await expectNoAxeViolations(page, 'the member’s revalidation with its package');
    });
  }, 120_000);

  it('records the findings on the first day and submits the report', async () => {
    clock.set(days.fieldwork);
    await visit(
      specialist.email,
      {
        path: `/cbp/validations/${validationId}/work-program`,
        heading: `Work program: ${member.legalName}`,
      },
      async (page) => {
        const card = page.getByRole('article', { name: `Criterion ${SEALS}` });
        await card.getByText(SEALS_ANSWER, { exact: false }).waitFor();
        await expectNoAxeViolations(page, 'the work program on the first day');

        // USWDS draws its own radio: the input itself sits off-screen, its label takes the click.
        await card.locator(`label[for$="-rating-required_action"]`).click();
        await card.getByLabel('Notes').fill(REQUIRED_ACTION);
        await card.getByRole('button', { name: 'Save finding' }).click();
        await card.getByText('Finding saved.').waitFor();
        await card
          .getByRole('list', { name: 'Findings' })
          .getByText('Required action', { exact: true })
          .waitFor();

        // The other criteria are rated compliant through the API (the same call as the form
        // above, in this browser's session) to keep the journey short: 37 more forms would
        // test nothing new.
        const rated = await rateTheRestCompliant(
          app,
          await browserSession(app, page),
          validationId,
        );
        expect(rated).toBeGreaterThan(20);
        await page.reload();
        const all = rated + 1;
        await page.getByText(`${all} of ${all} criteria rated`).first().waitFor();
        await page.getByText('Every applicable criterion is rated.').waitFor();

        const report = page.getByRole('region', { name: 'Report', exact: true });
        await report
          .getByRole('textbox', { name: 'Summary' })
          .fill(
            'The security program is in place and documented. One required action on seal checks.',
          );
        await report.locator('label[for="wp-report-outcome-meets"]').click();
        await report.getByRole('button', { name: 'Save draft' }).click();
        await report.getByText('Draft saved.').waitFor();
        await expectNoAxeViolations(page, 'the work program with the report draft');
        await report.getByRole('button', { name: 'Submit for approval' }).click();
        // Submitted, the draft and its forms give way to the report as written; the notice
        // moves above them (lasting-notice.tsx).
        await page.getByRole('status').getByText('Report submitted for approval.').waitFor();
        await report.getByText(`Written by ${specialist.name}`).waitFor();
        await report.getByText(/^Submitted /).waitFor();
        await report.getByRole('button', { name: 'Submit for approval' }).waitFor({
          state: 'detached',
        });
        await expectNoAxeViolations(page, 'the work program with the report submitted');
      },
    );
  }, 180_000);

  it('has the report approved by the supervisor', async () => {
    clock.set(days.approval);
    await visit(
      supervisor,
      {
        path: `/cbp/validations/${validationId}/work-program`,
        heading: `Work program: ${member.legalName}`,
      },
      async (page) => {
        const decision = page.getByRole('region', { name: 'Approve or return the report' });
        await decision.waitFor();
        await expectNoAxeViolations(page, 'the submitted report for approval');
        await decision.locator('label[for="wp-decision-approve"]').click();
        await decision.getByRole('button', { name: 'Record the decision' }).click();
        await page.getByText('Decision recorded.').waitFor();
        const report = page.getByRole('region', { name: 'Report', exact: true });
        await report.getByText(/^Approved by /).waitFor();
        await report.getByText('Issued on Jan 6, 2027').waitFor();
        await report.getByRole('link', { name: 'PDF in English' }).waitFor();
        await expectNoAxeViolations(page, 'the approved report');
      },
    );
  }, 120_000);

  it('lets the member answer the required action', async () => {
    clock.set(days.response);
    await visit(
      member.officer,
      { path: `/validations/${validationId}`, heading: TITLE },
      async (page) => {
        const actions = page.getByRole('region', { name: 'Required actions' });
        const action = actions.getByRole('article').filter({ hasText: REQUIRED_ACTION });
        await action.waitFor();
        await actions.getByText(/^Answer each required action by Apr 6, 2027:/).waitFor();
        await expectNoAxeViolations(page, 'the issued report with its required action');

        const form = action.getByRole('form', {
          name: `Response to the required action on criterion ${SEALS}`,
        });
        await form.getByLabel('Corrective plan').fill(PLAN);
        await form.getByLabel('Done by').fill('2027-02-26');
        await form.locator('label', { hasText: 'Cybersecurity Policy IT-SEC-01' }).click();
        await form.getByRole('button', { name: 'Send the response' }).click();
        // The response waits for CBP: the form gives way to the response as sent, and its
        // notice moves above the page's sections, which start again from the new version.
        await page
          .getByRole('status')
          .getByText('Response sent: the specialist accepts it or returns it with a note.')
          .waitFor();
        await action.getByText('Waiting for the specialist’s decision.').waitFor();
        await form.waitFor({ state: 'detached' });
        await action.getByText(PLAN).waitFor();
        await action.getByText('Cybersecurity Policy IT-SEC-01').waitFor();
        await expectNoAxeViolations(page, 'the required action answered');
      },
    );
  }, 120_000);

  it('closes with the acceptance: the member is validated, Tier II, again', async () => {
    clock.set(days.acceptance);
    await visit(
      specialist.email,
      { path: `/cbp/validations/${validationId}`, heading: TITLE },
      async (page) => {
        const responses = page.getByRole('region', { name: 'Responses to required actions' });
        await responses.getByText(PLAN).waitFor();
        await responses
          .getByText(
            'This is the last open required action: accepting it closes the validation with the report’s outcome.',
          )
          .waitFor();
        await expectNoAxeViolations(page, 'the response waiting for a decision');
        await responses.locator('label', { hasText: 'Accept the response' }).click();
        await responses.getByRole('button', { name: 'Record the decision' }).click();
        await responses
          .getByText(
            `The validation closed on ${CLOSED_ON}: validated, meets the criteria (Tier II).`,
            { exact: false },
          )
          .waitFor();
        await expectNoAxeViolations(page, 'the closed revalidation');
      },
    );

    await visit(
      member.officer,
      { path: `/validations/${validationId}`, heading: TITLE },
      async (page) => {
        await page
          .getByRole('region', { name: 'Required actions' })
          .getByText(
            `The validation closed on ${CLOSED_ON}: validated, meets the criteria (Tier II).`,
            { exact: false },
          )
          .waitFor();
        await page.getByText('Closed', { exact: true }).first().waitFor();
        await expectNoAxeViolations(page, 'the member’s closed revalidation');

        await page.goto(`${baseUrl}/membership`);
        await page.getByRole('heading', { level: 1, name: 'CTPAT membership' }).waitFor();
        const glance = page.getByRole('region', { name: 'Membership at a glance' });
        await glance.getByText('Tier II', { exact: true }).waitFor();
        await glance.getByText(`Last validated: ${CLOSED_ON}`).waitFor();
        await expectNoAxeViolations(page, 'the membership page after the revalidation');

        // And through the API, in the officer's session.
        const call = apiCaller({ app });
        const session = await browserSession(app, page);
        const membership = (await call('GET', '/api/v1/registry/membership', session)).json();
        // The first validation stays on record (1,120 days before the seeding day); the
        // revalidation is the latest, and the 4-year clock starts again from it.
        expect(membership).toMatchObject({
          state: { status: 'validated', since: '2027-01-27' },
          tier: 'II',
          validatedOn: '2023-11-05',
          lastValidatedOn: '2027-01-27',
        });
        const validation = (
          await call('GET', `/api/v1/validations/${validationId}/required-actions`, session)
        ).json();
        expect(validation).toMatchObject({
          status: 'closed',
          outcome: 'meets',
          closedOn: '2027-01-27',
          nextRevalidationDueOn: '2031-01-27',
          open: 0,
        });
      },
    );
  }, 180_000);
});
