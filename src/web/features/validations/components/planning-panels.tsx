import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DueMember,
  SpecialistWorkload,
} from '../../../../domain/validations/validation-planning.schema.ts';
import { OPEN_VALIDATION_STATUSES } from '../../../../domain/validations/validation-vocabulary.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import {
  FIRST_PAGE,
  nextPage,
  PageButtons,
  type Paging,
  previousPage,
} from '../../../components/page-buttons.tsx';
import { SuccessNotice } from '../../../components/request-form.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../../components/ui/data-table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useCalendarDateFormat } from '../../../lib/use-calendar-date-format.ts';
import {
  dueMembersQuery,
  planValidation,
  planYear,
  refreshAllValidations,
  workloadQuery,
} from '../api/validations-api.ts';

/**
 * The planning view's panels (issue 6, item 1), for those who plan (`validation:plan:any`): the
 * workload per specialist, the members due in the plan year with a "plan" button each, and the
 * annual plan of an office in one step.
 */

export function WorkloadPanel({ officeId, year }: { officeId: string | undefined; year: number }) {
  const { t } = useTranslation();
  const workload = useQuery({
    ...workloadQuery(officeId, year),
    placeholderData: keepPreviousData,
  });
  const columns: DataTableColumn<SpecialistWorkload>[] = [
    {
      id: 'specialist',
      header: t('validations.facts.specialist'),
      cell: (line) => line.specialist?.name ?? t('validations.unassigned'),
    },
    {
      id: 'office',
      header: t('validations.facts.office'),
      cell: (line) => line.office?.name ?? '',
    },
    ...OPEN_VALIDATION_STATUSES.map((status) => ({
      id: status,
      header: t(`validations.status.${status}`),
      cell: (line: SpecialistWorkload) => line.open[status],
    })),
    {
      id: 'due',
      header: t('validations.workload.due', { year }),
      cell: (line) => line.dueThisYear,
    },
    {
      id: 'overdue',
      header: t('validations.overdue'),
      cell: (line) => (line.overdue > 0 ? <Tag tone="error">{line.overdue}</Tag> : 0),
    },
    {
      id: 'hours',
      header: t('validations.workload.hours', { year }),
      cell: (line) => line.hoursRecorded,
    },
  ];
  return (
    <section aria-labelledby="workload-heading" className="margin-top-4">
      <h2 id="workload-heading">{t('validations.workload.heading')}</h2>
      {workload.isPending ? (
        <p role="status" className="text-base-dark">
          {t('validations.loading')}
        </p>
      ) : workload.isError ? (
        <ApiErrorAlert
          heading={t('validations.loadError')}
          error={workload.error}
          onRetry={() => void workload.refetch()}
        />
      ) : (
        <DataTable
          caption={t('validations.workload.caption', { year })}
          columns={columns}
          rows={workload.data.items}
          rowKey={(line) => line.specialist?.id ?? 'unassigned'}
          scrollable
        />
      )}
    </section>
  );
}

