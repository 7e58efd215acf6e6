import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaStatus } from '../../../domain/accounts/mfa.schema.ts';
import { MFA_REQUIRED_ROLES } from '../../../domain/authorization/permissions.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FormSection, SuccessNotice } from '../../components/request-form.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import { AccountNav } from '../../features/account/components/account-nav.tsx';
import {
  disableTotp,
  mfaKeys,
  mfaStatusQuery,
  regenerateRecoveryCodes,
} from '../../features/mfa/api/mfa-api.ts';
import { RecoveryCodes } from '../../features/mfa/components/recovery-codes.tsx';
import { TotpCodeForm } from '../../features/mfa/components/totp-code-field.tsx';
import { useTotpCodeForm } from '../../features/mfa/use-totp-code-form.ts';
import { sessionKey } from '../../features/session/api/session-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSignedIn } from '../shell/use-viewer.ts';

/** Two-step verification: whether it is on, new recovery codes, turning it off when allowed. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('security.title'));
  const status = useQuery(mfaStatusQuery());
  return (
    <>
      <h1 className="margin-top-0">{t('security.heading')}</h1>
      <AccountNav />
      {status.isPending ? (
        <p role="status" className="text-base-dark">
          {t('security.loading')}
        </p>
      ) : status.isError ? (
        <ApiErrorAlert
          heading={t('security.loadError')}
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : (
        <SecurityDetails status={status.data} />
      )}
    </>
  );
}

function SecurityDetails({ status }: { status: MfaStatus }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const roles = session
    ? [session.role, ...session.memberships.map((membership) => membership.role)]
    : [];
  const mustKeep = roles.some((role) => role !== null && MFA_REQUIRED_ROLES.has(role));

  return (
    <>
      <section aria-labelledby="security-status" className="margin-bottom-6">
        <h2 id="security-status">{t('security.statusHeading')}</h2>
        <p>
          {status.enrolled ? (
            <Tag tone="success">{t('security.on')}</Tag>
          ) : (
            <Tag>{t('security.off')}</Tag>
          )}
        </p>
        {status.enrolled ? (
          <p>{t('security.recoveryLeft', { count: status.recoveryCodesRemaining })}</p>
        ) : (
          <>
            <p>{t('security.offExplain')}</p>
            <Link to="/account/security/enrol" className="usa-button">
              {t('security.setUp')}
            </Link>
          </>
        )}
      </section>
      {status.enrolled ? (
        <>
          <RegenerateForm />
          {mustKeep ? (
            <FormSection id="security-disable" heading={t('security.disable.heading')}>
              <p>{t('security.disable.required')}</p>
            </FormSection>
          ) : (
            <DisableForm />
          )}
        </>
      ) : null}
    </>
  );
}

function RegenerateForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useTotpCodeForm(
    regenerateRecoveryCodes,
    (result) => {
      setCodes(result.recoveryCodes);
      void queryClient.invalidateQueries({ queryKey: mfaKeys.status });
    },
    true,
  );
  return (
    <FormSection
      id="security-regenerate"
      heading={t('security.regenerate.heading')}
      className="margin-bottom-6"
    >
      {codes ? (
        <RecoveryCodes
          codes={codes}
          headingLevel="h3"
          doneLabel={t('security.regenerate.done')}
          onDone={() => setCodes(null)}
        />
      ) : (
        <>
          <p>{t('security.regenerate.intro')}</p>
          <TotpCodeForm
            form={form}
            label={t('security.regenerate.heading')}
            failedHeading={t('security.regenerate.failed')}
            id="security-regenerate-code"
            codeLabel={t('security.codeLabel')}
            submitLabel={t('security.regenerate.submit')}
            pendingLabel={t('forms.sending')}
            submitVariant="outline"
          />
        </>
      )}
    </FormSection>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useTotpCodeForm(
    disableTotp,
    () => {
      void queryClient.invalidateQueries({ queryKey: mfaKeys.status });
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
    true,
  );
  return (
    <FormSection id="security-disable" heading={t('security.disable.heading')}>
      {form.result !== undefined ? (
        <SuccessNotice>{t('security.disable.done')}</SuccessNotice>
      ) : null}
      <p>{t('security.disable.intro')}</p>
      <TotpCodeForm
        form={form}
        label={t('security.disable.heading')}
        failedHeading={t('security.disable.failed')}
        id="security-disable-code"
        codeLabel={t('security.codeLabel')}
        submitLabel={t('security.disable.submit')}
        pendingLabel={t('forms.saving')}
        submitVariant="secondary"
      />
    </FormSection>
  );
}
