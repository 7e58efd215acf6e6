import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addYears, calendarDateFromInstant } from '../../../domain/time/calendar-date.ts';
import type {
  CriterionFindings,
  ValidationMetricGroup,
  ValidationMetricsQuery,
  ValidationOutlierMetric,
} from '../../../domain/validations/validation-metrics.schema.ts';
import {
  FINDING_RATINGS,
  VALIDATION_ACTIVITIES,
} from '../../../domain/validations/validation-vocabulary.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FilterActions } from '../../components/filter-actions.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { Form, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import { organisationFirstPageQuery } from '../../features/organisations/api/organisations-api.ts';
import {
  validationMetricsExportUrl,
  validationMetricsQuery,
} from '../../features/validations/api/validation-metrics-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

type Filter = { from: string; to: string; officeId: string };

/**
 * The page opens on the last four years: one full revalidation cycle (6 U.S.C. 969), so every
 * member's latest validation counts once. All time is one cleared field away, but at national
 * scale it aggregates millions of findings (bench row 10), so it is not the default.
 */
function defaultFilter(): Filter {
  const today = calendarDateFromInstant(new Date());
  return { from: addYears(today, -4), to: '', officeId: '' };
}

function queryOf(filter: Filter): ValidationMetricsQuery {
  return {
    ...(filter.from === '' ? {} : { from: filter.from }),
    ...(filter.to === '' ? {} : { to: filter.to }),
    ...(filter.officeId === '' ? {} : { officeId: filter.officeId }),
  };
}

/** A group line with where it comes from, for the hours table (overall, offices, specialists). */
type HoursRow = ValidationMetricGroup & { key: string; label: string };

/**
 * Validation consistency (issue 6, item 8; the COAC working group's focus on standardising
 * validations): per CBP office and per specialist, findings, the shares of required actions and
 * best practices, days from notice to report and staff hours, with outliers among peers marked
 * by an icon and words (not by colour alone); findings per criterion; CSV and XLSX downloads.
 */
export function CbpValidationMetricsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('validationMetrics.title'));
  const [initial] = useState<Filter>(defaultFilter);
  const [filter, setFilter] = useState<Filter>(initial);
  const [query, setQuery] = useState<ValidationMetricsQuery>(() => queryOf(initial));
  const metrics = useQuery({ ...validationMetricsQuery(query), placeholderData: keepPreviousData });
  const offices = useQuery(organisationFirstPageQuery({ kind: 'cbp_office' }));
  const officeOptions =
    offices.data?.items.map((office) => ({ value: office.id, label: office.legalName })) ?? [];

  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const orDash = (value: number | null, format: Intl.NumberFormat) =>
    value === null ? '–' : format.format(value);

  /** A metric's value, and when it is an outlier, a tag with an icon and its direction. */
  const flagged = (
    group: ValidationMetricGroup,
    metric: ValidationOutlierMetric,
    text: string,
  ): ReactNode => {
    const outlier = group.outliers.find((candidate) => candidate.metric === metric);
    return (
      <>
        {text}
        {outlier ? (
          <>
            {' '}
            <Tag tone="warning">
              <span aria-hidden="true">⚠ </span>
              {t(`validationMetrics.outlier.${outlier.direction}`)}
            </Tag>
          </>
        ) : null}
      </>
    );
  };

  const groupColumns = (nameHeader: string): DataTableColumn<ValidationMetricGroup>[] => [
    { id: 'name', header: nameHeader, cell: (group) => group.name },
    {
      id: 'validations',
      header: t('validationMetrics.columns.validations'),
      cell: (group) => group.validations,
    },
    {
      id: 'findings',
      header: t('validationMetrics.columns.findings'),
      cell: (group) => group.findings,
    },
    {
      id: 'required',
      header: t('validationMetrics.columns.requiredShare'),
      cell: (group) =>
        flagged(group, 'requiredActionShare', orDash(group.requiredActionShare, percent)),
    },
    {
      id: 'best',
      header: t('validationMetrics.columns.bestShare'),
      cell: (group) =>
        flagged(group, 'bestPracticeShare', orDash(group.bestPracticeShare, percent)),
    },
    {
      id: 'median',
      header: t('validationMetrics.columns.medianDays'),
      cell: (group) => flagged(group, 'medianDays', orDash(group.medianDays, number)),
    },
    {
      id: 'p90',
      header: t('validationMetrics.columns.p90Days'),
      cell: (group) => orDash(group.p90Days, number),
    },
    {
      id: 'hours',
      header: t('validationMetrics.columns.hoursPerValidation'),
      cell: (group) =>
        flagged(group, 'hoursPerValidation', orDash(group.hoursPerValidation, number)),
    },
  ];

  const hoursColumns: DataTableColumn<HoursRow>[] = [
    { id: 'group', header: t('validationMetrics.columns.group'), cell: (row) => row.label },
    ...VALIDATION_ACTIVITIES.map(
      (activity): DataTableColumn<HoursRow> => ({
        id: activity,
        header: t(`validationMetrics.activities.${activity}`),
        cell: (row) => orDash(row.hoursByActivity[activity].perValidation, number),
      }),
    ),
    {
      id: 'total',
      header: t('validationMetrics.columns.totalHours'),
      cell: (row) => number.format(row.hours),
    },
  ];

  const criterionColumns: DataTableColumn<CriterionFindings>[] = [
    {
      id: 'criterion',
      header: t('validationMetrics.columns.criterion'),
      cell: (line) => line.criterionId,
    },
    {
      id: 'validations',
      header: t('validationMetrics.columns.validations'),
      cell: (line) => line.validations,
    },
    ...FINDING_RATINGS.map(
      (rating): DataTableColumn<CriterionFindings> => ({
        id: rating,
        header: t(`validationMetrics.ratings.${rating}`),
        cell: (line) => line.byRating[rating],
      }),
    ),
    {
      id: 'share',
      header: t('validationMetrics.columns.requiredShare'),
      cell: (line) => orDash(line.requiredActionShare, percent),
    },
  ];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(queryOf(filter));
  };

  const groupSection = (
    id: string,
    heading: string,
    nameHeader: string,
    groups: readonly ValidationMetricGroup[],
  ) => {
    const flaggedCount = groups.filter((group) => group.outliers.length > 0).length;
    return (
      <section aria-labelledby={`${id}-heading`} className="margin-top-4">
        <h2 id={`${id}-heading`}>{heading}</h2>
        {groups.length === 0 ? (
          <p>{t('validationMetrics.none')}</p>
        ) : (
          <>
            <p>
              {flaggedCount === 0
                ? t('validationMetrics.noOutliers')
                : t('validationMetrics.outliersCount', { count: flaggedCount })}
            </p>
            <DataTable
              caption={heading}
              columns={groupColumns(nameHeader)}
              rows={groups}
              rowKey={(group) => group.id ?? 'all'}
              scrollable
            />
          </>
        )}
      </section>
    );
  };

  return (
    <>
      <h1 className="margin-top-0">{t('validationMetrics.title')}</h1>
      <p className="usa-intro">{t('validationMetrics.intro')}</p>
      <Form onSubmit={onSubmit} label={t('validationMetrics.title')} className="maxw-full">
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-4">
            <TextField
              id="validation-metrics-from"
              name="from"
              type="date"
              label={t('validationMetrics.from')}
              value={filter.from}
              onChange={(from) => setFilter({ ...filter, from })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <TextField
              id="validation-metrics-to"
              name="to"
              type="date"
              label={t('validationMetrics.to')}
              value={filter.to}
              onChange={(to) => setFilter({ ...filter, to })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <SelectField
              id="validation-metrics-office"
              name="officeId"
              label={t('validationMetrics.office')}
              value={filter.officeId}
              options={officeOptions}
              emptyOption={t('validationMetrics.allOffices')}
              onChange={(officeId) => setFilter({ ...filter, officeId })}
            />
          </div>
        </div>
        <FilterActions
          applyLabel={t('validationMetrics.apply')}
          clearLabel={t('validationMetrics.clear')}
          filtered={
            filter.from !== initial.from ||
            filter.to !== initial.to ||
            filter.officeId !== initial.officeId
          }
          onClear={() => {
            setFilter(initial);
            setQuery(queryOf(initial));
          }}
        />
      </Form>
      <p className="margin-top-3">
        <a
          className="usa-button usa-button--outline"
          href={validationMetricsExportUrl(query, 'csv')}
          download
        >
          {t('validationMetrics.exportCsv')}
        </a>
        <a
          className="usa-button usa-button--outline"
          href={validationMetricsExportUrl(query, 'xlsx')}
          download
        >
          {t('validationMetrics.exportXlsx')}
        </a>
      </p>
      {metrics.isPending ? (
        <p role="status" className="text-base-dark">
          {t('validationMetrics.loading')}
        </p>
      ) : metrics.isError ? (
        <ApiErrorAlert
          heading={t('validationMetrics.loadError')}
          error={metrics.error}
          onRetry={() => void metrics.refetch()}
        />
      ) : (
        <>
          <section aria-labelledby="validation-metrics-overall-heading" className="margin-top-4">
            <h2 id="validation-metrics-overall-heading">{t('validationMetrics.overall')}</h2>
            <ul className="usa-list">
              <li>
                {t('validationMetrics.overallValidations', {
                  count: metrics.data.overall.validations,
                })}
              </li>
              <li>
                {t('validationMetrics.columns.findings')}: {metrics.data.overall.findings};{' '}
                {t('validationMetrics.columns.requiredShare')}:{' '}
                {orDash(metrics.data.overall.requiredActionShare, percent)};{' '}
                {t('validationMetrics.columns.bestShare')}:{' '}
                {orDash(metrics.data.overall.bestPracticeShare, percent)}
              </li>
              <li>
                {t('validationMetrics.columns.medianDays')}:{' '}
                {orDash(metrics.data.overall.medianDays, number)};{' '}
                {t('validationMetrics.columns.p90Days')}:{' '}
                {orDash(metrics.data.overall.p90Days, number)}
              </li>
              <li>
                {t('validationMetrics.columns.hoursPerValidation')}:{' '}
                {orDash(metrics.data.overall.hoursPerValidation, number)}
              </li>
            </ul>
            <p className="text-base-dark">
              {t('validationMetrics.rule', { minimum: metrics.data.outlierRule.minimumGroups })}
            </p>
          </section>
          {groupSection(
            'validation-metrics-offices',
            t('validationMetrics.byOffice'),
            t('validationMetrics.columns.office'),
            metrics.data.offices,
          )}
          {groupSection(
            'validation-metrics-specialists',
            t('validationMetrics.bySpecialist'),
            t('validationMetrics.columns.specialist'),
            metrics.data.specialists,
          )}
          <section aria-labelledby="validation-metrics-hours-heading" className="margin-top-4">
            <h2 id="validation-metrics-hours-heading">{t('validationMetrics.hoursByActivity')}</h2>
            <DataTable
              caption={t('validationMetrics.hoursByActivity')}
              columns={hoursColumns}
              rows={[
                {
                  ...metrics.data.overall,
                  key: 'overall',
                  label: t('validationMetrics.allValidations'),
                },
                ...metrics.data.offices.map((group) => ({
                  ...group,
                  key: `office-${group.id}`,
                  label: `${group.name} (${t('validationMetrics.columns.office')})`,
                })),
                ...metrics.data.specialists.map((group) => ({
                  ...group,
                  key: `specialist-${group.id}`,
                  label: `${group.name} (${t('validationMetrics.columns.specialist')})`,
                })),
              ]}
              rowKey={(row) => row.key}
              scrollable
            />
          </section>
          <section aria-labelledby="validation-metrics-criteria-heading" className="margin-top-4">
            <h2 id="validation-metrics-criteria-heading">{t('validationMetrics.criteria')}</h2>
            {metrics.data.criteria.length === 0 ? (
              <p>{t('validationMetrics.noFindings')}</p>
            ) : (
              <DataTable
                caption={t('validationMetrics.criteria')}
                columns={criterionColumns}
                rows={metrics.data.criteria}
                rowKey={(line) => line.criterionId}
                scrollable
              />
            )}
          </section>
        </>
      )}
    </>
  );
}
