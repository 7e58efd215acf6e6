import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ownValidationQuery } from '../../features/validations/api/validations-api.ts';
import { MemberReportSection } from '../../features/validations/components/report-member-view.tsx';
import { RequiredActionsSection } from '../../features/validations/components/required-actions-panel.tsx';
import {
  ValidationFacts,
  ValidationParticipants,
  type ValidationSection,
  ValidationSectionsPage,
  ValidationSites,
  ValidationTimeline,
} from '../../features/validations/components/validation-details.tsx';
import { MemberPackageSection } from '../../features/validations/components/validation-package-sections.tsx';
import { useSignedIn } from '../shell/use-viewer.ts';

/**
 * The sections of the member's page of one validation, in order. Each takes the validation and
 * decides for itself whether it shows. Other parts of issue 6 add theirs here: the preparation
 * package and readiness check, the report, the required actions to answer, the outcome.
 */
export const MEMBER_VALIDATION_SECTIONS: readonly ValidationSection[] = [
  { id: 'facts', Section: ValidationFacts },
  { id: 'sites', Section: ValidationSites },
  { id: 'participants', Section: ValidationParticipants },
  { id: 'package', Section: MemberPackageSection },
  { id: 'report', Section: MemberReportSection },
  { id: 'responses', Section: RequiredActionsSection },
  { id: 'timeline', Section: ValidationTimeline },
];

/** One of the company's validations (issue 6): dates, sites, agenda, contacts, what happened. */
export function ValidationPage() {
  const { t } = useTranslation();
  const { validationId } = useParams({ from: '/validations/$validationId' });
  const session = useSignedIn();
  const validation = useQuery({
    ...ownValidationQuery(session?.organisationId ?? '', validationId),
    enabled: Boolean(session?.organisationId),
  });
  return (
    <ValidationSectionsPage
      validation={validation}
      heading={t('validations.member.title')}
      back={
        <Link to="/validations" className="usa-link">
          {t('validations.member.back')}
        </Link>
      }
      intro={(data) =>
        data.status === 'scheduled' ? (
          <p className="usa-intro">{t('validations.member.scheduledIntro')}</p>
        ) : null
      }
      sections={MEMBER_VALIDATION_SECTIONS}
    />
  );
}
