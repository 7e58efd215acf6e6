import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const INACTIVE = { className: 'usa-button usa-button--outline' } as const;
const ACTIVE = { className: 'usa-button' } as const;

/** The account pages, as a segmented row of links (the current one filled). */
export function AccountNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('account.navLabel')} className="margin-bottom-4">
      <ul className="usa-button-group usa-button-group--segmented">
        <li className="usa-button-group__item">
          <Link
            to="/account"
            activeOptions={{ exact: true }}
            activeProps={ACTIVE}
            inactiveProps={INACTIVE}
          >
            {t('account.nav.profile')}
          </Link>
        </li>
        <li className="usa-button-group__item">
          <Link
            to="/account/security"
            activeOptions={{ exact: true }}
            activeProps={ACTIVE}
            inactiveProps={INACTIVE}
          >
            {t('account.nav.security')}
          </Link>
        </li>
        <li className="usa-button-group__item">
          <Link to="/account/sessions" activeProps={ACTIVE} inactiveProps={INACTIVE}>
            {t('account.nav.sessions')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
