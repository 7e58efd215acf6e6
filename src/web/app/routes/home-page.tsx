import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { entityTypeLabelKey } from '../../../domain/organisations/entity-types.ts';
import type { OrganisationKind } from '../../../domain/organisations/organisation.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { SummaryBox } from '../../components/ui/summary-box.tsx';
import { ModuleCollection } from '../../features/modules/components/module-collection.tsx';
import {
  organisationFirstPageQuery,
  organisationQuery,
} from '../../features/organisations/api/organisations-api.ts';
import { OrganisationsTable } from '../../features/organisations/components/organisations-table.tsx';
import { pendingStep, type SignedInSession } from '../../features/session/api/session-api.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useFormatters } from '../../lib/use-formatters.ts';
import { useSession, useSignedIn } from '../shell/use-viewer.ts';

/**
 * The home page. A visitor: what OpenCTPAT is, its modules and a way to sign in. Signed in:
 * CBP staff see the organisation directory's figures, members their own organisation.
 */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const { session, pending } = useSession();
  const signedIn = useSignedIn();
  const step = pendingStep(session);
  return (
    <>
      <h1 className="margin-top-0">{t('home.heading')}</h1>
      <p className="usa-intro">{t('home.intro')}</p>

      {pending ? null : signedIn ? (
        <SignedInOverview session={signedIn} />
      ) : step ? (
        <Alert type="warning" heading={t('home.finishSignInHeading')} headingLevel="h2">
          <p className="margin-y-0">
            {step === 'verify' ? (
              <Link to="/sign-in/verify" className="usa-link">
                {t('home.finishVerify')}
              </Link>
            ) : (
              <Link to="/account/security/enrol" className="usa-link">
                {t('home.finishEnrol')}
              </Link>
            )}
          </p>
        </Alert>
      ) : (
        <section aria-labelledby="home-sign-in" className="margin-top-4">
          <h2 id="home-sign-in">{t('home.signInHeading')}</h2>
          <p>{t('home.signInIntro')}</p>
          <Link to="/sign-in" className="usa-button">
            {t('home.signInAction')}
          </Link>
        </section>
      )}

      <Alert
        type="info"
        slim
        heading={t('home.buildNoticeHeading')}
        headingLevel="h2"
        className="margin-top-4"
      >
        <p className="margin-y-0">{t('home.buildNotice')}</p>
      </Alert>

      <section aria-labelledby="home-modules" className="margin-top-5">
        <h2 id="home-modules">{t('home.modulesHeading')}</h2>
        <p>{t('home.modulesIntro')}</p>
        <ModuleCollection headingLevel="h3" />
      </section>
    </>
  );
}

function SignedInOverview({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const membership = session.memberships.find(
    (candidate) => candidate.organisationId === session.organisationId,
  );
  return (
    <>
      <p>
        {membership && session.role
          ? t('home.welcomeRole', {
              name: session.user.displayName,
              role: t(`roles.${session.role}`),
              organisation: membership.organisationName,
            })
          : t('home.welcome', { name: session.user.displayName })}
      </p>
      {session.permissions.includes('organisations:read:any') ? (
        <section aria-labelledby="home-directory" className="margin-top-4">
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
      ) : session.permissions.includes('organisations:read') && session.organisationId ? (
        <OwnOrganisation organisationId={session.organisationId} />
      ) : null}
    </>
  );
}

/** A member's own organisation: what the registry holds about it. */
function OwnOrganisation({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const organisation = useQuery(organisationQuery(organisationId));
  if (organisation.isPending) {
    return (
      <p role="status" className="text-base-dark">
        {t('organisations.loading')}
      </p>
    );
  }
  if (organisation.isError) {
    return (
      <ApiErrorAlert
        heading={t('organisations.loadError')}
        error={organisation.error}
        onRetry={() => void organisation.refetch()}
      />
    );
  }
  const data = organisation.data;
  return (
    <SummaryBox heading={t('home.ownOrganisationHeading')} className="margin-top-4">
      <p className="text-bold margin-top-0 margin-bottom-1">{data.legalName}</p>
      {data.tradeName ? (
        <p className="margin-y-05">{t('organisations.tradeName', { name: data.tradeName })}</p>
      ) : null}
      <p className="margin-y-05">
        {t(`organisationKinds.${data.kind}`)} · {data.city}, {format.countryName(data.countryCode)}
      </p>
      {data.entityTypes.length > 0 ? (
        <p className="margin-y-05">
          {format.list(data.entityTypes.map((type) => t(entityTypeLabelKey(type))))}
        </p>
      ) : null}
    </SummaryBox>
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
