import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogCriterion } from '../../src/domain/criteria/catalog.schema.ts';
import { seedCatalog } from '../../src/domain/criteria/msc-seed.ts';
import { fixedClock } from '../../src/domain/time/clock.ts';
import type { DatabaseHandle } from '../../src/server/db/database.ts';
import { catalogToCsv } from '../../src/server/modules/criteria/catalog-csv.ts';
import {
  evidenceContents,
  evidenceCriterionLinks,
  evidenceFiles,
} from '../../src/server/modules/evidence/evidence.tables.ts';
import { deterministicUuid } from '../../src/server/seed/deterministic-id.ts';
import { minimalPdf } from '../factories/evidence.factory.ts';
import { expectNoAxeViolations, withPage } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import { type OwnDemoServer, startOwnDemoServer } from '../setup/own-demo-server.ts';
import { demoTotpCode, signIn } from './sign-in-steps.ts';

/**
 * The criteria catalog's administration (issue 5, item 1) and CBP's read-only view of a member's
 * evidence library (item 4). Publishing a catalog version changes the current catalog for every
 * Security Profile, and the other journeys share the global server's database: this file runs
 * its own server, on its own in-memory database with the demo data, serving the same web build.
 */

const DESKTOP = { width: 1280, height: 900 };
/** Chromium logs the refused import's answer (400) as a console error. */
const REFUSED_IMPORT = [/status of 400/];

const GREAT_LAKES = {
  id: deterministicUuid('member/great-lakes-home-goods'),
  legalName: 'Great Lakes Home Goods, Inc.',
};
const DOCUMENT = {
  title: 'Seal inspection log, March',
  filename: 'seal-inspection-log.pdf',
  bytes: minimalPdf('Seal inspection log'),
};

let server: OwnDemoServer | undefined;
let browser: Browser;
let database: DatabaseHandle;
let baseUrl: string;

/** A document in Great Lakes' library, stored as an upload stores it. */
async function seedMemberDocument(): Promise<void> {
  const id = randomUUID();
  const at = E2E_NOW;
  await database.db.insert(evidenceFiles).values({
    id,
    organisationId: GREAT_LAKES.id,
    title: DOCUMENT.title,
    originalFilename: DOCUMENT.filename,
    mediaType: 'application/pdf',
    sizeBytes: DOCUMENT.bytes.length,
    sha256: createHash('sha256').update(DOCUMENT.bytes).digest('hex'),
    uploadedAt: at,
    updatedAt: at,
  });
  await database.db.insert(evidenceContents).values({ evidenceId: id, content: DOCUMENT.bytes });
  await database.db
    .insert(evidenceCriterionLinks)
    .values({ evidenceId: id, organisationId: GREAT_LAKES.id, criterionId: '6.1', linkedAt: at });
}

beforeAll(async () => {
  const clock = fixedClock(E2E_NOW);
  server = await startOwnDemoServer({
    clock,
    seed: async (handle) => {
      database = handle;
      await seedMemberDocument();
    },
  });
  ({ database, baseUrl, browser } = server);
});

afterAll(async () => {
  await server?.close();
});

/** The seed catalog with one criterion's designation flipped and one criterion added. */
function editedCatalog(): { csv: string; flipped: CatalogCriterion; added: CatalogCriterion } {
  const criteria = seedCatalog().criteria;
  const index = criteria.findIndex(
    (criterion) =>
      criterion.applicability.importer !== undefined &&
      Object.keys(criterion.designationByEntityType).length === 0,
  );
  const original = criteria[index];
  if (!original) throw new Error('the seed has no importer criterion without overrides');
  const flipped: CatalogCriterion = {
    ...original,
    designation: original.designation === 'must' ? 'should' : 'must',
  };
  const ids = new Set(criteria.map((criterion) => criterion.id));
  let number = 90;
  while (ids.has(`6.${number}`)) number += 1;
  const added: CatalogCriterion = {
    id: `6.${number}`,
    category: 6,
    designation: 'must',
    designationByEntityType: {},
    text: 'Seal numbers are recorded electronically at stuffing.',
    guidance: null,
    applicability: { importer: 'confirmed' },
    verification: 'cbp-doc',
    sources: [],
    notes: null,
  };
  const edited = criteria.map((criterion, at) => (at === index ? flipped : criterion));
  return { csv: catalogToCsv([...edited, added]), flipped, added };
}

async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('#catalog-file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content, 'utf8'),
  });
}

