import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert.tsx';
import { evidenceListQuery } from '../../features/evidence/api/evidence-api.ts';
import { EvidenceLibrary } from '../../features/evidence/components/evidence-library.tsx';
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
          <EvidenceLibrary
            listQuery={(filter) => evidenceListQuery(organisationId, filter)}
            enabled={organisationId !== ''}
          />
        </>
      )}
    </>
  );
}
