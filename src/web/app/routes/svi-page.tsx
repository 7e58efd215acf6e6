import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SviConnection,
  SviConnectionAction,
  SviParticipation,
  SviPartnerStatus,
} from '../../../domain/registry/status-verification/svi.schema.ts';
import { SVI_NUMBER_EXAMPLE } from '../../../domain/registry/status-verification/svi-number.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { FormSection, RequestForm, SuccessNotice } from '../../components/request-form.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { SummaryBox } from '../../components/ui/summary-box.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  actOnSviConnection,
  joinSvi,
  leaveSvi,
  requestSviConnection,
  sendSviStatusConfirmation,
  sviConnectionsQuery,
  sviKeys,
  sviParticipationQuery,
  sviStatusConfirmationsQuery,
} from '../../features/svi/api/svi-api.ts';
import { type FieldErrors, useApiForm } from '../../lib/use-api-form.ts';
import { useCalendarDateFormat } from '../../lib/use-calendar-date-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { isBlank, looksLikeEmail } from '../../lib/validators.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * Status Verification Interface (issue 4, item 8): the company consents to SVI (join/leave),
 * gives partners its SVI number, sends and answers connection requests, sees connected
 * partners' current CTPAT status, and e-mails an official status confirmation to non-members.
 */
export function SviPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('svi.title'));
  const participation = useQuery(sviParticipationQuery());
  return (
    <>
      <h1 className="margin-top-0">{t('svi.heading')}</h1>
      <p className="usa-intro">{t('svi.intro')}</p>
      {participation.isPending ? (
        <p role="status" className="text-base-dark">
          {t('svi.loading')}
        </p>
      ) : participation.isError ? (
        <ApiErrorAlert
          heading={t('svi.loadError')}
          error={participation.error}
          onRetry={() => void participation.refetch()}
        />
      ) : participation.data.participating ? (
        <>
          <ParticipationSummary participation={participation.data} />
          <ConnectionsSections />
          <StatusConfirmationSection />
        </>
      ) : (
        <JoinSection participation={participation.data} />
      )}
    </>
  );
}

/** What consenting shares, and with whom: the terms the company accepts by joining. */
function ConsentTerms() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('svi.join.shares')}</p>
      <ul>
        <li>{t('svi.join.sharesName')}</li>
        <li>{t('svi.join.sharesEntityTypes')}</li>
        <li>{t('svi.join.sharesStatus')}</li>
      </ul>
      <p>{t('svi.join.onlyConnected')}</p>
    </>
  );
}

