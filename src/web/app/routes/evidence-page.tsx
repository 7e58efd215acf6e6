import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import {
  criteriaCatalogQuery,
  type EvidenceFilter,
  evidenceListQuery,
} from '../../features/evidence/api/evidence-api.ts';
import { EvidenceFilters } from '../../features/evidence/components/evidence-filters.tsx';
import { EvidenceTable } from '../../features/evidence/components/evidence-table.tsx';
import { EvidenceUploadForm } from '../../features/evidence/components/evidence-upload-form.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/**
 * The company's evidence library (issue 5, item 4): upload a document once, then find it by
 * title, criterion or warning. Each row shows what commonly gets evidence rejected: an expired
 * document, or one linked to no criterion.
 */
export function EvidencePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('evidence.title'));
  const session = useSignedIn();
  const canManage = useCan('evidence:manage');
  const organisationId = session?.organisationId ?? '';
  const [filter, setFilter] = useState<EvidenceFilter>({});
  const catalog = useQuery(criteriaCatalogQuery());
  const query = useInfiniteQuery({
    ...evidenceListQuery(organisationId, filter),
    enabled: organisationId !== '',
  });
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
    <>
      <h1 className="margin-top-0">{t('evidence.heading')}</h1>
      <p className="usa-intro">{t('evidence.intro')}</p>
      {organisationId === '' ? (
        <p>{t('evidence.noCompany')}</p>
      ) : (
        <>
          {canManage ? (
            <section aria-labelledby="evidence-upload-heading" className="margin-bottom-6">
              <EvidenceUploadForm
                idPrefix="evidence-upload"
                heading={t('evidence.upload.heading')}
              />
            </section>
          ) : (
            <Alert type="info" slim>
              <p className="margin-y-0">{t('evidence.readOnly')}</p>
            </Alert>
          )}
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
                      caption={
                        filtered ? t('evidence.list.captionFiltered') : t('evidence.list.caption')
                      }
                      items={items}
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
        </>
      )}
    </>
  );
}
