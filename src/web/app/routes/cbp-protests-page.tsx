import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Table } from '@trussworks/react-uswds';
import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CBP_CENTERS } from '../../../domain/protests/cbp-centers.ts';
import type { ProtestSummary } from '../../../domain/protests/protest-api.schema.ts';
import { PROTEST_STATUSES } from '../../../domain/protests/protest-vocabulary.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FilterActions } from '../../components/filter-actions.tsx';
import { PageButtons } from '../../components/page-buttons.tsx';
import { SuccessNotice } from '../../components/request-form.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Form, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import {
  bulkAssignProtests,
  type ProtestQueueFilter,
  protestQueueQuery,
  protestReviewersQuery,
} from '../../features/protests/api/protest-review-api.ts';
import { refreshProtests } from '../../features/protests/api/protests-api.ts';
import {
  NextClock,
  ProtestStatusTag,
  TradeComplianceTag,
} from '../../features/protests/components/protest-labels.tsx';
import { useCalendarDateFormat } from '../../lib/use-calendar-date-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan } from '../shell/use-viewer.ts';

type FilterValues = Required<{ [K in Exclude<keyof ProtestQueueFilter, 'cursor'>]: string }>;
const NO_FILTER: FilterValues = {
  center: '',
  reviewer: '',
  status: '',
  tradeCompliance: '',
  q: '',
};

function filterOf(values: FilterValues): ProtestQueueFilter {
  const pick = <T extends string>(value: string, known: readonly T[]) =>
    known.find((item) => item === value);
  return {
    center: pick(
      values.center,
      CBP_CENTERS.map((center) => center.code),
    ),
    reviewer: values.reviewer || undefined,
    status: pick(values.status, PROTEST_STATUSES),
    tradeCompliance: pick(values.tradeCompliance, ['true', 'false'] as const),
    q: values.q.trim() || undefined,
    cursor: null,
  };
}

/**
 * CBP's protest review queue (issue 7, item 4; ADR 0027), in the documented priority order:
 * deemed-denial clocks first, then verified Trade Compliance members, then age. Filters,
 * selection and bulk assignment with a count confirmation; each row shows the indicator and
 * the next clock with days left.
 */
