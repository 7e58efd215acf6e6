import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { SessionSummarySchema } from '../../../domain/accounts/session.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  accountKeys,
  mySessionsQuery,
  revokeSession,
  signOutEverywhereElse,
} from '../../features/account/api/account-api.ts';
import { AccountNav } from '../../features/account/components/account-nav.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { browserName } from '../../lib/user-agent.ts';

type SessionSummary = z.infer<typeof SessionSummarySchema>;

/** Where the person is signed in: each session with its device, and a way to end the others. */
export function AccountSessionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('sessions.title'));
  const format = useFormatters();
  const queryClient = useQueryClient();
  const sessions = useQuery(mySessionsQuery());
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
  const revoke = useMutation({ mutationFn: revokeSession, onSuccess: refresh });
  const others = useMutation({ mutationFn: signOutEverywhereElse, onSuccess: refresh });

  const device = (session: SessionSummary) => {
    const { browser, system } = browserName(session.userAgent);
    if (browser && system) {
      return t('sessions.browserOn', { browser, system });
    }
    return browser ?? system ?? t('sessions.unknownDevice');
  };

  const columns: DataTableColumn<SessionSummary>[] = [
    {
      id: 'device',
      header: t('sessions.columns.device'),
      cell: (session) => (
        <>
          {device(session)}
          {session.current ? (
            <span className="margin-left-1">
              <Tag tone="primary">{t('sessions.current')}</Tag>
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: 'address',
      header: t('sessions.columns.address'),
      cell: (session) => session.clientAddress ?? t('sessions.unknownAddress'),
    },
    {
      id: 'signedIn',
      header: t('sessions.columns.signedIn'),
      cell: (session) => format.dateTime(session.createdAt),
    },
    {
      id: 'lastSeen',
      header: t('sessions.columns.lastSeen'),
      cell: (session) => format.dateTime(session.lastSeenAt),
    },
    {
      id: 'actions',
      header: t('sessions.columns.actions'),
      cell: (session) =>
        session.current ? (
          <span className="text-base-dark">{t('sessions.thisOne')}</span>
        ) : revoke.isPending && revoke.variables === session.id ? (
          <span role="status">{t('sessions.revoking')}</span>
        ) : (
          <Button
            variant="outline"
            aria-label={t('sessions.revokeLabel', { device: device(session) })}
            onClick={() => revoke.mutate(session.id)}
          >
            {t('sessions.revoke')}
          </Button>
        ),
    },
  ];

  const otherCount = sessions.data?.items.filter((session) => !session.current).length ?? 0;

  return (
    <>
      <h1 className="margin-top-0">{t('sessions.heading')}</h1>
      <AccountNav />
      <p>{t('sessions.intro')}</p>
      {revoke.isError ? (
        <ApiErrorAlert heading={t('sessions.revokeFailed')} error={revoke.error} />
      ) : null}
      {others.isError ? (
        <ApiErrorAlert heading={t('sessions.othersFailed')} error={others.error} />
      ) : null}
      {others.data ? (
        <Alert type="success" slim role="status">
          <p className="margin-y-0">{t('sessions.othersDone', { count: others.data.revoked })}</p>
        </Alert>
      ) : null}
      {sessions.isPending ? (
        <p role="status" className="text-base-dark">
          {t('sessions.loading')}
        </p>
      ) : sessions.isError ? (
        <ApiErrorAlert
          heading={t('sessions.loadError')}
          error={sessions.error}
          onRetry={() => void sessions.refetch()}
        />
      ) : (
        <>
          <DataTable
            caption={t('sessions.caption')}
            columns={columns}
            rows={sessions.data.items}
            rowKey={(session) => session.id}
          />
          <Button
            variant="secondary"
            aria-disabled={others.isPending || otherCount === 0}
            onClick={() => {
              if (!others.isPending && otherCount > 0) {
                others.mutate();
              }
            }}
          >
            {others.isPending ? t('sessions.othersPending') : t('sessions.others')}
          </Button>
        </>
      )}
    </>
  );
}
