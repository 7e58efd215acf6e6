import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { companyProfileQuery } from '../../features/company-profile/api/company-profile-api.ts';
import { AddressesSection } from '../../features/company-profile/components/addresses-section.tsx';
import { CompanyDetailsSection } from '../../features/company-profile/components/company-details-section.tsx';
import { ContactsSection } from '../../features/company-profile/components/contacts-section.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/**
 * The company profile of the member company the session acts for (issue 4, item 4): its other
 * names and history, addresses and contacts. Officers and admins edit it; other members read it.
 * An application is submitted only with a headquarters address and a primary contact.
 */
export function CompanyProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('companyProfile.title'));
  const session = useSignedIn();
  const canManage = useCan('company_profile:manage');
  const organisationId = session?.organisationId ?? '';
  const profile = useQuery({
    ...companyProfileQuery(organisationId),
    enabled: organisationId !== '',
  });
  return (
    <>
      <h1 className="margin-top-0">{t('companyProfile.heading')}</h1>
      <p className="usa-intro">{t('companyProfile.intro')}</p>
      {canManage ? null : (
        <Alert type="info" slim>
          <p className="margin-y-0">{t('companyProfile.readOnly')}</p>
        </Alert>
      )}
      {organisationId === '' ? (
        <p>{t('companyProfile.noCompany')}</p>
      ) : profile.isPending ? (
        <p role="status" className="text-base-dark">
          {t('companyProfile.loading')}
        </p>
      ) : profile.isError ? (
        <ApiErrorAlert
          heading={t('companyProfile.loadError')}
          error={profile.error}
          onRetry={() => void profile.refetch()}
        />
      ) : (
        <>
          <CompanyDetailsSection
            key={profile.data.organisationId}
            profile={profile.data}
            canManage={canManage}
          />
          <AddressesSection profile={profile.data} canManage={canManage} />
          <ContactsSection profile={profile.data} canManage={canManage} />
        </>
      )}
    </>
  );
}
