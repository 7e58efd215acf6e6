import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { cbpValidationQuery } from '../../features/validations/api/validations-api.ts';
import { ResponseDecisionsSection } from '../../features/validations/components/response-decisions-panel.tsx';
import { ScheduleForm } from '../../features/validations/components/schedule-form.tsx';
import {
  AssignmentForm,
  CancelForm,
  isCancellable,
} from '../../features/validations/components/validation-cbp-actions.tsx';
import {
  ValidationFacts,
  ValidationParticipants,
  type ValidationSection,
  type ValidationSectionProps,
  ValidationSectionsPage,
  ValidationSites,
  ValidationTimeline,
} from '../../features/validations/components/validation-details.tsx';
import { isOpenValidation } from '../../features/validations/components/validation-labels.tsx';
import { CbpPackageSection } from '../../features/validations/components/validation-package-sections.tsx';
import { useCan, useSignedIn } from '../shell/use-viewer.ts';

/**
 * The sections of CBP's page of one validation, in order. Each takes the validation and decides
 * for itself whether it shows (permission, status). Other parts of issue 6 add theirs here: the
 * preparation package (validation-documents-panel.tsx), the work program and report, the
 * member's responses and the outcome.
 */
export const CBP_VALIDATION_SECTIONS: readonly ValidationSection[] = [
  { id: 'facts', Section: ValidationFacts },
  { id: 'work-program', Section: WorkProgramLink },
  { id: 'assignment', Section: AssignmentSection },
  { id: 'schedule', Section: ScheduleSection },
  { id: 'sites', Section: ValidationSites },
  { id: 'participants', Section: ValidationParticipants },
  { id: 'package', Section: CbpPackageSection },
  { id: 'cancel', Section: CancelSection },
  { id: 'responses', Section: ResponseDecisionsSection },
  { id: 'timeline', Section: ValidationTimeline },
];

/** One validation for CBP (issue 6, items 1 and 2, and the sections of the later items). */
export function CbpValidationPage() {
  const { t } = useTranslation();
  const { validationId } = useParams({ from: '/cbp/validations/$validationId' });
  const validation = useQuery(cbpValidationQuery(validationId));
  return (
    <ValidationSectionsPage
      validation={validation}
      heading={t('validations.planning.title')}
      back={
        <Link to="/cbp/validations" className="usa-link">
          {t('validations.planning.back')}
        </Link>
      }
      sections={CBP_VALIDATION_SECTIONS}
    />
  );
}

function WorkProgramLink({ validation }: ValidationSectionProps) {
  const { t } = useTranslation();
  if (validation.status === 'planned' || validation.status === 'cancelled') return null;
  return (
    <p>
      <Link
        to="/cbp/validations/$validationId/work-program"
        params={{ validationId: validation.id }}
        className="usa-button usa-button--outline"
      >
        {t('validations.workProgramLink')}
      </Link>
    </p>
  );
}

function AssignmentSection({ validation }: ValidationSectionProps) {
  const canPlan = useCan('validation:plan:any');
  return canPlan && isOpenValidation(validation) ? (
    <AssignmentForm validation={validation} />
  ) : null;
}

/** Scheduling: by the assigned specialist, or by those who assign the work (the server checks). */
function ScheduleSection({ validation }: ValidationSectionProps) {
  const session = useSignedIn();
  const canConduct = useCan('validation:conduct:any');
  const canPlan = useCan('validation:plan:any');
  const mine = session !== null && validation.specialist?.id === session.user.id;
  const schedulable = validation.status === 'planned' || validation.status === 'scheduled';
  return canConduct && (canPlan || mine) && schedulable ? (
    <ScheduleForm validation={validation} />
  ) : null;
}

function CancelSection({ validation }: ValidationSectionProps) {
  const canPlan = useCan('validation:plan:any');
  return canPlan && isCancellable(validation) ? <CancelForm validation={validation} /> : null;
}
