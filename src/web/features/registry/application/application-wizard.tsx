import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { StepIndicator, StepIndicatorStep } from '@trussworks/react-uswds';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES, type EntityType } from '../../../../domain/organisations/entity-types.ts';
import type { CompanyProfile } from '../../../../domain/registry/profile/company-profile.schema.ts';
import type { MembershipFile } from '../../../../domain/registry/registry.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { SubmitButton } from '../../../components/submit-button.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CheckboxGroup, Form } from '../../../components/ui/form-fields.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { organisationQuery } from '../../organisations/api/organisations-api.ts';
import type { SignedInSession } from '../../session/api/session-api.ts';
import {
  ownMembershipQuery,
  ownProfileQuery,
  registryKeys,
  saveApplication,
  submitApplication,
} from '../api/registry-api.ts';
import {
  applicationBody,
  applicationIssues,
  type Draft,
  draftFromFile,
  eligibilityOf,
  type MissingIdentifier,
  missingIdentifiers,
  savableOnServer,
  withAnswer,
  withEntityTypes,
  withIdentifier,
} from './application-draft.ts';
import { EligibilityStep, unansweredFieldIds } from './eligibility-step.tsx';
import { IdentifiersStep, useMissingIdentifierErrors } from './identifiers-step.tsx';
import { ProfileStep, profileReadiness, profileReady } from './profile-step.tsx';
import { hasBlockers, ReviewStep, type SubmitBlockers } from './review-step.tsx';

const STEPS = ['entityTypes', 'eligibility', 'identifiers', 'profile', 'review'] as const;
type Step = 1 | 2 | 3 | 4 | 5;

/** Where a saved draft resumes: the first step that still needs something. */
function resumeStep(draft: Draft, mexicanCompany: boolean): Step {
  if (draft.entities.length === 0) return 1;
  if (unansweredFieldIds(draft).length > 0) return 2;
  const missing: MissingIdentifier[] = draft.entities.flatMap((entity) =>
    missingIdentifiers(entity, mexicanCompany),
  );
  if (missing.length > 0) return 3;
  return 4;
}

function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}

/**
 * The CTPAT application (issue 4, item 4): entity types, eligibility per entity type,
 * identifiers, the company-profile check, then review and — by a company officer — the
 * partner agreement and submission. Each step saves the draft (PUT /registry/application) once
 * the server can keep it; a saved draft resumes where it stopped.
 */
export function ApplicationWizard({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const organisationId = session.organisationId ?? '';
  const membership = useQuery(ownMembershipQuery());
  const organisation = useQuery({
    ...organisationQuery(organisationId),
    enabled: organisationId !== '',
  });
  const profile = useQuery(ownProfileQuery());

  if (membership.isPending || organisation.isPending || profile.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('registry.apply.loading')}
      </p>
    );
  }
  const failed = membership.error ?? organisation.error;
  if (failed) {
    return (
      <ApiErrorAlert
        heading={t('registry.apply.loadError')}
        error={failed}
        onRetry={() => {
          void membership.refetch();
          void organisation.refetch();
        }}
      />
    );
  }
  const file = membership.data ?? null;
  if (file && file.state.status !== 'pre_applicant') {
    return (
      <Alert type="info" heading={t('registry.apply.notDraftHeading')}>
        <p className="margin-top-1">
          {t('registry.apply.notDraft', { status: t(`registry.statuses.${file.state.status}`) })}
        </p>
        <Link to="/membership" className="usa-link">
          {t('registry.apply.toMembership')}
        </Link>
      </Alert>
    );
  }
  return (
    <WizardForm
      file={file}
      session={session}
      companyName={organisation.data?.legalName ?? ''}
      mexicanCompany={organisation.data?.countryCode === 'MX'}
      profile={profile.data ?? null}
      profileUnavailable={profile.isError}
    />
  );
}