describe('the criteria catalog administration', () => {
  it('reports a bad CSV row by line, imports a draft, shows its diff and publishes it', async () => {
    await withPage(
      browser,
      { viewport: DESKTOP, expectedConsoleErrors: REFUSED_IMPORT },
      async (page) => {
        await signIn(
          page,
          baseUrl,
          { email: 'program.manager@cbp.example.gov', code: demoTotpCode(0) },
          { path: '/admin/criteria', heading: 'Criteria catalog' },
        );
        // The navigation lists the screen for those who publish catalogs.
        await page.getByRole('link', { name: 'Criteria catalog', exact: true }).first().waitFor();
        const versions = page.getByRole('table', { name: 'Catalog versions, newest first' });
        const seedRow = versions.getByRole('row').filter({ hasText: '2019-11-seed' });
        await seedRow.getByText('Current').waitFor();
        expect(
          await seedRow
            .getByRole('link', { name: 'Download 2019-11-seed as CSV' })
            .getAttribute('href'),
        ).toMatch(/\/api\/v1\/criteria\/catalog\/versions\/[0-9a-f-]+\/export\?format=csv$/);
        await expectNoAxeViolations(page, 'the criteria catalog versions');

        // A file whose second criterion has a designation the catalog does not know.
        const bad = [
          'id,category,designation,text,applicability,verification',
          '1.1,1,must,Security policy,importer=confirmed,cbp-doc',
          '1.2,1,could,Risk review,importer=confirmed,cbp-doc',
        ].join('\n');
        await chooseFile(page, 'bad-2026.csv', bad);
        expect(await page.locator('#catalog-version').inputValue()).toBe('bad-2026');
        await page.getByRole('button', { name: 'Import', exact: true }).click();
        const report = page.getByRole('alert').filter({ hasText: 'The catalog was not imported' });
        await report.waitFor();
        expect(await report.getByRole('listitem').allTextContents()).toEqual([
          'Line 3, designation: must be "must" or "should"',
        ]);
        await report.getByText('1 problem; nothing was imported:').waitFor();
        // The summary takes the focus (USWDS error summary).
        await expect
          .poll(() =>
            page.evaluate(() => document.activeElement?.textContent?.includes('Line 3') ?? false),
          )
          .toBe(true);
        await expectNoAxeViolations(page, 'the import report');
        expect(await versions.getByRole('row').filter({ hasText: 'bad-2026' }).count()).toBe(0);

        // The catalog with one designation changed and one criterion added.
        const { csv, flipped, added } = editedCatalog();
        await page.locator('#catalog-version').fill('');
        await chooseFile(page, 'msc-2026-01.csv', csv);
        expect(await page.locator('#catalog-version').inputValue()).toBe('msc-2026-01');
        await page.getByRole('button', { name: 'Import', exact: true }).click();
        await page.getByText('msc-2026-01 was imported as a draft.').waitFor();
        expect(await report.count()).toBe(0);
        await versions
          .getByRole('row')
          .filter({ hasText: 'msc-2026-01' })
          .getByText('Draft')
          .waitFor();

        await page.getByRole('link', { name: 'Review and publish it' }).click();
        await page
          .getByRole('heading', { level: 1, name: 'Criteria catalog msc-2026-01' })
          .waitFor();
        const diff = page.getByRole('region', { name: 'Changes from 2019-11-seed' });
        await diff.waitFor();
        const list = (heading: string) =>
          diff.getByRole('region', { name: heading }).getByRole('listitem').allTextContents();
        expect(await list('Added: 1')).toEqual([`${added.id}: ${added.text}`]);
        const designation = await list('Designation changed: 1');
        expect(designation).toHaveLength(1);
        const [from, to] = flipped.designation === 'must' ? ['Should', 'Must'] : ['Must', 'Should'];
        expect(designation[0]).toMatch(new RegExp(`^${flipped.id.replace('.', '\\.')}: `));
        // Grouped by move: "1.1: Should → Must: Air carrier, …, Importer, …".
        expect(designation[0]).toMatch(new RegExp(`: ${from} → ${to}: .*\\bImporter\\b`));
        await diff.getByRole('heading', { name: 'Removed: 0' }).waitFor();
        // The criteria by category, the new one among them.
        const category6 = page.getByRole('table', { name: /^Category 6: / });
        await category6.getByRole('row').filter({ hasText: added.text }).waitFor();
        await expectNoAxeViolations(page, 'a draft catalog version with its diff');

        await page.getByRole('button', { name: 'Publish', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Publish msc-2026-01?' });
        await dialog.waitFor();
        await dialog
          .getByText(
            'It becomes the current catalog and can never change: 1 added, 0 removed, 1 with a new designation, 0 reworded.',
          )
          .waitFor();
        await expectNoAxeViolations(page, 'the publish confirmation');
        await dialog.getByRole('button', { name: 'Yes, publish' }).click();
        await page.getByText('msc-2026-01 is now the current catalog.').waitFor();
        await page
          .getByRole('button', { name: 'Publish', exact: true })
          .waitFor({ state: 'detached' });

        await page.getByRole('link', { name: 'All catalog versions' }).click();
        const published = versions.getByRole('row').filter({ hasText: 'msc-2026-01' });
        await published.getByText('Current').waitFor();
        await published.getByText('by Karen Adeyemi (Program Manager)').waitFor();
        await seedRow.getByText('Published').waitFor();
        expect(await seedRow.getByText('Current').count()).toBe(0);
        await expectNoAxeViolations(page, 'the versions after publishing');
      },
    );
  }, 180_000);
});

describe('CBP reading a member company’s evidence library', () => {
  it('opens the library from the member file and downloads a document', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(
        page,
        baseUrl,
        { email: 'scss@cbp.example.gov', code: demoTotpCode(0) },
        {
          path: `/cbp/members/${GREAT_LAKES.id}`,
          heading: `${GREAT_LAKES.legalName}: CTPAT file`,
        },
      );
      await page.getByRole('main').getByRole('link', { name: 'Evidence library' }).click();
      await page
        .getByRole('heading', { level: 1, name: `${GREAT_LAKES.legalName}: evidence library` })
        .waitFor();
      const table = page.getByRole('table', {
        name: 'The company’s evidence documents, newest first',
      });
      const row = table.getByRole('row').filter({ hasText: DOCUMENT.title });
      await row.waitFor();
      expect(await row.textContent()).toContain('6.1');
      // Read-only: nothing to upload.
      expect(await page.getByRole('heading', { name: 'Upload a document' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'a member’s evidence library for CBP');

      const link = row.getByRole('link', { name: DOCUMENT.title });
      expect(await link.getAttribute('href')).toMatch(
        new RegExp(`^/api/v1/registry/members/${GREAT_LAKES.id}/evidence/[0-9a-f-]+/content$`),
      );
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(DOCUMENT.filename);
      const saved = await download.path();
      expect((await readFile(saved)).equals(DOCUMENT.bytes)).toBe(true);

      // The filters work on the member's library as on the company's own.
      await page.getByLabel('Title contains').fill('no such document');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('No documents.').waitFor();
    });
  });
});