function JoinSection({ participation }: { participation: SviParticipation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const canManage = useCan('svi:manage');
  const initial: { consent: boolean } = { consent: false };
  const form = useApiForm({
    initial,
    validate: (values) => (values.consent ? {} : { consent: t('svi.join.consentRequired') }),
    submit: () => joinSvi(),
    onSuccess: (joined) => {
      queryClient.setQueryData(sviKeys.participation, joined);
      void queryClient.invalidateQueries({ queryKey: sviKeys.all });
    },
  });
  return (
    <FormSection id="svi-join" heading={t('svi.join.heading')}>
      {participation.leftAt ? (
        <p>{t('svi.join.left', { date: format.dateTime(participation.leftAt) })}</p>
      ) : null}
      <ConsentTerms />
      {!participation.mayJoin ? (
        <Alert type="info" heading={t('svi.join.notEligibleHeading')} headingLevel="h3">
          <p className="margin-y-0">{t('svi.join.notEligible')}</p>
        </Alert>
      ) : !canManage ? (
        <p>{t('svi.join.askManager')}</p>
      ) : (
        <RequestForm
          form={form}
          label={t('svi.join.heading')}
          failedHeading={t('svi.join.failed')}
          submitLabel={t('svi.join.submit')}
          pendingLabel={t('forms.saving')}
        >
          <CheckboxField
            id="svi-consent"
            name="consent"
            label={t('svi.join.consent')}
            checked={form.values.consent}
            error={form.errors.consent}
            onChange={(checked) => form.set('consent', checked)}
          />
        </RequestForm>
      )}
    </FormSection>
  );
}

function ParticipationSummary({ participation }: { participation: SviParticipation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const canManage = useCan('svi:manage');
  const leave = useMutation({
    mutationFn: leaveSvi,
    onSuccess: (left) => {
      queryClient.setQueryData(sviKeys.participation, left);
      void queryClient.invalidateQueries({ queryKey: sviKeys.all });
    },
  });
  const sviNumber = participation.sviNumber ?? '';
  return (
    <div className="margin-bottom-4">
      <SummaryBox heading={t('svi.participation.heading')}>
        <p className="margin-top-0">
          {t('svi.participation.since', {
            date: participation.joinedAt ? format.dateTime(participation.joinedAt) : '',
          })}
        </p>
        <dl className="margin-y-1">
          <dt className="font-sans-2xs">{t('svi.participation.number')}</dt>
          <dd className="margin-left-0">
            <code id="svi-number" className="font-mono-md text-bold">
              {sviNumber}
            </code>
          </dd>
        </dl>
        <p className="font-sans-2xs">{t('svi.participation.numberHint')}</p>
        <CopyButton text={sviNumber} label={t('svi.participation.copy')} />
      </SummaryBox>
      {leave.isError ? (
        <ApiErrorAlert heading={t('svi.participation.leaveFailed')} error={leave.error} />
      ) : null}
      {canManage ? (
        <div className="margin-top-2">
          <p className="margin-bottom-1">{t('svi.participation.leaveExplained')}</p>
          <ConfirmButton
            label={t('svi.participation.leave')}
            accessibleLabel={t('svi.participation.leave')}
            question={t('svi.participation.leaveQuestion')}
            confirmLabel={t('svi.participation.leaveConfirm')}
            pending={leave.isPending}
            pendingLabel={t('svi.participation.leaving')}
            onConfirm={() => leave.mutate()}
          />
        </div>
      ) : null}
    </div>
  );
}

function RequestConnectionForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  type Values = { sviNumber: string };
  const form = useApiForm({
    initial: { sviNumber: '' } as Values,
    validate: (values) => {
      const errors: FieldErrors<Values> = {};
      if (isBlank(values.sviNumber)) {
        errors.sviNumber = t('forms.errors.required');
      }
      return errors;
    },
    submit: (values) => requestSviConnection({ sviNumber: values.sviNumber.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sviKeys.connections });
    },
    resetOnSuccess: true,
  });
  return (
    <FormSection id="svi-request" heading={t('svi.request.heading')} className="margin-bottom-4">
      <p>{t('svi.request.intro')}</p>
      {form.result ? (
        <SuccessNotice>
          {t('svi.request.sent', { company: form.result.partner.legalName })}
        </SuccessNotice>
      ) : null}
      <RequestForm
        form={form}
        label={t('svi.request.heading')}
        failedHeading={t('svi.request.failed')}
        submitLabel={t('svi.request.submit')}
        pendingLabel={t('forms.sending')}
      >
        <TextField
          id="svi-request-number"
          name="sviNumber"
          label={t('svi.request.number')}
          hint={t('svi.request.numberHint', { example: SVI_NUMBER_EXAMPLE })}
          maxLength={40}
          spellCheck={false}
          value={form.values.sviNumber}
          error={form.errors.sviNumber}
          onChange={(value) => form.set('sviNumber', value)}
        />
      </RequestForm>
    </FormSection>
  );
}

type ActionVariables = { connection: SviConnection; action: SviConnectionAction };

function useConnectionAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ connection, action }: ActionVariables) =>
      actOnSviConnection(connection.id, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sviKeys.connections }),
  });
}

