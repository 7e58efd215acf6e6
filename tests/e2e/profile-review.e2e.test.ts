import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { ProfileVersionSchema } from '../../src/domain/security-profile/profile-review.schema.ts';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { pdfText } from '../setup/document-text.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';
import {
  PROFILE_REVIEW_E2E,
  PROFILE_REVIEW_E2E_TOTP_SECRET,
} from '../setup/profile-review-e2e-fixtures.ts';
import { signIn, totpCode } from './sign-in-steps.ts';

const baseUrl = inject('baseUrl');
const COMPANY = PROFILE_REVIEW_E2E.company.legalName;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A JSON request from the page, as the app sends it (session cookie and CSRF token). */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const response = await fetch(path, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': session.csrfToken,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
  if (answer.status >= 300) {
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  }
  return answer.json;
}

/** The specialist approves, through the API, every criterion of a version but `keep`. */
async function approveAllBut(page: Page, versionId: string, keep: string): Promise<void> {
  const version = ProfileVersionSchema.parse(
    await api(page, 'GET', `/api/v1/profiles/versions/${versionId}`),
  );
  const criterionIds = version.snapshot.criteria
    .map((criterion) => criterion.id)
    .filter((id) => id !== keep);
  const failures = await page.evaluate(
    async ({ versionId, criterionIds }) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const failed: string[] = [];
      for (const criterionId of criterionIds) {
        const response = await fetch(
          `/api/v1/profiles/versions/${versionId}/reviews/${criterionId}`,
          {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
            body: JSON.stringify({ decision: 'approved' }),
          },
        );
        if (!response.ok) failed.push(`${criterionId}: ${response.status}`);
      }
      return failed;
    },
    { versionId, criterionIds },
  );
  expect(failures).toEqual([]);
}

async function submitAsOfficer(page: Page, expectedVersion: number): Promise<string> {
  await page.goto(`${baseUrl}/profile/submit`);
  await page.getByRole('heading', { level: 1, name: 'Submit the Security Profile' }).waitFor();
  await page.getByText('the profile is ready to submit').waitFor();
  await expectNoAxeViolations(page, `the submission page (round ${expectedVersion})`);
  // Submitting without ticking the attestation is refused on the page.
  await page.getByRole('button', { name: 'Submit to CBP' }).click();
  await page.getByText('Tick the box to attest to the statement before submitting').waitFor();
  await page.getByText('I attest to the statement above on behalf of the company').click();
  await page.getByRole('button', { name: 'Submit to CBP' }).click();
  await page
    .getByRole('heading', {
      level: 1,
      name: `Security Profile, version ${expectedVersion}`,
    })
    .waitFor();
  await page.getByText('In CBP review').first().waitFor();
  await expectNoAxeViolations(page, `the submitted version ${expectedVersion}`);
  return z.uuid().parse(new URL(page.url()).pathname.split('/').at(-1));
}

