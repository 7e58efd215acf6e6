import { useTranslation } from 'react-i18next';
import { ApplicationWizard } from '../../features/registry/application/application-wizard.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSignedIn } from '../shell/use-viewer.ts';

/** The CTPAT application wizard for the company the session acts for. */
export function MembershipApplyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('registry.apply.title'));
  const session = useSignedIn();
  const organisationName =
    session?.memberships.find((m) => m.organisationId === session.organisationId)
      ?.organisationName ?? '';
  return (
    <>
      <h1 className="margin-top-0">{t('registry.apply.heading')}</h1>
      <p className="usa-intro">{t('registry.apply.intro', { company: organisationName })}</p>
      {session?.organisationId ? <ApplicationWizard session={session} /> : null}
    </>
  );
}
