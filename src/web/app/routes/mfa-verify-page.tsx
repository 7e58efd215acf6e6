import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestForm } from '../../components/request-form.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { TotpCodeField } from '../../features/mfa/components/totp-code-field.tsx';
import { verifyMfa } from '../../features/session/api/session-api.ts';
import { useContinueSignIn } from '../../features/session/use-continue-sign-in.ts';
import { useSignOut } from '../../features/session/use-sign-out.ts';
import { ApiError } from '../../lib/api-client.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { isBlank, isTotpCode, normaliseTotpCode } from '../../lib/validators.ts';

type VerifyValues = { code: string; recoveryCode: string };

/**
 * The second sign-in step: the 6-digit code from the authenticator app, or (phone lost) one of
 * the recovery codes.
 */
export function MfaVerifyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mfaVerify.title'));
  const search = useSearch({ from: '/sign-in/verify' });
  const continueSignIn = useContinueSignIn(search.next);
  const signOut = useSignOut();
  const [useRecovery, setUseRecovery] = useState(false);

  const form = useApiForm({
    initial: { code: '', recoveryCode: '' } satisfies VerifyValues,
    validate: (values) => {
      const errors: FieldErrors<VerifyValues> = {};
      if (useRecovery) {
        if (isBlank(values.recoveryCode)) {
          errors.recoveryCode = t('forms.errors.required');
        }
      } else if (!isTotpCode(values.code)) {
        errors.code = t('forms.errors.totpCode');
      }
      return errors;
    },
    submit: (values) =>
      verifyMfa(
        useRecovery
          ? { recoveryCode: values.recoveryCode.trim() }
          : { code: normaliseTotpCode(values.code) },
      ),
    onSuccess: continueSignIn,
  });

  // Too many wrong codes end the session: back to the password.
  const sessionEnded = form.error instanceof ApiError && form.error.code === 'UNAUTHENTICATED';

  const cancel = () => {
    if (!signOut.isPending) {
      signOut.mutate();
    }
  };

  return (
    <div className="maxw-mobile-lg">
      <h1 className="margin-top-0">{t('mfaVerify.heading')}</h1>
      <p className="usa-intro">
        {useRecovery ? t('mfaVerify.introRecovery') : t('mfaVerify.intro')}
      </p>

      <RequestForm
        form={form}
        label={t('mfaVerify.formLabel')}
        failedHeading={t('mfaVerify.failed')}
        failedHeadingLevel="h2"
        afterAlert={
          sessionEnded ? (
            <p>
              <Button variant="unstyled" onClick={cancel}>
                {t('mfaVerify.startAgain')}
              </Button>
            </p>
          ) : null
        }
        submitLabel={t('mfaVerify.submit')}
        pendingLabel={t('mfaVerify.submitting')}
      >
        {useRecovery ? (
          <TextField
            id="mfa-recovery-code"
            name="recoveryCode"
            label={t('mfaVerify.recoveryCode')}
            hint={t('mfaVerify.recoveryCodeHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={form.values.recoveryCode}
            error={form.errors.recoveryCode}
            onChange={(value) => form.set('recoveryCode', value)}
          />
        ) : (
          <TotpCodeField
            id="mfa-code"
            label={t('mfaVerify.code')}
            hint={t('mfaVerify.codeHint')}
            spellCheck={false}
            value={form.values.code}
            error={form.errors.code}
            onChange={(value) => form.set('code', value)}
          />
        )}
      </RequestForm>

      <ul className="usa-list usa-list--unstyled margin-top-3">
        <li className="margin-bottom-1">
          <Button
            variant="unstyled"
            onClick={() => {
              setUseRecovery((current) => !current);
              form.reset();
            }}
          >
            {useRecovery ? t('mfaVerify.useApp') : t('mfaVerify.useRecovery')}
          </Button>
        </li>
        <li>
          <Button variant="unstyled" onClick={cancel}>
            {t('mfaVerify.cancel')}
          </Button>
        </li>
      </ul>
    </div>
  );
}
