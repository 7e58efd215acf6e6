import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CriterionReview,
  ProfileVersion,
  SnapshotCriterion,
  VersionChanges,
} from '../../../domain/security-profile/profile-review.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  decideVersion,
  profileReviewKeys,
  reviewCriterion,
  versionForReviewQuery,
} from '../../features/profile-review/api/profile-review-api.ts';
import {
  ReviewOutcome,
  VersionCriteria,
} from '../../features/profile-review/components/version-criteria.tsx';
import { VersionSummary } from '../../features/profile-review/components/version-summary.tsx';
import { ProfileDownloads } from '../../features/security-profile/components/profile-downloads.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * The specialist's review of one submitted version (issue 5, item 5): what changed since the
 * previous round, each criterion to approve or return with a comment, and the final decision
 * (approve only when every criterion is approved; return when any is returned).
 */
export function CbpProfileReviewPage() {
  const { t } = useTranslation();
  const { versionId } = useParams({ from: '/cbp/profiles/$versionId' });
  const version = useQuery(versionForReviewQuery(versionId));
  useDocumentTitle(
    version.data
      ? t('profileReview.review.title', {
          organisation: version.data.organisationName,
          number: version.data.number,
        })
      : t('profileReview.review.titleLoading'),
  );
  return (
    <>
      <p className="margin-top-0">
        <Link className="usa-link" to="/cbp/profiles">
          {t('profileReview.review.back')}
        </Link>
      </p>
      {version.isPending ? (
        <>
          <h1>{t('profileReview.review.titleLoading')}</h1>
          <p role="status" className="text-base-dark">
            {t('profileReview.loading')}
          </p>
        </>
      ) : version.isError ? (
        <>
          <h1>{t('profileReview.review.titleLoading')}</h1>
          <ApiErrorAlert
            heading={t('profileReview.loadError')}
            error={version.error}
            onRetry={() => void version.refetch()}
          />
        </>
      ) : (
        <Review version={version.data} />
      )}
    </>
  );
}

function Review({ version }: { version: ProfileVersion }) {
  const { t } = useTranslation();
  const canReview = useCan('profile:review:any') && version.status === 'submitted';
  const reviews = new Map(version.reviews.map((review) => [review.criterionId, review]));
  const changed = new Set(
    [...(version.changes?.criteria ?? []), ...(version.sinceLastYear?.criteria ?? [])].map(
      (change) => change.criterionId,
    ),
  );
  return (
    <>
      <h1>
        {t('profileReview.review.heading', {
          organisation: version.organisationName,
          number: version.number,
        })}
      </h1>
      <VersionSummary version={version} />
      <ProfileDownloads
        path={`/api/v1/profiles/versions/${encodeURIComponent(version.id)}/export`}
      />
      {version.sinceLastYear ? (
        <Changes
          id="since-last-year-heading"
          heading={t('profileReview.changes.sinceLastYear', {
            number: version.sinceLastYear.previousNumber,
          })}
          changes={version.sinceLastYear}
        />
      ) : null}
      {version.changes ? (
        <Changes
          id="changes-heading"
          heading={t('profileReview.changes.heading', { number: version.changes.previousNumber })}
          changes={version.changes}
        />
      ) : null}
      <VersionCriteria
        criteria={version.snapshot.criteria}
        extra={(criterion) => (
          <>
            {changed.has(criterion.id) ? (
              <p className="margin-y-1">
                <Tag tone="warning">{t('profileReview.review.changedTag')}</Tag>
              </p>
            ) : null}
            {canReview ? (
              <CriterionDecision
                versionId={version.id}
                criterion={criterion}
                review={reviews.get(criterion.id)}
              />
            ) : (
              <ReviewOutcome review={reviews.get(criterion.id)} />
            )}
          </>
        )}
      />
      {canReview ? <FinalDecision version={version} /> : null}
    </>
  );
}

