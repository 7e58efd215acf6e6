import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ProfileSection,
  SavedAnswer,
  SecurityProfileView,
} from '../../../domain/security-profile/security-profile.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SideNav } from '../../components/ui/side-nav.tsx';
import { SummaryBox } from '../../components/ui/summary-box.tsx';
import { Tag } from '../../components/ui/tag.tsx';
import {
  ownSecurityProfileQuery,
  securityProfileKeys,
  startSecurityProfile,
} from '../../features/security-profile/api/security-profile-api.ts';
import { AnnualReviewPanel } from '../../features/security-profile/components/annual-review-panel.tsx';
import { CatalogUpdateBanner } from '../../features/security-profile/components/catalog-update-banner.tsx';
import { CriterionCard } from '../../features/security-profile/components/criterion-card.tsx';
import { ProfileDownloads } from '../../features/security-profile/components/profile-downloads.tsx';
import { ReadinessFigures } from '../../features/security-profile/components/readiness-summary.tsx';
import { SectionAssignment } from '../../features/security-profile/components/section-assignment.tsx';
import { withSavedAnswer } from '../../features/security-profile/with-saved-answer.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/**
 * The company's Security Profile (issue 5, items 2, 3 and 8): one section (MSC category) at a
 * time with its criteria, autosaved answers, comments and linked evidence; progress and
 * readiness per section and overall; section assignment; a newer catalog's changes.
 */
export function SecurityProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('securityProfile.title'));
  const profile = useQuery(ownSecurityProfileQuery());
  return (
    <>
      <h1 className="margin-top-0">{t('securityProfile.heading')}</h1>
      <p className="usa-intro">{t('securityProfile.intro')}</p>
      {profile.isPending ? (
        <p role="status" className="text-base-dark">
          {t('securityProfile.loading')}
        </p>
      ) : profile.isError ? (
        <ApiErrorAlert
          heading={t('securityProfile.loadError')}
          error={profile.error}
          onRetry={() => void profile.refetch()}
        />
      ) : profile.data === null ? (
        <StartProfile />
      ) : (
        <>
          <AnnualReviewPanel />
          <ProfileEditor view={profile.data} />
        </>
      )}
    </>
  );
}

function StartProfile() {
  const { t } = useTranslation();
  const canEdit = useCan('profile:edit');
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: startSecurityProfile,
    onSuccess: (view) => {
      queryClient.setQueryData(securityProfileKeys.own, view);
    },
  });
  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">{t('securityProfile.start.heading')}</h2>
      <p className="measure-5">{t('securityProfile.start.body')}</p>
      {canEdit ? (
        <Button disabled={start.isPending} onClick={() => start.mutate()}>
          {t('securityProfile.start.button')}
        </Button>
      ) : (
        <p>{t('securityProfile.start.noPermission')}</p>
      )}
      {start.isError ? (
        <div className="margin-top-2">
          <ApiErrorAlert heading={t('securityProfile.start.failed')} error={start.error} />
        </div>
      ) : null}
    </section>
  );
}

