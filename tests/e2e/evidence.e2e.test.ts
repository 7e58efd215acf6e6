import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { minimalPdf } from '../factories/evidence.factory.ts';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { signIn } from './sign-in-steps.ts';

/**
 * The evidence library (issue 5, item 4): a company admin uploads a PDF (after being told, at
 * the field, that a file is needed), sees it listed with its expiry and criterion, and opens
 * its page with the preview, the download and the criteria it supports.
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

const LIBRARY = { path: '/evidence', heading: 'Evidence library' };

describe('the evidence library', () => {
  it('uploads a PDF, lists it and previews it, accessibly', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await signIn(page, baseUrl, { email: 'admin@greatlakes.example.com' }, LIBRARY);
      await page.getByRole('heading', { name: 'Upload a document' }).waitFor();
      await expectNoAxeViolations(page, 'the evidence library');

      // No file chosen: the file field says so and takes the focus.
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      const file = page.locator('#evidence-upload-file');
      expect(await file.getAttribute('aria-invalid')).toBe('true');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('evidence-upload-file');
      await page.getByText('Choose the document to upload.').waitFor();
      await expectNoAxeViolations(page, 'the upload form with a field error');

      await file.setInputFiles({
        name: 'seal-verification.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf('Seal verification procedure'),
      });
      // The title starts as the file's name.
      expect(await page.locator('#evidence-upload-title').inputValue()).toBe('seal-verification');
      await page.locator('#evidence-upload-title').fill('Seal verification procedure');
      await page.locator('#evidence-upload-expires-on').fill('2027-06-30');
      await page
        .locator('#evidence-upload-criteria option[value="1.1"]')
        .waitFor({ state: 'attached' });
      await page.locator('#evidence-upload-criteria').selectOption(['1.1']);
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      await page.getByText('“Seal verification procedure” was added to the library.').waitFor();

      const table = page.getByRole('table', {
        name: 'The company’s evidence documents, newest first',
      });
      const row = table.getByRole('row').filter({ hasText: 'Seal verification procedure' });
      await row.waitFor();
      await row.getByText('Valid until').waitFor();
      expect(await row.textContent()).toContain('1.1');
      await expectNoAxeViolations(page, 'the library with a document');

      await row.getByRole('link', { name: 'Seal verification procedure' }).click();
      await page.getByRole('heading', { level: 1, name: 'Seal verification procedure' }).waitFor();
      const preview = page.locator('iframe[title="Preview of Seal verification procedure"]');
      await preview.waitFor();
      expect(await preview.getAttribute('src')).toMatch(
        /\/api\/v1\/evidence\/[0-9a-f-]+\/content\?inline=1$/,
      );
      const download = page.getByRole('link', { name: 'Download' });
      const href = await download.getAttribute('href');
      expect(href).toMatch(/\/api\/v1\/evidence\/[0-9a-f-]+\/content$/);
      // The download answers with the document as an attachment (the browser's own cookie).
      const response = await page.request.get(`${baseUrl}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-disposition']).toMatch(/^attachment; /);
      await page.getByRole('heading', { name: 'Criteria it supports' }).waitFor();
      await page.getByRole('button', { name: 'Unlink from criterion 1.1' }).waitFor();
      await expectNoAxeViolations(page, 'the evidence document page');
    });
  });
});
