import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { modulesVisibleTo } from '../../../domain/navigation/modules.ts';
import { SideNav, type SideNavEntry } from '../../components/ui/side-nav.tsx';
import { screensFor } from '../../features/modules/module-screens.ts';
import { useSession, useSignedIn, useViewer } from './use-viewer.ts';

export interface SiteNavigationProps {
  id: string;
  /** Below desktop width the navigation shows only when the menu is open. */
  open: boolean;
}

const CURRENT = { className: 'usa-current' } as const;

/**
 * The side navigation: home, then each module the viewer's role works in with the screens their
 * permissions open, then their own account. A visitor sees home and sign-in.
 */
export function SiteNavigation({ id, open }: SiteNavigationProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { session } = useSession();
  const signedIn = useSignedIn();

  const entries: SideNavEntry[] = [
    {
      id: 'home',
      link: (
        <Link to="/" activeProps={CURRENT} activeOptions={{ exact: true, includeSearch: false }}>
          {t('nav.home')}
        </Link>
      ),
    },
  ];
  if (signedIn) {
    for (const module of modulesVisibleTo(viewer)) {
      const [first, ...more] = screensFor(module.id, signedIn.permissions);
      if (!first) {
        continue;
      }
      entries.push({
        id: module.id,
        link: (
          <Link to={first.to} activeProps={CURRENT} activeOptions={{ includeSearch: false }}>
            {t(`modules.${module.id}.name`)}
          </Link>
        ),
        children: [first, ...more].map((screen) => ({
          id: screen.to,
          link: (
            <Link to={screen.to} activeProps={CURRENT} activeOptions={{ includeSearch: false }}>
              {t(screen.labelKey)}
            </Link>
          ),
        })),
      });
    }
    entries.push({
      id: 'account',
      link: (
        <Link to="/account" activeProps={CURRENT} activeOptions={{ exact: true }}>
          {t('nav.account')}
        </Link>
      ),
      children: [
        {
          id: '/account/security',
          link: (
            <Link to="/account/security" activeProps={CURRENT}>
              {t('nav.security')}
            </Link>
          ),
        },
        {
          id: '/account/sessions',
          link: (
            <Link to="/account/sessions" activeProps={CURRENT}>
              {t('nav.sessions')}
            </Link>
          ),
        },
      ],
    });
  } else if (!session.signedIn) {
    entries.push({
      id: 'sign-in',
      link: (
        <Link to="/sign-in" activeProps={CURRENT} activeOptions={{ includeSearch: false }}>
          {t('nav.signIn')}
        </Link>
      ),
    });
  }

  return (
    <nav
      id={id}
      aria-label={t('nav.label')}
      className={`${open ? 'display-block' : 'display-none'} desktop:display-block padding-y-2 desktop:padding-y-4`}
    >
      <SideNav entries={entries} />
      {!session.signedIn ? (
        <p className="font-sans-2xs text-base-dark margin-top-2">{t('nav.viewerNotice')}</p>
      ) : signedIn === null ? (
        <p className="font-sans-2xs text-base-dark margin-top-2">{t('nav.finishSignIn')}</p>
      ) : null}
    </nav>
  );
}
