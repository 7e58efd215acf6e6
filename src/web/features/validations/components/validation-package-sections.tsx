import { PACKAGE_VALIDATION_STATUSES } from '../../../../domain/validations/preparation-package.ts';
import type { ValidationView } from '../../../../domain/validations/validation-api.schema.ts';
import { useCan, useSignedIn } from '../../../app/shell/use-viewer.ts';
import { ReadinessCheckPanel } from './readiness-check-panel.tsx';
import { ValidationDocumentsPanel } from './validation-documents-panel.tsx';

/**
 * The preparation package as sections of the validation pages (issue 6, item 3): who may
 * generate is decided here from the viewer's permissions and the validation's status (the server
 * checks again); the packages generated before stay listed once the validation is over.
 */

/** The member's validation page: the company's officers and administrators generate. */
export function MemberPackageSection({ validation }: { validation: ValidationView }) {
  const canRead = useCan('validation:read');
  if (validation.status === 'planned') return null;
  return (
    <ValidationDocumentsPanel
      side="member"
      validationId={validation.id}
      canGenerate={canRead && PACKAGE_VALIDATION_STATUSES.includes(validation.status)}
    />
  );
}

/** CBP's validation page: the assigned specialist, or a supervisory specialist, generates. */
export function CbpPackageSection({ validation }: { validation: ValidationView }) {
  const session = useSignedIn();
  const canConduct = useCan('validation:conduct:any');
  const canPlan = useCan('validation:plan:any');
  if (validation.status === 'planned') return null;
  const mine = session !== null && validation.specialist?.id === session.user.id;
  return (
    <ValidationDocumentsPanel
      side="cbp"
      validationId={validation.id}
      canGenerate={
        canConduct && (canPlan || mine) && PACKAGE_VALIDATION_STATUSES.includes(validation.status)
      }
    />
  );
}

/** The member's validations list: a readiness check from the current profile, any time. */
export function ReadinessCheckSection() {
  const canRead = useCan('validation:read');
  return canRead ? <ReadinessCheckPanel canGenerate={canRead} /> : null;
}