function ConnectionsSections() {
  const { t } = useTranslation();
  const canManage = useCan('svi:manage');
  const connections = useQuery(sviConnectionsQuery());
  const action = useConnectionAction();
  const isPending = (connection: SviConnection, name: SviConnectionAction) =>
    action.isPending &&
    action.variables?.connection.id === connection.id &&
    action.variables.action === name;
  if (connections.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('svi.connections.loading')}
      </p>
    );
  }
  if (connections.isError) {
    return (
      <ApiErrorAlert
        heading={t('svi.connections.loadError')}
        error={connections.error}
        onRetry={() => void connections.refetch()}
      />
    );
  }
  const items = connections.data.items;
  const incoming = items.filter((c) => c.status === 'pending' && c.direction === 'incoming');
  const outgoing = items.filter((c) => c.status === 'pending' && c.direction === 'outgoing');
  const connected = items.filter((c) => c.status === 'accepted');
  return (
    <>
      {canManage ? <RequestConnectionForm /> : null}
      {action.isError ? (
        <ApiErrorAlert heading={t('svi.connections.actionFailed')} error={action.error} />
      ) : null}
      <section aria-labelledby="svi-incoming" className="margin-bottom-4">
        <h2 id="svi-incoming">{t('svi.incoming.heading')}</h2>
        {incoming.length === 0 ? (
          <p>{t('svi.incoming.none')}</p>
        ) : (
          <DataTable
            caption={t('svi.incoming.caption')}
            columns={[
              {
                id: 'company',
                header: t('svi.columns.company'),
                cell: (connection) => connection.partner.legalName,
              },
              {
                id: 'requested',
                header: t('svi.columns.requested'),
                cell: (connection) => <DateTime iso={connection.requestedAt} />,
              },
              {
                id: 'actions',
                header: t('svi.columns.actions'),
                cell: (connection) =>
                  canManage ? (
                    <div className="display-flex flex-wrap">
                      <Button
                        variant="primary"
                        aria-label={t('svi.incoming.acceptLabel', {
                          company: connection.partner.legalName,
                        })}
                        disabled={action.isPending}
                        onClick={() => action.mutate({ connection, action: 'accept' })}
                      >
                        {isPending(connection, 'accept')
                          ? t('svi.incoming.accepting')
                          : t('svi.incoming.accept')}
                      </Button>
                      <ConfirmButton
                        label={t('svi.incoming.decline')}
                        accessibleLabel={t('svi.incoming.declineLabel', {
                          company: connection.partner.legalName,
                        })}
                        question={t('svi.incoming.declineQuestion', {
                          company: connection.partner.legalName,
                        })}
                        confirmLabel={t('svi.incoming.declineConfirm')}
                        pending={isPending(connection, 'decline')}
                        pendingLabel={t('svi.incoming.declining')}
                        onConfirm={() => action.mutate({ connection, action: 'decline' })}
                      />
                    </div>
                  ) : (
                    t('svi.awaitingManager')
                  ),
              },
            ]}
            rows={incoming}
            rowKey={(connection) => connection.id}
          />
        )}
      </section>
      <section aria-labelledby="svi-outgoing" className="margin-bottom-4">
        <h2 id="svi-outgoing">{t('svi.outgoing.heading')}</h2>
        {outgoing.length === 0 ? (
          <p>{t('svi.outgoing.none')}</p>
        ) : (
          <DataTable
            caption={t('svi.outgoing.caption')}
            columns={[
              {
                id: 'company',
                header: t('svi.columns.company'),
                cell: (connection) => connection.partner.legalName,
              },
              {
                id: 'number',
                header: t('svi.columns.sviNumber'),
                cell: (connection) => <code>{connection.partner.sviNumber}</code>,
              },
              {
                id: 'requested',
                header: t('svi.columns.requested'),
                cell: (connection) => <DateTime iso={connection.requestedAt} />,
              },
              {
                id: 'actions',
                header: t('svi.columns.actions'),
                cell: (connection) =>
                  canManage ? (
                    <ConfirmButton
                      label={t('svi.outgoing.cancel')}
                      accessibleLabel={t('svi.outgoing.cancelLabel', {
                        company: connection.partner.legalName,
                      })}
                      question={t('svi.outgoing.cancelQuestion', {
                        company: connection.partner.legalName,
                      })}
                      confirmLabel={t('svi.outgoing.cancelConfirm')}
                      pending={isPending(connection, 'cancel')}
                      pendingLabel={t('svi.outgoing.cancelling')}
                      onConfirm={() => action.mutate({ connection, action: 'cancel' })}
                    />
                  ) : (
                    t('svi.awaitingPartner')
                  ),
              },
            ]}
            rows={outgoing}
            rowKey={(connection) => connection.id}
          />
        )}
      </section>
      <ConnectedPartners
        connected={connected}
        canManage={canManage}
        endPending={(connection) => isPending(connection, 'end')}
        onEnd={(connection) => action.mutate({ connection, action: 'end' })}
      />
    </>
  );
}

