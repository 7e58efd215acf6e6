import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDateFromInstant, calendarDateParts } from '../../../domain/time/calendar-date.ts';
import type { ValidationSummary } from '../../../domain/validations/validation-api.schema.ts';
import {
  VALIDATION_KINDS,
  VALIDATION_STATUSES,
} from '../../../domain/validations/validation-vocabulary.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FilterActions } from '../../components/filter-actions.tsx';
import {
  FIRST_PAGE,
  nextPage,
  PageButtons,
  type Paging,
  previousPage,
} from '../../components/page-buttons.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { Form, SelectField } from '../../components/ui/form-fields.tsx';
import { specialistsQuery } from '../../features/cbp-members/api/cbp-members-api.ts';
import { cbpValidationsQuery } from '../../features/validations/api/validations-api.ts';
import {
  DuePanel,
  PlanYearPanel,
  WorkloadPanel,
} from '../../features/validations/components/planning-panels.tsx';
import { AssignInline } from '../../features/validations/components/validation-cbp-actions.tsx';
import {
  DueDate,
  isOpenValidation,
  ValidationDates,
  ValidationStatusTag,
} from '../../features/validations/components/validation-labels.tsx';
import type { CbpValidationsSearch } from '../../features/validations/validations-search.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan } from '../shell/use-viewer.ts';

interface FilterValues {
  year: string;
  officeId: string;
  specialistId: string;
  status: string;
  kind: string;
}

function valuesOf(search: CbpValidationsSearch, thisYear: number): FilterValues {
  return {
    year: String(search.year ?? thisYear),
    officeId: search.officeId ?? '',
    specialistId: search.specialistId ?? '',
    status: search.status ?? '',
    kind: search.kind ?? '',
  };
}

function searchOf(values: FilterValues): CbpValidationsSearch {
  const pick = <T extends string>(value: string, known: readonly T[]) =>
    known.find((item) => item === value);
  return {
    year: Number(values.year),
    officeId: values.officeId || undefined,
    specialistId: values.specialistId || undefined,
    status: pick(values.status, VALIDATION_STATUSES),
    kind: pick(values.kind, VALIDATION_KINDS),
  };
}

/**
 * CBP's validations (issue 6, item 1): for those who plan, the workload per specialist, the
 * members due in the plan year and the annual plan of an office; for everyone with
 * `validation:read:any`, the validations of the plan year by due date, filtered by office,
 * specialist, status and kind, with assignment in each row for those who plan.
 */
