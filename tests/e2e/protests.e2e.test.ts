import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryNumberCheckDigit } from '../../src/domain/registry/identifiers/cbp-entry-number.ts';
import { fixedClock } from '../../src/domain/time/clock.ts';
import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { expectNoAxeViolations, withPage } from '../setup/browser.ts';
import { pdfText } from '../setup/document-text.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { type OwnDemoServer, startOwnDemoServer } from '../setup/own-demo-server.ts';
import {
  PROTESTS_E2E,
  PROTESTS_E2E_TOTP_SECRET,
  recordOlderProtest,
  seedProtestsE2eFixtures,
} from '../setup/protests-e2e-fixtures.ts';
import { demoTotpCode, signIn, totpCode } from './sign-in-steps.ts';

/**
 * Protests with the verified CTPAT Trade Compliance indicator and priority review (issue 7,
 * "Done when"): a Trade Compliance member's filer files a protest with two entries and the
 * details spreadsheet; it shows the verified indicator; it comes first in the reviewer's queue,
 * above an older protest from a non-member; the reviewer denies it in part; the member sees the
 * decision and the court deadline. Axe on every screen. The journey sets up protests and a
 * reviewer of its own, so it runs its own server on its own in-memory database (demo data
 * included), serving the same web build.
 */

const DESKTOP = { width: 1280, height: 900 };
/** The refused filing and the refused spreadsheet (400) are logged by Chromium. */
const REFUSED = [/status of 400/];

const { member, older, reviewer } = PROTESTS_E2E;
const PORT = '3001';

function entryNumber(filerCode: string, transaction: string): string {
  return `${filerCode}-${transaction}-${entryNumberCheckDigit(filerCode + transaction)}`;
}
const FIRST_ENTRY = entryNumber('HV7', '4401202');
const SECOND_ENTRY = entryNumber('HV7', '4401388');
/** The second entry with its check digit off by one: the server refuses it. */
const SECOND_ENTRY_WRONG = `${SECOND_ENTRY.slice(0, -1)}${(Number(SECOND_ENTRY.at(-1)) + 1) % 10}`;

/**
 * Denied in part on Sunday 29 November 2026, the notice mailed that day: 180 days later is
 * Friday 28 May 2027, a day the court is open (28 U.S.C. 2636(a); USCIT Rule 6(a)).
 */
const COURT_DEADLINE = { iso: '2027-05-28', shown: 'May 28, 2027' };

let server: OwnDemoServer | undefined;
let browser: Browser;
let app: FastifyInstance;
let database: DatabaseHandle;
let baseUrl: string;
/** The protest the journey files (its number as CBP assigns it). */
let filed: { id: string; number: string } | null = null;

beforeAll(async () => {
  const clock = fixedClock(E2E_NOW);
  server = await startOwnDemoServer({
    clock,
    seed: async (handle, keys) => {
      database = handle;
      await seedProtestsE2eFixtures(database.db, clock, keys);
    },
  });
  ({ app, database, baseUrl, browser } = server);
  await recordOlderProtest(app);
});

afterAll(async () => {
  await server?.close();
});

/** The element that has the focus: its text, for "the summary took the focus". */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent ?? '');
}

