import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProtestFilingForm } from '../../features/protests/components/protest-filing-form.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** Filing a protest for the company (issue 7, item 1). */
export function ProtestNewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('protests.new.title'));
  return (
    <>
      <p className="margin-top-0">
        <Link to="/protests" className="usa-link">
          {t('protests.back')}
        </Link>
      </p>
      <h1>{t('protests.new.title')}</h1>
      <p className="usa-intro">{t('protests.new.intro')}</p>
      <ProtestFilingForm />
    </>
  );
}
