import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  OwnPilotView,
  PilotRequestView,
} from '../../../domain/registry/lifecycle/pilot.schema.ts';
import {
  PILOT_CATEGORIES,
  type PilotCategory,
} from '../../../domain/registry/lifecycle/third-party-logistics-pilot.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { FormSection, RequestForm } from '../../components/request-form.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { SelectField } from '../../components/ui/form-fields.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  ownPilotQuery,
  pilotKeys,
  requestPilotPlace,
  withdrawPilotRequest,
} from '../../features/pilot/api/pilot-api.ts';
import { PilotAbout } from '../../features/pilot/components/pilot-about.tsx';
import { PilotStatusBox } from '../../features/pilot/components/pilot-status-box.tsx';
import { REQUEST_STATUS_TONE } from '../../features/pilot/components/request-status-tone.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * The 3PL pilot for a member company (issue 4, item 6): what the pilot is, its dates and places
 * left, the officer's request, and the company's requests with their place in line.
 */
export function PilotPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('pilot.title'));
  const pilot = useQuery(ownPilotQuery());
  return (
    <>
      <h1 className="margin-top-0">{t('pilot.heading')}</h1>
      <p className="usa-intro">{t('pilot.intro')}</p>
      {pilot.isPending ? (
        <p role="status" className="text-base-dark">
          {t('pilot.loading')}
        </p>
      ) : pilot.isError ? (
        <ApiErrorAlert
          heading={t('pilot.loadError')}
          error={pilot.error}
          onRetry={() => void pilot.refetch()}
        />
      ) : (
        <>
          <PilotStatusBox status={pilot.data.pilot} />
          <RequestSection view={pilot.data} />
          <OwnRequests requests={pilot.data.requests} />
        </>
      )}
      <PilotAbout />
    </>
  );
}

function isOpen(request: PilotRequestView): boolean {
  return request.status === 'waiting' || request.status === 'accepted';
}

function categoryFrom(value: string): PilotCategory {
  return PILOT_CATEGORIES.find((category) => category === value) ?? 'asset_based';
}

/** The officer's request, or why the company cannot ask now. */
function RequestSection({ view }: { view: OwnPilotView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canRequest = useCan('pilot:request');
  const form = useApiForm({
    initial: { category: 'asset_based' },
    submit: (values) => requestPilotPlace(categoryFrom(values.category)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
  });
  const latest = form.result;
  let blocker: string | null = null;
  if (view.pilot.phase === 'end_date_not_set' || view.pilot.phase === 'ended') {
    blocker = t(`pilot.request.closed.${view.pilot.phase}`);
  } else if (view.ineligibleReason !== null) {
    blocker = t(`pilot.ineligible.${view.ineligibleReason}`);
  } else if (view.requests.some(isOpen)) {
    blocker = t('pilot.request.alreadyOpen');
  } else if (!canRequest) {
    blocker = t('pilot.request.officerOnly');
  }
  return (
    <FormSection
      id="pilot-request"
      heading={t('pilot.request.heading')}
      className="margin-bottom-4"
    >
      {latest ? (
        <Alert
          type={latest.status === 'refused' ? 'warning' : 'success'}
          slim
          role="status"
          className="margin-bottom-2"
        >
          <p className="margin-y-0">
            {latest.status === 'refused'
              ? t('pilot.request.refused', { reason: latest.reason ?? '' })
              : t('pilot.request.waiting', { rank: latest.rank ?? 1 })}
          </p>
        </Alert>
      ) : null}
      {blocker !== null ? (
        <p>{blocker}</p>
      ) : (
        <RequestForm
          form={form}
          label={t('pilot.request.heading')}
          failedHeading={t('pilot.request.failed')}
          submitLabel={t('pilot.request.submit')}
          pendingLabel={t('pilot.request.sending')}
        >
          <SelectField
            id="pilot-category"
            name="category"
            label={t('pilot.request.category')}
            hint={t('pilot.request.categoryHint')}
            value={form.values.category}
            error={form.errors.category}
            options={PILOT_CATEGORIES.map((category) => ({
              value: category,
              label: t(`pilot.category.${category}`),
            }))}
            onChange={(value) => form.set('category', value)}
          />
        </RequestForm>
      )}
    </FormSection>
  );
}

function OwnRequests({ requests }: { requests: readonly PilotRequestView[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const canRequest = useCan('pilot:request');
  const withdraw = useMutation({
    mutationFn: (request: PilotRequestView) => withdrawPilotRequest(request.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pilotKeys.all }),
  });
  const columns: DataTableColumn<PilotRequestView>[] = [
    {
      id: 'category',
      header: t('pilot.requests.columns.category'),
      cell: (request) => t(`pilot.category.${request.category}`),
    },
    {
      id: 'status',
      header: t('pilot.requests.columns.status'),
      cell: (request) => (
        <Tag tone={REQUEST_STATUS_TONE[request.status]}>
          {t(`pilot.requestStatus.${request.status}`)}
        </Tag>
      ),
    },
    {
      id: 'requested',
      header: t('pilot.requests.columns.requested'),
      cell: (request) => format.dateTime(request.requestedAt),
    },
    {
      id: 'place',
      header: t('pilot.requests.columns.place'),
      cell: (request) => (request.rank === null ? '—' : String(request.rank)),
    },
    {
      id: 'reason',
      header: t('pilot.requests.columns.reason'),
      cell: (request) => request.reason ?? '—',
    },
    {
      id: 'actions',
      header: t('pilot.requests.columns.actions'),
      cell: (request) =>
        canRequest && isOpen(request) ? (
          <ConfirmButton
            label={t('pilot.requests.withdraw')}
            accessibleLabel={t('pilot.requests.withdrawLabel', {
              category: t(`pilot.category.${request.category}`),
            })}
            question={t('pilot.requests.withdrawQuestion')}
            confirmLabel={t('pilot.requests.withdrawConfirm')}
            pending={withdraw.isPending && withdraw.variables?.id === request.id}
            pendingLabel={t('pilot.requests.withdrawing')}
            onConfirm={() => withdraw.mutate(request)}
          />
        ) : null,
    },
  ];
  return (
    <section aria-labelledby="pilot-own-requests" className="margin-bottom-4">
      <h2 id="pilot-own-requests">{t('pilot.requests.heading')}</h2>
      {withdraw.isError ? (
        <ApiErrorAlert
          heading={t('pilot.requests.withdrawFailed')}
          headingLevel="h3"
          error={withdraw.error}
        />
      ) : null}
      {requests.length === 0 ? (
        <p>{t('pilot.requests.none')}</p>
      ) : (
        <DataTable
          caption={t('pilot.requests.caption')}
          scrollable
          columns={columns}
          rows={requests}
          rowKey={(request) => request.id}
        />
      )}
    </section>
  );
}
