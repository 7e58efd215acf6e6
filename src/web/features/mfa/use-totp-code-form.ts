import { useTranslation } from 'react-i18next';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { isTotpCode, normaliseTotpCode } from '../../lib/validators.ts';

type CodeValues = { code: string };

/** A form sending one authenticator code: checked in the browser, sent without its space. */
export function useTotpCodeForm<Result>(
  submit: (code: string) => Promise<Result>,
  onSuccess: (result: Result) => void,
  resetOnSuccess = false,
) {
  const { t } = useTranslation();
  return useApiForm({
    initial: { code: '' } satisfies CodeValues,
    validate: (values) => {
      const errors: FieldErrors<CodeValues> = {};
      if (!isTotpCode(values.code)) {
        errors.code = t('forms.errors.totpCode');
      }
      return errors;
    },
    submit: (values) => submit(normaliseTotpCode(values.code)),
    onSuccess,
    resetOnSuccess,
  });
}
