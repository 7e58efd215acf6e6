import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../domain/evidence/evidence.schema.ts';
import { ApiErrorAlert } from '../../../components/api-error-alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import {
  criteriaCatalogQuery,
  type EvidenceFilter,
  type evidenceListQuery,
} from '../api/evidence-api.ts';
import { EvidenceFilters } from './evidence-filters.tsx';
import { EvidenceTable } from './evidence-table.tsx';

export interface EvidenceLibraryProps {
  /** The list to read for a filter: the company's own library, or a member's for CBP. */
  listQuery: (filter: EvidenceFilter) => ReturnType<typeof evidenceListQuery>;
  enabled?: boolean;
  /** Read-only: titles download the document (EvidenceTable). */
  downloadHref?: (evidence: Evidence) => string;
}

/**
 * The library's documents: the filters, the table page after page, and what was found. Shared
 * by the company's own library and CBP's read-only view of a member's.
 */
export function EvidenceLibrary({ listQuery, enabled = true, downloadHref }: EvidenceLibraryProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<EvidenceFilter>({});
  const catalog = useQuery(criteriaCatalogQuery());
  const query = useInfiniteQuery({ ...listQuery(filter), enabled });
  const statusRef = useRef<HTMLParagraphElement>(null);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered =
    filter.q !== undefined || filter.criterionId !== undefined || filter.show !== undefined;

  const loadMore = async () => {
    const result = await query.fetchNextPage();
    if (!result.hasNextPage) {
      statusRef.current?.focus();
    }
  };

  return (
    <section aria-labelledby="evidence-library-heading">
      <h2 id="evidence-library-heading">{t('evidence.list.heading')}</h2>
      <EvidenceFilters
        key={`${filter.q ?? ''}|${filter.criterionId ?? ''}|${filter.show ?? ''}`}
        initial={filter}
        criteria={catalog.data?.criteria ?? []}
        onApply={setFilter}
      />
      <div className="margin-top-4">
        {query.isPending ? (
          <p role="status" className="text-base-dark">
            {t('evidence.loading')}
          </p>
        ) : query.isError && items.length === 0 ? (
          <ApiErrorAlert
            heading={t('evidence.loadError')}
            error={query.error}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <>
            <p role="status" ref={statusRef} tabIndex={-1} className="margin-y-1">
              {items.length === 0
                ? t('evidence.list.none')
                : t('evidence.list.shown', { count: items.length })}
              {query.hasNextPage ? ` ${t('evidence.list.moreAvailable')}` : null}
            </p>
            {items.length > 0 ? (
              <EvidenceTable
                caption={filtered ? t('evidence.list.captionFiltered') : t('evidence.list.caption')}
                items={items}
                downloadHref={downloadHref}
              />
            ) : null}
            {query.isFetchNextPageError ? (
              <ApiErrorAlert
                heading={t('evidence.loadError')}
                error={query.error}
                onRetry={() => void loadMore()}
              />
            ) : null}
            {query.hasNextPage ? (
              <Button
                variant="outline"
                aria-disabled={query.isFetchingNextPage}
                onClick={() => {
                  if (!query.isFetchingNextPage) {
                    void loadMore();
                  }
                }}
              >
                {query.isFetchingNextPage
                  ? t('evidence.list.loadingMore')
                  : t('evidence.list.loadMore')}
              </Button>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
