import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MODULE_IDS, MODULES } from '../../src/domain/navigation/modules.ts';
import { DEMO_ORGANISATIONS } from '../../src/server/seed/demo-organisations.ts';
import englishCore from '../../src/web/locales/en/core.json' with { type: 'json' };
import englishFeatures from '../../src/web/locales/en/features.json' with { type: 'json' };
import spanishCore from '../../src/web/locales/es/core.json' with { type: 'json' };
import spanishFeatures from '../../src/web/locales/es/features.json' with { type: 'json' };
import { expectNoAxeViolations, launchBrowser, withPage } from '../setup/browser.ts';
import { PAGING_FIXTURE_COUNT, PAGING_FIXTURE_PREFIX } from '../setup/e2e-global-setup.ts';
import { demoTotpCode, signedInState, signIn } from './sign-in-steps.ts';

const english = { ...englishCore, ...englishFeatures };
const spanish = { ...spanishCore, ...spanishFeatures };

const baseUrl = inject('baseUrl');
const webDistDir = inject('webDistDir');
const SHOTS_DIR = process.env.E2E_SCREENSHOT_DIR ?? '/tmp/shots';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const DEMO_CBP_OFFICES = DEMO_ORGANISATIONS.filter((org) => org.kind === 'cbp_office');
const DEMO_CBP_FIELD_OFFICES = DEMO_CBP_OFFICES.map((org) => org.legalName)
  .filter((name) => name.includes('Field Office'))
  .sort(byName);

const ENGLISH_HEADING = 'The CTPAT trusted-trader program, end to end';
const SPANISH_HEADING = 'El programa de comercio confiable CTPAT, de principio a fin';

const MODULE_NAMES_EN = MODULE_IDS.map((id) => english.modules[id].name);
const PLANNED_MODULES = MODULES.filter((module) => module.status === 'planned').length;
const PARTIAL_MODULES = MODULES.filter((module) => module.status === 'partial').length;

/** Every catalogue string that differs between English and Spanish and has no placeholder. */
function translatedEnglishStrings(): string[] {
  const found: string[] = [];
  const walk = (en: unknown, es: unknown) => {
    if (typeof en === 'string') {
      if (en !== es && !en.includes('{{')) {
        found.push(en);
      }
      return;
    }
    if (en && typeof en === 'object') {
      for (const [key, value] of Object.entries(en)) {
        walk(value, es && typeof es === 'object' ? Reflect.get(es, key) : undefined);
      }
    }
  };
  walk(english, spanish);
  // The language switcher names each language in itself ("English" on a Spanish page) on
  // purpose; a screen naming a document's language says it in the page's language.
  const ownNames = new Set(Object.values(english.language.names));
  return found.filter((text) => !ownNames.has(text));
}

/** English strings still shown as an element's whole text (there should be none in Spanish). */
async function visibleEnglish(page: Page): Promise<string[]> {
  const left: string[] = [];
  for (const text of translatedEnglishStrings()) {
    if ((await page.getByText(text, { exact: true }).count()) > 0) {
      left.push(text);
    }
  }
  return left;
}

let browser: Browser;
/**
 * A CBP specialist's session: the directory needs sign-in, and CBP staff read all of it. One
 * sign-in (one authenticator code) for every test that needs it.
 */
let cbpStaff: BrowserContextOptions['storageState'];

beforeAll(async () => {
  browser = await launchBrowser();
  cbpStaff = await signedInState(browser, baseUrl, {
    email: 'scss@cbp.example.gov',
    code: demoTotpCode(-1),
  });
});

afterAll(async () => {
  await browser?.close();
});

function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Rows of the table with this caption (header row excluded). */
function tableRows(page: Page, caption: string) {
  return page.getByRole('table', { name: caption }).locator('tbody tr');
}

/** Screenshots for a human to look at (not compared): E2E_SCREENSHOT_DIR, default /tmp/shots. */
async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage });
}