function DateTime({ iso }: { iso: string }) {
  const format = useFormatters();
  return <time dateTime={iso}>{format.dateTime(iso)}</time>;
}

const STATUS_TONE = {
  certified: 'success',
  validated: 'success',
  validated_exceeds: 'success',
  suspended: 'error',
  removed: 'error',
  withdrawn: 'base',
  rejected: 'error',
  pre_applicant: 'base',
  applicant: 'base',
  under_review: 'base',
} as const satisfies Record<SviPartnerStatus['status'], 'success' | 'error' | 'base'>;

function ConnectedPartners({
  connected,
  canManage,
  endPending,
  onEnd,
}: {
  connected: readonly SviConnection[];
  canManage: boolean;
  endPending: (connection: SviConnection) => boolean;
  onEnd: (connection: SviConnection) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formatDate = useCalendarDateFormat();
  const columns: DataTableColumn<SviConnection>[] = [
    {
      id: 'company',
      header: t('svi.columns.company'),
      cell: (connection) => (
        <>
          {connection.partner.legalName}
          <span className="display-block font-mono-3xs text-normal text-base-dark">
            {connection.partner.sviNumber}
          </span>
        </>
      ),
    },
    {
      id: 'entityTypes',
      header: t('svi.columns.entityTypes'),
      cell: (connection) =>
        connection.partnerStatus
          ? format.list(
              connection.partnerStatus.entityTypes.map((type) => t(`entityTypes.${type}`)),
            )
          : '—',
    },
    {
      id: 'status',
      header: t('svi.columns.status'),
      cell: (connection) =>
        connection.partnerStatus ? (
          <Tag tone={STATUS_TONE[connection.partnerStatus.status]}>
            {t(`registry.statuses.${connection.partnerStatus.status}`)}
          </Tag>
        ) : (
          t('svi.connected.statusHidden')
        ),
    },
    {
      id: 'tier',
      header: t('svi.columns.tier'),
      cell: (connection) =>
        connection.partnerStatus?.tier
          ? t('svi.tier', { tier: connection.partnerStatus.tier })
          : t('svi.noTier'),
    },
    {
      id: 'asOf',
      header: t('svi.columns.asOf'),
      cell: (connection) =>
        connection.partnerStatus ? (
          <>
            <DateTime iso={connection.partnerStatus.asOf} />
            <span className="display-block font-sans-3xs text-base-dark">
              {t('svi.connected.since', {
                date: formatDate(connection.partnerStatus.statusSince),
              })}
            </span>
          </>
        ) : (
          '—'
        ),
    },
    {
      id: 'actions',
      header: t('svi.columns.actions'),
      cell: (connection) =>
        canManage ? (
          <ConfirmButton
            label={t('svi.connected.end')}
            accessibleLabel={t('svi.connected.endLabel', {
              company: connection.partner.legalName,
            })}
            question={t('svi.connected.endQuestion', { company: connection.partner.legalName })}
            confirmLabel={t('svi.connected.endConfirm')}
            pending={endPending(connection)}
            pendingLabel={t('svi.connected.ending')}
            onConfirm={() => onEnd(connection)}
          />
        ) : null,
    },
  ];
  return (
    <section aria-labelledby="svi-connected" className="margin-bottom-4">
      <h2 id="svi-connected">{t('svi.connected.heading')}</h2>
      <p>{t('svi.connected.intro')}</p>
      {connected.length === 0 ? (
        <p>{t('svi.connected.none')}</p>
      ) : (
        <DataTable
          caption={t('svi.connected.caption')}
          scrollable
          columns={columns}
          rows={connected}
          rowKey={(connection) => connection.id}
        />
      )}
    </section>
  );
}

function StatusConfirmationSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canManage = useCan('svi:manage');
  const sent = useQuery(sviStatusConfirmationsQuery());
  type Values = { recipientName: string; recipientEmail: string; language: string };
  const initial: Values = { recipientName: '', recipientEmail: '', language: 'en' };
  const form = useApiForm({
    initial,
    validate: (values) => {
      const errors: FieldErrors<Values> = {};
      if (isBlank(values.recipientName)) {
        errors.recipientName = t('forms.errors.required');
      }
      if (!looksLikeEmail(values.recipientEmail)) {
        errors.recipientEmail = t('forms.errors.email');
      }
      return errors;
    },
    submit: (values) =>
      sendSviStatusConfirmation({
        recipientName: values.recipientName.trim(),
        recipientEmail: values.recipientEmail.trim(),
        language: values.language === 'es' ? 'es' : 'en',
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sviKeys.confirmations });
    },
    resetOnSuccess: true,
  });
  const [showSent, setShowSent] = useState(false);
  const items = sent.data?.items ?? [];
  return (
    <FormSection id="svi-confirmation" heading={t('svi.confirmation.heading')}>
      <p>{t('svi.confirmation.intro')}</p>
      {canManage ? (
        <>
          {form.result ? (
            <SuccessNotice>
              {t('svi.confirmation.sent', { email: form.result.recipientEmail })}
            </SuccessNotice>
          ) : null}
          <RequestForm
            form={form}
            label={t('svi.confirmation.heading')}
            failedHeading={t('svi.confirmation.failed')}
            submitLabel={t('svi.confirmation.submit')}
            pendingLabel={t('forms.sending')}
          >
            <TextField
              id="svi-confirmation-name"
              name="recipientName"
              label={t('svi.confirmation.name')}
              maxLength={200}
              autoComplete="off"
              value={form.values.recipientName}
              error={form.errors.recipientName}
              onChange={(value) => form.set('recipientName', value)}
            />
            <TextField
              id="svi-confirmation-email"
              name="recipientEmail"
              type="email"
              label={t('svi.confirmation.email')}
              maxLength={254}
              autoComplete="off"
              value={form.values.recipientEmail}
              error={form.errors.recipientEmail}
              onChange={(value) => form.set('recipientEmail', value)}
            />
            <SelectField
              id="svi-confirmation-language"
              name="language"
              label={t('svi.confirmation.language')}
              value={form.values.language}
              options={[
                { value: 'en', label: t('language.names.en') },
                { value: 'es', label: t('language.names.es') },
              ]}
              onChange={(value) => form.set('language', value)}
            />
          </RequestForm>
        </>
      ) : null}
      {items.length > 0 ? (
        <div className="margin-top-3">
          <Button
            variant="unstyled"
            aria-expanded={showSent}
            onClick={() => setShowSent(!showSent)}
          >
            {showSent
              ? t('svi.confirmation.hideSent')
              : t('svi.confirmation.showSent', { count: items.length })}
          </Button>
          {showSent ? (
            <DataTable
              caption={t('svi.confirmation.caption')}
              columns={[
                {
                  id: 'name',
                  header: t('svi.confirmation.columns.name'),
                  cell: (item) => item.recipientName ?? '—',
                },
                {
                  id: 'email',
                  header: t('svi.confirmation.columns.email'),
                  cell: (item) => item.recipientEmail,
                },
                {
                  id: 'sentAt',
                  header: t('svi.confirmation.columns.sentAt'),
                  cell: (item) => <DateTime iso={item.sentAt} />,
                },
              ]}
              rows={items}
              rowKey={(item) => item.id}
            />
          ) : null}
        </div>
      ) : null}
    </FormSection>
  );
}
