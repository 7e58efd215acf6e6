import { useTranslation } from 'react-i18next';
import { ApiError, isClientErrorCode } from '../lib/api-client.ts';
import { Alert } from './ui/alert.tsx';
import { Button } from './ui/button.tsx';

export interface ApiErrorAlertProps {
  /** What failed, as a heading ("The organisations could not be loaded"). */
  heading: string;
  headingLevel?: 'h2' | 'h3' | 'h4';
  error: Error;
  onRetry?: () => void;
}

/**
 * Shows a failed API call: the API's own message and code when it sent one, otherwise a
 * translated explanation (server unreachable, unexpected answer).
 */
export function ApiErrorAlert({
  heading,
  headingLevel = 'h2',
  error,
  onRetry,
}: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  let explanation: string;
  if (apiError === null) {
    explanation = t('errors.client.UNEXPECTED_RESPONSE');
  } else if (isClientErrorCode(apiError.code)) {
    explanation = t(`errors.client.${apiError.code}`, { status: apiError.status });
  } else {
    explanation = t('errors.apiDetails', { message: apiError.message });
  }
  return (
    <Alert type="error" heading={heading} headingLevel={headingLevel} role="alert">
      <p className="margin-top-1">{explanation}</p>
      {apiError && !isClientErrorCode(apiError.code) ? (
        <p className="font-mono-2xs text-base-dark">{t('errors.code', { code: apiError.code })}</p>
      ) : null}
      {onRetry ? (
        <Button variant="outline" onClick={onRetry} className="margin-top-1">
          {t('errors.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
