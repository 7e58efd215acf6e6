import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../lib/api-client.ts';
import { ApiErrorAlert } from './api-error-alert.tsx';
import { Alert } from './ui/alert.tsx';

export interface FormErrorAlertProps {
  /** What failed ("The password was not changed"). */
  heading: string;
  headingLevel?: 'h2' | 'h3' | 'h4';
  error: Error | null;
}

/**
 * Why a form's request failed: when the server named fields, a short alert pointing at them
 * (each field shows its own message); otherwise the API's message and code.
 */
export function FormErrorAlert({ heading, headingLevel = 'h3', error }: FormErrorAlertProps) {
  const { t } = useTranslation();
  if (error === null) {
    return null;
  }
  if (Object.keys(fieldErrorsOf(error)).length > 0) {
    return (
      <Alert type="error" heading={heading} headingLevel={headingLevel} role="alert" slim={false}>
        <p className="margin-y-0">{t('forms.fixFields')}</p>
      </Alert>
    );
  }
  return <ApiErrorAlert heading={heading} headingLevel={headingLevel} error={error} />;
}