describe('Security Profile submission and review', () => {
  it('the officer submits, the specialist returns one criterion, the member fixes it and resubmits, the specialist approves', {
    timeout: 300_000,
  }, async () => {
    await withPage(
      browser,
      // The journey refuses a submission without attestation in the page, no failed request.
      {},
      async (officer) => {
        await officer.clock.setFixedTime(E2E_NOW);
        await signIn(
          officer,
          baseUrl,
          {
            email: PROFILE_REVIEW_E2E.officer.email,
            code: totpCode(PROFILE_REVIEW_E2E_TOTP_SECRET, -1),
          },
          { path: '/profile/submit', heading: 'Submit the Security Profile' },
        );
        const v1 = await submitAsOfficer(officer, 1);
        // The criterion the specialist returns (chosen on the specialist's page below).
        let returnedId = '';

        await withPage(browser, {}, async (specialist) => {
          await specialist.clock.setFixedTime(E2E_NOW);
          await signIn(
            specialist,
            baseUrl,
            {
              email: PROFILE_REVIEW_E2E.specialist.email,
              code: totpCode(PROFILE_REVIEW_E2E_TOTP_SECRET, 0),
            },
            { path: '/cbp/profiles', heading: 'Security Profile reviews' },
          );
          await specialist.getByText('Only members assigned to me').click();
          await specialist.getByRole('link', { name: COMPANY }).waitFor();
          await expectNoAxeViolations(specialist, 'the review queue');
          await specialist.getByRole('link', { name: COMPANY }).click();
          await specialist
            .getByRole('heading', { level: 1, name: `${COMPANY}: Security Profile, version 1` })
            .waitFor();

          // Every criterion but one approved (the API, to keep the journey short); that one is
          // returned on the page, with a comment, and the version returned to the member.
          const version = ProfileVersionSchema.parse(
            await api(specialist, 'GET', `/api/v1/profiles/versions/${v1}`),
          );
          const returned = version.snapshot.criteria.find(
            (criterion) => criterion.designation === 'must',
          );
          if (!returned) throw new Error('the consolidator profile has no must-criterion');
          returnedId = returned.id;
          await approveAllBut(specialist, v1, returned.id);
          await specialist.reload();
          const card = specialist.locator(`#criterion-${returned.id.replace('.', '\\.')}`);
          await card.getByRole('button', { name: `Return criterion ${returned.id}` }).click();
          await card
            .getByText('Write what the member must answer or fix before returning the criterion')
            .waitFor();
          await card
            .getByLabel(`Comment on criterion ${returned.id}`)
            .fill('Name the person who checks the seals and how often.');
          await card.getByRole('button', { name: `Return criterion ${returned.id}` }).click();
          await card.getByText('Returned', { exact: true }).waitFor();
          await expectNoAxeViolations(specialist, 'the review page');
          await specialist
            .getByRole('button', { name: `Return the Security Profile of ${COMPANY}` })
            .click();
          await specialist.getByRole('button', { name: 'Yes, return it' }).click();
          await specialist.getByRole('heading', { level: 2, name: 'Decision' }).waitFor({
            state: 'detached',
          });

          // The member reads CBP's comment and fixes the answer (through the profile's API).
          await officer.goto(`${baseUrl}/profile/versions`);
          await officer
            .getByRole('heading', { level: 1, name: 'Security Profile versions' })
            .waitFor();
          await officer.getByText('Name the person who checks the seals and how often.').waitFor();
          await expectNoAxeViolations(officer, 'the history of rounds');
          await officer.getByRole('link', { name: 'Version 1' }).click();
          await officer.getByRole('heading', { name: 'CBP returned 1 criterion' }).waitFor();
          await expectNoAxeViolations(officer, 'the returned version');
          const profile = z
            .object({
              sections: z.array(
                z.object({
                  criteria: z.array(
                    z.object({
                      id: z.string(),
                      answer: z.object({ updatedAt: z.string() }).nullable(),
                    }),
                  ),
                }),
              ),
            })
            .parse(await api(officer, 'GET', '/api/v1/profile'));
          const current = profile.sections
            .flatMap((section) => section.criteria)
            .find((criterion) => criterion.id === returned.id);
          await api(officer, 'PUT', `/api/v1/profile/answers/${returned.id}`, {
            status: 'implemented',
            narrative: 'The dock supervisor checks every seal against the bill of lading daily.',
            responsibleUserId: PROFILE_REVIEW_E2E.officer.id,
            expectedUpdatedAt: current?.answer?.updatedAt ?? null,
          });
          const v2 = await submitAsOfficer(officer, 2);

          // The specialist sees what changed and approves.
          await specialist.goto(`${baseUrl}/cbp/profiles`);
          await specialist.getByRole('link', { name: COMPANY }).click();
          await specialist
            .getByRole('heading', { level: 1, name: `${COMPANY}: Security Profile, version 2` })
            .waitFor();
          const changes = specialist.getByRole('region', { name: 'What changed since version 1' });
          await changes.getByRole('link', { name: `Criterion ${returned.id}` }).waitFor();
          await changes.getByText('Name the person who checks the seals and how often.').waitFor();
          await approveAllBut(specialist, v2, returned.id);
          await specialist.reload();
          const fixed = specialist.locator(`#criterion-${returned.id.replace('.', '\\.')}`);
          await fixed.getByText('Changed since the last round').waitFor();
          await fixed.getByRole('button', { name: `Approve criterion ${returned.id}` }).click();
          await fixed.getByText('Approved', { exact: true }).waitFor();
          await expectNoAxeViolations(specialist, 'the review page, every criterion approved');
          await specialist
            .getByRole('button', { name: `Approve the Security Profile of ${COMPANY}` })
            .click();
          await specialist.getByRole('button', { name: 'Yes, approve it' }).click();
          await specialist.getByRole('heading', { level: 2, name: 'Decision' }).waitFor({
            state: 'detached',
          });
        });

        await officer.goto(`${baseUrl}/profile/versions`);
        await officer
          .getByRole('heading', { level: 1, name: 'Security Profile versions' })
          .waitFor();
        const rows = officer.getByRole('row');
        await rows.filter({ hasText: 'Version 2' }).getByText('Approved').waitFor();
        await rows.filter({ hasText: 'Version 1' }).getByText('Returned').waitFor();
        expect(await officer.getByRole('link', { name: /^Version \d$/ }).count()).toBe(2);
        await expectNoAxeViolations(officer, 'the history after approval');

        // The approved version's PDF holds the answers (issue 5, "Done when": text extraction).
        await officer.getByRole('link', { name: 'Version 2' }).click();
        const pdfLink = officer.getByRole('link', { name: 'Download PDF' });
        const [download] = await Promise.all([officer.waitForEvent('download'), pdfLink.click()]);
        expect(download.suggestedFilename()).toMatch(/^security-profile-.+-v2\.pdf$/);
        const saved = await download.path();
        const text = await pdfText(new Uint8Array(await readFile(saved)));
        expect(text).toContain(COMPANY);
        expect(text).toContain(returnedId);
        expect(text).toContain(
          'The dock supervisor checks every seal against the bill of lading daily.',
        );
      },
    );
  });
});
