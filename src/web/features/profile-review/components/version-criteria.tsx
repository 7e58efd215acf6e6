import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mscCategory } from '../../../../domain/criteria/msc-categories.ts';
import type {
  CriterionReview,
  SnapshotCriterion,
} from '../../../../domain/security-profile/profile-review.schema.ts';
import { Tag } from '../../../components/ui/tag.tsx';

/** The criteria of a frozen version, by MSC category: what was answered, as submitted. */
export function VersionCriteria({
  criteria,
  extra,
}: {
  criteria: readonly SnapshotCriterion[];
  /** What to show under each criterion (a review, the review controls). */
  extra?: (criterion: SnapshotCriterion) => ReactNode;
}) {
  const { t } = useTranslation();
  const categories = new Map<number, SnapshotCriterion[]>();
  for (const criterion of criteria) {
    categories.set(criterion.category, [...(categories.get(criterion.category) ?? []), criterion]);
  }
  return (
    <>
      {[...categories.entries()].map(([category, members]) => (
        <section key={category} aria-labelledby={`category-${category}`} className="margin-top-4">
          <h2 id={`category-${category}`}>
            {t('profileReview.criteria.category', {
              number: category,
              name: mscCategory(category)?.name ?? '',
            })}
          </h2>
          {members.map((criterion) => (
            <CriterionCard key={criterion.id} criterion={criterion}>
              {extra?.(criterion)}
            </CriterionCard>
          ))}
        </section>
      ))}
    </>
  );
}

function CriterionCard({
  criterion,
  children,
}: {
  criterion: SnapshotCriterion;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const answer = criterion.answer;
  return (
    <article
      id={`criterion-${criterion.id}`}
      aria-labelledby={`criterion-${criterion.id}-heading`}
      className="border-1px border-base-lighter radius-md padding-2 margin-bottom-2"
    >
      <h3 id={`criterion-${criterion.id}-heading`} className="margin-top-0 font-sans-md">
        {t('profileReview.criteria.criterion', { id: criterion.id })}{' '}
        <Tag tone={criterion.designation === 'must' ? 'primary' : 'base'}>
          {t(`profileReview.designation.${criterion.designation}`)}
        </Tag>
        {criterion.provisional ? <Tag>{t('profileReview.criteria.provisional')}</Tag> : null}
      </h3>
      <p className="margin-top-1">{criterion.text}</p>
      <dl className="margin-y-1">
        <dt className="text-bold">{t('profileReview.criteria.status')}</dt>
        <dd className="margin-left-0">
          {answer?.status
            ? t(`profileReview.answerStatus.${answer.status}`)
            : t('profileReview.criteria.unanswered')}
        </dd>
        <dt className="text-bold margin-top-1">{t('profileReview.criteria.narrative')}</dt>
        <dd className="margin-left-0 text-pre-wrap">
          {answer?.narrative ? answer.narrative : t('profileReview.criteria.noNarrative')}
        </dd>
        {criterion.evidence.length > 0 ? (
          <>
            <dt className="text-bold margin-top-1">{t('profileReview.criteria.evidence')}</dt>
            <dd className="margin-left-0">
              <ul className="usa-list margin-y-0">
                {criterion.evidence.map((item) => (
                  <li key={item.evidenceId}>
                    <a className="usa-link" href={`/evidence/${item.evidenceId}`}>
                      {item.title}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {children}
    </article>
  );
}

/** A specialist's decision on one criterion, as members and CBP read it. */
export function ReviewOutcome({ review }: { review: CriterionReview | undefined }) {
  const { t } = useTranslation();
  if (!review) {
    return (
      <p className="text-base-dark margin-bottom-0">{t('profileReview.review.notReviewed')}</p>
    );
  }
  return (
    <div className="margin-top-1">
      <Tag tone={review.decision === 'approved' ? 'success' : 'error'}>
        {t(`profileReview.decision.${review.decision}`)}
      </Tag>
      {review.comment ? (
        <blockquote className="margin-x-0 margin-y-1 border-left-05 border-secondary padding-left-2">
          <p className="margin-0 text-pre-wrap">{review.comment}</p>
          {review.reviewerName ? (
            <footer className="font-sans-2xs text-base-dark">
              {t('profileReview.review.by', { name: review.reviewerName })}
            </footer>
          ) : null}
        </blockquote>
      ) : null}
    </div>
  );
}
