import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../domain/accounts/password-policy.ts';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { isLongEnoughPassword } from '../../../lib/validators.ts';

/** The password field names of a form: `password` or `newPassword`, and its confirmation. */
export type NewPasswordNames<Name extends string> = Name | `${Name}Confirmation`;

/** What the fields need of the form's useApiForm state. */
export interface NewPasswordForm<Name extends string> {
  values: Readonly<Record<NewPasswordNames<Name>, string>>;
  errors: Readonly<Record<string, string | undefined>>;
  set: (name: NewPasswordNames<Name>, value: string) => void;
}

export interface NewPasswordFieldsProps<Name extends string> {
  idPrefix: string;
  /** The field name the API uses (`password` or `newPassword`), so its issues land here. */
  name: Name;
  form: NewPasswordForm<Name>;
}

/**
 * A new password and its confirmation, with the rules said up front (NIST SP 800-63B: length,
 * no common or breached passwords, no composition rules).
 */
export function NewPasswordFields<Name extends string>({
  idPrefix,
  name,
  form,
}: NewPasswordFieldsProps<Name>) {
  const { t } = useTranslation();
  const confirmationName: NewPasswordNames<Name> = `${name}Confirmation`;
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        name={name}
        type="password"
        label={t('forms.password.newLabel')}
        hint={
          <ul className="usa-list margin-y-05">
            <li>{t('forms.password.ruleLength', { count: PASSWORD_MIN_LENGTH })}</li>
            <li>{t('forms.password.ruleCommon')}</li>
            <li>{t('forms.password.rulePassphrase')}</li>
          </ul>
        }
        autoComplete="new-password"
        maxLength={256}
        value={form.values[name]}
        error={form.errors[name]}
        onChange={(value) => form.set(name, value)}
      />
      <TextField
        id={`${idPrefix}-confirmation`}
        name={confirmationName}
        type="password"
        label={t('forms.password.confirmLabel')}
        autoComplete="new-password"
        maxLength={256}
        value={form.values[confirmationName]}
        error={form.errors[confirmationName]}
        onChange={(value) => form.set(confirmationName, value)}
      />
    </>
  );
}

export type NewPasswordProblemKey =
  | 'forms.errors.required'
  | 'forms.password.problems.too_short'
  | 'forms.password.mismatch';

/** The browser's checks of a new password and its confirmation: translation keys of problems. */
export function newPasswordProblems(
  password: string,
  confirmation: string,
): { password?: NewPasswordProblemKey; confirmation?: NewPasswordProblemKey } {
  if (password === '') {
    return { password: 'forms.errors.required' };
  }
  if (!isLongEnoughPassword(password)) {
    return { password: 'forms.password.problems.too_short' };
  }
  if (confirmation !== password) {
    return { confirmation: 'forms.password.mismatch' };
  }
  return {};
}

/**
 * The browser's checks of a form's new password and its confirmation, added to the form's
 * errors (translated) under its field names; nothing is added when both are fine.
 */
export function addNewPasswordErrors<Name extends string>(
  errors: Partial<Record<NewPasswordNames<Name>, string>>,
  name: Name,
  values: Readonly<Record<NewPasswordNames<Name>, string>>,
  translate: (key: NewPasswordProblemKey) => string,
): void {
  const confirmationName: NewPasswordNames<Name> = `${name}Confirmation`;
  const problems = newPasswordProblems(values[name], values[confirmationName]);
  if (problems.password) {
    errors[name] = translate(problems.password);
  }
  if (problems.confirmation) {
    errors[confirmationName] = translate(problems.confirmation);
  }
}
