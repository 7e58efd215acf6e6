import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  memberEvidenceContentUrl,
  memberEvidenceListQuery,
} from '../../features/evidence/api/evidence-api.ts';
import { EvidenceLibrary } from '../../features/evidence/components/evidence-library.tsx';
import { memberFileQuery } from '../../features/registry/api/registry-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * A member company's evidence library as CBP reads it (issue 5, item 4): the same filters and
 * table as the company's own library, read-only; each title downloads the document.
 */
export function CbpMemberEvidencePage() {
  const { t } = useTranslation();
  const { organisationId } = useParams({ from: '/cbp/members/$organisationId/evidence' });
  const file = useQuery(memberFileQuery(organisationId));
  const company = file.data?.legalName;
  const heading = company ? t('evidence.cbp.heading', { company }) : t('evidence.title');
  useDocumentTitle(heading);
  return (
    <>
      <p className="margin-top-0">
        <Link className="usa-link" to="/cbp/members/$organisationId" params={{ organisationId }}>
          {t('evidence.cbp.back')}
        </Link>
      </p>
      <h1>{heading}</h1>
      <p className="usa-intro">{t('evidence.cbp.intro')}</p>
      <EvidenceLibrary
        listQuery={(filter) => memberEvidenceListQuery(organisationId, filter)}
        downloadHref={(evidence) => memberEvidenceContentUrl(organisationId, evidence.id)}
      />
    </>
  );
}
