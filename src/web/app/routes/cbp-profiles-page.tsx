import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '../../../domain/security-profile/profile-review.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageButtons } from '../../components/page-buttons.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { CheckboxField } from '../../components/ui/form-fields.tsx';
import {
  type ReviewQueueFilter,
  reviewQueueQuery,
} from '../../features/profile-review/api/profile-review-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { useSignedIn } from '../shell/use-viewer.ts';

/**
 * CBP's queue of submitted Security Profile versions (issue 5, item 5), oldest first: the order
 * they are worked in. A specialist narrows it to the members assigned to them or to their office.
 */
export function CbpProfilesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('profileReview.queue.title'));
  const session = useSignedIn();
  const format = useFormatters();
  const [filter, setFilter] = useState<ReviewQueueFilter>({
    mine: false,
    officeId: null,
    cursor: null,
  });
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const queue = useQuery({ ...reviewQueueQuery(filter), placeholderData: keepPreviousData });
  const refilter = (change: Partial<ReviewQueueFilter>) => {
    setPrevious([]);
    setFilter({ ...filter, ...change, cursor: null });
  };
  const columns: DataTableColumn<ReviewQueueItem>[] = [
    {
      id: 'company',
      header: t('profileReview.queue.columns.company'),
      cell: (item) => (
        <Link
          className="usa-link"
          to="/cbp/profiles/$versionId"
          params={{ versionId: item.versionId }}
        >
          {item.organisationName}
        </Link>
      ),
    },
    {
      id: 'version',
      header: t('profileReview.queue.columns.version'),
      cell: (item) => t('profileReview.versions.version', { number: item.number }),
    },
    {
      id: 'submitted',
      header: t('profileReview.queue.columns.submitted'),
      cell: (item) => format.dateTime(item.submittedAt),
    },
    {
      id: 'specialist',
      header: t('profileReview.queue.columns.specialist'),
      cell: (item) => item.assignedSpecialistName ?? t('profileReview.queue.unassigned'),
    },
    {
      id: 'reviewed',
      header: t('profileReview.queue.columns.reviewed'),
      cell: (item) => t('profileReview.queue.reviewedCount', { count: item.reviewedCount }),
    },
  ];
  return (
    <>
      <h1 className="margin-top-0">{t('profileReview.queue.heading')}</h1>
      <p className="usa-intro">{t('profileReview.queue.intro')}</p>
      <fieldset className="usa-fieldset margin-bottom-2">
        <legend className="usa-legend">{t('profileReview.queue.filters')}</legend>
        <CheckboxField
          id="queue-mine"
          name="mine"
          label={t('profileReview.queue.mine')}
          checked={filter.mine}
          onChange={(checked) => refilter({ mine: checked })}
        />
        {session?.organisationId ? (
          <CheckboxField
            id="queue-office"
            name="office"
            label={t('profileReview.queue.office')}
            checked={filter.officeId !== null}
            onChange={(checked) =>
              refilter({ officeId: checked ? (session.organisationId ?? null) : null })
            }
          />
        ) : null}
      </fieldset>
      {queue.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : queue.isError ? (
        <ApiErrorAlert
          heading={t('profileReview.loadError')}
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : queue.data.items.length === 0 ? (
        <p>{t('profileReview.queue.empty')}</p>
      ) : (
        <>
          <DataTable
            caption={t('profileReview.queue.caption')}
            columns={columns}
            rows={queue.data.items}
            rowKey={(item) => item.versionId}
          />
          <PageButtons
            hasPrevious={previous.length > 0}
            nextCursor={queue.data.nextCursor}
            onPrevious={() => {
              setFilter({ ...filter, cursor: previous.at(-1) ?? null });
              setPrevious(previous.slice(0, -1));
            }}
            onNext={(cursor) => {
              setPrevious([...previous, filter.cursor]);
              setFilter({ ...filter, cursor });
            }}
          />
        </>
      )}
    </>
  );
}
