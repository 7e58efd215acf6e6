import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CatalogVersion,
  CatalogVersionSummary,
} from '../../../domain/criteria/catalog-api.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { SuccessNotice } from '../../components/request-form.tsx';
import {
  catalogDiffQuery,
  catalogVersionQuery,
  discardCatalogDraft,
  refreshCatalogs,
} from '../../features/criteria/api/criteria-api.ts';
import { CatalogCriteria } from '../../features/criteria/components/catalog-criteria.tsx';
import { CatalogDiff, diffCounts } from '../../features/criteria/components/catalog-diff.tsx';
import {
  CatalogStatusTag,
  PublishedWhen,
} from '../../features/criteria/components/catalog-status.tsx';
import { PublishDialog } from '../../features/criteria/components/publish-dialog.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { useCan } from '../shell/use-viewer.ts';

/**
 * One catalog version (issue 5, item 1): its criteria by category with what is provisional, and
 * for a draft what it changes against the current version, with Publish and Delete for program
 * managers.
 */
export function CriteriaVersionPage() {
  const { t } = useTranslation();
  const { versionId } = useParams({ from: '/admin/criteria/$versionId' });
  const version = useQuery(catalogVersionQuery(versionId));
  const title = version.data
    ? t('securityProfile.summary.catalog', { version: version.data.version })
    : t('criteriaAdmin.nav');
  useDocumentTitle(title);
  return (
    <>
      <p className="margin-top-0">
        <Link className="usa-link" to="/admin/criteria">
          {t('criteriaAdmin.back')}
        </Link>
      </p>
      <h1>{title}</h1>
      {version.isPending ? (
        <p role="status" className="text-base-dark">
          {t('profileReview.loading')}
        </p>
      ) : version.isError ? (
        <ApiErrorAlert
          heading={t('criteriaAdmin.loadError')}
          error={version.error}
          onRetry={() => void version.refetch()}
        />
      ) : (
        <VersionDetails version={version.data} />
      )}
    </>
  );
}

function VersionDetails({ version }: { version: CatalogVersion }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canManage = useCan('criteria:manage:any');
  const [published, setPublished] = useState<CatalogVersionSummary | null>(null);
  const isDraft = version.status === 'draft';
  return (
    <>
      {published ? (
        <SuccessNotice>
          {t('criteriaAdmin.publish.done', { version: published.version })}
        </SuccessNotice>
      ) : null}
      {version.description ? <p className="measure-6">{version.description}</p> : null}
      <dl className="margin-y-2">
        <Fact term={t('criteriaAdmin.columns.status')}>
          <CatalogStatusTag status={version.status} />
        </Fact>
        <Fact term={t('criteriaAdmin.columns.criteria')}>{version.criteriaCount}</Fact>
        <Fact term={t('criteriaAdmin.imported')}>{format.dateTime(version.importedAt)}</Fact>
        {version.publishedAt ? (
          <Fact term={t('criteriaAdmin.columns.published')}>
            <PublishedWhen version={version} />
          </Fact>
        ) : null}
      </dl>
      {isDraft ? (
        <DraftChanges version={version} canManage={canManage} onPublished={setPublished} />
      ) : null}
      <CatalogCriteria criteria={version.criteria} />
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="margin-bottom-1">
      <dt className="text-bold display-inline">{term}:</dt>{' '}
      <dd className="display-inline margin-left-0">{children}</dd>
    </div>
  );
}

/** A draft's diff against the current version, and what a program manager may do with it. */
function DraftChanges({
  version,
  canManage,
  onPublished,
}: {
  version: CatalogVersion;
  canManage: boolean;
  onPublished: (published: CatalogVersionSummary) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const diff = useQuery(catalogDiffQuery(version.id));
  const discard = useMutation({
    mutationFn: () => discardCatalogDraft(version.id),
    onSuccess: async () => {
      await navigate({ to: '/admin/criteria' });
      void refreshCatalogs(queryClient);
    },
  });
  if (diff.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('profileReview.loading')}
      </p>
    );
  }
  if (diff.isError) {
    return (
      <ApiErrorAlert
        heading={t('criteriaAdmin.loadError')}
        error={diff.error}
        onRetry={() => void diff.refetch()}
      />
    );
  }
  return (
    <>
      {canManage ? (
        <div className="margin-y-3">
          {discard.error ? (
            <ApiErrorAlert heading={t('criteriaAdmin.discard.failed')} error={discard.error} />
          ) : null}
          <ul className="usa-button-group">
            <li className="usa-button-group__item">
              <PublishDialog
                version={version}
                counts={diffCounts(diff.data)}
                onPublished={onPublished}
              />
            </li>
            <li className="usa-button-group__item">
              <ConfirmButton
                label={t('criteriaAdmin.discard.button')}
                accessibleLabel={t('criteriaAdmin.discard.label', { version: version.version })}
                question={t('criteriaAdmin.discard.question', { version: version.version })}
                confirmLabel={t('evidence.detail.deleteConfirm')}
                pending={discard.isPending}
                pendingLabel={t('evidence.detail.deleting')}
                onConfirm={() => discard.mutate()}
              />
            </li>
          </ul>
        </div>
      ) : null}
      <CatalogDiff diff={diff.data} />
    </>
  );
}
