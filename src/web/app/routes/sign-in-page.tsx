import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Form, TextField } from '../../components/ui/form-fields.tsx';
import { OIDC_START_URL, oidcStatusQuery, signIn } from '../../features/session/api/session-api.ts';
import { useContinueSignIn } from '../../features/session/use-continue-sign-in.ts';
import { ApiError } from '../../lib/api-client.ts';
import { changeLanguage } from '../../lib/i18n.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { isBlank, looksLikeEmail } from '../../lib/validators.ts';

type SignInValues = { email: string; password: string };

function errorHeading(error: Error | null, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') {
    return t('signIn.errors.invalidCredentials');
  }
  if (error instanceof ApiError && error.code === 'RATE_LIMITED') {
    return t('signIn.errors.rateLimited');
  }
  return t('signIn.errors.failed');
}

/** E-mail and password; then the second factor when the account has one (or must set one up). */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const search = useSearch({ from: '/sign-in' });
  const oidc = useQuery(oidcStatusQuery());
  const continueSignIn = useContinueSignIn(search.next);

  const form = useApiForm({
    initial: { email: '', password: '' } satisfies SignInValues,
    validate: (values) => {
      const errors: FieldErrors<SignInValues> = {};
      if (isBlank(values.email)) {
        errors.email = t('forms.errors.required');
      } else if (!looksLikeEmail(values.email)) {
        errors.email = t('forms.errors.email');
      }
      if (values.password === '') {
        errors.password = t('forms.errors.required');
      }
      return errors;
    },
    submit: (values) => signIn({ email: values.email.trim(), password: values.password }),
    onSuccess: (view) => {
      if (view.signedIn) {
        // The account's language wins over the browser's, as on every later visit.
        void changeLanguage(view.user.preferredLanguage);
      }
      continueSignIn(view);
    },
  });

  return (
    <div className="maxw-mobile-lg">
      <h1 className="margin-top-0">{t('signIn.heading')}</h1>
      <p className="usa-intro">{t('signIn.intro')}</p>

      {search.reason === 'expired' ? (
        <Alert type="info" slim role="status">
          <p className="margin-y-0">{t('signIn.reasons.expired')}</p>
        </Alert>
      ) : null}
      {search.reason === 'signed_out' ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{t('signIn.reasons.signedOut')}</p>
        </Alert>
      ) : null}
      {search.error === 'sso_no_account' ? (
        <Alert type="warning" heading={t('signIn.sso.noAccountHeading')} headingLevel="h2">
          <p className="margin-y-0">{t('signIn.sso.noAccount')}</p>
        </Alert>
      ) : search.error ? (
        <Alert type="error" heading={t('signIn.sso.failedHeading')} headingLevel="h2">
          <p className="margin-y-0">{t('signIn.sso.failed')}</p>
        </Alert>
      ) : null}

      <FormErrorAlert heading={errorHeading(form.error, t)} headingLevel="h2" error={form.error} />

      <Form onSubmit={form.onSubmit} label={t('signIn.formLabel')} formRef={form.formRef}>
        <TextField
          id="sign-in-email"
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="username"
          spellCheck={false}
          maxLength={254}
          value={form.values.email}
          error={form.errors.email}
          onChange={(value) => form.set('email', value)}
        />
        <TextField
          id="sign-in-password"
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          maxLength={1024}
          value={form.values.password}
          error={form.errors.password}
          onChange={(value) => form.set('password', value)}
        />
        <SubmitButton
          label={t('signIn.submit')}
          pendingLabel={t('signIn.submitting')}
          pending={form.pending}
        />
        <p className="margin-top-2">
          <Link to="/forgot-password" className="usa-link">
            {t('signIn.forgotPassword')}
          </Link>
        </p>
      </Form>

      {oidc.data?.enabled ? (
        <section
          aria-labelledby="sign-in-sso"
          className="margin-top-4 border-top-1px border-base-lighter padding-top-2"
        >
          <h2 id="sign-in-sso" className="font-sans-md">
            {t('signIn.sso.heading')}
          </h2>
          {/* A full-page navigation: the provider's sign-in page comes next. */}
          <a href={OIDC_START_URL} className="usa-button usa-button--outline">
            {t('signIn.sso.button', { name: oidc.data.displayName ?? t('signIn.sso.defaultName') })}
          </a>
        </section>
      ) : null}

      <p className="margin-top-4 text-base-dark">{t('signIn.noAccount')}</p>
    </div>
  );
}
