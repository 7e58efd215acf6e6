import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { modulesVisibleTo } from '../../../domain/navigation/modules.ts';
import { SideNav, type SideNavEntry } from '../../components/ui/side-nav.tsx';
import { MODULE_SCREENS } from '../../features/modules/module-screens.ts';
import { useViewer } from './use-viewer.ts';

export interface SiteNavigationProps {
  id: string;
  /** Below desktop width the navigation shows only when the menu is open. */
  open: boolean;
}

const CURRENT = { className: 'usa-current' } as const;

/** The side navigation: home, then each module the viewer's roles see, with its screens. */
export function SiteNavigation({ id, open }: SiteNavigationProps) {
  const { t } = useTranslation();
  const viewer = useViewer();

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
  for (const module of modulesVisibleTo(viewer)) {
    const [first, ...more] = MODULE_SCREENS[module.id] ?? [];
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

  return (
    <nav
      id={id}
      aria-label={t('nav.label')}
      className={`${open ? 'display-block' : 'display-none'} desktop:display-block padding-y-2 desktop:padding-y-4`}
    >
      <SideNav entries={entries} />
      {viewer.kind === 'anonymous' ? (
        <p className="font-sans-2xs text-base-dark margin-top-2">{t('nav.viewerNotice')}</p>
      ) : null}
    </nav>
  );
}
