import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** Any client route that does not exist. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <>
      <h1 className="margin-top-0">{t('notFound.heading')}</h1>
      <p className="usa-intro">{t('notFound.body', { path: pathname })}</p>
      <ul className="usa-list">
        <li>
          <Link to="/" className="usa-link">
            {t('notFound.goHome')}
          </Link>
        </li>
        <li>
          <Link to="/organisations" className="usa-link">
            {t('notFound.goDirectory')}
          </Link>
        </li>
      </ul>
    </>
  );
}
