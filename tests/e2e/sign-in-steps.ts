import { TOTP } from 'otpauth';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/seed/demo-accounts.ts';
import { expectNoAxeViolations } from '../setup/browser.ts';
import { E2E_NOW } from '../setup/e2e-global-setup.ts';

export const HOME_HEADING = 'The CTPAT trusted-trader program, end to end';

/**
 * The authenticator code for the app's fixed clock (E2E_NOW), `steps` 30-second steps away.
 * The server accepts the steps just before and after the current one, and each step once per
 * user (replay protection): a user signs in at most three times in a run, with steps -1, 0, +1.
 */
export function totpCode(secret: string, steps: -1 | 0 | 1): string {
  return new TOTP({ secret }).generate({ timestamp: E2E_NOW.getTime() + steps * 30_000 });
}

/** The demo accounts' shared authenticator, at a step of the fixed clock. */
export function demoTotpCode(steps: -1 | 0 | 1): string {
  return totpCode(DEMO_TOTP_SECRET, steps);
}

export interface Credentials {
  email: string;
  password?: string;
  /** The authenticator code, for accounts with two-step verification. */
  code?: string;
  /** Check each page of the way with axe (the journeys do; set-up steps need not). */
  axe?: boolean;
}

/** Signs in through the sign-in page (and the verification step) and lands on `landing`. */
export async function signIn(
  page: Page,
  baseUrl: string,
  credentials: Credentials,
  landing: { path?: string; heading: string } = { heading: HOME_HEADING },
): Promise<void> {
  await page.goto(
    `${baseUrl}/sign-in${landing.path ? `?next=${encodeURIComponent(landing.path)}` : ''}`,
  );
  await fillSignIn(page, credentials);
  if (credentials.code) {
    await page.getByRole('heading', { level: 1, name: 'Enter your verification code' }).waitFor();
    if (credentials.axe) {
      await expectNoAxeViolations(page, 'the verification step');
    }
    await page.getByLabel('6-digit code').fill(credentials.code);
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.getByRole('heading', { level: 1, name: landing.heading }).waitFor();
}

/** Fills and sends the sign-in form of the page already open. */
export async function fillSignIn(page: Page, credentials: Credentials): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  if (credentials.axe) {
    await expectNoAxeViolations(page, 'the sign-in page');
  }
  await page.getByLabel('E-mail address', { exact: true }).fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
}

/**
 * A signed-in session to start other browser contexts with (cookies only: the language choice
 * stays each test's own). One sign-in, so one authenticator code, for many tests.
 */
export async function signedInState(
  browser: Browser,
  baseUrl: string,
  credentials: Credentials,
): Promise<BrowserContextOptions['storageState']> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, baseUrl, credentials);
    const state = await context.storageState();
    return { cookies: state.cookies, origins: [] };
  } finally {
    await context.close();
  }
}
