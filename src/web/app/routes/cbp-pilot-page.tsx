import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PilotRequestView } from '../../../domain/registry/lifecycle/pilot.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  decidePilotRequest,
  pilotKeys,
  pilotQueueQuery,
} from '../../features/pilot/api/pilot-api.ts';
import { PilotStatusBox } from '../../features/pilot/components/pilot-status-box.tsx';
import { REQUEST_STATUS_TONE } from '../../features/pilot/components/request-status-tone.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';

/**
 * CBP's view of the 3PL pilot (issue 4, item 6): every request per category in the order it
 * arrived (90 FR 52690: first come, first served), each waiting one with its place in line and
 * whether it fits in the cap, to accept or refuse with a reason.
 */
export function CbpPilotPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('pilot.cbp.title'));
  const queue = useQuery(pilotQueueQuery());
  return (
    <>
      <h1 className="margin-top-0">{t('pilot.cbp.heading')}</h1>
      <p className="usa-intro">{t('pilot.cbp.intro')}</p>
      {queue.isPending ? (
        <p role="status" className="text-base-dark">
          {t('pilot.loading')}
        </p>
      ) : queue.isError ? (
        <ApiErrorAlert
          heading={t('pilot.loadError')}
          error={queue.error}
          onRetry={() => void queue.refetch()}
        />
      ) : (
        <>
          <PilotStatusBox status={queue.data.pilot} />
          {queue.data.categories.map((entry) => (
            <CategoryQueue
              key={entry.category}
              heading={t(`pilot.category.${entry.category}`)}
              id={`pilot-queue-${entry.category}`}
              requests={entry.requests}
            />
          ))}
        </>
      )}
    </>
  );
}

function CategoryQueue({
  heading,
  id,
  requests,
}: {
  heading: string;
  id: string;
  requests: readonly PilotRequestView[];
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columns: DataTableColumn<PilotRequestView>[] = [
    {
      id: 'company',
      header: t('pilot.cbp.columns.company'),
      cell: (request) => request.legalName,
    },
    {
      id: 'requested',
      header: t('pilot.cbp.columns.requested'),
      cell: (request) => format.dateTime(request.requestedAt),
    },
    {
      id: 'status',
      header: t('pilot.cbp.columns.status'),
      cell: (request) => (
        <Tag tone={REQUEST_STATUS_TONE[request.status]}>
          {t(`pilot.requestStatus.${request.status}`)}
        </Tag>
      ),
    },
    {
      id: 'place',
      header: t('pilot.cbp.columns.place'),
      cell: (request) =>
        request.rank === null
          ? '—'
          : t(request.withinCap ? 'pilot.cbp.withinCap' : 'pilot.cbp.pastCap', {
              rank: request.rank,
            }),
    },
    {
      id: 'reason',
      header: t('pilot.cbp.columns.reason'),
      cell: (request) => request.reason ?? '—',
    },
    {
      id: 'decision',
      header: t('pilot.cbp.columns.decision'),
      cell: (request) => (request.status === 'waiting' ? <Decision request={request} /> : null),
    },
  ];
  return (
    <section aria-labelledby={id} className="margin-bottom-4">
      <h2 id={id}>{heading}</h2>
      {requests.length === 0 ? (
        <p>{t('pilot.cbp.none')}</p>
      ) : (
        <DataTable
          caption={t('pilot.cbp.caption', { category: heading })}
          scrollable
          columns={columns}
          rows={requests}
          rowKey={(request) => request.id}
        />
      )}
    </section>
  );
}

/** Accept (while within the cap) or refuse with a reason, for one waiting request. */
function Decision({ request }: { request: PilotRequestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'refuse') =>
      decidePilotRequest(
        request.id,
        decision === 'accept' ? { decision } : { decision, reason: reason.trim() },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pilotKeys.all }),
  });
  const reasonId = `pilot-refuse-reason-${request.id}`;
  if (decide.isPending) {
    return (
      <span role="status" className="font-sans-2xs">
        {t('pilot.cbp.deciding')}
      </span>
    );
  }
  return (
    <div>
      {decide.isError ? (
        <ApiErrorAlert
          heading={t('pilot.cbp.decideFailed')}
          headingLevel="h3"
          error={decide.error}
        />
      ) : null}
      {request.withinCap ? (
        <Button
          aria-label={t('pilot.cbp.acceptLabel', { company: request.legalName })}
          onClick={() => decide.mutate('accept')}
        >
          {t('pilot.cbp.accept')}
        </Button>
      ) : null}
      <div className="margin-top-1">
        <label className="usa-label margin-top-0 font-sans-2xs" htmlFor={reasonId}>
          {t('pilot.cbp.reason', { company: request.legalName })}
        </label>
        {missingReason ? (
          <span className="usa-error-message" id={`${reasonId}-error`}>
            {t('pilot.cbp.reasonRequired')}
          </span>
        ) : null}
        <textarea
          id={reasonId}
          className={`usa-textarea height-10${missingReason ? ' usa-input--error' : ''}`}
          value={reason}
          maxLength={2000}
          aria-invalid={missingReason ? true : undefined}
          aria-describedby={missingReason ? `${reasonId}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <Button
          variant="outline"
          className="margin-top-1"
          aria-label={t('pilot.cbp.refuseLabel', { company: request.legalName })}
          onClick={() => {
            if (reason.trim() === '') {
              setMissingReason(true);
              return;
            }
            setMissingReason(false);
            decide.mutate('refuse');
          }}
        >
          {t('pilot.cbp.refuse')}
        </Button>
      </div>
    </div>
  );
}
