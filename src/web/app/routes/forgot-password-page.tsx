import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Form, TextField } from '../../components/ui/form-fields.tsx';
import { requestPasswordReset } from '../../features/account/api/account-api.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { isBlank, looksLikeEmail } from '../../lib/validators.ts';

type ForgotValues = { email: string };

/** Asks for a password-reset link. The answer is the same whether or not the address exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forgotPassword.title'));
  const form = useApiForm({
    initial: { email: '' } satisfies ForgotValues,
    validate: (values) => {
      const errors: FieldErrors<ForgotValues> = {};
      if (isBlank(values.email)) {
        errors.email = t('forms.errors.required');
      } else if (!looksLikeEmail(values.email)) {
        errors.email = t('forms.errors.email');
      }
      return errors;
    },
    submit: (values) => requestPasswordReset(values.email.trim()),
  });

  return (
    <div className="maxw-mobile-lg">
      <h1 className="margin-top-0">{t('forgotPassword.heading')}</h1>
      {form.result ? (
        <Alert
          type="success"
          heading={t('forgotPassword.sentHeading')}
          headingLevel="h2"
          role="status"
        >
          <p className="margin-y-0">{t('forgotPassword.sent')}</p>
        </Alert>
      ) : (
        <>
          <p className="usa-intro">{t('forgotPassword.intro')}</p>
          <FormErrorAlert
            heading={t('forgotPassword.failed')}
            headingLevel="h2"
            error={form.error}
          />
          <Form onSubmit={form.onSubmit} label={t('forgotPassword.heading')} formRef={form.formRef}>
            <TextField
              id="forgot-email"
              name="email"
              type="email"
              label={t('forgotPassword.email')}
              autoComplete="email"
              spellCheck={false}
              maxLength={254}
              value={form.values.email}
              error={form.errors.email}
              onChange={(value) => form.set('email', value)}
            />
            <SubmitButton
              label={t('forgotPassword.submit')}
              pendingLabel={t('forgotPassword.submitting')}
              pending={form.pending}
            />
          </Form>
        </>
      )}
      <p className="margin-top-3">
        <Link to="/sign-in" className="usa-link">
          {t('forgotPassword.backToSignIn')}
        </Link>
      </p>
    </div>
  );
}
