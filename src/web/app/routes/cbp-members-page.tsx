import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import {
  cbpMembersExportUrl,
  cbpMembersQuery,
  specialistsQuery,
} from '../../features/cbp-members/api/cbp-members-api.ts';
import { BulkAssign } from '../../features/cbp-members/components/bulk-assign.tsx';
import { MemberFilters } from '../../features/cbp-members/components/member-filters.tsx';
import { MemberQueueTable } from '../../features/cbp-members/components/member-queue-table.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * The CBP work queue (issue 4, items 7 and 10): every member, filtered and sorted from the
 * address, pages of 50 by cursor; members selected for a bulk assignment; the same list as CSV
 * or XLSX. Each member links to its file.
 */
export function CbpMembersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('cbpMembers.title'));
  const search = useSearch({ from: '/cbp/members' });
  const navigate = useNavigate({ from: '/cbp/members' });
  const canReview = useCan('registry:review:any');
  const members = useInfiniteQuery(cbpMembersQuery(search));
  const specialists = useQuery(specialistsQuery());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const rows = members.data?.pages.flatMap((page) => page.items) ?? [];

  const specialistOptions =
    specialists.data?.items.map((person) => ({
      value: person.userId,
      label: `${person.displayName} (${person.officeName})`,
    })) ?? [];
  const offices = [
    ...new Map(
      specialists.data?.items.map((person) => [
        person.officeId,
        { value: person.officeId, label: person.officeName },
      ]),
    ).values(),
  ].sort((a, b) => a.label.localeCompare(b.label));

  const toggle = (organisationId: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) {
        next.add(organisationId);
      } else {
        next.delete(organisationId);
      }
      return next;
    });
  const toggleAll = (checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const row of rows) {
        if (checked) {
          next.add(row.organisationId);
        } else {
          next.delete(row.organisationId);
        }
      }
      return next;
    });

  return (
    <>
      <h1 className="margin-top-0">{t('cbpMembers.heading')}</h1>
      <p className="usa-intro">{t('cbpMembers.intro')}</p>
      <MemberFilters
        key={JSON.stringify(search)}
        initial={search}
        specialists={specialistOptions}
        offices={offices}
        onApply={(next) => {
          setSelected(new Set());
          void navigate({ search: next });
        }}
      />
      <p className="margin-top-3">
        <a
          href={cbpMembersExportUrl(search, 'csv')}
          className="usa-button usa-button--outline"
          download
        >
          {t('cbpMembers.exportCsv')}
        </a>
        <a
          href={cbpMembersExportUrl(search, 'xlsx')}
          className="usa-button usa-button--outline"
          download
        >
          {t('cbpMembers.exportXlsx')}
        </a>
      </p>
      {canReview ? (
        <BulkAssign
          selected={[...selected]}
          specialists={specialistOptions}
          onDone={() => setSelected(new Set())}
        />
      ) : null}
      {members.isPending ? (
        <p role="status" className="text-base-dark">
          {t('cbpMembers.loading')}
        </p>
      ) : members.isError && rows.length === 0 ? (
        <ApiErrorAlert
          heading={t('cbpMembers.loadError')}
          error={members.error}
          onRetry={() => void members.refetch()}
        />
      ) : (
        <>
          <p role="status" className="margin-y-1">
            {rows.length === 0
              ? t('cbpMembers.none')
              : t('cbpMembers.shown', { count: rows.length })}
            {members.hasNextPage ? ` ${t('cbpMembers.moreAvailable')}` : null}
          </p>
          {rows.length > 0 ? (
            <MemberQueueTable
              rows={rows}
              selectable={canReview}
              selected={selected}
              onToggle={toggle}
              onToggleAll={toggleAll}
            />
          ) : null}
          {members.isFetchNextPageError ? (
            <ApiErrorAlert heading={t('cbpMembers.loadError')} error={members.error} />
          ) : null}
          {members.hasNextPage ? (
            <Button
              variant="outline"
              aria-disabled={members.isFetchingNextPage}
              onClick={() => {
                if (!members.isFetchingNextPage) {
                  void members.fetchNextPage();
                }
              }}
            >
              {members.isFetchingNextPage ? t('cbpMembers.loadingMore') : t('cbpMembers.loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
