import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../domain/evidence/evidence.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import {
  deleteEvidence,
  evidenceContentUrl,
  evidenceQuery,
  refreshEvidence,
} from '../../features/evidence/api/evidence-api.ts';
import { EvidenceDetailsForm } from '../../features/evidence/components/evidence-details-form.tsx';
import { EvidenceLinks } from '../../features/evidence/components/evidence-links.tsx';
import {
  EvidenceWarnings,
  ExpiryStatus,
  useByteSize,
  useMediaTypeLabel,
} from '../../features/evidence/components/evidence-status.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/**
 * One document of the library: its details and warnings, a preview (PDFs and images, shown
 * from the sandboxed inline route), download, edits, the criteria it supports, and deletion.
 */
export function EvidenceDetailPage() {
  const { t } = useTranslation();
  const { evidenceId } = useParams({ from: '/evidence/$evidenceId' });
  const session = useSignedIn();
  const organisationId = session?.organisationId ?? '';
  const canManage = useCan('evidence:manage');
  const evidence = useQuery({
    ...evidenceQuery(organisationId, evidenceId),
    enabled: organisationId !== '',
  });
  useDocumentTitle(evidence.data?.title ?? t('evidence.detail.title'));

  return (
    <>
      <p className="margin-top-0">
        <Link to="/evidence" className="usa-link">
          {t('evidence.detail.back')}
        </Link>
      </p>
      {evidence.isPending ? (
        <p role="status" className="text-base-dark">
          {t('evidence.loading')}
        </p>
      ) : evidence.isError ? (
        evidence.error instanceof ApiError && evidence.error.code === 'NOT_FOUND' ? (
          <>
            <h1>{t('evidence.detail.title')}</h1>
            <Alert type="warning" slim>
              <p className="margin-y-0">{t('evidence.detail.notFound')}</p>
            </Alert>
          </>
        ) : (
          <ApiErrorAlert
            heading={t('evidence.loadError')}
            error={evidence.error}
            onRetry={() => void evidence.refetch()}
          />
        )
      ) : (
        <EvidenceDetail evidence={evidence.data} canManage={canManage} />
      )}
    </>
  );
}

function EvidenceDetail({ evidence, canManage }: { evidence: Evidence; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const typeLabel = useMediaTypeLabel();
  const byteSize = useByteSize();
  const { dateTime } = useFormatters();
  const remove = useMutation({
    mutationFn: () => deleteEvidence(evidence.id),
    onSuccess: async () => {
      await refreshEvidence(queryClient);
      await navigate({ to: '/evidence' });
    },
  });
  return (
    <>
      <h1>{evidence.title}</h1>
      {evidence.description ? <p className="usa-intro">{evidence.description}</p> : null}
      <dl className="evidence-facts">
        <dt className="text-bold">{t('evidence.detail.filename')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{evidence.originalFilename}</dd>
        <dt className="text-bold">{t('evidence.detail.type')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {typeLabel(evidence.mediaType)}, {byteSize(evidence.sizeBytes)}
        </dd>
        <dt className="text-bold">{t('evidence.detail.expiry')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          <ExpiryStatus evidence={evidence} />
        </dd>
        <dt className="text-bold">{t('evidence.detail.warnings')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          <EvidenceWarnings evidence={evidence} />
        </dd>
        <dt className="text-bold">{t('evidence.detail.uploadedAt')}</dt>
        <dd className="margin-left-0 margin-bottom-1">{dateTime(evidence.uploadedAt)}</dd>
        <dt className="text-bold">{t('evidence.detail.sha256')}</dt>
        <dd className="margin-left-0 margin-bottom-1 font-mono-2xs text-wrap">
          <span style={{ overflowWrap: 'anywhere' }}>{evidence.sha256}</span>
        </dd>
      </dl>
      <p>
        <a className="usa-button" href={evidenceContentUrl(evidence.id)} download>
          {t('evidence.detail.download')}
        </a>
      </p>

      <section aria-labelledby="evidence-preview-heading" className="margin-top-6">
        <h2 id="evidence-preview-heading">{t('evidence.detail.previewHeading')}</h2>
        {!evidence.previewable ? (
          <p className="text-italic">{t('evidence.detail.noPreview')}</p>
        ) : evidence.mediaType === 'application/pdf' ? (
          <iframe
            src={evidenceContentUrl(evidence.id, true)}
            title={t('evidence.detail.previewTitle', { title: evidence.title })}
            className="width-full border-1px border-base-lighter"
            style={{ height: '36rem' }}
          />
        ) : (
          <img
            src={evidenceContentUrl(evidence.id, true)}
            alt={t('evidence.detail.previewTitle', { title: evidence.title })}
            className="maxw-full border-1px border-base-lighter"
          />
        )}
      </section>

      <EvidenceLinks evidence={evidence} canManage={canManage} />
      {canManage ? (
        <>
          <EvidenceDetailsForm key={evidence.updatedAt} evidence={evidence} />
          <section aria-labelledby="evidence-delete-heading" className="margin-top-6">
            <h2 id="evidence-delete-heading">{t('evidence.detail.deleteHeading')}</h2>
            <p>{t('evidence.detail.deleteIntro')}</p>
            {remove.isError ? (
              <ApiErrorAlert heading={t('evidence.detail.deleteFailed')} error={remove.error} />
            ) : null}
            <ConfirmButton
              label={t('evidence.detail.delete')}
              accessibleLabel={t('evidence.detail.deleteLabel', { title: evidence.title })}
              question={t('evidence.detail.deleteQuestion', { title: evidence.title })}
              confirmLabel={t('evidence.detail.deleteConfirm')}
              pending={remove.isPending}
              pendingLabel={t('evidence.detail.deleting')}
              onConfirm={() => remove.mutate()}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
