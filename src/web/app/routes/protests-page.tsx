import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtestSummary } from '../../../domain/protests/protest-api.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { PageButtons } from '../../components/page-buttons.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { ownProtestsQuery } from '../../features/protests/api/protests-api.ts';
import {
  NextClock,
  ProtestStatusTag,
  TradeComplianceTag,
} from '../../features/protests/components/protest-labels.tsx';
import { useCalendarDateFormat } from '../../lib/use-calendar-date-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/**
 * The company's protests (issue 7, item 6), newest filing first: status, number, protestant,
 * filing day, the verified Trade Compliance indicator and the next deadline with days left.
 */
export function ProtestsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('modules.protests.name'));
  const session = useSignedIn();
  const canFile = useCan('protest:file');
  const date = useCalendarDateFormat();
  const [cursor, setCursor] = useState<string | null>(null);
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const protests = useQuery({
    ...ownProtestsQuery(session?.organisationId ?? '', { cursor }),
    enabled: Boolean(session?.organisationId),
    placeholderData: keepPreviousData,
  });
  const columns: DataTableColumn<ProtestSummary>[] = [
    {
      id: 'number',
      header: t('protests.f.number'),
      cell: (protest) => (
        <Link className="usa-link" to="/protests/$protestId" params={{ protestId: protest.id }}>
          {protest.protestNumber}
        </Link>
      ),
    },
    {
      id: 'status',
      header: t('cbpMembers.filters.status'),
      cell: (protest) => <ProtestStatusTag status={protest.status} />,
    },
    {
      id: 'protestant',
      header: t('protests.f.protestant'),
      cell: (protest) => protest.protestantName,
    },
    { id: 'filed', header: t('protests.f.filed'), cell: (protest) => date(protest.filedOn) },
    {
      id: 'tc',
      header: t('protests.tc.heading'),
      cell: (protest) => <TradeComplianceTag verified={protest.tradeCompliance} />,
    },
    {
      id: 'next',
      header: t('protests.clocks.next'),
      cell: (protest) => <NextClock clock={protest.nextClock} />,
    },
  ];
  return (
    <>
      <h1 className="margin-top-0">{t('protests.list.heading')}</h1>
      {canFile ? (
        <p>
          <Link to="/protests/new" className="usa-button">
            {t('protests.nav.file')}
          </Link>
          <Link to="/protests/record" className="usa-button usa-button--outline">
            {t('protests.record.link')}
          </Link>
        </p>
      ) : null}
      {protests.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : protests.isError ? (
        <ApiErrorAlert
          heading={t('protests.loadError')}
          error={protests.error}
          onRetry={() => void protests.refetch()}
        />
      ) : protests.data.items.length === 0 ? (
        <p>{t('protests.list.empty')}</p>
      ) : (
        <>
          <DataTable
            caption={t('protests.list.caption')}
            columns={columns}
            rows={protests.data.items}
            rowKey={(protest) => protest.id}
          />
          <PageButtons
            hasPrevious={previous.length > 0}
            nextCursor={protests.data.nextCursor}
            onPrevious={() => {
              setCursor(previous.at(-1) ?? null);
              setPrevious(previous.slice(0, -1));
            }}
            onNext={(next) => {
              setPrevious([...previous, cursor]);
              setCursor(next);
            }}
          />
        </>
      )}
    </>
  );
}
