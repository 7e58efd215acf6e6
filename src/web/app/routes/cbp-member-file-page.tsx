import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { SelectField, TextField } from '../../components/ui/form-fields.tsx';
import { organisationQuery } from '../../features/organisations/api/organisations-api.ts';
import {
  memberFileQuery,
  memberProfileQuery,
  registryKeys,
  type Specialist,
  specialistsQuery,
  transitionMember,
} from '../../features/registry/api/registry-api.ts';
import { CompanyProfileSummary } from '../../features/registry/components/company-profile-summary.tsx';
import { MembershipOverview } from '../../features/registry/components/membership-overview.tsx';
import { TransitionActions } from '../../features/registry/components/transition-actions.tsx';
import type { TransitionDialogProps } from '../../features/registry/components/transition-dialog.tsx';
import { TradeCompliancePanel } from '../../features/trade-compliance/trade-compliance-panel.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan } from '../shell/use-viewer.ts';

function specialistName(specialists: readonly Specialist[] | null, userId: string): string {
  return specialists?.find((specialist) => specialist.userId === userId)?.displayName ?? userId;
}

/** The specialist field of the assignment: a picker when the server lists specialists. */
function specialistFieldFor(
  specialists: readonly Specialist[] | null,
  t: TFunction,
): NonNullable<TransitionDialogProps['specialistField']> {
  return ({ value, onChange, error }) =>
    specialists && specialists.length > 0 ? (
      <SelectField
        id="assign-specialist"
        name="specialistUserId"
        label={t('registry.memberFile.specialist')}
        emptyOption={t('registry.memberFile.chooseSpecialist')}
        options={specialists.map((specialist) => ({
          value: specialist.userId,
          label: `${specialist.displayName} (${specialist.officeName})`,
        }))}
        value={value}
        error={error}
        onChange={onChange}
      />
    ) : (
      <TextField
        id="assign-specialist"
        name="specialistUserId"
        label={t('registry.memberFile.specialistId')}
        hint={t('registry.memberFile.specialistIdHint')}
        value={value}
        error={error}
        spellCheck={false}
        maxLength={36}
        onChange={onChange}
      />
    );
}

/**
 * A member's CTPAT file for CBP: the membership (status, tier, entity types, clocks, history),
 * the assigned specialist and office, the company profile, and the lifecycle transitions the
 * viewer's role may make, each confirmed in a dialog.
 */
export function CbpMemberFilePage() {
  const { t } = useTranslation();
  const { organisationId } = useParams({ from: '/cbp/members/$organisationId' });
  const file = useQuery(memberFileQuery(organisationId));
  const profile = useQuery(memberProfileQuery(organisationId));
  const specialists = useQuery(specialistsQuery());
  const officeId = file.data?.cbpOfficeId ?? null;
  const office = useQuery({ ...organisationQuery(officeId ?? ''), enabled: officeId !== null });
  const name = file.data?.legalName ?? '';
  useDocumentTitle(
    name
      ? t('registry.memberFile.title', { company: name })
      : t('registry.memberFile.titleLoading'),
  );
  const specialistList = specialists.data?.items ?? null;
  const canReadEvidence = useCan('evidence:read:any');

  return (
    <>
      <h1 className="margin-top-0">
        {name
          ? t('registry.memberFile.heading', { company: name })
          : t('registry.memberFile.titleLoading')}
      </h1>
      {canReadEvidence ? (
        <p>
          <Link
            className="usa-link"
            to="/cbp/members/$organisationId/evidence"
            params={{ organisationId }}
          >
            {t('evidence.nav')}
          </Link>
        </p>
      ) : null}
      {file.isPending ? (
        <p role="status" className="text-base-dark">
          {t('registry.memberFile.loading')}
        </p>
      ) : file.isError ? (
        <ApiErrorAlert
          heading={t('registry.memberFile.loadError')}
          error={file.error}
          onRetry={() => void file.refetch()}
        />
      ) : (
        <MembershipOverview
          file={file.data}
          extraFacts={
            <>
              <div className="margin-bottom-1">
                <dt className="text-bold display-inline">{t('registry.memberFile.specialist')}:</dt>{' '}
                <dd className="display-inline margin-left-0">
                  {file.data.assignedSpecialistUserId
                    ? specialistName(specialistList, file.data.assignedSpecialistUserId)
                    : t('registry.memberFile.noSpecialist')}
                </dd>
              </div>
              <div className="margin-bottom-1">
                <dt className="text-bold display-inline">{t('registry.memberFile.office')}:</dt>{' '}
                <dd className="display-inline margin-left-0">
                  {officeId === null
                    ? t('registry.memberFile.noOffice')
                    : (office.data?.legalName ?? officeId)}
                </dd>
              </div>
            </>
          }
        >
          <TransitionActions
            heading={t('registry.memberFile.actionsHeading')}
            transitions={file.data.availableTransitions}
            subject={file.data.legalName}
            fileKey={registryKeys.member(organisationId)}
            send={(transition, input) => transitionMember(organisationId, { transition, ...input })}
            specialistField={specialistFieldFor(specialistList, t)}
          />
          {file.data.availableTransitions.length === 0 ? (
            <p>{t('registry.memberFile.noActions')}</p>
          ) : null}
        </MembershipOverview>
      )}
      {profile.data ? <CompanyProfileSummary profile={profile.data} /> : null}
      {file.isSuccess ? <TradeCompliancePanel organisationId={organisationId} /> : null}
    </>
  );
}
