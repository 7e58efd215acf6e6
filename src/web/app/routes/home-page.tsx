import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../domain/organisations/organisation.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { ModuleCollection } from '../../features/modules/components/module-collection.tsx';
import { organisationFirstPageQuery } from '../../features/organisations/api/organisations-api.ts';
import { OrganisationsTable } from '../../features/organisations/components/organisations-table.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** The home page: what OpenCTPAT is, its modules and their status, live directory figures. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <h1 className="margin-top-0">{t('home.heading')}</h1>
      <p className="usa-intro">{t('home.intro')}</p>
      <Alert type="info" slim heading={t('home.buildNoticeHeading')} headingLevel="h2">
        <p className="margin-y-0">{t('home.buildNotice')}</p>
      </Alert>

      <section aria-labelledby="home-modules" className="margin-top-5">
        <h2 id="home-modules">{t('home.modulesHeading')}</h2>
        <p>{t('home.modulesIntro')}</p>
        <ModuleCollection headingLevel="h3" />
      </section>

      <section aria-labelledby="home-directory" className="margin-top-5">
        <h2 id="home-directory">{t('home.directoryHeading')}</h2>
        <p>{t('home.directoryIntro')}</p>
        <DirectoryOverview kind="member_company" />
        <DirectoryOverview kind="cbp_office" />
        <p className="margin-top-3">
          <Link to="/organisations" className="usa-link">
            {t('home.openDirectory')}
          </Link>
        </p>
      </section>
    </>
  );
}

const OVERVIEW = {
  member_company: {
    heading: 'home.membersHeading',
    caption: 'home.membersCaption',
    columns: ['location', 'entityTypes'],
  },
  cbp_office: {
    heading: 'home.officesHeading',
    caption: 'home.officesCaption',
    columns: ['location'],
  },
} as const;

/** The first page of one kind of organisation, with how many there are. */
function DirectoryOverview({ kind }: { kind: OrganisationKind }) {
  const { t } = useTranslation();
  const query = useQuery(organisationFirstPageQuery({ kind }));
  const { heading, caption, columns } = OVERVIEW[kind];
  const headingId = `home-directory-${kind}`;
  return (
    <section aria-labelledby={headingId} className="margin-top-4">
      <h3 id={headingId}>{t(heading)}</h3>
      {query.isPending ? (
        <p role="status" className="text-base-dark">
          {t('organisations.loading')}
        </p>
      ) : query.isError ? (
        <ApiErrorAlert
          heading={t('organisations.loadError')}
          headingLevel="h4"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          <p className="margin-y-1">
            {query.data.nextCursor
              ? t('home.countAtLeast', { count: query.data.items.length })
              : t('home.count', { count: query.data.items.length })}
          </p>
          <OrganisationsTable
            caption={t(caption)}
            organisations={query.data.items}
            columns={columns}
          />
        </>
      )}
    </section>
  );
}
