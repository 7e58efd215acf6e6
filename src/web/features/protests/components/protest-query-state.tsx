import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtestView } from '../../../../domain/protests/protest-api.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { ApiError } from '../../../lib/api-client.ts';

/**
 * A protest page while its protest loads: the loading line, "not found" under the page's
 * heading (another company's protest is a 404), any other error with a retry, else the page.
 * The member's and CBP's protest pages share it.
 */
export function ProtestQueryState({
  protest,
  heading,
  children,
}: {
  protest: UseQueryResult<ProtestView>;
  heading: string;
  children: (protest: ProtestView) => ReactNode;
}) {
  const { t } = useTranslation();
  if (protest.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('profileReview.loading')}
      </p>
    );
  }
  if (protest.isError) {
    return protest.error instanceof ApiError && protest.error.code === 'NOT_FOUND' ? (
      <>
        <h1>{heading}</h1>
        <Alert type="warning" slim>
          <p className="margin-y-0">{t('protests.notFound')}</p>
        </Alert>
      </>
    ) : (
      <ApiErrorAlert
        heading={t('protests.loadError')}
        error={protest.error}
        onRetry={() => void protest.refetch()}
      />
    );
  }
  return <>{children(protest.data)}</>;
}