function WizardForm({
  file,
  session,
  companyName,
  mexicanCompany,
  profile,
  profileUnavailable,
}: {
  file: MembershipFile | null;
  session: SignedInSession;
  companyName: string;
  mexicanCompany: boolean;
  profile: CompanyProfile | null;
  profileUnavailable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const missingErrorsOf = useMissingIdentifierErrors();
  const [draft, setDraft] = useState<Draft>(() => draftFromFile(file));
  const [step, setStep] = useState<Step>(() => resumeStep(draftFromFile(file), mexicanCompany));
  // The server holds what is on screen (false once the reader changes anything).
  const [inSync, setInSync] = useState(file !== null);
  const [notice, setNotice] = useState<'saved' | 'kept' | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [agreement, setAgreement] = useState(false);
  const sentKinds = useRef<ReturnType<typeof applicationBody>['sentKinds']>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const save = useMutation({
    mutationFn: (toSave: Draft) => {
      const { body, sentKinds: kinds } = applicationBody(toSave);
      sentKinds.current = kinds;
      return saveApplication(body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(registryKeys.ownMembership, saved);
      setDraft(draftFromFile(saved));
      setInSync(true);
    },
    onError: () => focusFirstInvalid(formRef.current),
  });
  const submit = useMutation({
    mutationFn: submitApplication,
    onSuccess: (submitted) => {
      queryClient.setQueryData(registryKeys.ownMembership, submitted);
      void navigate({ to: '/membership' });
    },
  });

  const change = (next: Draft) => {
    setDraft(next);
    setInSync(false);
    setNotice(null);
  };

  const goTo = (next: Step) => {
    setShowErrors(false);
    setClientErrors({});
    setStep(next);
    // A new step: its heading takes focus, so screen readers start there.
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  /** Saves (when the server can keep the draft) and moves on. */
  const persistAndGo = (toSave: Draft, next: Step) => {
    if (inSync) {
      goTo(next);
      return;
    }
    if (!savableOnServer(toSave, mexicanCompany)) {
      // The API refuses a draft whose entity types lack a required identifier: it is kept on
      // this page until step 3 fills them in.
      setNotice('kept');
      goTo(next);
      return;
    }
    save.mutate(toSave, {
      onSuccess: () => {
        setNotice('saved');
        goTo(next);
      },
    });
  };

  const readiness = profileReadiness(profile);
  const blockers: SubmitBlockers = {
    ineligible: draft.entities.some((entity) => {
      const result = eligibilityOf(entity);
      return !result.eligible && result.blocking.length > 0;
    }),
    unanswered: unansweredFieldIds(draft).length > 0,
    profileIncomplete: !profileReady(readiness),
    notSaved: !inSync,
  };
  const canSubmit = session.permissions.includes('registry:submit');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending || submit.isPending) return;
    save.reset();
    setShowErrors(true);
    switch (step) {
      case 1:
        if (draft.entities.length === 0) {
          focusFirstInvalid(formRef.current);
          return;
        }
        persistAndGo(draft, 2);
        return;
      case 2:
        if (unansweredFieldIds(draft).length > 0) {
          focusFirstInvalid(formRef.current);
          return;
        }
        persistAndGo(draft, 3);
        return;
      case 3: {
        const missing = missingErrorsOf(draft, mexicanCompany);
        setClientErrors(missing);
        if (Object.keys(missing).length > 0) {
          focusFirstInvalid(formRef.current);
          return;
        }
        persistAndGo(draft, 4);
        return;
      }
      case 4:
        persistAndGo(draft, 5);
        return;
      case 5:
        if (!canSubmit || hasBlockers(blockers)) return;
        if (!agreement) {
          focusFirstInvalid(formRef.current);
          return;
        }
        submit.mutate();
        return;
    }
  };

  const issues = applicationIssues(save.error, draft, sentKinds.current);
  const stepName = STEPS[step - 1] ?? 'entityTypes';
  const submitDisabled = step === 5 && (!canSubmit || hasBlockers(blockers));

  return (
    <>
      <StepIndicator
        headingLevel="h2"
        counters="small"
        stepText={t('registry.apply.stepText')}
        ofText={t('registry.apply.ofText')}
        statusText={{
          complete: t('registry.apply.stepComplete'),
          incomplete: t('registry.apply.stepIncomplete'),
        }}
        headingProps={{ ref: headingRef, tabIndex: -1, id: 'application-step-heading' }}
      >
        {STEPS.map((name, index) => (
          <StepIndicatorStep
            key={name}
            label={t(`registry.apply.steps.${name}`)}
            status={index + 1 < step ? 'complete' : index + 1 === step ? 'current' : 'incomplete'}
          />
        ))}
      </StepIndicator>
      {notice === 'saved' ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{t('registry.apply.saved')}</p>
        </Alert>
      ) : notice === 'kept' ? (
        <Alert type="info" slim role="status">
          <p className="margin-y-0">{t('registry.apply.kept')}</p>
        </Alert>
      ) : null}
      {save.isError ? (
        issues.other.length > 0 ||
        Object.keys(issues.identifiers).length + Object.keys(issues.entities).length === 0 ? (
          <ApiErrorAlert
            heading={t('registry.apply.saveFailed')}
            headingLevel="h3"
            error={save.error}
          />
        ) : (
          <Alert
            type="error"
            heading={t('registry.apply.saveFailed')}
            headingLevel="h3"
            role="alert"
          >
            <p className="margin-top-1">{t('forms.fixFields')}</p>
          </Alert>
        )
      ) : null}
      {submit.isError ? <SubmitError error={submit.error} /> : null}
      <Form
        onSubmit={onSubmit}
        label={t(`registry.apply.steps.${stepName}`)}
        formRef={formRef}
        className="maxw-full"
      >
        {step === 1 ? (
          <CheckboxGroup
            id="application-entity-types"
            name="entityTypes"
            legend={t('registry.apply.entityTypesLegend')}
            hint={t('registry.apply.entityTypesHint')}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: t(`entityTypes.${type}`) }))}
            values={draft.entities.map((entity) => entity.entityType)}
            onChange={(values) =>
              change(
                withEntityTypes(
                  draft,
                  ENTITY_TYPES.filter((type): type is EntityType => values.includes(type)),
                ),
              )
            }
            error={
              showErrors && draft.entities.length === 0
                ? t('registry.apply.entityTypesRequired')
                : undefined
            }
          />
        ) : null}
        {step === 2 ? (
          <EligibilityStep
            draft={draft}
            showUnanswered={showErrors}
            onAnswer={(scope, questionId, answer) =>
              change(withAnswer(draft, scope, questionId, answer))
            }
          />
        ) : null}
        {step === 3 ? (
          <IdentifiersStep
            draft={draft}
            mexicanCompany={mexicanCompany}
            clientErrors={clientErrors}
            issues={issues}
            onChange={(entityType, kind, value) => {
              setClientErrors((current) => {
                const { [`${entityType}.${kind}`]: _cleared, ...rest } = current;
                return rest;
              });
              change(withIdentifier(draft, entityType, kind, value));
            }}
          />
        ) : null}
        {step === 4 ? (
          profileUnavailable ? (
            <Alert type="warning" slim>
              <p className="margin-y-0">{t('registry.profile.unavailable')}</p>
            </Alert>
          ) : (
            <ProfileStep profile={profile} />
          )
        ) : null}
        {step === 5 ? (
          <ReviewStep
            draft={draft}
            companyName={companyName}
            organisationId={session.organisationId ?? ''}
            canSubmit={canSubmit}
            blockers={blockers}
            agreement={agreement}
            onAgreement={setAgreement}
            agreementError={
              showErrors && canSubmit && !agreement && !hasBlockers(blockers)
                ? t('registry.review.agreementRequired')
                : undefined
            }
          />
        ) : null}
        <div className="margin-top-4">
          {step > 1 ? (
            <Button variant="outline" onClick={() => goTo((step - 1) as Step)}>
              {t('registry.apply.back')}
            </Button>
          ) : null}
          {step < 5 ? (
            <SubmitButton
              label={t('registry.apply.saveAndContinue')}
              pendingLabel={t('forms.saving')}
              pending={save.isPending}
            />
          ) : canSubmit ? (
            <Button
              type="submit"
              disabled={submitDisabled}
              aria-disabled={submit.isPending || undefined}
            >
              {submit.isPending ? t('registry.apply.submitting') : t('registry.apply.submit')}
            </Button>
          ) : null}
        </div>
      </Form>
    </>
  );
}

const SubmitIssuesSchema = {
  read(details: unknown): string[] {
    if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
    const issues = (details as { issues: unknown }).issues;
    if (!Array.isArray(issues)) return [];
    return issues.flatMap((issue) =>
      typeof issue === 'object' && issue !== null && 'message' in issue
        ? [String((issue as { message: unknown }).message)]
        : [],
    );
  },
};

/** Why the submission was refused: the API's message and, for eligibility, each reason. */
function SubmitError({ error }: { error: Error }) {
  const { t } = useTranslation();
  const reasons = error instanceof ApiError ? SubmitIssuesSchema.read(error.details) : [];
  return (
    <>
      <ApiErrorAlert heading={t('registry.apply.submitFailed')} headingLevel="h3" error={error} />
      {reasons.length > 0 ? (
        <ul className="usa-list">
          {[...new Set(reasons)].map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
