import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isGrantableToApiToken } from '../../src/domain/accounts/api-token.schema.ts';
import { ROLE_PERMISSIONS } from '../../src/domain/authorization/permissions.ts';
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import {
  demoTotpCode,
  fillSignIn,
  HOME_HEADING,
  signIn,
  signOut,
  totpCode,
} from './sign-in-steps.ts';

const baseUrl = inject('baseUrl');
const SHOTS_DIR = process.env.E2E_SCREENSHOT_DIR ?? '/tmp/shots';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

/** A new address each run, so the journey never meets an earlier run's account. */
const runId = Date.now().toString(36);
const NEW_OFFICER = {
  email: `nora.castillo.${runId}@greatlakes.example.com`,
  name: 'Nora Castillo',
  password: 'lighthouse harbour crane forty-two',
};
const NEW_CONTRIBUTOR = `sam.okafor.${runId}@greatlakes.example.com`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `identity-${name}.png`), fullPage: true });
}

function siteNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Site' });
}

/**
 * The invitation link of the newest e-mail to `address`, read from the outbox page as the
 * administrator reads it. The e-mail's link carries the server's PUBLIC_URL; the test app
 * listens elsewhere, so the path and query are opened on it.
 */
async function invitationLinkFromOutbox(page: Page, address: string): Promise<string> {
  await siteNavigation(page).getByRole('link', { name: 'Sent e-mails' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sent e-mails' }).waitFor();
  const email = page
    .getByRole('listitem')
    .filter({ hasText: `To: ${address}` })
    .first();
  await email.getByRole('heading', { name: /You are invited to Great Lakes Home Goods/ }).waitFor();
  await email.getByText('Show the message').click();
  const href = await email
    .getByRole('link', { name: /\/invitations\/accept\?token=/ })
    .getAttribute('href');
  expect(href).toBeTruthy();
  await expectNoAxeViolations(page, 'the outbox page');
  await screenshot(page, 'outbox');
  const link = new URL(href ?? '');
  return `${baseUrl}${link.pathname}${link.search}`;
}

describe('invitation, sign-up and two-step verification', () => {
  it('a company officer invites a new officer, who signs up, enrols, signs in again with a code and invites a contributor', {
    timeout: 240_000,
  }, async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      // The inviting officer (demo account, two-step verification with the demo secret). The
      // page asked for first is where sign-in leads back to.
      await page.goto(`${baseUrl}/organisation/users`);
      await fillSignIn(page, { email: 'officer@greatlakes.example.com', axe: true });
      await page.getByRole('heading', { level: 1, name: 'Enter your verification code' }).waitFor();
      await expectNoAxeViolations(page, 'the verification step');
      await screenshot(page, 'verify');
      await page.getByLabel('6-digit code').fill(demoTotpCode(-1));
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('heading', { level: 1, name: 'People and roles' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/organisation/users');
      await page.getByRole('banner').getByText('Signed in as Dana Whitfield').waitFor();
      await page
        .getByRole('table', { name: /members/ })
        .getByRole('rowheader', { name: /Marcus Bell/ })
        .waitFor();
      await expectNoAxeViolations(page, 'the people and roles page');

      await page.getByLabel('Their e-mail address').fill(NEW_OFFICER.email);
      await page.getByLabel('Role', { exact: true }).selectOption('company_officer');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page
        .getByRole('status')
        .getByText(`Invitation sent to ${NEW_OFFICER.email} as Company officer.`)
        .waitFor();
      await page
        .getByRole('table', { name: 'Invitations not yet accepted' })
        .getByRole('rowheader', { name: NEW_OFFICER.email })
        .waitFor();
      await expectNoAxeViolations(page, 'the people and roles page after inviting');
      await screenshot(page, 'invited');
      await signOut(page);
      await expectNoAxeViolations(page, 'the sign-in page after signing out');

      // The administrator reads the captured invitation e-mail in the outbox.
      await signIn(page, baseUrl, {
        email: 'administrator@cbp.example.gov',
        code: demoTotpCode(-1),
      });
      const invitationLink = await invitationLinkFromOutbox(page, NEW_OFFICER.email);
      await signOut(page);

      // The invited officer opens the link: what the invitation offers, then sign-up.
      await page.goto(invitationLink);
      await page.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
      const summary = page.getByRole('region', {
        name: 'Invitation to Great Lakes Home Goods, Inc.',
      });
      await summary.getByText('Company officer', { exact: true }).waitFor();
      await summary.getByText(NEW_OFFICER.email, { exact: true }).waitFor();
      await page.getByText('At least 12 characters.').waitFor();
      await expectNoAxeViolations(page, 'the invitation page');
      await screenshot(page, 'accept');

      // The browser's checks first: a short password and a mismatch, named beside their fields.
      await page.getByLabel('Your name').fill(NEW_OFFICER.name);
      await page.getByLabel('New password', { exact: true }).fill('too short');
      await page.getByLabel('Type the new password again').fill('something else');
      await page.getByRole('button', { name: 'Create account and join' }).click();
      await page.getByText('Use at least 12 characters.').waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('invitation-password');
      await expectNoAxeViolations(page, 'the invitation page with field errors');

      await page.getByLabel('New password', { exact: true }).fill(NEW_OFFICER.password);
      await page.getByLabel('Type the new password again').fill(NEW_OFFICER.password);
      await page.getByRole('button', { name: 'Create account and join' }).click();

      // A company officer must enrol a second factor before anything else.
      await page.getByRole('heading', { level: 1, name: 'Set up two-step verification' }).waitFor();
      await page.getByText('Your role requires two-step verification.').waitFor();
      const qr = page.getByRole('img', { name: /QR code that adds your OpenCTPAT account/ });
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      const secret = ((await page.locator('#mfa-secret').textContent()) ?? '').replaceAll(
        /\s/g,
        '',
      );
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(await page.getByLabel('6-digit code').getAttribute('autocomplete')).toBe(
        'one-time-code',
      );
      await expectNoAxeViolations(page, 'the two-step set-up page');
      await screenshot(page, 'enrol');

      await page.getByLabel('6-digit code').fill(totpCode(secret, -1));
      await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
      await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
      const recoveryCodes = await page
        .getByRole('list', { name: 'Recovery codes' })
        .getByRole('listitem')
        .allInnerTexts();
      expect(recoveryCodes.length).toBeGreaterThanOrEqual(8);
      await expectNoAxeViolations(page, 'the recovery codes');
      await screenshot(page, 'recovery-codes');
      // Moving on needs the confirmation that the codes are saved.
      await page.getByRole('button', { name: 'Continue' }).click();
      await page
        .getByText('Confirm that you saved the codes: they cannot be shown again.')
        .waitFor();
      await page.getByText('I have saved these recovery codes somewhere safe').click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { level: 1, name: HOME_HEADING }).waitFor();
      await page
        .getByText(
          'Welcome, Nora Castillo. You are working for Great Lakes Home Goods, Inc. as Company officer.',
        )
        .waitFor();
      await siteNavigation(page).getByRole('link', { name: 'People and roles' }).waitFor();
      await expectNoAxeViolations(page, 'the home page of the new officer');
      await signOut(page);

      // Signing in again takes the password and a code from the app.
      await signIn(
        page,
        baseUrl,
        { email: NEW_OFFICER.email, password: NEW_OFFICER.password, code: totpCode(secret, 0) },
        { path: '/organisation/users', heading: 'People and roles' },
      );
      await page.getByLabel('Their e-mail address').fill(NEW_CONTRIBUTOR);
      await page.getByLabel('Role', { exact: true }).selectOption('contributor');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page
        .getByRole('status')
        .getByText(`Invitation sent to ${NEW_CONTRIBUTOR} as Contributor.`)
        .waitFor();
      await page
        .getByRole('table', { name: 'Invitations not yet accepted' })
        .getByRole('rowheader', { name: NEW_CONTRIBUTOR })
        .waitFor();
      await expectNoAxeViolations(page, 'the people and roles page of the new officer');

      // The inbox: the notice of the new second factor; reading it clears the badge.
      const banner = page.getByRole('banner');
      await banner.getByRole('link', { name: /Inbox\s*\d+ unread/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
      await page.getByText(/Two-step verification was turned on at /).waitFor();
      await expectNoAxeViolations(page, 'the inbox');
      await page.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByText(/^\d+ notifications? marked as read\.$/).waitFor();
      await banner.getByRole('link', { name: 'Inbox', exact: true }).waitFor();

      // The audit trail of the organisation records the invitations.
      await siteNavigation(page).getByRole('link', { name: 'Audit trail' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
      const entries = page.getByRole('table', { name: 'Audit entries, newest first' });
      await entries.getByText('invitation.accepted', { exact: true }).waitFor();
      await page.getByLabel('Action').selectOption('invitation.created');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.getByText('Showing 2 entries.').waitFor();
      expect(
        await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href'),
      ).toContain('action=invitation.created');
      await expectNoAxeViolations(page, 'the audit trail');
      await screenshot(page, 'audit');

      // Account pages: the sessions list and the security page.
      await page.goto(`${baseUrl}/account/sessions`);
      await page.getByRole('heading', { level: 1, name: 'Where you are signed in' }).waitFor();
      await page
        .getByRole('table', { name: 'Your active sessions' })
        .getByText('This browser')
        .waitFor();
      await expectNoAxeViolations(page, 'the sessions page');
      await page.goto(`${baseUrl}/account/security`);
      await page.getByRole('heading', { level: 1, name: 'Security' }).waitFor();
      await page.getByText(`${recoveryCodes.length} recovery codes left.`).waitFor();
      await page
        .getByText('Your role requires two-step verification, so it cannot be turned off.')
        .waitFor();
      await expectNoAxeViolations(page, 'the security page');

      // The profile's language is the interface's language.
      await page.goto(`${baseUrl}/account`);
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await expectNoAxeViolations(page, 'the account page');
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.getByRole('heading', { level: 1, name: 'Su cuenta' }).waitFor();
      await page.getByText('Se guardó su perfil.').waitFor();
      await expectNoAxeViolations(page, 'the account page (Spanish)');
      await screenshot(page, 'account-es');
      await page.getByLabel('Idioma').selectOption('en');
      await page.getByRole('button', { name: 'Guardar el perfil' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await signOut(page);

      // Phone lost: a recovery code instead of the app's code, once.
      await page.goto(`${baseUrl}/sign-in`);
      await fillSignIn(page, { email: NEW_OFFICER.email, password: NEW_OFFICER.password });
      await page.getByRole('heading', { level: 1, name: 'Enter your verification code' }).waitFor();
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
      await expectNoAxeViolations(page, 'the verification step with a recovery code');
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.getByRole('heading', { level: 1, name: HOME_HEADING }).waitFor();
      await page.goto(`${baseUrl}/account/security`);
      await page.getByText(`${recoveryCodes.length - 1} recovery codes left.`).waitFor();
    });
  });

  it('offers a company admin only the roles up to their own', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      // A company admin needs no second factor.
      await signIn(page, baseUrl, { email: 'admin@greatlakes.example.com', axe: true });
      await page.getByRole('region', { name: 'Your organisation' }).waitFor();
      await siteNavigation(page).getByRole('link', { name: 'People and roles' }).click();
      await page.getByRole('heading', { level: 1, name: 'People and roles' }).waitFor();
      const roles = await page
        .getByLabel('Role', { exact: true })
        .locator('option')
        .allInnerTexts();
      expect(roles).toEqual(['Company administrator', 'Contributor', 'Consultant']);
      // The officer's role is not theirs to change.
      await page
        .getByRole('table', { name: /members/ })
        .getByRole('row', { name: /Dana Whitfield/ })
        .getByText('Company officer', { exact: true })
        .waitFor();

      // API tokens: created with a subset of the admin's permissions, shown once, revoked.
      await siteNavigation(page).getByRole('link', { name: 'API tokens' }).click();
      await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
      const permissions = page.getByRole('group', { name: 'What the token may do' });
      // One checkbox per permission the admin holds that a token may carry.
      expect(await permissions.getByRole('checkbox').count()).toBe(
        ROLE_PERMISSIONS.company_admin.filter(isGrantableToApiToken).length,
      );
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.getByText('Choose at least one permission.').waitFor();
      await page.getByLabel('Name', { exact: true }).fill(`ERP sync ${runId}`);
      await permissions.getByText("Read your organisation's record").click();
      await page.getByRole('button', { name: 'Create token' }).click();
      const created = page.getByRole('status').filter({ hasText: `ERP sync ${runId}` });
      await created.getByText('it is shown only this once').waitFor();
      expect(await page.locator('#api-token-secret').textContent()).not.toBe('');
      await expectNoAxeViolations(page, 'the API tokens page with a new token');
      await screenshot(page, 'api-tokens');
      const row = page
        .getByRole('table', { name: 'API tokens' })
        .getByRole('row', { name: new RegExp(`ERP sync ${runId}`) });
      await row.getByRole('button', { name: `Revoke ERP sync ${runId}` }).click();
      await row.getByRole('button', { name: 'Yes, revoke' }).click();
      await row.getByText('Revoked', { exact: true }).waitFor();
      await signOut(page);
    });
  });
});

describe('organisation switcher', () => {
  it('lets a consultant of two companies choose the one they act for', async () => {
    await withPage(browser, { viewport: PHONE }, async (page) => {
      await signIn(page, baseUrl, { email: 'consultant@securechain.example.com' });
      const switcher = page.getByRole('banner').getByLabel('Acting for');
      const names = await switcher.locator('option').allTextContents();
      expect([...names].sort()).toEqual([
        'Cascadia Outdoor Supply LLC',
        'Great Lakes Home Goods, Inc.',
      ]);
      const current = (await switcher.locator('option:checked').textContent()) ?? '';
      const other = names.find((name) => name !== current) ?? '';
      await page.getByText(`You are working for ${current} as Consultant.`).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await expectNoAxeViolations(page, 'the home page with the organisation switcher');

      await switcher.selectOption({ label: other });
      await page.getByText(`You are working for ${other} as Consultant.`).waitFor();
      await page.getByRole('region', { name: 'Your organisation' }).getByText(other).waitFor();
      // The choice belongs to the session: it holds after a reload.
      await page.reload();
      await page.getByText(`You are working for ${other} as Consultant.`).waitFor();

      // A page beyond the role says so (the server would refuse its requests anyway).
      await page.goto(`${baseUrl}/organisation/api-tokens`);
      await page
        .getByRole('heading', { level: 1, name: 'You do not have access to this page' })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/no-access');
      await expectNoAxeViolations(page, 'the no-access page');
    });
  });
});

describe('sign-in page', () => {
  it('shows the API message when the password is wrong, in English and in Spanish', async () => {
    await withPage(
      browser,
      {
        viewport: PHONE,
        // Chromium logs the 401 answer of a failed sign-in.
        expectedConsoleErrors: [/status of 401/],
      },
      async (page) => {
        await page.goto(`${baseUrl}/sign-in`);
        await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        // Nothing is sent without an e-mail address.
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByText('Enter a value.').first().waitFor();
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id))
          .toBe('sign-in-email');
        await fillSignIn(page, {
          email: 'contributor@greatlakes.example.com',
          password: 'not the right password',
        });
        const alert = page.getByRole('alert').filter({
          hasText: 'The e-mail address or the password is not right',
        });
        await alert.getByText('Error code: INVALID_CREDENTIALS').waitFor();
        await page.getByRole('link', { name: 'Forgot your password?' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE.width,
        );
        await expectNoAxeViolations(page, 'the sign-in page with an error');

        await page.getByRole('button', { name: 'Español' }).click();
        await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
        await page
          .getByRole('alert')
          .getByText('La dirección de correo o la contraseña no son correctas')
          .waitFor();
        await expectNoAxeViolations(page, 'the sign-in page with an error (Spanish)');
      },
    );
  });

  it('explains a single sign-on identity without an account', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await page.goto(`${baseUrl}/sign-in?error=sso_no_account`);
      await page.getByRole('heading', { name: 'No account for this sign-in' }).waitFor();
      await expectNoAxeViolations(page, 'the sign-in page after single sign-on found no account');
    });
  });

  it('asks for a password-reset link without saying whether the address has an account', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
      await expectNoAxeViolations(page, 'the password-reset request page');
      await page.getByLabel('E-mail address').fill(`nobody.${runId}@example.com`);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
      await expectNoAxeViolations(page, 'the password-reset request page, sent');
    });
  });
});
