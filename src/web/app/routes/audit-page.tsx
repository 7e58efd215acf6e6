import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction } from '../../../domain/audit/audit-events.ts';
import type { AuditEventView } from '../../../domain/audit/audit-query.schema.ts';
import { ROLES } from '../../../domain/authorization/roles.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { FilterActions } from '../../components/filter-actions.tsx';
import { Button } from '../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import {
  Form,
  SelectField,
  type SelectFieldProps,
  TextField,
} from '../../components/ui/form-fields.tsx';
import {
  type AuditFilter,
  auditEventsQuery,
  auditExportUrl,
  auditOrganisationsQuery,
} from '../../features/audit/api/audit-api.ts';
import { membersQuery } from '../../features/users/api/users-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import type { AuditSearch } from '../route-search.ts';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/** What the audit trail's targets are called (targetType values the services write). */
const TARGET_TYPES = ['user', 'session', 'invitation', 'api_token', 'organisation'] as const;

/** A calendar day (YYYY-MM-DD) in the reader's time zone → the instant it starts. */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** The instant after a calendar day ends (the API's `to` is exclusive). */
function endOfDay(day: string): string {
  const start = new Date(`${day}T00:00:00`);
  start.setDate(start.getDate() + 1);
  return start.toISOString();
}

function filterOf(search: AuditSearch): AuditFilter {
  return {
    action: search.action,
    actorUserId: search.actorUserId,
    organisationId: search.organisationId,
    targetType: search.targetType,
    from: search.from ? startOfDay(search.from) : undefined,
    to: search.to ? endOfDay(search.to) : undefined,
  };
}

function actionFrom(value: string): AuditAction | undefined {
  return AUDIT_ACTIONS.find((action) => action === value);
}

/**
 * The audit trail: every recorded change, newest first, filtered by action, person, target,
 * organisation (for agency-wide readers) and dates; pages of 50; the same view as CSV.
 */
export function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const search = useSearch({ from: '/audit' });
  const navigate = useNavigate({ from: '/audit' });
  const session = useSignedIn();
  const acrossOrganisations = useCan('audit:read:any');
  const canReadUsers = useCan('users:read');
  const filter = filterOf(search);
  const events = useInfiniteQuery(auditEventsQuery(filter));
  const members = useQuery({
    ...membersQuery(session?.organisationId ?? ''),
    enabled: canReadUsers && Boolean(session?.organisationId),
  });
  const organisations = useQuery({ ...auditOrganisationsQuery(), enabled: acrossOrganisations });
  const names = new Map(members.data?.items.map((member) => [member.userId, member.displayName]));
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <h1 className="margin-top-0">{t('audit.heading')}</h1>
      <p className="usa-intro">{acrossOrganisations ? t('audit.introAny') : t('audit.intro')}</p>
      <AuditFilters
        key={JSON.stringify(search)}
        initial={search}
        actors={
          members.data?.items.map((member) => ({
            value: member.userId,
            label: member.displayName,
          })) ?? []
        }
        organisations={
          acrossOrganisations
            ? (organisations.data?.items.map((org) => ({ value: org.id, label: org.legalName })) ??
              [])
            : null
        }
        onApply={(next) => void navigate({ search: next })}
      />
      <p className="margin-top-3">
        <a href={auditExportUrl(filter)} className="usa-button usa-button--outline" download>
          {t('audit.export')}
        </a>
      </p>
      {events.isPending ? (
        <p role="status" className="text-base-dark">
          {t('audit.loading')}
        </p>
      ) : events.isError && rows.length === 0 ? (
        <ApiErrorAlert
          heading={t('audit.loadError')}
          error={events.error}
          onRetry={() => void events.refetch()}
        />
      ) : (
        <>
          <p role="status" className="margin-y-1">
            {rows.length === 0 ? t('audit.none') : t('audit.shown', { count: rows.length })}
            {events.hasNextPage ? ` ${t('audit.moreAvailable')}` : null}
          </p>
          {rows.length > 0 ? (
            <AuditTable rows={rows} names={names} showOrganisation={acrossOrganisations} />
          ) : null}
          {events.isFetchNextPageError ? (
            <ApiErrorAlert heading={t('audit.loadError')} error={events.error} />
          ) : null}
          {events.hasNextPage ? (
            <Button
              variant="outline"
              aria-disabled={events.isFetchingNextPage}
              onClick={() => {
                if (!events.isFetchingNextPage) {
                  void events.fetchNextPage();
                }
              }}
            >
              {events.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}

interface Option {
  value: string;
  label: string;
}

function AuditFilters({
  initial,
  actors,
  organisations,
  onApply,
}: {
  initial: AuditSearch;
  actors: readonly Option[];
  organisations: readonly Option[] | null;
  onApply: (search: AuditSearch) => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<string>(initial.action ?? '');
  const [actor, setActor] = useState(initial.actorUserId ?? '');
  const [organisation, setOrganisation] = useState(initial.organisationId ?? '');
  const [targetType, setTargetType] = useState(initial.targetType ?? '');
  const [from, setFrom] = useState(initial.from ?? '');
  const [to, setTo] = useState(initial.to ?? '');
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const filtered = Object.values(initial).some((value) => value !== undefined);
  const orNothing = (value: string) => (value === '' ? undefined : value);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (from !== '' && to !== '' && to < from) {
      setDateError(t('audit.filters.toBeforeFrom'));
      document.getElementById('audit-to')?.focus();
      return;
    }
    setDateError(undefined);
    onApply({
      action: actionFrom(action),
      actorUserId: orNothing(actor),
      organisationId: orNothing(organisation),
      targetType: orNothing(targetType),
      from: orNothing(from),
      to: orNothing(to),
    });
  };

  return (
    <Form onSubmit={submit} label={t('audit.filters.label')} search className="maxw-full">
      <div className="grid-row grid-gap">
        <FilterSelect
          id="audit-action"
          name="action"
          label={t('audit.filters.action')}
          value={action}
          onChange={setAction}
          emptyOption={t('audit.filters.anyAction')}
          options={AUDIT_ACTIONS.map((value) => ({ value, label: t(`auditActions.${value}`) }))}
        />
        <FilterSelect
          id="audit-target"
          name="targetType"
          label={t('audit.filters.target')}
          value={targetType}
          onChange={setTargetType}
          emptyOption={t('audit.filters.anyTarget')}
          options={TARGET_TYPES.map((value) => ({ value, label: t(`audit.targets.${value}`) }))}
        />
        {actors.length > 0 ? (
          <FilterSelect
            id="audit-actor"
            name="actorUserId"
            label={t('audit.filters.actor')}
            hint={t('audit.filters.actorHint')}
            value={actor}
            onChange={setActor}
            emptyOption={t('audit.filters.anyone')}
            options={actors}
          />
        ) : null}
        {organisations ? (
          <FilterSelect
            id="audit-organisation"
            name="organisationId"
            label={t('audit.filters.organisation')}
            value={organisation}
            onChange={setOrganisation}
            emptyOption={t('audit.filters.anyOrganisation')}
            options={organisations}
          />
        ) : null}
        <DateFilter
          id="audit-from"
          name="from"
          label={t('audit.filters.from')}
          value={from}
          onChange={setFrom}
        />
        <DateFilter
          id="audit-to"
          name="to"
          label={t('audit.filters.to')}
          value={to}
          error={dateError}
          onChange={setTo}
        />
      </div>
      <FilterActions
        applyLabel={t('audit.filters.apply')}
        clearLabel={t('audit.filters.clear')}
        filtered={filtered}
        onClear={() => onApply({})}
      />
    </Form>
  );
}

/** A select filter in half the row (a tablet and wider). */
function FilterSelect(props: SelectFieldProps) {
  return (
    <div className="tablet:grid-col-6">
      <SelectField {...props} />
    </div>
  );
}

interface DateFilterProps {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
}

/** A calendar-day filter in half the row. */
function DateFilter({ id, name, label, value, error, onChange }: DateFilterProps) {
  return (
    <div className="tablet:grid-col-6">
      <TextField
        id={id}
        name={name}
        type="date"
        label={label}
        value={value}
        error={error}
        onChange={onChange}
      />
    </div>
  );
}

function AuditTable({
  rows,
  names,
  showOrganisation,
}: {
  rows: readonly AuditEventView[];
  names: ReadonlyMap<string, string>;
  showOrganisation: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const actor = (event: AuditEventView) => {
    if (event.actorApiTokenId) {
      return t('audit.actorToken');
    }
    if (event.actorUserId) {
      const name =
        names.get(event.actorUserId) ?? t('audit.actorUser', { id: event.actorUserId.slice(0, 8) });
      const role = ROLES.find((candidate) => candidate === event.actorRole);
      return role ? `${name} (${t(`roles.${role}`)})` : name;
    }
    return t('audit.actorSystem');
  };
  const columns: DataTableColumn<AuditEventView>[] = [
    {
      id: 'time',
      header: t('audit.columns.time'),
      cell: (event) => (
        <span className="text-normal text-no-wrap">{format.dateTime(event.occurredAt)}</span>
      ),
    },
    {
      id: 'action',
      header: t('audit.columns.action'),
      cell: (event) => (
        <>
          {t(`auditActions.${event.action}`)}
          <span className="display-block font-mono-3xs text-base-dark">{event.action}</span>
        </>
      ),
    },
    { id: 'actor', header: t('audit.columns.actor'), cell: actor },
    {
      id: 'target',
      header: t('audit.columns.target'),
      cell: (event) => {
        const known = TARGET_TYPES.find((type) => type === event.targetType);
        return (
          <>
            {known ? t(`audit.targets.${known}`) : event.targetType}
            {event.targetId ? (
              <span className="display-block font-mono-3xs text-base-dark" title={event.targetId}>
                {event.targetId.length > 12 ? `${event.targetId.slice(0, 8)}…` : event.targetId}
              </span>
            ) : null}
          </>
        );
      },
    },
    ...(showOrganisation
      ? [
          {
            id: 'organisation',
            header: t('audit.columns.organisation'),
            cell: (event: AuditEventView) => event.organisationName ?? t('audit.noOrganisation'),
          },
        ]
      : []),
    {
      id: 'details',
      header: t('audit.columns.details'),
      cell: (event) =>
        event.before === null && event.after === null ? null : (
          <details>
            <summary className="usa-link">{t('audit.showDetails')}</summary>
            <pre className="font-mono-3xs margin-0 maxw-mobile overflow-x-auto">
              {JSON.stringify({ before: event.before, after: event.after }, null, 2)}
            </pre>
          </details>
        ),
    },
  ];
  return (
    <DataTable
      caption={t('audit.caption')}
      columns={columns}
      rows={rows}
      rowKey={(event) => `${event.chain}:${event.seq}`}
      dense
      scrollable
    />
  );
}
