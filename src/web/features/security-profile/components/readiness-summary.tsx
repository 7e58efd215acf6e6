import { useTranslation } from 'react-i18next';
import type { SecurityProfileView } from '../../../../domain/security-profile/security-profile.schema.ts';

type Readiness = SecurityProfileView['readiness'];

/**
 * Progress (answered of applicable) with a progress bar, and readiness: musts met of musts
 * applicable, shoulds met (readiness.ts decides what "met" is).
 */
export function ReadinessFigures({ readiness, label }: { readiness: Readiness; label: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <progress
        className="width-full"
        value={readiness.answered}
        max={Math.max(readiness.applicable, 1)}
        aria-label={label}
      />
      <ul className="usa-list usa-list--unstyled margin-top-05">
        <li>
          {t('securityProfile.readiness.answered', {
            answered: readiness.answered,
            applicable: readiness.applicable,
          })}
        </li>
        <li>
          <strong>
            {t('securityProfile.readiness.musts', {
              met: readiness.mustsMet,
              applicable: readiness.mustsApplicable,
            })}
          </strong>
        </li>
        <li>
          {t('securityProfile.readiness.shoulds', {
            met: readiness.shouldsMet,
            applicable: readiness.shouldsApplicable,
          })}
        </li>
      </ul>
    </div>
  );
}
