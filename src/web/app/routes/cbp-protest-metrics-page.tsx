import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cbpCenterName } from '../../../domain/protests/cbp-centers.ts';
import {
  PROTEST_METRIC_DIMENSIONS,
  type ProtestMetricRow,
  type ProtestMetricsQuery,
} from '../../../domain/protests/protest-metrics.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FilterActions } from '../../components/filter-actions.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { Form, TextField } from '../../components/ui/form-fields.tsx';
import {
  protestMetricsExportUrl,
  protestMetricsQuery,
} from '../../features/protests/api/protest-review-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

type Range = { decidedFrom: string; decidedTo: string };
const ALL: Range = { decidedFrom: '', decidedTo: '' };

function queryOf(range: Range): ProtestMetricsQuery {
  return {
    ...(range.decidedFrom === '' ? {} : { decidedFrom: range.decidedFrom }),
    ...(range.decidedTo === '' ? {} : { decidedTo: range.decidedTo }),
  };
}

/**
 * Protest review metrics (issue 7, item 7): time from filing to decision by Trade Compliance
 * membership, by Center and by category, with the share decided within the two-year target;
 * CSV and XLSX downloads of the same numbers.
 */
export function CbpProtestMetricsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('protests.metrics.title'));
  const [range, setRange] = useState<Range>(ALL);
  const [query, setQuery] = useState<ProtestMetricsQuery>({});
  const metrics = useQuery({ ...protestMetricsQuery(query), placeholderData: keepPreviousData });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const days = (value: number | null) => (value === null ? '–' : number.format(value));
  const groupName = (row: ProtestMetricRow) => {
    if (row.dimension === 'trade_compliance') {
      return row.group === 'member'
        ? t('cbpMembers.table.member')
        : t('protests.metrics.nonMember');
    }
    if (row.dimension === 'center') {
      return `${cbpCenterName(row.group) ?? row.group} (${row.group})`;
    }
    return row.group;
  };
  const columns: DataTableColumn<ProtestMetricRow>[] = [
    { id: 'group', header: t('protests.metrics.group'), cell: groupName },
    { id: 'decided', header: t('protests.metrics.decided'), cell: (row) => row.decided },
    { id: 'median', header: t('protests.metrics.median'), cell: (row) => days(row.medianDays) },
    { id: 'p90', header: t('protests.metrics.p90'), cell: (row) => days(row.p90Days) },
    {
      id: 'within',
      header: t('protests.metrics.within'),
      cell: (row) =>
        `${row.withinTarget}${row.withinTargetShare === null ? '' : ` (${percent.format(row.withinTargetShare)})`}`,
    },
    { id: 'deemed', header: t('protests.metrics.deemed'), cell: (row) => row.deemedDenied },
  ];
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(queryOf(range));
  };
  return (
    <>
      <h1 className="margin-top-0">{t('protests.metrics.title')}</h1>
      <p className="usa-intro">{t('protests.metrics.intro')}</p>
      <Form onSubmit={onSubmit} label={t('protests.metrics.title')} className="maxw-full">
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-4">
            <TextField
              id="metrics-from"
              name="decidedFrom"
              type="date"
              label={t('protests.metrics.from')}
              value={range.decidedFrom}
              onChange={(decidedFrom) => setRange({ ...range, decidedFrom })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <TextField
              id="metrics-to"
              name="decidedTo"
              type="date"
              label={t('protests.metrics.to')}
              value={range.decidedTo}
              onChange={(decidedTo) => setRange({ ...range, decidedTo })}
            />
          </div>
        </div>
        <FilterActions
          applyLabel={t('cbpMembers.filters.apply')}
          clearLabel={t('cbpMembers.filters.clear')}
          filtered={range.decidedFrom !== '' || range.decidedTo !== ''}
          onClear={() => {
            setRange(ALL);
            setQuery({});
          }}
        />
      </Form>
      <p className="margin-top-3">
        <a
          className="usa-button usa-button--outline"
          href={protestMetricsExportUrl(query, 'csv')}
          download
        >
          {t('cbpMembers.exportCsv')}
        </a>
        <a
          className="usa-button usa-button--outline"
          href={protestMetricsExportUrl(query, 'xlsx')}
          download
        >
          {t('cbpMembers.exportXlsx')}
        </a>
      </p>
      {metrics.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : metrics.isError ? (
        <ApiErrorAlert
          heading={t('protests.loadError')}
          error={metrics.error}
          onRetry={() => void metrics.refetch()}
        />
      ) : (
        <>
          <section aria-labelledby="metrics-overall-heading" className="margin-top-4">
            <h2 id="metrics-overall-heading">{t('protests.metrics.overall')}</h2>
            <ul className="usa-list">
              <li>
                {t('protests.metrics.overallDecided', { count: metrics.data.overall.decided })}
              </li>
              <li>
                {t('protests.metrics.median')}: {days(metrics.data.overall.medianDays)};{' '}
                {t('protests.metrics.p90')}: {days(metrics.data.overall.p90Days)}
              </li>
              <li>
                {t('protests.metrics.within')}: {metrics.data.overall.withinTarget}
                {metrics.data.overall.withinTargetShare === null
                  ? ''
                  : ` (${percent.format(metrics.data.overall.withinTargetShare)})`}
              </li>
              <li>
                {t('protests.metrics.deemed')}: {metrics.data.overall.deemedDenied}
              </li>
            </ul>
          </section>
          {PROTEST_METRIC_DIMENSIONS.map((dimension) => {
            const rows = metrics.data.rows.filter((row) => row.dimension === dimension);
            return (
              <section
                key={dimension}
                aria-labelledby={`metrics-${dimension}-heading`}
                className="margin-top-4"
              >
                <h2 id={`metrics-${dimension}-heading`}>{t(`protests.metrics.by.${dimension}`)}</h2>
                {rows.length === 0 ? (
                  <p>{t('protests.metrics.none')}</p>
                ) : (
                  <DataTable
                    caption={t(`protests.metrics.by.${dimension}`)}
                    columns={columns}
                    rows={rows}
                    rowKey={(row) => row.group}
                  />
                )}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