async function fillFilingForm(page: Page): Promise<void> {
  await page.getByLabel('Port code').fill(PORT);
  await page.getByLabel('Center', { exact: true }).selectOption({
    label: 'Apparel, Footwear and Textiles (AFT)',
  });
  await page.locator('#protest-protestant-name').fill(member.name);
  await page
    .locator('#protest-protestant-address')
    .fill('1200 Harbor Avenue SW, Seattle, WA 98126');
  await page.getByLabel('Protestant type').selectOption({ label: 'Importer' });
  await page.getByLabel('Importer number', { exact: true }).fill(member.importerNumber);
  await page.locator('#protest-filer-name').fill('Dana Whitfield, Trade Compliance Manager');
  await page.locator('#protest-filer-address').fill('1200 Harbor Avenue SW, Seattle, WA 98126');
  await page.getByLabel('Capacity').selectOption({ label: 'Protestant' });

  await page.getByLabel('Entry 1, Entry number').fill(FIRST_ENTRY);
  await page.getByLabel('Entry 1, Entry date').fill('2026-06-10');
  await page.getByLabel('Entry 1, Liquidation or decision date').fill('2026-09-04');
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByLabel('Entry 2, Entry number').fill(SECOND_ENTRY_WRONG);
  await page.getByLabel('Entry 2, Entry date').fill('2026-06-24');
  await page.getByLabel('Entry 2, Liquidation or decision date').fill('2026-09-18');
  // The first row is the lead until another is chosen.
  expect(await page.getByLabel('Entry 1, Lead').isChecked()).toBe(true);

  await page
    .getByRole('group', { name: 'Decisions protested' })
    .getByText('Classification and rate')
    .click();
  // With one decision protested, the objection takes it.
  expect(await page.getByLabel('Decision', { exact: true }).inputValue()).toBe(
    'classification_and_rate',
  );
  await page.getByLabel('Category of merchandise').fill('Cotton knit shirts');
  await page.getByLabel('Description').fill('Men’s knitted shirts, 100% cotton, HTS 6105');
  await page
    .getByLabel('Objection', { exact: true })
    .fill('Classified under 6105.90 (other fibres)');
  await page
    .getByLabel('Justification')
    .fill(
      'The shirts are wholly of cotton: 6105.10.0010 applies (GRI 1). Mill certificates attached.',
    );
  await page.getByLabel('Drawback declaration').selectOption({ label: 'Not subject to drawback' });
}

