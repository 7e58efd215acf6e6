import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { VersionRound } from '../../../domain/security-profile/profile-review.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { versionRoundsQuery } from '../../features/profile-review/api/profile-review-api.ts';
import { VersionStatusTag } from '../../features/profile-review/components/version-status-tag.tsx';
import { profileCriterionHref } from '../../features/security-profile/security-profile-search.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';

/**
 * Every round of the company's Security Profile (issue 5, item 5: "history of every round"):
 * when it was submitted, CBP's decision, and each returned criterion with CBP's comment.
 */
export function ProfileVersionsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  useDocumentTitle(t('profileReview.versions.title'));
  const rounds = useQuery(versionRoundsQuery());
  const columns: DataTableColumn<VersionRound>[] = [
    {
      id: 'number',
      header: t('profileReview.versions.columns.number'),
      cell: (round) => (
        <Link
          className="usa-link"
          to="/profile/versions/$versionId"
          params={{ versionId: round.id }}
        >
          {t('profileReview.versions.version', { number: round.number })}
        </Link>
      ),
    },
    {
      id: 'status',
      header: t('profileReview.versions.columns.status'),
      cell: (round) => <VersionStatusTag status={round.status} />,
    },
    {
      id: 'submitted',
      header: t('profileReview.versions.columns.submitted'),
      cell: (round) => format.dateTime(round.submittedAt),
    },
    {
      id: 'decided',
      header: t('profileReview.versions.columns.decided'),
      cell: (round) => (round.decidedAt ? format.dateTime(round.decidedAt) : '—'),
    },
    {
      id: 'returned',
      header: t('profileReview.versions.columns.returned'),
      cell: (round) =>
        round.returned.length === 0 ? (
          '—'
        ) : (
          <ul className="usa-list margin-y-0">
            {round.returned.map((item) => (
              <li key={item.criterionId}>
                <a className="usa-link" href={profileCriterionHref(item.criterionId)}>
                  {t('profileReview.criteria.criterion', { id: item.criterionId })}
                </a>
                : {item.comment}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <>
      <h1 className="margin-top-0">{t('profileReview.versions.heading')}</h1>
      <p className="usa-intro">{t('profileReview.versions.intro')}</p>
      {rounds.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : rounds.isError ? (
        <ApiErrorAlert
          heading={t('profileReview.loadError')}
          error={rounds.error}
          onRetry={() => void rounds.refetch()}
        />
      ) : rounds.data.items.length === 0 ? (
        <Alert type="info" slim>
          <p className="margin-y-0">
            {t('profileReview.versions.none')}{' '}
            <Link className="usa-link" to="/profile/submit">
              {t('profileReview.versions.goSubmit')}
            </Link>
          </p>
        </Alert>
      ) : (
        <DataTable
          caption={t('profileReview.versions.caption')}
          columns={columns}
          rows={rounds.data.items}
          rowKey={(round) => round.id}
        />
      )}
    </>
  );
}
