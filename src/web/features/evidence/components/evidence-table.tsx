import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../domain/evidence/evidence.schema.ts';
import { DataTable, type DataTableColumn } from '../../../components/ui/data-table.tsx';
import {
  EvidenceWarnings,
  ExpiryStatus,
  useByteSize,
  useMediaTypeLabel,
} from './evidence-status.tsx';

export interface EvidenceTableProps {
  caption: string;
  items: readonly Evidence[];
  /**
   * Read-only (CBP reading a member's library): each title downloads the document from this
   * address instead of opening the company's own document page.
   */
  downloadHref?: ((evidence: Evidence) => string) | undefined;
}

/** The library as a table: each document with its type, expiry, criteria and warnings. */
export function EvidenceTable({ caption, items, downloadHref }: EvidenceTableProps) {
  const { t } = useTranslation();
  const typeLabel = useMediaTypeLabel();
  const byteSize = useByteSize();
  const columns: DataTableColumn<Evidence>[] = [
    {
      id: 'title',
      header: t('evidence.list.columns.title'),
      cell: (evidence) => (
        <>
          {downloadHref ? (
            <a href={downloadHref(evidence)} className="usa-link" download>
              {evidence.title}
            </a>
          ) : (
            <Link
              to="/evidence/$evidenceId"
              params={{ evidenceId: evidence.id }}
              className="usa-link"
            >
              {evidence.title}
            </Link>
          )}
          <span className="display-block font-sans-2xs text-normal text-base-dark">
            {evidence.originalFilename}
          </span>
        </>
      ),
    },
    {
      id: 'type',
      header: t('evidence.list.columns.type'),
      cell: (evidence) => (
        <>
          {typeLabel(evidence.mediaType)}
          <span className="display-block font-sans-2xs text-base-dark">
            {byteSize(evidence.sizeBytes)}
          </span>
        </>
      ),
    },
    {
      id: 'expiry',
      header: t('evidence.list.columns.expiry'),
      cell: (evidence) => <ExpiryStatus evidence={evidence} />,
    },
    {
      id: 'criteria',
      header: t('evidence.list.columns.criteria'),
      cell: (evidence) =>
        evidence.criterionIds.length === 0 ? (
          <span className="text-base-dark">{t('evidence.list.noCriteria')}</span>
        ) : (
          evidence.criterionIds.join(', ')
        ),
    },
    {
      id: 'warnings',
      header: t('evidence.list.columns.warnings'),
      cell: (evidence) => <EvidenceWarnings evidence={evidence} />,
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={items} rowKey={(item) => item.id} />;
}
