import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { HeaderBar, MenuButton } from '../../components/ui/header.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

export interface SiteHeaderProps {
  navigationId: string;
  menuOpen: boolean;
  onToggleMenu: () => void;
}

/**
 * Product name, language switcher, and (below desktop width) the menu button that opens the
 * site navigation. No USWDS government banner: this is not an official CBP deployment.
 */
export function SiteHeader({ navigationId, menuOpen, onToggleMenu }: SiteHeaderProps) {
  const { t } = useTranslation();
  return (
    <HeaderBar
      title={<Link to="/">{t('app.name')}</Link>}
      tagline={t('app.tagline')}
      actions={
        <>
          <LanguageSwitcher />
          <MenuButton
            label={t('nav.menu')}
            expanded={menuOpen}
            controls={navigationId}
            onToggle={onToggleMenu}
          />
        </>
      }
    />
  );
}
