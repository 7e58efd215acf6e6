import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import {
  confirmTotpEnrolment,
  mfaKeys,
  mfaStatusQuery,
  totpEnrolmentQuery,
} from '../../features/mfa/api/mfa-api.ts';
import { RecoveryCodes } from '../../features/mfa/components/recovery-codes.tsx';
import { TotpCodeForm } from '../../features/mfa/components/totp-code-field.tsx';
import { useTotpCodeForm } from '../../features/mfa/use-totp-code-form.ts';
import { nextPath, sessionKey } from '../../features/session/api/session-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../shell/use-viewer.ts';

/** "J5YGK3SD…" → "J5YG K3SD …": easier to read and type; apps ignore the spaces. */
function groupsOfFour(secret: string): string {
  return secret.replaceAll(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Setting up an authenticator app: scan the QR code (or type the key), confirm with the first
 * code, then keep the recovery codes. Required before anything else for company officers and
 * CBP staff; optional for everyone else (from the security page).
 */
export function MfaEnrolPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mfaEnrol.title'));
  const search = useSearch({ from: '/account/security/enrol' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { session } = useSession();
  const userId = session.signedIn ? session.user.id : '';
  const required = session.signedIn && session.mfa === 'enrolment_required';
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const status = useQuery(mfaStatusQuery());
  const alreadyOn = status.data?.enrolled === true && recoveryCodes === null;
  const enrolment = useQuery({
    ...totpEnrolmentQuery(userId),
    enabled: status.data?.enrolled === false && recoveryCodes === null,
  });

  const form = useTotpCodeForm(confirmTotpEnrolment, (result) => {
    setRecoveryCodes(result.recoveryCodes);
    // The session now counts as verified: its permissions change.
    void queryClient.invalidateQueries({ queryKey: sessionKey });
    void queryClient.invalidateQueries({ queryKey: mfaKeys.status });
    window.scrollTo(0, 0);
  });

  if (recoveryCodes) {
    return (
      <>
        <h1 className="margin-top-0">{t('mfaEnrol.heading')}</h1>
        <Alert type="success" heading={t('mfaEnrol.doneHeading')} headingLevel="h2" role="status">
          <p className="margin-y-0">{t('mfaEnrol.done')}</p>
        </Alert>
        <RecoveryCodes
          codes={recoveryCodes}
          headingLevel="h2"
          doneLabel={t('mfaEnrol.continue')}
          onDone={() => void navigate({ href: nextPath(search.next) })}
        />
      </>
    );
  }

  return (
    <>
      <h1 className="margin-top-0">{t('mfaEnrol.heading')}</h1>
      <p className="usa-intro">{required ? t('mfaEnrol.introRequired') : t('mfaEnrol.intro')}</p>

      {status.isError ? (
        <ApiErrorAlert
          heading={t('mfaEnrol.loadError')}
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : alreadyOn ? (
        <Alert type="info" heading={t('mfaEnrol.alreadyOnHeading')} headingLevel="h2">
          <p className="margin-y-0">
            {t('mfaEnrol.alreadyOn')}{' '}
            <Link to="/account/security" className="usa-link">
              {t('mfaEnrol.goToSecurity')}
            </Link>
          </p>
        </Alert>
      ) : enrolment.isError ? (
        <ApiErrorAlert
          heading={t('mfaEnrol.loadError')}
          error={enrolment.error}
          onRetry={() => void enrolment.refetch()}
        />
      ) : enrolment.data === undefined ? (
        <p role="status" className="text-base-dark">
          {t('mfaEnrol.loading')}
        </p>
      ) : (
        <ol className="usa-process-list">
          <li className="usa-process-list__item">
            <h2 className="usa-process-list__heading">{t('mfaEnrol.step1Heading')}</h2>
            <p>{t('mfaEnrol.step1')}</p>
          </li>
          <li className="usa-process-list__item">
            <h2 className="usa-process-list__heading">{t('mfaEnrol.step2Heading')}</h2>
            <p>{t('mfaEnrol.step2')}</p>
            <img
              src={enrolment.data.qrCodeDataUrl}
              alt={t('mfaEnrol.qrAlt')}
              width={200}
              height={200}
              className="border-1px border-base-lighter"
            />
            <p>{t('mfaEnrol.manual')}</p>
            <dl className="margin-y-1">
              <dt className="font-sans-2xs text-base-dark">{t('mfaEnrol.secretLabel')}</dt>
              <dd className="margin-left-0">
                <code id="mfa-secret" className="font-mono-md text-bold">
                  {groupsOfFour(enrolment.data.secret)}
                </code>
              </dd>
            </dl>
            <p className="font-sans-2xs text-base-dark">{t('mfaEnrol.secretHint')}</p>
          </li>
          <li className="usa-process-list__item">
            <h2 className="usa-process-list__heading">{t('mfaEnrol.step3Heading')}</h2>
            <TotpCodeForm
              form={form}
              label={t('mfaEnrol.formLabel')}
              failedHeading={t('mfaEnrol.confirmFailed')}
              id="mfa-enrol-code"
              codeLabel={t('mfaEnrol.code')}
              hint={t('mfaEnrol.codeHint')}
              spellCheck={false}
              submitLabel={t('mfaEnrol.submit')}
              pendingLabel={t('mfaEnrol.submitting')}
            />
          </li>
        </ol>
      )}
    </>
  );
}
