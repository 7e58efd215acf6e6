import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab's title ("Organisation directory | OpenCTPAT") in the current language. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page });
  }, [page, t]);
}