function ProfileEditor({ view }: { view: SecurityProfileView }) {
  const { t } = useTranslation();
  const search = useSearch({ from: '/profile' });
  const canEdit = useCan('profile:edit');
  const canAssign = useCan('profile:assign');
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const onSaved = useCallback(
    (saved: SavedAnswer) => {
      queryClient.setQueryData<SecurityProfileView | null>(securityProfileKeys.own, (current) =>
        current ? withSavedAnswer(current, saved.criterionId, saved.answer) : current,
      );
    },
    [queryClient],
  );
  const section =
    view.sections.find((candidate) => candidate.category === search.section) ??
    view.sections.find((candidate) => candidate.criteria.length > 0) ??
    view.sections[0];
  const myUserId = session?.user.id ?? null;
  return (
    <>
      <SummaryBox heading={t('securityProfile.summary.heading')} className="margin-bottom-3">
        <p className="margin-top-0">
          <Tag tone={view.status === 'approved' ? 'success' : 'primary'}>
            {t(`securityProfile.statuses.${view.status}`)}
          </Tag>{' '}
          {t('securityProfile.summary.catalog', { version: view.catalogVersion })}
        </p>
        <ReadinessFigures
          readiness={view.readiness}
          label={t('securityProfile.summary.progressLabel')}
        />
        {!view.editable ? (
          <p className="margin-bottom-0">{t(`securityProfile.summary.readOnly.${view.status}`)}</p>
        ) : null}
        <ProfileDownloads path="/api/v1/profile/export" />
      </SummaryBox>
      {view.catalogUpdate ? (
        <CatalogUpdateBanner update={view.catalogUpdate} canMove={canEdit && view.editable} />
      ) : null}
      <div className="grid-row grid-gap-4">
        <nav className="tablet:grid-col-4" aria-label={t('securityProfile.nav.label')}>
          <SideNav
            entries={view.sections.map((entry) => ({
              id: String(entry.category),
              link: (
                <Link
                  to="/profile"
                  search={{ section: entry.category }}
                  className={entry.category === section?.category ? 'usa-current' : undefined}
                  aria-current={entry.category === section?.category ? 'page' : undefined}
                >
                  {entry.category}. {entry.name}{' '}
                  <span className="text-base-dark font-sans-3xs">
                    {t('securityProfile.nav.progress', {
                      answered: entry.readiness.answered,
                      applicable: entry.readiness.applicable,
                    })}
                  </span>
                </Link>
              ),
            }))}
          />
        </nav>
        <div className="tablet:grid-col-8">
          {section ? (
            <SectionView
              key={section.category}
              section={section}
              view={view}
              canEdit={canEdit}
              canAssign={canAssign}
              myUserId={myUserId}
              onSaved={onSaved}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

function SectionView({
  section,
  view,
  canEdit,
  canAssign,
  myUserId,
  onSaved,
}: {
  section: ProfileSection;
  view: SecurityProfileView;
  canEdit: boolean;
  canAssign: boolean;
  myUserId: string | null;
  onSaved: (saved: SavedAnswer) => void;
}) {
  const { t } = useTranslation();
  // Holders of profile:assign answer every section; others only the sections given to them.
  const mine = canAssign || (myUserId !== null && section.assigneeUserId === myUserId);
  const editable = view.editable && canEdit && mine;
  const assignee = view.people.find((person) => person.userId === section.assigneeUserId);
  return (
    <section aria-labelledby="section-heading">
      <h2 id="section-heading" className="margin-top-0">
        {t('securityProfile.section.heading', { number: section.category, name: section.name })}
      </h2>
      {section.provisionalName ? (
        <p>
          <Tag tone="warning">{t('securityProfile.section.provisionalName')}</Tag>
        </p>
      ) : null}
      <ReadinessFigures
        readiness={section.readiness}
        label={t('securityProfile.section.progressLabel', { number: section.category })}
      />
      {canAssign && view.editable ? (
        <SectionAssignment
          category={section.category}
          assigneeUserId={section.assigneeUserId}
          people={view.people}
        />
      ) : (
        <p>
          {assignee
            ? t('securityProfile.section.assignedToName', { name: assignee.displayName })
            : t('securityProfile.section.notAssigned')}
        </p>
      )}
      {view.editable && canEdit && !mine ? (
        <Alert type="info" slim className="margin-bottom-2">
          <p className="margin-y-0">{t('securityProfile.section.notYours')}</p>
        </Alert>
      ) : null}
      {section.criteria.length === 0 ? (
        <p>{t('securityProfile.section.noCriteria')}</p>
      ) : (
        section.criteria.map((criterion) => (
          <CriterionCard
            key={criterion.id}
            criterion={criterion}
            people={view.people}
            editable={editable}
            canComment={canEdit && view.status !== 'approved'}
            onSaved={onSaved}
          />
        ))
      )}
    </section>
  );
}