describe('home page', () => {
  it('introduces the product to a visitor in English, then in Spanish', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      // Before sign-in the page asks the API for nothing but the session.
      const apiCalls: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/')) {
          apiCalls.push(url.pathname);
        }
      });
      await page.goto(`${baseUrl}/`);

      await page.getByRole('heading', { level: 1, name: ENGLISH_HEADING }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      expect(await page.title()).toBe('Home | OpenCTPAT');
      await page.getByRole('banner').getByRole('link', { name: 'OpenCTPAT' }).waitFor();

      // Every module, with an honest status.
      const modules = page.getByRole('region', { name: 'Modules' });
      const moduleHeadings = await modules.getByRole('heading', { level: 3 }).allTextContents();
      expect(moduleHeadings).toEqual(MODULE_NAMES_EN);
      expect(await modules.getByText('Planned', { exact: true }).count()).toBe(PLANNED_MODULES);
      expect(await modules.getByText('Partly available', { exact: true }).count()).toBe(
        PARTIAL_MODULES,
      );

      // A way in, and no directory data for a visitor.
      const signInSection = page.getByRole('region', { name: 'Sign in to OpenCTPAT' });
      await signInSection.getByRole('link', { name: 'Sign in' }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      expect(apiCalls.filter((call) => call !== '/api/v1/auth/session')).toEqual([]);

      // The side navigation lists what a visitor may open.
      const navigation = page.getByRole('navigation', { name: 'Site' });
      await navigation.getByRole('link', { name: 'Home' }).waitFor();
      await navigation.getByRole('link', { name: 'Sign in' }).waitFor();

      await expectNoAxeViolations(page, 'the home page (English)');
      await screenshot(page, 'home-en-desktop');

      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: SPANISH_HEADING }).waitFor();
      expect(await htmlLang(page)).toBe('es');
      expect(await page.title()).toBe('Inicio | OpenCTPAT');
      await page.getByRole('heading', { level: 2, name: 'Módulos' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Registro de miembros' }).waitFor();
      expect(
        await page.getByRole('region', { name: 'Módulos' }).getByText('Planificado').count(),
      ).toBe(PLANNED_MODULES);
      await page
        .getByRole('region', { name: 'Inicie sesión en OpenCTPAT' })
        .getByRole('link', { name: 'Iniciar sesión' })
        .waitFor();
      await page.getByRole('link', { name: 'Saltar al contenido principal' }).waitFor({
        state: 'attached',
      });
      // No English left on the page.
      expect(await visibleEnglish(page)).toEqual([]);
      await page.getByRole('button', { name: 'English' }).waitFor();
      await expectNoAxeViolations(page, 'the home page (Spanish)');
      await screenshot(page, 'home-es-desktop');

      // The choice survives a reload.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: SPANISH_HEADING }).waitFor();
      expect(await htmlLang(page)).toBe('es');

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: ENGLISH_HEADING }).waitFor();
      expect(await htmlLang(page)).toBe('en');
    });
  });

  it('shows CBP staff the live organisation directory, in English and in Spanish', async () => {
    await withPage(browser, { viewport: DESKTOP, storageState: cbpStaff }, async (page) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: ENGLISH_HEADING }).waitFor();
      await page.getByRole('banner').getByText('Signed in as Angela Moreno (SCSS)').waitFor();

      // Live data from the API, seeded by the demo data set.
      const members = 'Member companies, by name';
      await tableRows(page, members)
        .filter({ hasText: 'Great Lakes Home Goods, Inc.' })
        .getByText('Importer', { exact: true })
        .waitFor();
      await tableRows(page, 'CBP offices, by name')
        .filter({ hasText: 'CBP CTPAT Field Office, Houston' })
        .waitFor();
      expect(await tableRows(page, 'CBP offices, by name').count()).toBe(DEMO_CBP_OFFICES.length);
      await page.getByText(`${DEMO_CBP_OFFICES.length} on record.`).waitFor();
      // 15 demo member companies and the paging fixtures: more than one page.
      await page.getByText('Showing the first 25; more are on record.').waitFor();

      // The navigation lists the screens of the specialist's modules.
      const navigation = page.getByRole('navigation', { name: 'Site' });
      await navigation.getByRole('link', { name: 'Organisation directory' }).waitFor();
      await navigation.getByRole('link', { name: 'Inbox' }).waitFor();
      expect(await navigation.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
      await expectNoAxeViolations(page, 'the home page of a CBP specialist');
      await screenshot(page, 'home-en-desktop-cbp');

      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: SPANISH_HEADING }).waitFor();
      await tableRows(page, 'Empresas miembro, por nombre')
        .filter({ hasText: 'Great Lakes Home Goods, Inc.' })
        .getByText('Importador', { exact: true })
        .waitFor();
      await tableRows(page, 'Empresas miembro, por nombre')
        .filter({ hasText: 'Transportes del Norte Fronterizo' })
        .getByText('Nuevo Laredo, México')
        .waitFor();
      expect(await visibleEnglish(page)).toEqual([]);
      await expectNoAxeViolations(page, 'the home page of a CBP specialist (Spanish)');
      await screenshot(page, 'home-es-desktop-cbp');
    });
  });

  it('starts in Spanish for a browser that prefers Spanish', async () => {
    await withPage(browser, { viewport: DESKTOP, locale: 'es-MX' }, async (page) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: SPANISH_HEADING }).waitFor();
      expect(await htmlLang(page)).toBe('es');
    });
  });

  it('offers a skip link that moves focus to the main content', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: ENGLISH_HEADING }).waitFor();
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      expect(await focused.textContent()).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    });
  });

  it('shows the API error message in an alert when the directory cannot be read', async () => {
    await withPage(
      browser,
      {
        viewport: DESKTOP,
        storageState: cbpStaff,
        // Chromium logs every failed response; these are the ones this test causes.
        expectedConsoleErrors: [
          /Failed to load resource: the server responded with a status of 503/,
        ],
      },
      async (page) => {
        await page.route('**/api/v1/organisations?**', (route) =>
          route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({
              error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable' },
            }),
          }),
        );
        await page.goto(`${baseUrl}/`);
        const alerts = page.getByRole('alert').filter({ hasText: 'The database is not reachable' });
        await alerts.first().waitFor({ timeout: 15_000 });
        expect(await alerts.count()).toBe(2);
        await alerts
          .first()
          .getByRole('heading', { name: 'The organisations could not be loaded' })
          .waitFor();
        await alerts.first().getByText('Error code: SERVICE_UNAVAILABLE').waitFor();
        await expectNoAxeViolations(page, 'the home page with the API failing');

        // Once the API answers again, "Try again" loads the data.
        await page.unrouteAll();
        await alerts.first().getByRole('button', { name: 'Try again' }).click();
        await page.getByText('Great Lakes Home Goods, Inc.').waitFor();
      },
    );
  });
});

