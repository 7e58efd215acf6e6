import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../domain/authorization/roles.ts';
import type { MembershipFile } from '../../../../domain/registry/registry.schema.ts';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { SummaryBox } from '../../../components/ui/summary-box.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { MembershipClocks } from './membership-clocks.tsx';

type Status = MembershipFile['state']['status'];

const STATUS_TONE: Record<Status, 'base' | 'primary' | 'success' | 'warning' | 'error'> = {
  pre_applicant: 'base',
  applicant: 'primary',
  under_review: 'primary',
  certified: 'success',
  validated: 'success',
  validated_exceeds: 'success',
  suspended: 'warning',
  removed: 'error',
  withdrawn: 'base',
  rejected: 'error',
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Tag tone={STATUS_TONE[status]}>{t(`registry.statuses.${status}`)}</Tag>;
}

export function TierBadge({ tier }: { tier: MembershipFile['tier'] }) {
  const { t } = useTranslation();
  if (tier === null) {
    return <>{t('registry.overview.noTier')}</>;
  }
  return <Tag tone="primary">{t('registry.overview.tier', { tier })}</Tag>;
}

/** One fact of the summary: term and value. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="margin-bottom-1">
      <dt className="text-bold display-inline">{term}:</dt>{' '}
      <dd className="display-inline margin-left-0">{children}</dd>
    </div>
  );
}

/** Status, tier, review step and the file's dates, framed at the top of the page. */
function MembershipSummary({ file, extraFacts }: { file: MembershipFile; extraFacts?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { state } = file;
  return (
    <SummaryBox heading={t('registry.overview.summaryHeading')} className="margin-bottom-4">
      <dl className="margin-y-0">
        <Fact term={t('registry.overview.status')}>
          <StatusTag status={state.status} />{' '}
          {t('registry.overview.since', { date: format.date(state.since) })}
        </Fact>
        <Fact term={t('registry.overview.tierTerm')}>
          <TierBadge tier={file.tier} />
        </Fact>
        {state.reviewStep ? (
          <Fact term={t('registry.overview.reviewStep')}>
            {t(`registry.reviewSteps.${state.reviewStep}`)}
          </Fact>
        ) : null}
        {state.heldStatus ? (
          <Fact term={t('registry.overview.heldStatus')}>
            {t(`registry.statuses.${state.heldStatus}`)}
          </Fact>
        ) : null}
        {state.status === 'suspended' ? (
          <Fact term={t('registry.overview.suspensionResponse')}>
            {state.responseReceivedOn
              ? t('registry.overview.responseReceived', {
                  date: format.date(state.responseReceivedOn),
                })
              : t('registry.overview.responsePending')}
          </Fact>
        ) : null}
        {state.removalCause ? (
          <Fact term={t('registry.overview.removalCause')}>
            {t(`registry.removalCauses.${state.removalCause}`)}
          </Fact>
        ) : null}
        {file.applicationSubmittedOn ? (
          <Fact term={t('registry.overview.submittedOn')}>
            {format.date(file.applicationSubmittedOn)}
          </Fact>
        ) : null}
        {file.certifiedOn ? (
          <Fact term={t('registry.overview.certifiedOn')}>{format.date(file.certifiedOn)}</Fact>
        ) : null}
        {file.lastValidatedOn ? (
          <Fact term={t('registry.overview.lastValidatedOn')}>
            {format.date(file.lastValidatedOn)}
          </Fact>
        ) : null}
        {extraFacts}
      </dl>
    </SummaryBox>
  );
}

/** The business entities the company applied for, each with its identifiers. */
export function EntityTypesSection({ file }: { file: MembershipFile }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="membership-entity-types" className="margin-bottom-5">
      <h2 id="membership-entity-types">{t('registry.overview.entityTypesHeading')}</h2>
      {file.entityTypes.length === 0 ? (
        <p>{t('registry.overview.noEntityTypes')}</p>
      ) : (
        <ul className="usa-list usa-list--unstyled">
          {file.entityTypes.map((entry) => (
            <li key={entry.entityType} className="margin-bottom-2">
              <h3 className="margin-y-05 font-sans-md">
                {t(`entityTypes.${entry.entityType}`)}{' '}
                {entry.eligible ? null : (
                  <Tag tone="error">{t('registry.overview.notEligible')}</Tag>
                )}
              </h3>
              {entry.identifiers.length === 0 ? (
                <p className="margin-y-0">{t('registry.overview.noIdentifiers')}</p>
              ) : (
                <dl className="margin-y-0">
                  {entry.identifiers.map((identifier) => (
                    <Fact
                      key={identifier.kind}
                      term={t(`registry.identifierKinds.${identifier.kind}.label`)}
                    >
                      <span className="font-mono-xs">{identifier.value}</span>
                      {identifier.warnings.map((warning) => (
                        <span key={warning} className="display-block font-sans-2xs text-base-dark">
                          {warning}
                        </span>
                      ))}
                    </Fact>
                  ))}
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type HistoryEntry = MembershipFile['history'][number];

/** Every status change, oldest first, with who made it and why. */
export function StatusHistory({ file }: { file: MembershipFile }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="membership-history" className="margin-bottom-5">
      <h2 id="membership-history">{t('registry.history.heading')}</h2>
      {file.history.length === 0 ? (
        <p>{t('registry.history.none')}</p>
      ) : (
        <DataTable<HistoryEntry>
          caption={t('registry.history.caption')}
          scrollable
          columns={[
            {
              id: 'on',
              header: t('registry.history.columns.on'),
              cell: (entry) => format.date(entry.on),
            },
            {
              id: 'transition',
              header: t('registry.history.columns.transition'),
              cell: (entry) => t(`registry.transitions.${entry.transition}.label`),
            },
            {
              id: 'change',
              header: t('registry.history.columns.change'),
              cell: (entry) =>
                t('registry.history.change', {
                  from: t(`registry.statuses.${entry.fromState}`),
                  to: entry.toReviewStep
                    ? `${t(`registry.statuses.${entry.toState}`)} (${t(`registry.reviewSteps.${entry.toReviewStep}`)})`
                    : t(`registry.statuses.${entry.toState}`),
                }),
            },
            {
              id: 'by',
              header: t('registry.history.columns.by'),
              cell: (entry) =>
                entry.actorRole && isRoleKey(entry.actorRole)
                  ? t(`roles.${entry.actorRole}`)
                  : (entry.actorRole ?? t('registry.history.system')),
            },
            {
              id: 'reason',
              header: t('registry.history.columns.reason'),
              cell: (entry) => entry.reason ?? '—',
            },
          ]}
          rows={file.history}
          rowKey={(entry) => String(entry.seq)}
        />
      )}
    </section>
  );
}

function isRoleKey(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * A membership file as members and CBP read it: summary, entity types and identifiers, clocks
 * and status history. `extraFacts` adds lines to the summary (CBP: specialist and office);
 * `children` come between the summary and the rest (actions).
 */
export function MembershipOverview({
  file,
  extraFacts,
  children,
}: {
  file: MembershipFile;
  extraFacts?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <>
      <MembershipSummary file={file} extraFacts={extraFacts} />
      {children}
      <EntityTypesSection file={file} />
      <MembershipClocks clocks={file.clocks} headingId="membership-clocks" />
      <StatusHistory file={file} />
    </>
  );
}
