import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { InvitationPreview } from '../../../domain/accounts/invitation.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FormSection, RequestForm } from '../../components/request-form.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/form-fields.tsx';
import { SummaryBox } from '../../components/ui/summary-box.tsx';
import {
  addNewPasswordErrors,
  NewPasswordFields,
} from '../../features/account/components/new-password-fields.tsx';
import {
  acceptInvitation,
  invitationPreviewQuery,
} from '../../features/invitations/api/invitations-api.ts';
import { useContinueSignIn } from '../../features/session/use-continue-sign-in.ts';
import { useSignOut } from '../../features/session/use-sign-out.ts';
import { ApiError } from '../../lib/api-client.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { isBlank } from '../../lib/validators.ts';
import { useSession } from '../shell/use-viewer.ts';

type SignUpValues = { displayName: string; password: string; passwordConfirmation: string };

/**
 * The link in an invitation e-mail: what the invitation offers (organisation, role, address),
 * then a name and a password for a new account, or one click for someone already signed in
 * with that address.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitationAccept.title'));
  const { token } = useSearch({ from: '/invitations/accept' });
  const preview = useQuery({ ...invitationPreviewQuery(token ?? ''), enabled: Boolean(token) });

  return (
    <>
      <h1 className="margin-top-0">{t('invitationAccept.heading')}</h1>
      {!token ? (
        <Alert type="error" heading={t('invitationAccept.noTokenHeading')} headingLevel="h2">
          <p className="margin-y-0">{t('invitationAccept.noToken')}</p>
        </Alert>
      ) : preview.isPending ? (
        <p role="status" className="text-base-dark">
          {t('invitationAccept.loading')}
        </p>
      ) : preview.isError ? (
        <ApiErrorAlert
          heading={
            preview.error instanceof ApiError && preview.error.code === 'TOKEN_INVALID'
              ? t('invitationAccept.invalidHeading')
              : t('invitationAccept.loadError')
          }
          error={preview.error}
        />
      ) : (
        <>
          <InvitationSummary preview={preview.data} />
          <Acceptance token={token} preview={preview.data} />
        </>
      )}
    </>
  );
}

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <SummaryBox
      heading={t('invitationAccept.summaryHeading', { organisation: preview.organisationName })}
      className="margin-bottom-4"
    >
      <dl className="margin-y-0">
        <dt className="text-bold">{t('invitationAccept.organisation')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{preview.organisationName}</dd>
        <dt className="text-bold">{t('invitationAccept.role')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{t(`roles.${preview.role}`)}</dd>
        <dt className="text-bold">{t('invitationAccept.email')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{preview.email}</dd>
        <dt className="text-bold">{t('invitationAccept.expires')}</dt>
        <dd className="margin-left-0">{format.dateTime(preview.expiresAt)}</dd>
      </dl>
    </SummaryBox>
  );
}

function Acceptance({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate({ to: '/invitations/accept', search: { token } }));
  const continueSignIn = useContinueSignIn(undefined);

  const signUp = useApiForm({
    initial: { displayName: '', password: '', passwordConfirmation: '' } satisfies SignUpValues,
    validate: (values) => {
      const errors: FieldErrors<SignUpValues> = {};
      if (isBlank(values.displayName)) {
        errors.displayName = t('forms.errors.required');
      }
      addNewPasswordErrors(errors, 'password', values, (key) => t(key));
      return errors;
    },
    submit: (values) =>
      acceptInvitation({
        token,
        displayName: values.displayName.trim(),
        password: values.password,
      }),
    onSuccess: continueSignIn,
  });

  const join = useApiForm({
    initial: {},
    submit: () => acceptInvitation({ token }),
    onSuccess: continueSignIn,
  });

  if (session.signedIn) {
    const same = session.user.email.toLowerCase() === preview.email.toLowerCase();
    if (!same) {
      return (
        <Alert type="warning" heading={t('invitationAccept.otherAccountHeading')} headingLevel="h2">
          <p>
            {t('invitationAccept.otherAccount', {
              signedInAs: session.user.email,
              invited: preview.email,
            })}
          </p>
          <Button
            variant="outline"
            aria-disabled={signOut.isPending}
            onClick={() => {
              if (!signOut.isPending) {
                signOut.mutate();
              }
            }}
          >
            {t('invitationAccept.signOutFirst')}
          </Button>
        </Alert>
      );
    }
    return (
      <FormSection id="invitation-join" heading={t('invitationAccept.joinHeading')}>
        <p>{t('invitationAccept.join', { organisation: preview.organisationName })}</p>
        <RequestForm
          form={join}
          label={t('invitationAccept.joinHeading')}
          failedHeading={t('invitationAccept.failed')}
          submitLabel={t('invitationAccept.joinSubmit')}
          pendingLabel={t('invitationAccept.submitting')}
        />
      </FormSection>
    );
  }

  return (
    <FormSection id="invitation-sign-up" heading={t('invitationAccept.signUpHeading')}>
      <p>{t('invitationAccept.signUpIntro', { email: preview.email })}</p>
      <RequestForm
        form={signUp}
        label={t('invitationAccept.signUpHeading')}
        failedHeading={t('invitationAccept.failed')}
        submitLabel={t('invitationAccept.signUpSubmit')}
        pendingLabel={t('invitationAccept.submitting')}
      >
        <TextField
          id="invitation-email"
          name="email"
          type="email"
          label={t('invitationAccept.email')}
          autoComplete="username"
          value={preview.email}
          readOnly
          onChange={() => undefined}
        />
        <TextField
          id="invitation-display-name"
          name="displayName"
          label={t('invitationAccept.displayName')}
          hint={t('invitationAccept.displayNameHint')}
          autoComplete="name"
          maxLength={100}
          value={signUp.values.displayName}
          error={signUp.errors.displayName}
          onChange={(value) => signUp.set('displayName', value)}
        />
        <NewPasswordFields idPrefix="invitation" name="password" form={signUp} />
      </RequestForm>
      <p className="margin-top-3 text-base-dark">
        {t('invitationAccept.haveAccount')}{' '}
        <Link
          to="/sign-in"
          search={{ next: `/invitations/accept?token=${encodeURIComponent(token)}` }}
          className="usa-link"
        >
          {t('invitationAccept.signInFirst')}
        </Link>
      </p>
    </FormSection>
  );
}
