import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mscCategory } from '../../../domain/criteria/msc-categories.ts';
import type {
  SubmissionOverview,
  SubmissionReadiness,
} from '../../../domain/security-profile/profile-review.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { CheckboxField, Form } from '../../components/ui/form-fields.tsx';
import { SummaryBox } from '../../components/ui/summary-box.tsx';
import {
  profileReviewKeys,
  submissionOverviewQuery,
  submitProfile,
} from '../../features/profile-review/api/profile-review-api.ts';
import { profileCriterionHref } from '../../features/security-profile/security-profile-search.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * The officer's submission of the Security Profile (issue 5, item 5): readiness, every must
 * still missing (each a link to its answer in the editor), the statement to attest to, submit.
 */
export function ProfileSubmitPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profileReview.submit.title'));
  const overview = useQuery(submissionOverviewQuery());
  return (
    <>
      <h1 className="margin-top-0">{t('profileReview.submit.heading')}</h1>
      <p className="usa-intro">{t('profileReview.submit.intro')}</p>
      {overview.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : overview.isError ? (
        <ApiErrorAlert
          heading={t('profileReview.loadError')}
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      ) : (
        <SubmissionBody overview={overview.data} />
      )}
    </>
  );
}

function SubmissionBody({ overview }: { overview: SubmissionOverview }) {
  const { t } = useTranslation();
  if (overview.profileId === null || overview.readiness === null) {
    return (
      <Alert type="info" slim>
        <p className="margin-y-0">
          {t('profileReview.submit.noProfile')}{' '}
          <a className="usa-link" href="/profile">
            {t('profileReview.submit.openProfile')}
          </a>
        </p>
      </Alert>
    );
  }
  return (
    <>
      {!overview.submittable ? (
        <Alert type="info" slim className="margin-bottom-2">
          <p className="margin-y-0">
            {t(`profileReview.submit.notSubmittable.${overview.status ?? 'draft'}`)}{' '}
            <a className="usa-link" href="/profile/versions">
              {t('profileReview.submit.history')}
            </a>
          </p>
        </Alert>
      ) : null}
      <ReadinessSummary readiness={overview.readiness} />
      <MissingMusts readiness={overview.readiness} />
      {overview.submittable && overview.readiness.ready ? (
        <Attestation overview={overview} />
      ) : null}
    </>
  );
}

function ReadinessSummary({ readiness }: { readiness: SubmissionReadiness }) {
  const { t } = useTranslation();
  const columns: DataTableColumn<SubmissionReadiness['byCategory'][number]>[] = [
    {
      id: 'category',
      header: t('profileReview.readiness.category'),
      cell: (row) =>
        t('profileReview.criteria.category', {
          number: row.category,
          name: mscCategory(row.category)?.name ?? '',
        }),
    },
    {
      id: 'musts',
      header: t('profileReview.readiness.musts'),
      cell: (row) =>
        t('profileReview.readiness.ratio', { met: row.mustsMet, of: row.mustsApplicable }),
    },
    {
      id: 'shoulds',
      header: t('profileReview.readiness.shoulds'),
      cell: (row) =>
        t('profileReview.readiness.ratio', { met: row.shouldsMet, of: row.shouldsApplicable }),
    },
  ];
  return (
    <>
      <SummaryBox heading={t('profileReview.readiness.heading')} className="margin-bottom-3">
        <ul className="usa-list margin-y-0">
          <li>
            {t('profileReview.readiness.mustsMet', {
              met: readiness.mustsMet,
              of: readiness.mustsApplicable,
            })}
          </li>
          <li>
            {t('profileReview.readiness.shouldsMet', {
              met: readiness.shouldsMet,
              of: readiness.shouldsApplicable,
            })}
          </li>
          <li>
            {t('profileReview.readiness.answered', {
              answered: readiness.answered,
              of: readiness.applicable,
            })}
          </li>
        </ul>
      </SummaryBox>
      <DataTable
        caption={t('profileReview.readiness.byCategory')}
        columns={columns}
        rows={readiness.byCategory}
        rowKey={(row) => String(row.category)}
      />
    </>
  );
}

function MissingMusts({ readiness }: { readiness: SubmissionReadiness }) {
  const { t } = useTranslation();
  if (readiness.missing.length === 0) {
    return (
      <Alert type="success" slim className="margin-top-3">
        <p className="margin-y-0">{t('profileReview.submit.ready')}</p>
      </Alert>
    );
  }
  return (
    <section aria-labelledby="missing-musts" className="margin-top-3">
      <h2 id="missing-musts">
        {t('profileReview.submit.missingHeading', { count: readiness.missing.length })}
      </h2>
      <p>{t('profileReview.submit.missingIntro')}</p>
      <ul className="usa-list">
        {readiness.missing.map((missing) => (
          <li key={missing.criterionId}>
            <a className="usa-link" href={profileCriterionHref(missing.criterionId)}>
              {t('profileReview.criteria.criterion', { id: missing.criterionId })}
            </a>
            {' — '}
            {t(`profileReview.missingReason.${missing.reason}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Attestation({ overview }: { overview: SubmissionOverview }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canSubmit = useCan('profile:submit');
  const [attested, setAttested] = useState(false);
  const [showError, setShowError] = useState(false);
  const language = (i18n.resolvedLanguage ?? i18n.language) === 'es' ? 'es' : 'en';
  const submit = useMutation({
    mutationFn: () =>
      submitProfile({
        attestation: true,
        language,
        ...(overview.answersVersion ? { expectedAnswersVersion: overview.answersVersion } : {}),
      }),
    onSuccess: async (version) => {
      await queryClient.invalidateQueries({ queryKey: profileReviewKeys.all });
      await navigate({ to: '/profile/versions/$versionId', params: { versionId: version.id } });
    },
  });
  if (!canSubmit) {
    return (
      <Alert type="info" slim className="margin-top-3">
        <p className="margin-y-0">{t('profileReview.submit.officerOnly')}</p>
      </Alert>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submit.isPending) return;
    if (!attested) {
      setShowError(true);
      return;
    }
    submit.mutate();
  };
  return (
    <section aria-labelledby="attestation-heading" className="margin-top-3">
      <h2 id="attestation-heading">{t('profileReview.submit.attestationHeading')}</h2>
      {submit.isError ? (
        <ApiErrorAlert
          heading={t('profileReview.submit.failed')}
          headingLevel="h3"
          error={submit.error}
        />
      ) : null}
      <Form onSubmit={onSubmit} label={t('profileReview.submit.attestationHeading')}>
        <blockquote className="margin-x-0 border-left-05 border-primary padding-left-2">
          <p lang={language}>{overview.attestation[language]}</p>
        </blockquote>
        <CheckboxField
          id="attestation"
          name="attestation"
          label={t('profileReview.submit.attest')}
          checked={attested}
          onChange={(checked) => {
            setAttested(checked);
            if (checked) setShowError(false);
          }}
          error={showError ? t('profileReview.submit.attestRequired') : undefined}
        />
        <SubmitButton
          label={t('profileReview.submit.submit')}
          pendingLabel={t('profileReview.submit.submitting')}
          pending={submit.isPending}
          className="margin-top-2"
        />
      </Form>
    </section>
  );
}
