import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProfileVersion } from '../../../domain/security-profile/profile-review.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { ownVersionQuery } from '../../features/profile-review/api/profile-review-api.ts';
import {
  ReviewOutcome,
  VersionCriteria,
} from '../../features/profile-review/components/version-criteria.tsx';
import { VersionSummary } from '../../features/profile-review/components/version-summary.tsx';
import { ProfileDownloads } from '../../features/security-profile/components/profile-downloads.tsx';
import { profileCriterionHref } from '../../features/security-profile/security-profile-search.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * One submitted version of the company's profile, as frozen: the attestation, every answer,
 * and, once CBP decided, its decision on each criterion with the comments on returned ones.
 */
export function ProfileVersionPage() {
  const { t } = useTranslation();
  const { versionId } = useParams({ from: '/profile/versions/$versionId' });
  const version = useQuery(ownVersionQuery(versionId));
  useDocumentTitle(
    version.data
      ? t('profileReview.version.title', { number: version.data.number })
      : t('profileReview.version.titleLoading'),
  );
  return (
    <>
      <p className="margin-top-0">
        <Link className="usa-link" to="/profile/versions">
          {t('profileReview.version.back')}
        </Link>
      </p>
      {version.isPending ? (
        <>
          <h1>{t('profileReview.version.titleLoading')}</h1>
          <p role="status" className="text-base-dark">
            {t('profileReview.loading')}
          </p>
        </>
      ) : version.isError ? (
        <>
          <h1>{t('profileReview.version.titleLoading')}</h1>
          <ApiErrorAlert
            heading={t('profileReview.loadError')}
            error={version.error}
            onRetry={() => void version.refetch()}
          />
        </>
      ) : (
        <MemberVersion version={version.data} />
      )}
    </>
  );
}

function MemberVersion({ version }: { version: ProfileVersion }) {
  const { t } = useTranslation();
  const reviews = new Map(version.reviews.map((review) => [review.criterionId, review]));
  const returned = version.reviews.filter((review) => review.decision === 'returned');
  return (
    <>
      <h1>{t('profileReview.version.heading', { number: version.number })}</h1>
      <VersionSummary version={version} />
      <ProfileDownloads
        path={`/api/v1/profile/versions/${encodeURIComponent(version.id)}/export`}
      />
      {version.status === 'returned' ? (
        <Alert
          type="warning"
          heading={t('profileReview.version.returnedHeading', { count: returned.length })}
          className="margin-top-3"
        >
          <ul className="usa-list">
            {returned.map((review) => (
              <li key={review.criterionId}>
                <a className="usa-link" href={profileCriterionHref(review.criterionId)}>
                  {t('profileReview.criteria.criterion', { id: review.criterionId })}
                </a>
                : {review.comment}
              </li>
            ))}
          </ul>
          <p>{t('profileReview.version.returnedNext')}</p>
        </Alert>
      ) : null}
      <VersionCriteria
        criteria={version.snapshot.criteria}
        extra={(criterion) =>
          version.status === 'submitted' ? null : (
            <ReviewOutcome review={reviews.get(criterion.id)} />
          )
        }
      />
    </>
  );
}