export function CbpValidationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('validations.planning.title'));
  const canPlan = useCan('validation:plan:any');
  const search = useSearch({ from: '/cbp/validations' });
  const navigate = useNavigate();
  const thisYear = calendarDateParts(calendarDateFromInstant(new Date())).year;
  const year = search.year ?? thisYear;
  const [values, setValues] = useState<FilterValues>(() => valuesOf(search, thisYear));
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const specialists = useQuery(specialistsQuery());
  const offices = [
    ...new Map(
      (specialists.data?.items ?? []).map((person) => [person.officeId, person.officeName]),
    ),
  ].map(([value, label]) => ({ value, label }));
  const officeName = offices.find((office) => office.value === search.officeId)?.label;
  const list = useQuery({
    ...cbpValidationsQuery({
      year,
      officeId: search.officeId,
      specialistId: search.specialistId,
      status: search.status,
      kind: search.kind,
      cursor: paging.cursor,
    }),
    placeholderData: keepPreviousData,
  });

  const apply = (next: FilterValues) => {
    setValues(next);
    setPaging(FIRST_PAGE);
    void navigate({ to: '/cbp/validations', search: searchOf(next) });
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(values);
  };
  const cleared = valuesOf({}, thisYear);

  const columns: DataTableColumn<ValidationSummary>[] = [
    {
      id: 'member',
      header: t('validations.list.member'),
      cell: (row) => (
        <Link
          className="usa-link"
          to="/cbp/validations/$validationId"
          params={{ validationId: row.id }}
        >
          {row.memberName}
        </Link>
      ),
    },
    {
      id: 'kind',
      header: t('validations.facts.kind'),
      cell: (row) => t(`validations.kind.${row.kind}`),
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
      id: 'office',
      header: t('validations.facts.office'),
      cell: (row) => row.office?.name ?? t('validations.none'),
    },
    {
      id: 'specialist',
      header: t('validations.facts.specialist'),
      cell: (row) =>
        canPlan && isOpenValidation(row) ? (
          <AssignInline validation={row} />
        ) : (
          (row.specialist?.name ?? t('validations.unassigned'))
        ),
    },
  ];

  return (
    <>
      <h1 className="margin-top-0">{t('validations.planning.title')}</h1>
      <p className="usa-intro">{t('validations.planning.intro')}</p>
      <Form onSubmit={onFilter} label={t('validations.filters.label')} search className="maxw-full">
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-4">
            <SelectField
              id="validations-year"
              name="year"
              label={t('validations.filters.year')}
              options={[-1, 0, 1, 2, 3, 4].map((offset) => ({
                value: String(thisYear + offset),
                label: String(thisYear + offset),
              }))}
              value={values.year}
              onChange={(next) => setValues({ ...values, year: next })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <SelectField
              id="validations-office"
              name="officeId"
              label={t('validations.facts.office')}
              emptyOption={t('validations.filters.any')}
              options={offices}
              value={values.officeId}
              onChange={(officeId) => setValues({ ...values, officeId })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <SelectField
              id="validations-specialist"
              name="specialistId"
              label={t('validations.facts.specialist')}
              emptyOption={t('validations.filters.anyone')}
              options={(specialists.data?.items ?? []).map((person) => ({
                value: person.userId,
                label: person.displayName,
              }))}
              value={values.specialistId}
              onChange={(specialistId) => setValues({ ...values, specialistId })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <SelectField
              id="validations-status"
              name="status"
              label={t('validations.facts.status')}
              emptyOption={t('validations.filters.any')}
              options={VALIDATION_STATUSES.map((status) => ({
                value: status,
                label: t(`validations.status.${status}`),
              }))}
              value={values.status}
              onChange={(status) => setValues({ ...values, status })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <SelectField
              id="validations-kind"
              name="kind"
              label={t('validations.facts.kind')}
              emptyOption={t('validations.filters.any')}
              options={VALIDATION_KINDS.map((kind) => ({
                value: kind,
                label: t(`validations.kind.${kind}`),
              }))}
              value={values.kind}
              onChange={(kind) => setValues({ ...values, kind })}
            />
          </div>
        </div>
        <FilterActions
          applyLabel={t('validations.filters.apply')}
          clearLabel={t('validations.filters.clear')}
          filtered={JSON.stringify(values) !== JSON.stringify(cleared)}
          onClear={() => apply(cleared)}
        />
      </Form>

      {canPlan ? (
        <>
          <WorkloadPanel officeId={search.officeId} year={year} />
          <DuePanel officeId={search.officeId} year={year} canPlan={canPlan} />
          <PlanYearPanel officeId={search.officeId} officeName={officeName} year={year} />
        </>
      ) : null}

      <section aria-labelledby="validations-list-heading" className="margin-top-4">
        <h2 id="validations-list-heading">{t('validations.list.heading', { year })}</h2>
        {list.isPending ? (
          <p role="status" className="text-base-dark">
            {t('validations.loading')}
          </p>
        ) : list.isError ? (
          <ApiErrorAlert
            heading={t('validations.loadError')}
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : list.data.items.length === 0 ? (
          <p>{t('validations.list.empty')}</p>
        ) : (
          <>
            <DataTable
              caption={t('validations.list.caption', { year })}
              columns={columns}
              rows={list.data.items}
              rowKey={(row) => row.id}
              scrollable
            />
            <PageButtons
              hasPrevious={paging.previous.length > 0}
              nextCursor={list.data.nextCursor}
              onPrevious={() => setPaging(previousPage(paging))}
              onNext={(cursor) => setPaging(nextPage(paging, cursor))}
            />
          </>
        )}
      </section>
    </>
  );
}
