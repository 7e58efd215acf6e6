import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../domain/accounts/password-policy.ts';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { isLongEnoughPassword } from '../../../lib/validators.ts';

export interface NewPasswordFieldsProps {
  idPrefix: string;
  /** The field names the API uses (`password` or `newPassword`), so its issues land here. */
  name: string;
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  passwordError?: string | undefined;
  confirmationError?: string | undefined;
}

/**
 * A new password and its confirmation, with the rules said up front (NIST SP 800-63B: length,
 * no common or breached passwords, no composition rules).
 */
export function NewPasswordFields({
  idPrefix,
  name,
  password,
  confirmation,
  onPassword,
  onConfirmation,
  passwordError,
  confirmationError,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
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
        value={password}
        error={passwordError}
        onChange={onPassword}
      />
      <TextField
        id={`${idPrefix}-confirmation`}
        name={`${name}Confirmation`}
        type="password"
        label={t('forms.password.confirmLabel')}
        autoComplete="new-password"
        maxLength={256}
        value={confirmation}
        error={confirmationError}
        onChange={onConfirmation}
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
