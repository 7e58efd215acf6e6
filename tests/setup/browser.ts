import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

/**
 * Browser journeys run in Debian's Chromium (architecture.md, "Tests"): `npx playwright install`
 * cannot download browsers here. CHROMIUM_PATH overrides the location.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** The browser's preferred language (navigator.languages); English unless set. */
  locale?: string;
  /**
   * Console errors this journey provokes on purpose (e.g. "Failed to load resource" for a
   * response the test makes fail). Any other console error fails the test.
   */
  expectedConsoleErrors?: readonly RegExp[];
  /** Cookies (a signed-in session) to start with, e.g. from `context.storageState()`. */
  storageState?: BrowserContextOptions['storageState'];
}

/**
 * Runs `journey` in a fresh browser context (own cookies and localStorage), recording console
 * errors and uncaught page errors; either fails the test, listed after the journey ends.
 */
export async function withPage(
  browser: Browser,
  options: PageOptions,
  journey: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'en-US',
    ...(options.storageState ? { storageState: options.storageState } : {}),
  });
  const problems: string[] = [];
  const expected = options.expectedConsoleErrors ?? [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') {
        return;
      }
      const text = message.text();
      if (!expected.some((pattern) => pattern.test(text))) {
        const location = message.location();
        problems.push(`console error: ${text} (${location.url}:${location.lineNumber})`);
      }
    });
    page.on('pageerror', (error) => {
      problems.push(`uncaught page error: ${error.stack ?? error.message}`);
    });
    await journey(page);
  } finally {
    await context.close();
  }
  if (problems.length > 0) {
    throw new Error(`The page reported errors:\n${problems.join('\n')}`);
  }
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** Fails listing every axe-core WCAG 2.1 A/AA violation: rule id, impact, help and targets. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze();
  if (results.violations.length === 0) {
    return;
  }
  const report = results.violations.map((violation) => {
    const targets = violation.nodes
      .map(
        (node) =>
          `    - ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
      )
      .join('\n');
    return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n${targets}`;
  });
  throw new Error(
    `axe-core found ${results.violations.length} WCAG 2.1 AA violation(s) on ${where}:\n${report.join('\n')}`,
  );
}
