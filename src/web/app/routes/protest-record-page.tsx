import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProtestFilingForm } from '../../features/protests/components/protest-filing-form.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * Recording a protest filed elsewhere (ACE, paper) with the number CBP gave it, in any
 * historical form, and the day it was filed (issue 7, item 1): the filing form with two more
 * fields, the server's issues on each field.
 */
export function ProtestRecordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('protests.record.title'));
  return (
    <>
      <p className="margin-top-0">
        <Link to="/protests" className="usa-link">
          {t('protests.back')}
        </Link>
      </p>
      <h1>{t('protests.record.title')}</h1>
      <p className="usa-intro">{t('protests.record.intro')}</p>
      <ProtestFilingForm mode="record" />
    </>
  );
}
