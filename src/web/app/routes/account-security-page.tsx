import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaStatus } from '../../../domain/accounts/mfa.schema.ts';
import { MFA_REQUIRED_ROLES } from '../../../domain/authorization/permissions.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Form, TextField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import { AccountNav } from '../../features/account/components/account-nav.tsx';
import {
  disableTotp,
  mfaKeys,
  mfaStatusQuery,
  regenerateRecoveryCodes,
} from '../../features/mfa/api/mfa-api.ts';
import { RecoveryCodes } from '../../features/mfa/components/recovery-codes.tsx';
import { sessionKey } from '../../features/session/api/session-api.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { isTotpCode, normaliseTotpCode } from '../../lib/validators.ts';
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
            <section aria-labelledby="security-disable">
              <h2 id="security-disable">{t('security.disable.heading')}</h2>
              <p>{t('security.disable.required')}</p>
            </section>
          ) : (
            <DisableForm />
          )}
        </>
      ) : null}
    </>
  );
}

type CodeValues = { code: string };

function useCodeForm<Result>(
  submit: (code: string) => Promise<Result>,
  onSuccess: (result: Result) => void,
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
    resetOnSuccess: true,
  });
}

function RegenerateForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useCodeForm(regenerateRecoveryCodes, (result) => {
    setCodes(result.recoveryCodes);
    void queryClient.invalidateQueries({ queryKey: mfaKeys.status });
  });
  return (
    <section aria-labelledby="security-regenerate" className="margin-bottom-6">
      <h2 id="security-regenerate">{t('security.regenerate.heading')}</h2>
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
          <FormErrorAlert heading={t('security.regenerate.failed')} error={form.error} />
          <Form
            onSubmit={form.onSubmit}
            label={t('security.regenerate.heading')}
            formRef={form.formRef}
          >
            <TextField
              id="security-regenerate-code"
              name="code"
              label={t('security.codeLabel')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              width="medium"
              value={form.values.code}
              error={form.errors.code}
              onChange={(value) => form.set('code', value)}
            />
            <SubmitButton
              label={t('security.regenerate.submit')}
              pendingLabel={t('forms.sending')}
              pending={form.pending}
              variant="outline"
            />
          </Form>
        </>
      )}
    </section>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useCodeForm(disableTotp, () => {
    void queryClient.invalidateQueries({ queryKey: mfaKeys.status });
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  });
  return (
    <section aria-labelledby="security-disable">
      <h2 id="security-disable">{t('security.disable.heading')}</h2>
      {form.result !== undefined ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{t('security.disable.done')}</p>
        </Alert>
      ) : null}
      <p>{t('security.disable.intro')}</p>
      <FormErrorAlert heading={t('security.disable.failed')} error={form.error} />
      <Form onSubmit={form.onSubmit} label={t('security.disable.heading')} formRef={form.formRef}>
        <TextField
          id="security-disable-code"
          name="code"
          label={t('security.codeLabel')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          width="medium"
          value={form.values.code}
          error={form.errors.code}
          onChange={(value) => form.set('code', value)}
        />
        <SubmitButton
          label={t('security.disable.submit')}
          pendingLabel={t('forms.saving')}
          pending={form.pending}
          variant="secondary"
        />
      </Form>
    </section>
  );
}
