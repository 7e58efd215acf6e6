import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TradeComplianceView } from '../../../domain/registry/trade-compliance/trade-compliance.schema.ts';
import {
  TRADE_COMPLIANCE_STATUSES,
  type TradeComplianceStatus,
} from '../../../domain/registry/trade-compliance/trade-compliance-vocabulary.ts';
import { useCan } from '../../app/shell/use-viewer.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { RequestForm, SuccessNotice } from '../../components/request-form.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useCalendarDateFormat } from '../../lib/use-calendar-date-format.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { isBlank } from '../../lib/validators.ts';
import {
  setTradeCompliance,
  tradeComplianceKeys,
  tradeComplianceQuery,
} from './api/trade-compliance-api.ts';

const STATUS_TONE: Record<TradeComplianceStatus, 'success' | 'warning' | 'base'> = {
  active: 'success',
  suspended: 'warning',
  inactive: 'base',
};

type HistoryEntry = TradeComplianceView['history'][number];

/**
 * A member's CTPAT Trade Compliance status and its history, for CBP's member file (issue 7,
 * item 3: the protest indicator reads it); program managers (`trade_compliance:manage:any`)
 * set it here with the date and the reason, until a Trade Compliance module exists.
 */
export function TradeCompliancePanel({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const date = useCalendarDateFormat();
  const format = useFormatters();
  const canManage = useCan('trade_compliance:manage:any');
  const view = useQuery(tradeComplianceQuery(organisationId));
  const headingId = `trade-compliance-${organisationId}`;
  const columns: DataTableColumn<HistoryEntry>[] = [
    {
      id: 'status',
      header: t('tradeCompliance.columns.status'),
      cell: (entry) => t(`tradeCompliance.status.${entry.status}`),
    },
    {
      id: 'since',
      header: t('tradeCompliance.columns.since'),
      cell: (entry) => date(entry.since),
    },
    { id: 'reason', header: t('tradeCompliance.columns.reason'), cell: (entry) => entry.reason },
    {
      id: 'changed',
      header: t('tradeCompliance.columns.changed'),
      cell: (entry) => format.dateTime(entry.changedAt),
    },
  ];
  return (
    <section aria-labelledby={headingId} className="margin-bottom-4">
      <h2 id={headingId}>{t('tradeCompliance.heading')}</h2>
      {view.isPending ? (
        <p role="status" className="text-base-dark">
          {t('tradeCompliance.loading')}
        </p>
      ) : view.isError ? (
        <ApiErrorAlert
          heading={t('tradeCompliance.loadError')}
          headingLevel="h3"
          error={view.error}
          onRetry={() => void view.refetch()}
        />
      ) : (
        <>
          <p>
            {view.data.current === null ? (
              t('tradeCompliance.never')
            ) : (
              <>
                <Tag tone={STATUS_TONE[view.data.current.status]}>
                  {t(`tradeCompliance.status.${view.data.current.status}`)}
                </Tag>{' '}
                {t('tradeCompliance.since', { date: date(view.data.current.since) })}
              </>
            )}
          </p>
          {view.data.history.length > 0 ? (
            <DataTable
              caption={t('tradeCompliance.historyCaption')}
              scrollable
              columns={columns}
              rows={view.data.history}
              rowKey={(entry) => String(entry.seq)}
            />
          ) : null}
          {canManage ? (
            <SetStatusForm organisationId={organisationId} current={view.data.current} />
          ) : null}
        </>
      )}
    </section>
  );
}

type StatusValues = { status: string; since: string; reason: string };

function statusFrom(value: string): TradeComplianceStatus {
  return TRADE_COMPLIANCE_STATUSES.find((status) => status === value) ?? 'active';
}

function SetStatusForm({
  organisationId,
  current,
}: {
  organisationId: string;
  current: TradeComplianceView['current'];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm({
    initial: { status: current?.status ?? 'active', since: '', reason: '' } as StatusValues,
    validate: (values) => {
      const errors: FieldErrors<StatusValues> = {};
      if (isBlank(values.since)) {
        errors.since = t('forms.errors.required');
      }
      if (isBlank(values.reason)) {
        errors.reason = t('forms.errors.required');
      }
      return errors;
    },
    submit: (values) =>
      setTradeCompliance(organisationId, {
        status: statusFrom(values.status),
        since: values.since,
        reason: values.reason.trim(),
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(tradeComplianceKeys.of(organisationId), result);
    },
    resetOnSuccess: true,
  });
  const idPrefix = `trade-compliance-${organisationId}`;
  return (
    <>
      <h3>{t('tradeCompliance.form.heading')}</h3>
      {form.result ? <SuccessNotice>{t('tradeCompliance.form.saved')}</SuccessNotice> : null}
      <RequestForm
        form={form}
        label={t('tradeCompliance.form.heading')}
        failedHeading={t('tradeCompliance.form.failed')}
        submitLabel={t('tradeCompliance.form.submit')}
        pendingLabel={t('forms.saving')}
      >
        <SelectField
          id={`${idPrefix}-status`}
          name="status"
          label={t('tradeCompliance.form.status')}
          value={form.values.status}
          error={form.errors.status}
          options={TRADE_COMPLIANCE_STATUSES.map((status) => ({
            value: status,
            label: t(`tradeCompliance.status.${status}`),
          }))}
          onChange={(value) => form.set('status', value)}
        />
        <TextField
          id={`${idPrefix}-since`}
          name="since"
          type="date"
          label={t('tradeCompliance.form.since')}
          hint={t('tradeCompliance.form.sinceHint')}
          value={form.values.since}
          error={form.errors.since}
          onChange={(value) => form.set('since', value)}
        />
        <TextField
          id={`${idPrefix}-reason`}
          name="reason"
          label={t('tradeCompliance.form.reason')}
          hint={t('tradeCompliance.form.reasonHint')}
          maxLength={2000}
          value={form.values.reason}
          error={form.errors.reason}
          onChange={(value) => form.set('reason', value)}
        />
      </RequestForm>
    </>
  );
}