function PlanButton({ member, year }: { member: DueMember; year: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = useMutation({
    mutationFn: () =>
      planValidation({ organisationId: member.organisationId, kind: member.kind, planYear: year }),
    onSuccess: () => void refreshAllValidations(queryClient),
  });
  return (
    <>
      <Button
        variant="outline"
        disabled={plan.isPending}
        aria-label={t('validations.due.planOf', { member: member.memberName })}
        onClick={() => plan.mutate()}
      >
        {t('validations.due.plan')}
      </Button>
      {plan.isError ? (
        <ApiErrorAlert heading={t('validations.due.failed')} headingLevel="h3" error={plan.error} />
      ) : null}
    </>
  );
}

export function DuePanel({
  officeId,
  year,
  canPlan,
}: {
  officeId: string | undefined;
  year: number;
  canPlan: boolean;
}) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const [key, setKey] = useState(`${officeId}|${year}`);
  if (key !== `${officeId}|${year}`) {
    // A new office or year starts again from its first page.
    setKey(`${officeId}|${year}`);
    setPaging(FIRST_PAGE);
  }
  const due = useQuery({
    ...dueMembersQuery({ year, officeId, cursor: paging.cursor }),
    placeholderData: keepPreviousData,
  });
  const columns: DataTableColumn<DueMember>[] = [
    { id: 'member', header: t('validations.list.member'), cell: (member) => member.memberName },
    {
      id: 'kind',
      header: t('validations.facts.kind'),
      cell: (member) => t(`validations.kind.${member.kind}`),
    },
    {
      id: 'due',
      header: t('validations.facts.due'),
      cell: (member) => (
        <>
          {date(member.dueOn)}
          {member.overdue ? (
            <>
              {' '}
              <Tag tone="error">{t('validations.overdue')}</Tag>
            </>
          ) : null}
          <br />
          <span className="font-sans-3xs text-base-dark">{member.citation}</span>
        </>
      ),
    },
    {
      id: 'office',
      header: t('validations.facts.office'),
      cell: (member) => member.office?.name ?? t('validations.none'),
    },
    {
      id: 'specialist',
      header: t('validations.due.memberSpecialist'),
      cell: (member) => member.assignedSpecialist?.name ?? t('validations.unassigned'),
    },
    ...(canPlan
      ? [
          {
            id: 'plan',
            header: t('validations.due.action'),
            cell: (member: DueMember) => <PlanButton member={member} year={year} />,
          },
        ]
      : []),
  ];
  return (
    <section aria-labelledby="due-heading" className="margin-top-4">
      <h2 id="due-heading">{t('validations.due.heading', { year })}</h2>
      <p>{t('validations.due.intro')}</p>
      {due.isPending ? (
        <p role="status" className="text-base-dark">
          {t('validations.loading')}
        </p>
      ) : due.isError ? (
        <ApiErrorAlert
          heading={t('validations.loadError')}
          error={due.error}
          onRetry={() => void due.refetch()}
        />
      ) : due.data.items.length === 0 ? (
        <p>{t('validations.due.none')}</p>
      ) : (
        <>
          <DataTable
            caption={t('validations.due.caption', { year })}
            columns={columns}
            rows={due.data.items}
            rowKey={(member) => member.organisationId}
            scrollable
          />
          <PageButtons
            hasPrevious={paging.previous.length > 0}
            nextCursor={due.data.nextCursor}
            onPrevious={() => setPaging(previousPage(paging))}
            onNext={(cursor) => setPaging(nextPage(paging, cursor))}
          />
        </>
      )}
    </section>
  );
}

/** The annual plan of one office: every due member planned at once, after a confirmation. */
export function PlanYearPanel({
  officeId,
  officeName,
  year,
}: {
  officeId: string | undefined;
  officeName: string | undefined;
  year: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const plan = useMutation({
    mutationFn: (office: string) => planYear(office, year),
    onSuccess: () => void refreshAllValidations(queryClient),
  });
  return (
    <section aria-labelledby="plan-year-heading" className="margin-top-4">
      <h2 id="plan-year-heading">{t('validations.planYear.heading', { year })}</h2>
      {officeId === undefined || officeName === undefined ? (
        <p>{t('validations.planYear.chooseOffice')}</p>
      ) : (
        <>
          <p>{t('validations.planYear.intro', { office: officeName, year })}</p>
          {plan.isSuccess ? (
            <SuccessNotice>
              {t('validations.planYear.done', {
                count: plan.data.planned,
                assigned: plan.data.assigned,
                unassigned: plan.data.unassigned,
                overdue: plan.data.overdue,
              })}
            </SuccessNotice>
          ) : null}
          {plan.isError ? (
            <ApiErrorAlert
              heading={t('validations.planYear.failed')}
              headingLevel="h3"
              error={plan.error}
            />
          ) : null}
          {asking ? (
            // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form fieldset
            <div role="group" aria-labelledby="plan-year-question">
              <p id="plan-year-question" className="margin-bottom-1">
                {t('validations.planYear.confirm', { office: officeName, year })}
              </p>
              <Button
                autoFocus
                onClick={() => {
                  setAsking(false);
                  plan.mutate(officeId);
                }}
              >
                {t('validations.planYear.yes')}
              </Button>
              <Button variant="unstyled" onClick={() => setAsking(false)}>
                {t('confirm.cancel')}
              </Button>
            </div>
          ) : (
            <Button disabled={plan.isPending} onClick={() => setAsking(true)}>
              {plan.isPending ? t('forms.saving') : t('validations.planYear.submit', { year })}
            </Button>
          )}
        </>
      )}
      <p className="margin-top-2">
        <Link to="/cbp/validations/metrics" className="usa-link">
          {t('validations.metricsLink')}
        </Link>
      </p>
    </section>
  );
}