describe('not-found page', () => {
  it('answers an unknown client route with a 404 page inside the site frame', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await page.goto(`${baseUrl}/no-such-page/here`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await page.getByText('There is no page at /no-such-page/here.').waitFor();
      expect(await page.title()).toBe('Page not found | OpenCTPAT');
      await page.getByRole('navigation', { name: 'Site' }).waitFor();
      await page.getByRole('contentinfo').waitFor();
      await expectNoAxeViolations(page, 'the 404 page');

      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: 'Página no encontrada' }).waitFor();
      await expectNoAxeViolations(page, 'the 404 page (Spanish)');

      await page.getByRole('main').getByRole('link', { name: 'Ir a la página de inicio' }).click();
      await page.getByRole('heading', { level: 1, name: SPANISH_HEADING }).waitFor();
    });
  });
});

describe('organisation directory', () => {
  it('asks a visitor to sign in, then shows a member only its own organisation', async () => {
    await withPage(browser, { viewport: DESKTOP }, async (page) => {
      await page.goto(`${baseUrl}/organisations`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).searchParams.get('next')).toBe('/organisations');
      // A company admin (no second factor) comes back to the directory, scoped to the company.
      await signIn(
        page,
        baseUrl,
        { email: 'admin@greatlakes.example.com' },
        { path: '/organisations', heading: 'Organisation directory' },
      );
      await page.getByText('Showing 1 organisation.', { exact: true }).waitFor();
      await tableRows(page, 'Organisations')
        .filter({ hasText: 'Great Lakes Home Goods, Inc.' })
        .waitFor();
      await expectNoAxeViolations(page, 'the organisation directory of a member');
    });
  });

  it('filters by kind and name and loads more pages', async () => {
    await withPage(browser, { viewport: DESKTOP, storageState: cbpStaff }, async (page) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: ENGLISH_HEADING }).waitFor();
      // A client-side navigation, which also loads the page's lazy chunk.
      await page
        .getByRole('navigation', { name: 'Site' })
        .getByRole('link', { name: 'Organisation directory' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
      expect(await page.title()).toBe('Organisation directory | OpenCTPAT');
      // Focus moves to the new page's content.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');

      const total = DEMO_ORGANISATIONS.length + PAGING_FIXTURE_COUNT;
      const rows = tableRows(page, 'Organisations');
      await page.getByText('Showing 25 organisations. More are available.').waitFor();
      expect(await rows.count()).toBe(25);
      await expectNoAxeViolations(page, 'the organisation directory');

      await page.getByRole('button', { name: 'Load more' }).click();
      await page.getByText(`Showing ${total} organisations.`, { exact: true }).waitFor();
      expect(await rows.count()).toBe(total);
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
      await rows.filter({ hasText: `${PAGING_FIXTURE_PREFIX} 30` }).waitFor();

      // Name search, combined with the kind filter; the URL carries both.
      await page.getByLabel('Kind of organisation').selectOption('cbp_office');
      await page.getByLabel('Name contains').fill('field office');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/organisations\?.*q=field/);
      expect(new URL(page.url()).searchParams.get('kind')).toBe('cbp_office');
      const filtered = tableRows(page, 'Organisations matching your filters');
      await page
        .getByText(`Showing ${DEMO_CBP_FIELD_OFFICES.length} organisations.`, { exact: true })
        .waitFor();
      const names = await filtered.locator('th').allInnerTexts();
      expect(names).toEqual(DEMO_CBP_FIELD_OFFICES);
      expect(await filtered.filter({ hasText: 'CBP office' }).count()).toBe(
        DEMO_CBP_FIELD_OFFICES.length,
      );
      await expectNoAxeViolations(page, 'the filtered organisation directory');

      // Paging within a search.
      await page.getByLabel('Kind of organisation').selectOption('');
      await page.getByLabel('Name contains').fill('zephyr');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('Showing 25 organisations. More are available.').waitFor();
      await page.getByRole('button', { name: 'Load more' }).click();
      await page
        .getByText(`Showing ${PAGING_FIXTURE_COUNT} organisations.`, { exact: true })
        .waitFor();

      // No match.
      await page.getByLabel('Name contains').fill('no such organisation');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('No organisation matches these filters.').waitFor();

      // Clearing the filters restores the whole directory as last seen (both pages), and the
      // fields.
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByText(`Showing ${total} organisations.`, { exact: true }).waitFor();
      expect(await page.getByLabel('Name contains').inputValue()).toBe('');
      await screenshot(page, 'organisations-en-desktop', false);
    });
  });

  it('opens a filtered view from its URL, in Spanish', async () => {
    await withPage(
      browser,
      { viewport: DESKTOP, locale: 'es', storageState: cbpStaff },
      async (page) => {
        await page.goto(`${baseUrl}/organisations?kind=member_company&q=norte`);
        await page
          .getByRole('heading', { level: 1, name: 'Directorio de organizaciones' })
          .waitFor();
        await page.getByText('Se muestra 1 organización.').waitFor();
        await tableRows(page, 'Organizaciones que coinciden con sus filtros')
          .filter({ hasText: 'Transportes del Norte Fronterizo, S.A. de C.V.' })
          .getByText('Transportista por carretera (EE. UU.–México)')
          .waitFor();
        expect(await page.getByLabel('El nombre contiene').inputValue()).toBe('norte');
        await expectNoAxeViolations(page, 'the organisation directory (Spanish)');
      },
    );
  });
});

