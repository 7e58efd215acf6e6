import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountProfile } from '../../../domain/accounts/account.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Form, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import {
  accountKeys,
  accountProfileQuery,
  changePassword,
  requestEmailChange,
  updateAccount,
} from '../../features/account/api/account-api.ts';
import { AccountNav } from '../../features/account/components/account-nav.tsx';
import {
  NewPasswordFields,
  newPasswordProblems,
} from '../../features/account/components/new-password-fields.tsx';
import { sessionKey } from '../../features/session/api/session-api.ts';
import { changeLanguage, isLanguage, LANGUAGES, type Language } from '../../lib/i18n.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { isBlank, looksLikeEmail } from '../../lib/validators.ts';

/** The signed-in person's own account: profile and language, password, e-mail address. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const profile = useQuery(accountProfileQuery());
  return (
    <>
      <h1 className="margin-top-0">{t('account.heading')}</h1>
      <AccountNav />
      {profile.isPending ? (
        <p role="status" className="text-base-dark">
          {t('account.loading')}
        </p>
      ) : profile.isError ? (
        <ApiErrorAlert
          heading={t('account.loadError')}
          error={profile.error}
          onRetry={() => void profile.refetch()}
        />
      ) : (
        <>
          <ProfileForm key={profile.data.id} profile={profile.data} />
          <PasswordForm />
          <EmailForm currentEmail={profile.data.email} />
        </>
      )}
    </>
  );
}

type ProfileValues = { displayName: string; preferredLanguage: string };

function ProfileForm({ profile }: { profile: AccountProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initial: ProfileValues = {
    displayName: profile.displayName,
    preferredLanguage: profile.preferredLanguage,
  };
  const form = useApiForm({
    initial,
    validate: (values) => {
      const errors: FieldErrors<ProfileValues> = {};
      if (isBlank(values.displayName)) {
        errors.displayName = t('forms.errors.required');
      }
      return errors;
    },
    submit: (values) =>
      updateAccount({
        displayName: values.displayName.trim(),
        preferredLanguage: isLanguage(values.preferredLanguage) ? values.preferredLanguage : 'en',
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(accountKeys.profile, saved);
      // The header shows the name; the session view carries it.
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      void changeLanguage(saved.preferredLanguage);
    },
  });
  const languageNames: Record<Language, string> = {
    en: t('language.names.en'),
    es: t('language.names.es'),
  };
  return (
    <section aria-labelledby="account-profile" className="margin-bottom-6">
      <h2 id="account-profile">{t('account.profile.heading')}</h2>
      {form.result ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{t('account.profile.saved')}</p>
        </Alert>
      ) : null}
      <FormErrorAlert heading={t('account.profile.failed')} error={form.error} />
      <Form onSubmit={form.onSubmit} label={t('account.profile.heading')} formRef={form.formRef}>
        <TextField
          id="account-email"
          name="email"
          label={t('account.profile.email')}
          hint={t('account.profile.emailHint')}
          value={profile.email}
          readOnly
          onChange={() => undefined}
        />
        <TextField
          id="account-display-name"
          name="displayName"
          label={t('account.profile.displayName')}
          autoComplete="name"
          maxLength={100}
          value={form.values.displayName}
          error={form.errors.displayName}
          onChange={(value) => form.set('displayName', value)}
        />
        <SelectField
          id="account-language"
          name="preferredLanguage"
          label={t('account.profile.language')}
          hint={t('account.profile.languageHint')}
          value={form.values.preferredLanguage}
          error={form.errors.preferredLanguage}
          options={LANGUAGES.map((language) => ({
            value: language,
            label: languageNames[language],
          }))}
          onChange={(value) => form.set('preferredLanguage', value)}
        />
        <SubmitButton
          label={t('account.profile.submit')}
          pendingLabel={t('forms.saving')}
          pending={form.pending}
        />
      </Form>
    </section>
  );
}

type PasswordValues = {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirmation: string;
};

function PasswordForm() {
  const { t } = useTranslation();
  const form = useApiForm({
    initial: {
      currentPassword: '',
      newPassword: '',
      newPasswordConfirmation: '',
    } satisfies PasswordValues,
    validate: (values) => {
      const errors: FieldErrors<PasswordValues> = {};
      if (values.currentPassword === '') {
        errors.currentPassword = t('forms.errors.required');
      }
      const problems = newPasswordProblems(values.newPassword, values.newPasswordConfirmation);
      if (problems.password) {
        errors.newPassword = t(problems.password);
      }
      if (problems.confirmation) {
        errors.newPasswordConfirmation = t(problems.confirmation);
      }
      return errors;
    },
    submit: (values) =>
      changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    resetOnSuccess: true,
  });
  return (
    <section aria-labelledby="account-password" className="margin-bottom-6">
      <h2 id="account-password">{t('account.password.heading')}</h2>
      {form.result ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">
            {t('account.password.changed', { count: form.result.revokedSessions })}
          </p>
        </Alert>
      ) : null}
      <FormErrorAlert heading={t('account.password.failed')} error={form.error} />
      <Form onSubmit={form.onSubmit} label={t('account.password.heading')} formRef={form.formRef}>
        <TextField
          id="account-current-password"
          name="currentPassword"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          maxLength={1024}
          value={form.values.currentPassword}
          error={form.errors.currentPassword}
          onChange={(value) => form.set('currentPassword', value)}
        />
        <NewPasswordFields
          idPrefix="account-new"
          name="newPassword"
          password={form.values.newPassword}
          confirmation={form.values.newPasswordConfirmation}
          passwordError={form.errors.newPassword}
          confirmationError={form.errors.newPasswordConfirmation}
          onPassword={(value) => form.set('newPassword', value)}
          onConfirmation={(value) => form.set('newPasswordConfirmation', value)}
        />
        <SubmitButton
          label={t('account.password.submit')}
          pendingLabel={t('forms.saving')}
          pending={form.pending}
        />
      </Form>
    </section>
  );
}

type EmailValues = { newEmail: string; currentPassword: string };

function EmailForm({ currentEmail }: { currentEmail: string }) {
  const { t } = useTranslation();
  const form = useApiForm({
    initial: { newEmail: '', currentPassword: '' } satisfies EmailValues,
    validate: (values) => {
      const errors: FieldErrors<EmailValues> = {};
      if (isBlank(values.newEmail)) {
        errors.newEmail = t('forms.errors.required');
      } else if (!looksLikeEmail(values.newEmail)) {
        errors.newEmail = t('forms.errors.email');
      } else if (values.newEmail.trim().toLowerCase() === currentEmail.toLowerCase()) {
        errors.newEmail = t('account.email.same');
      }
      if (values.currentPassword === '') {
        errors.currentPassword = t('forms.errors.required');
      }
      return errors;
    },
    submit: (values) =>
      requestEmailChange({
        newEmail: values.newEmail.trim(),
        currentPassword: values.currentPassword,
      }),
    resetOnSuccess: true,
  });
  return (
    <section aria-labelledby="account-email-change">
      <h2 id="account-email-change">{t('account.email.heading')}</h2>
      <p>{t('account.email.intro')}</p>
      {form.result ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{t('account.email.sent')}</p>
        </Alert>
      ) : null}
      <FormErrorAlert heading={t('account.email.failed')} error={form.error} />
      <Form onSubmit={form.onSubmit} label={t('account.email.heading')} formRef={form.formRef}>
        <TextField
          id="account-new-email"
          name="newEmail"
          type="email"
          label={t('account.email.newEmail')}
          autoComplete="email"
          spellCheck={false}
          maxLength={254}
          value={form.values.newEmail}
          error={form.errors.newEmail}
          onChange={(value) => form.set('newEmail', value)}
        />
        <TextField
          id="account-email-password"
          name="currentPassword"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          maxLength={1024}
          value={form.values.currentPassword}
          error={form.errors.currentPassword}
          onChange={(value) => form.set('currentPassword', value)}
        />
        <SubmitButton
          label={t('account.email.submit')}
          pendingLabel={t('forms.sending')}
          pending={form.pending}
        />
      </Form>
    </section>
  );
}
