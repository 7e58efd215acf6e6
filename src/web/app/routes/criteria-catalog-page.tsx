import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogVersionSummary } from '../../../domain/criteria/catalog-api.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { DataTable, type DataTableColumn } from '../../components/ui/data-table.tsx';
import {
  catalogExportUrl,
  catalogVersionsQuery,
} from '../../features/criteria/api/criteria-api.ts';
import { CatalogImportForm } from '../../features/criteria/components/catalog-import-form.tsx';
import {
  CatalogStatusTag,
  PublishedWhen,
} from '../../features/criteria/components/catalog-status.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan } from '../shell/use-viewer.ts';

const FORMATS = ['json', 'csv'] as const;

/**
 * The criteria catalog's versions (issue 5, item 1): each with its status, publication and size,
 * downloadable as JSON or CSV; program managers import a new version here as a draft.
 */
export function CriteriaCatalogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('criteriaAdmin.nav'));
  const canManage = useCan('criteria:manage:any');
  return (
    <>
      <h1 className="margin-top-0">{t('criteriaAdmin.nav')}</h1>
      <p className="usa-intro">{t('criteriaAdmin.intro')}</p>
      <VersionsTable />
      {canManage ? <CatalogImportForm /> : null}
    </>
  );
}

function VersionsTable() {
  const { t } = useTranslation();
  const versions = useQuery(catalogVersionsQuery());
  const columns: DataTableColumn<CatalogVersionSummary>[] = [
    {
      id: 'version',
      header: t('criteriaAdmin.columns.version'),
      cell: (version) => (
        // The description can be long (the seed's is): it shows on the version's page.
        <Link
          to="/admin/criteria/$versionId"
          params={{ versionId: version.id }}
          className="usa-link"
        >
          {version.version}
        </Link>
      ),
    },
    {
      id: 'status',
      header: t('criteriaAdmin.columns.status'),
      cell: (version) => <CatalogStatusTag status={version.status} />,
    },
    {
      id: 'published',
      header: t('criteriaAdmin.columns.published'),
      cell: (version) => <PublishedWhen version={version} />,
    },
    {
      id: 'criteria',
      header: t('criteriaAdmin.columns.criteria'),
      cell: (version) => version.criteriaCount,
    },
    {
      id: 'export',
      header: t('evidence.detail.download'),
      cell: (version) => (
        <ul className="usa-list usa-list--unstyled">
          {FORMATS.map((format) => (
            <li key={format}>
              <a
                className="usa-link"
                href={catalogExportUrl(version.id, format)}
                download
                aria-label={t('criteriaAdmin.exportLabel', {
                  version: version.version,
                  format: format.toUpperCase(),
                })}
              >
                {format.toUpperCase()}
              </a>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  if (versions.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('profileReview.loading')}
      </p>
    );
  }
  if (versions.isError) {
    return (
      <ApiErrorAlert
        heading={t('criteriaAdmin.loadError')}
        error={versions.error}
        onRetry={() => void versions.refetch()}
      />
    );
  }
  return (
    <DataTable
      caption={t('criteriaAdmin.caption')}
      className="margin-bottom-4"
      columns={columns}
      rows={versions.data.items}
      rowKey={(version) => version.id}
    />
  );
}