describe('protests with the verified Trade Compliance indicator', () => {
  it('files a protest with two entries and its details spreadsheet, verified', async () => {
    await withPage(browser, { viewport: DESKTOP, expectedConsoleErrors: REFUSED }, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: member.email, code: demoTotpCode(0) },
        { path: '/protests', heading: 'Your company’s protests' },
      );
      await page.getByText('No protests yet.').waitFor();
      await expectNoAxeViolations(page, 'the company’s protests, none yet');
      await page.getByRole('main').getByRole('link', { name: 'File a protest' }).click();
      await page.getByRole('heading', { level: 1, name: 'File a protest' }).waitFor();
      await expectNoAxeViolations(page, 'the filing form');

      // Nothing typed: the browser lists what is missing, and the summary takes the focus.
      await page.getByRole('button', { name: 'File the protest' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'The protest was not filed' });
      await summary.waitFor();
      await summary.getByRole('link', { name: 'Port code: Enter a value.' }).waitFor();
      await expect.poll(() => focusedText(page)).toContain('Port code: Enter a value.');
      await expectNoAxeViolations(page, 'the filing form with its error summary');

      // A wrong check digit is the server's to find: its 400 lands on the second entry's
      // number, and nothing typed is lost.
      await fillFilingForm(page);
      await page.getByRole('button', { name: 'File the protest' }).click();
      const problem = summary.getByRole('link', { name: /^Entry 2, Entry number: .*check digit/ });
      await problem.waitFor();
      expect(await summary.getByRole('listitem').count()).toBe(1);
      await expect.poll(() => focusedText(page)).toContain('Entry 2, Entry number');
      const second = page.getByLabel('Entry 2, Entry number');
      expect(await second.getAttribute('aria-invalid')).toBe('true');
      expect(await second.inputValue()).toBe(SECOND_ENTRY_WRONG);
      expect(await page.getByLabel('Justification').inputValue()).toContain('GRI 1');
      await problem.click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
        .toMatch(/^protest-entries-.+-entryNumber$/);
      await expectNoAxeViolations(page, 'the filing form with the server’s field issue');

      await second.fill(SECOND_ENTRY);
      await page.getByRole('button', { name: 'File the protest' }).click();
      const heading = page.getByRole('heading', {
        level: 1,
        name: new RegExp(`^Protest ${PORT}-2026-\\d{6}$`),
      });
      await heading.waitFor();
      const number = (await heading.textContent())?.replace('Protest ', '') ?? '';
      filed = { id: page.url().split('/protests/')[1]?.split('?')[0] ?? '', number };
      await page.getByText(`Protest ${number} was filed.`).waitFor();

      // The verified indicator, derived from the registry (never typed).
      const tc = page.getByRole('region', { name: 'Trade Compliance' });
      await tc.getByText('Verified Trade Compliance', { exact: true }).waitFor();
      await tc.getByText(`Verified member at filing: ${member.legalName}`).waitFor();
      await tc.getByText(/^At filing: Active \(checked /).waitFor();
      // Both entries, timely, the first the lead.
      const entries = page.getByRole('table', { name: '2 entries' });
      expect(await entries.locator('tbody th').allTextContents()).toEqual([
        `${FIRST_ENTRY} Lead`,
        SECOND_ENTRY,
      ]);
      // Every clock with its dates and rule: the filing window of the first entry, 180 days
      // after its liquidation on 2026-09-04, ends on Wednesday 3 March 2027.
      const clocks = page.getByRole('table', {
        name: 'Deadlines and targets, with the rule each comes from',
      });
      const window = clocks.getByRole('row').filter({ hasText: `Filing window (${FIRST_ENTRY})` });
      await window.getByText('Mar 3, 2027').first().waitFor();
      await window.getByText('94 days left').waitFor();
      await window.locator('details summary').waitFor();
      await expectNoAxeViolations(page, 'a protest just filed');

      // The next step: the protest details spreadsheet. A bad one is refused whole, line by line.
      await page
        .getByRole('heading', { name: 'Next step: upload the protest details spreadsheet' })
        .waitFor();
      const bad = [
        'Entry Number,Entry Line Number,Change From,Change To,Note',
        `${FIRST_ENTRY},0,6105.90.8030,6105.10.0010,line zero`,
        `${entryNumber('ZZ9', '1000001')},2,6105.90.8030,6105.10.0010,not this protest`,
      ].join('\n');
      await page.locator('#protest-attachment-file').setInputFiles({
        name: 'details-bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(bad, 'utf8'),
      });
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      const report = page
        .getByRole('alert')
        .filter({ hasText: 'The spreadsheet has 2 problems; nothing was imported' });
      await report.waitFor();
      const lines = await report.getByRole('listitem').allTextContents();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^Line 2, Entry Line Number: must be a whole number of 1 or more/);
      expect(lines[1]).toMatch(
        /^Line 3, Entry Number: entry ZZ9-1000001-\d is not one of this protest/,
      );
      await expect.poll(() => focusedText(page)).toContain('Line 2');
      await expectNoAxeViolations(page, 'the refused spreadsheet');

      const good = [
        'Entry Number,Entry Line Number,Change From,Change To,Note',
        `${FIRST_ENTRY},1,6105.90.8030,6105.10.0010,knit shirts`,
        `${SECOND_ENTRY},3,6105.90.8030,6105.10.0010,knit shirts`,
      ].join('\n');
      await page.locator('#protest-attachment-file').setInputFiles({
        name: 'protest-details.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(good, 'utf8'),
      });
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.getByText('protest-details.csv was attached.').waitFor();
      const attachments = page.getByRole('table', { name: 'Attachments' });
      await attachments
        .getByRole('row')
        .filter({ hasText: 'protest-details.csv' })
        .getByText('Protest details spreadsheet (2 rows)')
        .waitFor();
      await page
        .getByRole('heading', { name: 'Next step: upload the protest details spreadsheet' })
        .waitFor({ state: 'detached' });
      await expectNoAxeViolations(page, 'the protest with its spreadsheet');

      // The list shows it with the indicator and the next deadline.
      await page.getByRole('link', { name: 'All protests' }).click();
      const row = page
        .getByRole('table', { name: 'Protests, newest filing first' })
        .getByRole('row')
        .filter({ hasText: number });
      await row.getByText('Verified Trade Compliance').waitFor();
      await row.getByText('Filed', { exact: true }).waitFor();
      await row.getByText(/days left/).waitFor();
      await expectNoAxeViolations(page, 'the company’s protests');
    });
  }, 240_000);

  it('puts it first in the reviewer’s queue and lets the reviewer deny it in part', async () => {
    expect(filed).not.toBeNull();
    const protest = filed ?? { id: '', number: '' };
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: reviewer.email, code: totpCode(PROTESTS_E2E_TOTP_SECRET, 0) },
        { path: '/cbp/protests', heading: 'Protest review queue' },
      );
      await page
        .getByText(
          'Deemed-denial clocks first, then verified Trade Compliance members, then the rest, oldest first.',
        )
        .waitFor();
      const queue = page.getByRole('table', { name: 'Open protests in priority order' });
      await queue.getByRole('link', { name: protest.number }).waitFor();
      // The member's protest, filed today, above the non-member's filed in May.
      expect((await queue.locator('tbody th').allTextContents()).slice(0, 2)).toEqual([
        protest.number,
        older.protestNumber,
      ]);
      const first = queue.getByRole('row').filter({ hasText: protest.number });
      await first.getByText('Verified Trade Compliance').waitFor();
      await first.getByText(/days left/).waitFor();
      const second = queue.getByRole('row').filter({ hasText: older.protestNumber });
      await second.getByText('Not verified').waitFor();
      await expectNoAxeViolations(page, 'the protest review queue');

      // Bulk assignment, confirmed with the count.
      await first.getByLabel(`Select ${protest.number}`).check();
      await page.locator('#queue-assignee').selectOption({ label: reviewer.displayName });
      await page.getByRole('button', { name: 'Assign 1 protest' }).click();
      const confirm = page.getByRole('group', {
        name: `Assign 1 protest to ${reviewer.displayName}?`,
      });
      await confirm.waitFor();
      await expectNoAxeViolations(page, 'the bulk assignment confirmation');
      await confirm.getByRole('button', { name: 'Yes, assign' }).click();
      await page.getByText('1 protest assigned.').waitFor();
      await first.getByText(reviewer.displayName).waitFor();
      await first.getByText('Under review').waitFor();

      await first.getByRole('link', { name: protest.number }).click();
      await page.getByRole('heading', { level: 1, name: `Protest ${protest.number}` }).waitFor();
      await page
        .getByRole('region', { name: 'Trade Compliance' })
        .getByText('Verified Trade Compliance', { exact: true })
        .waitFor();
      await expectNoAxeViolations(page, 'a protest for CBP');

      // Reasons are required for a denial: the browser says so before sending.
      const decide = page.getByRole('form', { name: 'Decide' });
      await decide.getByText('Denied in part', { exact: true }).click();
      await decide.getByRole('button', { name: 'Record the decision' }).click();
      await decide.getByText('Give the reasons for the denial.').waitFor();
      expect(await decide.getByLabel('Reasons').getAttribute('aria-invalid')).toBe('true');
      await decide
        .getByLabel('Reasons')
        .fill(
          'The shirts of entry line 1 are wholly of cotton and are reclassified under 6105.10.0010. The other lines remain under 6105.90.8030: the fibre content is not shown.',
        );
      await decide.getByText('Refund due').click();
      await decide.getByText('Publish the decision').click();
      await expectNoAxeViolations(page, 'the decision form');
      await decide.getByRole('button', { name: 'Record the decision' }).click();

      const decision = page.getByRole('region', { name: 'Decision', exact: true });
      await decision.getByText('Denied in part', { exact: true }).waitFor();
      await decision
        .getByText(`Last day to go to the Court of International Trade: ${COURT_DEADLINE.shown}`)
        .waitFor();
      await decision.getByText('180 days left').waitFor();
      expect(await page.getByRole('form', { name: 'Decide' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'a protest denied in part, for CBP');

      // The metrics count it among Trade Compliance members' decisions.
      await page.getByRole('link', { name: 'Protest metrics' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Protest metrics' }).waitFor();
      const byMembership = page.getByRole('table', { name: 'By Trade Compliance membership' });
      const members = byMembership
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Member', exact: true }) });
      await members.waitFor();
      expect(await members.locator('td').first().textContent()).toBe('1');
      expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
        '/api/v1/cbp/protests/metrics/export?format=csv',
      );
      await expectNoAxeViolations(page, 'the protest metrics');
    });
  }, 240_000);

  it('shows the member the decision, the court deadline and the denial notice', async () => {
    const protest = filed ?? { id: '', number: '' };
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: member.email, code: demoTotpCode(1) },
        { path: `/protests/${protest.id}`, heading: `Protest ${protest.number}` },
      );
      const decision = page.getByRole('region', { name: 'Decision', exact: true });
      await decision.getByText('Denied in part', { exact: true }).waitFor();
      await decision.getByText(/wholly of cotton and are reclassified/).waitFor();
      await decision
        .getByText(`Last day to go to the Court of International Trade: ${COURT_DEADLINE.shown}`)
        .waitFor();
      await decision.getByText('180 days left').waitFor();
      // Decided: nothing left to withdraw or upload, and the amendment is closed, saying why.
      expect(await page.getByRole('button', { name: 'Upload', exact: true }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Withdraw' }).count()).toBe(0);
      const amend = page.getByRole('button', { name: 'Amend the objections' });
      expect(await amend.isDisabled()).toBe(true);
      await page
        .getByRole('region', { name: 'Amendment' })
        .getByText(/^Not possible: The protest was decided on Nov 29, 2026/)
        .waitFor();
      await page.getByRole('cell', { name: 'Protest decided' }).waitFor();
      await expectNoAxeViolations(page, 'the member’s decided protest');

      const link = decision.getByRole('link', { name: 'Denial notice (PDF)' });
      expect(await link.getAttribute('href')).toBe(
        `/api/v1/protests/${protest.id}/denial-notice.pdf?lang=en`,
      );
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const text = await pdfText(await readFile(await download.path()));
      expect(text).toContain(protest.number);
      expect(text).toContain(COURT_DEADLINE.iso);

      await page.getByRole('link', { name: 'All protests' }).click();
      const row = page
        .getByRole('table', { name: 'Protests, newest filing first' })
        .getByRole('row')
        .filter({ hasText: protest.number });
      await row.getByText('Decided', { exact: true }).waitFor();
      // The next deadline after a denial: asking CBP to void it (90 days), then the court's.
      await row.getByText(/days left/).waitFor();
      await expectNoAxeViolations(page, 'the company’s protests after the decision');

      // In Spanish: the server's rules and reasons, translated from their codes (the
      // citations as they are), and the denial notice in Spanish.
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: 'Protestas de su empresa' }).waitFor();
      await page.goto(`${baseUrl}/protests/${protest.id}`);
      await page.getByRole('heading', { level: 1, name: `Protesta ${protest.number}` }).waitFor();
      await page
        .getByRole('region', { name: 'Modificación' })
        .getByText(/^No es posible: La protesta se resolvió el 29 nov 2026: solo puede/)
        .waitFor();
      const reglas = page.getByRole('table', {
        name: 'Plazos y metas, con la norma de la que proviene cada uno',
      });
      const plazo = reglas
        .getByRole('row')
        .filter({ hasText: `Plazo de presentación (${FIRST_ENTRY})` });
      await plazo.locator('details summary').click();
      await plazo
        .getByText(
          'La protesta se presenta dentro de los 180 días siguientes a la liquidación, y no antes. Si el último día cae en sábado, domingo o feriado federal, pasa al siguiente día hábil.',
        )
        .waitFor();
      await plazo.getByText(/^19 U\.S\.C\. 1514\(c\)\(3\)/).waitFor();
      await expectNoAxeViolations(page, 'the member’s decided protest, in Spanish');
      const aviso = page
        .getByRole('region', { name: 'Resolución', exact: true })
        .getByRole('link', { name: 'Aviso de denegación (PDF)' });
      expect(await aviso.getAttribute('href')).toBe(
        `/api/v1/protests/${protest.id}/denial-notice.pdf?lang=es`,
      );
      const [spanish] = await Promise.all([page.waitForEvent('download'), aviso.click()]);
      const texto = await pdfText(await readFile(await spanish.path()));
      expect(texto).toContain(`Aviso de denegación parcial de la protesta ${protest.number}`);
      expect(texto).toContain(`Último día (efectivo) ${COURT_DEADLINE.iso}`);
    });
  }, 180_000);
});
