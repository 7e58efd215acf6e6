import { useTranslation } from 'react-i18next';
import type { ProfileVersion } from '../../../../domain/security-profile/profile-review.schema.ts';
import { SummaryBox } from '../../../components/ui/summary-box.tsx';
import { useFormatters } from '../../../lib/use-formatters.ts';
import { VersionStatusTag } from './version-status-tag.tsx';

/** Who submitted a version and when, what they attested to, and CBP's decision. */
export function VersionSummary({ version }: { version: ProfileVersion }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const readiness = version.snapshot.readiness;
  return (
    <SummaryBox heading={t('profileReview.version.summary')}>
      <dl className="margin-y-0">
        <dt className="text-bold">{t('profileReview.version.status')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          <VersionStatusTag status={version.status} />
        </dd>
        <dt className="text-bold">{t('profileReview.version.submitted')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {t('profileReview.version.submittedBy', {
            date: format.dateTime(version.submittedAt),
            name: version.submittedByName ?? '—',
          })}
        </dd>
        {version.decidedAt ? (
          <>
            <dt className="text-bold">{t('profileReview.version.decided')}</dt>
            <dd className="margin-left-0 margin-bottom-1">{format.dateTime(version.decidedAt)}</dd>
          </>
        ) : null}
        <dt className="text-bold">{t('profileReview.version.readiness')}</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {t('profileReview.readiness.mustsMet', {
            met: readiness.mustsMet,
            of: readiness.mustsApplicable,
          })}
          {'; '}
          {t('profileReview.readiness.shouldsMet', {
            met: readiness.shouldsMet,
            of: readiness.shouldsApplicable,
          })}
        </dd>
        <dt className="text-bold">{t('profileReview.version.attestation')}</dt>
        <dd className="margin-left-0">
          <blockquote className="margin-x-0 margin-y-1 border-left-05 border-primary padding-left-2">
            {version.attestation}
          </blockquote>
        </dd>
      </dl>
    </SummaryBox>
  );
}