export function CbpProtestsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('protests.queue.title'));
  const queryClient = useQueryClient();
  const canAssign = useCan('protest:review:any');
  const date = useCalendarDateFormat();
  const [values, setValues] = useState<FilterValues>(NO_FILTER);
  const [filter, setFilter] = useState<ProtestQueueFilter>(filterOf(NO_FILTER));
  const [previous, setPrevious] = useState<(string | null)[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const queue = useQuery({ ...protestQueueQuery(filter), placeholderData: keepPreviousData });
  const reviewers = useQuery(protestReviewersQuery());
  const [assignee, setAssignee] = useState('');
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The keyboard user lands on the confirmation as it appears.
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const assign = useMutation({
    mutationFn: (ids: string[]) => bulkAssignProtests(ids, assignee === '' ? null : assignee),
    onSuccess: async () => {
      setSelected(new Set());
      await refreshProtests(queryClient);
    },
  });
  const assigneeName =
    reviewers.data?.items.find((reviewer) => reviewer.userId === assignee)?.displayName ??
    t('profileReview.queue.unassigned');

  const apply = (next: FilterValues) => {
    setValues(next);
    setPrevious([]);
    setSelected(new Set());
    setFilter(filterOf(next));
  };
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(values);
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
    setConfirming(false);
  };

  return (
    <>
      <h1 className="margin-top-0">{t('protests.queue.title')}</h1>
      <p className="usa-intro">{t('protests.queue.order')}</p>
      <Form onSubmit={onFilter} label={t('cbpMembers.filters.label')} search className="maxw-full">
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-4">
            <SelectField
              id="queue-center"
              name="center"
              label={t('protests.f.center')}
              emptyOption={t('cbpMembers.filters.any')}
              options={CBP_CENTERS.map((center) => ({ value: center.code, label: center.name }))}
              value={values.center}
              onChange={(center) => setValues({ ...values, center })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <SelectField
              id="queue-reviewer"
              name="reviewer"
              label={t('protests.queue.reviewer')}
              emptyOption={t('cbpMembers.filters.anyone')}
              options={[
                { value: 'me', label: t('cbpMembers.filters.mine') },
                { value: 'unassigned', label: t('cbpMembers.filters.unassigned') },
                ...(reviewers.data?.items ?? []).map((reviewer) => ({
                  value: reviewer.userId,
                  label: reviewer.displayName,
                })),
              ]}
              value={values.reviewer}
              onChange={(reviewer) => setValues({ ...values, reviewer })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <SelectField
              id="queue-status"
              name="status"
              label={t('cbpMembers.filters.status')}
              emptyOption={t('protests.queue.open')}
              options={PROTEST_STATUSES.map((status) => ({
                value: status,
                label: t(`protests.status.${status}`),
              }))}
              value={values.status}
              onChange={(status) => setValues({ ...values, status })}
            />
          </div>
          <div className="tablet:grid-col-4">
            <SelectField
              id="queue-tc"
              name="tradeCompliance"
              label={t('protests.tc.heading')}
              emptyOption={t('cbpMembers.filters.any')}
              options={[
                { value: 'true', label: t('registry.eligibility.yes') },
                { value: 'false', label: t('registry.eligibility.no') },
              ]}
              value={values.tradeCompliance}
              onChange={(tradeCompliance) => setValues({ ...values, tradeCompliance })}
            />
          </div>
          <div className="tablet:grid-col-8">
            <TextField
              id="queue-q"
              name="q"
              label={t('protests.queue.q')}
              maxLength={100}
              value={values.q}
              onChange={(q) => setValues({ ...values, q })}
            />
          </div>
        </div>
        <FilterActions
          applyLabel={t('cbpMembers.filters.apply')}
          clearLabel={t('cbpMembers.filters.clear')}
          filtered={JSON.stringify(values) !== JSON.stringify(NO_FILTER)}
          onClear={() => apply(NO_FILTER)}
        />
      </Form>

      {canAssign ? (
        <section aria-labelledby="queue-assign-heading" className="margin-top-4">
          <h2 id="queue-assign-heading">{t('protests.queue.bulk')}</h2>
          {assign.isSuccess ? (
            <SuccessNotice>
              {t('protests.queue.assigned', { count: assign.data.assigned })}
            </SuccessNotice>
          ) : null}
          {assign.isError ? (
            <ApiErrorAlert
              heading={t('protests.queue.notAssigned')}
              headingLevel="h3"
              error={assign.error}
            />
          ) : null}
          <div className="display-flex flex-align-end flex-wrap">
            <div className="margin-right-2">
              <SelectField
                id="queue-assignee"
                name="assignee"
                label={t('protests.queue.reviewer')}
                options={[
                  { value: '', label: t('profileReview.queue.unassigned') },
                  ...(reviewers.data?.items ?? []).map((reviewer) => ({
                    value: reviewer.userId,
                    label: reviewer.displayName,
                  })),
                ]}
                value={assignee}
                onChange={(next) => {
                  setAssignee(next);
                  setConfirming(false);
                }}
              />
            </div>
            {confirming ? (
              // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form fieldset
              <div role="group" aria-labelledby="queue-assign-question">
                <p id="queue-assign-question" className="margin-bottom-1">
                  {t('protests.queue.confirm', { count: selected.size, name: assigneeName })}
                </p>
                <Button
                  ref={confirmRef}
                  onClick={() => {
                    setConfirming(false);
                    assign.mutate([...selected]);
                  }}
                >
                  {t('protests.queue.yes')}
                </Button>
                <Button variant="unstyled" onClick={() => setConfirming(false)}>
                  {t('confirm.cancel')}
                </Button>
              </div>
            ) : (
              <Button
                variant="outline"
                disabled={selected.size === 0 || assign.isPending}
                onClick={() => setConfirming(true)}
              >
                {t('protests.queue.assign', { count: selected.size })}
              </Button>
            )}
          </div>
        </section>
      ) : null}

      {queue.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : queue.isError ? (
        <ApiErrorAlert
          heading={t('protests.loadError')}
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : queue.data.items.length === 0 ? (
        <p>{t('protests.queue.empty')}</p>
      ) : (
        <>
          <QueueTable
            rows={queue.data.items}
            selectable={canAssign}
            selected={selected}
            onToggle={toggle}
            date={date}
          />
          <PageButtons
            hasPrevious={previous.length > 0}
            nextCursor={queue.data.nextCursor}
            onPrevious={() => {
              setFilter({ ...filter, cursor: previous.at(-1) ?? null });
              setPrevious(previous.slice(0, -1));
            }}
            onNext={(next) => {
              setPrevious([...previous, filter.cursor ?? null]);
              setFilter({ ...filter, cursor: next });
            }}
          />
        </>
      )}
    </>
  );
}

function QueueTable({
  rows,
  selectable,
  selected,
  onToggle,
  date,
}: {
  rows: readonly ProtestSummary[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  date: (day: string) => string;
}) {
  const { t } = useTranslation();
  const headers = {
    number: t('protests.f.number'),
    protestant: t('protests.f.protestant'),
    tc: t('protests.tc.heading'),
    status: t('cbpMembers.filters.status'),
    center: t('protests.f.center'),
    filed: t('protests.f.filed'),
    next: t('protests.clocks.next'),
    reviewer: t('protests.queue.reviewer'),
  };
  return (
    <Table caption={t('protests.queue.caption')} fullWidth scrollable>
      <thead>
        <tr>
          {selectable ? (
            <th scope="col">
              <span className="usa-sr-only">{t('protests.queue.select')}</span>
            </th>
          ) : null}
          {Object.entries(headers).map(([key, header]) => (
            <th key={key} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {selectable ? (
              <td data-label={t('protests.queue.select')}>
                <input
                  type="checkbox"
                  id={`queue-select-${row.id}`}
                  aria-label={t('protests.queue.selectOne', { number: row.protestNumber })}
                  checked={selected.has(row.id)}
                  onChange={(event: ChangeEvent<HTMLInputElement>) =>
                    onToggle(row.id, event.target.checked)
                  }
                />
              </td>
            ) : null}
            <th scope="row" data-label={headers.number}>
              <Link
                className="usa-link"
                to="/cbp/protests/$protestId"
                params={{ protestId: row.id }}
              >
                {row.protestNumber}
              </Link>
            </th>
            <td data-label={headers.protestant}>
              {row.protestantName}
              <br />
              <span className="font-sans-3xs">{row.importerNumber}</span>
            </td>
            <td data-label={headers.tc}>
              <TradeComplianceTag verified={row.tradeCompliance} />
            </td>
            <td data-label={headers.status}>
              <ProtestStatusTag status={row.status} />
            </td>
            <td data-label={headers.center}>{row.center}</td>
            <td data-label={headers.filed}>{date(row.filedOn)}</td>
            <td data-label={headers.next}>
              <NextClock clock={row.nextClock} />
            </td>
            <td data-label={headers.reviewer}>
              {row.assignedReviewer?.displayName ?? t('profileReview.queue.unassigned')}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
