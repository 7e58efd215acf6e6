import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import {
  type OrganisationFilter,
  organisationDirectoryQuery,
} from '../../features/organisations/api/organisations-api.ts';
import { DirectoryFilters } from '../../features/organisations/components/directory-filters.tsx';
import { OrganisationsTable } from '../../features/organisations/components/organisations-table.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** The organisation directory: filter by kind and name, page through with "Load more". */
export function OrganisationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.title'));
  const search = useSearch({ from: '/organisations' });
  const navigate = useNavigate({ from: '/organisations' });
  const filter: OrganisationFilter = { kind: search.kind, q: search.q };
  const filtered = filter.kind !== undefined || filter.q !== undefined;
  const query = useInfiniteQuery(organisationDirectoryQuery(filter));
  const statusRef = useRef<HTMLParagraphElement>(null);

  const apply = (next: OrganisationFilter) => {
    void navigate({ search: { kind: next.kind, q: next.q } });
  };

  const loadMore = async () => {
    const result = await query.fetchNextPage();
    // The button disappears with the last page: keep keyboard focus in the results.
    if (!result.hasNextPage) {
      statusRef.current?.focus();
    }
  };

  const organisations = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <h1 className="margin-top-0">{t('organisations.heading')}</h1>
      <p className="usa-intro">{t('organisations.intro')}</p>
      <DirectoryFilters
        // A new URL (back/forward, "Clear filters") resets the fields to match it.
        key={`${filter.kind ?? ''}|${filter.q ?? ''}`}
        initial={filter}
        onApply={apply}
      />

      <div className="margin-top-4">
        {query.isPending ? (
          <p role="status" className="text-base-dark">
            {t('organisations.loading')}
          </p>
        ) : query.isError && organisations.length === 0 ? (
          <ApiErrorAlert
            heading={t('organisations.loadError')}
            error={query.error}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <>
            <p role="status" ref={statusRef} tabIndex={-1} className="margin-y-1">
              {organisations.length === 0
                ? t('organisations.none')
                : t('organisations.shown', { count: organisations.length })}
              {query.hasNextPage ? ` ${t('organisations.moreAvailable')}` : null}
            </p>
            {organisations.length > 0 ? (
              <OrganisationsTable
                caption={filtered ? t('organisations.captionFiltered') : t('organisations.caption')}
                organisations={organisations}
                columns={['kind', 'location', 'entityTypes']}
              />
            ) : null}
            {query.isFetchNextPageError ? (
              <ApiErrorAlert
                heading={t('organisations.loadError')}
                error={query.error}
                onRetry={() => void loadMore()}
              />
            ) : null}
            {query.hasNextPage ? (
              <Button
                variant="outline"
                // aria-disabled, not disabled: a disabled button would drop keyboard focus.
                aria-disabled={query.isFetchingNextPage}
                onClick={() => {
                  if (!query.isFetchingNextPage) {
                    void loadMore();
                  }
                }}
              >
                {query.isFetchingNextPage
                  ? t('organisations.loadingMore')
                  : t('organisations.loadMore')}
              </Button>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
