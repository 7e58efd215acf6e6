import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationSummary } from '../../../domain/validations/validation-api.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import {
  FIRST_PAGE,
  nextPage,
  PageButtons,
  type Paging,
  previousPage,
} from '../../components/page-buttons.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { ownValidationsQuery } from '../../features/validations/api/validations-api.ts';
import {
  DueDate,
  ValidationDates,
  ValidationStatusTag,
} from '../../features/validations/components/validation-labels.tsx';
import { ReadinessCheckSection } from '../../features/validations/components/validation-package-sections.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSignedIn } from '../shell/use-viewer.ts';

/** The company's validations (issue 6), newest first: kind, status, due date and dates. */
export function ValidationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('validations.member.title'));
  const session = useSignedIn();
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const validations = useQuery({
    ...ownValidationsQuery(session?.organisationId ?? '', paging.cursor),
    enabled: Boolean(session?.organisationId),
    placeholderData: keepPreviousData,
  });
  const columns: DataTableColumn<ValidationSummary>[] = [
    {
      id: 'kind',
      header: t('validations.facts.kind'),
      cell: (row) => (
        <Link
          className="usa-link"
          to="/validations/$validationId"
          params={{ validationId: row.id }}
        >
          {t(`validations.kind.${row.kind}`)}
        </Link>
      ),
    },
    {
      id: 'status',
      header: t('validations.facts.status'),
      cell: (row) => <ValidationStatusTag status={row.status} />,
    },
    { id: 'due', header: t('validations.facts.due'), cell: (row) => <DueDate validation={row} /> },
    {
      id: 'dates',
      header: t('validations.facts.dates'),
      cell: (row) => <ValidationDates validation={row} />,
    },
    {
      id: 'mode',
      header: t('validations.facts.mode'),
      cell: (row) => t(`validations.mode.${row.mode}`),
    },
  ];
  return (
    <>
      <h1 className="margin-top-0">{t('validations.member.title')}</h1>
      <p className="usa-intro">{t('validations.member.intro')}</p>
      {validations.isPending ? (
        <p role="status" className="text-base-dark">
          {t('validations.loading')}
        </p>
      ) : validations.isError ? (
        <ApiErrorAlert
          heading={t('validations.loadError')}
          error={validations.error}
          onRetry={() => void validations.refetch()}
        />
      ) : validations.data.items.length === 0 ? (
        <p>{t('validations.member.empty')}</p>
      ) : (
        <>
          <DataTable
            caption={t('validations.member.caption')}
            columns={columns}
            rows={validations.data.items}
            rowKey={(row) => row.id}
          />
          <PageButtons
            hasPrevious={paging.previous.length > 0}
            nextCursor={validations.data.nextCursor}
            onPrevious={() => setPaging(previousPage(paging))}
            onNext={(cursor) => setPaging(nextPage(paging, cursor))}
          />
        </>
      )}
      <ReadinessCheckSection />
    </>
  );
}
