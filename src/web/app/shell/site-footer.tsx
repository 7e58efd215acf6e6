import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Footer } from '../../components/ui/footer.tsx';

/** Footer links and the small print: licence, and that this is not an official CBP site. */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <Footer
      navLabel={t('footer.label')}
      links={[
        <Link key="home" to="/" className="usa-footer__primary-link">
          {t('nav.home')}
        </Link>,
        <Link key="organisations" to="/organisations" className="usa-footer__primary-link">
          {t('nav.organisations')}
        </Link>,
        // Served by the API server, outside the client router.
        <a key="api-docs" href="/api/docs" className="usa-footer__primary-link">
          {t('footer.apiDocs')}
        </a>,
      ]}
    >
      <p className="margin-y-0">{t('footer.license')}</p>
      <p className="margin-y-1">{t('footer.disclaimer')}</p>
    </Footer>
  );
}
