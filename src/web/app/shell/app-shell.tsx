import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GridColumn, GridContainer, GridRow } from '../../components/ui/grid.tsx';
import './app-shell.css';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';
import { SiteNavigation } from './site-navigation.tsx';

const NAVIGATION_ID = 'site-navigation';
export const MAIN_CONTENT_ID = 'main-content';

/**
 * The page frame every route renders in: skip link, header, side navigation, main content,
 * footer. After a client-side navigation to another page, focus moves to the main content so
 * keyboard and screen-reader users start at the new page (as after a full page load).
 */
export function AppShell() {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) {
      return;
    }
    previousPathname.current = pathname;
    setMenuOpen(false);
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="usa-skipnav" href={`#${MAIN_CONTENT_ID}`}>
        {t('app.skipToContent')}
      </a>
      <SiteHeader
        navigationId={NAVIGATION_ID}
        menuOpen={menuOpen}
        onToggleMenu={() => setMenuOpen((open) => !open)}
      />
      <GridContainer className="minh-viewport">
        <GridRow>
          <GridColumn desktop={3}>
            <SiteNavigation id={NAVIGATION_ID} open={menuOpen} />
          </GridColumn>
          <GridColumn desktop={9}>
            <main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className="padding-y-4">
              <Outlet />
            </main>
          </GridColumn>
        </GridRow>
      </GridContainer>
      <SiteFooter />
    </>
  );
}
