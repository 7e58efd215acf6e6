import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Form } from '../../components/ui/form-fields.tsx';
import { confirmEmailChange } from '../../features/account/api/account-api.ts';
import { sessionKey } from '../../features/session/api/session-api.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * The link sent to a new e-mail address. Confirming takes a click rather than happening on
 * arrival: mail scanners that open links must not confirm on the person's behalf.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('confirmEmail.title'));
  const { token } = useSearch({ from: '/account/confirm-email' });
  const queryClient = useQueryClient();
  const form = useApiForm({
    initial: {},
    submit: () => confirmEmailChange(token ?? ''),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });

  return (
    <div className="maxw-mobile-lg">
      <h1 className="margin-top-0">{t('confirmEmail.heading')}</h1>
      {!token ? (
        <Alert type="error" heading={t('confirmEmail.noTokenHeading')} headingLevel="h2">
          <p className="margin-y-0">{t('confirmEmail.noToken')}</p>
        </Alert>
      ) : form.result ? (
        <Alert
          type="success"
          heading={t('confirmEmail.doneHeading')}
          headingLevel="h2"
          role="status"
        >
          <p className="margin-y-0">
            {t('confirmEmail.done', { email: form.result.email })}{' '}
            <Link to="/account" className="usa-link">
              {t('confirmEmail.toAccount')}
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          <p className="usa-intro">{t('confirmEmail.intro')}</p>
          <FormErrorAlert heading={t('confirmEmail.failed')} headingLevel="h2" error={form.error} />
          <Form onSubmit={form.onSubmit} label={t('confirmEmail.heading')}>
            <SubmitButton
              label={t('confirmEmail.submit')}
              pendingLabel={t('confirmEmail.submitting')}
              pending={form.pending}
            />
          </Form>
        </>
      )}
    </div>
  );
}
