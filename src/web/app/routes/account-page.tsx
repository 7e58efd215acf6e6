import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountProfile } from '../../../domain/accounts/account.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FormSection, RequestForm, SuccessNotice } from '../../components/request-form.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import {
  accountKeys,
  accountProfileQuery,
  changePassword,
  requestEmailChange,
  updateAccount,
} from '../../features/account/api/account-api.ts';
import { AccountNav } from '../../features/account/components/account-nav.tsx';
import {
  addNewPasswordErrors,
  NewPasswordFields,
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

interface CurrentPasswordFieldProps {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** The current password, asked again before a change to the password or the e-mail address. */
function CurrentPasswordField({ id, value, error, onChange }: CurrentPasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      name="currentPassword"
      type="password"
      label={t('account.password.current')}
      autoComplete="current-password"
      maxLength={1024}
      value={value}
      error={error}
      onChange={onChange}
    />
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
    <FormSection
      id="account-profile"
      heading={t('account.profile.heading')}
      className="margin-bottom-6"
    >
      {form.result ? <SuccessNotice>{t('account.profile.saved')}</SuccessNotice> : null}
      <RequestForm
        form={form}
        label={t('account.profile.heading')}
        failedHeading={t('account.profile.failed')}
        submitLabel={t('account.profile.submit')}
        pendingLabel={t('forms.saving')}
      >
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
      </RequestForm>
    </FormSection>
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
      addNewPasswordErrors(errors, 'newPassword', values, (key) => t(key));
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
    <FormSection
      id="account-password"
      heading={t('account.password.heading')}
      className="margin-bottom-6"
    >
      {form.result ? (
        <SuccessNotice>
          {t('account.password.changed', { count: form.result.revokedSessions })}
        </SuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={t('account.password.heading')}
        failedHeading={t('account.password.failed')}
        submitLabel={t('account.password.submit')}
        pendingLabel={t('forms.saving')}
      >
        <CurrentPasswordField
          id="account-current-password"
          value={form.values.currentPassword}
          error={form.errors.currentPassword}
          onChange={(value) => form.set('currentPassword', value)}
        />
        <NewPasswordFields idPrefix="account-new" name="newPassword" form={form} />
      </RequestForm>
    </FormSection>
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
    <FormSection id="account-email-change" heading={t('account.email.heading')}>
      <p>{t('account.email.intro')}</p>
      {form.result ? <SuccessNotice>{t('account.email.sent')}</SuccessNotice> : null}
      <RequestForm
        form={form}
        label={t('account.email.heading')}
        failedHeading={t('account.email.failed')}
        submitLabel={t('account.email.submit')}
        pendingLabel={t('forms.sending')}
      >
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
        <CurrentPasswordField
          id="account-email-password"
          value={form.values.currentPassword}
          error={form.errors.currentPassword}
          onChange={(value) => form.set('currentPassword', value)}
        />
      </RequestForm>
    </FormSection>
  );
}