/** What changed against an earlier version: the previous round, or last year's approved one. */
function Changes({
  id,
  heading,
  changes,
}: {
  id: string;
  heading: string;
  changes: VersionChanges;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="margin-top-3">
      <h2 id={id}>{heading}</h2>
      {changes.criteria.length === 0 ? (
        <p>{t('profileReview.changes.none')}</p>
      ) : (
        <ul className="usa-list">
          {changes.criteria.map((change) => (
            <li key={change.criterionId}>
              <a className="usa-link" href={`#criterion-${change.criterionId}`}>
                {t('profileReview.criteria.criterion', { id: change.criterionId })}
              </a>
              {': '}
              {change.kind === 'changed'
                ? change.fields.map((field) => t(`profileReview.changes.field.${field}`)).join(', ')
                : t(`profileReview.changes.kind.${change.kind}`)}
            </li>
          ))}
        </ul>
      )}
      {changes.previouslyReturned.length > 0 ? (
        <>
          <h3>{t('profileReview.changes.previouslyReturned')}</h3>
          <ul className="usa-list">
            {changes.previouslyReturned.map((item) => (
              <li key={item.criterionId}>
                {t('profileReview.criteria.criterion', { id: item.criterionId })}: {item.comment}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Approve, or return with a comment, one criterion. */
function CriterionDecision({
  versionId,
  criterion,
  review,
}: {
  versionId: string;
  criterion: SnapshotCriterion;
  review: CriterionReview | undefined;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState(review?.comment ?? '');
  const [missingComment, setMissingComment] = useState(false);
  const save = useMutation({
    mutationFn: (decision: 'approved' | 'returned') =>
      reviewCriterion(
        versionId,
        criterion.id,
        decision === 'approved'
          ? { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }
          : { decision, comment: comment.trim() },
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: profileReviewKeys.version(versionId) }),
  });
  const commentId = `review-comment-${criterion.id}`;
  return (
    <div className="margin-top-1">
      <ReviewOutcome review={review} />
      {save.isError ? (
        <ApiErrorAlert
          heading={t('profileReview.review.saveFailed')}
          headingLevel="h4"
          error={save.error}
        />
      ) : null}
      <label className="usa-label margin-top-1" htmlFor={commentId}>
        {t('profileReview.review.comment', { id: criterion.id })}
      </label>
      {missingComment ? (
        <span className="usa-error-message" id={`${commentId}-error`}>
          {t('profileReview.review.commentRequired')}
        </span>
      ) : null}
      <textarea
        id={commentId}
        className={`usa-textarea height-10${missingComment ? ' usa-input--error' : ''}`}
        value={comment}
        maxLength={4000}
        aria-invalid={missingComment ? true : undefined}
        aria-describedby={missingComment ? `${commentId}-error` : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="margin-top-1">
        {save.isPending ? (
          <span role="status" className="font-sans-2xs">
            {t('profileReview.review.saving')}
          </span>
        ) : (
          <>
            <Button
              aria-label={t('profileReview.review.approveLabel', { id: criterion.id })}
              onClick={() => {
                setMissingComment(false);
                save.mutate('approved');
              }}
            >
              {t('profileReview.review.approve')}
            </Button>
            <Button
              variant="outline"
              aria-label={t('profileReview.review.returnLabel', { id: criterion.id })}
              onClick={() => {
                if (comment.trim() === '') {
                  setMissingComment(true);
                  return;
                }
                setMissingComment(false);
                save.mutate('returned');
              }}
            >
              {t('profileReview.review.return')}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

/** Closes the round: return to the member, or approve, each after a confirmation. */
function FinalDecision({ version }: { version: ProfileVersion }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (outcome: 'approved' | 'returned') => decideVersion(version.id, { outcome }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileReviewKeys.all }),
  });
  const total = version.snapshot.criteria.length;
  const approved = version.reviews.filter((review) => review.decision === 'approved').length;
  const returned = version.reviews.filter((review) => review.decision === 'returned').length;
  const unreviewed = total - approved - returned;
  return (
    <section aria-labelledby="decision-heading" className="margin-top-4">
      <h2 id="decision-heading">{t('profileReview.decisionSection.heading')}</h2>
      <p>{t('profileReview.decisionSection.counts', { approved, returned, unreviewed, total })}</p>
      {decide.isError ? (
        <ApiErrorAlert
          heading={t('profileReview.decisionSection.failed')}
          headingLevel="h3"
          error={decide.error}
        />
      ) : null}
      {returned > 0 ? (
        <ConfirmButton
          label={t('profileReview.decisionSection.return')}
          accessibleLabel={t('profileReview.decisionSection.returnLabel', {
            organisation: version.organisationName,
          })}
          question={t('profileReview.decisionSection.returnQuestion', { count: returned })}
          confirmLabel={t('profileReview.decisionSection.returnConfirm')}
          pending={decide.isPending}
          pendingLabel={t('profileReview.decisionSection.deciding')}
          onConfirm={() => decide.mutate('returned')}
        />
      ) : unreviewed === 0 ? (
        <ConfirmButton
          label={t('profileReview.decisionSection.approve')}
          accessibleLabel={t('profileReview.decisionSection.approveLabel', {
            organisation: version.organisationName,
          })}
          question={t('profileReview.decisionSection.approveQuestion')}
          confirmLabel={t('profileReview.decisionSection.approveConfirm')}
          pending={decide.isPending}
          pendingLabel={t('profileReview.decisionSection.deciding')}
          onConfirm={() => decide.mutate('approved')}
        />
      ) : (
        <Alert type="info" slim>
          <p className="margin-y-0">{t('profileReview.decisionSection.reviewAll')}</p>
        </Alert>
      )}
    </section>
  );
}
