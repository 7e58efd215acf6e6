import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Form } from '../../components/ui/form-fields.tsx';
import { completePasswordReset } from '../../features/account/api/account-api.ts';
import {
  NewPasswordFields,
  newPasswordProblems,
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
      const problems = newPasswordProblems(values.password, values.passwordConfirmation);
      if (problems.password) {
        errors.password = t(problems.password);
      }
      if (problems.confirmation) {
        errors.passwordConfirmation = t(problems.confirmation);
      }
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
          <FormErrorAlert
            heading={t('resetPassword.failed')}
            headingLevel="h2"
            error={form.error}
          />
          {tokenInvalid ? (
            <p>
              <Link to="/forgot-password" className="usa-link">
                {t('resetPassword.askAgain')}
              </Link>
            </p>
          ) : null}
          <Form onSubmit={form.onSubmit} label={t('resetPassword.heading')} formRef={form.formRef}>
            <NewPasswordFields
              idPrefix="reset"
              name="password"
              password={form.values.password}
              confirmation={form.values.passwordConfirmation}
              passwordError={form.errors.password}
              confirmationError={form.errors.passwordConfirmation}
              onPassword={(value) => form.set('password', value)}
              onConfirmation={(value) => form.set('passwordConfirmation', value)}
            />
            <SubmitButton
              label={t('resetPassword.submit')}
              pendingLabel={t('resetPassword.submitting')}
              pending={form.pending}
            />
          </Form>
        </>
      )}
    </div>
  );
}
