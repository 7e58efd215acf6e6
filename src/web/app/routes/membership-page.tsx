import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MEMBER_TRANSITIONS } from '../../../domain/registry/lifecycle/member-transition.schema.ts';
import { ApiErrorAlert } from '../../components/api-error-alert.tsx';
import { Alert } from '../../components/ui/alert.tsx';
import {
  ownMembershipQuery,
  registryKeys,
  transitionOwnMembership,
} from '../../features/registry/api/registry-api.ts';
import { MembershipOverview } from '../../features/registry/components/membership-overview.tsx';
import { TransitionActions } from '../../features/registry/components/transition-actions.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/**
 * The company's own CTPAT membership: where the application stands, the tier, the entity types
 * and identifiers, every clock with its rule, the status history, and the actions the company
 * may take (withdraw, answer a suspension, apply again).
 */
export function MembershipPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('registry.membership.title'));
  const session = useSignedIn();
  const canApply = useCan('registry:apply');
  const membership = useQuery(ownMembershipQuery());
  const organisationName =
    session?.memberships.find((m) => m.organisationId === session.organisationId)
      ?.organisationName ?? '';

  return (
    <>
      <h1 className="margin-top-0">{t('registry.membership.heading')}</h1>
      <p className="usa-intro">{t('registry.membership.intro', { company: organisationName })}</p>
      {membership.isPending ? (
        <p role="status" className="text-base-dark">
          {t('registry.membership.loading')}
        </p>
      ) : membership.isError ? (
        <ApiErrorAlert
          heading={t('registry.membership.loadError')}
          error={membership.error}
          onRetry={() => void membership.refetch()}
        />
      ) : membership.data === null ? (
        <Alert type="info" heading={t('registry.membership.notStartedHeading')}>
          <p className="margin-top-1">{t('registry.membership.notStarted')}</p>
          {canApply ? (
            <Link to="/membership/apply" className="usa-button margin-top-1">
              {t('registry.membership.startApplication')}
            </Link>
          ) : (
            <p>{t('registry.membership.askOfficer')}</p>
          )}
        </Alert>
      ) : (
        <MembershipOverview file={membership.data}>
          {membership.data.state.status === 'pre_applicant' ? (
            <Alert
              type="info"
              heading={t('registry.membership.draftHeading')}
              className="margin-bottom-4"
            >
              <p className="margin-top-1">{t('registry.membership.draft')}</p>
              {canApply ? (
                <Link to="/membership/apply" className="usa-button margin-top-1">
                  {t('registry.membership.continueApplication')}
                </Link>
              ) : null}
            </Alert>
          ) : null}
          <TransitionActions
            heading={t('registry.membership.actionsHeading')}
            transitions={MEMBER_TRANSITIONS.filter((transition) =>
              membership.data?.availableTransitions.includes(transition),
            )}
            subject={membership.data.legalName}
            fileKey={registryKeys.ownMembership}
            send={(transition, input) =>
              transitionOwnMembership({
                transition,
                ...(input.reason ? { reason: input.reason } : {}),
                ...(input.evidenceIds ? { evidenceIds: input.evidenceIds } : {}),
              })
            }
          />
        </MembershipOverview>
      )}
    </>
  );
}
