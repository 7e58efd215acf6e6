import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequestForm } from '../../components/request-form.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { completePasswordReset } from '../../features/account/api/account-api.ts';
import {
  addNewPasswordErrors,
  NewPasswordFields,
} from '../../features/account/components/new-password-fields.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

type ResetValues = { password: string; passwordConfirmation: string };

/** The link of a password-reset e-mail: choose a new password (every session then ends). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('resetPassword.title'));
  const { token } = useSearch({ from: '/reset-password' });
  const form = useApiForm({
    initial: { password: '', passwordConfirmation: '' } satisfies ResetValues,
    validate: (values) => {
      const errors: FieldErrors<ResetValues> = {};
      addNewPasswordErrors(errors, 'password', values, (key) => t(key));
      return errors;
    },
    submit: (values) => completePasswordReset({ token: token ?? '', password: values.password }),
  });
  const tokenInvalid = form.error instanceof ApiError && form.error.code === 'TOKEN_INVALID';

  return (
    <div className="maxw-mobile-lg">
      <h1 className="margin-top-0">{t('resetPassword.heading')}</h1>
      {!token ? (
        <Alert type="error" heading={t('resetPassword.noTokenHeading')} headingLevel="h2">
          <p className="margin-y-0">
            {t('resetPassword.noToken')}{' '}
            <Link to="/forgot-password" className="usa-link">
              {t('resetPassword.askAgain')}
            </Link>
          </p>
        </Alert>
      ) : form.result !== undefined ? (
        <Alert
          type="success"
          heading={t('resetPassword.doneHeading')}
          headingLevel="h2"
          role="status"
        >
          <p className="margin-y-0">
            {t('resetPassword.done')}{' '}
            <Link to="/sign-in" className="usa-link">
              {t('resetPassword.signIn')}
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          <p className="usa-intro">{t('resetPassword.intro')}</p>
          <RequestForm
            form={form}
            label={t('resetPassword.heading')}
            failedHeading={t('resetPassword.failed')}
            failedHeadingLevel="h2"
            afterAlert={
              tokenInvalid ? (
                <p>
                  <Link to="/forgot-password" className="usa-link">
                    {t('resetPassword.askAgain')}
                  </Link>
                </p>
              ) : null
            }
            submitLabel={t('resetPassword.submit')}
            pendingLabel={t('resetPassword.submitting')}
          >
            <NewPasswordFields idPrefix="reset" name="password" form={form} />
          </RequestForm>
        </>
      )}
    </div>
  );
}