describe('error boundary', () => {
  it('shows a friendly message with a retry when a page fails to load', async () => {
    await withPage(
      browser,
      {
        viewport: DESKTOP,
        storageState: cbpStaff,
        expectedConsoleErrors: [
          /Failed to load resource: net::ERR_FAILED/,
          // React reports the error its boundary caught.
          /Failed to fetch dynamically imported module/,
        ],
      },
      async (page) => {
        // The directory's code chunk cannot be downloaded (a network blip, a deploy in flight).
        await page.route('**/assets/organisations-page-*.js', (route) => route.abort('failed'));
        await page.goto(`${baseUrl}/organisations`);
        await page.getByRole('heading', { level: 1, name: 'Something went wrong' }).waitFor();
        await page.getByRole('alert').getByText('This page could not be displayed.').waitFor();
        // The site frame stays usable around the error.
        await page.getByRole('navigation', { name: 'Site' }).waitFor();
        await expectNoAxeViolations(page, 'the error page');

        await page.unrouteAll();
        await page.getByRole('button', { name: 'Try again' }).click();
        await page.getByRole('heading', { level: 1, name: 'Organisation directory' }).waitFor();
      },
    );
  });
});

describe('phone width', () => {
  it('collapses the navigation under a menu button and passes axe', async () => {
    // Signed in, so the header also carries the user's links (they wrap, never overflow).
    await withPage(browser, { viewport: PHONE, storageState: cbpStaff }, async (page) => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: ENGLISH_HEADING }).waitFor();
      await page.getByText('Great Lakes Home Goods, Inc.').first().waitFor();

      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(
        await page
          .locator('#site-navigation')
          .evaluate((element) => getComputedStyle(element).display),
      ).toBe('none');
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await expectNoAxeViolations(page, 'the home page at phone width');
      await screenshot(page, 'home-en-phone', false);

      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      const navigation = page.getByRole('navigation', { name: 'Site' });
      await navigation.getByRole('link', { name: 'Organisation directory' }).waitFor();
      await expectNoAxeViolations(page, 'the home page at phone width, menu open');
      await screenshot(page, 'home-en-phone-menu', false);

      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: SPANISH_HEADING }).waitFor();
      await page.getByRole('button', { name: 'Menú' }).waitFor();
      await expectNoAxeViolations(page, 'the home page at phone width (Spanish)');
      await screenshot(page, 'home-es-phone-menu', false);
      const menuEs = page.getByRole('button', { name: 'Menú' });
      await menuEs.click();
      expect(await menuEs.getAttribute('aria-expanded')).toBe('false');
      await screenshot(page, 'home-es-phone', false);
      await menuEs.click();

      // Following a link closes the menu.
      await page
        .getByRole('navigation', { name: 'Sitio' })
        .getByRole('link', { name: 'Directorio de organizaciones' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Directorio de organizaciones' }).waitFor();
      expect(await page.getByRole('button', { name: 'Menú' }).getAttribute('aria-expanded')).toBe(
        'false',
      );
      await page.getByText('Se muestran 25 organizaciones. Hay más disponibles.').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await expectNoAxeViolations(page, 'the organisation directory at phone width (Spanish)');
      await screenshot(page, 'organisations-es-phone', false);
    });
  });
});

describe('initial load budget', () => {
  it('keeps the JavaScript of the first page load within 250 KB gzipped', async () => {
    const html = await readFile(path.join(webDistDir, 'index.html'), 'utf8');
    const initialScripts = [
      ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ].map((match) => match[1] ?? '');
    expect(initialScripts.length).toBeGreaterThan(0);
    let gzippedBytes = 0;
    for (const script of initialScripts) {
      const file = await readFile(path.join(webDistDir, script.replace(/^\//, '')));
      gzippedBytes += gzipSync(file, { level: 9 }).length;
    }
    expect(gzippedBytes).toBeLessThanOrEqual(250 * 1024);
  });
});
